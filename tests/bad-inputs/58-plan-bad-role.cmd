payout 58-plan-bad-role.plan.yaml --results base.csv --out 58-plan-bad-role.ledger.csv
