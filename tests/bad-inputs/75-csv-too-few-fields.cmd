# A row with a field missing.
payout base.plan.yaml --results 75-csv-too-few-fields.csv --out 75-csv-too-few-fields.ledger.csv
