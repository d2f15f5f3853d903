validate 18-set-unknown-key.yaml --set market.acounts=5000
