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
# # 对抗样本：FGSM、PGD 与对抗训练 {#adversarial-examples}
#
# **简介：** 用 FGSM 和 PGD 攻击一个手写数字卷积网络，测出准确率随扰动预算 $\epsilon$ 的变化，再用对抗训练换来对抗鲁棒性，并量出它在干净数据上的代价。
# **最后修改：** 2026-11-30
# **对应题目：** [AI 模型与数据安全的回答](../../interview/privacy-security/#q-model-security)，以及[如何设计鲁棒模型的回答](../../interview/regularization/#q-robust-model)。
#
# 对抗样本是离原输入 $x$ 很近、却被模型判错的输入 $x'$。“近”要先定义清楚，最常用的是 $L_\infty$ 预算：
# 每个像素最多改动 $\epsilon$，即 $\lVert x' - x \rVert_\infty \le \epsilon$。攻击者知道模型的全部权重（白盒），
# 可以对输入求梯度。面试里常见的说法是“加一点人眼看不出的噪声，模型就认错”；这个笔记本把这句话变成可以复现的数字：
# 一个在干净测试集上准确率超过 93% 的卷积网络，在多大的 $\epsilon$ 下会崩溃，两种攻击谁更强，
# 对抗训练能挽回多少，又要付出什么代价。

# %% [markdown] lang="en"
# # Adversarial examples: FGSM, PGD and adversarial training {#adversarial-examples}
#
# **Description:** Attack a small digits CNN with FGSM and PGD, measure its accuracy as the perturbation budget $\epsilon$ grows, then buy adversarial robustness with adversarial training and measure what it costs on clean data.
# **Last modified:** 2026-11-30
# **Supports:** [the answer on securing a model and its data](../../interview/privacy-security/#q-model-security) and [the answer on designing a robust model](../../interview/regularization/#q-robust-model).
#
# An adversarial example is an input $x'$ close to an input $x$ that the model gets wrong. "Close"
# needs a definition; the most common one is an $L_\infty$ budget: every pixel may move by at most
# $\epsilon$, that is $\lVert x' - x \rVert_\infty \le \epsilon$. The attacker knows all the weights
# (white box) and can take gradients with respect to the input. Interview answers usually say "a
# little invisible noise fools the model"; this notebook turns that sentence into numbers you can
# reproduce: at what $\epsilon$ a CNN that is more than 93% accurate on clean test digits breaks
# down, which of two attacks is stronger, how much adversarial training wins back, and at what price.

# %% [markdown] lang="zh"
# ## 数据和模型 {#model}
#
# 数据是 scikit-learn 自带的 1797 张 8x8 手写数字，像素缩放到 $[0, 1]$，这样 $\epsilon$ 就是像素取值范围的一个比例，
# 并且对抗样本必须留在 $[0, 1]$ 之内，才仍是一张合法的图像。模型是一个小卷积网络，输出 logits（不接 softmax）：
# 攻击要对损失求梯度，`from_logits=True` 的交叉熵在数值上更稳定。所有随机性都来自第一行的 `SEED`。

# %% [markdown] lang="en"
# ## The data and the model {#model}
#
# The data are scikit-learn's 1,797 real 8x8 handwritten digits with pixels scaled to $[0, 1]$, so
# $\epsilon$ is a fraction of the pixel range, and an adversarial example must stay inside $[0, 1]$
# to remain a valid image. The model is a small CNN that outputs logits (no softmax): the attacks
# differentiate the loss, and cross-entropy with `from_logits=True` is numerically stable. All
# randomness derives from the `SEED` on the first line.

# %%
SEED = 42

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)

digits = load_digits()
x_all = (digits.images / 16.0).astype("float32")[..., None]  # 0..16 -> 0..1
y_all = digits.target.astype("int32")
x_train, x_test, y_train, y_test = train_test_split(
    x_all, y_all, test_size=0.25, random_state=SEED, stratify=y_all
)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def make_cnn():
    inputs = keras.Input(shape=(8, 8, 1))
    h = keras.layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    h = keras.layers.MaxPooling2D()(h)
    h = keras.layers.Conv2D(32, 3, padding="same", activation="relu")(h)
    h = keras.layers.Flatten()(h)
    h = keras.layers.Dense(64, activation="relu")(h)
    return keras.Model(inputs, keras.layers.Dense(10)(h))  # logits


