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
# # 学习率调度与早停 {#lr-schedule-early-stopping}
#
# **简介：** 验证损失停滞时降低学习率（`ReduceLROnPlateau`），不再改善时停止训练（`EarlyStopping`，`restore_best_weights=True`），并与带预热的余弦衰减等调度对象作对比。
# **最后修改：** 2026-11-30
# **出处：** 《AI 大模型创业：如何利用市场优势？》：「代码示例：学习率调整（Python代码，使用TensorFlow库）」，附在「大模型训练过程中参数调优」之后（[市场优势指南](../../guides/market/#ask-001-code-lr-schedule)）。
#
# <details><summary>维护者注</summary>源文档行号（按 <code>cat -n</code> 计）：001 · L182–207（“极致详尽丰富的答案解析说明和源代码实例”第 2 条，代码 L193–207）。</details>
#
# 学习率是梯度训练里最重要的超参数。步子大，前期进展快，但到了极小值附近会来回震荡；步子小，
# 能稳稳落进极小值，但走得慢。所以实际训练中学习率是*变化*的，在 Keras 里有两种做法：
#
# - **回调**，比如 `ReduceLROnPlateau`，在每个轮次结束时根据监控的指标做出反应
#   （“验证损失已经 2 个轮次没有改善，学习率除以 5”）；
# - **调度对象**，比如 `CosineDecay`，是优化器步数计数器的一个固定函数，训练开始前就已确定，
#   每个批次都会计算一次。
#
# `EarlyStopping` 属于第一类：它盯着同一个验证指标，指标不再改善就结束训练，并把最好那个轮次
# 的权重放回模型。面试官会追问细节：回调能看哪份数据、两个 patience 怎么配合、
# `restore_best_weights` 到底恢复了什么，以及 Transformer 为什么都要做预热。

# %% [markdown] lang="en"
# # Learning-rate schedules and early stopping {#lr-schedule-early-stopping}
#
# **Description:** Lower the learning rate when validation loss stalls (`ReduceLROnPlateau`), stop when it stops improving (`EarlyStopping` with `restore_best_weights=True`), and compare with a schedule object such as cosine decay with warmup.
# **Last modified:** 2026-11-30
# **Source:** *AI large-model startups: how to use a market advantage?* (《AI 大模型创业：如何利用市场优势？》): "Code example: learning-rate adjustment (Python code, using TensorFlow)", attached to "Parameter tuning in large-model training" ([market guide](../../guides/market/#ask-001-code-lr-schedule)).
#
# <details><summary>Maintainer note</summary>Source line numbers (as <code>cat -n</code> counts them): 001 · L182–207 ("极致详尽丰富的答案解析说明和源代码实例", item 2, code at L193–207).</details>
#
# The learning rate is the most important hyperparameter of gradient-based training. Large steps
# make fast progress early on but bounce around a minimum; small steps settle into it but are
# slow. Practical training therefore *changes* the learning rate during training, and there are
# two ways to do it in Keras:
#
# - a **callback** such as `ReduceLROnPlateau` reacts to a measured metric at the end of each epoch
#   ("validation loss has not improved for 2 epochs: divide the learning rate by 5");
# - a **schedule object** such as `CosineDecay` is a fixed function of the optimizer's step counter,
#   known before training starts and evaluated at every batch.
#
# `EarlyStopping` belongs with the first kind: it watches the same validation metric, ends the
# run once it stops improving, and puts back the weights of the best epoch. Interviewers probe the
# details: which data the callbacks may look at, how the patiences interact, what
# `restore_best_weights` really restores, and why warmup is standard for Transformers.

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - 代码是依赖前文的片段：`model`、`x_train`、`y_train`、`x_test`、`y_test` 来自同一篇文章前面
# >   “用深度学习框架实现简单模型”的代码块（MNIST 全连接网络），这里单独跑不起来。
# > - 它把**测试集**当作 `validation_data` 传给一个要根据它做训练决策的回调。测试集一旦参与了
# >   训练决策，就不再是无偏的评估；做决策应该用单独划出的验证集。
# > - 没有早停：训练总是跑满 10 个轮次，返回最后一轮的权重，哪怕前面某一轮更好；
# >   也没有记录或展示什么时候用了什么学习率（Keras 3 把它记在 `history.history["learning_rate"]` 里）。
# > - 原文说调整学习率是为了“避免模型过拟合”。学习率衰减是*优化*手段（让损失稳稳落进极小值），
# >   防过拟合靠的是早停、正则化和更多的数据。文中提到的学习率预热也没有给出任何代码。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - The code is a fragment that depends on an earlier block: `model`, `x_train`, `y_train`,
# >   `x_test` and `y_test` come from the same article's earlier code example (the MNIST dense
# >   network of "implement a simple model with a deep learning framework"), so it cannot run on
# >   its own.
# > - It passes the **test set** as `validation_data` to a callback that makes training decisions
# >   from it. Once the test set steers training it is no longer an unbiased estimate; decisions
# >   must be made on a separate validation split.
# > - There is no early stopping: training always runs its 10 epochs and returns the last weights,
# >   even when an earlier epoch was better, and nothing records or shows which learning rate was
# >   used when (Keras 3 puts it in `history.history["learning_rate"]`).
# > - The surrounding text says the learning rate is adjusted "to avoid overfitting". Learning-rate
# >   decay is an *optimization* tool (it lets the loss settle into a minimum); overfitting is
# >   handled by early stopping, regularization and more data. The warmup it mentions
# >   (学习率预热) is never shown.

