import numpy as np
from sklearn.datasets import make_regression
from sklearn.linear_model import Lasso, LinearRegression, Ridge

# 50 features, only 5 of them carry signal
X, y = make_regression(n_samples=100, n_features=50, n_informative=5, noise=5.0, random_state=0)

for name, model in [("none", LinearRegression()), ("L2 (Ridge)", Ridge(alpha=10.0)), ("L1 (Lasso)", Lasso(alpha=1.0))]:
    w = model.fit(X, y).coef_
    print(f"{name:11s} zero weights: {np.sum(np.abs(w) < 1e-8):2d}/50   ||w||_2 = {np.linalg.norm(w):7.1f}")

ols, ridge, lasso = (m.fit(X, y).coef_ for m in (LinearRegression(), Ridge(alpha=10.0), Lasso(alpha=1.0)))
assert np.sum(lasso == 0) >= 40                  # L1 sets most useless weights exactly to zero
assert np.sum(ridge == 0) == 0                   # L2 shrinks weights but keeps them all
assert np.linalg.norm(ridge) < np.linalg.norm(ols)
