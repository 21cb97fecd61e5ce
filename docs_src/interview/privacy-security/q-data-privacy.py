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
error = {}
for eps in [0.1, 1.0, 10.0]:
    error[eps] = np.mean([abs(dp_mean(salaries, eps, rng) - true) for _ in range(2000)])
    print(f"epsilon={eps:<4}  mean abs error {error[eps]:8.1f}")
# Smaller epsilon = stronger privacy = more noise: 10x smaller epsilon, about 10x the error
assert error[0.1] > 5 * error[1.0] and error[1.0] > 5 * error[10.0]
