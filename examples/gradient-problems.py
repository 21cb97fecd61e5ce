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
# # 实测梯度消失与梯度爆炸 {#gradient-problems}
#
# **简介：** 用 `tf.GradientTape` 测出 20 层网络每一层的梯度范数，亲手制造梯度消失和梯度爆炸，再用初始化、批量归一化和梯度裁剪把它们治好。
# **最后修改：** 2026-11-30
# **出处：** 《AI 大模型创业：如何利用人才优势？》的代码，附在「请解释梯度消失和梯度爆炸，并给出解决方法。」之后（[人才优势指南](../../guides/talent/#ask-002-gradients)）；「梯度消失和梯度爆炸」在第三部分重复。
#
# <details><summary>维护者注</summary>源文档行号（按 <code>cat -n</code> 计）：002 · L195–218（“一、典型面试题与解析”第 6 题，代码 L212–218）；L463–474（“三、答案解析与源代码实例”第 6 条）。</details>
#
# “解释一下梯度消失和梯度爆炸”几乎是面试必考题，常见的回答是背一串解决办法。好的回答要讲清三件事：
# 问题*为什么*会出现（反向传播每经过一层就乘一个因子，梯度随深度按指数变化）；
# 怎么*看到*它（逐层的梯度范数）；以及每种办法到底治的是什么。
#
# 这个笔记本搭几个 20 层的网络，在一批真实的手写数字上测出每一层权重的梯度范数，
# 先故意把两种病都造出来，再用标准的办法（He/Glorot 初始化、批量归一化）修好，
# 最后说明梯度裁剪能做什么、不能做什么。

# %% [markdown] lang="en"
# # Vanishing and exploding gradients, measured {#gradient-problems}
#
# **Description:** Measure per-layer gradient norms of a 20-layer network with `tf.GradientTape`, make them vanish and explode, then fix them with initialization, batch normalization and gradient clipping.
# **Last modified:** 2026-11-30
# **Source:** code in *AI large-model startups: how to use a talent advantage?* (《AI 大模型创业：如何利用人才优势？》), attached to "Explain vanishing and exploding gradients, and give solutions." ([talent guide](../../guides/talent/#ask-002-gradients)); repeated in part three as "Vanishing and exploding gradients".
#
# <details><summary>Maintainer note</summary>Source line numbers (as <code>cat -n</code> counts them): 002 · L195–218 ("一、典型面试题与解析", question 6, code at L212–218); L463–474 ("三、答案解析与源代码实例", item 6).</details>
#
# "Explain vanishing and exploding gradients" is a standard interview question, and the usual
# answer is a list of remedies. A strong answer explains *why* they happen (backpropagation
# multiplies one factor per layer, so the gradient changes geometrically with depth), shows how
# to *see* the problem (per-layer gradient norms), and knows what each remedy actually fixes.
#
# This notebook builds 20-layer networks, measures the gradient norm of every layer's weights on
# a batch of real digits, and produces both pathologies on purpose. Then it applies the standard
# fixes, He/Glorot initialization and batch normalization, and shows what gradient clipping does
# and does not do.

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - 代码是一个依赖前文的片段，单独跑不起来：它只导入了 `BatchNormalization`，用到的 `layers` 和
# >   `input_tensor` 来自前面第 4 题的代码块（那里用 `from tensorflow.keras import layers` 导入并定义了
# >   28x28x1 的输入）。
# > - 什么都没测。答案列了三种办法（梯度裁剪、权重初始化、批量归一化），代码却只有卷积层后面的一行
# >   `BatchNormalization`，既看不出梯度消失或爆炸，也看不出加了之后有没有好转。
# > - 解释里没有原因。梯度并不是整体“变得非常小”，而是经过链式法则*逐层*缩小或放大，
# >   所以离损失最远的那些层要么学不动（消失），要么一步更新大得离谱（爆炸）。
# > - 漏掉了实践中最管用的几招：ReLU 一类的激活函数配上对应的初始化、残差连接，
# >   以及循环网络里的门控结构（LSTM/GRU）。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - The code is a fragment that depends on an earlier block and cannot run on its own: it imports
# >   only `BatchNormalization`, while the `layers` and `input_tensor` it uses come from the code of
# >   question 4 (which imports `layers` from `tensorflow.keras` and defines a 28x28x1 input).
# > - It measures nothing. The answer names three remedies (clipping, initialization, batch
# >   normalization) but the code shows only one `BatchNormalization` line after a convolution, so
# >   nothing demonstrates that gradients vanish, explode or recover.
# > - The explanation gives no cause. Gradients do not become "very small" everywhere: they shrink
# >   or grow *layer by layer* through the chain rule, so the layers far from the loss are the ones
# >   that stop learning (vanishing) or receive huge updates (exploding).
# > - It leaves out the most effective remedies in practice: ReLU-family activations with matching
# >   initialization, residual connections, and gating (LSTM/GRU) for recurrent networks.

