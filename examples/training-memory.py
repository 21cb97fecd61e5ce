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
# # 大模型训练的显存账 {#training-memory}
#
# **简介：** 把大模型训练的显存一项项算清楚：权重、梯度、Adam 的两个矩、混合精度的 fp32 主权重、激活值、激活检查点，以及 ZeRO 第 1 到 3 阶段在 $N_d$ 块 GPU 上每块卡的显存；给出真实规模模型的表和图，再用一个小 Keras 模型的实际张量核对这些公式。
# **最后修改：** 2026-11-30
# **对应题目：** [大模型训练如何更快、更省显存、更稳定](../../interview/training/#q-optimize-training)，以及 [微调 7B 模型要多少显存](../../interview/transfer-learning/#q-finetune-memory)。
#
# 训练时显存里装着四样东西：
#
# $$
# M = \underbrace{M_{\text{weights}} + M_{\text{gradients}} + M_{\text{optimizer}}}_{\text{model states, proportional to } \Psi} + \underbrace{M_{\text{activations}}}_{\propto\, s \cdot b}
# $$
#
# 前三项只取决于参数量 $\Psi$，第四项随序列长度 $s$ 和微批量大小 $b$ 增长。面试里“怎样省显存”的每一个回答，
# 混合精度、激活检查点、梯度累积、ZeRO / FSDP，都是在这个式子的某一项上做文章。先把账算对，才知道该动哪一项。

# %% [markdown] lang="en"
# # The memory bill of large-model training {#training-memory}
#
# **Description:** Add up the memory of large-model training item by item: weights, gradients, Adam's two moments, the fp32 master weights of mixed precision, activations, activation checkpointing, and the per-GPU memory of ZeRO stages 1 to 3 on $N_d$ GPUs; tabulate and plot it for real model sizes, then check the formulas against the actual tensors of a small Keras model.
# **Last modified:** 2026-11-30
# **Supports:** [the answer on making large-model training faster, lighter and more stable](../../interview/training/#q-optimize-training) and [how much memory fine-tuning a 7B model takes](../../interview/transfer-learning/#q-finetune-memory).
#
# Training keeps four things in GPU memory:
#
# $$
# M = \underbrace{M_{\text{weights}} + M_{\text{gradients}} + M_{\text{optimizer}}}_{\text{model states, proportional to } \Psi} + \underbrace{M_{\text{activations}}}_{\propto\, s \cdot b}
# $$
#
# The first three depend only on the parameter count $\Psi$; the fourth grows with the sequence length $s$ and the micro-batch size $b$. Every interview answer to "how do you save memory" (mixed precision, activation checkpointing, gradient accumulation, ZeRO / FSDP) works on one term of this sum. Get the bill right first, and you know which term to attack.

# %% [markdown] lang="zh"
# ## 模型状态：每个参数 16 字节 {#model-states}
#
# 用 Adam 做混合精度训练时，每个参数要存：
#
# | 内容 | 数据类型 | 字节 |
# |---|---|---|
# | 前向和反向用的权重 | bf16 / fp16 | 2 |
# | 梯度 | bf16 / fp16 | 2 |
# | 主权重（优化器在它上面做更新） | fp32 | 4 |
# | Adam 一阶矩 $m$ | fp32 | 4 |
# | Adam 二阶矩 $v$ | fp32 | 4 |
#
# 合计 $(2 + 2 + K)\Psi = 16\Psi$ 字节，其中优化器状态 $K = 12$。7B 模型在一个激活值都没存之前就要 112 GB。
# ZeRO（[Rajbhandari 等，2020](https://arxiv.org/abs/1910.02054)）把这些状态切分到 $N_d$ 块数据并行的 GPU 上，每块卡只保留自己那一份：
#
# $$
# M_{\text{ZeRO-1}} = 4\Psi + \frac{K\Psi}{N_d}, \qquad
# M_{\text{ZeRO-2}} = 2\Psi + \frac{(2 + K)\Psi}{N_d}, \qquad
# M_{\text{ZeRO-3}} = \frac{(4 + K)\Psi}{N_d}
# $$
#
# 第 1 阶段切分优化器状态，第 2 阶段再切分梯度，第 3 阶段（即 PyTorch 的 FSDP）连权重也切分，代价是每一层计算前都要把权重收集齐。
# 函数 `model_state_bytes` 就是这三个公式；断言用 ZeRO 论文图 1 的数字核对它：7.5B 参数、64 块 GPU 时，四种情况分别是 120、31.4、16.6 和 1.9 GB。

