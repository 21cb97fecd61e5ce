import numpy as np

rng = np.random.default_rng(np.random.randint(2**31))  # follows the global NumPy seed
vocab = 6
p = rng.dirichlet(np.ones(vocab))  # target model's next-token distribution
q = rng.dirichlet(np.ones(vocab))  # draft model's distribution (a different, cheaper model)


def speculative_sample(n):
    """Draft proposes x ~ q; accept with prob min(1, p/q), else resample from max(0, p - q)."""
    x = rng.choice(vocab, size=n, p=q)
    accepted = rng.random(n) < np.minimum(1.0, p[x] / q[x])
    residual = np.maximum(p - q, 0.0)
    residual /= residual.sum()
    out = np.where(accepted, x, rng.choice(vocab, size=n, p=residual))
    return out, accepted.mean()


n = 400_000
tokens, acceptance = speculative_sample(n)
empirical = np.bincount(tokens, minlength=vocab) / n
tv_to_target = 0.5 * np.abs(empirical - p).sum()
tv_draft = 0.5 * np.abs(q - p).sum()
print(f"TV(output, target) = {tv_to_target:.4f}   TV(draft, target) = {tv_draft:.3f}")
print(f"acceptance rate {acceptance:.3f}, predicted 1 - TV = {1 - tv_draft:.3f}")
assert tv_to_target < 0.01 < tv_draft  # the output follows the target model, not the draft
assert abs(acceptance - (1 - tv_draft)) < 0.01

# Tokens produced per target-model pass with k draft tokens, each accepted with probability a:
# accepted prefix + one token from the target's own pass; the geometric sum (1 - a^(k+1)) / (1 - a).
a, k = 0.8, 4
accepted_run = np.argmin(np.concatenate([rng.random((n, k)) < a, np.zeros((n, 1), bool)], axis=1), axis=1)
per_pass = accepted_run.mean() + 1
print(f"a={a}, k={k}: {per_pass:.2f} tokens per target pass (geometric sum {(1 - a**(k + 1)) / (1 - a):.2f})")
assert abs(per_pass - (1 - a ** (k + 1)) / (1 - a)) < 0.02
assert per_pass > 3  # ~3.4 tokens for one pass of the large model
