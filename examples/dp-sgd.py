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
# # 差分隐私训练：把 DP-SGD 一步步写出来 {#dp-sgd}
#
# **简介：** 在手写数字上从零实现 DP-SGD：逐样本梯度、把每个梯度裁剪到范数 $C$、加高斯噪声，用 `dp-accounting` 的 RDP 会计算出隐私预算 $\varepsilon$，再画出准确率随 $\varepsilon$ 的变化，并与不加隐私的同一个模型对比。
# **最后修改：** 2026-11-30
# **对应题目：** [训练和部署大模型时如何保护数据隐私的回答](../../interview/privacy-security/#q-data-privacy)，以及[(ε, δ)-差分隐私究竟保证什么、会计如何累加训练步数的回答](../../interview/privacy-security/#q-dp-guarantee)。
#
# 差分隐私约束的是训练算法，而不是数据。一个随机化的训练算法 $M$ 满足 $(\varepsilon, \delta)$-差分隐私，是指对任意两个只差一个样本的数据集 $D$ 和 $D'$、对输出的任意集合 $S$，都有
#
# $$
# \Pr[M(D) \in S] \le e^{\varepsilon} \Pr[M(D') \in S] + \delta .
# $$
#
# 换句话说，不管攻击者拿训练好的模型做什么，你的那条记录在不在训练集里，结果出现的概率最多相差 $e^{\varepsilon}$ 倍，外加一个很小的失败概率 $\delta$。
# 对成员推断而言，这句话有一个很具体的读法：任何判断“这条样本在不在训练集里”的检验，真正例率都不超过 $e^{\varepsilon}$ 乘以假正例率再加 $\delta$。
# $\varepsilon$ 越小保护越强；$\delta$ 必须远小于 $1/n$（$n$ 是训练样本数），否则“随机公开一条完整记录”这样的算法也能达标。
#
# DP-SGD（[Abadi 等，2016](https://arxiv.org/abs/1607.00133)）在每一步做三件事，这个笔记本逐一写出来并检验：
# 每个样本的梯度单独算出来并裁剪到 $L_2$ 范数不超过 $C$，求和后加上 $\mathcal{N}(0, \sigma^2 C^2 I)$ 的噪声，再除以期望批量大小 $L$：
#
# $$
# \tilde{g} = \frac{1}{L}\Big(\sum_{i \in B} \operatorname{clip}_C(g_i) + \mathcal{N}(0, \sigma^2 C^2 I)\Big), \qquad \operatorname{clip}_C(g) = g \cdot \min\Big(1, \frac{C}{\lVert g \rVert_2}\Big).
# $$
#
# 裁剪让增删一个样本对梯度之和的影响（敏感度）不超过 $C$；标准差为 $\sigma C$ 的噪声把这个影响淹没；
# 批量由泊松采样得到（每个样本以概率 $q = L/n$ 独立入选），这会放大隐私保护；最后由会计（accountant）把 $T$ 步的隐私损失合成为一个 $\varepsilon$。

