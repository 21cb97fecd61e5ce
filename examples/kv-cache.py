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
# # KV 缓存：逐 token 生成时不必每步重算整个前缀 {#kv-cache}
#
# **简介：** 用 `keras.ops` 写一个很小的解码器型 Transformer，分别用“每步重算整个前缀”和“KV 缓存”做贪心解码：两者生成的 token 完全相同，而带缓存时每个 token 的代价不再随前缀变长而猛涨；再用真实的张量核对缓存大小的公式，算出一个真实 8B 模型的缓存有多大，并说明解码为什么受显存带宽限制。
# **最后修改：** 2026-11-30
# **对应题目：** [模型部署与监控](../../interview/deployment/#q-deploy-monitor)中“大语言模型推理服务：机制”一节；[大模型的原理与应用](../../interview/fundamentals/#q-large-model-principles-applications)中的第 5 点“推理的两个阶段”。
#
# 语言模型一次只生成一个 token：把已有的 token 送进模型，取最后一个位置的 logits，选出下一个 token 接到序列末尾，再重复。
# 最朴素的写法每一步都把整个前缀重新算一遍。可是因果掩码保证了位置 $j$ 在每一层的隐藏状态只依赖位置 $\le j$ 的 token，
# 所以旧位置的键 $k_j$ 和值 $v_j$ 在之后的每一步都一模一样。KV 缓存就是把它们存下来：每一步只为新 token
# 算一次查询、键和值，新 token 的查询再与缓存里的全部键做注意力。
#
# 这个笔记本把这句话变成可以断言的事实：两种解码生成的 token 逐个相同；每个 token 的耗时比随上下文变长而拉开；
# 缓存的字节数与公式 $2 \cdot L \cdot s \cdot n_{kv} \cdot d_{head} \cdot$ 每个数的字节数完全吻合。
# 最后用同一个公式估算真实模型的缓存，并测出“读权重”为什么是解码的瓶颈。

# %% [markdown] lang="en"
# # The KV cache: generating token by token without recomputing the prefix {#kv-cache}
#
# **Description:** Write a tiny decoder-only Transformer with `keras.ops` and decode greedily in two ways, recomputing the whole prefix at every step and with a KV cache: the tokens come out identical, while the cached cost per token no longer climbs with the prefix length. Then check the cache size formula against the real tensors, work it out for a real 8B model, and show why decoding is bound by memory bandwidth.
# **Last modified:** 2026-11-30
# **Supports:** [the answer on deploying and monitoring a model](../../interview/deployment/#q-deploy-monitor), its part on how a large language model is served; and point 5, the two phases of inference, of [the answer on how large models work](../../interview/fundamentals/#q-large-model-principles-applications).
#
# A language model generates one token at a time: feed it the tokens so far, take the logits at
# the last position, pick the next token, append it, repeat. The naive loop runs the whole prefix
# through the model at every step. But the causal mask guarantees that the hidden state of position
# $j$ in every layer depends only on the tokens at positions $\le j$, so the key $k_j$ and the value
# $v_j$ of an old position are exactly the same at every later step. The KV cache stores them: each
# step computes the query, key and value of the new token only, and the new query attends to all
# the cached keys.
#
# This notebook turns that argument into facts it asserts: both ways of decoding produce the same
# tokens; the time per token of the two drifts apart as the context grows; and the bytes in the
# cache match the formula $2 \cdot L \cdot s \cdot n_{kv} \cdot d_{head} \cdot$ bytes per value
# exactly. Finally it applies the same formula to a real model and measures why reading the weights
# is what limits decoding.

