import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(0)
X, y = load_digits(return_X_y=True)
X = X / 16.0
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)

# Stress tests: the same test images under corruptions the model will meet in production
images = X_test.reshape(-1, 8, 8)
stress = {
    "clean": X_test,
    "gaussian noise": X_test + rng.normal(0, 0.3, X_test.shape),
    "shift 1 px right": np.roll(images, 1, axis=2).reshape(len(X_test), -1),
    "darker (x0.5)": X_test * 0.5,
}
scores = {name: model.score(data, y_test) for name, data in stress.items()}
for name, score in scores.items():
    print(f"{name:17s} accuracy {score:.3f}")
assert scores["clean"] > 0.95
assert scores["shift 1 px right"] < scores["clean"] - 0.2   # a 1-pixel shift: over 20 points lost
