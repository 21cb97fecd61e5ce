import numpy as np
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, confusion_matrix,
                             f1_score, precision_score, recall_score, roc_auc_score)

y_true = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1, 0])
y_score = np.array([0.1, 0.4, 0.6, 0.8, 0.65, 0.9, 0.3, 0.7, 0.55, 0.2])  # predicted P(y=1)
y_pred = (y_score >= 0.5).astype(int)                                    # threshold 0.5

tn, fp, fn, tp = confusion_matrix(y_true, y_pred).ravel()
accuracy = (tp + tn) / (tp + tn + fp + fn)
precision = tp / (tp + fp)
recall = tp / (tp + fn)
f1 = 2 * precision * recall / (precision + recall)   # harmonic mean of precision and RECALL
print(f"TP={tp} FP={fp} FN={fn} TN={tn}")
print(f"accuracy={accuracy:.3f} precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}")
assert np.isclose(accuracy, accuracy_score(y_true, y_pred))
assert np.isclose(precision, precision_score(y_true, y_pred))
assert np.isclose(recall, recall_score(y_true, y_pred))
assert np.isclose(f1, f1_score(y_true, y_pred))

# ROC-AUC = P(score of a random positive > score of a random negative), ties count 1/2
pos, neg = y_score[y_true == 1], y_score[y_true == 0]
auc_by_hand = np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg])
auc_scores = roc_auc_score(y_true, y_score)
auc_labels = roc_auc_score(y_true, y_pred)           # the common mistake: hard labels
print(f"AUC from scores: {auc_scores:.3f}; from 0/1 labels: {auc_labels:.3f}")
assert np.isclose(auc_by_hand, auc_scores)
assert np.isclose(auc_labels, balanced_accuracy_score(y_true, y_pred))  # not an AUC any more
assert auc_scores != auc_labels
