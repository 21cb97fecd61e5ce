from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score,
                             precision_score, recall_score, roc_auc_score)

y_true = [0, 1, 1, 0, 1]
y_pred = [0, 1, 0, 1, 1]                  # hard labels
y_score = [0.1, 0.9, 0.4, 0.6, 0.8]       # scores (probability of class 1)

acc, p, r = accuracy_score(y_true, y_pred), precision_score(y_true, y_pred), recall_score(y_true, y_pred)
f1 = f1_score(y_true, y_pred)
source_f1 = 2 * acc * r / (acc + r)                     # the source's definition: accuracy combined with recall
print(f"accuracy={acc:.3f} precision={p:.3f} recall={r:.3f} F1={f1:.3f}; 'F1' from accuracy and recall={source_f1:.3f}")
assert abs(f1 - source_f1) > 0.01                       # F1 is built from precision, not accuracy

auc_labels = roc_auc_score(y_true, y_pred)              # wrong input: hard labels
auc_scores = roc_auc_score(y_true, y_score)             # right input: scores
print(f"AUC from labels={auc_labels:.4f} (= balanced accuracy {balanced_accuracy_score(y_true, y_pred):.4f}); AUC from scores={auc_scores:.4f}")
assert abs(auc_labels - balanced_accuracy_score(y_true, y_pred)) < 1e-12
assert auc_scores > auc_labels + 0.1                   # hard labels throw away the ranking
