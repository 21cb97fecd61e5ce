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
# # LoRA：冻结的权重加一个低秩更新 {#lora}
#
# **简介：** 在真实的 8x8 手写数字上预训练一个小型全连接网络，再用全量微调和 LoRA 把它适配到另一组数字：验证可训练参数的公式、$B = 0$ 时输出不变、准确率与可训练参数之比、合并后的权重，以及 Keras 内置的 `Dense.enable_lora`。
# **最后修改：** 2026-11-30
# **对应题目：** [迁移学习的回答](../../interview/transfer-learning/#q-transfer-learning)，以及 [LoRA 训练什么、参数有多少](../../interview/transfer-learning/#q-lora-parameters)。
#
# 全量微调会更新预训练模型的每一个权重，每个下游任务都要存一份完整的模型，训练时每个参数还要配梯度和优化器状态。
# LoRA（[Hu 等，2021](https://arxiv.org/abs/2106.09685)）冻结预训练权重 $W_0 \in \mathbb{R}^{d \times k}$，只学习一个秩不超过 $r$ 的更新：
#
# $$
# h = W_0 x + \frac{\alpha}{r} B A x, \qquad B \in \mathbb{R}^{d \times r},\; A \in \mathbb{R}^{r \times k},\; r \ll \min(d, k)
# $$
#
# 每个被适配的矩阵只训练 $r(d + k)$ 个参数，而不是 $dk$ 个。对一个 $4096 \times 4096$ 的投影矩阵取 $r = 8$，是 $65{,}536$ 对 $16{,}777{,}216$，即 0.39%。
# $A$ 随机初始化、$B$ 初始化为零，所以训练开始时 $\Delta W = 0$，模型就是预训练模型；$\frac{\alpha}{r}$ 让更新的幅度在改变 $r$ 时大致不变，不必重新调学习率。
# 训练结束后可以把 $W_0 + \frac{\alpha}{r}BA$ 合并成一个普通的权重矩阵，推理时不多花任何计算。
#
# 这个笔记本把上面每一句话都变成一次测量：在数字 0 到 4 上预训练，在数字 5 到 9 上适配，比较全量微调、LoRA 和只训练新输出头三种做法。

# %% [markdown] lang="en"
# # LoRA: a frozen weight plus a low-rank update {#lora}
#
# **Description:** Pretrain a small dense network on real 8x8 handwritten digits, then adapt it to other digits with full fine-tuning and with LoRA, and check the trainable-parameter formula, the unchanged outputs at $B = 0$, accuracy against trainable parameters, the merged weights, and Keras' built-in `Dense.enable_lora`.
# **Last modified:** 2026-11-30
# **Supports:** [the answer on transfer learning](../../interview/transfer-learning/#q-transfer-learning) and [what LoRA trains and how many parameters that is](../../interview/transfer-learning/#q-lora-parameters).
#
# Full fine-tuning updates every weight of a pretrained model: each downstream task stores a full copy of the model, and training keeps a gradient and optimizer states for every parameter. LoRA ([Hu et al., 2021](https://arxiv.org/abs/2106.09685)) freezes the pretrained weight $W_0 \in \mathbb{R}^{d \times k}$ and learns only an update of rank at most $r$:
#
# $$
# h = W_0 x + \frac{\alpha}{r} B A x, \qquad B \in \mathbb{R}^{d \times r},\; A \in \mathbb{R}^{r \times k},\; r \ll \min(d, k)
# $$
#
# Each adapted matrix trains $r(d + k)$ parameters instead of $dk$. For a $4096 \times 4096$ projection with $r = 8$ that is $65{,}536$ against $16{,}777{,}216$, or 0.39%. $A$ starts random and $B$ starts at zero, so at the start $\Delta W = 0$ and the model is the pretrained model; the factor $\frac{\alpha}{r}$ keeps the size of the update roughly constant when you change $r$, so the learning rate need not be tuned again. After training, $W_0 + \frac{\alpha}{r}BA$ can be merged into one ordinary weight matrix, and inference costs nothing extra.
#
# This notebook turns each of those sentences into a measurement: it pretrains on the digits 0 to 4, adapts to the digits 5 to 9, and compares full fine-tuning, LoRA, and training only a new output head.

