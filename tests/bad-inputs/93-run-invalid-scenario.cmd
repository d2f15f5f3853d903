run 93-run-invalid-scenario.yaml --out 93-run --no-history
