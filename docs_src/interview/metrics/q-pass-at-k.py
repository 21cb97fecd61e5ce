from math import comb

import numpy as np

rng = np.random.default_rng(42)
n, k = 10, 5                                # 10 samples per problem, report pass@5
p = rng.uniform(0.02, 0.4, size=50_000)     # each problem's true per-sample success rate
c = rng.binomial(n, p)                      # correct samples out of n, per problem
true_pass_at_k = np.mean(1 - (1 - p) ** k)

# Unbiased estimator (Chen et al., 2021): 1 - C(n-c, k) / C(n, k)
table = np.array([1 - comb(n - j, k) / comb(n, k) for j in range(n + 1)])
unbiased = table[c].mean()
naive = np.mean(1 - (1 - c / n) ** k)       # plug-in estimate of p, then 1 - (1 - p)^k
print(f"true pass@{k}={true_pass_at_k:.4f}  unbiased={unbiased:.4f}  naive={naive:.4f}")
assert abs(unbiased - true_pass_at_k) < 0.005
assert true_pass_at_k - naive > 0.02        # the plug-in estimate is biased low
