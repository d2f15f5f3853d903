# A ledger that cannot be written: its folder is a file.
payout base.plan.yaml --results base.csv --out 91-payout-out-under-a-file.txt/ledger.csv
