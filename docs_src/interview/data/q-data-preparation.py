import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

rng = np.random.default_rng(0)
X = rng.normal(size=(100, 5000))        # pure noise: no feature is related to y
y = rng.integers(0, 2, size=100)

# WRONG: select the "best" features on ALL the data, then cross-validate
X_selected = SelectKBest(f_classif, k=20).fit_transform(X, y)
leaky = cross_val_score(LogisticRegression(), X_selected, y, cv=5).mean()

# RIGHT: every data-dependent step is fitted inside the CV folds (a Pipeline)
pipeline = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression())
honest = cross_val_score(pipeline, X, y, cv=5).mean()

print(f"leaky CV accuracy: {leaky:.2f}   honest CV accuracy: {honest:.2f}")
assert leaky > 0.75        # looks like a great model ...
assert abs(honest - 0.5) < 0.15   # ... on data that contains no signal at all