# %% [markdown] lang="zh"
# ## 数据 {#data}
#
# 使用 scikit-learn 自带的 8x8 真实手写数字，像素缩放到 [0, 1]。数据分成互不重叠的三份：
# 一个故意取得很小的训练集（300 张，让模型几个轮次内就开始过拟合，回调才有东西可反应）、
# 一个供回调监控的验证集，以及一个训练过程完全看不到的测试集。

# %% [markdown] lang="en"
# ## The data {#data}
#
# Real 8x8 handwritten digits from scikit-learn, pixel values scaled to [0, 1]. We keep three
# disjoint splits: a deliberately small training set of 300 images (so the model overfits within a
# few epochs and the callbacks have something to react to), a validation set that the callbacks
# watch, and a test set that nothing in training ever sees.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)

X, y = load_digits(return_X_y=True)
X = (X / 16.0).astype("float32")
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.3, random_state=42, stratify=y)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, train_size=300, random_state=42, stratify=y_rest
)
print(f"train {len(X_train)}, validation {len(X_val)}, test {len(X_test)}")

# %% [markdown] lang="zh"
# ## 模型 {#model}
#
# 两个隐藏层的 MLP，容量足够把 300 张图背下来。Adam 的初始学习率设得偏高（3e-3），
# 这样之后降低学习率的效果才看得出来。

# %% [markdown] lang="en"
# ## The model {#model}
#
# A two-hidden-layer MLP, large enough to memorize 300 images. Adam starts from a fairly high
# learning rate, 3e-3, so that lowering it later has a visible effect.

# %%
def make_model():
    inputs = keras.Input(shape=(64,))
    x = keras.layers.Dense(256, activation="relu")(inputs)
    x = keras.layers.Dense(256, activation="relu")(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs)


INITIAL_LR = 3e-3
MAX_EPOCHS = 100
model = make_model()
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=INITIAL_LR),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

# %% [markdown] lang="zh"
# ## ReduceLROnPlateau 与 EarlyStopping {#callbacks}
#
# 两个回调都监控 `val_loss`，也就是每个轮次结束时在验证集上算出的损失：
#
# - `ReduceLROnPlateau(factor=0.2, patience=2, min_lr=1e-4)`：连续 2 个轮次没有改善，
#   学习率乘以 0.2，但不低于 1e-4。（`min_delta` 规定下降多少才算改善；`cooldown`
#   让它在降低学习率之后暂停计数几轮。）
# - `EarlyStopping(patience=6, restore_best_weights=True)`：连续 6 个轮次没有改善就停止，
#   并加载最好那个轮次结束时的权重。
#
# 早停的 patience 必须明显大于降学习率的 patience，否则训练会在第一次停滞时就结束，
# 降下来的学习率根本没机会发挥作用。100 个轮次的上限只是兜底，什么时候停由回调决定。
# `verbose=0` 让输出保持简短：history 记录了每个轮次的数据，包括学习率。