# %% [markdown] lang="zh"
# ## 一个很小的解码器 {#model}
#
# 模型有 2 层，$d_{model} = 128$，4 个头（每个头 $d_{head} = 32$），前馈层宽 512，词表 64 个 token；
# 采用 pre-LN 结构（先做层归一化，再进注意力或前馈层，外面套残差连接），位置编码是可学习的位置嵌入。
# 权重是由 `SEED` 固定的随机数：这里要检验的是解码的机制，不是语言质量；随机权重生成的 token 没有意义，但完全确定。
#
# 同一个 `forward(tokens, start, cache)` 两种用法都能跑。不带缓存时，`tokens` 是位置 $0$ 到 $t-1$ 的整个前缀；
# 带缓存时，`tokens` 只是从位置 `start` 开始的新 token，它们的键和值接到每层缓存的末尾，
# 查询再与缓存中的全部键做注意力。一次送入多个新 token 时（预填充，prefill），
# 掩码让位置 `start + a` 的查询只看见位置不超过 `start + a` 的键。
#
# 模型和后面的计时都固定在 CPU 上（`keras.device("cpu:0")`）。这么小的模型在 GPU 上测到的主要是启动开销，
# 固定设备后，无论在哪台机器上运行，比较的都是同一种硬件。

# %% [markdown] lang="en"
# ## A tiny decoder {#model}
#
# The model has 2 layers, $d_{model} = 128$, 4 heads ($d_{head} = 32$ each), a feed-forward width of
# 512 and a vocabulary of 64 tokens. It is a pre-LN Transformer (layer normalization before the
# attention and the feed-forward block, residual connections around them) with learned position
# embeddings. Its weights are random numbers fixed by `SEED`: we are testing the mechanics of
# decoding, not language quality, and random weights produce meaningless but fully deterministic
# tokens.
#
# One `forward(tokens, start, cache)` serves both ways. Without a cache, `tokens` is the whole
# prefix at positions $0$ to $t-1$. With a cache, `tokens` holds only the new tokens, starting at
# position `start`; their keys and values are appended to each layer's cache and their queries
# attend to every cached key. When several new tokens go in at once (the prefill), the mask lets the
# query at position `start + a` see only keys at positions up to `start + a`.
#
# The model and all the timings below are pinned to the CPU (`keras.device("cpu:0")`). On a GPU, a
# model this small mostly measures launch overhead; pinning the device means every machine compares
# the same kind of hardware.

# %%
import time

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import ops

SEED = 42
keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)

VOCAB, D_MODEL, HEADS, LAYERS, D_FF, MAX_LEN = 64, 128, 4, 2, 512, 1100
D_HEAD = D_MODEL // HEADS


def dense(n_in, n_out, gain=1.0):
    return (gain * rng.normal(size=(n_in, n_out)) / np.sqrt(n_in)).astype("float32")


with keras.device("cpu:0"):
    embed = ops.convert_to_tensor(rng.normal(size=(VOCAB, D_MODEL)).astype("float32"))
    positions = ops.convert_to_tensor((0.5 * rng.normal(size=(MAX_LEN, D_MODEL))).astype("float32"))
    head = ops.convert_to_tensor(dense(D_MODEL, VOCAB, gain=4.0))
    blocks = [
        {name: ops.convert_to_tensor(w) for name, w in [
            ("qkv", dense(D_MODEL, 3 * D_MODEL)), ("out", dense(D_MODEL, D_MODEL)),
            ("up", dense(D_MODEL, D_FF)), ("down", dense(D_FF, D_MODEL))]}
        for _ in range(LAYERS)
    ]


def layer_norm(x):
    mean = ops.mean(x, axis=-1, keepdims=True)
    return (x - mean) * ops.rsqrt(ops.var(x, axis=-1, keepdims=True) + 1e-5)


def to_heads(x):
    """(batch, t, d_model) -> (batch, heads, t, d_head)"""
    batch, t = x.shape[0], x.shape[1]
    return ops.transpose(ops.reshape(x, (batch, t, HEADS, D_HEAD)), (0, 2, 1, 3))


