import numpy as np
from sklearn.datasets import load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 42
X, y = load_digits(return_X_y=True)
# Half the data trains the model (members); the other half was never seen (non-members)
X_in, X_out, y_in, y_out = train_test_split(X, y, test_size=0.5, stratify=y, random_state=SEED)
is_member = np.r_[np.ones(len(y_in)), np.zeros(len(y_out))]


def attack_auc(model):
    """Confidence-threshold attack: score = probability the model gives the true label."""
    p_in = model.predict_proba(X_in)[np.arange(len(y_in)), y_in]
    p_out = model.predict_proba(X_out)[np.arange(len(y_out)), y_out]
    return roc_auc_score(is_member, np.r_[p_in, p_out])


results = {}
for leaf in [1, 20]:                             # fully grown trees memorize; larger leaves regularize
    model = RandomForestClassifier(n_estimators=50, min_samples_leaf=leaf, random_state=SEED)
    model.fit(X_in, y_in)
    gap = model.score(X_in, y_in) - model.score(X_out, y_out)
    results[leaf] = attack_auc(model)
    print(f"min_samples_leaf={leaf:<2}  train-test gap {gap:.3f}  attack AUC {results[leaf]:.3f}")
print(f"check: AUC overfit {results[1]:.3f} > 0.70; regularized {results[20]:.3f} < overfit - 0.10")
assert results[1] > 0.70                         # the memorizing model leaks membership
assert results[20] < results[1] - 0.10           # less memorization, weaker attack
