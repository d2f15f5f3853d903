# A misspelt column name.
payout base.plan.yaml --results 62-csv-typo-in-header.csv --out 62-csv-typo-in-header.ledger.csv
