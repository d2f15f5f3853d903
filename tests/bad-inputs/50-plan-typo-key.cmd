payout 50-plan-typo-key.plan.yaml --results base.csv --out 50-plan-typo-key.ledger.csv