# %% [markdown] lang="zh"
# ## 两个相关的任务 {#data}
#
# `load_digits` 随 scikit-learn 一起发布：1797 张真实的 8x8 手写数字。把 64 个像素缩放到 $[0, 1]$，拆成两个任务：
# 任务 A 是数字 0 到 4（预训练用），任务 B 是数字 5 到 9（适配用，标签改成 0 到 4）。
# 两个任务共用同样的笔画和像素统计，但类别不同，正是迁移学习的典型情形。任务 B 只拿 300 张图训练，其余的用来测试。

# %% [markdown] lang="en"
# ## Two related tasks {#data}
#
# `load_digits` ships with scikit-learn: 1,797 real 8x8 handwritten digits. We scale the 64 pixels to $[0, 1]$ and split the digits into two tasks: task A is the digits 0 to 4 (for pretraining), task B the digits 5 to 9 (for adaptation, relabeled 0 to 4). The tasks share strokes and pixel statistics but not classes, the typical setting for transfer learning. Task B trains on only 300 images and tests on the rest.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import ops
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 42
keras.utils.set_random_seed(SEED)

digits = load_digits()
x_all = (digits.data / 16.0).astype("float32")  # 8x8 pixels -> 64 features in [0, 1]
y_all = digits.target
is_a = y_all < 5
x_a, y_a = x_all[is_a], y_all[is_a]  # task A: digits 0-4
x_b_train, x_b_test, y_b_train, y_b_test = train_test_split(
    x_all[~is_a], y_all[~is_a] - 5, train_size=300, random_state=SEED, stratify=y_all[~is_a]
)  # task B: digits 5-9, relabeled 0-4
print(f"task A: {len(x_a)} images; task B: {len(x_b_train)} train, {len(x_b_test)} test")

# %% [markdown] lang="zh"
# ## 预训练 {#pretrain}
#
# 预训练模型有两个 256 单元的隐藏层 `hidden1`（$64 \to 256$）和 `hidden2`（$256 \to 256$），再接一个 5 类输出头，共 83,717 个参数。
# `steps_per_execution=5` 让 Keras 在一次图调用里连跑 5 步，小模型的 `fit` 因此快很多；准确率直接用模型调用加 `argmax` 计算。

# %% [markdown] lang="en"
# ## Pretraining {#pretrain}
#
# The pretrained model has two hidden layers of 256 units, `hidden1` ($64 \to 256$) and `hidden2` ($256 \to 256$), and a 5-class head: 83,717 parameters. `steps_per_execution=5` lets Keras run five steps per graph call, which makes `fit` much faster for a small model; accuracy is computed by calling the model and taking the `argmax`.

# %%
def compile_model(model, learning_rate):
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        steps_per_execution=5,
    )


inputs = keras.Input(shape=(64,))
h = keras.layers.Dense(256, activation="relu", name="hidden1")(inputs)
h = keras.layers.Dense(256, activation="relu", name="hidden2")(h)
pretrained = keras.Model(inputs, keras.layers.Dense(5, name="head_a")(h))
compile_model(pretrained, 2e-3)
pretrained.fit(x_a, y_a, epochs=10, batch_size=128, verbose=0)


def accuracy(model, x, y):
    return float(np.mean(np.argmax(model(x), axis=1) == y))


print(f"pretrained model: {pretrained.count_params():,} parameters, "
      f"accuracy on task A (training data) {accuracy(pretrained, x_a, y_a):.3f}")

# %% [markdown] lang="zh"
# ## 一个 LoRA 层 {#lora-layer}
#
# `LoRADense` 包住一个预训练好的 `Dense` 层，把它冻结，再加上两个可训练矩阵。写这个层时有三处容易出错：
#
# - **权重布局。** 论文写 $h = W_0 x$，$W_0$ 的形状是 $d_{out} \times d_{in}$；Keras 的 `kernel` 形状是 $(d_{in}, d_{out})$，计算的是行向量的 $xK$，所以 $K = W_0^\top$。
#   这里按论文的形状存 $A$（$r \times d_{in}$）和 $B$（$d_{out} \times r$），于是
#
#   $$
#   y = \sigma\Big(x K + b + \frac{\alpha}{r}\, (x A^\top) B^\top\Big)
#   $$
#
# - **激活函数之前相加。** 更新要加在 ReLU 之前。直接调用 `base(x)` 再加更新，等于把更新加在 ReLU 之后，得到的是另一个模型。
# - **计算顺序。** 先算 $xA^\top$（每行 $r$ 个数），再乘 $B^\top$：每行只多 $r(d_{in} + d_{out})$ 次乘加，$d_{out} \times d_{in}$ 的 $BA$ 从来不用显式构造。
#
# $A$ 按参考实现取均匀分布 $U(-1/\sqrt{d_{in}},\, 1/\sqrt{d_{in}})$，$B$ 全零。布局在这里还会再坑一次：Keras 的 `"he_uniform"` 这类初始化器从形状的第一维取扇入，按 $(r, d_{in})$ 存的 $A$ 会被当成扇入为 $r$，初始值大好几倍，所以这里显式给出范围。`adapted_model` 复制预训练的两个隐藏层，
# 按三种方式之一适配：`"full"` 全部可训练，`"head"` 冻结、只训练新输出头，`"lora"` 套上 `LoRADense`。

