import hashlib

import numpy as np

rng = np.random.default_rng(42)
vocab = [f"w{i}" for i in range(5000)]
doc = list(rng.choice(vocab, size=400))
near_dup = doc.copy()                      # the same page with 8 words edited
for i in rng.choice(len(doc), size=8, replace=False):
    near_dup[i] = str(rng.choice(vocab))
other = doc[:200] + list(rng.choice(vocab, size=200))  # shares only its first half with doc


def shingles(words, n=5):
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def jaccard(a, b):
    return len(a & b) / len(a | b)


# MinHash: for each of 400 random hash functions keep the smallest hash of the shingle set;
# P(two sets have the same minimum) = their Jaccard similarity
P = (1 << 61) - 1
a, b = rng.integers(1, P, size=400), rng.integers(0, P, size=400)


def minhash(s):
    x = np.array([int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest()) % P for t in s],
                 dtype=object)
    return np.array([min((ai * x + bi) % P) for ai, bi in zip(a, b)], dtype=object)


sig = {name: minhash(shingles(d)) for name, d in [("doc", doc), ("near", near_dup), ("other", other)]}
true_near, true_other = (jaccard(shingles(doc), shingles(d)) for d in (near_dup, other))
est_near, est_other = (np.mean(sig["doc"] == sig[name]) for name in ("near", "other"))
print(f"Jaccard near-duplicate: true {true_near:.3f}, MinHash estimate {est_near:.3f}")
print(f"Jaccard half-shared page: true {true_other:.3f}, MinHash estimate {est_other:.3f}")


# LSH banding: 50 bands of 8 rows; a pair becomes a candidate if any band matches exactly
def candidate(s1, s2, bands=50, rows=8):
    return any(np.array_equal(s1[i * rows:(i + 1) * rows], s2[i * rows:(i + 1) * rows]) for i in range(bands))


print("candidate pair: near-duplicate", candidate(sig["doc"], sig["near"]),
      " half-shared", candidate(sig["doc"], sig["other"]))
assert abs(est_near - true_near) < 0.1     # 400 hashes estimate J to about +/- 0.02 (1 std)
assert abs(est_other - true_other) < 0.1
assert candidate(sig["doc"], sig["near"])        # J ~ 0.8: found (probability > 0.99)
assert not candidate(sig["doc"], sig["other"])   # J ~ 0.3: not a candidate (probability < 0.01)
