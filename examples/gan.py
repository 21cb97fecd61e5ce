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
# # 一分钟内在 CPU 上训练好的小型 GAN {#gan}
#
# **简介：** 用 Keras 3 的 `train_step` 在真实的 8x8 手写数字上训练一个小型生成对抗网络，并用数字证明它生成的样本在向真实数据靠拢。
# **最后修改：** 2026-11-30
# **出处：**《AI 大模型创业：如何利用人才优势？》中“二、算法编程题库与解析”的第 3 题（“三、答案解析与源代码实例”第 9 条是一模一样的代码），原题收录在[人才优势指南](../../guides/talent/#ask-002-code-gan)；以及《AI 大模型创业：深入社会优势的实践与策略》中“三、AI 大模型创业的算法编程题库”的问题 6，原题收录在[社会优势指南](../../guides/social/#ask-004-code-gan)。
#
# <details><summary>维护者注</summary>种子 002：题目在 L294–296，代码在 L300–347，L532–579 重复同一段代码。种子 004：题目在 L99，代码在 L103–191。</details>
#
# GAN 让两个网络互相对抗。生成器 G 把随机噪声 z 映射成一张图；判别器 D 看一张图，输出它是真图的 logit。
# D 的训练目标是分清真图和 G 造的图，G 的训练目标是让 D 把它造的图判成真图。
# 这场双人博弈达到均衡时，生成器的分布等于数据分布，D 只能靠抛硬币来猜。
#
# 面试官喜欢问 GAN，因为真正的理解都体现在训练循环里：两个优化器、两个损失、每次更新动的是哪些权重、
# 生成器的损失为什么要那样写，以及损失本身并不下降时怎么判断训练成功了。
# 这个笔记本把训练循环写成 `keras.Model` 的子类并重写 `train_step`，在 scikit-learn 自带的
# 1797 张真实数字上训练，CPU 时间远不到一分钟，最后用数字而不是肉眼来检验结果。

