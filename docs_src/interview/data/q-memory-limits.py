import os
import tempfile

import numpy as np

# A dataset on disk, read in mini-batches: RAM holds one batch, not the whole array
path = os.path.join(tempfile.mkdtemp(), "features.f32")
n_rows, n_cols, batch = 100_000, 64, 4096
rng = np.random.default_rng(0)
data = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(n_rows, n_cols))
for start in range(0, n_rows, batch):          # written chunk by chunk too
    stop = min(start + batch, n_rows)
    data[start:stop] = rng.normal(3.0, 2.0, (stop - start, n_cols))
data.flush()
del data

def batches(path, batch_size, seed):
    arr = np.load(path, mmap_mode="r")          # nothing is read yet
    starts = np.arange(0, len(arr), batch_size)
    np.random.default_rng(seed).shuffle(starts)  # shuffle block order each epoch
    for s in starts:
        yield np.asarray(arr[s:s + batch_size])   # only this slice is read from disk

# Streaming statistics (e.g. for standardization) without loading everything
count, total, total_sq = 0, np.zeros(n_cols), np.zeros(n_cols)
for xb in batches(path, batch, seed=0):
    count += len(xb)
    total += xb.sum(axis=0)
    total_sq += (xb.astype(np.float64) ** 2).sum(axis=0)
mean = total / count
std = np.sqrt(total_sq / count - mean**2)
print(f"rows seen: {count}, mean ~ {mean.mean():.3f}, std ~ {std.mean():.3f}")
assert count == n_rows
assert np.allclose(mean, 3.0, atol=0.05) and np.allclose(std, 2.0, atol=0.05)
