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
# # 交叉熵分类损失：独热编码还是整数标签，softmax 还是 logits {#dense-classifier-losses}
#
# **简介：** 在手写数字上训练全连接分类器，说明 categorical 与 sparse categorical 交叉熵、输入概率还是 logits，算的都是同一个损失；以及损失和标签不匹配时会发生什么。
# **最后修改：** 2026-11-30
# **出处：**《AI 大模型创业：如何利用市场优势？》中“算法编程题库及答案解析”第 1 题所附的全连接网络代码，原题收录在[市场优势指南](../../guides/market/#ask-001-code-dense)；另外讨论三篇文章里 CNN 代码的损失写法：《AI 大模型创业：如何利用创新优势？》“算法编程题库及答案解析”问题 1 与“源代码实例”问题 2（[创新优势指南](../../guides/innovation/#ask-000-code-simple-cnn)），《AI 大模型创业：如何利用人才优势？》“实现一个基于卷积神经网络的图像分类器”（[人才优势指南](../../guides/talent/#ask-002-code-cnn-classifier)），《AI 大模型创业：深入社会优势的实践与策略》“算法编程题库”问题 5（[社会优势指南](../../guides/social/#ask-004-code-image-classification)）。
#
# <details><summary>维护者注</summary>种子 001 L59–94（全连接网络，L72 编译、L86–87 `to_categorical`）；000 问题 1 L56–81（L77 编译）、问题 2 L167–201（L191–192 编译）；002 L230–256（L247–249 编译）；004 问题 5 L57–95（L73 编译、L86–87 `to_categorical`）。</details>
#
# 多分类模型的最后一层只有两种写法：softmax 层输出概率，或者线性层直接输出原始分数（logits）。
# 标签也只有两种格式：整数类别编号，或者独热编码（one-hot）向量。Keras 为每种组合都准备了对应的损失，
# 而选错损失恰恰是示例代码里最常见的 bug 之一，原文也不例外。面试时要能说清楚：
# 哪种损失配哪种标签和输出，为什么它们算出来是同一个数，以及为什么 `from_logits=True`
# 在数值上更稳。

# %% [markdown] lang="en"
# # Cross-entropy losses for classification: one-hot or integer labels, softmax or logits {#dense-classifier-losses}
#
# **Description:** Train a Dense classifier on digits and show that categorical and sparse categorical cross-entropy, with probabilities or with logits, are the same loss, and what happens when loss and labels do not match.
# **Last modified:** 2026-11-30
# **Source:** the Dense network code under problem 1 of "算法编程题库及答案解析" in *AI large-model
# startups: using the market advantage* (《AI 大模型创业：如何利用市场优势？》), quoted in the
# [market guide](../../guides/market/#ask-001-code-dense); also the losses in the CNN code of three
# other articles: problem 1 of "算法编程题库及答案解析" and problem 2 of "源代码实例" in *using the
# innovation advantage* (《AI 大模型创业：如何利用创新优势？》,
# [innovation guide](../../guides/innovation/#ask-000-code-simple-cnn)), "实现一个基于卷积神经网络的图像分类器" in
# *using the talent advantage* (《AI 大模型创业：如何利用人才优势？》,
# [talent guide](../../guides/talent/#ask-002-code-cnn-classifier)), and problem 5 of "算法编程题库" in
# *social advantage in practice* (《AI 大模型创业：深入社会优势的实践与策略》,
# [social guide](../../guides/social/#ask-004-code-image-classification)).
#
# <details><summary>Maintainer note</summary>Seed 001 L59–94 (Dense network, compile at L72, `to_categorical` at L86–87); 000 problem 1 L56–81 (compile at L77) and problem 2 L167–201 (compile at L191–192); 002 L230–256 (compile at L247–249); 004 problem 5 L57–95 (compile at L73, `to_categorical` at L86–87).</details>
#
# A multi-class classifier ends in one of two ways: a softmax layer that outputs probabilities, or
# a linear layer that outputs raw scores (logits). Its labels come in one of two formats: integer
# class ids, or one-hot vectors. Keras has a loss for every combination, and picking the wrong one
# is among the most common bugs in example code, including the source documents. In an interview
# you should be able to say which loss goes with which labels and output, why they compute the
# same number, and why `from_logits=True` is the numerically safer choice.

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - 000（问题 1）和 002 编译时用 `categorical_crossentropy`，它要求独热编码的标签，
# >   但两段代码都没有数据：000 问题 1 定义完模型、打印摘要就结束了；002 加载数据的地方只有一行
# >   `# ...`，接着就在没定义的 `x_train`、`y_train` 上训练。谁要是照常补上 MNIST 加载代码，
# >   拿到的是整数标签，`fit` 会直接报形状错误（下面“损失和标签不匹配时”一节实测）。
# > - 001 和 004 先用 `to_categorical` 转成独热编码，再配 `categorical_crossentropy`。这没错，
# >   但直接对整数标签用 `sparse_categorical_crossentropy` 算的是同一个损失，
# >   还省掉了一个（样本数 × 类别数）的矩阵；几篇文章都没解释为什么这样选。
# > - 000（问题 2）最后一层是线性的 `Dense(10)`，配 `from_logits=True`，这是推荐写法，
# >   但文中没说明最后一层为什么不加激活，也没提醒此时 `predict` 返回的是 logits 而不是概率。
# > - 001、004 和 000 问题 2 在运行时联网下载 MNIST/CIFAR-10；001、004、000 问题 2 和 002 用旧式的
# >   `input_shape=` 声明输入（只有 000 问题 1 用了 `tf.keras.Input`）。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - 000 (problem 1) and 002 compile `categorical_crossentropy`, which needs one-hot labels, but
# >   neither has any data: 000 problem 1 stops after printing the model summary, and 002's data
# >   loading is a single `# ...` before it fits on undefined `x_train`/`y_train`. Complete either
# >   with the usual MNIST loader and you get integer labels, and `fit` fails with a shape error
# >   (measured below under "When loss and labels do not match").
# > - 001 and 004 one-hot encode with `to_categorical` and use `categorical_crossentropy`. That is
# >   correct, but `sparse_categorical_crossentropy` on the integer labels computes the same loss
# >   without building a (samples × classes) matrix; none of the documents explains the choice.
# > - 000 (problem 2) ends in a linear `Dense(10)` with `from_logits=True`, the recommended form,
# >   but never says why the last layer has no activation, or that `predict` then returns logits,
# >   not probabilities.
# > - 001, 004 and 000 problem 2 download MNIST/CIFAR-10 at run time; 001, 004, 000 problem 2 and
# >   002 declare inputs with the legacy `input_shape=` (only 000 problem 1 uses `tf.keras.Input`).

