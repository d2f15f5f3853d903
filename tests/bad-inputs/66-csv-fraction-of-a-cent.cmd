# An amount with a fraction of a cent.
payout base.plan.yaml --results 66-csv-fraction-of-a-cent.csv --out 66-csv-fraction-of-a-cent.ledger.csv
