import numpy as np
from scipy.linalg import sqrtm

rng = np.random.default_rng(42)
d, modes = 8, 10
centers = 4 * rng.standard_normal((modes, d))       # "feature space" of 10 well-separated modes

def sample(n, which=None):
    k = rng.integers(0, modes, n) if which is None else rng.choice(which, n)
    return centers[k] + 0.5 * rng.standard_normal((n, d))

def fid(a, b):
    """Frechet distance between Gaussians fitted to two feature sets."""
    mu_a, mu_b = a.mean(0), b.mean(0)
    ca, cb = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    covmean = sqrtm(ca @ cb).real
    return float(np.sum((mu_a - mu_b) ** 2) + np.trace(ca + cb - 2 * covmean))

real = sample(5000)
baseline = fid(real, sample(5000))                  # a second real sample: the noise floor
collapsed = fid(real, sample(5000, which=[0, 1]))   # perfect samples from 2 of the 10 modes
print(f"FID real vs real {baseline:.2f}, mode-collapsed generator {collapsed:.1f}")
assert collapsed > 50 * baseline                    # each sample looks real, the set does not

# FID is biased upward at small sample sizes: never compare FIDs computed on different n
small = np.mean([fid(sample(200), sample(200)) for _ in range(5)])
print(f"real vs real FID with n=200: {small:.2f}; with n=5000: {baseline:.2f}")
assert small > 5 * baseline
