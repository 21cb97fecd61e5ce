import numpy as np
from scipy.stats import binomtest, chi2

rng = np.random.default_rng(42)
n = 4000                                        # one shared test set
a_right = rng.random(n) < 0.85                  # model A: about 85 % correct
u = rng.random(n)
# Model B fixes about 10 % of A's errors and breaks about 0.3 % of its successes
b_right = np.where(a_right, u > 0.003, u < 0.10)

acc_a, acc_b = a_right.mean(), b_right.mean()
half = lambda p: 1.96 * np.sqrt(p * (1 - p) / n)     # normal-approximation 95 % CI
print(f"A: {acc_a:.4f} +/- {half(acc_a):.4f}   B: {acc_b:.4f} +/- {half(acc_b):.4f}")
overlap = (acc_a + half(acc_a)) - (acc_b - half(acc_b))
print(f"the two unpaired intervals overlap by {overlap:.4f}")
assert overlap > 0          # looking at the two CIs, the difference seems "not significant"

# McNemar: only the discordant pairs carry information
b = int(np.sum(a_right & ~b_right))             # A right, B wrong
c = int(np.sum(~a_right & b_right))             # A wrong, B right
stat = (abs(b - c) - 1) ** 2 / (b + c)          # continuity-corrected, 1 degree of freedom
p_chi2 = chi2.sf(stat, df=1)
p_exact = binomtest(c, b + c, 0.5).pvalue       # exact version: c ~ Binomial(b + c, 1/2)
print(f"b={b} c={c} chi2={stat:.1f} p={p_chi2:.2g} (exact p={p_exact:.2g})")
assert p_chi2 < 0.01 and p_exact < 0.01         # the paired test sees the difference

# Paired bootstrap: resample test examples, keep each example's pair of outcomes together
idx = rng.integers(0, n, size=(1000, n))
diffs = b_right[idx].mean(axis=1) - a_right[idx].mean(axis=1)
lo, hi = np.percentile(diffs, [2.5, 97.5])
unpaired_half = 1.96 * np.sqrt((acc_a * (1 - acc_a) + acc_b * (1 - acc_b)) / n)
print(f"paired 95% CI of B - A: [{lo:.4f}, {hi:.4f}]; unpaired half-width {unpaired_half:.4f}")
assert lo > 0                                   # B is better, and the interval says so
assert (hi - lo) / 2 < 0.6 * unpaired_half      # pairing removes the shared per-example noise
