import numpy as np

# 5 positives among 100 samples; the "model" predicts negative for everything
y_true = np.array([0] * 95 + [1] * 5)
y_pred = np.zeros_like(y_true)

accuracy = (y_pred == y_true).mean()
recall = (y_pred[y_true == 1] == 1).mean()
print(f"accuracy={accuracy:.2f}, recall={recall:.2f}")
assert accuracy > 0.9 and recall == 0.0, "accuracy hides a model that finds no positives"
