payout 59-plan-fraction-of-a-cent.plan.yaml --results base.csv --out 59-plan-fraction-of-a-cent.ledger.csv
