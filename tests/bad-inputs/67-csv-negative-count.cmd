# A negative number of deals.
payout base.plan.yaml --results 67-csv-negative-count.csv --out 67-csv-negative-count.ledger.csv
