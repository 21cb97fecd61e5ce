import numpy as np

rng = np.random.default_rng(42)
n, k = 20_000, 10
true_logits = rng.normal(0, 1.5, size=(n, k))
softmax = lambda z: np.exp(z - z.max(1, keepdims=True)) / np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)
# Labels drawn from the true probabilities; the model is right in ranking but 2.5x overconfident
y = (rng.random((n, 1)) > np.cumsum(softmax(true_logits), axis=1)).sum(axis=1)
model_logits = 2.5 * true_logits


def ece(probs, y, bins=15):
    """Expected calibration error: bin by confidence, weight |accuracy - confidence| by bin size."""
    conf, pred = probs.max(1), probs.argmax(1)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        in_bin = (conf > lo) & (conf <= hi)
        if in_bin.any():
            total += in_bin.mean() * abs((pred[in_bin] == y[in_bin]).mean() - conf[in_bin].mean())
    return total


def nll(logits, y):
    p = softmax(logits)
    return -np.mean(np.log(p[np.arange(len(y)), y]))


val, test = slice(0, n // 2), slice(n // 2, n)
# Temperature scaling: one scalar T fitted on the validation half by minimizing NLL
temps = np.linspace(0.5, 5, 181)
best_t = temps[np.argmin([nll(model_logits[val] / t, y[val]) for t in temps])]
before, after = softmax(model_logits[test]), softmax(model_logits[test] / best_t)
brier = lambda p: np.mean(np.sum((p - np.eye(k)[y[test]]) ** 2, axis=1))
print(f"fitted T={best_t:.2f}  ECE {ece(before, y[test]):.3f} -> {ece(after, y[test]):.3f}  "
      f"Brier {brier(before):.3f} -> {brier(after):.3f}")
assert 2.0 < best_t < 3.0                                  # recovers the 2.5x overconfidence
assert ece(before, y[test]) > 0.1 and ece(after, y[test]) < 0.03
assert brier(after) < brier(before)
# Dividing logits by T > 0 keeps their order: accuracy does not change
assert (before.argmax(1) == after.argmax(1)).all()