# %% [markdown] lang="en"
# ## A LoRA layer {#lora-layer}
#
# `LoRADense` wraps a pretrained `Dense` layer, freezes it, and adds two trainable matrices. Three details are easy to get wrong:
#
# - **The weight layout.** The paper writes $h = W_0 x$ with $W_0$ of shape $d_{out} \times d_{in}$; a Keras `kernel` has shape $(d_{in}, d_{out})$ and computes $xK$ for a row vector, so $K = W_0^\top$. We store $A$ ($r \times d_{in}$) and $B$ ($d_{out} \times r$) in the paper's shapes, so
#
#   $$
#   y = \sigma\Big(x K + b + \frac{\alpha}{r}\, (x A^\top) B^\top\Big)
#   $$
#
# - **Add before the activation.** The update belongs before the ReLU. Calling `base(x)` and adding the update afterwards adds it after the ReLU, which is a different model.
# - **The order of the products.** Compute $xA^\top$ first ($r$ numbers per row), then multiply by $B^\top$: that costs only $r(d_{in} + d_{out})$ extra multiply-adds per row, and the $d_{out} \times d_{in}$ matrix $BA$ is never formed.
#
# $A$ starts from the reference implementation's uniform distribution $U(-1/\sqrt{d_{in}},\, 1/\sqrt{d_{in}})$ and $B$ from zeros. The layout bites once more here: Keras initializers such as `"he_uniform"` take the fan-in from the first dimension of the shape, so an $A$ stored as $(r, d_{in})$ would be treated as having fan-in $r$ and start several times too large; hence the explicit range. `adapted_model` copies the two pretrained hidden layers and adapts them in one of three ways: `"full"` makes them trainable, `"head"` freezes them and trains only the new head, `"lora"` wraps them in `LoRADense`.

# %%
class LoRADense(keras.layers.Layer):
    """A frozen Dense layer plus a trainable low-rank update (alpha / r) * B A."""

    def __init__(self, base, rank, alpha, **kwargs):
        super().__init__(**kwargs)
        self.base = base
        self.base.trainable = False  # W0 and its bias stay fixed
        self.rank = rank
        self.scale = alpha / rank
        d_in, d_out = base.kernel.shape  # Keras stores the kernel as (in, out) = W0 transposed
        # U(-1/sqrt(d_in), 1/sqrt(d_in)) as in the reference implementation; Keras' "he_uniform"
        # would take fan_in from shape[0], which is r in this (r, d_in) layout
        bound = 1 / np.sqrt(d_in)
        a_init = keras.initializers.RandomUniform(-bound, bound)
        self.lora_a = self.add_weight(shape=(rank, d_in), initializer=a_init, name="lora_a")
        self.lora_b = self.add_weight(shape=(d_out, rank), initializer="zeros", name="lora_b")

    def call(self, x):
        z = ops.matmul(x, self.base.kernel) + self.base.bias  # x W0^T + b
        # (x A^T) B^T costs r (d_in + d_out) per row; BA itself is never formed
        z = z + self.scale * ops.matmul(ops.matmul(x, ops.transpose(self.lora_a)), ops.transpose(self.lora_b))
        return self.base.activation(z)  # the update goes in before the ReLU

    def merged_kernel(self):
        """W0^T + (alpha / r) (B A)^T in Keras' (in, out) layout."""
        delta = ops.transpose(ops.matmul(self.lora_b, self.lora_a))
        return ops.convert_to_numpy(self.base.kernel + self.scale * delta)


def copy_dense(layer):
    """A fresh Dense layer holding a copy of a pretrained layer's weights."""
    copy = keras.layers.Dense(layer.units, activation=layer.activation)
    copy.build((None, layer.kernel.shape[0]))
    copy.set_weights(layer.get_weights())
    return copy


