import numpy as np

def causal_self_attention(X, Wq, Wk, Wv):
    """Single-head scaled dot-product attention with a causal mask (decoder-style LLM)."""
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    scores = Q @ K.T / np.sqrt(K.shape[1])
    T = len(X)
    scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)  # no peeking ahead
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights /= weights.sum(axis=1, keepdims=True)                            # softmax per row
    return weights @ V, weights

rng = np.random.default_rng(0)
T, d = 5, 8                                     # 5 tokens, model width 8
X = rng.normal(size=(T, d))
Wq, Wk, Wv = (rng.normal(size=(d, d)) for _ in range(3))
out, weights = causal_self_attention(X, Wq, Wk, Wv)

assert np.allclose(weights.sum(axis=1), 1)      # each token mixes the values it can see
assert np.allclose(np.triu(weights, k=1), 0)    # ... which are only the previous tokens
X_changed = X.copy()
X_changed[-1] += 10.0                           # change the LAST token
out_changed, _ = causal_self_attention(X_changed, Wq, Wk, Wv)
assert np.allclose(out[:-1], out_changed[:-1])  # earlier outputs are unaffected
print(np.round(weights, 2))
