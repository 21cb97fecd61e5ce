import numpy as np

SEED = 42
rng = np.random.default_rng(SEED)
T, d, block = 512, 64, 64                       # sequence length, head size, tile size
Q, K, V = (rng.normal(size=(T, d)) for _ in range(3))

# Reference: materialize the full T x T score matrix, as a naive kernel does
S = Q @ K.T / np.sqrt(d)
P = np.exp(S - S.max(axis=1, keepdims=True))
reference = (P / P.sum(axis=1, keepdims=True)) @ V

# FlashAttention's idea: walk over K/V in tiles, keep a running max m and sum l per row
out = np.zeros((T, d))
m = np.full((T, 1), -np.inf)
l = np.zeros((T, 1))
largest_tile = 0
for start in range(0, T, block):
    Kb, Vb = K[start:start + block], V[start:start + block]
    s = Q @ Kb.T / np.sqrt(d)                   # only T x block scores exist at a time
    largest_tile = max(largest_tile, s.size)
    m_new = np.maximum(m, s.max(axis=1, keepdims=True))
    scale = np.exp(m - m_new)                   # rescale what was accumulated so far
    p = np.exp(s - m_new)
    l = scale * l + p.sum(axis=1, keepdims=True)
    out = scale * out + p @ Vb
    m = m_new
out /= l

error = np.abs(out - reference).max()
print(f"max |tiled - full| = {error:.1e}; largest score tile {largest_tile} vs full {S.size}")
print(f"check: error {error:.1e} < 1e-9")
assert error < 1e-9                             # exact up to rounding, not an approximation
assert largest_tile * (T // block) == S.size    # never more than one tile of scores in memory
