payout 60-plan-unknown-param.plan.yaml --results base.csv --out 60-plan-unknown-param.ledger.csv