# %% [markdown] lang="en"
# ## Model states: 16 bytes per parameter {#model-states}
#
# Mixed-precision training with Adam stores, for every parameter:
#
# | What | Type | Bytes |
# |---|---|---|
# | Weight used in the forward and backward passes | bf16 / fp16 | 2 |
# | Gradient | bf16 / fp16 | 2 |
# | Master weight (the optimizer updates this one) | fp32 | 4 |
# | Adam first moment $m$ | fp32 | 4 |
# | Adam second moment $v$ | fp32 | 4 |
#
# That is $(2 + 2 + K)\Psi = 16\Psi$ bytes, with $K = 12$ bytes of optimizer state. A 7B model needs 112 GB before storing a single activation. ZeRO ([Rajbhandari et al., 2020](https://arxiv.org/abs/1910.02054)) shards these states across the $N_d$ data-parallel GPUs, so each GPU keeps only its share:
#
# $$
# M_{\text{ZeRO-1}} = 4\Psi + \frac{K\Psi}{N_d}, \qquad
# M_{\text{ZeRO-2}} = 2\Psi + \frac{(2 + K)\Psi}{N_d}, \qquad
# M_{\text{ZeRO-3}} = \frac{(4 + K)\Psi}{N_d}
# $$
#
# Stage 1 shards the optimizer states, stage 2 also the gradients, stage 3 (PyTorch's FSDP) also the weights, at the price of gathering each layer's weights before computing with them. The function `model_state_bytes` is these formulas; the assertions check it against Figure 1 of the ZeRO paper: 7.5B parameters on 64 GPUs need 120, 31.4, 16.6 and 1.9 GB in the four cases.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import tensorflow as tf
from keras import ops

SEED = 42
keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)
GB = 1e9  # decimal gigabytes, as GPU makers count


def model_state_bytes(psi, n_d=1, stage=0):
    """Bytes per GPU for weights, gradients and Adam states under mixed precision and ZeRO."""
    weights, grads, optimizer = 2 * psi, 2 * psi, 12 * psi  # bf16 weight, bf16 grad, fp32 master + m + v
    if stage >= 1:
        optimizer /= n_d  # ZeRO-1 shards the optimizer states
    if stage >= 2:
        grads /= n_d  # ZeRO-2 also the gradients
    if stage >= 3:
        weights /= n_d  # ZeRO-3 also the weights
    return weights + grads + optimizer


# Figure 1 of the ZeRO paper: 7.5B parameters on 64 GPUs
paper = {0: 120.0, 1: 31.4, 2: 16.6, 3: 1.9}
for stage, expected in paper.items():
    ours = model_state_bytes(7.5e9, n_d=64, stage=stage) / GB
    print(f"check: ZeRO stage {stage}, 7.5B on 64 GPUs: {ours:.4g} GB (needs within 0.05 of the paper's {expected})")
    assert abs(ours - expected) < 0.05, f"stage {stage} disagrees with the ZeRO paper"

# %% [markdown] lang="zh"
# ## 激活值，以及真实规模的表 {#activations}
#
# 反向传播要用到前向传播的中间结果。[Korthikanti 等（2022）](https://arxiv.org/abs/2205.05198)逐个数了一层 GPT 式 Transformer 存下的张量
# （16 位激活，dropout 掩码每个元素 1 字节，$a$ 个注意力头，隐藏维度 $h$）：
#
# $$
# M_{\text{layer}} = s\,b\,h \left(34 + \frac{5\,a\,s}{h}\right) \text{ bytes}
# $$
#
# 其中 $34\,sbh$ 来自线性层和注意力乘积的输入（包括 $Q$、$K$、$V$）、层归一化的输入、GELU 的输入和 dropout 掩码，$5\,as^2b$ 来自 $s \times s$ 的注意力矩阵（softmax 输出、它的 dropout 掩码和 dropout 之后的结果）。
# FlashAttention 不存注意力矩阵，反向时再算一遍，于是只剩 $34\,sbh$（表中 “act. flash”）。
# 完全的激活检查点只存每层的输入 $2\,sbh$，反向时逐层重算，峰值再加一层的完整激活（表中 “act. ckpt”），代价是多做一遍前向传播，约多 33% 的计算量。
#
# 下表用三个模型公布的配置（截至 2026 年 11 月核对）：GPT-3 XL（1.3B，24 层，$h = 2048$，24 个头）、Llama 2 7B（32 层，$h = 4096$，32 个头）和 Llama 2 70B（80 层，$h = 8192$，64 个头），
# 参数量取名义值，激活按一条 4096 个 token 的序列（$b = 1$）计算。Llama 2 的 MLP 是 SwiGLU，70B 还用了分组查询注意力，所以系数 34 对它们只是近似。
# 看模型状态那几列：没有 ZeRO 时，每块卡都存完整的 $16\Psi$；看激活那几列：序列长到 4096 个 token 时，注意力矩阵占了激活的大头。