# %% [markdown] lang="en"
# # Differentially private training: DP-SGD written out {#dp-sgd}
#
# **Description:** Implement DP-SGD from scratch on handwritten digits: per-example gradients, each clipped to norm $C$, Gaussian noise, the privacy budget $\varepsilon$ from `dp-accounting`'s RDP accountant, and accuracy plotted against $\varepsilon$ next to the same model trained without privacy.
# **Last modified:** 2026-11-30
# **Supports:** [the answer on protecting data privacy when training and serving large models](../../interview/privacy-security/#q-data-privacy) and [the answer on what (ε, δ)-differential privacy guarantees and how the accountant adds up the steps](../../interview/privacy-security/#q-dp-guarantee).
#
# Differential privacy constrains the training algorithm, not the data. A randomized training
# algorithm $M$ is $(\varepsilon, \delta)$-differentially private if, for any two data sets $D$ and
# $D'$ that differ in one example and any set $S$ of outcomes,
#
# $$
# \Pr[M(D) \in S] \le e^{\varepsilon} \Pr[M(D') \in S] + \delta .
# $$
#
# In words: whatever an attacker does with the trained model, the probability of any result changes
# by at most a factor $e^{\varepsilon}$, plus a small failure probability $\delta$, whether or not
# your record was in the training set. For membership inference this reads very concretely: any test
# that decides "this example was in the training set" has a true positive rate of at most
# $e^{\varepsilon}$ times its false positive rate, plus $\delta$. A smaller $\varepsilon$ protects
# more; $\delta$ must be far below $1/n$ (with $n$ training examples), or an algorithm that publishes
# one random record in full would qualify.
#
# DP-SGD ([Abadi et al., 2016](https://arxiv.org/abs/1607.00133)) does three things at every step,
# and this notebook writes out and checks each of them: it computes every example's gradient
# separately and clips it to $L_2$ norm at most $C$, adds noise drawn from
# $\mathcal{N}(0, \sigma^2 C^2 I)$ to the sum, and divides by the expected batch size $L$:
#
# $$
# \tilde{g} = \frac{1}{L}\Big(\sum_{i \in B} \operatorname{clip}_C(g_i) + \mathcal{N}(0, \sigma^2 C^2 I)\Big), \qquad \operatorname{clip}_C(g) = g \cdot \min\Big(1, \frac{C}{\lVert g \rVert_2}\Big).
# $$
#
# Clipping bounds how much adding or removing one example can change the sum (its sensitivity) by
# $C$; noise with standard deviation $\sigma C$ drowns that change; batches are drawn by Poisson
# sampling (each example joins independently with probability $q = L/n$), which amplifies privacy;
# and an accountant composes the privacy loss of all $T$ steps into one $\varepsilon$.

# %% [markdown] lang="zh"
# ## 数据和模型 {#data}
#
# 数据是 scikit-learn 自带的 1797 张 8x8 手写数字，四分之三用于训练（$n = 1347$），四分之一用于测试。
# 像素除以 16 缩放到 $[0, 1]$，再补一个常数 1，让偏置成为权重矩阵的最后一行。这里特意没有用标准化：
# 标准化的均值和标准差是从训练数据算出来的，它们本身也会泄露信息，却不在隐私预算之内；除以已知的像素上限 16 则与数据无关。
#
# 模型是 softmax 回归（多分类逻辑回归），权重 $W$ 的形状是 $65 \times 10$，共 650 个参数。模型小，逐样本梯度有闭式解，
# 整个训练用 NumPy 几毫秒一步，于是可以把每个噪声水平重复训练几次再取平均。

# %% [markdown] lang="en"
# ## The data and the model {#data}
#
# The data are scikit-learn's 1,797 real 8x8 handwritten digits: three quarters for training
# ($n = 1347$), one quarter for testing. Pixels are divided by 16 to land in $[0, 1]$, and a constant
# 1 is appended so the bias is the last row of the weight matrix. Standardization is left out on
# purpose: its mean and standard deviation are computed from the training data, so they leak
# information too, outside the privacy budget; dividing by the known pixel maximum of 16 does not
# depend on the data.
#
# The model is softmax regression (multinomial logistic regression) with a $65 \times 10$ weight
# matrix $W$: 650 parameters. It is small, its per-example gradients have a closed form, and a
# training step in NumPy takes milliseconds, so every noise level can be trained a few times and
# averaged.

# %%
SEED = 42

import dp_accounting
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from dp_accounting import pld
from dp_accounting.rdp import rdp_privacy_accountant as rdp_accountant
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)

x, y = load_digits(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.25, random_state=SEED, stratify=y)


def features(images):
    """Pixels 0..16 -> 0..1, plus a constant 1 for the bias; uses no statistics of the data."""
    return np.hstack([images / 16.0, np.ones((len(images), 1))])