# %% [markdown] lang="en"
# ## ReduceLROnPlateau and EarlyStopping {#callbacks}
#
# Both callbacks monitor `val_loss`, computed at the end of every epoch on the validation split:
#
# - `ReduceLROnPlateau(factor=0.2, patience=2, min_lr=1e-4)`: after 2 epochs without improvement,
#   multiply the learning rate by 0.2, but never go below 1e-4. (`min_delta` sets how much of a
#   drop counts as an improvement; `cooldown` pauses the counting after a reduction.)
# - `EarlyStopping(patience=6, restore_best_weights=True)`: stop after 6 epochs without
#   improvement and load the weights from the end of the best epoch.
#
# The early-stopping patience must be clearly larger than the plateau patience. Otherwise training
# stops at the first plateau, before the lower learning rate has had a chance to help. The limit of
# 100 epochs is only a safety net; the callbacks decide when to stop. `verbose=0` keeps the output
# short: the history records every epoch, including the learning rate.

# %%
reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.2, patience=2, min_lr=1e-4)
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=6, restore_best_weights=True)

history = model.fit(
    X_train,
    y_train,
    validation_data=(X_val, y_val),
    epochs=MAX_EPOCHS,
    batch_size=32,
    callbacks=[reduce_lr, early_stop],
    verbose=0,
)
hist = history.history
print("recorded per epoch:", sorted(hist))

# %% [markdown] lang="zh"
# ## 回调做了什么 {#what-happened}
#
# `history.history["learning_rate"]` 记录了每个轮次实际使用的学习率（这个键是
# `ReduceLROnPlateau` 加进去的）。结合验证损失，就能看出学习率在哪里被降低、最好的是哪一轮、训练在哪里停下。
#
# 接着是对 `restore_best_weights` 最关键的检验：`fit()` *结束之后*再评估模型，得到的必须是
# history 中验证损失的最小值，而不是最后一轮的损失。Keras 3 在训练结束时执行恢复，
# 所以即使训练跑满 `epochs`、没有提前停止，也同样会恢复（旧版 `tf.keras` 只在真正早停时才恢复）。
# 恢复的只是模型权重，优化器状态和学习率都不会回退。

# %% [markdown] lang="en"
# ## What the callbacks did {#what-happened}
#
# `history.history["learning_rate"]` holds the learning rate used in each epoch (the key is added
# by `ReduceLROnPlateau`). From it and the validation losses we read off when the rate was cut,
# where the best epoch was and when training stopped.
#
# Then the key check of `restore_best_weights`: evaluating the model *after* `fit()` must give the
# minimum validation loss of the history, not the loss of the last epoch. In Keras 3 the restore
# happens at the end of training, so it also applies when the run reaches `epochs` without
# stopping early (older `tf.keras` restored only when it did stop). Only the model weights are
# restored, not the optimizer state or the learning rate.

# %%
lrs = np.array(hist["learning_rate"])
val_losses = np.array(hist["val_loss"])
epochs_run = len(val_losses)
cut_epochs = [e + 1 for e in range(1, epochs_run) if lrs[e] < lrs[e - 1]]
best_epoch = int(np.argmin(val_losses)) + 1
print(f"ran {epochs_run} of {MAX_EPOCHS} epochs; learning rate cut before epochs {cut_epochs}")
print("learning rates used:", [f"{lr:.2e}" for lr in dict.fromkeys(lrs.tolist())])
print(f"best epoch {best_epoch}: val_loss {val_losses.min():.4f}; last epoch: val_loss {val_losses[-1]:.4f}")

restored_val_loss, restored_val_acc = model.evaluate(X_val, y_val, batch_size=32, verbose=0)
test_loss, test_acc = model.evaluate(X_test, y_test, verbose=0)
print(f"after fit(): val_loss {restored_val_loss:.4f}, test accuracy {test_acc:.3f}")

assert lrs.min() < INITIAL_LR, "ReduceLROnPlateau never lowered the learning rate"
assert epochs_run < MAX_EPOCHS, f"training ran all {MAX_EPOCHS} epochs: early stopping never triggered"
assert early_stop.best_epoch + 1 == best_epoch, "EarlyStopping's best epoch is not the val_loss minimum"
assert np.isclose(restored_val_loss, val_losses.min(), rtol=1e-5), (
    f"restored val_loss {restored_val_loss:.5f} != best val_loss {val_losses.min():.5f}"
)
assert test_acc > 0.85, f"test accuracy {test_acc:.3f} is below 0.85"

