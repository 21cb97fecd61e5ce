import numpy as np

rng = np.random.default_rng(42)
vocab = 50_000
ranks = np.arange(1, vocab + 1)

def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()

def entropy(p):
    return -np.sum(p[p > 0] * np.log(p[p > 0]))

def nucleus(p, top_p):
    """Smallest set of most likely tokens whose total probability reaches top_p, renormalized."""
    order = np.argsort(p)[::-1]
    keep = order[: np.searchsorted(np.cumsum(p[order]), top_p) + 1]
    q = np.zeros_like(p)
    q[keep] = p[keep] / p[keep].sum()
    return q

peaked = -3.0 * np.log(ranks)                       # a confident next-token distribution (Zipf-like logits)
flat = -1.0 * np.log(ranks)                         # an open-ended one ("Once upon a ...")
for t in (0.5, 1.0, 1.5):
    print(f"T={t}: entropy peaked {entropy(softmax(peaked / t)):.2f}  flat {entropy(softmax(flat / t)):.2f} nats")
ent = [entropy(softmax(flat / t)) for t in (0.5, 1.0, 1.5)]
assert ent[0] < ent[1] < ent[2]                     # temperature < 1 sharpens, > 1 flattens
assert softmax(flat / 0.01).max() > 0.99            # T -> 0 is greedy decoding

size = {name: np.count_nonzero(nucleus(softmax(z), 0.9)) for name, z in (("peaked", peaked), ("flat", flat))}
print(f"top-p=0.9 keeps {size['peaked']} tokens of the peaked distribution, {size['flat']} of the flat one")
assert size["peaked"] <= 5 and size["flat"] > 1000  # the nucleus adapts; a fixed top-k cannot

# Sampling from the truncated distribution draws only kept tokens, at the renormalized rates
q = nucleus(softmax(peaked), 0.9)
draws = rng.choice(vocab, size=100_000, p=q)
freq = np.bincount(draws, minlength=vocab) / draws.size
assert set(np.flatnonzero(freq)) <= set(np.flatnonzero(q))
assert np.max(np.abs(freq - q)) < 0.01
