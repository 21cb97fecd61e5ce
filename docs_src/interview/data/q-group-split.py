import numpy as np
from sklearn.model_selection import GroupKFold, KFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier

rng = np.random.default_rng(42)
n_users, per_user = 400, 10
users = np.repeat(np.arange(n_users), per_user)
# Each user has a personal "signature" in the features and one label for all their samples;
# the label does not depend on the signature, so nothing here generalizes to a new user.
signature = rng.normal(0, 3, size=(n_users, 8))
X = signature[users] + rng.normal(size=(len(users), 8))
y = rng.integers(0, 2, size=n_users)[users]

model = KNeighborsClassifier(n_neighbors=5)
random_split = cross_val_score(model, X, y, cv=KFold(5, shuffle=True, random_state=42)).mean()
by_user = cross_val_score(model, X, y, cv=GroupKFold(5), groups=users).mean()
print(f"random split: {random_split:.2f}   split by user: {by_user:.2f}")
assert random_split > 0.9          # the model recognizes users it has already seen ...
assert abs(by_user - 0.5) < 0.15   # ... and is at chance on new users
