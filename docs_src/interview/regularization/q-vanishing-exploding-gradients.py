import numpy as np

rng = np.random.default_rng(0)
depth, width = 30, 256

def gradient_norms(activation, init):
    """Back-propagate a unit gradient through a deep MLP; return ||dL/dh|| at every layer."""
    h, cache = rng.standard_normal((64, width)), []
    for _ in range(depth):
        W = init(width)
        z = h @ W
        cache.append((W, z))
        h = np.maximum(z, 0) if activation == "relu" else 1 / (1 + np.exp(-z))
    g, norms = np.ones_like(h) / np.sqrt(h.size), []
    for W, z in reversed(cache):
        if activation == "relu":
            g = g * (z > 0)              # ReLU' is 0 or 1
        else:
            s = 1 / (1 + np.exp(-z))
            g = g * s * (1 - s)          # sigmoid' <= 0.25
        g = g @ W.T
        norms.append(np.linalg.norm(g))
    return norms[::-1]  # norms[0] = first layer

glorot = lambda n: rng.normal(0, np.sqrt(1 / n), (n, n))
he = lambda n: rng.normal(0, np.sqrt(2 / n), (n, n))
large = lambda n: rng.normal(0, np.sqrt(4 / n), (n, n))

sig = gradient_norms("sigmoid", glorot)
relu = gradient_norms("relu", he)
boom = gradient_norms("relu", large)
print(f"sigmoid + Glorot: first/last layer gradient ratio = {sig[0] / sig[-1]:.1e}")
print(f"ReLU + He:        first/last layer gradient ratio = {relu[0] / relu[-1]:.1e}")
print(f"ReLU, too large:  first/last layer gradient ratio = {boom[0] / boom[-1]:.1e}")
assert sig[0] / sig[-1] < 1e-15         # vanishing: sigmoid' <= 0.25 at every layer
assert 0.1 < relu[0] / relu[-1] < 10    # He init keeps the scale roughly constant
assert boom[0] / boom[-1] > 1e3         # exploding: each layer multiplies the norm by ~sqrt(2)
