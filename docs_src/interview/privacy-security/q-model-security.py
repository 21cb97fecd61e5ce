import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)

# FGSM: x_adv = x + eps * sign(dLoss/dx); for logistic regression dLoss/dx = (p - y) * w
w = model.coef_[0]
p = model.predict_proba(X_test)[:, 1]
direction = np.sign((p - y_test)[:, None] * w[None, :])   # every one of the 30 features moves
clean = model.score(X_test, y_test)
attacked = {}
for eps in [0.1, 0.2, 0.5]:                          # L-infinity budget, in standard deviations
    attacked[eps] = model.score(X_test + eps * direction, y_test)
    print(f"eps={eps} std per feature (L2 = {eps * np.sqrt(X.shape[1]):.1f} std): "
          f"accuracy {clean:.3f} -> {attacked[eps]:.3f}")
assert clean > 0.93
assert clean > attacked[0.1] > attacked[0.2] > attacked[0.5]   # a larger budget hurts more
assert attacked[0.5] < 0.5                                      # worse than a coin flip