def forward(tokens, start=0, cache=None):
    """Logits of the token that follows `tokens`, which sit at positions start, start+1, ...
    cache: None, or a list with one (keys, values) pair per layer (None while empty); the new
    keys and values are appended to it."""
    batch, t = tokens.shape
    x = ops.take(embed, tokens, axis=0) + positions[start:start + t]
    for i, block in enumerate(blocks):
        q, k, v = ops.split(ops.matmul(layer_norm(x), block["qkv"]), 3, axis=-1)
        q, k, v = to_heads(q), to_heads(k), to_heads(v)
        if cache is not None:
            if cache[i] is not None:
                k = ops.concatenate([cache[i][0], k], axis=2)
                v = ops.concatenate([cache[i][1], v], axis=2)
            cache[i] = (k, v)
        scores = ops.matmul(q, ops.swapaxes(k, -1, -2)) / np.float32(np.sqrt(D_HEAD))
        if t > 1:  # causal mask: the query at position start+a sees keys at positions <= start+a
            allowed = np.arange(k.shape[2])[None, :] <= start + np.arange(t)[:, None]
            scores = ops.where(allowed, scores, -1e9)
        att = ops.matmul(ops.softmax(scores, axis=-1), v)
        att = ops.reshape(ops.transpose(att, (0, 2, 1, 3)), (batch, t, D_MODEL))
        x = x + ops.matmul(att, block["out"])
        x = x + ops.matmul(ops.gelu(ops.matmul(layer_norm(x), block["up"])), block["down"])
    return ops.matmul(layer_norm(x[:, -1]), head)


block_weights = sum(int(np.prod(w.shape)) for block in blocks for w in block.values())
print(f"{LAYERS} layers, d_model={D_MODEL}, {HEADS} heads of {D_HEAD}: {block_weights:,} weights in the blocks")

# %% [markdown] lang="zh"
# ## 两种贪心解码 {#greedy}
#
# 两个生成函数都从同样的 4 条随机提示词（每条 8 个 token）出发，各生成 32 个新 token，每一步取 logits 最大的 token：
#
# - `generate_without_cache`：第 $t$ 步把长度为 $t$ 的整个前缀送进 `forward`；
# - `generate_with_cache`：先把提示词一次送入，填好缓存（预填充），之后每一步只送入上一步生成的那一个 token。
#
# 两者只是浮点运算的顺序不同，所以断言要求：生成的 token 逐个相同，每一步的 logits 相差不到 $10^{-3}$。
# 同时打印最大和次大 logit 之间的最小间隔，可以拿它和 logits 之差比一比：比这个间隔小的舍入误差，改变不了哪个 token 胜出。

# %% [markdown] lang="en"
# ## Greedy decoding, two ways {#greedy}
#
# Both generators start from the same 4 random prompts of 8 tokens and generate 32 new tokens
# each, taking the token with the largest logit at every step:
#
# - `generate_without_cache` feeds the whole prefix of length $t$ to `forward` at step $t$;
# - `generate_with_cache` feeds the prompt once to fill the cache (the prefill), then only the one
#   token generated at the previous step.
#
# The two differ only in the order of floating-point operations, so the assertions require the
# same tokens and logits within $10^{-3}$ of each other at every step. We also print the smallest
# gap between the largest and the second-largest logit, to compare with the logit difference: a
# rounding difference smaller than that gap cannot change which token wins.


# %%
def generate_without_cache(prompt, steps):
    tokens, logits = prompt, []
    for _ in range(steps):
        out = ops.convert_to_numpy(forward(tokens))  # the whole prefix, every step
        logits.append(out)
        tokens = np.concatenate([tokens, out.argmax(axis=-1)[:, None]], axis=1)
    return tokens, np.stack(logits, axis=1)


def generate_with_cache(prompt, steps):
    cache = [None] * LAYERS
    out = ops.convert_to_numpy(forward(prompt, 0, cache))  # prefill: the whole prompt in one pass
    tokens, logits = np.concatenate([prompt, out.argmax(axis=-1)[:, None]], axis=1), [out]
    for _ in range(steps - 1):
        out = ops.convert_to_numpy(forward(tokens[:, -1:], tokens.shape[1] - 1, cache))  # one new token
        logits.append(out)
        tokens = np.concatenate([tokens, out.argmax(axis=-1)[:, None]], axis=1)
    return tokens, np.stack(logits, axis=1), cache


