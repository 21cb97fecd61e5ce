import numpy as np

rng = np.random.default_rng(0)
salaries = rng.uniform(3_000, 50_000, size=1_000)   # private records, bounded in [lower, upper]
lower, upper = 3_000, 50_000

def dp_mean(x, epsilon, rng):
    """epsilon-DP mean with the Laplace mechanism: noise scale = sensitivity / epsilon."""
    clipped = np.clip(x, lower, upper)
    sensitivity = (upper - lower) / len(x)          # one person changes the mean by at most this
    return clipped.mean() + rng.laplace(0, sensitivity / epsilon)

true = salaries.mean()
for eps in [0.1, 1.0, 10.0]:
    errors = [abs(dp_mean(salaries, eps, rng) - true) for _ in range(2000)]
    print(f"epsilon={eps:<4}  mean abs error {np.mean(errors):8.1f}")
# Expected |Laplace(b)| = b: smaller epsilon = stronger privacy = more noise
err_strong = np.mean([abs(dp_mean(salaries, 0.1, rng) - true) for _ in range(2000)])
assert np.isclose(err_strong, (upper - lower) / len(salaries) / 0.1, rtol=0.1)
