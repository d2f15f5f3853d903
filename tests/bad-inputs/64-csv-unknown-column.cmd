# A column no plan is paid on.
payout base.plan.yaml --results 64-csv-unknown-column.csv --out 64-csv-unknown-column.ledger.csv