# %% [markdown] lang="zh"
# ## 梯度为什么会消失或爆炸 {#why}
#
# 把一个全连接层写成 $h_l = W_l a_{l-1}$，$a_l = \varphi(h_l)$。反向传播由该层输出的梯度算出输入的梯度：
#
# $\partial L / \partial a_{l-1} = W_l^\top \left(\varphi'(h_l) \odot \partial L / \partial a_l\right)$，权重的梯度则是 $\partial L / \partial W_l = \left(\varphi'(h_l) \odot \partial L / \partial a_l\right) a_{l-1}^\top$。
#
# 从损失一路传回第 1 层，每经过一层信号就要乘上这样一个因子。典型因子小于 1，梯度随深度按几何级数缩小；
# 大于 1，就按几何级数增大。决定这个因子的有两样东西：激活函数的导数（sigmoid 的导数最大只有 0.25），
# 以及权重的尺度，而后者正是各种初始化方法要控制的。

# %% [markdown] lang="en"
# ## Why gradients vanish or explode {#why}
#
# Write a dense layer as $h_l = W_l a_{l-1}$ and $a_l = \varphi(h_l)$. Backpropagation computes the gradient with
# respect to the layer's input from the gradient with respect to its output:
#
# $\partial L / \partial a_{l-1} = W_l^\top \left(\varphi'(h_l) \odot \partial L / \partial a_l\right)$,  and the weight gradient is $\partial L / \partial W_l = \left(\varphi'(h_l) \odot \partial L / \partial a_l\right) a_{l-1}^\top$.
#
# Going from the loss back to layer 1, the signal is multiplied by one such factor per layer. If
# the typical factor is below 1 the gradient shrinks geometrically with depth, if it is above 1 it
# grows geometrically. Two things set the factor: the derivative of the activation (the sigmoid's
# is at most 0.25) and the scale of the weights, which is what initialization schemes control.

# %% [markdown] lang="zh"
# ## 准备工作 {#setup}
#
# 输入是 scikit-learn 自带的 256 张真实手写数字（每张 64 个像素），按像素标准化。
# 这里只看初始化时的梯度，不训练，所以不需要划分训练集和测试集。

# %% [markdown] lang="en"
# ## Setup {#setup}
#
# The input is a batch of 256 real handwritten digits from scikit-learn (64 pixels each),
# standardized per pixel. We only look at gradients at initialization, so no training split is
# needed.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

X, y = load_digits(return_X_y=True)
X = ((X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)).astype("float32")
x_batch, y_batch = X[:256], y[:256]
print("batch:", x_batch.shape, "labels:", np.bincount(y_batch).tolist())

# %% [markdown] lang="zh"
# ## 逐层梯度范数探针 {#probe}
#
# `build_mlp` 堆 20 个宽度为 64 的 `Dense` 隐藏层，最后接一个线性输出层，对应十个类别。
# 激活函数、权重初始化器都是参数，还可以选择在每个 `Dense` 和激活函数之间插入 `BatchNormalization`
# （有了批量归一化，`Dense` 的偏置就多余了，BN 里的 $\beta$ 起的是同样的作用）。
#
# `layer_grad_norms` 在 `tf.GradientTape` 下做一次前向计算，算交叉熵损失，返回每个 `Dense`
# 核矩阵梯度的 L2 范数，顺序从第一个隐藏层到输出层。真实训练中排查问题时记录的也是这个量
# （TensorBoard 的直方图，或者一个逐层打印梯度范数的回调）。
#
# 有一个 Keras 的细节要注意：没有设种子的初始化器*实例*，每次调用都返回同样的数值，
# 把同一个实例传给 20 个层，这些层的权重就一模一样。所以 `build_mlp` 接收的是初始化器的类或工厂函数，
# 每层新建一个实例。

