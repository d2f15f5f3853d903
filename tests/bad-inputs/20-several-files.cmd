validate 20-several-files.yaml 03-negative-budget.yaml base.yaml
