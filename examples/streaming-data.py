# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] lang="zh"
# # 数据比内存大：用 tf.data 从磁盘流式训练 {#streaming-data}
#
# **简介：** 把一个合成数据集写成磁盘上的 32 个分片，总量是给定内存额度的 4 倍，用 `tf.data` 逐批读进 `model.fit`；测出训练时内存峰值的增量始终在额度之内，而一次性读进内存时它与数据量同步增长；最后检验流式训练出的模型接近理论最优准确率。
# **最后修改：** 2026-11-30
# **对应题目：** [数据集（或模型）放不进内存时怎么训练的回答](../../interview/data/#q-memory-limits)。
#
# “数据放不进内存”说的是主机内存（RAM），不是显存；办法是流式读取：任何时刻内存里只有流水线的几个缓冲区，
# 它们的大小由批量大小、打乱缓冲区和预取深度决定，与数据集有多大无关。粗略地说，流水线占用的内存是
#
# $$
# M_{\text{stream}} \approx (S + k B)\, r + M_{\text{fixed}},
# $$
#
# 其中 $r$ 是每行的字节数，$S$ 是打乱缓冲区的行数，$B$ 是批量大小，$k$ 是同时在路上的批量个数（预取和并行解码），
# $M_{\text{fixed}}$ 是运行时本身的固定开销。一次性读进内存则需要 $N r$，$N$ 是总行数。
#
# 这个笔记本把这两条式子变成测量：数据写成 32 个 `.npy` 分片，共约 64 MiB，是我们给训练定的 16 MiB 内存额度的 4 倍；
# 训练时从磁盘流式读取，测量进程内存峰值的增量，并与一次性读进一个 NumPy 数组对比。为了让笔记本几秒钟跑完，数据只有几十 MB，
# 但机制与几 TB 的数据、几十 GB 的内存完全一样。

# %% [markdown] lang="en"
# # Data larger than memory: streaming from disk with tf.data {#streaming-data}
#
# **Description:** Write a synthetic data set as 32 shards on disk, four times a stated memory allowance, stream it batch by batch with `tf.data` into `model.fit`, and measure that the peak memory growth during training stays within the allowance, while loading everything into memory grows with the data; finally check that the streamed model comes close to the best achievable accuracy.
# **Last modified:** 2026-11-30
# **Supports:** [the answer on training when the data set (or the model) does not fit in memory](../../interview/data/#q-memory-limits).
#
# "The data do not fit in memory" is about host memory (RAM), not GPU memory, and the remedy is
# streaming: at any moment memory holds only a few pipeline buffers, whose size is set by the batch
# size, the shuffle buffer and the prefetch depth, not by the size of the data set. Roughly, the
# pipeline holds
#
# $$
# M_{\text{stream}} \approx (S + k B)\, r + M_{\text{fixed}},
# $$
#
# where $r$ is the number of bytes per row, $S$ the rows in the shuffle buffer, $B$ the batch size,
# $k$ the number of batches in flight (prefetched and being decoded), and $M_{\text{fixed}}$ the
# fixed cost of the runtime itself. Loading everything takes $N r$ for $N$ rows.
#
# This notebook turns the two formulas into measurements: the data are written as 32 `.npy` shards,
# about 64 MiB in all, four times the 16 MiB memory allowance we give training; training streams
# them from disk while we measure the growth of the process's peak memory, and we compare it with
# loading everything into one NumPy array. To run in seconds the data are only tens of MB, but the
# mechanism is the same for terabytes of data and tens of GB of RAM.

# %% [markdown] lang="zh"
# ## 把数据写成分片 {#shards}
#
# 每行有 128 个特征 $x \sim \mathcal{N}(0, I)$ 和一个标签 $y = \mathbb{1}[x^\top w + \xi > 0]$，
# 其中 $\lVert w \rVert_2 = 3$，噪声 $\xi \sim \mathcal{N}(0, 1)$。特征和标签以 float32 存在同一行里，每行 $r = 129 \times 4 = 516$ 字节。
# 每个分片 4096 行，约 2 MiB，用 `np.save` 写出。写的时候也是一次只生成一个分片，生成数据的程序本身同样不需要把整个数据集放进内存。
#
# 分片的好处不只是“小”：文件可以并行读取，可以按文件打乱顺序，也可以分给不同的机器（数据并行时每个副本读自己的那部分文件）。