# %% [markdown] lang="zh"
# 下图把整个过程画了出来。验证损失先快速下降，随后趋于平缓，而训练损失还在一路下降：
# 模型在背那 300 张训练图。验证损失连续两个轮次没有刷新最好值，学习率就被降低（虚线处）。
# 到了这个阶段，更小的学习率也换不来实质性的改善，连续六个轮次没有新的最好值之后，早停结束了训练。
# 星号标出的是模型现在所持有权重对应的那一轮。

# %% [markdown] lang="en"
# The plot shows the mechanics. The validation loss falls quickly and then flattens out, while the
# training loss keeps falling: the model is memorizing the 300 training images. Once the
# validation loss has gone two epochs without a new best, the learning rate is cut (dotted lines).
# Here the lower rate brings no real improvement any more, so after six epochs without a new best
# early stopping ends the run. The star marks the epoch whose weights the model now holds.

# %%
epochs_axis = np.arange(1, epochs_run + 1)
fig, (ax_loss, ax_lr) = plt.subplots(1, 2, figsize=(9, 3))
ax_loss.plot(epochs_axis, hist["loss"], label="train loss")
ax_loss.plot(epochs_axis, val_losses, label="val loss")
ax_loss.plot(best_epoch, val_losses.min(), "k*", markersize=10, label="restored (best)")
for e in cut_epochs:
    ax_loss.axvline(e - 0.5, color="gray", linestyle=":", linewidth=1)
