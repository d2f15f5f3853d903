# A quarter under a monthly plan: it cannot be split into months.
payout base.plan.yaml --results 86-csv-coarser-period.csv --out 86-csv-coarser-period.ledger.csv