# %% [markdown] lang="zh"
# ## 数据 {#data}
#
# 使用 scikit-learn 自带的手写数字，拉平成 64 维特征并缩放到 [0, 1]，正好适合一个小的全连接网络。
# `load_digits` 给出的是 0 到 9 的整数标签，`keras.utils.to_categorical` 把它们转成独热编码的行向量。

# %% [markdown] lang="en"
# ## The data {#data}
#
# We use scikit-learn's bundled handwritten digits, flattened to 64 features and scaled to [0, 1],
# which suits a small fully connected network. `load_digits` gives integer labels 0 to 9;
# `keras.utils.to_categorical` turns them into one-hot rows.

# %%
import warnings

import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)

features, labels = load_digits(return_X_y=True)
features = (features / 16.0).astype("float32")  # 8x8 pixels flattened to 64 values
x_train, x_test, y_train, y_test = train_test_split(
    features, labels, test_size=0.25, stratify=labels, random_state=42
)
num_classes = 10
y_train_onehot = keras.utils.to_categorical(y_train, num_classes)
y_test_onehot = keras.utils.to_categorical(y_test, num_classes)

print("x_train:", x_train.shape)
print("integer labels:", y_train.shape, y_train[:5])
print("one-hot labels:", y_train_onehot.shape)
print(y_train_onehot[:2])

# %% [markdown] lang="zh"
# ## 同一个损失，四种写法 {#same-loss}
#
# 单个样本的交叉熵就是 $-\log p_y$：模型给真实类别 y 的概率取对数再取负。Keras 的四种写法
# 区别只在于接受什么样的输入：
#
# | 标签 | 模型输出 | 损失 |
# |---|---|---|
# | 整数 | 概率（softmax） | `SparseCategoricalCrossentropy()` |
# | 独热编码 | 概率（softmax） | `CategoricalCrossentropy()` |
# | 整数 | logits（线性层） | `SparseCategoricalCrossentropy(from_logits=True)` |
# | 独热编码 | logits（线性层） | `CategoricalCrossentropy(from_logits=True)` |
#
# 为了验证它们一致，我们取一个未训练网络在测试集上的 logits，用 softmax 转成概率，
# 四种写法各算一遍，再加上一个按定义手写、用数值稳定的 log-softmax 实现的 NumPy 版本。

