# A team pool split by salary, on results without a salary column.
payout 108-plan-team-pool-by-salary-no-salary-column.plan.yaml --results 108-plan-team-pool-by-salary-no-salary-column.csv --out 108-plan-team-pool-by-salary-no-salary-column.ledger.csv