# %% [markdown] lang="en"
# ## Write the data as shards {#shards}
#
# Each row has 128 features $x \sim \mathcal{N}(0, I)$ and a label
# $y = \mathbb{1}[x^\top w + \xi > 0]$ with $\lVert w \rVert_2 = 3$ and noise
# $\xi \sim \mathcal{N}(0, 1)$. Features and label are stored as float32 in one row of
# $r = 129 \times 4 = 516$ bytes. Each shard holds 4,096 rows, about 2 MiB, written with `np.save`.
# The writer, too, makes one shard at a time, so producing the data never needs the whole data set
# in memory either.
#
# Shards are useful beyond being small: files can be read in parallel, shuffled in file order, and
# split between machines (with data parallelism each replica reads its own subset of the files).

# %%
SEED = 42

import os
import tempfile

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)

FEATURES = 128
ROWS_PER_SHARD = 4096
SHARDS = 32
ALLOWANCE_MIB = 16  # the memory we allow training to use for data
MIB = 1024**2

w_true = rng.normal(size=FEATURES)
w_true *= 3.0 / np.linalg.norm(w_true)  # |w| = 3, label noise has standard deviation 1


def make_rows(count):
    """Features and a noisy linear label, as float32 rows [x, y]."""
    x = rng.standard_normal(size=(count, FEATURES), dtype=np.float32)
    y = (x @ w_true + rng.standard_normal(count) > 0).astype(np.float32)
    return np.hstack([x, y[:, None]])


folder = tempfile.mkdtemp(prefix="shards-")
paths = []
for i in range(SHARDS):
    paths.append(os.path.join(folder, f"shard-{i:03d}.npy"))
    np.save(paths[-1], make_rows(ROWS_PER_SHARD))  # one shard in memory at a time

shard_mib = os.path.getsize(paths[0]) / MIB
total_mib = SHARDS * shard_mib
print(f"{SHARDS} shards of {shard_mib:.2f} MiB: {total_mib:.1f} MiB on disk, "
      f"{total_mib / ALLOWANCE_MIB:.1f}x the {ALLOWANCE_MIB} MiB allowance")

# %% [markdown] lang="zh"
# ## 怎样测量内存 {#measuring-memory}
#
# 要量的是整个进程的物理内存，包括 TensorFlow 在 C++ 里分配的缓冲区，所以读 Linux 的 `/proc/self/status`：
# `VmRSS` 是进程当前驻留在物理内存里的大小，`VmHWM` 是它的峰值（high-water mark）。往 `/proc/self/clear_refs` 写入 `5`
# 会把峰值重置为当前值，于是“重置，执行一段代码，读峰值减去开始时的 RSS”就是这段代码造成的内存峰值增量。
#
# 另外两个常见做法在这里都不合适：`tracemalloc` 只看得见经过 Python 内存分配器的内存（NumPy 数组也会向它登记），看不见 TensorFlow 在 C++ 里分配的缓冲区；
# `resource.getrusage(...).ru_maxrss` 是进程一生的峰值，不能重置，导入 TensorFlow 时的峰值就会把后面的测量盖住。
# 从磁盘读文件时操作系统的页缓存不计入 RSS：它属于内核，内存紧张时可以随时回收。这种测法只适用于 Linux。

# %% [markdown] lang="en"
# ## How we measure memory {#measuring-memory}
#
# We need the physical memory of the whole process, TensorFlow's C++ buffers included, so we read
# Linux's `/proc/self/status`: `VmRSS` is how much of the process is resident in physical memory
# now, `VmHWM` its peak (high-water mark). Writing `5` to `/proc/self/clear_refs` resets the peak to
# the current value, so "reset, run some code, read the peak minus the RSS at the start" is the peak
# memory growth that code caused.
#
# Two common alternatives do not work here: `tracemalloc` sees only memory that goes through
# Python's allocators (NumPy registers its arrays there too), not TensorFlow's C++ buffers;
# `resource.getrusage(...).ru_maxrss` is the peak over the process's lifetime and
# cannot be reset, so the peak reached while importing TensorFlow hides everything after it. The
# operating system's page cache for the files we read is not part of RSS: it belongs to the kernel,
# which can reclaim it whenever memory is short. This way of measuring works on Linux only.

