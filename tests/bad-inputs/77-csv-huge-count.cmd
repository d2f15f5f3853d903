# A count beyond 64 bits.
payout base.plan.yaml --results 77-csv-huge-count.csv --out 77-csv-huge-count.ledger.csv