ax_loss.set_yscale("log")
ax_loss.set_xlabel("epoch")
ax_loss.set_title("Loss (dotted: learning-rate cut)")
ax_loss.legend(fontsize=8)
ax_lr.step(epochs_axis, lrs, where="mid")
ax_lr.set_yscale("log")
ax_lr.set_xlabel("epoch")
ax_lr.set_title("Learning rate (ReduceLROnPlateau)")
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 调度对象 {#schedules}
#
# `keras.optimizers.schedules.LearningRateSchedule` 把优化器的步数计数器（已经处理过的批次数）
# 映射成学习率。它每个批次计算一次，训练开始前就完全确定，并且随优化器一起保存。常用的两种：
#
# - `ExponentialDecay`：$\mathrm{lr}_0 \cdot \mathrm{rate}^{t/k}$；设 `staircase=True` 时指数向下取整，学习率每 k 个批次
#   阶梯式下降一次（经典的“阶梯衰减”）。
# - 带 `warmup_steps` 和 `warmup_target` 的 `CosineDecay`：先从 `initial_learning_rate`
#   线性升到 `warmup_target`，再沿半个余弦周期降到 `alpha` × target。
#   先预热再余弦衰减是训练 Transformer 和大模型的标准做法：训练刚开始时，Adam 的二阶矩估计只基于很少几个批次，
#   大步长容易让训练失稳，所以学习率要从很小开始（预热随 Transformer 一起提出，见
#   [Vaswani 等，2017](https://arxiv.org/abs/1706.03762)；方差的解释见
#   [Liu 等，2020](https://arxiv.org/abs/1908.03265)；本笔记本没有测量这一点）。
#
# 调度对象可以直接调用，因此很方便画出来，也方便和公式核对。

# %% [markdown] lang="en"
# ## Schedule objects {#schedules}
#
# A `keras.optimizers.schedules.LearningRateSchedule` maps the optimizer's step counter (the number
# of batches seen so far) to a learning rate. It is evaluated at every batch, is fully determined
# before training starts, and is saved with the optimizer. Two common ones:
#
# - `ExponentialDecay`: $\mathrm{lr}_0 \cdot \mathrm{rate}^{t/k}$; with `staircase=True` the exponent is rounded down, so the
#   rate drops in steps every k batches (the classic "step decay").
# - `CosineDecay` with `warmup_steps` and `warmup_target`: a linear ramp from
#   `initial_learning_rate` up to `warmup_target`, then half a cosine down to `alpha` × target.
#   Warmup followed by cosine decay is the standard recipe for Transformers and LLMs: early on,
#   Adam's second-moment estimates rest on few batches and large steps can destabilize training,
#   so the learning rate starts small (warmup came with the Transformer,
#   [Vaswani et al., 2017](https://arxiv.org/abs/1706.03762); the variance argument is
#   [Liu et al., 2020](https://arxiv.org/abs/1908.03265); this notebook does not measure it).
#
# A schedule can be called directly, which makes it easy to plot and to check against its formula.

# %%
STEPS_PER_EPOCH = int(np.ceil(len(X_train) / 32))
SCHEDULE_EPOCHS = 20
total_steps = STEPS_PER_EPOCH * SCHEDULE_EPOCHS
warmup_steps = 2 * STEPS_PER_EPOCH

cosine = keras.optimizers.schedules.CosineDecay(
    initial_learning_rate=0.0,
    warmup_target=INITIAL_LR,
    warmup_steps=warmup_steps,
    decay_steps=total_steps - warmup_steps,
    alpha=0.01,
)
exponential = keras.optimizers.schedules.ExponentialDecay(
    initial_learning_rate=INITIAL_LR, decay_steps=4 * STEPS_PER_EPOCH, decay_rate=0.5, staircase=True
)
steps = np.arange(total_steps + 1)
cosine_lrs = np.array([float(cosine(s)) for s in steps])
exponential_lrs = np.array([float(exponential(s)) for s in steps])

print(f"{total_steps} steps; cosine: start {cosine_lrs[0]:.1e}, peak {cosine_lrs.max():.1e} "
      f"at step {cosine_lrs.argmax()}, end {cosine_lrs[-1]:.1e}")
assert cosine_lrs.argmax() == warmup_steps and np.isclose(cosine_lrs.max(), INITIAL_LR), "warmup peak is wrong"
assert np.isclose(cosine_lrs[-1], 0.01 * INITIAL_LR), "cosine decay does not end at alpha * target"
assert np.allclose(exponential_lrs, INITIAL_LR * 0.5 ** np.floor(steps / (4 * STEPS_PER_EPOCH))), (
    "staircase exponential decay does not match its formula"
)

fig, ax = plt.subplots(figsize=(8, 3))
ax.plot(steps, cosine_lrs, label="CosineDecay with warmup")
ax.plot(steps, exponential_lrs, label="ExponentialDecay (staircase)")
ax.set_xlabel("optimizer step (batch)")
ax.set_ylabel("learning rate")
ax.set_title("Schedules are functions of the step counter")
ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 用调度对象训练 {#schedule-training}
#
# 把调度对象作为优化器的 `learning_rate` 传进去即可，其他都不用改：不需要回调，训练长度是固定的，
# 因为调度需要事先知道总步数。训练结束后，优化器当前的学习率就是调度函数在其步数计数器上的取值。
#
# 反过来，用调度对象构建的优化器，学习率是不能再赋值的。赋值（这正是 `ReduceLROnPlateau`
# 内部所做的事）会抛出 `TypeError`，所以这两种机制不能用在同一个优化器上。
#
# 最后比较两种策略的测试准确率：两者都高于 0.85，彼此相差不到 0.05（都有断言）。在这个 300 张图的
# 小任务上，这个实验分不出哪种策略更好，所以本文不给它们排名；选哪种取决于下表里的条件，而不是这一次的分数。

# %% [markdown] lang="en"
# ## Training with a schedule {#schedule-training}
#
# Pass the schedule as the optimizer's `learning_rate`. Nothing else changes: there is no callback,
# and the run has a fixed length, because the schedule needs to know the total number of steps in
# advance. After training, the optimizer's current learning rate is simply the schedule evaluated
# at its step counter.
#
# The flip side: an optimizer built on a schedule has no settable learning rate. Assigning one,
# which is exactly what `ReduceLROnPlateau` does internally, raises a `TypeError`, so the two
# mechanisms cannot be combined on the same optimizer.
#
# Finally, the test accuracy of the two strategies: both are above 0.85 and within 0.05 of each
# other (both asserted). On this 300-image task the experiment cannot tell which strategy is
# better, so we do not rank them; the choice depends on the conditions in the table below, not on
# this one score.

# %%
scheduled_model = make_model()
scheduled_model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=cosine),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
scheduled_model.fit(X_train, y_train, epochs=SCHEDULE_EPOCHS, batch_size=32, verbose=0)
optimizer = scheduled_model.optimizer
current_lr = float(optimizer.learning_rate)
print(f"steps taken: {int(optimizer.iterations)}, current learning rate {current_lr:.2e}")
assert int(optimizer.iterations) == total_steps, "the optimizer did not take the expected number of steps"
assert np.isclose(current_lr, float(cosine(total_steps))), "the optimizer's rate is not schedule(step)"

try:
    optimizer.learning_rate = 1e-4  # what ReduceLROnPlateau would try to do
    raised = False
except TypeError as exc:
    raised = True
    print("TypeError:", str(exc).split(". ")[0] + ".")
assert raised, "setting the learning rate of a scheduled optimizer should raise TypeError"

_, scheduled_test_acc = scheduled_model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy: plateau + early stopping {test_acc:.3f}, cosine schedule {scheduled_test_acc:.3f}")
assert scheduled_test_acc > 0.85, f"test accuracy {scheduled_test_acc:.3f} is below 0.85"
assert abs(scheduled_test_acc - test_acc) < 0.05, "the two strategies were expected to land within 0.05"

# %% [markdown] lang="zh"
# ## 回调还是调度？ {#callback-vs-schedule}
#
# | | 调度对象（`CosineDecay`、`ExponentialDecay` 等） | `ReduceLROnPlateau` 回调 |
# |---|---|---|
# | 依据 | 只看步数计数器 | 监控的指标，通常是 `val_loss` |
# | 粒度 | 每个批次 | 每个轮次结束时 |
# | 能否事先确定 | 能：可复现（余弦类调度要知道总步数） | 不能：随训练情况调整 |
# | 是否需要验证集 | 不需要 | 需要 |
# | 典型场景 | Transformer 与大模型（预热 + 余弦）、固定的训练预算 | 中小模型、训练长度事先不确定 |
#
# `keras.callbacks.LearningRateScheduler(fn)` 介于两者之间：它是个回调，在每个轮次开始时
# 按轮次序号的函数设定学习率，所以像调度对象一样事先确定，但每个轮次只变一次。
# `EarlyStopping` 和哪一种都能搭配，只要调度不依赖于一个会被早停截断的固定训练长度。

# %% [markdown] lang="en"
# ## Callback or schedule? {#callback-vs-schedule}
#
# | | Schedule object (`CosineDecay`, `ExponentialDecay`, ...) | `ReduceLROnPlateau` callback |
# |---|---|---|
# | Decides from | the step counter only | a monitored metric, usually `val_loss` |
# | Granularity | every batch | end of an epoch |
# | Known in advance | yes: reproducible (cosine needs the total number of steps) | no: adapts to what happens |
# | Needs validation data | no | yes |
# | Typical use | Transformers and LLMs (warmup + cosine), fixed budgets | small and medium models, unknown length |
#
# `keras.callbacks.LearningRateScheduler(fn)` sits in between: a callback that sets the rate at the
# start of each epoch from a function of the epoch index, so it is fixed in advance like a schedule
# but changes only once per epoch. `EarlyStopping` combines with either approach, as long as the
# schedule does not depend on a fixed run length that early stopping would cut short.

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 监控**验证集**，绝不用测试集：回调在做训练决策，参与了训练决策的数据就给不出无偏的评估。
# - `ReduceLROnPlateau` 在监控指标停滞时降低学习率，`EarlyStopping` 负责结束训练。
#   早停的 patience 要更大，否则降下来的学习率没机会起作用。
# - 设了 `restore_best_weights=True`，训练结束时模型持有的是最好一轮的权重（这里验证过：`fit()`
#   之后的验证损失等于 history 里的最小值）。恢复的只是权重，不包括优化器状态。
# - 调度对象是步数的固定函数，每个批次计算；回调每个轮次根据指标反应一次。
#   用调度对象构建的优化器不能再设学习率，两者不能混用。
# - 先预热再余弦衰减是训练 Transformer 和大模型的默认配方；学习率衰减解决的是优化问题，不是过拟合。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Monitor a **validation** split, never the test set: callbacks make training decisions, and data
#   that steers training can no longer give an unbiased score.
# - `ReduceLROnPlateau` cuts the rate when the monitored metric stalls; `EarlyStopping` ends the run.
#   Give early stopping the larger patience, or the lower rate never gets a chance.
# - With `restore_best_weights=True` the model ends with the best epoch's weights (checked here: the
#   validation loss after `fit()` equals the minimum in the history). Only weights are restored,
#   not the optimizer state.
# - A schedule is a fixed function of the step, evaluated every batch; a callback reacts to metrics
#   once per epoch. An optimizer built on a schedule has no settable learning rate, so the two do
#   not mix.
# - Warmup then cosine decay is the default recipe for Transformer and LLM training; learning-rate
#   decay is about optimization, not about preventing overfitting.