BATCH, PROMPT, NEW = 4, 8, 32
prompt = rng.integers(0, VOCAB, size=(BATCH, PROMPT))
with keras.device("cpu:0"):
    plain_tokens, plain_logits = generate_without_cache(prompt, NEW)
    cached_tokens, cached_logits, cache = generate_with_cache(prompt, NEW)
print("generated, sequence 0:", cached_tokens[0, PROMPT:].tolist())

mismatches = int((plain_tokens != cached_tokens).sum())
logit_gap = float(np.abs(plain_logits - cached_logits).max())
top2 = np.sort(plain_logits, axis=-1)[..., -2:]
print(f"smallest gap between the two largest logits: {(top2[..., 1] - top2[..., 0]).min():.4g}")
print(f"check: tokens that differ with and without the cache: {mismatches} (needs 0)")
print(f"check: largest logit difference: {logit_gap:.4g} (needs < 1e-3)")
assert mismatches == 0 and logit_gap < 1e-3, (mismatches, logit_gap)

# %% [markdown] lang="zh"
# ## 每个 token 的代价 {#cost}
#
# 记 $d = d_{model}$。每一层里，一个 token 经过四个注意力投影和前馈层约需 $2(4d^2 + 2 d\, d_{ff})$ 次浮点运算，
# 再与 $t$ 个位置做注意力（$q k^\top$ 和乘 $V$）约需 $4td$ 次。于是生成第 $t+1$ 个 token 时，每层的运算量是
#
# $$
# C_{\text{no cache}}(t) \approx t \cdot 2(4d^2 + 2 d\, d_{ff}) + 4t^2 d, \qquad
# C_{\text{cache}}(t) \approx 2(4d^2 + 2 d\, d_{ff}) + 4td .
# $$
#
# 两式之比正好是 $t$：不带缓存时，每个 token 的代价是带缓存时的 $t$ 倍，随 $t$ 按平方增长，生成 $n$ 个 token 的总代价是 $O(n^3)$；
# 带缓存时每个 token 只随 $t$ 线性增长，总代价是 $O(n^2)$。代价是显存：缓存要一直存着全部的键和值（下一节）。
#
# 下面在上下文长度 $t = 64, 256, 1024$ 处，测“算出下一个 token”的耗时，两种方式交替运行多轮，取中位数，
# 并打印上式给出的运算量之比。断言只要求 $t = 1024$ 时不带缓存与带缓存的耗时之比大于 1.5。
# 在 CPU 的 eager 模式下，实测比值远小于运算量之比，原因值得一说：运算是一个一个执行的，带缓存的一步总共不到两百万次浮点运算，
# 却分散在约 80 个很小的运算里，每个运算都要付一份固定的调度开销，这份开销比它本身的计算还贵。
# 推理服务会把整步编译、融合成少数几个内核，那时带缓存的一步受的是读取权重和缓存的速度限制，见最后一节。

