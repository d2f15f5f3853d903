payout 53-plan-wrong-param-type.plan.yaml --results base.csv --out 53-plan-wrong-param-type.ledger.csv