# %% [markdown] lang="en"
# # A small GAN trained on a CPU in under a minute {#gan}
#
# **Description:** Train a small generative adversarial network on real 8x8 handwritten digits with a Keras 3 `train_step`, and measure that its samples move towards the real data.
# **Last modified:** 2026-11-30
# **Source:** problem 3 of "二、算法编程题库与解析" in *AI large-model startups: using the talent
# advantage* (《AI 大模型创业：如何利用人才优势？》; the identical code again in "三、答案解析与源代码实例",
# item 9), quoted in the [talent guide](../../guides/talent/#ask-002-code-gan); and problem 6 of
# "三、AI 大模型创业的算法编程题库" in *AI large-model startups: social advantage in practice*
# (《AI 大模型创业：深入社会优势的实践与策略》), quoted in the [social guide](../../guides/social/#ask-004-code-gan).
#
# <details><summary>Maintainer note</summary>Seed 002: the question is at L294–296, the code at L300–347, repeated at L532–579. Seed 004: the question is at L99, the code at L103–191.</details>
#
# A GAN trains two networks against each other. The generator G maps random noise z to an image;
# the discriminator D looks at an image and outputs the logit that it is real. D is trained to
# tell real images from G's output, G is trained to make D call its output real. At the
# equilibrium of this two-player game the generator's distribution equals the data distribution
# and D can do no better than a coin flip.
#
# Interviewers like GANs because the training loop is where the understanding shows: two
# optimizers, two losses, which weights each update touches, why the generator loss is written
# the way it is, and how you know it worked when the losses themselves do not go down. This
# notebook writes that loop as a subclassed `keras.Model` with its own `train_step`, trains it on
# scikit-learn's 1,797 real digits in well under a minute of CPU, and checks the result with
# numbers instead of eyeballing.

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - 002（两处相同的代码）：两个网络都搭不起来。`keras.Input(shape=(100))` 传的是整数 100，
# >   不是元组 `(100,)`（Keras 报错 "Cannot convert '100' to a shape"）；`Flatten` 是当作类
# >   直接传进去的，`Reshape(...)(Flatten)`，而不是把层实例作用在张量上；层的顺序是反的
# >   （28x28 的 reshape 出现在 `Dense(784)` *之前*）；而且这些层接在另一个 `Input` 上，
# >   不是传给 `Model` 的那个，计算图根本不连通。
# > - 002：组合模型写成 `discriminator(generator.input)`，把 100 维噪声直接喂给一个期望 28x28 图像的判别器，
# >   本该喂的是 `generator.output`；组合模型里判别器也从未冻结，单独编译生成器更是毫无用处。
# >   这段代码没有导入 `np`（只有前面 KNN 那道题的代码导入过），数据 `X` 也从未定义；`np.random.choice(X, 1)` 只接受一维数组，传入图像数组会直接报错（“a must be 1-dimensional”），抽不出一张图；
# >   每批只有一张图、总共更新 100 次，什么也训练不出来。
# > - 004：生成器最后是 `Dense(1024)`，再 reshape 成 `(28, 28, 1)`（784 个值），直接报错；
# >   输出层也没有 `tanh`/`sigmoid` 来匹配数据的取值范围。`Sequential`、`Activation`、`np`、`plt`
# >   在这段代码里都没有导入（`Sequential` 只在前面 CNN 那道题里导入过），最后的 `print(f"...)` 少了右引号（语法错误）；`Model([generator.input,
# >   discriminator.input], discriminator.output)` 是一个双输入模型，输出和生成器毫无关系，训练时却只喂了一个输入。
# > - 004：Keras 2 的老套路“先编译 D，再设 `discriminator.trainable = False`，然后编译组合模型”
# >   在 Keras 3 里不再成立。Keras 3 不是在 `compile()` 时，而是在第一次训练调用（`fit`、
# >   `train_on_batch`）构建训练函数时读取 `trainable`；之后再改，要重新 `compile()` 才生效。
# >   于是 D 自己的 `train_on_batch` 什么也不训练（Keras 会警告 "The model does not have any
# >   trainable weights"）。这条规则在[图像迁移学习笔记本](../transfer-learning-images/#when-trainable-is-read)里有实测。
# >   此外它在批次循环里调用 `generator.predict`，还要下载 MNIST，离线环境直接失败。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - 002 (both copies): neither network builds. `keras.Input(shape=(100))` passes the integer 100,
# >   not the tuple `(100,)` (Keras raises "Cannot convert '100' to a shape"); `Flatten` is applied
# >   as a class, `Reshape(...)(Flatten)`, instead of a layer instance to a tensor; the layers are
# >   chained inside out (the 28x28 reshape comes *before* `Dense(784)`); and they hang off a second
# >   `Input`, not the one given to `Model`, so the graph is disconnected.
# > - 002: the combined model is `discriminator(generator.input)`: it feeds the 100-d noise to a
# >   discriminator that expects 28x28 images instead of feeding it `generator.output`; the
# >   discriminator is never frozen in it, and compiling the generator on its own serves no purpose.
# >   The snippet never imports `np` (only the earlier KNN answer does) and never defines the data
# >   `X`; `np.random.choice(X, 1)` accepts only a 1-D array and raises
# >   on an image array ("a must be 1-dimensional") instead of drawing an image; and 100 updates
# >   on batches of one image would not train anything.
# > - 004: the generator ends in `Dense(1024)` and then reshapes to `(28, 28, 1)` (784 values), which
# >   fails; it has no `tanh`/`sigmoid` output to match the data range. `Sequential`, `Activation`,
# >   `np` and `plt` are not imported in this snippet (`Sequential` only in the earlier CNN answer), the final `print(f"...)` is missing its closing quote (a
# >   syntax error), and `Model([generator.input, discriminator.input], discriminator.output)` is a
# >   two-input model whose output does not depend on the generator, trained with one input.
# > - 004: the Keras 2 trick "compile D, then set `discriminator.trainable = False`, then compile the
# >   combined model" does not carry over to Keras 3. Keras 3 reads `trainable` not at `compile()`
# >   but when the first training call (`fit`, `train_on_batch`) builds the train function; a later
# >   change needs a new `compile()`. So D's own `train_on_batch` trains nothing (Keras warns "The
# >   model does not have any trainable weights"). The rule is measured in the
# >   [transfer-learning-images notebook](../transfer-learning-images/#when-trainable-is-read). It
# >   also calls `generator.predict` inside the batch loop and downloads
# >   MNIST, which fails offline.

