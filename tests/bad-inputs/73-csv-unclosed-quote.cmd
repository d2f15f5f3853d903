# A quote opened and never closed runs to the end of the file.
payout base.plan.yaml --results 73-csv-unclosed-quote.csv --out 73-csv-unclosed-quote.ledger.csv
