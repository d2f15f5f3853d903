# The same person and period twice.
payout base.plan.yaml --results 69-csv-duplicate-row.csv --out 69-csv-duplicate-row.ledger.csv
