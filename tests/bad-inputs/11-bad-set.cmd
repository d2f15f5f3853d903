validate 11-bad-set.yaml --set sales.pay.params.rate=abc
