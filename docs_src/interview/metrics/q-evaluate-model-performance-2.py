import numpy as np
from sklearn.metrics import accuracy_score, average_precision_score, f1_score, recall_score, roc_auc_score

rng = np.random.default_rng(0)
y_true = (rng.random(10_000) < 0.01).astype(int)     # 1 % positives (fraud, disease, ...)
always_negative = np.zeros_like(y_true)
print(f"accuracy of 'always negative': {accuracy_score(y_true, always_negative):.3f}")
print(f"recall: {recall_score(y_true, always_negative)}, "
      f"F1: {f1_score(y_true, always_negative, zero_division=0)}")
assert accuracy_score(y_true, always_negative) > 0.98   # looks excellent, is useless
assert recall_score(y_true, always_negative) == 0

# A weak scorer: ROC-AUC looks fine, average precision (PR-AUC) shows how hard the task is
score = rng.normal(0, 1, y_true.size) + 1.5 * y_true
print(f"ROC-AUC={roc_auc_score(y_true, score):.3f}  AP={average_precision_score(y_true, score):.3f}")
assert roc_auc_score(y_true, score) > 0.8 and average_precision_score(y_true, score) < 0.3
