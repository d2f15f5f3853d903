# CRLF line endings are read; the bad value at the end of a line is shown without its CR.
payout base.plan.yaml --results 72-csv-crlf-bad-salary.csv --out 72-csv-crlf-bad-salary.ledger.csv
