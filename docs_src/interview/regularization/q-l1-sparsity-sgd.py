import numpy as np
from sklearn.datasets import make_regression
from sklearn.linear_model import Lasso

# 50 features, 5 informative; objective: ||Xw - y||^2 / (2n) + lam * ||w||_1 (sklearn's Lasso)
X, y = make_regression(n_samples=200, n_features=50, n_informative=5, noise=5.0, random_state=42)
n, lam = len(y), 1.0
lr = n / np.linalg.norm(X, 2) ** 2                # 1 / Lipschitz constant of the smooth part


def objective(w):
    return np.sum((X @ w - y) ** 2) / (2 * n) + lam * np.abs(w).sum()


w_sub, w_prox = np.zeros(50), np.zeros(50)
for t in range(3000):
    grad_sub = X.T @ (X @ w_sub - y) / n
    step = lr * 10 / (10 + t)                                      # decaying step, as SGD needs
    w_sub = w_sub - step * (grad_sub + lam * np.sign(w_sub))      # subgradient step (what SGD does)
    grad_prox = X.T @ (X @ w_prox - y) / n
    z = w_prox - lr * grad_prox                                    # gradient step on the data loss,
    w_prox = np.sign(z) * np.maximum(np.abs(z) - lr * lam, 0.0)   # then soft-thresholding (ISTA)

w_ref = Lasso(alpha=lam).fit(X, y).coef_
print(f"exact zeros: subgradient {np.sum(w_sub == 0)}, proximal {np.sum(w_prox == 0)}, sklearn {np.sum(w_ref == 0)}")
print(f"weights below 0.01 in the subgradient run: {np.sum(np.abs(w_sub) < 0.01)}")
print(f"objective: subgradient {objective(w_sub):.4f}, proximal {objective(w_prox):.4f}")
assert np.sum(w_sub == 0) == 0                           # same penalty, but no weight is exactly zero
assert np.sum(np.abs(w_sub) < 0.01) >= 40                # they only hover near zero
assert np.sum(w_prox == 0) >= 40                         # the proximal step sets most of them to 0
assert np.array_equal(w_prox == 0, w_ref == 0)           # same support as coordinate descent
assert objective(w_sub) < 1.01 * objective(w_prox)       # and the subgradient run is near the optimum