# %% [markdown] lang="zh"
# ## 数据 {#data}
#
# `load_digits` 随 scikit-learn 一起发布：1797 张真实的 8x8 灰度数字，像素值 0 到 16。
# 我们把它缩放到 [-1, 1]，与生成器 `tanh` 输出的范围一致，再加上通道维。
# GAN 用不到标签；标签只在后面用来训练一个独立的分类器，由它给生成的样本打分。

# %% [markdown] lang="en"
# ## The data {#data}
#
# `load_digits` ships with scikit-learn: 1,797 real 8x8 grayscale digits with pixel values from 0
# to 16. We scale them to [-1, 1] so they match the generator's `tanh` output, and add a channel
# axis. The labels are not used by the GAN; we only use them later to train a separate classifier
# that judges the generated samples.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)

digits = load_digits()
x_real = (digits.images.astype("float32") / 8.0 - 1.0)[..., None]  # 0..16 -> -1..1
y_real = digits.target
print("images:", x_real.shape, "range:", x_real.min(), "to", x_real.max())

# %% [markdown] lang="zh"
# ## 生成器与判别器 {#models}
#
# 两个网络都是用函数式 API 搭的小型多层感知机；只有 64 个像素时，卷积版的 DCGAN 收益不大，反而费时间。
# 有三个选择是 GAN 的标准做法：
#
# - 生成器以 `tanh` 结尾，输出与数据同在 [-1, 1] 区间；
# - 用 LeakyReLU 而不是 ReLU，负输入时仍有梯度。这对 D 尤其重要，因为生成器*只能*通过 D 的梯度来学习；
# - D 输出原始 logit（不接 sigmoid），损失函数用 `from_logits=True`，数值上更稳定；
#   先 `sigmoid` 再取 `log` 的写法在饱和区会出问题。

# %% [markdown] lang="en"
# ## Generator and discriminator {#models}
#
# Both networks are small multilayer perceptrons built with the functional API; at 64 pixels a
# convolutional DCGAN buys little and costs time. Three choices are standard GAN practice:
#
# - the generator ends in `tanh`, so its output lives in the same [-1, 1] range as the data;
# - LeakyReLU instead of ReLU keeps a gradient flowing for negative inputs, which matters in D
#   because the generator learns *only* through D's gradient;
# - D outputs a raw logit (no sigmoid) and the loss uses `from_logits=True`, which is numerically
#   stable where `sigmoid` followed by `log` saturates.

# %%
LATENT_DIM = 16


def make_generator():
    z = keras.Input(shape=(LATENT_DIM,))
    x = keras.layers.Dense(128)(z)
    x = keras.layers.LeakyReLU(negative_slope=0.2)(x)
    x = keras.layers.Dense(256)(x)
    x = keras.layers.LeakyReLU(negative_slope=0.2)(x)
    x = keras.layers.Dense(64, activation="tanh")(x)
    image = keras.layers.Reshape((8, 8, 1))(x)
    return keras.Model(z, image, name="generator")


def make_discriminator():
    image = keras.Input(shape=(8, 8, 1))
    x = keras.layers.Flatten()(image)
    x = keras.layers.Dense(256)(x)
    x = keras.layers.LeakyReLU(negative_slope=0.2)(x)
    x = keras.layers.Dense(128)(x)
    x = keras.layers.LeakyReLU(negative_slope=0.2)(x)
    logit = keras.layers.Dense(1)(x)  # raw score, no sigmoid
    return keras.Model(image, logit, name="discriminator")