x_train, x_test = features(x_train), features(x_test)
y_onehot = np.eye(10)[y_train]
n, d = x_train.shape
print(f"train: {n} examples, test: {len(x_test)}, weights: {d} x 10 = {d * 10} parameters")

# %% [markdown] lang="zh"
# ## 逐样本梯度 {#per-example-gradients}
#
# 样本 $i$ 的交叉熵损失对 $W$ 的梯度是一个外积：
#
# $$
# \nabla_W \ell_i = x_i \, (p_i - y_i)^\top, \qquad p_i = \operatorname{softmax}(W^\top x_i),
# $$
#
# 其中 $y_i$ 是独热编码的标签，所以它的 Frobenius 范数是 $\lVert x_i \rVert_2 \, \lVert p_i - y_i \rVert_2$。
# 深度学习框架的一次反向传播只给出整个批量的梯度之和；DP-SGD 需要在求和之前逐个裁剪，所以必须拿到每个样本各自的梯度。
# 对一般的网络，这要用向量化的雅可比矩阵（TensorFlow 的 `GradientTape.jacobian`，背后是 `pfor`），或者像 Opacus 那样在每个全连接层里用激活和反传梯度拼出外积；
# 这也是 DP-SGD 比普通训练更费显存、更慢的主要原因。
#
# 下面用 NumPy 按公式算出 32 个样本的梯度，再用 Keras 的 `Dense` 层加 `tf.GradientTape.jacobian` 对同样的权重自动求导，两者逐元素比较。

# %% [markdown] lang="en"
# ## Per-example gradients {#per-example-gradients}
#
# The gradient of example $i$'s cross-entropy with respect to $W$ is an outer product,
#
# $$
# \nabla_W \ell_i = x_i \, (p_i - y_i)^\top, \qquad p_i = \operatorname{softmax}(W^\top x_i),
# $$
#
# with $y_i$ the one-hot label, so its Frobenius norm is
# $\lVert x_i \rVert_2 \, \lVert p_i - y_i \rVert_2$. One backward pass in a deep learning framework
# gives only the sum of the gradients over the batch; DP-SGD must clip each one before summing, so it
# needs every example's own gradient. For a general network that takes a vectorized Jacobian
# (TensorFlow's `GradientTape.jacobian`, built on `pfor`), or, as Opacus does, the outer product of
# each dense layer's activations and backpropagated gradients; this is the main reason DP-SGD needs
# more memory and time than ordinary training.
#
# Below, NumPy computes the gradients of 32 examples by the formula, and a Keras `Dense` layer with
# `tf.GradientTape.jacobian` differentiates the same weights automatically; the two are compared
# element by element.

# %%
def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def per_example_gradients(w, xb, yb_onehot):
    """Each example's cross-entropy gradient with respect to W: x_i (p_i - y_i)^T, shape (b, d, 10)."""
    err = softmax(xb @ w) - yb_onehot
    return np.einsum("bi,bk->bik", xb, err)


# The same model as a Keras layer; the Jacobian of the per-example losses gives one gradient per example.
w_probe = rng.normal(scale=0.5, size=(d, 10))
dense = keras.layers.Dense(10, use_bias=False)
dense.build((None, d))
dense.kernel.assign(w_probe.astype("float32"))
xb = x_train[:32]
with tf.GradientTape() as tape:
    losses = keras.losses.sparse_categorical_crossentropy(y_train[:32], dense(xb.astype("float32")), from_logits=True)
autodiff = tape.jacobian(losses, dense.kernel).numpy()  # (32, d, 10)
formula = per_example_gradients(w_probe, xb, y_onehot[:32])

gap = float(np.max(np.abs(autodiff - formula)))
scale = float(np.max(np.abs(formula)))
print(f"largest gradient entry: {scale:.3f}")
print(f"check: per-example gradients, formula vs autodiff, max abs difference: {gap:.4g} (needs < 1e-4)")
assert gap < 1e-4, "the per-example gradient formula disagrees with autodiff"

