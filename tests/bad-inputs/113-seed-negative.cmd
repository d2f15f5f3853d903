# A negative seed is named as typed, not as 18446744073709551615.
run base.yaml --seed -1 --out 113-seed-negative.run --no-history