generator = make_generator()
discriminator = make_discriminator()
print(f"generator: {generator.count_params():,} parameters, output {generator.output.shape}")
print(f"discriminator: {discriminator.count_params():,} parameters, output {discriminator.output.shape}")

# %% [markdown] lang="zh"
# ## 训练步 {#train-step}
#
# 在 Keras 3 里，自定义训练循环就是继承 `keras.Model` 并重写 `train_step`；分批、打乱、轮次、
# 回调和 history 仍然交给 `fit()`。每一步做两次更新，各用各的优化器：
#
# 1. **判别器这一步。** 生成一批假图，给真图和假图打分，以真图标 1、假图标 0 最小化二元交叉熵。
#    梯度只对 D 的权重求，假图是在 tape 之外生成的，所以 G 不受影响。
# 2. **生成器这一步。** 重新生成一批假图，让 D 对它们的判断与标签 1（“真”）之间的交叉熵最小。
#    梯度*穿过* D 传回 G，但只更新 G 的权重。
#
# 每次 `apply_gradients` 只传入哪些变量，就取代了 Keras 2 里那套 `trainable = False` 的把戏：
# 什么都不用冻结，每个优化器只管自己那一个网络。
#
# 生成器的损失 $-\log D(G(z))$ 就是 [GAN 原论文](https://arxiv.org/abs/1406.2661)里的“非饱和”损失。字面上的极小极大目标要求 G 最小化
# $\log(1 - D(G(z)))$，而它的梯度恰恰在训练初期、D 轻松识破假图的时候消失。两者的不动点相同。
#
# 两个损失用 `keras.metrics.Mean` 跟踪，并在 `metrics` 属性里列出，这样 `fit()`
# 每个轮次都会重置它们并记进 history。

# %% [markdown] lang="en"
# ## The training step {#train-step}
#
# In Keras 3 a custom training loop is a subclass of `keras.Model` that overrides `train_step`;
# `fit()` still handles batching, shuffling, epochs, callbacks and the history. Each step makes two
# updates, each with its own optimizer:
#
# 1. **Discriminator step.** Generate a batch of fakes, score real and fake images, and minimize
#    binary cross-entropy with label 1 for real and 0 for fake. The gradient is taken only with
#    respect to D's weights, and the fakes are produced outside the tape, so G is not touched.
# 2. **Generator step.** Generate fresh fakes and minimize the cross-entropy of D's verdict against
#    the label 1 ("real"). Gradients flow *through* D into G, but only G's weights are updated.
#
# Choosing which variables each `apply_gradients` receives is what replaces the Keras 2
# `trainable = False` juggling: nothing is frozen, each optimizer simply owns one network.
#
# The generator loss, $-\log D(G(z))$, is the "non-saturating" loss from the
# [original GAN paper](https://arxiv.org/abs/1406.2661). The
# literal minimax objective would have G minimize $\log(1 - D(G(z)))$, whose gradient vanishes
# early in training, exactly when D easily rejects the fakes. Both have the same fixed point.
#
# The two losses are tracked with `keras.metrics.Mean` and listed in the `metrics` property, so
# `fit()` resets them every epoch and records them in the history.

