# CR line ends (old Mac) end lines: the bad value is found on its own line, not in one long header.
payout base.plan.yaml --results 114-csv-cr-line-ends.csv --out 114-csv-cr-line-ends.ledger.csv