norms = np.linalg.norm(formula.reshape(32, -1), axis=1)
by_formula = np.linalg.norm(xb, axis=1) * np.linalg.norm(softmax(xb @ w_probe) - y_onehot[:32], axis=1)
norm_gap = float(np.max(np.abs(norms - by_formula)))
print(f"check: gradient norm vs |x| |p - y|, max abs difference: {norm_gap:.4g} (needs < 1e-9)")
assert norm_gap < 1e-9

# %% [markdown] lang="zh"
# ## DP-SGD 的训练循环 {#dp-sgd-step}
#
# 每一步：泊松采样出一个批量（平均 $L = 256$ 个样本，$q = L/n \approx 0.19$），算出逐样本梯度，把每个裁剪到 $C = 1$，
# 求和，加上标准差为 $\sigma C$ 的高斯噪声，除以期望批量大小 $L$，再做一步 SGD。有两个细节容易写错：
#
# - 除以的是期望批量大小 $L$，而不是这一步实际抽到的样本数。实际样本数本身取决于数据，用它做分母会泄露信息，会计的分析也不再适用。
# - 噪声加在裁剪后的*和*上，每一步只加一次，不是每个样本各加一份。
#
# 不加隐私的参照模型用同一个函数、同样的采样、学习率和步数，只是不裁剪、不加噪声，所以两者的差别完全来自隐私机制。
# 函数还记下训练中所有裁剪后梯度的最大范数（直接从裁剪后的梯度张量算，不是由公式推出），以及被裁剪的样本所占的比例。

# %% [markdown] lang="en"
# ## The DP-SGD training loop {#dp-sgd-step}
#
# Each step draws a batch by Poisson sampling ($L = 256$ examples on average, $q = L/n \approx 0.19$),
# computes the per-example gradients, clips each to $C = 1$, sums them, adds Gaussian noise with
# standard deviation $\sigma C$, divides by the expected batch size $L$ and takes an SGD step. Two
# details are easy to get wrong:
#
# - The divisor is the expected batch size $L$, not the number of examples this step happened to
#   draw. That number depends on the data, so dividing by it leaks information and the accountant's
#   analysis no longer applies.
# - The noise is added to the clipped *sum*, once per step, not to each example.
#
# The non-private reference uses the same function with the same sampling, learning rate and number
# of steps, without clipping or noise, so any difference comes from the privacy mechanism. The
# function also records the largest norm of any clipped gradient during training (measured on the
# clipped gradient tensors themselves, not derived from the formula) and the share of examples
# that were clipped.

# %%
C = 1.0  # clipping norm
BATCH = 256  # expected batch size L
EPOCHS = 15
LEARNING_RATE = 8.0
DELTA = 1e-5
q = BATCH / n  # sampling probability
STEPS = round(EPOCHS / q)
print(f"q = {q:.3f}, {STEPS} steps, delta = {DELTA:g} (1/n = {1 / n:.1e})")


def train(noise_multiplier, private=True):
    """Softmax regression by SGD with Poisson sampling; DP-SGD when private. Returns accuracy and clipping stats."""
    w = np.zeros((d, 10))
    largest, clipped, seen = 0.0, 0, 0
    for _ in range(STEPS):
        batch = np.flatnonzero(rng.random(n) < q)  # each example joins with probability q
        g = per_example_gradients(w, x_train[batch], y_onehot[batch])
        if private:
            norms = np.linalg.norm(g.reshape(len(batch), -1), axis=1)
            g = g * np.minimum(1.0, C / np.maximum(norms, 1e-12))[:, None, None]  # clip each to norm C
            after = np.linalg.norm(g.reshape(len(batch), -1), axis=1)
            largest = max(largest, float(after.max(initial=0.0)))
            clipped += int(np.sum(norms > C))
            seen += len(batch)
            total = g.sum(axis=0) + rng.normal(scale=noise_multiplier * C, size=(d, 10))  # one noise draw per step
        else:
            total = g.sum(axis=0)
        w -= LEARNING_RATE * total / BATCH  # expected batch size, not len(batch)
    accuracy = float(np.mean(np.argmax(x_test @ w, axis=1) == y_test))
    return accuracy, largest, clipped / max(seen, 1)


