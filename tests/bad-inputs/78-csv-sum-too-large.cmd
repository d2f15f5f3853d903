# Amounts each valid whose sum (the team's bookings) integer cents cannot hold.
payout base.plan.yaml --results 78-csv-sum-too-large.csv --out 78-csv-sum-too-large.ledger.csv