# %% [markdown] lang="en"
# ## Activations, and a table for real sizes {#activations}
#
# The backward pass needs intermediate results of the forward pass. [Korthikanti et al. (2022)](https://arxiv.org/abs/2205.05198) counted the tensors one GPT-style Transformer layer keeps (16-bit activations, 1-byte dropout masks, $a$ attention heads, hidden size $h$):
#
# $$
# M_{\text{layer}} = s\,b\,h \left(34 + \frac{5\,a\,s}{h}\right) \text{ bytes}
# $$
#
# The $34\,sbh$ are the inputs of the linear layers and of the attention products (including $Q$, $K$, $V$), of the layer normalizations and of the GELU, plus the dropout masks; the $5\,as^2b$ are the $s \times s$ attention matrices (the softmax output, its dropout mask, and the result after dropout). FlashAttention does not store the attention matrix but recomputes it in the backward pass, leaving $34\,sbh$ ("act. flash" in the table). Full activation checkpointing keeps only each layer's input, $2\,sbh$, and recomputes layer by layer, with one layer's full activations on top at the peak ("act. ckpt"), at the price of a second forward pass, about 33% more compute.
#
# The table uses the configurations of three models as their authors published them (checked as of November 2026): GPT-3 XL (1.3B, 24 layers, $h = 2048$, 24 heads), Llama 2 7B (32 layers, $h = 4096$, 32 heads) and Llama 2 70B (80 layers, $h = 8192$, 64 heads), with nominal parameter counts and activations for one sequence of 4,096 tokens ($b = 1$). Llama 2 uses a SwiGLU MLP, and the 70B model grouped-query attention, so the coefficient 34 is an approximation for them. Read the model-state columns: without ZeRO every GPU holds the full $16\Psi$. Read the activation columns: at 4,096 tokens the attention matrices are most of the activations.

# %%
def activation_bytes(s, b, h, a, n_layers, attention_stored=True, checkpointing=False):
    """Activation memory of a GPT-style stack, 16-bit activations (Korthikanti et al., 2022)."""
    per_layer = s * b * h * (34 + (5 * a * s / h if attention_stored else 0))
    if checkpointing:  # keep each layer's input, recompute one layer at a time
        return n_layers * 2 * s * b * h + per_layer
    return n_layers * per_layer


# name: (parameters, layers, hidden size, heads), nominal sizes
models = {
    "GPT-3 XL 1.3B": (1.3e9, 24, 2048, 24),
    "Llama 2 7B": (7e9, 32, 4096, 32),
    "Llama 2 70B": (70e9, 80, 8192, 64),
}
SEQ = 4096
rows = []
for name, (psi, n_layers, h, a) in models.items():
    for n_d in (8, 64):
        rows.append({
            "model": name, "GPUs": n_d,
            "no ZeRO": model_state_bytes(psi) / GB,
            **{f"ZeRO-{k}": model_state_bytes(psi, n_d, k) / GB for k in (1, 2, 3)},
            "act. full": activation_bytes(SEQ, 1, h, a, n_layers) / GB,
            "act. flash": activation_bytes(SEQ, 1, h, a, n_layers, attention_stored=False) / GB,
            "act. ckpt": activation_bytes(SEQ, 1, h, a, n_layers, attention_stored=False, checkpointing=True) / GB,
        })
