# One person in two roles.
payout base.plan.yaml --results 87-csv-two-roles.csv --out 87-csv-two-roles.ledger.csv
