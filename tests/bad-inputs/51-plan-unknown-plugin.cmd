payout 51-plan-unknown-plugin.plan.yaml --results base.csv --out 51-plan-unknown-plugin.ledger.csv
