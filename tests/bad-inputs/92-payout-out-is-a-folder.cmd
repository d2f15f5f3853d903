# A ledger whose name is a folder.
payout base.plan.yaml --results base.csv --out a-folder