# %% [markdown] lang="zh"
# ## 隐私会计：从 σ 到 ε {#accounting}
#
# 一步 DP-SGD 是对梯度之和施加的高斯机制：敏感度 $C$，噪声标准差 $\sigma C$，所以只有噪声乘数 $\sigma$ 决定这一步的隐私。
# 整个训练是这样的一步在泊松采样下重复 $T$ 次。`dp-accounting` 把它描述成事件
# `SelfComposedDpEvent(PoissonSampledDpEvent(q, GaussianDpEvent(sigma)), T)`，
# RDP（Rényi 差分隐私）会计对每个阶数 $\alpha$ 累加各步的 Rényi 散度上界，再换算成给定 $\delta$ 下的 $\varepsilon$。
# 这里只用整数阶，整数阶的计算有闭式解；默认阶数表里接近 1 的小数阶在噪声较小时可能不收敛，库会打印警告并丢弃它们。
# RDP 的合成是可加的：$T$ 步在每个阶数上的 RDP 恰好是一步的 $T$ 倍，所以画 $\varepsilon$ 随轮次变化的曲线时，只要把同一个 RDP 向量按步数放大，再换算成 $\varepsilon$。
#
# 下面的检验：
#
# - 噪声乘数越大，$\varepsilon$ 越小，五个 $\sigma$ 上严格递减；
# - 另一种会计，PLD（隐私损失分布）会计，对同一事件给出更紧的 $\varepsilon$：两者都是上界，PLD 的不大于 RDP 的，而且相差不到 30%；
# - 隐私损失随训练轮次增长，但远慢于线性：训练 15 轮的 $\varepsilon$ 不到训练 1 轮的 15 倍的一半。把每一轮的 $\varepsilon$ 直接相加（基本合成定理）会严重高估。

# %% [markdown] lang="en"
# ## Privacy accounting: from σ to ε {#accounting}
#
# One DP-SGD step is a Gaussian mechanism on the gradient sum: sensitivity $C$, noise standard
# deviation $\sigma C$, so the noise multiplier $\sigma$ alone sets the privacy of a step. Training
# repeats that step $T$ times under Poisson sampling. `dp-accounting` describes this as the event
# `SelfComposedDpEvent(PoissonSampledDpEvent(q, GaussianDpEvent(sigma)), T)`; the RDP (Rényi
# differential privacy) accountant adds up a bound on the Rényi divergence of every step for each
# order $\alpha$, then converts the total into $\varepsilon$ at the given $\delta$. We use integer
# orders only, which have a closed form; the fractional orders close to 1 in the default list may
# fail to converge at small noise, and the library then logs a warning and drops them.
# RDP composes additively: $T$ steps have exactly $T$ times the RDP of one step at every order, so
# the curve of $\varepsilon$ against epochs only scales one RDP vector by the number of steps and
# converts it to $\varepsilon$.
#
# The checks below:
#
# - more noise means a smaller $\varepsilon$: strictly decreasing over the five values of $\sigma$;
# - a second accountant, the PLD (privacy loss distribution) accountant, gives a tighter
#   $\varepsilon$ for the same event: both are upper bounds, PLD's is no larger than RDP's, and they
#   differ by less than 30%;
# - the privacy loss grows with the number of epochs, but far slower than linearly: $\varepsilon$
#   after 15 epochs is less than half of 15 times $\varepsilon$ after one epoch. Adding up the
#   $\varepsilon$ of every epoch (basic composition) would badly overstate it.

