# A header and no rows: an export filtered to nothing, not a payout of 0.
payout base.plan.yaml --results 71-csv-header-only.csv --out 71-csv-header-only.ledger.csv
