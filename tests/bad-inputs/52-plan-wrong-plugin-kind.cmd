payout 52-plan-wrong-plugin-kind.plan.yaml --results base.csv --out 52-plan-wrong-plugin-kind.ledger.csv
