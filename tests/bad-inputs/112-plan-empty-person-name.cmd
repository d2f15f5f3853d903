payout 112-plan-empty-person-name.plan.yaml --results base.csv --out 112-plan-empty-person-name.ledger.csv
