import numpy as np
from sklearn.linear_model import Lasso, Ridge

rng = np.random.default_rng(0)
X = rng.standard_normal((200, 20))
true_w = np.zeros(20)
true_w[:3] = [3.0, -2.0, 1.5]                    # only 3 features matter
y = X @ true_w + 0.5 * rng.standard_normal(200)

l1 = Lasso(alpha=0.1).fit(X, y)                  # L1 penalty: alpha * sum(|w|)
l2 = Ridge(alpha=50.0).fit(X, y)                 # L2 penalty: alpha * sum(w**2)
print("L1 zero weights:", int(np.sum(l1.coef_ == 0)), "| L2 zero weights:", int(np.sum(l2.coef_ == 0)))
l2_norm = float(np.linalg.norm(l2.coef_))
plain_norm = float(np.linalg.norm(np.linalg.lstsq(X, y, rcond=None)[0]))   # no penalty
print(f"L2 weight norm: {l2_norm:.3f}, unregularized: {plain_norm:.3f}")
assert np.sum(l1.coef_ == 0) >= 10 and np.sum(l2.coef_ == 0) == 0   # L1: exact zeros; L2: none
assert l2_norm < 0.9 * plain_norm                                   # L2 shrinks the weights