def accuracy(model, x, y):
    return float(np.mean(np.argmax(model(x, training=False), axis=1) == y))


EPOCHS = 12
plain = make_cnn()
plain.compile(optimizer=keras.optimizers.Adam(2e-3), loss=loss_fn)
plain.fit(x_train, y_train, epochs=EPOCHS, batch_size=64, verbose=0)
clean_plain = accuracy(plain, x_test, y_test)
print(f"train {x_train.shape[0]} / test {x_test.shape[0]} digits, {plain.count_params():,} parameters")
print(f"check: clean test accuracy: {clean_plain:.4g} (needs > 0.93)")
assert clean_plain > 0.93, "the CNN should be a good classifier before we attack it"

# %% [markdown] lang="zh"
# ## FGSM：一步攻击 {#fgsm}
#
# 快速梯度符号法（FGSM，[Goodfellow 等，2015](https://arxiv.org/abs/1412.6572)）把损失在 $x$ 处线性展开：
#
# $$
# L(x + \delta) \approx L(x) + \delta^\top \nabla_x L(x)
# $$
#
# 在 $\lVert \delta \rVert_\infty \le \epsilon$ 的约束下，使右边最大的 $\delta$ 就是每个分量取到边界、符号与梯度相同，
# 即 $\delta = \epsilon\,\operatorname{sign}(\nabla_x L)$，损失增加约 $\epsilon \lVert \nabla_x L \rVert_1$。
# 这一项随输入维度增长：每个像素只动一点点，几千个像素加起来就是一大步，这正是高维图像容易被攻击的原因。
# 最后把结果裁剪回合法的像素范围：
#
# $$
# x' = \operatorname{clip}_{[0,1]}\left(x + \epsilon\,\operatorname{sign}(\nabla_x L(x, y))\right)
# $$
#
# 只需要一次前向和一次反向传播。

# %% [markdown] lang="en"
# ## FGSM: a one-step attack {#fgsm}
#
# The fast gradient sign method (FGSM, [Goodfellow et al., 2015](https://arxiv.org/abs/1412.6572))
# linearizes the loss around $x$:
#
# $$
# L(x + \delta) \approx L(x) + \delta^\top \nabla_x L(x)
# $$
#
# Under the constraint $\lVert \delta \rVert_\infty \le \epsilon$ the right-hand side is largest when
# every component sits on the boundary with the sign of the gradient,
# $\delta = \epsilon\,\operatorname{sign}(\nabla_x L)$, which raises the loss by about
# $\epsilon \lVert \nabla_x L \rVert_1$. That term grows with the input dimension: each pixel moves a
# little, thousands of pixels add up to a big step, which is why high-dimensional images are easy to
# attack. The result is clipped back to the valid pixel range:
#
# $$
# x' = \operatorname{clip}_{[0,1]}\left(x + \epsilon\,\operatorname{sign}(\nabla_x L(x, y))\right)
# $$
#
# It costs one forward and one backward pass.

# %% [markdown] lang="zh"
# ## PGD：多步攻击 {#pgd}
#
# 投影梯度下降（PGD，[Madry 等，2018](https://arxiv.org/abs/1706.06083)）不相信一次线性化，而是走 $T$ 小步，
# 每步之后投影回允许的集合：
#
# $$
# x^{t+1} = \Pi_{\lVert x' - x \rVert_\infty \le \epsilon,\; x' \in [0,1]^d}\left(x^t + \alpha\,\operatorname{sign}(\nabla_x L(x^t, y))\right)
# $$
#
# 对 $L_\infty$ 球的投影就是逐元素裁剪到 $[x - \epsilon, x + \epsilon]$。起点 $x^0$ 在球内均匀随机取，
# 步长取常用的经验值 $\alpha = 2.5\,\epsilon / T$，让 $T$ 步足以从球的一侧走到另一侧。
# 这里评估用 $T = 10$ 步、一次随机起点。FGSM 是它的特例：不随机起步、$T = 1$、$\alpha = \epsilon$。
# 更多、更小的步应当找到至少一样好的扰动，所以 PGD 应当至少和 FGSM 一样强；下面的测量会检验这一点。
# （名字里是“梯度下降”，对损失做的其实是梯度上升。）

