payout 54-plan-missing-required-param.plan.yaml --results base.csv --out 54-plan-missing-required-param.ledger.csv
