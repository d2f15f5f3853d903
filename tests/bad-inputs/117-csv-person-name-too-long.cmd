# A person's name of 5000 characters: refused, and quoted short.
payout base.plan.yaml --results 117-csv-person-name-too-long.csv --out 117-csv-person-name-too-long.ledger.csv