# %% [markdown] lang="en"
# ## PGD: a multi-step attack {#pgd}
#
# Projected gradient descent (PGD, [Madry et al., 2018](https://arxiv.org/abs/1706.06083)) does not
# trust a single linearization. It takes $T$ small steps and projects back onto the allowed set after
# each one:
#
# $$
# x^{t+1} = \Pi_{\lVert x' - x \rVert_\infty \le \epsilon,\; x' \in [0,1]^d}\left(x^t + \alpha\,\operatorname{sign}(\nabla_x L(x^t, y))\right)
# $$
#
# Projecting onto an $L_\infty$ ball is an elementwise clip to $[x - \epsilon, x + \epsilon]$. The
# start $x^0$ is drawn uniformly inside the ball, and the step is the common rule of thumb
# $\alpha = 2.5\,\epsilon / T$, so that $T$ steps can cross the ball from one side to the other.
# The evaluation here uses $T = 10$ steps and one random start. FGSM is the special case with no
# random start, $T = 1$ and $\alpha = \epsilon$. More and smaller steps should find a perturbation
# at least as good, so PGD should be at least as strong as FGSM; the measurements below test that.
# (Despite the name, it is gradient ascent on the loss.)

# %%
def input_gradient(model, x, y):
    """Gradient of the cross-entropy loss with respect to the input images."""
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = loss_fn(y, model(x, training=False))
    return tape.gradient(loss, x)


@tf.function(autograph=False)
def fgsm(model, x, y, eps):
    x_adv = x + eps * keras.ops.sign(input_gradient(model, x, y))
    return keras.ops.clip(x_adv, 0.0, 1.0)


@tf.function(autograph=False)
def pgd(model, x, y, eps, noise, steps=10):
    """L-inf PGD from a random start x + noise, noise uniform in [-eps, eps]."""
    alpha = 2.5 * eps / steps
    x_adv = keras.ops.clip(x + noise, 0.0, 1.0)
    for _ in range(steps):
        x_adv = x_adv + alpha * keras.ops.sign(input_gradient(model, x_adv, y))
        x_adv = keras.ops.clip(x_adv, x - eps, x + eps)  # project onto the eps-ball
        x_adv = keras.ops.clip(x_adv, 0.0, 1.0)  # stay a valid image
    return x_adv


EPSILONS = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]
x_test_t, y_test_t = tf.constant(x_test), tf.constant(y_test)


def attack_curve(model):
    """Test accuracy under FGSM and PGD for every epsilon."""
    fgsm_acc, pgd_acc = [], []
    for eps in EPSILONS:
        eps_t = tf.constant(eps, dtype="float32")
        noise = tf.constant(rng.uniform(-eps, eps, size=x_test.shape).astype("float32"))
        fgsm_acc.append(accuracy(model, fgsm(model, x_test_t, y_test_t, eps_t), y_test))
        pgd_acc.append(accuracy(model, pgd(model, x_test_t, y_test_t, eps_t, noise), y_test))
    return np.array(fgsm_acc), np.array(pgd_acc)


fgsm_plain, pgd_plain = attack_curve(plain)
for eps, a_fgsm, a_pgd in zip(EPSILONS, fgsm_plain, pgd_plain):
    print(f"eps={eps:.2f}: FGSM accuracy {a_fgsm:.3f}, PGD accuracy {a_pgd:.3f}")