table = pd.DataFrame(rows)
print(f"GB per GPU; activations for one sequence of {SEQ} tokens")
print(table.to_string(index=False, float_format=lambda v: f"{v:,.1f}"))

# %% [markdown] lang="zh"
# ## 装得下吗 {#zero-plot}
#
# 截至 2026 年 11 月，数据中心 GPU 常见的显存是 80 GB（A100、H100）和 141 GB（H200）；虚线标出 80 GB（纵轴是对数刻度）。
# 7B 模型不用 ZeRO 时，光模型状态就要 112 GB，一块 80 GB 的卡装不下；8 块卡上用 ZeRO-1 就降到 38.5 GB，剩下的显存留给激活。
# 70B 模型在 8 块卡上即使用 ZeRO-3 也要 140 GB，装不下，得用更多的卡、再加张量并行或流水线并行，或者把状态卸载到 CPU 内存；64 块卡上用 ZeRO-3 则只要 17.5 GB。
# 要记住的规律是：ZeRO-1 和 ZeRO-2 的下限是 $4\Psi$ 和 $2\Psi$（每块卡仍存完整的 16 位权重），只有 ZeRO-3 随 $N_d$ 无限下降。

# %% [markdown] lang="en"
# ## Does it fit? {#zero-plot}
#
# As of November 2026, common data-center GPUs have 80 GB (A100, H100) or 141 GB (H200); the dashed line marks 80 GB (the vertical axis is logarithmic). Without ZeRO a 7B model needs 112 GB for its model states alone, more than one 80 GB card; with ZeRO-1 on 8 GPUs that drops to 38.5 GB, leaving the rest for activations. A 70B model needs 140 GB per GPU even with ZeRO-3 on 8 GPUs, which does not fit: it takes more GPUs, tensor or pipeline parallelism on top, or offloading the states to CPU memory; with ZeRO-3 on 64 GPUs it needs 17.5 GB. The rule to remember: ZeRO-1 and ZeRO-2 level off at $4\Psi$ and $2\Psi$ (each GPU still keeps the full 16-bit weights); only ZeRO-3 keeps falling with $N_d$.

# %%
fig, ax = plt.subplots(figsize=(8, 3.8))
labels = ["no ZeRO", "ZeRO-1", "ZeRO-2", "ZeRO-3"]
width = 0.2
for i, (name, n_d) in enumerate([("Llama 2 7B", 8), ("Llama 2 7B", 64), ("Llama 2 70B", 8), ("Llama 2 70B", 64)]):
    row = table[(table.model == name) & (table.GPUs == n_d)].iloc[0]
    ax.bar(np.arange(4) + (i - 1.5) * width, [row[k] for k in labels], width, label=f"{name}, {n_d} GPUs")
