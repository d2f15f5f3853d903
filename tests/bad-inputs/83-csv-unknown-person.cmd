# A name the plan does not pay: a typo in the export.
payout 83-csv-unknown-person.plan.yaml --results 83-csv-unknown-person.csv --out 83-csv-unknown-person.ledger.csv