# %% [markdown] lang="zh"
# ## 准确率随 ε 的变化 {#accuracy-vs-epsilon}
#
# 两条曲线都从干净准确率出发，随 $\epsilon$ 增大迅速下跌。要读出三件事：
#
# - **PGD 在每个 $\epsilon$ 上都至少和 FGSM 一样强**（断言允许 2 个百分点的误差），差距在中等 $\epsilon$ 上最明显：
#   步长一大，线性近似就不准了，多步迭代能找到 FGSM 一步错过的方向。所以评估防御要用 PGD 这类多步攻击，只用 FGSM 会高估鲁棒性。
# - **中等大小的 $\epsilon$ 就足以让模型失效**：$\epsilon = 0.15$（16 级灰度里的约 2.4 级）时，PGD 下的准确率低于 50%（断言）。
# - 曲线随 $\epsilon$ 一路降到接近零，说明攻击确实找得到对抗样本；如果某个防御让曲线在大 $\epsilon$ 下仍然很高，
#   先怀疑梯度掩蔽（gradient masking），而不是真的鲁棒。

# %% [markdown] lang="en"
# ## Accuracy against ε {#accuracy-vs-epsilon}
#
# Both curves start at the clean accuracy and fall fast as $\epsilon$ grows. Three things to read
# from them:
#
# - **PGD is at least as strong as FGSM at every $\epsilon$** (the assertion allows 2 points of
#   slack), and the gap is clearest at intermediate $\epsilon$: for a large step the linear
#   approximation is poor, and iterating finds directions FGSM's single step misses. Evaluate a
#   defense with a multi-step attack such as PGD; FGSM alone overstates robustness.
# - **A moderate $\epsilon$ is enough to break the model**: at $\epsilon = 0.15$ (about 2.4 of the
#   16 gray levels) accuracy under PGD is below 50% (asserted).
# - The curve falls to near zero as $\epsilon$ grows, so the attack really finds adversarial
#   examples. If a defense keeps the curve high at a large $\epsilon$, suspect gradient masking
#   before you believe in robustness.

# %%
EPS = 0.15
at_eps = EPSILONS.index(EPS)

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.axhline(clean_plain, color="gray", linestyle="--", label="clean")
ax.plot(EPSILONS, fgsm_plain, "o-", label="FGSM")
ax.plot(EPSILONS, pgd_plain, "s-", label="PGD (10 steps)")
ax.set_xlabel("epsilon (L-inf budget, pixel range 0..1)")
ax.set_ylabel("test accuracy")
ax.set_title("Plain CNN under attack")
ax.legend()
fig.tight_layout()
plt.show()

pgd_minus_fgsm = float(np.max(pgd_plain[1:] - fgsm_plain[1:]))  # eps > 0
print(f"check: largest PGD minus FGSM accuracy over eps > 0: {pgd_minus_fgsm:.4g} (needs <= 0.02)")
assert pgd_minus_fgsm <= 0.02, "PGD should be at least as strong as FGSM at every epsilon"
print(f"check: PGD accuracy at eps={EPS}: {pgd_plain[at_eps]:.4g} (needs < 0.5)")
assert pgd_plain[at_eps] < 0.5, "a moderate epsilon should break the plain model"

# %% [markdown] lang="zh"
# ## 对抗样本长什么样 {#pictures}
#
# 第一行是测试集里的原图，第二行是 $\epsilon = 0.15$ 的 PGD 扰动（红色是加墨、像素值变大，蓝色是减墨），第三行是对抗样本，
# 标题是模型的预测。8x8 的图很粗糙，扰动并非完全看不见，但人一眼就能认出它仍是原来的数字，模型却认错了。
# 在像素多得多的照片上，同样的攻击只需要小得多的 $\epsilon$。

# %% [markdown] lang="en"
# ## What an adversarial digit looks like {#pictures}
#
# The top row shows test digits, the middle row the PGD perturbation at $\epsilon = 0.15$ (red
# adds ink, blue removes it), the bottom row the adversarial examples, titled with the model's
# prediction. At 8x8 the perturbation is not invisible, but a person still reads the same digit at
# a glance while the model does not. On photos with many more pixels the same attack needs a much
# smaller $\epsilon$.