# %%
class GAN(keras.Model):
    def __init__(self, generator, discriminator, latent_dim):
        super().__init__()
        self.generator = generator
        self.discriminator = discriminator
        self.latent_dim = latent_dim
        self.seed_generator = keras.random.SeedGenerator(42)
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")

    def compile(self, d_optimizer, g_optimizer):
        super().compile()
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer
        self.bce = keras.losses.BinaryCrossentropy(from_logits=True)

    @property
    def metrics(self):
        return [self.d_loss_tracker, self.g_loss_tracker]

    def train_step(self, real_images):
        batch_size = keras.ops.shape(real_images)[0]

        # 1) Discriminator: real -> 1, fake -> 0. Only D's weights are updated.
        z = keras.random.normal((batch_size, self.latent_dim), seed=self.seed_generator)
        fake_images = self.generator(z, training=True)
        with tf.GradientTape() as tape:
            real_logits = self.discriminator(real_images, training=True)
            fake_logits = self.discriminator(fake_images, training=True)
            d_loss = self.bce(keras.ops.ones_like(real_logits), real_logits) + self.bce(
                keras.ops.zeros_like(fake_logits), fake_logits
            )
        d_weights = self.discriminator.trainable_weights
        self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, d_weights), d_weights))

        # 2) Generator: make D say "real" (non-saturating loss). Only G's weights are updated.
        z = keras.random.normal((batch_size, self.latent_dim), seed=self.seed_generator)
        with tf.GradientTape() as tape:
            fake_logits = self.discriminator(self.generator(z, training=True), training=True)
            g_loss = self.bce(keras.ops.ones_like(fake_logits), fake_logits)
        g_weights = self.generator.trainable_weights
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, g_weights), g_weights))

        self.d_loss_tracker.update_state(d_loss)
        self.g_loss_tracker.update_state(g_loss)
        return {m.name: m.result() for m in self.metrics}


# %% [markdown] lang="zh"
# ## 给样本质量打分的裁判 {#judge}
#
# GAN 的损失衡量不了样本质量，所以需要一个外部裁判。这里借用 Fréchet Inception Distance（FID）
# 的思路，缩小到手写数字的规模：
#
# - 在真实数字上训练一个普通分类器（用其中 80%；留出的 20% 用来证明这个裁判靠得住）；
# - 用它的隐藏层把图像编码成特征，对真图和生成图的特征各拟合一个高斯分布，两个高斯之间的 Fréchet 距离是
#   $\lVert \mu_1 - \mu_2 \rVert^2 + \operatorname{Tr}\left(\Sigma_1 + \Sigma_2 - 2 (\Sigma_1 \Sigma_2)^{1/2}\right)$。越小越好；两份真实数字之间的距离就是它的下限（噪声底）；
# - 统计分类器以 0.9 以上的置信度认出的生成图有多少，以及它们分布在多少个数字类别上。
#   置信度高说明样本像数字；分布在很多类别上，说明生成器没有发生模式崩溃、只产生一种数字。
#
# 先测一遍未训练的生成器，训练之后的同一组数字就有了可比的基线。

# %% [markdown] lang="en"
# ## A judge for sample quality {#judge}
#
# GAN losses do not measure sample quality, so we need an outside judge. We use the idea behind
# the Fréchet Inception Distance (FID), scaled down to digits:
#
# - train an ordinary classifier on real digits (80% of them; the held-out 20% show it is a
#   competent judge);
# - embed images with its hidden layer and fit a Gaussian to the embeddings of real and of
#   generated images; the Fréchet distance between the two Gaussians is
#   $\lVert \mu_1 - \mu_2 \rVert^2 + \operatorname{Tr}\left(\Sigma_1 + \Sigma_2 - 2 (\Sigma_1 \Sigma_2)^{1/2}\right)$. Lower is better; two samples of real digits give the
#   noise floor;
# - count how many generated images the classifier labels with confidence above 0.9, and over how
#   many digit classes they spread. Confident labels mean the samples look like digits; a spread
#   over many classes means the generator has not collapsed onto a single mode.
#
# We measure the untrained generator now, so that the same numbers after training can be compared
# with a baseline.

# %%
x_fit, x_held, y_fit, y_held = train_test_split(
    x_real, y_real, test_size=0.2, random_state=42, stratify=y_real
)

judge_in = keras.Input(shape=(8, 8, 1))
judge_features = keras.layers.Dense(64, activation="relu")(keras.layers.Flatten()(judge_in))
judge = keras.Model(judge_in, keras.layers.Dense(10, activation="softmax")(judge_features))
embed = keras.Model(judge_in, judge_features)  # shares the judge's layers
judge.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
judge.fit(x_fit, y_fit, epochs=20, batch_size=64, verbose=0)
_, judge_acc = judge.evaluate(x_held, y_held, verbose=0)
print(f"judge accuracy on held-out real digits: {judge_acc:.3f}")
assert judge_acc > 0.9, f"judge accuracy {judge_acc:.3f} is below 0.9"


