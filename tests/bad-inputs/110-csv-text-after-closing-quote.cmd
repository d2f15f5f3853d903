# Text after a quoted field's closing quote: refused, not read as Okafor, Chidi Jr.
payout base.plan.yaml --results 110-csv-text-after-closing-quote.csv --out 110-csv-text-after-closing-quote.ledger.csv