# %%
show = np.arange(8)
eps_t = tf.constant(EPS, dtype="float32")
noise = tf.constant(rng.uniform(-EPS, EPS, size=x_test[show].shape).astype("float32"))
x_adv_show = pgd(plain, x_test_t[:8], y_test_t[:8], eps_t, noise).numpy()
pred_clean = np.argmax(plain(x_test[show], training=False), axis=1)
pred_adv = np.argmax(plain(x_adv_show, training=False), axis=1)

fig, axes = plt.subplots(3, 8, figsize=(9, 3.8))
for j in show:
    axes[0, j].imshow(x_test[j, :, :, 0], cmap="gray_r", vmin=0, vmax=1)
    axes[0, j].set_title(f"pred {pred_clean[j]}", fontsize=9)
    axes[1, j].imshow(x_adv_show[j, :, :, 0] - x_test[j, :, :, 0], cmap="bwr", vmin=-EPS, vmax=EPS)
    axes[2, j].imshow(x_adv_show[j, :, :, 0], cmap="gray_r", vmin=0, vmax=1)
    axes[2, j].set_title(f"pred {pred_adv[j]}", fontsize=9, color="red" if pred_adv[j] != y_test[j] else "black")
for ax in axes.ravel():
    ax.axis("off")
axes[0, 0].text(-9, 4, "clean", fontsize=9)
axes[1, 0].text(-9, 4, "delta", fontsize=9)
axes[2, 0].text(-9, 4, "PGD", fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 对抗训练 {#adversarial-training}
#
# 对抗训练把“最坏情况下的损失”当作训练目标，是一个极小极大问题（Madry 等）：
#
# $$
# \min_\theta \; \mathbb{E}_{(x,y)} \left[ \max_{\lVert \delta \rVert_\infty \le \epsilon} L(\theta, x + \delta, y) \right]
# $$
#
# 内层的最大化用 PGD 近似。这里每一步训练先用 3 步 PGD 为当前批量生成对抗样本，再按 Goodfellow 等的做法，
# 把干净损失和对抗损失各取一半：$\tfrac{1}{2} L(x, y) + \tfrac{1}{2} L(x', y)$。对抗样本由当前权重生成，
# 但生成过程不参与反向传播（`stop_gradient`）。和 [GAN 笔记本](../gan/#train-step)一样，训练循环写在 `keras.Model` 子类的
# `train_step` 里，`fit()` 照常负责分批和轮次。
#
# 代价在算力上：普通训练每步做一次前向和反向传播；对抗训练每步先为 PGD 做 $T = 3$ 次（对输入求梯度），
# 再对干净样本和对抗样本各做一次，共 $T + 2 = 5$ 次，计算量约为普通训练的 5 倍。
# 在大模型上，这个倍数是对抗训练不普及的主要原因之一。

# %% [markdown] lang="en"
# ## Adversarial training {#adversarial-training}
#
# Adversarial training makes the worst-case loss the training objective, a min-max problem (Madry
# et al.):
#
# $$
# \min_\theta \; \mathbb{E}_{(x,y)} \left[ \max_{\lVert \delta \rVert_\infty \le \epsilon} L(\theta, x + \delta, y) \right]
# $$
#
# PGD approximates the inner maximum. Each training step here first generates adversarial
# examples for the current batch with 3 PGD steps, then, as in Goodfellow et al., averages the
# clean and the adversarial loss: $\tfrac{1}{2} L(x, y) + \tfrac{1}{2} L(x', y)$. The adversarial
# examples come from the current weights, but their construction is not differentiated through
# (`stop_gradient`). As in the [GAN notebook](../gan/#train-step), the loop lives in the `train_step` of a `keras.Model`
# subclass, and `fit()` still handles batches and epochs.
#
# The price is compute. A plain training step makes one forward and one backward pass; an
# adversarial step first makes $T = 3$ for PGD (gradients with respect to the input), then one on
# the clean and one on the adversarial batch: $T + 2 = 5$ in all, about five times the work of
# plain training. On large models that factor is one of the main reasons adversarial training is
# not routine.

# %%
TRAIN_PGD_STEPS = 3


class AdversarialModel(keras.Model):
    """A functional model whose train_step trains on clean + PGD examples."""

    def __init__(self, *args, eps, pgd_steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.eps = eps
        self.pgd_steps = pgd_steps
        self.seed_generator = keras.random.SeedGenerator(SEED)

    def train_step(self, data):
        x, y = data
        eps = keras.ops.convert_to_tensor(self.eps, dtype="float32")
        noise = keras.random.uniform(keras.ops.shape(x), -self.eps, self.eps, seed=self.seed_generator)
        x_adv = tf.stop_gradient(pgd(self, x, y, eps, noise, steps=self.pgd_steps))
        with tf.GradientTape() as tape:
            clean_loss = loss_fn(y, self(x, training=True))
            adv_loss = loss_fn(y, self(x_adv, training=True))
            loss = 0.5 * clean_loss + 0.5 * adv_loss
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"clean_loss": clean_loss, "adv_loss": adv_loss}


base = make_cnn()
robust = AdversarialModel(base.input, base.output, eps=EPS, pgd_steps=TRAIN_PGD_STEPS)
robust.compile(optimizer=keras.optimizers.Adam(2e-3))
history = robust.fit(x_train, y_train, epochs=EPOCHS, batch_size=64, verbose=0)
print(f"last epoch: clean loss {history.history['clean_loss'][-1]:.3f}, adversarial loss {history.history['adv_loss'][-1]:.3f}")

# %% [markdown] lang="zh"
# ## 对抗训练换来了什么 {#robust-accuracy}
#
# 用同样的 FGSM 和 PGD（评估时 10 步，比训练时更强）攻击对抗训练后的模型，并与普通模型比较：
#
# - 在训练用的 $\epsilon = 0.15$ 下，对抗训练模型在 PGD 下的准确率比普通模型**高出 25 个百分点以上**（断言）。
# - 干净准确率的代价在手写数字上很小（有些随机种子下对抗训练像正则化一样，反而略有提升）。
#   这里断言它仍高于 90%，并打印实际的变化。在 CIFAR-10、ImageNet 这类更难的数据上，这个代价要大得多，
#   鲁棒性和干净准确率之间存在真实的取舍。
# - 鲁棒性只在训练用的威胁模型附近成立：$\epsilon$ 超过训练值后曲线照样下跌，到 $\epsilon = 0.3$ 时
#   PGD 准确率低于 20%（断言）。这说明评估没有被梯度掩蔽骗过，也说明对抗训练是缓解，不是根治；
#   换一种威胁模型（$L_2$ 扰动、旋转平移）它也不保证什么。

# %% [markdown] lang="en"
# ## What adversarial training buys {#robust-accuracy}
#
# The same FGSM and PGD (10 steps at evaluation, stronger than in training) attack the
# adversarially trained model, compared with the plain one:
#
# - At the training $\epsilon = 0.15$ the adversarially trained model is **more than 25 points**
#   more accurate under PGD than the plain model (asserted).
# - The price in clean accuracy is small on digits (with some seeds adversarial training acts as a
#   regularizer and even helps a little); it is asserted to stay above 90%, and the actual change is
#   printed. On harder data such as CIFAR-10 or ImageNet the cost is much larger; there is a real
#   trade-off between robustness and clean accuracy.
# - The robustness holds near the threat model it was trained for: past the training $\epsilon$ the
#   curve still falls, and at $\epsilon = 0.3$ PGD accuracy is below 20% (asserted). So the
#   evaluation is not fooled by gradient masking, and adversarial training mitigates rather than
#   cures; it promises nothing for another threat model ($L_2$ perturbations, rotations and
#   shifts).

# %%
clean_robust = accuracy(robust, x_test, y_test)
fgsm_robust, pgd_robust = attack_curve(robust)

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(EPSILONS, pgd_plain, "s-", color="C1", label="plain, PGD")
ax.plot(EPSILONS, fgsm_robust, "o--", color="C2", label="adversarially trained, FGSM")
ax.plot(EPSILONS, pgd_robust, "s-", color="C2", label="adversarially trained, PGD")
ax.axvline(EPS, color="gray", linestyle=":", label="training epsilon")
ax.set_xlabel("epsilon (L-inf budget, pixel range 0..1)")
ax.set_ylabel("test accuracy")
ax.set_title("Plain vs adversarially trained CNN")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

gain = pgd_robust[at_eps] - pgd_plain[at_eps]
print(f"PGD accuracy at eps={EPS}: plain {pgd_plain[at_eps]:.3f}, adversarially trained {pgd_robust[at_eps]:.3f}")
print(f"clean accuracy: plain {clean_plain:.3f}, adversarially trained {clean_robust:.3f} (change {clean_robust - clean_plain:+.3f})")
print(f"check: PGD accuracy gain from adversarial training at eps={EPS}: {gain:.4g} (needs > 0.25)")
assert gain > 0.25, "adversarial training should markedly raise accuracy under PGD"
print(f"check: clean accuracy of the adversarially trained model: {clean_robust:.4g} (needs > 0.9)")
assert clean_robust > 0.9, "adversarial training should cost little clean accuracy on digits"
robust_gap = float(np.max(pgd_robust[1:] - fgsm_robust[1:]))  # eps > 0
print(f"check: largest PGD minus FGSM accuracy over eps > 0, adversarially trained: {robust_gap:.4g} (needs <= 0.02)")
assert robust_gap <= 0.02, "PGD should be at least as strong as FGSM on the robust model too"
print(f"check: PGD accuracy of the adversarially trained model at eps=0.3: {pgd_robust[-1]:.4g} (needs < 0.2)")
assert pgd_robust[-1] < 0.2, "accuracy should still fall beyond the training epsilon"

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - FGSM 是一步、线性化的攻击：$x' = \operatorname{clip}(x + \epsilon\,\operatorname{sign}(\nabla_x L))$；
#   PGD 是多步、带投影的攻击，至少一样强，是评估防御的基本攻击。评估时要画出整条“准确率–$\epsilon$”曲线，而不是只报一个数。
# - 一个干净准确率很高的模型，在中等大小的 $L_\infty$ 扰动下就会失效；干净测试集上的分数说明不了对抗鲁棒性。
# - 对抗训练（用 PGD 近似内层最大化）是最可靠的基线防御：在训练用的 $\epsilon$ 上明显提升鲁棒准确率，
#   代价是几倍的训练算力和一些干净准确率，而且只对训练时的威胁模型有效。
# - 面试常见追问：为什么防御蒸馏被攻破（梯度掩蔽，Carlini 和 Wagner）；如何可靠地评估（多步、多次随机起点、
#   自适应攻击，例如 AutoAttack）；黑盒攻击为什么可行（对抗样本在模型之间可迁移）；有没有可证明的保证（随机平滑给出 $L_2$ 半径内的认证鲁棒性）。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - FGSM is a one-step, linearized attack,
#   $x' = \operatorname{clip}(x + \epsilon\,\operatorname{sign}(\nabla_x L))$; PGD is a multi-step
#   attack with projection, at least as strong, and the baseline attack for evaluating a defense.
#   Report the whole accuracy-vs-$\epsilon$ curve, not a single number.
# - A model with high clean accuracy fails under a moderate $L_\infty$ perturbation; a clean test
#   score says nothing about adversarial robustness.
# - Adversarial training (PGD for the inner maximum) is the most reliable baseline defense: it
#   markedly raises robust accuracy at the training $\epsilon$, at the price of several times the
#   training compute and some clean accuracy, and it holds only for the threat model it was
#   trained on.
# - Follow-ups an interviewer asks: why defensive distillation was broken (gradient masking,
#   Carlini and Wagner); how to evaluate reliably (many steps, several random restarts, adaptive
#   attacks such as AutoAttack); why black-box attacks work (adversarial examples transfer between
#   models); whether any guarantee exists (randomized smoothing certifies robustness within an
#   $L_2$ radius).
