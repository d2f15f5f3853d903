run 95-plugin-fault-run.yaml --plugin-path {fixtures} --replications 2 --out 95-run --no-history