def frechet_distance(feats_a, feats_b):
    mu_a, mu_b = feats_a.mean(axis=0), feats_b.mean(axis=0)
    cov_a, cov_b = np.cov(feats_a, rowvar=False), np.cov(feats_b, rowvar=False)
    # Tr((cov_a cov_b)^1/2) from the eigenvalues of the symmetric matrix cov_a^1/2 cov_b cov_a^1/2
    vals, vecs = np.linalg.eigh(cov_a)
    sqrt_a = (vecs * np.sqrt(np.clip(vals, 0, None))) @ vecs.T
    cross = np.sqrt(np.clip(np.linalg.eigvalsh(sqrt_a @ cov_b @ sqrt_a), 0, None)).sum()
    return float(np.sum((mu_a - mu_b) ** 2) + np.trace(cov_a) + np.trace(cov_b) - 2 * cross)


real_feats = embed.predict(x_fit, verbose=0)
noise_floor = frechet_distance(real_feats, embed.predict(x_held, verbose=0))


def judge_samples(images):
    probs = judge.predict(images, verbose=0)
    confident = probs.max(axis=1) > 0.9
    counts = np.bincount(probs.argmax(axis=1)[confident], minlength=10)
    fd = frechet_distance(real_feats, embed.predict(images, verbose=0))
    return fd, confident.mean(), counts


z_eval = np.random.default_rng(42).normal(size=(1000, LATENT_DIM)).astype("float32")
fd_before, conf_before, counts_before = judge_samples(generator.predict(z_eval, verbose=0))
print(f"Frechet distance, real vs real (noise floor): {noise_floor:.2f}")
print(f"untrained generator: Frechet distance {fd_before:.2f}, confident share {conf_before:.1%}")

# %% [markdown] lang="zh"
# ## 训练 {#training}
#
# 用较小的学习率、$\beta_1 = 0.5$（而不是默认的 0.9）的 Adam，是 DCGAN 的常用设置：
# 动量小一些，对“对方一直在变”这个移动目标反应更快。`fit()` 只接收图像（没有标签），
# 把每个批次交给 `train_step`。以 128 为一批、过 60 遍数据，在两个 CPU 核上用时远不到一分钟。

# %% [markdown] lang="en"
# ## Training {#training}
#
# Adam with a small learning rate and $\beta_1 = 0.5$ (instead of the default 0.9) is the usual DCGAN
# setting: less momentum reacts faster to the moving target that each network is for the other.
# `fit()` takes the images alone (no labels) and passes each batch to `train_step`. Sixty passes
# over the data, in batches of 128, take well under a minute on two CPU cores.

# %%
gan = GAN(generator, discriminator, LATENT_DIM)
gan.compile(
    d_optimizer=keras.optimizers.Adam(learning_rate=3e-4, beta_1=0.5),
    g_optimizer=keras.optimizers.Adam(learning_rate=3e-4, beta_1=0.5),
)
history = gan.fit(x_real, epochs=60, batch_size=128, shuffle=True, verbose=0)
print(f"trained {len(history.history['d_loss'])} epochs")
print(f"last epoch: d_loss={history.history['d_loss'][-1]:.3f}, g_loss={history.history['g_loss'][-1]:.3f}")

# %% [markdown] lang="zh"
# ## 损失曲线 {#losses}
#
# 和分类器的损失不同，这两条曲线不会降到零。如果 D 处处输出 0.5，它的损失是 $2 \ln 2 \approx 1.39$
# （真图、假图各贡献一个 $\ln 2$），生成器的损失是 $\ln 2 \approx 0.69$，虚线标的就是这两个值。
# 健康的训练会在这个平衡点附近徘徊，通常 D 略占上风。本次运行中，最后 10 个轮次判别器损失的平均值
# 落在 $\ln 2$ 和 $2 \ln 2$ 之间（下一格断言）：D 略占上风，但没有完胜。危险信号是判别器损失一路降向零
# （D 完胜，G 的梯度消失），或者振荡越来越大。曲线告诉你博弈是否平衡，却不告诉你图像好不好：那是裁判的事。