def adapted_model(mode, rank=8, alpha=2.0, head=None):
    """The pretrained hidden layers, adapted by `mode`, under a new head for task B."""
    x = inputs = keras.Input(shape=(64,))
    for name in ("hidden1", "hidden2"):
        base = copy_dense(pretrained.get_layer(name))
        if mode == "lora":
            x = LoRADense(base, rank, alpha)(x)
        else:
            base.trainable = mode == "full"  # "head": frozen features, only the head trains
            x = base(x)
    head = head or keras.layers.Dense(5)
    return keras.Model(inputs, head(x))

# %% [markdown] lang="zh"
# ## B = 0：训练开始时什么也没变 {#zero-init}
#
# 给 LoRA 模型装上预训练时的输出头，它在全部 1797 张图上的输出必须与预训练模型*完全*相同，差值恰好为 0，而不只是很小：
# $B = 0$ 时 $(xA^\top)B^\top$ 的每一项都是精确的零，加上零不改变任何浮点数。所以 LoRA 的训练从预训练模型出发，而不是从一个被随机扰动过的模型出发。
# 如果 $A$ 和 $B$ 都初始化为零，$\frac{\partial L}{\partial A} = \frac{\alpha}{r} B^\top \frac{\partial L}{\partial \Delta W}$ 和
# $\frac{\partial L}{\partial B} = \frac{\alpha}{r} \frac{\partial L}{\partial \Delta W} A^\top$ 就永远为零，什么也学不到；一个随机、一个为零，才能既从原模型出发又能学习。

# %% [markdown] lang="en"
# ## B = 0: nothing changes at the start {#zero-init}
#
# Give the LoRA model the pretrained head and its outputs on all 1,797 images must equal the pretrained model's *exactly*, a difference of 0 and not merely small: with $B = 0$ every entry of $(xA^\top)B^\top$ is an exact zero, and adding zero changes no floating-point number. So LoRA training starts from the pretrained model, not from a randomly perturbed one. If both $A$ and $B$ started at zero, the gradients $\frac{\partial L}{\partial A} = \frac{\alpha}{r} B^\top \frac{\partial L}{\partial \Delta W}$ and $\frac{\partial L}{\partial B} = \frac{\alpha}{r} \frac{\partial L}{\partial \Delta W} A^\top$ would stay zero forever and nothing would be learned; one random factor and one zero factor give both a clean start and learning.

# %%
# B = 0 at initialization: the LoRA model is the pretrained model, to the last bit
lora_init = adapted_model("lora", rank=8, head=copy_dense(pretrained.get_layer("head_a")))
gap = float(np.max(np.abs(lora_init(x_all) - pretrained(x_all))))
print(f"check: max |LoRA(B=0) - pretrained| over all 1,797 images: {gap:.4g} (needs == 0)")
assert gap == 0.0, "with B = 0 the LoRA model must reproduce the pretrained outputs exactly"

# %% [markdown] lang="zh"
# ## 可训练参数：公式与模型一致 {#parameters}
#
# 对每个被适配的层，公式给出 $r(d_{in} + d_{out})$：`hidden1` 是 $8 \times (64 + 256) = 2560$，`hidden2` 是 $8 \times (256 + 256) = 4096$。
# 新输出头（$256 \times 5 + 5 = 1285$）也要训练，单独计数。断言把 `model.trainable_weights` 里实际张量的元素个数加起来，与公式加输出头比较：
# 冻结的核与偏置一个也不能混进去。

# %% [markdown] lang="en"
# ## Trainable parameters: the formula matches the model {#parameters}
#
# For each adapted layer the formula gives $r(d_{in} + d_{out})$: $8 \times (64 + 256) = 2560$ for `hidden1` and $8 \times (256 + 256) = 4096$ for `hidden2`. The new head ($256 \times 5 + 5 = 1285$) trains too and is counted separately. The assertion adds up the elements of the actual tensors in `model.trainable_weights` and compares them with the formula plus the head: not one frozen kernel or bias may slip in.

# %%
def n_params(weights):
    return sum(int(np.prod(w.shape)) for w in weights)


