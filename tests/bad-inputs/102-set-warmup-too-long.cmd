validate 102-set-warmup-too-long.yaml --set horizon.warmup_periods=40
