# A run folder that cannot be made: its parent is a file. (As root, permissions do not stop writes.)
run base.yaml --out 90-run-out-under-a-file.txt/run --no-history
