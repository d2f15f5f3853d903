# A row with one field more than the header (an unquoted comma).
payout base.plan.yaml --results 74-csv-too-many-fields.csv --out 74-csv-too-many-fields.ledger.csv