# %% [markdown] lang="en"
# ## The cost per token {#cost}
#
# Write $d = d_{model}$. In each layer, one token costs about $2(4d^2 + 2 d\, d_{ff})$
# floating-point operations for the four attention projections and the feed-forward block, plus
# about $4td$ to attend over $t$ positions ($q k^\top$ and the product with $V$). Generating token
# $t+1$ therefore costs, per layer,
#
# $$
# C_{\text{no cache}}(t) \approx t \cdot 2(4d^2 + 2 d\, d_{ff}) + 4t^2 d, \qquad
# C_{\text{cache}}(t) \approx 2(4d^2 + 2 d\, d_{ff}) + 4td .
# $$
#
# The ratio of the two is exactly $t$: without a cache each token costs $t$ times as much, the cost
# per token grows with $t^2$ and generating $n$ tokens costs $O(n^3)$; with a cache the cost per
# token grows only linearly and the whole generation costs $O(n^2)$. The price is memory: the cache
# holds every key and value for as long as the sequence lives (next section).
#
# At context lengths $t = 64, 256, 1024$ we time "compute the next token" both ways, in
# interleaved rounds, take the medians, and print the ratio of operation counts from the formula.
# The assertion only asks for a time ratio above 1.5 at $t = 1024$. On a CPU in eager mode the
# measured ratio stays far below the operation ratio, for a reason worth knowing: operations run
# one at a time, and the cached step does fewer than two million floating-point operations spread
# over some 80 small operations, each paying a fixed dispatch overhead that costs more than its
# arithmetic. A serving stack compiles and fuses the step into a few kernels; the cached step is
# then limited by how fast it can read the weights and the cache, the subject of the last section.


# %%
def flops_per_layer(t, cached):
    weights = 2 * (4 * D_MODEL**2 + 2 * D_MODEL * D_FF)
    return weights + 4 * t * D_MODEL if cached else t * weights + 4 * t * t * D_MODEL


contexts, rounds = [64, 256, 1024], 4
times = {(kind, t): [] for kind in ("plain", "cached") for t in contexts}
with keras.device("cpu:0"):
    prefixes = {t: rng.integers(0, VOCAB, size=(1, t + 1)) for t in contexts}
    filled = {}
    for t in contexts:  # keys and values of the first t tokens
        filled[t] = [None] * LAYERS
        forward(prefixes[t][:, :t], 0, filled[t])
    for _ in range(rounds + 1):  # the first round is a warm-up
        for t in contexts:
            start = time.perf_counter()
            ops.convert_to_numpy(forward(prefixes[t]))  # t + 1 tokens from scratch
            times["plain", t].append(time.perf_counter() - start)
            start = time.perf_counter()
            ops.convert_to_numpy(forward(prefixes[t][:, t:], t, list(filled[t])))  # 1 token, t cached
            times["cached", t].append(time.perf_counter() - start)
median = {key: np.median(values[1:]) for key, values in times.items()}
for t in contexts:
    print(f"context {t:5d}: {median['plain', t] * 1e3:7.1f} ms without cache, {median['cached', t] * 1e3:6.1f} ms "
          f"with cache; operations ratio {flops_per_layer(t, False) / flops_per_layer(t, True):6.0f}")
speedup = median["plain", 1024] / median["cached", 1024]
print(f"check: time per token at context 1024, without / with cache: {speedup:.4g} (needs > 1.5)")
assert speedup > 1.5, speedup

