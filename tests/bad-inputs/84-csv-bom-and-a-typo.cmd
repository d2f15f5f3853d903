# Excel's CSV UTF-8 starts with a byte-order mark: accepted; the misspelt column is located as usual.
payout base.plan.yaml --results 84-csv-bom-and-a-typo.csv --out 84-csv-bom-and-a-typo.ledger.csv
