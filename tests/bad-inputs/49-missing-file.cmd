# A scenario file that does not exist.
validate 49-no-such-file.yaml
