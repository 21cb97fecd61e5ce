import numpy as np

rng = np.random.default_rng(np.random.randint(2**31))  # follows the global NumPy seed
rows, cols = 1024, 1024
W = (0.02 * rng.standard_t(5, size=(rows, cols))).astype(np.float32)  # heavy-tailed, like trained weights
W[rng.choice(rows, 8, replace=False)] *= 20  # a few outlier channels, as real LLM weights have


def quantize(w, bits, group):
    """Symmetric absmax quantization with one scale per `group` consecutive weights of a row."""
    qmax = 2 ** (bits - 1) - 1  # 127 for int8, 7 for int4
    g = w.reshape(-1, group)
    scale = np.abs(g).max(axis=1, keepdims=True) / qmax
    q = np.clip(np.round(g / scale), -qmax, qmax)
    return (q * scale).reshape(w.shape)


def rel_error(w_hat):
    return np.linalg.norm(W - w_hat) / np.linalg.norm(W)


x = rng.normal(size=(cols, 16)).astype(np.float32)
errors = {}
for name, bits, group in [("int8 per-tensor", 8, W.size), ("int8 per-row", 8, cols),
                          ("int4 per-row", 4, cols), ("int4 group 128", 4, 128)]:
    w_hat = quantize(W, bits, group)
    errors[name] = rel_error(w_hat)
    out_err = np.linalg.norm(W @ x - w_hat @ x) / np.linalg.norm(W @ x)
    bytes_per_weight = bits / 8 + 2 / group  # plus one fp16 scale per group
    print(f"{name:16s} {bytes_per_weight:.3f} B/weight  weight error {errors[name]:.4f}  output error {out_err:.4f}")

# One scale for the whole tensor is set by the outliers and wastes the int8 grid on everyone else.
assert errors["int8 per-row"] < errors["int8 per-tensor"] / 3
# 4 bits leave 15 levels: small groups are what make int4 usable.
assert errors["int4 group 128"] < 0.8 * errors["int4 per-row"]
assert errors["int8 per-row"] < errors["int4 group 128"] / 8
