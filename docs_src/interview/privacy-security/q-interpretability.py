import numpy as np
from sklearn.datasets import load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split

X, y = load_wine(return_X_y=True)
rng = np.random.default_rng(0)
X = np.hstack([X, rng.normal(size=(len(X), 1))])       # add a pure-noise feature (last column)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
model = RandomForestClassifier(n_estimators=50, random_state=0).fit(X_train, y_train)

# Model-agnostic: shuffle one feature on held-out data and measure the score drop
result = permutation_importance(model, X_test, y_test, n_repeats=10, random_state=0)
names = list(load_wine().feature_names) + ["noise"]
top = np.argsort(result.importances_mean)[::-1][:3]
for i in top:
    print(f"{names[i]:30s} {result.importances_mean[i]:.4f}")
print(f"{'noise':30s} {result.importances_mean[-1]:.4f}")
assert abs(result.importances_mean[-1]) < 0.01           # the noise feature does not matter
assert result.importances_mean.max() > 0.03              # the top feature costs over 3 points
