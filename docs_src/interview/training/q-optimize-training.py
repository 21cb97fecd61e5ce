import ml_dtypes
import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(256, 10))
y = X @ rng.normal(size=10) + 0.1 * rng.normal(size=256)
w = np.zeros(10)

def grad(w, Xb, yb):
    """Gradient of the MEAN squared error on a batch."""
    return 2 * Xb.T @ (Xb @ w - yb) / len(yb)

full = grad(w, X, y)                          # one batch of 256 (may not fit in memory)
micro = 64
accumulated = sum(grad(w, X[i:i + micro], y[i:i + micro]) for i in range(0, 256, micro)) / (256 // micro)
assert np.allclose(full, accumulated)         # 4 micro-batches of 64 == 1 batch of 256
print("gradient accumulation reproduces the large-batch gradient")

# Why fp16 needs loss scaling and bf16 does not: fp16 has 5 exponent bits
with np.errstate(over="ignore"):
    big = np.float16(70000.0)
print(big, np.float16(1e-8), np.finfo(np.float16).max)
assert np.isinf(big)                          # overflow above 65504
assert np.float16(1e-8) == 0                  # small gradients underflow to zero ...
assert np.float16(1e-8 * 1024) != 0           # ... unless the loss (hence grads) is scaled up

# bf16 keeps fp32's range (8 exponent bits) but only 8 significant bits: small updates vanish
bf16 = ml_dtypes.bfloat16
assert np.isfinite(np.float32(bf16(70000.0)))  # no overflow, so no loss scaling needed
assert np.float32(bf16(1e-8)) != 0             # no underflow of small gradients either
w_bf16, w_fp32 = bf16(1.0), np.float32(1.0)
for _ in range(1000):                          # 1,000 updates of lr * grad = 1e-3
    w_bf16 = bf16(w_bf16 + bf16(1e-3))
    w_fp32 = w_fp32 + np.float32(1e-3)
print(f"bf16 weight {float(w_bf16)}, fp32 master weight {w_fp32:.3f}")
assert float(w_bf16) == 1.0                    # every update was rounded away in bf16 ...
assert w_fp32 > 1.9                            # ... hence fp32 master weights for the update