# %% [markdown] lang="en"
# ## One loss, four spellings {#same-loss}
#
# Cross-entropy for one sample is $-\log p_y$: minus the log of the probability the model gives to
# the true class y. The four Keras spellings only differ in what they accept:
#
# | Labels | Model output | Loss |
# |---|---|---|
# | integers | probabilities (softmax) | `SparseCategoricalCrossentropy()` |
# | one-hot | probabilities (softmax) | `CategoricalCrossentropy()` |
# | integers | logits (linear layer) | `SparseCategoricalCrossentropy(from_logits=True)` |
# | one-hot | logits (linear layer) | `CategoricalCrossentropy(from_logits=True)` |
#
# To check that they agree, we take the logits of an untrained network on the test set, turn them
# into probabilities with a softmax, and evaluate all four, plus a NumPy version written from the
# definition with a numerically stable log-softmax.

# %%
def build_model(output_activation):
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            layers.Dense(64, activation="relu"),
            layers.Dense(num_classes, activation=output_activation),
        ]
    )


logits = build_model(None).predict(x_test, verbose=0)  # linear output layer: logits
probs = keras.ops.convert_to_numpy(keras.ops.softmax(logits))

losses = {
    "sparse, probabilities": keras.losses.SparseCategoricalCrossentropy()(y_test, probs),
    "one-hot, probabilities": keras.losses.CategoricalCrossentropy()(y_test_onehot, probs),
    "sparse, logits": keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y_test, logits),
    "one-hot, logits": keras.losses.CategoricalCrossentropy(from_logits=True)(y_test_onehot, logits),
}
shifted = logits - logits.max(axis=1, keepdims=True)
log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
losses["NumPy, by definition"] = -log_softmax[np.arange(len(y_test)), y_test].mean()

for name, value in losses.items():
    print(f"{name:<24}{float(value):.6f}")
reference = float(losses["NumPy, by definition"])
for name, value in losses.items():
    assert np.isclose(float(value), reference, rtol=1e-5), f"{name} differs from the definition"

# %% [markdown] lang="zh"
# ## 为什么 `from_logits=True` 更稳 {#from-logits}
#
# 模型非常自信却判错时，真实类别的概率在 float32 下会下溢成 0。接收概率的损失函数在取对数前
# 必须先把概率裁剪到 $[\varepsilon, 1 - \varepsilon]$（Keras 的 $\varepsilon = 10^{-7}$），于是损失被封顶在 $-\log \varepsilon \approx 16.1$，
# 本该狠狠推动这个样本的梯度也就没了。直接用 logits 时，损失走 log-sum-exp 的形式，结果是精确的。
#
# 面试官可能追问的一个细节：在 TensorFlow 后端下，Keras 会记住由它自己的 softmax 产生的张量
# 背后的 logits，并悄悄改用 logits 计算，所以“softmax 输出层 + 概率形式的损失”通常也能躲过这个问题
# （下一格实测：对 `keras.ops.softmax` 的输出，概率形式的损失也给出精确值）。
# 但以普通数组形式传进来的概率（来自 NumPy、别的库或者存盘文件）没有这段“来历”，照样会被裁剪。

# %% [markdown] lang="en"
# ## Why `from_logits=True` is safer {#from-logits}
#
# When a model is very confident and wrong, the probability of the true class underflows to 0 in
# float32. A loss that receives probabilities must clip them to $[\varepsilon, 1 - \varepsilon]$ (Keras uses
# $\varepsilon = 10^{-7}$) before taking the log, so the loss is capped at $-\log \varepsilon \approx 16.1$ and the gradient that
# should push hard on that sample is lost. With logits, the loss uses the log-sum-exp form and
# stays exact.
#
# One subtlety an interviewer may probe: with the TensorFlow backend, Keras remembers the logits
# behind a tensor that its own softmax produced and quietly uses them, so a softmax output layer
# trained with a probability loss is usually protected (measured in the next cell: on the output
# of `keras.ops.softmax`, the probability loss is exact too). Probabilities that arrive as a plain
# array (from NumPy, another library, a saved file) have no such history, and the clipping applies.

# %%
extreme_logits = np.array([[0.0, 60.0, -60.0]], dtype="float32")  # true class 2 is very unlikely
true_class = np.array([2])
exact = 60.0 - (-60.0) + np.log1p(np.exp(-60.0) + np.exp(-120.0))  # log-sum-exp minus the true logit
shifted = extreme_logits - extreme_logits.max(axis=1, keepdims=True)
extreme_probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)  # plain NumPy softmax

loss_logits = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(true_class, extreme_logits))
loss_probs = float(keras.losses.SparseCategoricalCrossentropy()(true_class, extreme_probs))
print("probabilities:", extreme_probs)
print(f"exact loss {exact:.2f}, from logits {loss_logits:.2f}, from probabilities {loss_probs:.2f}")
assert np.isclose(loss_logits, exact, rtol=1e-4), "from_logits=True should give the exact loss"
assert loss_probs < 16.2, "the probability path should be capped by clipping at -log(1e-7)"

