# payout without --results.
payout base.plan.yaml
