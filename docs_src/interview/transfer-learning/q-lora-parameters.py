import numpy as np

rng = np.random.default_rng(42)
d, k, n = 64, 64, 1024
W = rng.normal(0, 1 / np.sqrt(k), (d, k))          # frozen pre-trained weight
# The task needs W + delta, where delta has rank 4 (the low-rank hypothesis of LoRA)
delta = rng.normal(size=(d, 4)) @ rng.normal(size=(4, k)) / k
X = rng.normal(size=(n, k))                       # inputs of the task
C = X.T @ X / n                                   # input covariance: the loss depends on X only via C


def train_lora(r, alpha, lr=0.1, steps=400):
    """Train only A (r x k) and B (d x r); W stays frozen. Returns the learned update."""
    s = alpha / r
    A = rng.normal(0, 1 / np.sqrt(k), (r, k))     # random init
    B = np.zeros((d, r))                          # zero init: the model starts exactly at W
    for _ in range(steps):
        # loss = mean ||x (W + sBA)^T - x (W + delta)^T||^2 / 2, gradient w.r.t. the update:
        G = (s * B @ A - delta) @ C
        B, A = B - lr * s * G @ A.T, A - lr * s * B.T @ G
    return s * B @ A, A.size + B.size


def rel(m):
    return np.linalg.norm(m - delta) / np.linalg.norm(delta)


update8, params8 = train_lora(r=8, alpha=16)
update1, params1 = train_lora(r=1, alpha=2)
sv = np.linalg.svd(delta, compute_uv=False)
best_rank1 = np.sqrt(np.sum(sv[1:] ** 2)) / np.linalg.norm(delta)   # Eckart-Young bound
print(f"trainable: r=8 {params8} of {d * k} ({params8 / (d * k):.1%}), r=1 {params1}")
print(f"relative error of the learned update: r=8 {rel(update8):.4f}, r=1 {rel(update1):.3f} "
      f"(best possible at rank 1: {best_rank1:.3f})")
assert rel(update8) < 0.02                 # rank 8 >= rank 4: LoRA recovers the update
assert rel(update1) > 0.5                  # rank 1 cannot: the rank caps what LoRA can learn,
assert rel(update1) < 1.05 * best_rank1    # though it finds (nearly) the best rank-1 update

# Merging for inference: one matmul with W + s*B*A gives the adapter's outputs, no extra latency
x = rng.normal(size=(4, k))
merged = x @ (W + update8).T
with_adapter = x @ W.T + x @ update8.T
print("max |merged - adapter path|:", np.abs(merged - with_adapter).max())
