import numpy as np

rng = np.random.default_rng(42)
# 100 "noisy" and 100 "quiet" weights: their data gradients are pure noise (no pull either
# way), with standard deviations 10 and 0.001
noise_scale = np.repeat([10.0, 0.001], 100)
lr, lam, steps = 1e-3, 0.1, 2000
b1, b2, eps = 0.9, 0.999, 1e-8


def adam(decoupled):
    w, m, v = np.ones(200), np.zeros(200), np.zeros(200)
    for t in range(1, steps + 1):
        g = noise_scale * rng.normal(size=200)
        if not decoupled:
            g = g + lam * w                      # Adam + L2: the penalty's gradient joins g
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g**2
        w = w - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
        if decoupled:
            w = w - lr * lam * w                 # AdamW: decay applied to w directly
    return w[:100].mean(), np.abs(w[100:]).mean()


l2, adamw = adam(decoupled=False), adam(decoupled=True)
expected = (1 - lr * lam) ** steps               # pure weight decay: w0 * (1 - lr*lam)^steps
print(f"Adam + L2: noisy weights {l2[0]:.3f}, quiet weights {l2[1]:.3f}")
print(f"AdamW:     noisy weights {adamw[0]:.3f}, quiet weights {adamw[1]:.3f} (decay alone: {expected:.3f})")
assert l2[0] > 0.95 and l2[1] < 0.1            # L2 under Adam: decay depends on the gradient scale
assert np.all(np.abs(np.array(adamw) - expected) < 0.05)  # AdamW: the same decay for both
