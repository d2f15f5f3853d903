# No period column.
payout base.plan.yaml --results 63-csv-missing-column.csv --out 63-csv-missing-column.ledger.csv