keras_probs = keras.ops.softmax(extreme_logits)  # a Keras tensor that remembers its logits (TF backend)
loss_tracked = float(keras.losses.SparseCategoricalCrossentropy()(true_class, keras_probs))
print(f"probabilities from keras.ops.softmax: loss {loss_tracked:.2f}")
assert np.isclose(loss_tracked, exact, rtol=1e-4), "Keras should recover the logits behind its own softmax"

# %% [markdown] lang="zh"
# ## 训练两种正确的配置 {#training}
#
# 下面是实践中最常见的两种配置，从相同的初始权重、相同的打乱顺序开始训练：
#
# - **A**：softmax 输出、独热编码标签、`categorical_crossentropy`（001 和 004 的写法）；
# - **B**：线性输出、整数标签、`SparseCategoricalCrossentropy(from_logits=True)`
#   （000 中 CIFAR-10 代码的写法）。
#
# `"accuracy"` 指标会自动适配标签格式（Keras 根据损失选择 categorical 或 sparse 版本的准确率）。
# A 和 B 最小化的是同一个函数，最终准确率应当基本一样：两者都高于 0.93，相差不到 0.02（下一格断言）。

# %% [markdown] lang="en"
# ## Training both correct setups {#training}
#
# Now the two setups you will see in practice, trained from the same initial weights and the same
# shuffling order:
#
# - **A**: softmax output, one-hot labels, `categorical_crossentropy` (the style of 001 and 004);
# - **B**: linear output, integer labels, `SparseCategoricalCrossentropy(from_logits=True)`
#   (the style of 000's CIFAR-10 code).
#
# The `"accuracy"` metric adapts to the label format (Keras picks categorical or sparse accuracy
# from the loss). Since A and B minimize the same function, they should end up with essentially
# the same accuracy: both above 0.93 and within 0.02 of each other (asserted in the next cell).

# %%
def train(output_activation, loss, train_labels, epochs=20):
    keras.utils.set_random_seed(42)  # same initial weights and shuffling for every run
    model = build_model(output_activation)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=loss, metrics=["accuracy"])
    model.fit(x_train, train_labels, epochs=epochs, batch_size=32, verbose=0)
    return model


model_a = train("softmax", "categorical_crossentropy", y_train_onehot)
model_b = train(None, keras.losses.SparseCategoricalCrossentropy(from_logits=True), y_train)

_, acc_a = model_a.evaluate(x_test, y_test_onehot, verbose=0)
_, acc_b = model_b.evaluate(x_test, y_test, verbose=0)
print(f"A (softmax + one-hot + categorical):      test accuracy {acc_a:.3f}")
print(f"B (logits + integers + sparse, logits):   test accuracy {acc_b:.3f}")
assert acc_a > 0.93 and acc_b > 0.93, f"accuracies {acc_a:.3f} / {acc_b:.3f} should both exceed 0.93"
assert abs(acc_a - acc_b) < 0.02, "the two equivalent setups should reach the same accuracy"

# %% [markdown] lang="zh"
# 模型 B 输出的是 logits，所以 `predict` 返回的是未归一化的分数：有负值，每行加起来也不是 1（下一格断言）。
# 需要概率时再套一层 softmax；softmax 是单调的，所以无论套不套，argmax（也就是预测类别）都不变，这一点由构造保证，只打印出来看看。

# %% [markdown] lang="en"
# Model B outputs logits, so `predict` returns unnormalized scores: some are negative and rows do
# not sum to 1 (asserted in the next cell). Apply a softmax when you need probabilities; softmax is
# monotonic, so the argmax, and therefore the predicted class, is the same either way: that holds
# by construction, so it is printed, not tested.

# %%
scores_b = model_b.predict(x_test, verbose=0)
probs_b = keras.ops.convert_to_numpy(keras.ops.softmax(scores_b))
print("logit row sums:", np.round(scores_b.sum(axis=1)[:3], 2), " probability row sums:", np.round(probs_b.sum(axis=1)[:3], 4))
print("same predicted class with and without softmax:", bool((scores_b.argmax(axis=1) == probs_b.argmax(axis=1)).all()))
assert (scores_b < 0).any() and not np.allclose(scores_b.sum(axis=1), 1.0), "model B should return raw scores, not probabilities"

