# A verb tandem does not have.
simulate base.yaml