# %% [markdown] lang="en"
# ## The losses {#losses}
#
# Unlike a classifier's loss, these curves do not fall to zero. If D outputs 0.5 everywhere, its
# loss is $2 \ln 2 \approx 1.39$ (one $\ln 2$ for real, one for fake) and the generator's is $\ln 2 \approx 0.69$;
# the dashed lines mark those values. A healthy run stays in the neighborhood of that balance,
# usually with D a little ahead. In this run the discriminator loss averaged over the last 10 epochs
# lies between $\ln 2$ and $2 \ln 2$ (asserted in the next cell): D is a little ahead but has not won.
# Warning signs are a discriminator loss that drops towards zero
# (D wins, G's gradient vanishes) or oscillations that grow. The curves tell you whether the game
# is balanced, not whether the images are good: that is what the judge is for.

# %%
fig, ax = plt.subplots(figsize=(8, 3))
ax.plot(history.history["d_loss"], label="discriminator")
ax.plot(history.history["g_loss"], label="generator")
ax.axhline(2 * np.log(2), color="C0", linestyle="--", linewidth=0.8)
ax.axhline(np.log(2), color="C1", linestyle="--", linewidth=0.8)
ax.set_xlabel("epoch")
ax.set_ylabel("loss")
ax.set_title("GAN losses (dashed: value when D outputs 0.5)")
ax.legend()
fig.tight_layout()
plt.show()

d_late = float(np.mean(history.history["d_loss"][-10:]))
print(f"discriminator loss, mean of the last 10 epochs: {d_late:.3f} (ln 2 = {np.log(2):.3f}, 2 ln 2 = {2 * np.log(2):.3f})")
assert np.log(2) < d_late < 2 * np.log(2), "the game should stay near balance with D a little ahead"

# %% [markdown] lang="zh"
# ## 生成的样本 {#samples}
#
# 左边是用固定噪声向量生成的 40 个数字，右边是 40 个留出的真实数字。8x8 的分辨率下，真实数字本身也很粗糙。
# 生成的数字噪点更多，但大多已经有了数字的笔画结构，好几个类别一眼就能认出来；下面由裁判把这个印象变成数字。

# %% [markdown] lang="en"
# ## Generated samples {#samples}
#
# Forty generated digits from fixed noise vectors next to forty held-out real ones. At 8x8 pixels
# even the real digits are coarse. The generated ones are noisier, but most have the strokes of a
# digit and several classes are easy to recognize; the judge below turns this impression into
# numbers.

# %%
def tile(images, rows, cols):
    """Arrange (n, 8, 8, 1) images in a rows x cols grid with a 1-pixel border."""
    grid = np.full((rows * 9 + 1, cols * 9 + 1), -1.0)
    for i in range(rows * cols):
        r, c = divmod(i, cols)
        grid[1 + r * 9 : r * 9 + 9, 1 + c * 9 : c * 9 + 9] = images[i, :, :, 0]
    return grid


