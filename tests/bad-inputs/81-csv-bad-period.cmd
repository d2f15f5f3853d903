# A month 13.
payout base.plan.yaml --results 81-csv-bad-period.csv --out 81-csv-bad-period.ledger.csv
