# NUL bytes and bytes that are not UTF-8 in a results file.
payout base.plan.yaml --results 79-csv-binary-garbage.csv --out 79-csv-binary-garbage.ledger.csv
