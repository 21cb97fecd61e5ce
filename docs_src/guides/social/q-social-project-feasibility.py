# Unit economics of one AI feature (all inputs are assumptions); inference cost only
price_per_user_month = 20.0                      # subscription price, USD
tokens_in, tokens_out = 3000, 500                # per request: prompt (incl. retrieved context) and answer
price_in_per_m, price_out_per_m = 0.50, 2.00     # model API price per million tokens (assumed)

cost_per_request = tokens_in / 1e6 * price_in_per_m + tokens_out / 1e6 * price_out_per_m
margins = {}
for label, requests in [("typical user", 600), ("heavy user", 6000)]:
    cost = cost_per_request * requests
    margins[label] = 1 - cost / price_per_user_month
    print(f"{label}: {requests} requests/month, inference cost ${cost:.2f}, "
          f"inference-only gross margin {margins[label]:.0%}")

break_even = price_per_user_month / cost_per_request
print(f"cost per request ${cost_per_request:.4f}; break-even at {break_even:,.0f} requests/month")
assert margins["typical user"] > 0.8                          # a typical user leaves a high margin
assert margins["heavy user"] < 0.5 * margins["typical user"]  # ten times the usage at least halves it
assert break_even > 6000                                      # even the heavy user stays above break-even
