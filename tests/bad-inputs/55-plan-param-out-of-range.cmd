payout 55-plan-param-out-of-range.plan.yaml --results base.csv --out 55-plan-param-out-of-range.ledger.csv
