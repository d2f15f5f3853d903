payout 61-plan-wrong-period.plan.yaml --results base.csv --out 61-plan-wrong-period.ledger.csv