# %% [markdown] lang="en"
# ## A probe for per-layer gradient norms {#probe}
#
# `build_mlp` stacks 20 hidden `Dense` layers of width 64 and a linear output layer for the ten
# classes. The activation, the kernel initializer and an optional `BatchNormalization` between
# each `Dense` and its activation are parameters (with batch normalization the `Dense` bias is
# redundant, since BN's $\beta$ plays that role).
#
# `layer_grad_norms` runs a forward pass under `tf.GradientTape`, computes the cross-entropy loss
# and returns the L2 norm of the gradient of every `Dense` kernel, from the first hidden layer to
# the output layer. This is the same diagnostic you would log in a real training run (TensorBoard's
# histograms, or a callback that prints gradient norms per layer).
#
# One Keras detail: an initializer *instance* without a seed returns the same values every time it
# is called, so passing one instance to 20 layers would give them identical weights. `build_mlp`
# therefore takes an initializer class or factory and creates a fresh instance per layer.

# %%
DEPTH, WIDTH = 20, 64
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def build_mlp(activation, make_init, batch_norm=False):
    inputs = keras.Input(shape=(64,))
    x = inputs
    for _ in range(DEPTH):
        x = keras.layers.Dense(WIDTH, kernel_initializer=make_init(), use_bias=not batch_norm)(x)
        if batch_norm:
            x = keras.layers.BatchNormalization()(x)
        x = keras.layers.Activation(activation)(x)
    outputs = keras.layers.Dense(10, kernel_initializer=make_init())(x)  # logits
    return keras.Model(inputs, outputs)


