# An amount with a letter O for a zero.
payout base.plan.yaml --results 65-csv-non-numeric-amount.csv --out 65-csv-non-numeric-amount.ledger.csv
