# A folder where the results file should be (see a-folder/README.md).
payout base.plan.yaml --results a-folder --out 88-csv-folder-not-file.ledger.csv