# %%
def status_mib(field):
    """A memory field of /proc/self/status (VmRSS, VmHWM) in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise KeyError(field)


def peak_growth_mib(run):
    """Run `run()` and return (peak RSS growth in MiB, its result)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset VmHWM to the current RSS
    before = status_mib("VmRSS")
    result = run()
    return status_mib("VmHWM") - before, result


print(f"resident now: {status_mib('VmRSS'):.0f} MiB (Python, TensorFlow, Keras already loaded)")

# %% [markdown] lang="zh"
# ## tf.data 流水线 {#pipeline}
#
# `.npy` 文件是一个 128 字节的文件头加上按行连续存放的数据，所以 `tf.data.FixedLengthRecordDataset` 跳过文件头后，
# 就能把每行 516 字节当作一条记录直接读出来，不需要先转换格式（大规模训练更常用 TFRecord，道理相同）。流水线的每一步：
#
# 1. 文件名列表按种子打乱顺序，这是第一层打乱，代价为零；
# 2. `interleave` 轮流从 4 个文件读取记录，一个批量里混有多个文件的行；
# 3. `shuffle` 用一个 2048 行的缓冲区在文件之间再打乱一次，这个缓冲区正是上式里的 $S$；
# 4. 先分批（1024 行）再用 `tf.io.decode_raw` 把整批字节解码成 float32，每个批量只调用一次解码算子，而不是每行一次；
# 5. `prefetch` 在后台线程里准备下两个批量，读磁盘、解码与训练重叠。
#
# `interleave` 和 `map` 都不开并行，预取深度固定为 2，而不是 `AUTOTUNE`：每多一个线程就多一份缓冲区和内存分配器的内存池，
# 自动调优又会按需加大缓冲区，内存占用就不再由我们决定。如果读盘或解码成了瓶颈，再调大 `num_parallel_calls`，并重新测量内存。
# 总行数可以由文件大小算出来，用 `assert_cardinality` 告诉 Keras 每轮有多少个批量。
#
# 检验：不打乱时，流水线读出的第一个批量与 `np.load` 读出的同一文件的前 1024 行逐位相同，两条读取路径互相印证。

# %% [markdown] lang="en"
# ## The tf.data pipeline {#pipeline}
#
# An `.npy` file is a 128-byte header followed by the rows stored contiguously, so
# `tf.data.FixedLengthRecordDataset` can skip the header and read each 516-byte row as a record,
# with no conversion step (large-scale training more often uses TFRecord; the idea is the same).
# The pipeline, step by step:
#
# 1. the list of file names is shuffled with a seed: a first level of shuffling that costs nothing;
# 2. `interleave` reads records from 4 files in turn, so a batch mixes rows from several files;
# 3. `shuffle` mixes rows across files once more in a buffer of 2,048 rows: the $S$ of the formula;
# 4. batch first (1,024 rows), then decode the whole batch of bytes to float32 with
#    `tf.io.decode_raw`: one decoding op per batch instead of one per row;
# 5. `prefetch` prepares the next two batches in a background thread, overlapping disk reads and
#    decoding with training.
#
# `interleave` and `map` run without parallelism and the prefetch depth is a fixed 2, rather than
# `AUTOTUNE`: every extra thread brings its own buffers and memory-allocator pools, and autotuning
# grows buffers on demand, so we would no longer decide how much memory the pipeline takes. If disk
# reads or decoding become the bottleneck, raise `num_parallel_calls` and measure memory again.
# The number of rows follows from the file sizes, and `assert_cardinality` tells Keras how many
# batches an epoch has.
#
# The check: without shuffling, the first batch the pipeline reads is bit for bit the first 1,024
# rows that `np.load` reads from the same file, so the two ways of reading confirm each other.