# %%
ORDERS = list(range(2, 65)) + [128, 256]  # integer Renyi orders
SIGMAS = [0.8, 1.2, 2.0, 4.0, 8.0]


def dp_sgd_event(noise_multiplier, steps):
    """`steps` Gaussian steps with noise multiplier sigma on Poisson-sampled batches."""
    return dp_accounting.SelfComposedDpEvent(
        dp_accounting.PoissonSampledDpEvent(q, dp_accounting.GaussianDpEvent(noise_multiplier)), steps
    )


rdp_ledgers, eps_pld = [], []
for s in SIGMAS:
    ledger = dp_accounting.rdp.RdpAccountant(orders=ORDERS)
    ledger.compose(dp_sgd_event(s, STEPS))
    rdp_ledgers.append(ledger)
    tighter = pld.PLDAccountant(value_discretization_interval=1e-3)
    tighter.compose(dp_sgd_event(s, STEPS))
    eps_pld.append(tighter.get_epsilon(DELTA))
eps_rdp = np.array([ledger.get_epsilon(DELTA) for ledger in rdp_ledgers])
eps_pld = np.array(eps_pld)
for s, e_rdp, e_pld in zip(SIGMAS, eps_rdp, eps_pld):
    print(f"sigma {s:4.1f}: epsilon {e_rdp:6.2f} (RDP), {e_pld:6.2f} (PLD)")

worst_ratio = float(np.max(eps_rdp[1:] / eps_rdp[:-1]))
print(f"check: largest epsilon ratio between neighboring sigmas: {worst_ratio:.4g} (needs < 1)")
assert worst_ratio < 1, "epsilon must fall as the noise multiplier grows"
pld_ratio = eps_pld / eps_rdp
print(f"check: PLD / RDP epsilon, range: {pld_ratio.min():.4g} to {pld_ratio.max():.4g} (needs within 0.7 to 1)")
assert np.all(pld_ratio <= 1) and np.all(pld_ratio > 0.7)

# RDP adds up over steps: t steps have t times the per-step RDP at every order.
epochs_axis = np.arange(1, EPOCHS + 1)
eps_by_epoch = {
    s: [rdp_accountant.compute_epsilon(ORDERS, ledger.rdp / STEPS * round(e / q), DELTA)[0] for e in epochs_axis]
    for s, ledger in zip(SIGMAS, rdp_ledgers)
}
growth = max(eps_by_epoch[s][-1] / eps_by_epoch[s][0] for s in SIGMAS)
print(f"check: epsilon after {EPOCHS} epochs / after 1 epoch, largest over sigmas: {growth:.4g} (needs < {EPOCHS / 2:g})")
assert growth < EPOCHS / 2, "composition should grow far slower than linearly"

# %% [markdown] lang="zh"
# ## 准确率和隐私的权衡 {#privacy-utility}
#
# 每个噪声乘数训练 3 次取平均准确率（训练中的采样和噪声都是随机的），不加隐私的参照模型也训练 3 次。
# 断言两条：隐私预算最宽松时（$\sigma = 0.8$），私有模型的准确率与参照模型相差不到 4 个百分点；
# 预算最紧时（$\sigma = 8$），准确率至少低 6 个百分点。另外检查裁剪确实生效：所有裁剪后的梯度范数都不超过 $C$，
# 而且被裁剪的样本比例明显大于零（否则“范数不超过 $C$”这条检验没有意义）。
#
# 左图是 $\varepsilon$ 随训练轮次的增长，右图是准确率随 $\varepsilon$ 的变化，虚线是不加隐私的参照模型。

# %% [markdown] lang="en"
# ## Accuracy against privacy {#privacy-utility}
#
# Each noise multiplier is trained 3 times and the accuracies averaged (sampling and noise are
# random), and so is the non-private reference. Two assertions: at the loosest budget
# ($\sigma = 0.8$) the private model is within 4 percentage points of the reference; at the tightest
# ($\sigma = 8$) it is at least 6 points below it. We also check that clipping did its job: every
# clipped gradient has norm at most $C$, and a clearly nonzero share of examples was clipped
# (otherwise the norm check would prove nothing).
#
# The left panel shows $\varepsilon$ growing with the epochs; the right one shows accuracy against
# $\varepsilon$, with the non-private reference dashed.

