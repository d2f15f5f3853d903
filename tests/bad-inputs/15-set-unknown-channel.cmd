validate 15-set-unknown-channel.yaml --set channels.paid_serch.budget_per_period=9000
