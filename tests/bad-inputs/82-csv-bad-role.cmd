# A misspelt role.
payout base.plan.yaml --results 82-csv-bad-role.csv --out 82-csv-bad-role.ledger.csv
