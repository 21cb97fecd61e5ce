import numpy as np
from scipy.stats import ks_2samp

rng = np.random.default_rng(0)
reference = rng.normal(50, 10, 5000)       # a feature at training time (e.g. age)
same = rng.normal(50, 10, 2000)            # production, no change
shifted = rng.normal(57, 12, 2000)         # production after a shift

def psi(expected, actual, bins=10):
    """Population Stability Index over reference-quantile bins."""
    edges = np.quantile(expected, np.linspace(0, 1, bins + 1))
    edges[0], edges[-1] = -np.inf, np.inf
    e = np.histogram(expected, edges)[0] / len(expected)
    a = np.histogram(actual, edges)[0] / len(actual)
    e, a = np.clip(e, 1e-6, None), np.clip(a, 1e-6, None)
    return float(np.sum((a - e) * np.log(a / e)))

for name, prod in [("no drift", same), ("drift", shifted)]:
    print(f"{name:8s} KS p-value={ks_2samp(reference, prod).pvalue:.3g}  PSI={psi(reference, prod):.3f}")
assert ks_2samp(reference, same).pvalue > 0.01 and psi(reference, same) < 0.1
assert ks_2samp(reference, shifted).pvalue < 1e-6 and psi(reference, shifted) > 0.2  # rule of thumb: >0.2 = act
