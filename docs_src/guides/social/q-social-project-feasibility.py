# Unit economics of one AI feature (all inputs are assumptions)
price_per_user_month = 20.0                      # subscription price, USD
tokens_in, tokens_out = 3000, 500                # per request: prompt (incl. retrieved context) and answer
price_in_per_m, price_out_per_m = 0.50, 2.00     # model API price per million tokens (assumed)

cost_per_request = tokens_in / 1e6 * price_in_per_m + tokens_out / 1e6 * price_out_per_m
for label, requests in [("typical user", 600), ("heavy user", 6000)]:
    cost = cost_per_request * requests
    margin = 1 - cost / price_per_user_month
    print(f"{label}: {requests} requests/month, inference cost ${cost:.2f}, gross margin {margin:.0%}")

break_even = price_per_user_month / cost_per_request
print(f"cost per request ${cost_per_request:.4f}; break-even at {break_even:,.0f} requests/month")
assert abs(cost_per_request - 0.0025) < 1e-12
assert 1 - cost_per_request * 6000 / price_per_user_month < 0.5 < 1 - cost_per_request * 600 / price_per_user_month
