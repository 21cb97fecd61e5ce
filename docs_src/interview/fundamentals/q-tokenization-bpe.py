from collections import Counter

text = ("the lowest price is lower than the lower bound . the newest model is newer and wider . "
        "training the largest model costs the most . the widest layer is the slowest . ") * 20


def train_bpe(corpus, num_merges):
    """Byte-level BPE: start from the UTF-8 bytes of each word, merge the most frequent pair."""
    words = Counter(tuple(w.encode()) for w in corpus.split())
    words = {tuple(bytes([b]) for b in w): n for w, n in words.items()}
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for w, n in words.items():
            for pair in zip(w, w[1:]):
                pairs[pair] += n
        if not pairs:
            break
        best = max(pairs, key=pairs.get)
        merges.append(best)
        words = {tuple(_merge(list(w), best)): n for w, n in words.items()}
    return merges


def _merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def encode(word, merges):
    symbols = [bytes([b]) for b in word.encode()]
    for pair in merges:  # apply merges in the order they were learned
        symbols = _merge(symbols, pair)
    return symbols


merges = train_bpe(text, 60)
print("first merges:", [(a + b).decode() for a, b in merges[:8]])

unseen = "the slower newer lowest layer"
tokens = [t for w in unseen.split() for t in encode(w, merges)]
print(f"{unseen!r}: {len(tokens)} tokens {[t.decode() for t in tokens]}")
assert b"".join(tokens) == unseen.replace(" ", "").encode()  # lossless, no unknown token
assert len(unseen.replace(" ", "")) / len(tokens) > 2.5  # merges pack several characters per token

chinese = "模型"
zh_tokens = encode(chinese, merges)  # no Chinese in the training text
print(f"{chinese!r}: {len(zh_tokens)} tokens for {len(chinese)} characters")
assert len(zh_tokens) == 3 * len(chinese)  # falls back to 3 UTF-8 bytes per character
