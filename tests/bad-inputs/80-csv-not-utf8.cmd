# A CRM export in Latin-1: a name holds byte 0xE9.
payout base.plan.yaml --results 80-csv-not-utf8.csv --out 80-csv-not-utf8.ledger.csv
