# A quote inside an unquoted field (RFC 4180 allows none there): refused, not read as Ben BC Cho.
payout base.plan.yaml --results 109-csv-stray-quote.csv --out 109-csv-stray-quote.ledger.csv
