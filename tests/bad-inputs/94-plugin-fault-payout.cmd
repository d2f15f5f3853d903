payout 94-plugin-fault-payout.plan.yaml --results base.csv --plugin-path {fixtures} --out 94-plugin-fault-payout.ledger.csv
