# NaN is not an amount.
payout base.plan.yaml --results 85-csv-nan-amount.csv --out 85-csv-nan-amount.ledger.csv