# %%
REPEATS = 3
reference = float(np.mean([train(0.0, private=False)[0] for _ in range(REPEATS)]))
runs = {s: [train(s) for _ in range(REPEATS)] for s in SIGMAS}
accuracy = np.array([np.mean([r[0] for r in runs[s]]) for s in SIGMAS])
largest_norm = max(r[1] for s in SIGMAS for r in runs[s])
share_clipped = float(np.mean([r[2] for s in SIGMAS for r in runs[s]]))

print(f"non-private reference: accuracy {reference:.3f}")
for s, e, a in zip(SIGMAS, eps_rdp, accuracy):
    print(f"sigma {s:4.1f}  epsilon {e:6.2f}  accuracy {a:.3f}")

fig, (ax_eps, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.5))
for s in SIGMAS:
    ax_eps.plot(epochs_axis, eps_by_epoch[s], marker=".", label=f"sigma = {s:g}")
ax_eps.set_yscale("log")
ax_eps.set_xlabel("epochs")
ax_eps.set_ylabel(f"epsilon at delta = {DELTA:g}")
ax_eps.set_title("Privacy loss grows with training")
ax_eps.legend(fontsize=8)
ax_acc.plot(eps_rdp, accuracy, marker="o", label="DP-SGD")
for s, e, a in zip(SIGMAS, eps_rdp, accuracy):
    ax_acc.annotate(f"sigma {s:g}", (e, a), textcoords="offset points", xytext=(4, -10), fontsize=8)
ax_acc.axhline(reference, color="gray", linestyle="--", label="non-private")
ax_acc.set_xscale("log")
ax_acc.margins(x=0.2)
ax_acc.set_xlabel(f"epsilon at delta = {DELTA:g}")
ax_acc.set_ylabel("test accuracy")
ax_acc.set_title("Accuracy against privacy")
ax_acc.legend()
fig.tight_layout()
plt.show()

print(f"check: largest clipped per-example norm: {largest_norm:.6g} (needs <= C = {C:g})")
assert largest_norm <= C * (1 + 1e-9), "a clipped gradient exceeds the clipping norm"
print(f"check: share of per-example gradients clipped: {share_clipped:.4g} (needs > 0.1)")
assert share_clipped > 0.1, "clipping never acted, so the norm check proves nothing"
loosest_gap = reference - accuracy[0]
tightest_gap = reference - accuracy[-1]
print(f"check: accuracy lost at the largest epsilon ({eps_rdp[0]:.3g}): {loosest_gap:.4g} (needs < 0.04)")
assert loosest_gap < 0.04
print(f"check: accuracy lost at the smallest epsilon ({eps_rdp[-1]:.3g}): {tightest_gap:.4g} (needs > 0.06)")
assert tightest_gap > 0.06

# %% [markdown] lang="zh"
# ## 实践中的 ε 和 δ {#in-practice}
#
# - 截至 2026 年 11 月，$\varepsilon$ 没有法定或行业统一的标准值。通常认为 $\varepsilon \le 1$ 是强保护；
#   深度模型的差分隐私训练大多报告 1 到 10 之间的 $\varepsilon$；$\delta$ 取远小于 $1/n$ 的值，比如这里 $n = 1347$ 时取 $10^{-5}$。
# - 几个公开的数字：DP-SGD 的原论文在 MNIST 上报告 $\varepsilon = 2$ 时 95%、$\varepsilon = 8$ 时 97% 的准确率；
#   Google 在 2025 年发布的 VaultGemma 是一个从头用差分隐私训练的 10 亿参数语言模型，
#   保证是序列级（每条 1024 个 token 的序列）的 $\varepsilon \le 2.0$、$\delta \le 1.1 \times 10^{-10}$。
# - $\varepsilon$ 只在说清楚“保护的单位”时才有意义：样本级、序列级还是用户级。同一个用户贡献了很多条样本时，样本级的 $\varepsilon$ 对这个用户的保护要弱得多。
# - 本例的数据只有 1347 条。差分隐私在大数据上便宜得多：$q = L/n$ 越小，同样的噪声乘数换来的 $\varepsilon$ 越小，
#   而噪声在平均梯度里的标准差 $\sigma C / L$ 与数据量无关，所以大数据集可以用大批量把噪声摊薄。