# %%
RECORD_BYTES = (FEATURES + 1) * 4
BATCH = 1024
SHUFFLE_ROWS = 2048
with open(paths[0], "rb") as f:  # the .npy header length, read with NumPy's own parser
    np.lib.format.read_magic(f)
    np.lib.format.read_array_header_1_0(f)
    HEADER_BYTES = f.tell()
print(f"header: {HEADER_BYTES} bytes, record: {RECORD_BYTES} bytes")


def decode(records):
    rows = tf.io.decode_raw(records, tf.float32)  # (batch, FEATURES + 1)
    return rows[:, :FEATURES], rows[:, FEATURES:]


def stream(files, shuffle=True):
    """Batches of (x, y) read from the shards, never holding more than a few batches."""
    ds = tf.data.Dataset.from_tensor_slices(files)
    if shuffle:
        ds = ds.shuffle(len(files), seed=SEED)
    ds = ds.interleave(
        lambda path: tf.data.FixedLengthRecordDataset(path, RECORD_BYTES, header_bytes=HEADER_BYTES),
        cycle_length=4,  # round-robin over 4 files, no extra threads
    )
    if shuffle:
        ds = ds.shuffle(SHUFFLE_ROWS, seed=SEED)
    ds = ds.batch(BATCH).map(decode).prefetch(2)  # prefetch: one background thread
    batches = -(-len(files) * ROWS_PER_SHARD // BATCH)  # ceil(rows / BATCH)
    return ds.apply(tf.data.experimental.assert_cardinality(batches))


x_first, y_first = next(iter(stream(paths[:1], shuffle=False)))
on_disk = np.load(paths[0])[:BATCH]
same = np.array_equal(np.hstack([x_first.numpy(), y_first.numpy()]), on_disk)
print(f"check: first streamed batch equals np.load rows: {same} (needs True)")
assert same, "tf.data decoded the shard differently from np.load"
estimate = (SHUFFLE_ROWS + 5 * BATCH) * RECORD_BYTES / MIB  # S + about 5 batches in flight
print(f"pipeline buffers by the formula: about {estimate:.1f} MiB, plus a fixed runtime cost")

# %% [markdown] lang="zh"
# ## 流式训练 {#streaming-fit}
#
# 模型是一个小型多层感知机（128 → 16 → 1）。第一次调用 `fit` 时 Keras 要追踪并编译训练函数，TensorFlow 要建线程池、载入用到的算子，
# 这部分是一次性的固定开销，与数据量无关，所以先用 4 个分片“预热”一次并单独报告。
# 之后分别用前 4、8、16、32 个分片各训练一轮（同一个模型接着训练），测量每次内存峰值的增量。

# %% [markdown] lang="en"
# ## Training on the stream {#streaming-fit}
#
# The model is a small multilayer perceptron (128 → 16 → 1). The first call to `fit` makes Keras
# trace and compile the train function and TensorFlow start its thread pools and load the kernels
# it uses: a one-time fixed cost that does not depend on the data size, so we warm up on 4 shards
# first and report that cost on its own. Then the same model trains one epoch each on the first 4,
# 8, 16 and 32 shards, and we measure the peak memory growth of each run.

# %%
model = keras.Sequential([
    keras.Input(shape=(FEATURES,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="binary_crossentropy", metrics=["accuracy"])

warmup_mib, _ = peak_growth_mib(lambda: model.fit(stream(paths[:4]), epochs=1, shuffle=False, verbose=0))
print(f"first fit (tracing, thread pools, 4 shards): +{warmup_mib:.1f} MiB, once")
print(f"check: first-fit growth / pipeline estimate: {warmup_mib / estimate:.4g} (needs > 2)")
assert warmup_mib > 2 * estimate, "the one-time cost should dwarf the pipeline buffers"

SIZES = [4, 8, 16, 32]
streamed = []
for k in SIZES:
    growth, history = peak_growth_mib(lambda: model.fit(stream(paths[:k]), epochs=1, shuffle=False, verbose=0))
    streamed.append(growth)
    print(f"streamed {k:2d} shards ({k * shard_mib:5.1f} MiB): peak growth {growth:5.1f} MiB, "
          f"train accuracy {history.history['accuracy'][-1]:.3f}")

# %% [markdown] lang="zh"
# ## 对比：一次性读进内存 {#in-memory}
#
# 同样的分片，这次先分配一个能装下全部行的 NumPy 数组，再逐个文件读进去。这已经是最省的读法（没有 `np.concatenate` 那样的临时副本），
# 峰值增量仍然至少是数据本身的大小 $N r$；在这个数组上调用 `fit` 只会更多，因为数组得先存在。
# 流式训练放在前面测量，是为了让它在干净的状态下开始：先分配又释放的大数组，可能让内存分配器留下一些已驻留的空闲内存，之后的测量就会偏低。

# %% [markdown] lang="en"
# ## For comparison: loading everything {#in-memory}
#
# The same shards, this time read file by file into one NumPy array allocated to hold all the rows.
# That is already the thriftiest way to load (no temporary copy as with `np.concatenate`), and its
# peak growth is still at least the size of the data, $N r$; calling `fit` on that array can only
# add to it, because the array has to exist first. The streaming runs were measured before this
# one so that they start from a clean state: large arrays allocated and freed can leave the memory
# allocator holding resident free memory, which would make later measurements read low.

# %%
def load_everything(files):
    data = np.empty((len(files) * ROWS_PER_SHARD, FEATURES + 1), dtype=np.float32)
    for i, path in enumerate(files):
        data[i * ROWS_PER_SHARD:(i + 1) * ROWS_PER_SHARD] = np.load(path)
    return data.nbytes / MIB


loaded = []
for k in SIZES:
    growth, held = peak_growth_mib(lambda: load_everything(paths[:k]))
    loaded.append(growth)
    print(f"loaded   {k:2d} shards ({k * shard_mib:5.1f} MiB): peak growth {growth:5.1f} MiB (array {held:.1f} MiB)")

# %% [markdown] lang="zh"
# ## 内存随数据量的变化 {#memory-vs-size}
#
# 断言两条：一次性读入时，每个数据量下峰值增量都至少是数据大小的 90%；流式训练时，每个数据量下峰值增量都不超过 16 MiB 的额度，
# 而最大的数据集是额度的 4 倍。流式训练的峰值增量每次运行会上下差几 MiB，这来自内存分配器和线程，而不是数据量。
# 预热那一次的固定开销比流水线缓冲区大得多，但它只发生一次，不随数据增长；生产环境里给内存定额度时要把它算进去。

# %% [markdown] lang="en"
# ## Memory against data size {#memory-vs-size}
#
# Two assertions: loading everything, the peak growth is at least 90% of the data size at every
# size; streaming, it stays within the 16 MiB allowance at every size, although the largest data
# set is four times the allowance. The streamed peak growth moves by a few MiB from run to run; that
# comes from the memory allocator and threads, not from the data size. The fixed cost of the warm-up run is much
# larger than the pipeline's buffers, but it is paid once and does not grow with the data; a
# production memory budget has to include it.

# %%
sizes_mib = np.array(SIZES) * shard_mib
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(sizes_mib, loaded, marker="o", label="load everything into one array")
ax.plot(sizes_mib, streamed, marker="o", label="stream with tf.data while training")
ax.axhline(ALLOWANCE_MIB, color="gray", linestyle="--", label=f"allowance ({ALLOWANCE_MIB} MiB)")
ax.set_xlabel("data size on disk (MiB)")
ax.set_ylabel("peak memory growth (MiB)")
ax.set_title("Peak memory against data size")
ax.legend()
fig.tight_layout()
plt.show()

loaded_share = min(g / s for g, s in zip(loaded, sizes_mib))
print(f"check: loaded peak growth / data size, smallest: {loaded_share:.4g} (needs >= 0.9)")
assert loaded_share >= 0.9
print(f"check: streamed peak growth, largest: {max(streamed):.4g} MiB (needs <= {ALLOWANCE_MIB})")
assert max(streamed) <= ALLOWANCE_MIB, "streaming exceeded the memory allowance"

# %% [markdown] lang="zh"
# ## 模型学到东西了吗 {#accuracy}
#
# 省内存不能以学不到东西为代价。数据是按已知规则生成的，所以能算出任何分类器都无法超越的最优（贝叶斯）准确率：
# 最优分类器按 $x^\top w$ 的符号判断，$s = x^\top w \sim \mathcal{N}(0, 9)$ 与 $s + \xi$ 的相关系数是 $\rho = 3/\sqrt{10}$，所以
#
# $$
# \text{acc}^{*} = \Pr[\operatorname{sign}(s) = \operatorname{sign}(s + \xi)] = 1 - \frac{\arccos \rho}{\pi} \approx 0.898 .
# $$
#
# 在 8192 行新生成的留出数据上评估流式训练出的模型，断言它的准确率与这个理论上限相差不到 3 个百分点。

# %% [markdown] lang="en"
# ## Did the model learn? {#accuracy}
#
# Saving memory is worthless if the model learns nothing. The data follow a known rule, so we can
# compute the best (Bayes) accuracy that no classifier can beat: the optimal classifier takes the
# sign of $x^\top w$, and $s = x^\top w \sim \mathcal{N}(0, 9)$ and $s + \xi$ have correlation
# $\rho = 3/\sqrt{10}$, so
#
# $$
# \text{acc}^{*} = \Pr[\operatorname{sign}(s) = \operatorname{sign}(s + \xi)] = 1 - \frac{\arccos \rho}{\pi} \approx 0.898 .
# $$
#
# We evaluate the streamed model on 8,192 freshly generated held-out rows and assert that its
# accuracy is within 3 percentage points of this theoretical ceiling.

# %%
held_out = make_rows(8192)
_, accuracy = model.evaluate(held_out[:, :FEATURES], held_out[:, FEATURES], verbose=0)
bayes = 1 - np.arccos(3 / np.sqrt(10)) / np.pi
print(f"held-out accuracy {accuracy:.3f}, Bayes accuracy {bayes:.3f}")
print(f"check: Bayes accuracy - streamed model accuracy: {bayes - accuracy:.4g} (needs < 0.03)")
assert bayes - accuracy < 0.03, "the streamed model did not learn the rule"

for path in paths:
    os.remove(path)
os.rmdir(folder)

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 先分清缺的是哪种内存：数据放不进主机内存，就流式读取；模型和激活放不进显存，是梯度累积、混合精度、激活检查点、ZeRO 这一类办法。
# - 流式读取时内存由缓冲区决定：打乱缓冲区、批量大小、并行度和预取深度，约为 $(S + kB)\,r$ 加上固定开销，与数据集大小无关；数据是额度的 4 倍，峰值增量仍在额度之内。
# - 打乱分两层：先打乱文件顺序，再用有限的打乱缓冲区在文件之间混合。缓冲区越大越接近全局打乱，也越占内存。
# - 小心 `ds.cache()`：不传文件名时它把整个数据集缓存在内存里，流式读取的好处就没了；要缓存就缓存到磁盘上的文件。
# - 同样的思路还有别的工具：`np.memmap`、TFRecord、PyTorch 的 `DataLoader`；数据跨机器时按分片分配给各个副本。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - First say which memory is short: data that do not fit in host memory call for streaming; a model
#   and activations that do not fit in GPU memory call for gradient accumulation, mixed precision,
#   activation checkpointing, ZeRO and the like.
# - When streaming, memory is set by the buffers: shuffle buffer, batch size, parallelism and
#   prefetch depth, roughly $(S + kB)\,r$ plus a fixed cost, whatever the size of the data set; with
#   data four times the allowance, the peak growth stayed within it.
# - Shuffle in two levels: shuffle the file order, then mix across files in a bounded shuffle buffer.
#   A larger buffer comes closer to a global shuffle and takes more memory.
# - Beware of `ds.cache()`: without a file name it caches the whole data set in memory, and the
#   benefit of streaming is gone; to cache, cache to a file on disk.
# - The same idea has other tools: `np.memmap`, TFRecord, PyTorch's `DataLoader`; across machines,
#   assign shards to replicas.