generated = generator.predict(z_eval, verbose=0)
fig, (ax_fake, ax_real) = plt.subplots(1, 2, figsize=(8, 4))
ax_fake.imshow(tile(generated, 5, 8), cmap="gray_r", vmin=-1, vmax=1)
ax_fake.set_title("generated")
ax_real.imshow(tile(x_held, 5, 8), cmap="gray_r", vmin=-1, vmax=1)
ax_real.set_title("real (held out)")
for ax in (ax_fake, ax_real):
    ax.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 它学到东西了吗？ {#evaluation}
#
# 同一个裁判、同样的 1000 个噪声向量，这次经过训练好的生成器。学到了东西体现在三处：
# Fréchet 距离远低于未训练的生成器（模型这么小、训练这么短，到不了真图对真图的下限）；
# 被分类器高置信度认出的样本超过 15%，比未训练时至少高 10 个百分点；而且至少 6 个类别各占这 1000 个样本的 1% 以上，
# 排除了模式崩溃。Fréchet 距离至少降到未训练时的五分之一。

# %% [markdown] lang="en"
# ## Did it learn? {#evaluation}
#
# The same judge on the same 1,000 noise vectors, now through the trained generator. Learning
# shows up as a Fréchet distance far below the untrained generator's (it cannot reach the
# real-vs-real floor with a model this small and a run this short): at most a fifth of the
# untrained value. It also shows up as more than 15% of samples the classifier labels confidently,
# at least 10 points above the untrained generator, and as those labels spreading over at least six
# of the ten classes (each with at least 1% of the 1,000 samples), which rules out mode collapse.

# %%
fd_after, conf_after, counts_after = judge_samples(generated)
print(f"Frechet distance: untrained {fd_before:.2f} -> trained {fd_after:.2f} (real vs real: {noise_floor:.2f})")
print(f"confidently labeled samples: untrained {conf_before:.1%} -> trained {conf_after:.1%}")
print("confident samples per class 0-9:", counts_after.tolist())

classes_covered = int(np.sum(counts_after >= 10))  # at least 1% of the 1,000 samples
assert fd_after < fd_before / 5, f"Frechet distance {fd_after:.2f} did not drop 5x from {fd_before:.2f}"
assert conf_after > 0.15 and conf_after > conf_before + 0.1, f"confident share {conf_after:.1%} is too low"
assert classes_covered >= 6, f"confident samples cover only {classes_covered} classes (mode collapse?)"

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - GAN 是两个模型加两个优化器。在 Keras 3 里把训练循环写进 `train_step`，每个优化器只接收自己那个网络的变量；
#   不要用 `trainable = False` 的把戏，它在 Keras 3 和 Keras 2 里的行为不一样（见[图像迁移学习笔记本](../transfer-learning-images/#when-trainable-is-read)）。
# - 判别器输出 logits 并用 `from_logits=True`；生成器以 `tanh` 结尾，数据缩放到 [-1, 1]；
#   生成器最小化 $-\log D(G(z))$（非饱和损失），而不是 $\log(1 - D(G(z)))$。
# - GAN 的损失反映博弈是否平衡，不反映样本质量。要用分布层面的指标评估样本
#   （在分类器特征空间里算 FID 式的 Fréchet 距离），并检查类别覆盖来发现模式崩溃。
# - 面试官常追问的失败模式：D 压倒 G（生成器梯度消失）、模式崩溃、振荡；常见对策有 $\beta_1 = 0.5$ 的 Adam、
#   标签平滑、谱归一化，或者带梯度惩罚的 Wasserstein 损失。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - A GAN is two models and two optimizers. In Keras 3, write the loop in `train_step` and pass
#   each optimizer only its own network's variables; no `trainable = False` tricks, which behave
#   differently in Keras 3 than in Keras 2 (see the
#   [transfer-learning-images notebook](../transfer-learning-images/#when-trainable-is-read)).
# - The discriminator outputs logits and uses `from_logits=True`; the generator ends in `tanh` with
#   data scaled to [-1, 1]; the generator minimizes $-\log D(G(z))$ (non-saturating) rather than
#   $\log(1 - D(G(z)))$.
# - GAN losses show the balance of the game, not quality. Judge samples with a distribution metric
#   (FID-style Fréchet distance in a classifier's feature space) and check class coverage for mode
#   collapse.
# - Typical failure modes an interviewer will probe: D overpowering G (vanishing generator
#   gradient), mode collapse, and oscillation; common remedies are Adam with $\beta_1 = 0.5$, label
#   smoothing, spectral normalization, or a Wasserstein loss with gradient penalty.