def layer_grad_norms(model):
    kernels = [layer.kernel for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    with tf.GradientTape() as tape:
        loss = loss_fn(y_batch, model(x_batch, training=True))
    grads = tape.gradient(loss, kernels)
    return np.array([float(tf.norm(g)) for g in grads])


def large_normal():
    return keras.initializers.RandomNormal(stddev=0.5)  # 4x the Glorot scale for width 64


models, norms = {}, {}


def probe(name, activation, make_init, batch_norm=False):
    models[name] = build_mlp(activation, make_init, batch_norm)
    norms[name] = layer_grad_norms(models[name])
    n = norms[name]
    print(f"{name:<24} first layer {n[0]:.2e}  output layer {n[-1]:.2e}  ratio {n[0] / n[-1]:.2e}")
    return n[0] / n[-1]


# %% [markdown] lang="zh"
# ## 梯度消失：20 层 sigmoid {#vanishing}
#
# sigmoid 激活，配 Keras 默认的 Glorot 均匀初始化。Glorot 能让 $Wx$ 的尺度逐层大致不变，
# 但 sigmoid 的导数最大只有 0.25，反向信号每过一层大约缩小到四分之一。
# 第一层与输出层梯度范数之比，衡量的就是有多少梯度能传到网络底部。

# %% [markdown] lang="en"
# ## Vanishing: 20 sigmoid layers {#vanishing}
#
# Sigmoid activations with Keras's default Glorot-uniform initialization. Glorot keeps the scale
# of $Wx$ roughly constant from layer to layer, but the sigmoid's derivative is at most 0.25, so the
# backward signal loses about a factor of four per layer. The ratio between the first layer's
# gradient norm and the output layer's measures what reaches the bottom of the network.

# %%
ratio_vanishing = probe("sigmoid, Glorot", "sigmoid", keras.initializers.GlorotUniform)
assert ratio_vanishing < 1e-6, f"first/last gradient ratio {ratio_vanishing:.2e} is not vanishing"

# %% [markdown] lang="zh"
# 第一层拿到的梯度比输出层小了大约十二个数量级，和上面推算的 $0.25^{20} \approx 10^{-12}$ 相当接近。
# 用普通 SGD 的话，这一层的权重实际上一动不动：网络只在训练顶上几层，
# 底下几层始终是初始化时那个随机的特征提取器。

# %% [markdown] lang="en"
# The first layer receives a gradient about twelve orders of magnitude smaller than the output
# layer, close to the $0.25^{20} \approx 10^{-12}$ the argument above predicts. With plain SGD its weights
# effectively never move: the network trains only its top layers, and the early layers stay the
# random feature extractor they were at initialization.

# %% [markdown] lang="zh"
# ## 梯度爆炸：大权重的 tanh {#exploding}
#
# 换成 tanh，权重从 $\mathcal{N}(0, 0.5^2)$ 中采样，标准差是宽度 64 时 Glorot 的四倍。前向传播看上去没什么问题：
# tanh 把所有激活值压在 $(-1, 1)$ 之内，损失也是个正常的数。反向时，每一层都把梯度乘上一个大于 1 的因子，
# 梯度越往输入方向传越*大*。这就是深层网络的“混沌”区：前向没有任何溢出，
# 底层却要走一步大得离谱的更新，适合顶层的学习率对它们来说全都太大。

# %% [markdown] lang="en"
# ## Exploding: tanh with large weights {#exploding}
#
# Now tanh with weights drawn from $\mathcal{N}(0, 0.5^2)$, four times the Glorot standard deviation for width
# 64. The forward pass looks harmless, because tanh squashes every activation into $(-1, 1)$ and the
# loss stays at an ordinary value. Backwards, each layer multiplies the gradient by a factor
# larger than one, so the gradient *grows* as it travels towards the input. This is the "chaotic"
# regime of deep networks: nothing overflows in the forward pass, yet the early layers would take
# steps far too large for any learning rate that suits the top layers.

# %%
ratio_exploding = probe("tanh, N(0, 0.5^2)", "tanh", large_normal)
assert ratio_exploding > 1e2, f"first/last gradient ratio {ratio_exploding:.2e} is not exploding"

# %% [markdown] lang="zh"
# ## 解决办法：初始化与批量归一化 {#fixes}
#
# 下面三个网络深度不变，各自只改一处：
#
# - **ReLU 配 He 初始化。** ReLU 在激活区导数恰好为 1，其余为 0，不会像 sigmoid 那样把信号压小。
#   ReLU 会让大约一半的单元输出为零，He 初始化（$\operatorname{Var}(W) = 2 / \mathrm{fan}_\mathrm{in}$）把权重方差加倍来补偿。
# - **tanh 配 Glorot 初始化。** Glorot（$\operatorname{Var}(W) = 2 / (\mathrm{fan}_\mathrm{in} + \mathrm{fan}_\mathrm{out})$）本来就是为 tanh
#   这类激活函数设计的，它把每层的因子拉回到 1 附近。
# - **sigmoid 加批量归一化。** 就是刚才梯度消失的*那个* sigmoid 网络，只在每个激活函数前加了
#   `BatchNormalization`。BN 把每个预激活值在批次内规范成零均值、单位方差，
#   让 sigmoid 工作在斜率较大的区间；它的反向传播还要除以批次标准差，正好抵消了权重的尺度。
#
# 这里的“健康”是指第一层和最后一层的梯度相差不超过两个数量级。

# %% [markdown] lang="en"
# ## Fixes: initialization and batch normalization {#fixes}
#
# Three networks of the same depth, each with one change:
#
# - **ReLU with He initialization.** ReLU's derivative is exactly 1 where the unit is active and 0
#   elsewhere, so it does not shrink the signal the way the sigmoid does. ReLU zeroes about half
#   the units, and He initialization ($\operatorname{Var}(W) = 2 / \mathrm{fan}_\mathrm{in}$) doubles the weight variance to compensate.
# - **tanh with Glorot initialization.** Glorot ($\operatorname{Var}(W) = 2 / (\mathrm{fan}_\mathrm{in} + \mathrm{fan}_\mathrm{out})$) is designed for
#   tanh-like activations; it brings the per-layer factor back to about 1.
# - **Sigmoid with batch normalization.** The *same* sigmoid network that vanished, with
#   `BatchNormalization` before each activation. BN rescales every pre-activation to zero mean and
#   unit variance over the batch, so the sigmoid works in its steep region, and its backward pass
#   divides by the batch standard deviation, which cancels the scale of the weights.
#
# "Healthy" here means the first and the last layer get gradients within two orders of magnitude
# of each other.

# %%
ratio_relu_he = probe("ReLU, He", "relu", keras.initializers.HeNormal)
ratio_tanh_glorot = probe("tanh, Glorot", "tanh", keras.initializers.GlorotNormal)
ratio_sigmoid_bn = probe("sigmoid, Glorot + BN", "sigmoid", keras.initializers.GlorotUniform, batch_norm=True)

for name, ratio in [("ReLU, He", ratio_relu_he), ("tanh, Glorot", ratio_tanh_glorot),
                    ("sigmoid, Glorot + BN", ratio_sigmoid_bn)]:
    assert 1e-2 < ratio < 1e2, f"{name}: first/last gradient ratio {ratio:.2e} is not healthy"

# %% [markdown] lang="zh"
# ## 逐层全景图 {#plot}
#
# 纵轴是每层核矩阵的梯度范数（对数刻度），横轴从第一个隐藏层（1）到输出层（21）。
# 一条倾斜的直线，说明每层乘的是同一个几何因子：朝输入方向下降是消失，上升是爆炸。修好的网络大致是平的。

# %% [markdown] lang="en"
# ## The per-layer picture {#plot}
#
# Gradient norm of each layer's kernel, from the first hidden layer (1) to the output layer (21),
# on a log scale. A straight sloped line is the signature of a geometric factor per layer: falling
# towards the input means vanishing, rising means exploding. The fixed networks are roughly flat.

# %%
fig, ax = plt.subplots(figsize=(8, 3.5))
layers_axis = np.arange(1, DEPTH + 2)
for name, n in norms.items():
    ax.plot(layers_axis, n, marker="o", markersize=3, label=name)
ax.set_yscale("log")
ax.set_xlabel("layer (1 = first hidden, 21 = output)")
ax.set_ylabel("gradient norm of kernel")
ax.set_title("Per-layer gradient norms at initialization")
ax.legend(fontsize=7, ncol=2)
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 梯度裁剪 {#clipping}
#
# 梯度裁剪并不消除梯度爆炸的根源，它限制的是*步长*，免得一个坏批次就把权重甩到很远的地方。
# 循环网络、Transformer 和大模型预训练里都会用它（全局范数裁到 1.0 是很常见的设置）。
# Keras 的优化器提供三种方式：
#
# - `clipnorm=c`：每个变量的梯度各自缩放到范数 $\le c$；
# - `global_clipnorm=c`：所有梯度乘同一个系数，使它们合起来的范数 $\le c$，更新方向保持不变
#   （PyTorch 的 `clip_grad_norm_` 就是这种）；
# - `clipvalue=c`：每个元素截断到 $[-c, c]$，方向也会改变。
#
# 我们对梯度爆炸的网络求一次梯度，分别在不裁剪、`clipnorm=1`、`global_clipnorm=1` 三种情况下
# 走一步普通 SGD（学习率 0.01），测量权重的更新量。每走完一步都把权重恢复原样，保证三种情况从同一点出发。

# %% [markdown] lang="en"
# ## Gradient clipping {#clipping}
#
# Clipping does not remove the cause of exploding gradients; it caps the *step*, so that one bad
# batch cannot throw the weights far away. It is standard in recurrent networks and in
# Transformer and LLM pre-training (a global norm of 1.0 is a common setting). Keras optimizers
# offer three forms:
#
# - `clipnorm=c` rescales each variable's gradient separately to norm $\le c$;
# - `global_clipnorm=c` rescales *all* gradients by one common factor so that their joint norm is
#   $\le c$, which keeps the direction of the update (PyTorch's `clip_grad_norm_` does this);
# - `clipvalue=c` clips every element to $[-c, c]$, which changes the direction too.
#
# We take the gradient of the exploding network once, apply one plain SGD step (learning rate
# 0.01) without clipping, with `clipnorm=1` and with `global_clipnorm=1`, and measure the weight
# updates. After each step the weights are restored, so all three start from the same point.

# %%
LR, CLIP = 0.01, 1.0
model = models["tanh, N(0, 0.5^2)"]
variables = model.trainable_variables
with tf.GradientTape() as tape:
    loss = loss_fn(y_batch, model(x_batch, training=True))
grads = tape.gradient(loss, variables)
start_weights = [v.numpy() for v in variables]


def one_step_updates(optimizer):
    """Apply one optimizer step, return the per-variable updates, then restore the weights."""
    optimizer.apply_gradients(zip(grads, variables))
    updates = [v.numpy() - w for v, w in zip(variables, start_weights)]
    for v, w in zip(variables, start_weights):
        v.assign(w)
    return updates


def flat(updates):
    return np.concatenate([u.ravel() for u in updates])


plain = one_step_updates(keras.optimizers.SGD(learning_rate=LR))
per_var = one_step_updates(keras.optimizers.SGD(learning_rate=LR, clipnorm=CLIP))
global_ = one_step_updates(keras.optimizers.SGD(learning_rate=LR, global_clipnorm=CLIP))

first_kernel_change = np.linalg.norm(plain[0]) / np.linalg.norm(start_weights[0])
print(f"no clipping: largest per-variable update {max(np.linalg.norm(u) for u in plain):.3g}, "
      f"first kernel moves by {first_kernel_change:.0%} of its own norm")
max_per_var = max(np.linalg.norm(u) for u in per_var)
global_norm = np.linalg.norm(flat(global_))
print(f"clipnorm={CLIP}: largest per-variable update {max_per_var:.4f} (bound {LR * CLIP})")
print(f"global_clipnorm={CLIP}: norm of the whole update {global_norm:.4f} (bound {LR * CLIP})")


def cosine(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


cos_per_var = cosine(flat(per_var), flat(plain))
cos_global = cosine(flat(global_), flat(plain))
print(f"direction vs unclipped step: clipnorm cos={cos_per_var:.3f}, global_clipnorm cos={cos_global:.6f}")

assert max(np.linalg.norm(u) for u in plain) > 100 * LR * CLIP, "the unclipped step is not large"
assert max_per_var <= LR * CLIP * (1 + 1e-4), f"clipnorm update {max_per_var:.5f} exceeds the bound"
assert global_norm <= LR * CLIP * (1 + 1e-4), f"global_clipnorm update {global_norm:.5f} exceeds the bound"
assert cos_global > 0.9999, f"global clipping changed the direction (cos={cos_global:.6f})"
assert cos_per_var < cos_global, "per-variable clipping should change the direction more"

# %% [markdown] lang="zh"
# 不裁剪时，一步更新给第一层核矩阵带来的变化量就和它自身的范数相当，输出层却几乎不动：
# 梯度爆炸对训练的破坏就是这样来的。两种裁剪都把步长限制在“$\text{学习率} \times c$”以内。
# 全局裁剪只是把这一步缩短，方向不变；逐变量裁剪连方向也改了，因为它对底层那些大梯度的压缩
# 远远多于输出层附近的小梯度。

# %% [markdown] lang="en"
# Without clipping, one step moves the first kernel by an amount comparable to its own norm, while
# the output layer barely moves: that is what an exploding gradient does to training. Both clipping
# modes cap the step at $\text{learning rate} \times c$. Global clipping only shortens the step and keeps its
# direction; per-variable clipping also changes the direction, because it shrinks the large
# gradients of the early layers much more than the small ones near the output.

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 反向传播每层乘一个因子（权重乘以激活函数的导数），梯度随深度按几何级数变化：小于 1 就消失，
#   大于 1 就爆炸。用 `tf.GradientTape` 测出逐层梯度范数，别靠猜。
# - 先治本：ReLU 系激活配 He 初始化，tanh/线性配 Glorot；归一化层（BatchNorm，Transformer 里的
#   LayerNorm）；残差连接给梯度留了一条绕过每个模块的恒等通路。循环网络用 LSTM/GRU 的门控。
# - 批量归一化让前向和反向都不再受权重尺度的影响，刚才梯度消失的那个 20 层 sigmoid 网络就是靠它救回来的。
# - 梯度裁剪限制的是更新量，不解决梯度变大的原因。优先用 `global_clipnorm`（保持方向）而不是逐变量的
#   `clipnorm`；训练 RNN 和大模型时这是标配。
# - Adam 这类自适应优化器按每个参数的梯度历史调整步长，能掩盖一部分尺度问题，
#   但 $10^{-12}$ 量级的梯度已经低于 Adam 的 $\varepsilon$，照样学不动。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Backpropagation multiplies one factor per layer (weights times activation derivative), so
#   gradients change geometrically with depth: below 1 they vanish, above 1 they explode. Measure
#   per-layer gradient norms with `tf.GradientTape` instead of guessing.
# - Fix the cause first: ReLU-family activations with He initialization, tanh/linear with Glorot,
#   normalization layers (BatchNorm, LayerNorm in Transformers), and residual connections, which
#   give the gradient an identity path around each block. For RNNs, LSTM/GRU gating.
# - Batch normalization makes the forward and backward pass insensitive to the scale of the
#   weights; it rescued the same 20-layer sigmoid network that vanished.
# - Gradient clipping bounds the update, not the gradient's cause. Prefer `global_clipnorm`
#   (direction preserved) over per-variable `clipnorm`; it is standard for RNNs and LLM training.
# - Adaptive optimizers such as Adam rescale each parameter's step by its gradient history, which
#   hides some of the scale problem, but not a gradient of $10^{-12}$, which falls below Adam's $\varepsilon$.
