payout 57-plan-empty-file.plan.yaml --results base.csv --out 57-plan-empty-file.ledger.csv
