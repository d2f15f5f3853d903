payout 56-plan-duplicate-key.plan.yaml --results base.csv --out 56-plan-duplicate-key.ledger.csv
