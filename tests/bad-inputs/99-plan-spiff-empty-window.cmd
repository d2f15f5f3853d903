payout 99-plan-spiff-empty-window.plan.yaml --results base.csv --out 99-plan-spiff-empty-window.ledger.csv
