import numpy as np

SEED = 42
rng = np.random.default_rng(SEED)
n, d = 20_000, 20
X = rng.normal(size=(n, d))
y = X @ rng.normal(size=d) + rng.normal(size=n)
w = np.zeros(d)                                     # measure at the start of training

per_example = 2 * X * (X @ w - y)[:, None]          # gradient of each example's squared error
G = per_example.mean(axis=0)                        # the true (full-data) gradient
trace_sigma = per_example.var(axis=0).sum()         # total per-example gradient variance
b_noise = trace_sigma / (G @ G)                     # gradient noise scale (McCandlish et al., 2018)


def mean_sq_norm(batch, trials=400):
    """E||g_B||^2 over random mini-batches of size `batch`."""
    idx = rng.integers(0, n, size=(trials, batch))
    return np.mean([np.sum(per_example[i].mean(axis=0) ** 2) for i in idx])


# E||g_B||^2 = ||G||^2 + tr(Sigma) / B: two batch sizes give two equations in two unknowns
small, big = 4, 256
s_small, s_big = mean_sq_norm(small), mean_sq_norm(big)
g2 = (big * s_big - small * s_small) / (big - small)
tr = (s_small - s_big) / (1 / small - 1 / big)
estimate = tr / g2
print(f"true B_noise {b_noise:.1f}, estimated from batches of {small} and {big}: {estimate:.1f}")
print(f"check: relative error {abs(estimate / b_noise - 1):.2f} < 0.25")
assert abs(estimate / b_noise - 1) < 0.25           # the cheap two-batch estimate works

# Later in training the signal ||G|| shrinks faster than the noise: the useful batch size grows
w_late = 0.97 * np.linalg.lstsq(X, y, rcond=None)[0]     # 97% of the way to the optimum
late = 2 * X * (X @ w_late - y)[:, None]
b_noise_late = late.var(axis=0).sum() / np.sum(late.mean(axis=0) ** 2)
print(f"B_noise at the start {b_noise:.0f}, near the optimum {b_noise_late:.0f}")
print(f"check: late/start {b_noise_late / b_noise:.0f} > 10")
assert b_noise_late > 10 * b_noise