RANK = 8
lora = adapted_model("lora", rank=RANK)
lora_layers = [layer for layer in lora.layers if isinstance(layer, LoRADense)]
formula = sum(RANK * (d_in + d_out) for d_in, d_out in (layer.base.kernel.shape for layer in lora_layers))
head_params = n_params(lora.layers[-1].weights)
counted = n_params(lora.trainable_weights)
full = adapted_model("full")
print(f"LoRA r={RANK}: r(d_in + d_out) summed over the two layers = {formula:,}; new head = {head_params:,}")
print(f"check: trainable parameters in the model: {counted:,} (needs == {formula + head_params:,})")
assert counted == formula + head_params, "trainable weights are not the LoRA factors plus the head"
print(f"full fine-tuning trains {n_params(full.trainable_weights):,}: "
      f"LoRA trains {counted / n_params(full.trainable_weights):.1%} of that")

# %% [markdown] lang="zh"
# ## 全量微调、LoRA 和只训练输出头 {#compare}
#
# 三个模型在任务 B 的 300 张训练图上训练同样的步数（15 个轮次，批量 60）。学习率按常规设置：全量微调小（2e-3），LoRA 和只训练输出头大（6e-3），
# 因为 LoRA 的更新从零开始、只在 $r$ 个方向上，大步长也不会把预训练函数推得太远（大模型上的对应数值是 1e-5 到 5e-5 对 1e-4 到 2e-4）。
#
# 断言检查两件事：LoRA 训练后，冻结的 $W_0$ 逐位不变（优化器真的没有碰它）；LoRA 的测试准确率与全量微调相差不到 4 个百分点，而它训练的参数还不到全量微调的十分之一。

# %% [markdown] lang="en"
# ## Full fine-tuning, LoRA, and a new head alone {#compare}
#
# The three models train for the same number of steps on the 300 training images of task B (15 epochs, batches of 60). The learning rates follow the usual practice: small for full fine-tuning (2e-3), larger for LoRA and for the head alone (6e-3), because LoRA's update starts at zero and lives in $r$ directions, so larger steps do not push the pretrained function far (for large models the corresponding values are 1e-5 to 5e-5 against 1e-4 to 2e-4).
#
# The assertions check two things: after LoRA training the frozen $W_0$ is unchanged bit for bit (the optimizer really never touched it), and LoRA's test accuracy is within 4 points of full fine-tuning while it trains less than a tenth of the parameters.

# %%
EPOCHS, BATCH = 15, 60


def fine_tune(model, learning_rate):
    compile_model(model, learning_rate)
    model.fit(x_b_train, y_b_train, epochs=EPOCHS, batch_size=BATCH, verbose=0)
    return accuracy(model, x_b_test, y_b_test)


w0_hidden2 = pretrained.get_layer("hidden2").kernel.numpy()
acc_full = fine_tune(full, 2e-3)
acc_lora = fine_tune(lora, 6e-3)
acc_head = fine_tune(adapted_model("head"), 6e-3)
print(f"task B test accuracy: full fine-tuning {acc_full:.3f}, LoRA r={RANK} {acc_lora:.3f}, head only {acc_head:.3f}")

unchanged = np.array_equal(lora_layers[1].base.kernel.numpy(), w0_hidden2)
print(f"check: frozen W0 of hidden2 unchanged after LoRA training: {unchanged} (needs True)")
assert unchanged, "LoRA training changed the frozen pretrained kernel"
print(f"check: LoRA accuracy minus full fine-tuning accuracy: {acc_lora - acc_full:+.4g} (needs > -0.04)")
assert acc_lora > acc_full - 0.04, "LoRA fell more than 4 points behind full fine-tuning"

# %% [markdown] lang="zh"
# ## 秩 r 的影响 {#rank}
#
# 再用 $r = 1, 2, 4$ 各训练一次，与 $r = 8$ 一起画出来；每个点下面的标签是它的可训练参数占全量微调的比例（其中包括输出头的 1285 个参数）。
# 参数量随 $r$ 线性增长。虚线是全量微调，点线是只训练新输出头：冻结的特征加一个新头，是 $r = 0$ 的极端情况。
# 看图时注意纵轴的范围：只有 596 张测试图时，一张图就是 0.17 个百分点，相邻两个秩之间的差别常常就在这个噪声量级。

# %% [markdown] lang="en"
# ## The effect of the rank r {#rank}
#
# We train once more with $r = 1, 2, 4$ and plot them with $r = 8$; the label under each point is its trainable share of full fine-tuning (including the head's 1,285 parameters). The parameter count grows linearly in $r$. The dashed line is full fine-tuning, the dotted line the new head alone: frozen features plus a new head are the extreme case $r = 0$. Mind the range of the vertical axis when you read the plot: with 596 test images one image is 0.17 points, and the difference between neighboring ranks is often at that noise level.

