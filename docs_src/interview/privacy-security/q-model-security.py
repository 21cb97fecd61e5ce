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
eps = 0.5                                            # 0.5 standard deviations per feature
X_adv = X_test + eps * np.sign((p - y_test)[:, None] * w[None, :])

clean, attacked = model.score(X_test, y_test), model.score(X_adv, y_test)
print(f"clean accuracy {clean:.3f}  under FGSM (eps={eps} std): {attacked:.3f}")
assert clean > 0.95 and attacked < 0.5    # worse than a coin flip