fig, ax = plt.subplots(figsize=(5, 3.5))
ax.loglog(contexts, [median["plain", t] * 1e3 for t in contexts], "o-", label="without cache")
ax.loglog(contexts, [median["cached", t] * 1e3 for t in contexts], "o-", label="with KV cache")
ax.set_xlabel("context length t")
ax.set_ylabel("median time for the next token (ms)")
ax.legend()
plt.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 缓存有多大 {#cache-size}
#
# 每一层为每个位置存一个键和一个值，每个都有 $n_{kv}$ 个头、每头 $d_{head}$ 个数，所以批量为 $b$、长度为 $s$ 时
#
# $$
# \text{缓存字节数} = 2 \cdot L \cdot s \cdot n_{kv} \cdot d_{head} \cdot \text{每个数的字节数} \cdot b ,
# $$
#
# 开头的 2 就是 K 和 V。先拿贪心解码留下的缓存核对：提示词 8 个 token 加生成的 32 个，但最后生成的那个 token
# 还没有送进模型，所以缓存里有 $s = 39$ 个位置；float32 每个数 4 字节。公式要与各层张量实际占的字节数完全相等。
#
# 再看一个真实模型。截至 2026 年 11 月，Llama 3 8B 仍是常用的开源模型，它的配置是 32 层、32 个查询头，
# 但只有 8 个键值头（分组查询注意力，GQA），$d_{head} = 128$，上下文 8192 个 token，用 bf16 存储，每个数 2 字节。
# 代入公式：每个 token 128 KiB，一条 8k 长的序列 1 GiB；如果 32 个头各有自己的键和值（普通的多头注意力），就是 4 GiB。
# 权重本身约 80 亿参数 × 2 字节 ≈ 16 GB，所以十几条 8k 序列的缓存就和权重一样大：
# 限制批量大小的往往是缓存，而不是权重。压缩它的办法有更少的键值头（GQA、MQA）、把缓存量化到 8 位，
# 以及按页分配、避免碎片的分页注意力（PagedAttention）。

# %% [markdown] lang="en"
# ## How big the cache gets {#cache-size}
#
# Each layer stores one key and one value per position, each with $n_{kv}$ heads of $d_{head}$
# numbers, so for a batch of $b$ sequences of length $s$
#
# $$
# \text{cache bytes} = 2 \cdot L \cdot s \cdot n_{kv} \cdot d_{head} \cdot \text{bytes per value} \cdot b ,
# $$
#
# where the leading 2 counts K and V. We check it first against the cache the greedy decoding left
# behind: 8 prompt tokens plus 32 generated ones, but the last generated token has not been fed to
# the model yet, so the cache holds $s = 39$ positions, at 4 bytes per float32 value. The formula
# must equal the bytes the tensors of all layers actually occupy.
#
# Now a real model. Take Llama 3 8B, still a widely used open model as of November 2026: 32
# layers, 32 query heads but only 8 key-value heads (grouped-query attention, GQA),
# $d_{head} = 128$, a context of 8,192 tokens, stored in bf16 at 2 bytes per value. The formula
# gives 128 KiB per token and 1 GiB for one 8k sequence; with a key and a value for each of the 32
# heads (plain multi-head attention) it would be 4 GiB. The weights themselves are about 8 billion
# parameters at 2 bytes, about 16 GB, so the caches of a dozen or so 8k sequences weigh as much as
# the whole model: what limits the batch size is usually the cache, not the weights. The ways to
# shrink it are fewer key-value heads (GQA, MQA), caches quantized to 8 bits, and paged attention
# (PagedAttention), which allocates the cache in pages to avoid fragmentation.


# %%
def kv_cache_bytes(layers, tokens, kv_heads, head_dim, bytes_per_value, batch=1):
    return 2 * layers * tokens * kv_heads * head_dim * bytes_per_value * batch


cached_positions = cached_tokens.shape[1] - 1
measured = sum(ops.convert_to_numpy(t).nbytes for layer in cache for t in layer)
predicted = kv_cache_bytes(LAYERS, cached_positions, HEADS, D_HEAD, 4, BATCH)
print(f"cache of layer 0: keys {tuple(cache[0][0].shape)}, values {tuple(cache[0][1].shape)}")
print(f"check: cache bytes of the tensors vs the formula's {predicted:,}: {measured:,} (needs equal)")
assert measured == predicted, (measured, predicted)

# Llama 3 8B: 32 layers, 8 key-value heads of 128, bf16, 8,192 tokens
per_token = kv_cache_bytes(32, 1, 8, 128, 2)
per_sequence = kv_cache_bytes(32, 8192, 8, 128, 2)
without_gqa = kv_cache_bytes(32, 8192, 32, 128, 2)
weights_bytes = 8.03e9 * 2
print(f"Llama-3-8B-like: {per_token / 2**10:.0f} KiB per token, {per_sequence / 2**30:.2f} GiB per 8k sequence, "
      f"{without_gqa / 2**30:.2f} GiB without GQA")
print(f"8k sequences whose caches weigh as much as the weights: {weights_bytes / per_sequence:.1f}")

# %% [markdown] lang="zh"
# ## 解码为什么受显存带宽限制 {#memory-bound}
#
# 加速器上一步的耗时，取“运算量 ÷ 峰值算力”和“搬运的字节数 ÷ 显存带宽”中较大的一个。
# 解码时，批量为 $b$ 的一步要把全部 $N$ 个权重读一遍（bf16 下 $2N$ 字节），而每个权重只参与 $b$ 次乘加，约 $2Nb$ 次浮点运算，
# 所以算术强度约为
#
# $$
# I = \frac{2Nb}{2N} = b \ \text{FLOP/字节}.
# $$
#
# 截至 2026 年 11 月，H100 SXM 的 bf16 稠密峰值约 $989 \times 10^{12}$ FLOP/s，HBM3 带宽约 $3.35 \times 10^{12}$ 字节/s，
# 要 $I \approx 295$ 才会受算力限制。批量为 1 时，每个 token 的耗时下限由字节数决定：
# 16 GB 的权重每个 token 至少要 $16 / 3350 \text{ s} \approx 4.8$ ms，单个序列最多约 200 token/s，
# 而同样的运算量只需约 0.016 ms 的算力。每个序列还要读自己的 KV 缓存，而这部分读取无法在序列之间共享。
# 预填充则不同：$s$ 个 token 的提示词让每个权重被复用 $s$ 次，所以它受算力限制。
# 这就是推理服务要把很多请求凑成一个批量（连续批处理）的原因：读一次权重，服务多个序列。
#
# 在这台 CPU 上也能测出同样的现象。把一个 $8192 \times 4096$ 的 float32 权重矩阵（128 MiB，比 CPU 的缓存大得多）
# 乘 16 个向量，用两种方式：逐个相乘，相当于 16 个序列各自以批量 1 解码，权重被读 16 遍；
# 一次乘完，相当于批量为 16 的一步解码，权重只读 1 遍。两种方式的运算量完全相同，只是读权重的次数不同。
# 断言要求逐个相乘的耗时至少是一次乘完的 1.5 倍：多出来的时间都花在重复读权重上。

# %% [markdown] lang="en"
# ## Why decoding is bound by memory bandwidth {#memory-bound}
#
# A step on an accelerator takes the longer of two times: operations divided by peak compute, and
# bytes moved divided by memory bandwidth. A decode step for a batch of $b$ sequences reads all $N$
# weights ($2N$ bytes in bf16) and uses each weight for only $b$ multiply-adds, about $2Nb$
# floating-point operations, so its arithmetic intensity is about
#
# $$
# I = \frac{2Nb}{2N} = b \ \text{FLOP/byte}.
# $$
#
# As of November 2026, an H100 SXM peaks at about $989 \times 10^{12}$ dense bf16 FLOP/s with about
# $3.35 \times 10^{12}$ bytes/s of HBM3 bandwidth, so it needs $I \approx 295$ to be bound by
# compute. At batch size 1 the bytes set the floor on the time per token: 16 GB of weights take at
# least $16 / 3350 \text{ s} \approx 4.8$ ms per token, at most about 200 tokens/s for one sequence,
# while the compute alone would take about 0.016 ms. Each sequence also reads its own KV cache, and
# those reads cannot be shared between sequences. Prefill is different: a prompt of $s$ tokens uses
# every weight $s$ times, so it is bound by compute. This is why serving systems pack many requests
# into one batch (continuous batching): one read of the weights serves many sequences.
#
# The same effect shows up on this CPU. We multiply an $8192 \times 4096$ float32 weight matrix
# (128 MiB, far larger than the CPU's caches) by 16 vectors in two ways: one vector at a time, like
# 16 sequences each decoded at batch size 1, which reads the weights 16 times; and all 16 at once,
# like one decode step for a batch of 16, which reads them once. Both do exactly the same
# operations; only the number of weight reads differs. The assertion requires the one-at-a-time
# products to take at least 1.5 times as long as the single batched one: the extra time is spent
# reading the same weights again.

# %%
VECTORS = 16
with keras.device("cpu:0"):
    weight = ops.convert_to_tensor(rng.normal(size=(8192, 4096)).astype("float32"))
    batch_of_vectors = ops.convert_to_tensor(rng.normal(size=(4096, VECTORS)).astype("float32"))
    columns = [batch_of_vectors[:, j:j + 1] for j in range(VECTORS)]
    mm_times = {"one at a time": [], "all at once": []}
    for _ in range(5):  # interleaved rounds; the first is a warm-up
        start = time.perf_counter()
        for column in columns:  # reads the weights once per vector
            ops.convert_to_numpy(ops.matmul(weight, column))
        mm_times["one at a time"].append(time.perf_counter() - start)
        start = time.perf_counter()
        ops.convert_to_numpy(ops.matmul(weight, batch_of_vectors))  # reads them once
        mm_times["all at once"].append(time.perf_counter() - start)
mm_median = {way: np.median(values[1:]) for way, values in mm_times.items()}
operations = 2 * 8192 * 4096 * VECTORS
for way, seconds in mm_median.items():
    print(f"{VECTORS} vectors {way}: {seconds * 1e3:6.1f} ms, {operations / seconds / 1e9:5.1f} GFLOP/s")
batching_gain = mm_median["one at a time"] / mm_median["all at once"]
print(f"check: time one at a time / all at once (same operations): {batching_gain:.4g} (needs > 1.5)")
assert batching_gain > 1.5, batching_gain

fig, ax = plt.subplots(figsize=(5, 3.5))
ax.bar(list(mm_median), [operations / seconds / 1e9 for seconds in mm_median.values()])
ax.set_xlabel(f"{VECTORS} matrix-vector products")
ax.set_ylabel("achieved GFLOP/s")
plt.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 因果掩码让旧位置的键和值不再变化，KV 缓存把它们存下来，每一步只算新 token：生成的 token 与每步重算完全相同。
# - 每个 token 的运算量从 $O(t^2)$ 降到 $O(t)$，生成 $n$ 个 token 的总运算量从 $O(n^3)$ 降到 $O(n^2)$；
#   代价是显存：$2 \cdot L \cdot s \cdot n_{kv} \cdot d_{head} \cdot$ 每个数的字节数 $\cdot\, b$。
# - 像 Llama 3 8B 这样的模型，一条 8k 序列的缓存约 1 GiB（靠 GQA 已经省了 4 倍），十几条序列就和权重一样大。
# - 解码的算术强度约等于批量大小，远低于 GPU 的平衡点，所以解码受显存带宽限制；批处理、量化、GQA 和分页注意力都是在减少每个 token 要读的字节数，或者让一次读取服务更多 token。
# - 自注意力本身的公式、掩码和 $O(n^2)$ 的打分矩阵，见[注意力笔记本](../attention/)。

# %% [markdown] lang="en"
# ## Takeaways {#takeaways}
#
# - The causal mask keeps the keys and values of old positions fixed; the KV cache stores them and
#   each step computes the new token only. The generated tokens are identical to recomputing
#   everything.
# - The work per token drops from $O(t^2)$ to $O(t)$, and for $n$ tokens from $O(n^3)$ to
#   $O(n^2)$; the price is memory, $2 \cdot L \cdot s \cdot n_{kv} \cdot d_{head} \cdot$ bytes per
#   value $\cdot\, b$.
# - For a model like Llama 3 8B, one 8k sequence needs about 1 GiB of cache (already 4 times less
#   thanks to GQA), and a dozen or so sequences weigh as much as the weights.
# - The arithmetic intensity of decoding is about the batch size, far below a GPU's balance point,
#   so decoding is bound by memory bandwidth; batching, quantization, GQA and paged attention all
#   cut the bytes read per token or make one read serve more tokens.
# - The attention formula itself, the mask and the $O(n^2)$ score matrix are in the
#   [attention notebook](../attention/).
