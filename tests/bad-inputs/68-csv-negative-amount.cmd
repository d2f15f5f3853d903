# Negative bookings.
payout base.plan.yaml --results 68-csv-negative-amount.csv --out 68-csv-negative-amount.ledger.csv