# %% [markdown] lang="zh"
# ## 损失和标签不匹配时 {#mismatch}
#
# 形状不匹配会直接报错。把整数标签喂给 `categorical_crossentropy`（原文代码就是这么做的），
# 第一个批量就会停下；把独热编码标签喂给 sparse 版本的损失也一样。
# 报错信息里写明了涉及的形状，读懂它就知道问题出在哪。

# %% [markdown] lang="en"
# ## When loss and labels do not match {#mismatch}
#
# Shape mismatches fail loudly. Feeding integer labels to `categorical_crossentropy`, which is what
# the source code does, stops at the first batch; so does feeding one-hot labels to the sparse
# loss. The error message names the shapes involved, which is the clue to read.

# %%
def try_fit(loss, train_labels):
    model = build_model("softmax")
    model.compile(optimizer="adam", loss=loss)
    try:
        model.fit(x_train, train_labels, epochs=1, verbose=0)
    except ValueError as err:
        return str(err)
    return None


error_int = try_fit("categorical_crossentropy", y_train)
print("categorical_crossentropy + integer labels ->", error_int)
error_onehot = try_fit("sparse_categorical_crossentropy", y_train_onehot)
print("sparse_categorical_crossentropy + one-hot labels ->", error_onehot)
assert error_int is not None, "integer labels with categorical_crossentropy should raise"
assert error_onehot is not None, "one-hot labels with sparse_categorical_crossentropy should raise"

# %% [markdown] lang="zh"
# 真正危险的是不报错的不匹配。线性输出层配默认的 `from_logits=False`，什么错误都不会抛：
# 损失函数把任意实数分数当成概率来用（Keras 会先归一化再裁剪），梯度方向毫无意义，
# 模型最后只能训到很差的准确率（下面实测：比正确配置低 0.2 以上），代码看上去却一切正常。
# 反过来的错误——softmax 输出配 `from_logits=True`——本意是把概率当 logits 再做一次 softmax；
# Keras 对这种情况至少会给出警告（下面同样实测）。

# %% [markdown] lang="en"
# The dangerous mismatch is the silent one. A linear output layer compiled with the default
# `from_logits=False` raises nothing: the loss treats arbitrary real scores as if they were
# probabilities (Keras rescales and clips them), the gradients point in meaningless directions,
# and the model trains to a poor accuracy while the code looks fine (measured below: more than 0.2
# below the correct setup). The reverse mistake, softmax output with `from_logits=True`, asks for
# a second softmax on top of probabilities; Keras at least warns about that one (also checked below).

# %%
model_silent = train(None, "sparse_categorical_crossentropy", y_train)  # logits, but from_logits=False
_, acc_silent = model_silent.evaluate(x_test, y_test, verbose=0)
print(f"linear output with from_logits=False: test accuracy {acc_silent:.3f} (correct setup: {acc_b:.3f})")
assert acc_silent < acc_b - 0.2, "the silent mismatch should train much worse than the correct setup"

with warnings.catch_warnings(record=True) as caught:  # captured so the notebook shows it as text
    warnings.simplefilter("always")
    keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y_test, model_a(x_test))
messages = [str(w.message) for w in caught]
print("softmax output with from_logits=True warns:", messages[:1])
assert any("from_logits=True" in m and "Softmax" in m for m in messages), "expected Keras to warn"

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 整数标签 → `sparse_categorical_crossentropy`；独热编码标签 → `categorical_crossentropy`。
#   两者算的都是 $-\log p(\text{真实类别})$，sparse 版本只是省去了构造独热编码矩阵。
# - 最后一层是线性层就要 `from_logits=True`，是 softmax 就要 `from_logits=False`。
#   配错了不会报错，只会悄悄把训练搞坏。
# - 优先用 logits + `from_logits=True`：概率下溢后会被裁剪到 1e-7，而 log-sum-exp 依然精确；
#   需要概率时再对输出做 `softmax`。
# - 看到 "target.shape=(None,), output.shape=(None, 10)" 这类形状错误，说明标签格式和损失对不上：
#   该改的是损失，而不是数据。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Integer labels → `sparse_categorical_crossentropy`; one-hot labels → `categorical_crossentropy`.
#   Both compute $-\log p(\text{true class})$; the sparse form skips building the one-hot matrix.
# - A linear last layer needs `from_logits=True`; a softmax last layer needs `from_logits=False`.
#   Getting this wrong raises nothing and quietly ruins training.
# - Prefer logits plus `from_logits=True`: log-sum-exp is exact where probabilities underflow and
#   get clipped at 1e-7; apply `softmax` to the outputs when you need probabilities.
# - Shape errors such as "target.shape=(None,), output.shape=(None, 10)" mean the label format and
#   the loss disagree: fix the loss, not the data.
