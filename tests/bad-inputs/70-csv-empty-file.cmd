# An empty results file.
payout base.plan.yaml --results 70-csv-empty-file.csv --out 70-csv-empty-file.ledger.csv
