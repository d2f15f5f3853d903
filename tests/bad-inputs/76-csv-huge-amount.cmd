# An amount beyond what integer cents hold.
payout base.plan.yaml --results 76-csv-huge-amount.csv --out 76-csv-huge-amount.ledger.csv