ax.axhline(80, color="black", linestyle="--", linewidth=0.8, label="80 GB GPU")
ax.set_yscale("log")
ax.set_xticks(np.arange(4), labels)
ax.set_ylabel("model states per GPU (GB)")
ax.set_title("Weights + gradients + Adam states, mixed precision")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 用真实的张量核对：参数量 {#check-parameters}
#
# 公式要拿真实的张量来核对。先搭一层 pre-LN 的 GPT 式 Transformer：`MultiHeadAttention` 加一个 $h \to 4h \to h$ 的 GELU MLP。它的参数量是
#
# $$
# \underbrace{4h^2 + 4h}_{Q,\,K,\,V,\,\text{output}} + \underbrace{8h^2 + 5h}_{\text{MLP}} + \underbrace{4h}_{2 \times \text{LayerNorm}} = 12h^2 + 13h
# $$
#
# 断言把 Keras 层里实际变量的元素个数加起来，与公式比较。同一条规则 $12Lh^2$ 再加上输入嵌入和输出层各 $Vh$（词表 $V = 32000$），
# 估计出的 Llama 2 7B 参数量与它公布的 67.4 亿相差不到 2%（它的 SwiGLU MLP 有 $3 \times 4096 \times 11008 \approx 8.06h^2$ 个参数，几乎正好是 $8h^2$）。

# %% [markdown] lang="en"
# ## Checking with real tensors: parameters {#check-parameters}
#
# Formulas should be checked against real tensors. First we build one pre-LN GPT-style Transformer layer: `MultiHeadAttention` and an $h \to 4h \to h$ GELU MLP. Its parameter count is
#
# $$
# \underbrace{4h^2 + 4h}_{Q,\,K,\,V,\,\text{output}} + \underbrace{8h^2 + 5h}_{\text{MLP}} + \underbrace{4h}_{2 \times \text{LayerNorm}} = 12h^2 + 13h
# $$
#
# The assertion adds up the elements of the layer's actual variables and compares them with the formula. The same rule, $12Lh^2$, plus $Vh$ each for the input embedding and the output layer (vocabulary $V = 32000$), estimates the parameter count of Llama 2 7B within 2% of its published 6.74 billion (its SwiGLU MLP has $3 \times 4096 \times 11008 \approx 8.06h^2$ parameters, almost exactly $8h^2$).

# %%
H, HEADS, S, B = 64, 4, 128, 2


def transformer_layer(h, heads, name):
    """A pre-LN GPT layer: x + attention(LN(x)), then + MLP(LN(.)) with a 4h GELU MLP."""
    x = keras.Input(shape=(None, h))
    ln1 = keras.layers.LayerNormalization(name="ln1")(x)
    attn = keras.layers.MultiHeadAttention(heads, h // heads, name="attn")(ln1, ln1)
    y = x + attn
    ln2 = keras.layers.LayerNormalization(name="ln2")(y)
    mlp = keras.layers.Dense(h, name="fc2")(keras.layers.Dense(4 * h, activation="gelu", name="fc1")(ln2))
    return keras.Model(x, y + mlp, name=name)


layer = transformer_layer(H, HEADS, "fp32_layer")
psi = sum(int(np.prod(v.shape)) for v in layer.trainable_variables)
print(f"one layer with h={H}: {psi:,} parameters; 12h^2 + 13h = {12 * H**2 + 13 * H:,}")
print(f"check: parameters counted from the variables: {psi} (needs == 12h^2 + 13h = {12 * H**2 + 13 * H})")
assert psi == 12 * H**2 + 13 * H, "the per-layer parameter formula does not match Keras' layer"

# Llama 2 7B from the same rule: 12 L h^2 for the layers, V h each for the embedding and the output layer
estimate = 12 * 32 * 4096**2 + 2 * 32000 * 4096
print(f"check: 12 L h^2 + 2 V h for Llama 2 7B vs its 6.74e9 parameters: {estimate / 6.74e9:.4g} (needs within 0.02 of 1)")
assert abs(estimate / 6.74e9 - 1) < 0.02

# %% [markdown] lang="zh"
# ## Adam 的两个矩 {#check-adam}
#
# `optimizer.build(variables)` 会按每个可训练变量的形状建好 Adam 的状态。断言检查：除了两个标量（步数 `iteration` 和学习率），
# 每个变量恰好对应两个同形状的张量（$m$ 和 $v$），按实际的数据类型和形状算出的字节数正好是 $2 \times 4\Psi$。这就是 $K = 12$ 里的 8 个字节；另外 4 个是混合精度的 fp32 主权重。

# %% [markdown] lang="en"
# ## Adam's two moments {#check-adam}
#
# `optimizer.build(variables)` creates Adam's state for the shape of each trainable variable. The assertion checks that, besides two scalars (the step count `iteration` and the learning rate), each variable gets exactly two tensors of its shape ($m$ and $v$), and that their bytes, computed from the actual dtypes and shapes, are exactly $2 \times 4\Psi$. Those are 8 of the $K = 12$ bytes; the other 4 are the fp32 master weights of mixed precision.

# %%
def nbytes(tensors):
    """Bytes from each tensor's shape and dtype."""
    return sum(int(np.prod(t.shape)) * tf.as_dtype(t.dtype).size for t in tensors)


optimizer = keras.optimizers.Adam()
optimizer.build(layer.trainable_variables)
shapes = {tuple(v.shape) for v in layer.trainable_variables}
moments = [v for v in optimizer.variables if len(v.shape) > 0]
others = [v for v in optimizer.variables if len(v.shape) == 0]
print(f"Adam holds {len(moments)} tensors for {len(layer.trainable_variables)} trainable variables, "
      f"plus {len(others)} scalars: {[v.name for v in others]}")
print(f"check: bytes of Adam's moment tensors: {nbytes(moments):,} (needs == 2 x 4 bytes x {psi:,} = {8 * psi:,})")
assert nbytes(moments) == 8 * psi and {tuple(v.shape) for v in moments} == shapes

# %% [markdown] lang="zh"
# ## Keras 的混合精度 {#check-mixed-precision}
#
# 在 `"mixed_bfloat16"` 策略下搭同一层：变量仍是 float32，计算用 bfloat16，每层在计算前把 float32 的权重临时转成 bfloat16。断言检查三件事：
# 权重是 float32，对这些变量求出的梯度也是 float32，`fc1` 的输出是 bfloat16。（残差相加 `x + attn` 时 float32 的输入和 bfloat16 的结果相加，提升成了 float32，所以这一层最后的输出是 float32。）
#
# 于是 Keras 的记账方式与上面的表不同，但总数一样：fp32 权重 4 字节（它本身就是主权重）、fp32 梯度 4 字节、Adam 两个矩 8 字节，
# 合计仍是 $16\Psi$，断言按实际张量核对了这个数。混合精度省下的不是模型状态，而是激活（16 位）和时间（张量核心上 16 位矩阵乘法快得多）。
# 换成 `"mixed_float16"` 时，fp16 的指数只有 5 位，小梯度会下溢成零，需要损失缩放；Keras 的 `compile()` 会自动把优化器包进 `keras.optimizers.LossScaleOptimizer`。bf16 的指数位与 fp32 相同，不需要缩放。

# %% [markdown] lang="en"
# ## Mixed precision in Keras {#check-mixed-precision}
#
# We build the same layer under the `"mixed_bfloat16"` policy: the variables stay float32, the computation runs in bfloat16, and each layer casts its float32 weights to bfloat16 on the fly before computing. The assertions check three things: the weights are float32, the gradients with respect to them are float32 too, and the output of `fc1` is bfloat16. (The residual sum `x + attn` adds a float32 input to a bfloat16 result and is promoted to float32, so this layer's final output is float32.)
#
# So Keras keeps the books differently from the table above, with the same total: a 4-byte fp32 weight (which is itself the master weight), a 4-byte fp32 gradient, and 8 bytes for Adam's two moments, still $16\Psi$, which the assertion checks against the actual tensors. Mixed precision does not shrink the model states; it saves activations (16-bit) and time (16-bit matrix multiplications are much faster on tensor cores). With `"mixed_float16"`, fp16's 5 exponent bits let small gradients underflow to zero and loss scaling is needed; Keras' `compile()` wraps the optimizer in `keras.optimizers.LossScaleOptimizer` automatically. bf16 has fp32's exponent bits and needs no scaling.

# %%
keras.mixed_precision.set_dtype_policy("mixed_bfloat16")
mp_layer = transformer_layer(H, HEADS, "mixed_layer")
keras.mixed_precision.set_dtype_policy("float32")  # back to the default for what follows

x = rng.normal(size=(B, S, H)).astype("float32")
with tf.GradientTape() as tape:
    out = mp_layer(x)
    loss = ops.mean(ops.square(ops.cast(out, "float32")))
grads = tape.gradient(loss, mp_layer.trainable_variables)
mp_optimizer = keras.optimizers.Adam()
mp_optimizer.build(mp_layer.trainable_variables)

fc1 = mp_layer.get_layer("fc1")
fc1_out = fc1(x)  # a float32 input is cast to the compute dtype
print(f"fc1: variable dtype {fc1.kernel.dtype}, compute dtype {fc1.compute_dtype}; "
      f"the residual sum x + attention comes out as {out.dtype.name}")
weight_dtypes = {v.dtype for v in mp_layer.trainable_variables}
grad_dtypes = {g.dtype.name for g in grads}
print(f"check: dtypes of weights {weight_dtypes}, gradients {grad_dtypes}, fc1 output {fc1_out.dtype.name} "
      "(needs float32, float32, bfloat16)")
assert weight_dtypes == {"float32"} and grad_dtypes == {"float32"} and fc1_out.dtype.name == "bfloat16"
mp_moments = [v for v in mp_optimizer.variables if len(v.shape) > 0]
state = nbytes(mp_layer.trainable_variables) + nbytes(grads) + nbytes(mp_moments)
print(f"check: Keras mixed precision, weights + gradients + Adam moments: {state / psi:.4g} bytes per parameter (needs == 16)")
assert state == 16 * psi

# %% [markdown] lang="zh"
# ## 一层的激活：逐个张量核对公式 {#check-activations}
#
# TensorFlow 在 CPU 上不提供分配器的显存统计，所以这里换一种办法核对激活公式：把同一层按算子一步步写出来（`layer_forward`），
# 用 Keras 层自己的权重，每算出一个反向传播要用的张量就记下来，dropout 掩码存成 1 字节的布尔值。先关掉 dropout，断言写出来的层与 Keras 层的输出一致，
# 证明记下的就是这一层的张量；再以 bfloat16 运行，按每个张量的实际形状和数据类型求和，断言正好等于 $sbh(34 + 5as/h)$。
#
# 这里 $s = 128$、$h = 64$、$a = 4$，$5as/h = 40$ 比 34 还大：序列相对隐藏维度越长，注意力矩阵占的比例越大，这正是 FlashAttention 省下的部分。
# 完全的激活检查点只存输入 $2\,sbh$，不到这一层激活的 3%。

# %% [markdown] lang="en"
# ## One layer's activations: checking the formula tensor by tensor {#check-activations}
#
# TensorFlow offers no allocator statistics on the CPU, so we check the activation formula another way: we write the same layer out op by op (`layer_forward`) with the Keras layer's own weights, record each tensor the backward pass needs as it is computed, and store the dropout masks as 1-byte booleans. With dropout off, the assertion requires the written-out layer to match the Keras layer, which shows that the recorded tensors are this layer's; then we run it in bfloat16, add up the actual shapes and dtypes, and assert that the sum is exactly $sbh(34 + 5as/h)$.
#
# Here $s = 128$, $h = 64$ and $a = 4$, so $5as/h = 40$ is larger than 34: the longer the sequence relative to the hidden size, the larger the share of the attention matrices, which is exactly what FlashAttention saves. Full activation checkpointing keeps only the input, $2\,sbh$, less than 3% of this layer's activations.

# %%
def layer_forward(layer, x, dtype, dropout=0.1, seed=SEED):
    """The layer written out op by op; returns its output and the tensors kept for the backward pass."""
    w = {v.path: ops.cast(v, dtype) for v in layer.weights}
    x = ops.cast(x, dtype)
    gen = np.random.default_rng(seed)
    saved = []

    def keep(*tensors):
        saved.extend(tensors)

    def mask_like(t):  # 1-byte dropout mask
        return ops.convert_to_tensor(gen.random(t.shape) >= dropout)

    def layer_norm(t, name):
        t32 = ops.cast(t, "float32")
        mean = ops.mean(t32, axis=-1, keepdims=True)
        var = ops.var(t32, axis=-1, keepdims=True)
        normed = (t32 - mean) / ops.sqrt(var + 1e-3)
        return ops.cast(normed, dtype) * w[f"{name}/gamma"] + w[f"{name}/beta"]

    def dropout_(t):
        mask = mask_like(t)
        keep(mask)
        return t * ops.cast(mask, dtype) / (1 - dropout) if dropout else t

    keep(x)  # LayerNorm 1 input: 2sbh
    ln1 = layer_norm(x, "ln1")
    keep(ln1)  # Q, K, V projections' input: 2sbh
    q = ops.einsum("bsh,hnd->bnsd", ln1, w["attn/query/kernel"]) + ops.expand_dims(w["attn/query/bias"], 1)
    k = ops.einsum("bsh,hnd->bnsd", ln1, w["attn/key/kernel"]) + ops.expand_dims(w["attn/key/bias"], 1)
    v = ops.einsum("bsh,hnd->bnsd", ln1, w["attn/value/kernel"]) + ops.expand_dims(w["attn/value/bias"], 1)
    keep(q, k)  # Q K^T: 4sbh
    d_head = q.shape[-1]
    scores = ops.einsum("bnsd,bntd->bnst", q, k) / np.sqrt(d_head).astype(np.float32)
    probs = ops.cast(ops.softmax(ops.cast(scores, "float32"), axis=-1), dtype)
    keep(probs)  # softmax output: 2as^2b
    probs = dropout_(probs)  # mask as^2b
    keep(probs, v)  # attention over V: 2as^2b + 2sbh
    context = ops.einsum("bnst,bntd->bsnd", probs, v)
    keep(context)  # output projection input: 2sbh
    attn = ops.einsum("bsnd,ndh->bsh", context, w["attn/attention_output/kernel"]) + w["attn/attention_output/bias"]
    y = x + dropout_(attn)  # mask sbh
    keep(y)  # LayerNorm 2 input: 2sbh
    ln2 = layer_norm(y, "ln2")
    keep(ln2)  # fc1 input: 2sbh
    pre = ops.matmul(ln2, w["fc1/kernel"]) + w["fc1/bias"]
    keep(pre)  # GELU input: 8sbh
    act = keras.activations.gelu(pre, approximate=False)
    keep(act)  # fc2 input: 8sbh
    mlp = ops.matmul(act, w["fc2/kernel"]) + w["fc2/bias"]
    return y + dropout_(mlp), saved  # mask sbh


# same math as the Keras layer (dropout off for the comparison)
ours, _ = layer_forward(layer, x, "float32", dropout=0.0)
gap = float(ops.max(ops.abs(ours - layer(x))) / ops.max(ops.abs(layer(x))))
print(f"check: written-out layer vs Keras layer, max relative gap: {gap:.4g} (needs < 1e-5)")
assert gap < 1e-5, "the written-out layer is not the Keras layer"

_, saved = layer_forward(layer, x, "bfloat16")
measured = nbytes(saved)
formula = S * B * H * (34 + 5 * HEADS * S / H)
print(f"{len(saved)} tensors kept for the backward pass, dtypes {sorted({t.dtype.name for t in saved})}")
print(f"check: bytes kept / (sbh(34 + 5as/h)): {measured / formula:.4g} (needs == 1)")
assert measured == formula, "the activation formula does not match the tensors the layer keeps"
print(f"of which the attention matrices (5as^2b): {5 * HEADS * S * S * B / measured:.1%}; "
      f"with full checkpointing only the input, 2sbh = {2 * S * B * H / measured:.1%}")

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 用 Adam 做混合精度训练，模型状态是每个参数 16 字节：16 位权重 2、16 位梯度 2、fp32 主权重 4、$m$ 和 $v$ 各 4。7B 模型光模型状态就要 112 GB。
# - 激活约为每层 $sbh(34 + 5as/h)$ 字节，随批量和序列长度增长；FlashAttention 去掉 $5as/h$ 项，完全的激活检查点只存每层 $2\,sbh$，多花约 33% 的计算。
# - ZeRO-1、2、3 依次切分优化器状态、梯度和权重；只有 ZeRO-3 能让每块卡的模型状态随 GPU 数无限下降，代价是通信。
# - 在 Keras 里，`"mixed_bfloat16"` 让变量和梯度保持 float32、计算用 bfloat16，总数仍是 16 字节；`"mixed_float16"` 还需要损失缩放，`compile()` 会自动加上。
# - 面试追问时先列这张账：哪一项最大，就用针对那一项的办法（LoRA 见 [LoRA 笔记本](../lora/)，梯度累积和 ZeRO 见[这道题](../../interview/training/#q-optimize-training)）。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Mixed-precision training with Adam costs 16 bytes of model state per parameter: 2 for the 16-bit weight, 2 for the 16-bit gradient, 4 for the fp32 master weight, 4 each for $m$ and $v$. A 7B model needs 112 GB for its model states alone.
# - Activations are about $sbh(34 + 5as/h)$ bytes per layer and grow with batch size and sequence length; FlashAttention removes the $5as/h$ term, and full activation checkpointing keeps only $2\,sbh$ per layer for about 33% more compute.
# - ZeRO-1, 2 and 3 shard the optimizer states, the gradients and the weights in turn; only ZeRO-3 makes the per-GPU model states keep falling with the number of GPUs, at the price of communication.
# - In Keras, `"mixed_bfloat16"` keeps variables and gradients in float32 and computes in bfloat16, still 16 bytes in total; `"mixed_float16"` also needs loss scaling, which `compile()` adds automatically.
# - When an interviewer follows up, lay out this bill first and attack its largest term (LoRA in the [LoRA notebook](../lora/), gradient accumulation and ZeRO in [the interview answer](../../interview/training/#q-optimize-training)).