# %% [markdown] lang="en"
# ## ε and δ in practice {#in-practice}
#
# - As of November 2026 there is no legal or industry-wide standard value for $\varepsilon$.
#   $\varepsilon \le 1$ is generally regarded as strong protection; differentially private training
#   of deep models mostly reports $\varepsilon$ between 1 and 10; $\delta$ is set far below $1/n$,
#   such as $10^{-5}$ here with $n = 1347$.
# - Some published numbers: the original DP-SGD paper reports 95% MNIST accuracy at
#   $\varepsilon = 2$ and 97% at $\varepsilon = 8$; Google's VaultGemma, released in 2025, is a
#   1-billion-parameter language model trained with differential privacy from scratch, with a
#   sequence-level guarantee (sequences of 1,024 tokens) of $\varepsilon \le 2.0$ and
#   $\delta \le 1.1 \times 10^{-10}$.
# - An $\varepsilon$ means something only with its unit of privacy: example, sequence or user. When
#   one user contributes many examples, an example-level $\varepsilon$ protects that user much less.
# - This example has only 1,347 training examples. Differential privacy is much cheaper on large data:
#   a smaller $q = L/n$ buys a smaller $\varepsilon$ for the same noise multiplier, while the noise in
#   the averaged gradient has standard deviation $\sigma C / L$ whatever the data size, so a large
#   data set can use large batches to dilute it.

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - DP-SGD = 逐样本梯度 + 裁剪到 $C$（限制敏感度）+ 在梯度之和上加 $\mathcal{N}(0, \sigma^2 C^2 I)$ + 泊松采样 + 隐私会计。
#   少了任何一步，$(\varepsilon, \delta)$ 的保证都不成立。
# - 每一步的隐私只由噪声乘数 $\sigma$ 决定；总的 $\varepsilon$ 还取决于采样率 $q$、步数 $T$ 和 $\delta$，要用 RDP 或 PLD 会计来算，不能把每步的 $\varepsilon$ 直接相加。
# - 分母用期望批量大小，噪声每步只加一次；预处理用到的统计量也算在隐私预算之内（或者像这里一样不用数据的统计量）。
# - 隐私是有代价的：在这个小数据集上，预算最紧时准确率比不加隐私的模型至少低 6 个百分点。面试时要能说清这个权衡，以及数据越多代价越小。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - DP-SGD = per-example gradients + clipping to $C$ (bounded sensitivity) + noise
#   $\mathcal{N}(0, \sigma^2 C^2 I)$ on the gradient sum + Poisson sampling + a privacy accountant.
#   Drop any one of them and the $(\varepsilon, \delta)$ guarantee no longer holds.
# - The noise multiplier $\sigma$ alone sets the privacy of a step; the total $\varepsilon$ also
#   depends on the sampling rate $q$, the number of steps $T$ and $\delta$, and comes from an RDP or
#   PLD accountant, never from adding up per-step values.
# - Divide by the expected batch size and add the noise once per step; statistics used in
#   preprocessing count against the privacy budget too (or, as here, use none from the data).
# - Privacy costs accuracy: on this small data set, the tightest budget costs at least 6 percentage
#   points against the non-private model. Be ready to explain that trade-off in an interview, and
#   why it shrinks as the data grow.