# %%
ranks = [1, 2, 4, 8]
acc_by_rank = {RANK: acc_lora}
for r in ranks:
    if r not in acc_by_rank:
        acc_by_rank[r] = fine_tune(adapted_model("lora", rank=r), 6e-3)
trainable_by_rank = [n_params(adapted_model("lora", rank=r).trainable_weights) for r in ranks]
n_full = n_params(full.trainable_weights)

fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(ranks, [acc_by_rank[r] for r in ranks], "o-", label="LoRA")
ax.axhline(acc_full, color="C1", linestyle="--", label=f"full fine-tuning ({n_full:,} trainable)")
ax.axhline(acc_head, color="C2", linestyle=":", label="new head only")
for r, n in zip(ranks, trainable_by_rank):
    ax.annotate(f"{n / n_full:.1%}", (r, acc_by_rank[r]), textcoords="offset points", xytext=(0, -14), ha="center")
ax.set_xscale("log", base=2)
ax.set_xticks(ranks, [str(r) for r in ranks])
ax.set_xlabel("rank r (labels: trainable share of full fine-tuning)")
ax.set_ylabel("task B test accuracy")
ax.legend(loc="center right")
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 为什么低秩就够了 {#why-low-rank}
#
# LoRA 的依据是一个假设：适配所需的权重更新 $\Delta W$ 本身就接近低秩。这里可以直接检验。全量微调也改了 `hidden2` 的核，
# 把它的更新 $\Delta W = K_{\text{full}} - K_0$ 做奇异值分解，看前 8 个方向占了多少“能量” $\sum_{i \le 8} \sigma_i^2 / \sum_i \sigma_i^2$。
# 断言要求超过一半：256 个方向里，少数几个就承载了全量微调的大部分改动。下图画出前 $k$ 个方向累计占的比例，$k$ 取到 64，点线标出 $r = 8$。LoRA 的更新则按构造秩恰好为 $r$（断言：$\operatorname{rank}(\Delta W) = 8$，
# 这也说明 $B$ 确实离开了零）。注意这是小模型、短训练上的结果；任务离预训练越远，需要的秩越高（见[LoRA 的常见错误](../../interview/transfer-learning/#q-lora-parameters)）。

# %% [markdown] lang="en"
# ## Why a low rank is enough {#why-low-rank}
#
# LoRA rests on a hypothesis: the weight update $\Delta W$ that adaptation needs is close to low rank to begin with. We can test it directly. Full fine-tuning changed the kernel of `hidden2` too; take the singular values of its update $\Delta W = K_{\text{full}} - K_0$ and measure how much of the "energy" $\sum_{i \le 8} \sigma_i^2 / \sum_i \sigma_i^2$ the first 8 directions hold. The assertion requires more than half: out of 256 directions, a few carry most of what full fine-tuning changed. The plot shows the cumulative share of the top $k$ directions for $k$ up to 64, with a dotted line at $r = 8$. The LoRA update has rank exactly $r$ by construction (asserted: $\operatorname{rank}(\Delta W) = 8$, which also shows that $B$ really left zero). Keep in mind that this is a small model and a short run; the further the task is from pretraining, the higher the rank it needs (see [the common mistake about LoRA](../../interview/transfer-learning/#q-lora-parameters)).

# %%
delta_full = full.layers[2].kernel.numpy() - w0_hidden2
sv_full = np.linalg.svd(delta_full, compute_uv=False)
delta_lora = lora_layers[1].merged_kernel() - w0_hidden2
sv_lora = np.linalg.svd(delta_lora, compute_uv=False)
share = float(np.sum(sv_full[:RANK] ** 2) / np.sum(sv_full**2))
rank_lora = int(np.linalg.matrix_rank(delta_lora))
print(f"full fine-tuning update of hidden2: top {RANK} of 256 directions hold {share:.1%} of its energy")
print(f"check: rank of the LoRA update of hidden2: {rank_lora} (needs == {RANK})")
assert rank_lora == RANK, "the LoRA update should have rank exactly r"
print(f"check: energy share of the top {RANK} directions of the full update: {share:.4g} (needs > 0.5)")
assert share > 0.5, "the full fine-tuning update is not concentrated in a few directions"

k = np.arange(1, 65)
fig, ax = plt.subplots(figsize=(7, 3))
ax.plot(k, np.cumsum(sv_full**2)[:64] / np.sum(sv_full**2), label="full fine-tuning")
ax.plot(k, np.minimum(np.cumsum(sv_lora**2)[:64] / np.sum(sv_lora**2), 1), label=f"LoRA r={RANK}")
ax.axvline(RANK, color="gray", linestyle=":", linewidth=0.8)
ax.set_xlabel("number of top directions k")
ax.set_ylabel("share of the update's energy")
ax.set_title("Update of the hidden2 kernel: how low-rank is it?")
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 合并权重：推理时没有额外开销 {#merge}
#
# 训练结束后，每个 LoRA 层都可以换成一个普通的 `Dense` 层，核为
#
# $$
# K = K_0 + \frac{\alpha}{r} (BA)^\top = K_0 + \frac{\alpha}{r} A^\top B^\top
# $$
#
# 偏置不变。合并后的模型与预训练模型大小相同、速度相同。断言合并前后的 logits 相对差小于 $10^{-5}$（两种计算顺序的 float32 舍入不同，所以不是逐位相等），预测的类别完全一致。
# 要换任务，减去 $\frac{\alpha}{r}(BA)^\top$ 或者重新加载 $K_0$ 即可；也可以不合并，让同一个基础模型按请求挂不同的适配器。

# %% [markdown] lang="en"
# ## Merging the weights: no extra cost at inference {#merge}
#
# After training, each LoRA layer can be replaced by an ordinary `Dense` layer with the kernel
#
# $$
# K = K_0 + \frac{\alpha}{r} (BA)^\top = K_0 + \frac{\alpha}{r} A^\top B^\top
# $$
#
# and the same bias. The merged model has the size and the speed of the pretrained model. The assertion requires the logits before and after merging to agree to a relative $10^{-5}$ (the two orders of computation round differently in float32, so they are not equal bit for bit) and the predicted labels to be identical. To switch tasks, subtract $\frac{\alpha}{r}(BA)^\top$ or reload $K_0$; or keep the adapters separate and serve several tasks from one base model, picking the adapter per request.

# %%
def merged_dense(layer):
    dense = keras.layers.Dense(layer.base.units, activation=layer.base.activation)
    dense.build((None, layer.base.kernel.shape[0]))
    dense.set_weights([layer.merged_kernel(), layer.base.bias.numpy()])
    return dense


x = merged_inputs = keras.Input(shape=(64,))
for layer in lora_layers:
    x = merged_dense(layer)(x)
merged = keras.Model(merged_inputs, lora.layers[-1](x))  # same head
logits_lora = ops.convert_to_numpy(lora(x_b_test))
diff = float(np.max(np.abs(ops.convert_to_numpy(merged(x_b_test)) - logits_lora)) / np.max(np.abs(logits_lora)))
same_labels = np.array_equal(np.argmax(merged(x_b_test), axis=1), np.argmax(logits_lora, axis=1))
print(f"merged model: {merged.count_params():,} parameters, the size of the pretrained model; same predicted labels: {same_labels}")
print(f"check: max |merged - LoRA| / max |logit|: {diff:.4g} (needs < 1e-5)")
assert diff < 1e-5 and same_labels, "the merged Dense layers do not compute what the LoRA layers compute"

# %% [markdown] lang="zh"
# ## Keras 内置的 `enable_lora` {#keras-enable-lora}
#
# Keras 3 的 `Dense` 层自带 `enable_lora(rank, lora_alpha=...)`。它按 Keras 的布局存因子：`lora_kernel_a` 是 $(d_{in}, r)$，即 $A^\top$；`lora_kernel_b` 是 $(r, d_{out})$，即 $B^\top$；
# 每次调用时先算出 $K_0 + \frac{\alpha}{r} A^\top B^\top$ 再做矩阵乘法。把我们训练好的 $A$、$B$ 转置后放进去，两种实现的输出必须一致。
#
# 还有一处区别值得记住：`enable_lora` 只冻结核，**偏置仍然可训练**，所以它的可训练参数是 $r(d_{in} + d_{out}) + d_{out}$，而不是论文的 $r(d_{in} + d_{out})$。
# 偏置很小，对参数量影响不大，但如果要求“只训练 A 和 B”，需要自己把 `bias` 设为不可训练。

# %% [markdown] lang="en"
# ## Keras' built-in `enable_lora` {#keras-enable-lora}
#
# A Keras 3 `Dense` layer has `enable_lora(rank, lora_alpha=...)` built in. It stores the factors in Keras' layout: `lora_kernel_a` is $(d_{in}, r)$, that is $A^\top$, and `lora_kernel_b` is $(r, d_{out})$, that is $B^\top$; each call first forms $K_0 + \frac{\alpha}{r} A^\top B^\top$ and then multiplies. Put our trained $A$ and $B$ in, transposed, and the two implementations must agree.
#
# One difference is worth remembering: `enable_lora` freezes only the kernel, and **the bias stays trainable**, so it trains $r(d_{in} + d_{out}) + d_{out}$ parameters, not the paper's $r(d_{in} + d_{out})$. The bias is small and hardly changes the count, but if you need "only A and B train", make `bias` non-trainable yourself.

# %%
builtin = copy_dense(pretrained.get_layer("hidden2"))
builtin.enable_lora(RANK, lora_alpha=2.0)
ours = lora_layers[1]
builtin.lora_kernel_a.assign(ops.transpose(ours.lora_a))  # Keras: A is (in, r)
builtin.lora_kernel_b.assign(ops.transpose(ours.lora_b))  # Keras: B is (r, out)
features = lora_layers[0](x_b_test)
out_ours = ops.convert_to_numpy(ours(features))
diff_builtin = float(np.max(np.abs(ops.convert_to_numpy(builtin(features)) - out_ours)) / np.max(np.abs(out_ours)))
print(f"check: max |Dense.enable_lora - LoRADense| / max |output|: {diff_builtin:.4g} (needs < 1e-5)")
assert diff_builtin < 1e-5, "Keras' built-in LoRA disagrees with LoRADense given the same A and B"
d_in, d_out = builtin.kernel.shape
builtin_count = n_params(builtin.trainable_weights)
print(f"check: trainable parameters of Dense.enable_lora: {builtin_count:,} "
      f"(needs == r(d_in + d_out) + d_out = {RANK * (d_in + d_out) + d_out:,}: the bias stays trainable)")
assert builtin_count == RANK * (d_in + d_out) + d_out, "Dense.enable_lora trains something unexpected"

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - LoRA 冻结 $W_0$，学习 $\Delta W = \frac{\alpha}{r}BA$：每个被适配的矩阵训练 $r(d_{in} + d_{out})$ 个参数；这个数可以从 `model.trainable_weights` 直接数出来核对。
# - $B = 0$、$A$ 随机：训练从预训练模型精确地出发，而且两个因子都能得到梯度。
# - 在 Keras 里写 LoRA，注意三件事：`kernel` 是 $(d_{in}, d_{out})$，等于 $W_0^\top$；更新加在激活函数之前；先乘 $A^\top$ 再乘 $B^\top$。
# - 在这个任务上，LoRA 的准确率与全量微调相差不到 4 个百分点，可训练参数不到十分之一；全量微调的更新本身就集中在少数几个方向上，这正是低秩更新够用的原因。
# - 合并 $K_0 + \frac{\alpha}{r}A^\top B^\top$ 后推理没有额外开销；Keras 的 `Dense.enable_lora` 算的是同一个东西，但偏置仍可训练。
# - 面试常见追问：对哪些矩阵做 LoRA、$r$ 怎么选、QLoRA 多做了什么、LoRA 为什么用更大的学习率，见[这道题的追问](../../interview/transfer-learning/#q-lora-parameters)；微调的显存账见[训练显存笔记本](../training-memory/)。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - LoRA freezes $W_0$ and learns $\Delta W = \frac{\alpha}{r}BA$: each adapted matrix trains $r(d_{in} + d_{out})$ parameters, a number you can check by counting `model.trainable_weights`.
# - $B = 0$ and a random $A$: training starts exactly at the pretrained model, and both factors still receive gradients.
# - Writing LoRA in Keras, mind three things: `kernel` is $(d_{in}, d_{out})$, that is $W_0^\top$; the update goes in before the activation; multiply by $A^\top$ first, then by $B^\top$.
# - On this task LoRA comes within 4 points of full fine-tuning with less than a tenth of the trainable parameters; the update of full fine-tuning is itself concentrated in a few directions, which is why a low-rank update is enough.
# - Merging $K_0 + \frac{\alpha}{r}A^\top B^\top$ leaves no extra cost at inference; Keras' `Dense.enable_lora` computes the same thing, but its bias stays trainable.
# - Typical follow-up questions (which matrices to adapt, how to choose $r$, what QLoRA adds, why LoRA uses a larger learning rate) are answered [with the interview question](../../interview/transfer-learning/#q-lora-parameters); the memory bill of fine-tuning is in the [training memory notebook](../training-memory/).
