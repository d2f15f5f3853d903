# A results file that does not exist.
payout base.plan.yaml --results 89-no-such-file.csv --out 89-csv-missing-file.ledger.csv
