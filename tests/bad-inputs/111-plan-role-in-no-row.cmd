payout 111-plan-role-in-no-row.plan.yaml --results base.csv --out 111-plan-role-in-no-row.ledger.csv
