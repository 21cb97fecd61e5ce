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
# # 分布式训练：用 MirroredStrategy 做数据并行 {#distributed-mirrored}
#
# **简介：** 用 `tf.distribute.MirroredStrategy` 在两个真实副本上训练 Keras 模型（只有 CPU 时是两个逻辑 CPU 设备，只有一块 GPU 时把它切成两个逻辑 GPU，多块 GPU 时用上全部），每个副本一条输入流水线，按副本数放大全局批量和学习率，并验证各副本始终保持同步。
# **最后修改：** 2026-11-30
# **出处：** 《AI 大模型创业：如何利用市场优势？》：「代码示例：使用TensorFlow实现并行计算」，附在「如何优化大模型的训练过程？」之后（[市场优势指南](../../guides/market/#ask-001-code-parallel)）。
#
# <details><summary>维护者注</summary>源文档行号（按 <code>cat -n</code> 计）：001 · L96–143（“算法编程题库及答案解析”第 2 题，`MirroredStrategy` 代码 L109–143）。</details>
#
# `MirroredStrategy` 是单机上的同步数据并行：每块设备（一个*副本*，replica）都持有一份完整的模型，
# 各自处理全局批量中属于自己的那一份，梯度通过 all-reduce 在副本间求和，然后每个副本执行完全相同的
# 参数更新。面试里被问到“这台机器有 8 块卡，怎么都用起来”，第一个答案就是它，多机策略也是在它的基础上展开的。
#
# 大多数笔记本电脑和 CI 机器没有 GPU，在这种环境下直接写 `MirroredStrategy()` 只会悄悄地跑一个副本，
# 什么也证明不了；只有一块 GPU 的机器也一样。本例保证至少两个副本：只有 CPU 时把 CPU 切成两个*逻辑*设备，
# 只有一块 GPU 时把它切成两个逻辑 GPU，有多块 GPU 时用上全部。

# %% [markdown] lang="en"
# # Distributed training: data parallelism with MirroredStrategy {#distributed-mirrored}
#
# **Description:** Train a Keras model with `tf.distribute.MirroredStrategy` on two real replicas (two logical CPUs on a CPU-only machine, two logical GPUs on a single GPU, every GPU when there are several), with per-replica input pipelines, a scaled global batch and learning rate, and checks that the replicas stay in sync.
# **Last modified:** 2026-11-30
# **Source:** *AI large-model startups: how to use a market advantage?* (《AI 大模型创业：如何利用市场优势？》): "Code example: parallel computation with TensorFlow", attached to "How do you optimize the training process of a large model?" ([market guide](../../guides/market/#ask-001-code-parallel)).
#
# <details><summary>Maintainer note</summary>Source line numbers (as <code>cat -n</code> counts them): 001 · L96–143 ("算法编程题库及答案解析", problem 2, the `MirroredStrategy` code at L109–143).</details>
#
# `MirroredStrategy` is synchronous data parallelizm on one machine: every device (a *replica*)
# holds a full copy of the model, processes its own slice of each global batch, and the gradients
# are summed across replicas with an all-reduce before the same update is applied everywhere.
# It is the first answer to "how do you use the 8 GPUs in this box", and the starting point for
# the multi-machine strategies.
#
# Most laptops and CI runners have no GPU, so a `MirroredStrategy()` there silently runs with a
# single replica and proves nothing, and so does a machine with one GPU. This notebook always runs
# at least two replicas: it splits the CPU into two *logical* devices on a CPU-only machine, splits a
# single GPU into two logical GPUs, and uses every GPU when there are several.

# %% [markdown] lang="zh"
# ## 先配置设备 {#devices}
#
# TensorFlow 在第一次创建设备时（第一个算子、第一个变量、第一个策略）就把逻辑设备列表定死了，
# 所以逻辑设备的配置必须最先执行，这也是它放在第一个单元格的原因。在 notebook 里，如果 TensorFlow
# 已经初始化后再重跑这一格，会抛出 `RuntimeError`，只能重启 kernel。
#
# 只有 CPU 时，我们把唯一的物理 CPU 拆成两个逻辑设备；只有一块 GPU 时，把它拆成两个各占 2 GiB 显存的逻辑 GPU；
# 有多块 GPU 时就不动它们，不带参数的 `MirroredStrategy()` 会把所有 GPU 都用上。

# %% [markdown] lang="en"
# ## Devices first {#devices}
#
# TensorFlow fixes its list of logical devices the first time it creates one (the first op, the
# first variable, the first strategy). The logical-device configuration must therefore run before
# anything else, which is why it sits in the first cell; in a notebook, re-running it after
# TensorFlow has initialized raises `RuntimeError` and you have to restart the kernel.
#
# On a CPU-only machine we split the one physical CPU into two logical devices; a single GPU is
# split into two logical GPUs of 2 GiB each. Several GPUs are left alone: `MirroredStrategy()` with
# no arguments takes all of them.

# %%
import math

import numpy as np
import tensorflow as tf
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

# Must run before TensorFlow initializes its devices.
gpus = tf.config.list_physical_devices("GPU")
if len(gpus) == 1:
    tf.config.set_logical_device_configuration(
        gpus[0], [tf.config.LogicalDeviceConfiguration(memory_limit=2048)] * 2
    )
elif not gpus:
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * 2
    )

keras.utils.set_random_seed(42)
print("physical GPUs:", len(gpus))
print("logical devices:", [d.name for d in tf.config.list_logical_devices()])

# %% [markdown] lang="zh"
# ## 创建策略 {#strategy}
#
# 有多块 GPU 时，`MirroredStrategy()` 在所有 GPU 上做镜像，用 NCCL 做 all-reduce；两个逻辑 GPU 在同一块卡上，
# NCCL 不支持，就改用 `ReductionToOneDevice` 做归约；没有 GPU 时，
# 我们显式传入两个逻辑 CPU（默认它只会选 `/cpu:0`）。后面的批量大小、学习率都要按
# `num_replicas_in_sync` 来换算，所以先检查它；再用 `strategy.run` 在每个副本上跑一个小函数，
# 确认每个副本拿到的是自己的副本编号。`strategy.run` 要放进 `tf.function` 里：在 eager 模式下
# 直接调用也能跑，但 TensorFlow 会警告开销太大。

# %% [markdown] lang="en"
# ## The strategy {#strategy}
#
# With several GPUs, `MirroredStrategy()` mirrors over all of them and all-reduces with NCCL; two
# logical GPUs on one card cannot use NCCL, so they reduce with `ReductionToOneDevice`. Without a
# GPU, we pass the two logical CPUs explicitly (by default it would pick only `/cpu:0`).
# `num_replicas_in_sync` is the number that everything else (batch size, learning rate) is scaled
# by, so we check it, and we run a tiny function on every replica with `strategy.run` to see that
# each one gets its own replica id. `strategy.run` goes inside a `tf.function`: called eagerly it
# works but TensorFlow warns about the overhead.

# %%
if len(gpus) > 1:
    strategy = tf.distribute.MirroredStrategy()
elif gpus:
    strategy = tf.distribute.MirroredStrategy(
        cross_device_ops=tf.distribute.ReductionToOneDevice()
    )
else:
    cpu_devices = [d.name for d in tf.config.list_logical_devices("CPU")]
    strategy = tf.distribute.MirroredStrategy(devices=cpu_devices)

n_replicas = strategy.num_replicas_in_sync
print("replicas in sync:", n_replicas)
print("replica devices:", strategy.extended.worker_devices)
expected = max(len(gpus), 2)
assert n_replicas == expected, f"expected {expected} replicas, got {n_replicas}"


@tf.function
def which_replica():
    # Runs once per replica; each returns its own id.
    return strategy.run(
        lambda: tf.distribute.get_replica_context().replica_id_in_sync_group
    )


replica_ids = [int(t) for t in strategy.experimental_local_results(which_replica())]
print("replica ids:", replica_ids)
assert replica_ids == list(range(n_replicas)), f"unexpected replica ids {replica_ids}"

# %% [markdown] lang="zh"
# ## 数据、全局批量与学习率 {#data}
#
# 数据用 scikit-learn 自带的 1,797 张真实 8x8 手写数字，展平成 64 维特征并缩放到 [0, 1]，
# 按类别分层切成 75/25 的训练集和测试集，再从训练集里分层留出 20% 作验证集：训练时看验证集，
# 测试集只在最后评估一次。
#
# 在策略下设置的批量大小是**全局**批量：每一步消耗
# $\texttt{global\_batch} = \texttt{per\_replica\_batch} \times \texttt{num\_replicas\_in\_sync}$ 个样本，再平分给各个副本。
# 固定每个副本的批量（这里是 32），每块设备的负载和单卡时一样，两个副本时每一步处理的数据翻倍，
# 每个轮次的步数减半。批量越大，梯度噪声越小，通常的第一步是随之放大学习率：线性缩放规则
# （乘以副本数，再配合 warm-up）来自大批量的 SGD 训练；对 Adam，按平方根缩放或者干脆不缩放也很常见。
# 这只是调参的起点，不是定律。本例在 Adam 默认的 1e-3 上用线性规则。

# %% [markdown] lang="en"
# ## Data, global batch and learning rate {#data}
#
# The data are scikit-learn's 1,797 real 8x8 handwritten digits, flattened to 64 features and
# scaled to [0, 1], with a stratified 75/25 train/test split; 20% of the training split is held
# out (stratified) for validation during training, and the test set is evaluated once, at the end.
#
# The batch size you choose under a strategy is the **global** batch: each step consumes
# $\texttt{global\_batch} = \texttt{per\_replica\_batch} \times \texttt{num\_replicas\_in\_sync}$ examples, split across the replicas.
# Keeping the per-replica batch fixed (here 32) keeps each device as busy as before and makes a
# step process twice the data on two replicas, so there are half as many steps per epoch. A larger
# batch gives a less noisy gradient, and the usual first move is to scale the learning rate with it:
# the linear scaling rule (multiply by the number of replicas, with a warm-up) comes from SGD on
# large batches; for Adam a square-root scaling or no scaling is also common. It is a starting
# point to re-tune, not a law. We use the linear rule on Adam's default 1e-3.

# %%
digits = load_digits()
x = (digits.data / 16.0).astype("float32")
y = digits.target.astype("int64")
x_train, x_test, y_train, y_test = train_test_split(
    x, y, test_size=0.25, random_state=42, stratify=y
)
x_train, x_val, y_train, y_val = train_test_split(
    x_train, y_train, test_size=0.2, random_state=42, stratify=y_train
)

PER_REPLICA_BATCH = 32
GLOBAL_BATCH = PER_REPLICA_BATCH * n_replicas
BASE_LR = 1e-3
LEARNING_RATE = BASE_LR * n_replicas  # linear scaling rule

print("train / validation / test examples:", len(x_train), len(x_val), len(x_test))
print("global batch:", GLOBAL_BATCH, "=", PER_REPLICA_BATCH, "x", n_replicas)
print("learning rate:", LEARNING_RATE)

# %% [markdown] lang="zh"
# ## 每个副本一条输入流水线 {#input-pipeline}
#
# `model.fit` 也可以直接接收一个按全局批量分好批的普通 `tf.data.Dataset`，这时 Keras 会调用
# `strategy.experimental_distribute_dataset`，在主机上把每个全局批量切成各副本的小块
# （在 TensorFlow 2.21 里，这条路径还会打印一条无害的 C++ 警告：
# “GeneratorDatasetOp ... will not be optimized”）。
#
# 这里我们按大规模训练的做法，用 `strategy.distribute_datasets_from_function` 构造输入：
# 每条输入流水线调用一次这个函数，并传入一个 `tf.distribute.InputContext`，函数里
#
# - 向 context 要每个副本的批量大小（`get_per_replica_batch_size(GLOBAL_BATCH)`）；
# - 只读取属于自己的那一片数据（`shard(num_input_pipelines, input_pipeline_id)`），保证一个轮次内
#   没有样本被读两遍；
# - 训练数据自己负责 shuffle 和 repeat（因此要给 `fit` 显式传 `steps_per_epoch`）。
#
# `InputReplicationMode.PER_REPLICA` 表示每个副本一条流水线，而不是每台机器一条。
# 每个副本产出的批量数必须相同：训练集用了 `repeat()`，是无限的，自然满足；验证集和测试集各分片的样本数
# 最多相差一个，在这里每个副本拿到的批量数也一样。

# %% [markdown] lang="en"
# ## One input pipeline per replica {#input-pipeline}
#
# `model.fit` also accepts a plain `tf.data.Dataset` batched with the global batch size. Keras then
# calls `strategy.experimental_distribute_dataset`, which cuts every global batch into per-replica
# pieces on the host (in TensorFlow 2.21 that path also logs a harmless C++ warning,
# "GeneratorDatasetOp ... will not be optimized").
#
# Here we build the input the way larger jobs do, with `strategy.distribute_datasets_from_function`:
# the function is called once per input pipeline with a `tf.distribute.InputContext`, and it
#
# - asks the context for the per-replica batch size (`get_per_replica_batch_size(GLOBAL_BATCH)`),
# - reads only its own shard of the data (`shard(num_input_pipelines, input_pipeline_id)`), so no
#   example is seen twice per epoch,
# - shuffles and repeats the training data itself (we then give `fit` an explicit
#   `steps_per_epoch`).
#
# `InputReplicationMode.PER_REPLICA` creates one pipeline per replica instead of one per machine.
# Every replica must produce the same number of batches: with an infinite (`repeat()`) training set
# that is automatic, and the validation and test shards differ by at most one example, which here
# gives every replica the same number of batches.

# %%
def make_dataset_fn(features, labels, training):
    def dataset_fn(ctx):
        batch_size = ctx.get_per_replica_batch_size(GLOBAL_BATCH)
        ds = tf.data.Dataset.from_tensor_slices((features, labels))
        ds = ds.shard(ctx.num_input_pipelines, ctx.input_pipeline_id)
        if training:
            ds = ds.shuffle(len(features), seed=42).repeat()
        return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)

    return dataset_fn


input_options = tf.distribute.InputOptions(
    experimental_replication_mode=tf.distribute.InputReplicationMode.PER_REPLICA,
    experimental_fetch_to_device=False,
)
train_dist = strategy.distribute_datasets_from_function(
    make_dataset_fn(x_train, y_train, training=True), input_options
)
val_dist = strategy.distribute_datasets_from_function(
    make_dataset_fn(x_val, y_val, training=False), input_options
)
test_dist = strategy.distribute_datasets_from_function(
    make_dataset_fn(x_test, y_test, training=False), input_options
)
steps_per_epoch = math.ceil(len(x_train) / GLOBAL_BATCH)
print("steps per epoch:", steps_per_epoch)

# %% [markdown] lang="zh"
# 分布式数据集的一个元素是 `PerReplica` 值：每个副本一个张量。用 `experimental_local_results`
# 把它拆开，可以看到各副本的批量加起来正好是全局批量。

# %% [markdown] lang="en"
# One element of the distributed dataset is a `PerReplica` value: one tensor per replica.
# `experimental_local_results` unpacks it, and the per-replica batches add up to the global batch.

# %%
x_step, y_step = next(iter(train_dist))
local_batches = strategy.experimental_local_results(x_step)
for i, t in enumerate(local_batches):
    print(f"replica {i}: batch shape {tuple(t.shape)}")
step_size = sum(int(t.shape[0]) for t in local_batches)
assert step_size == GLOBAL_BATCH, f"one step holds {step_size} examples, expected {GLOBAL_BATCH}"

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - 在没有 GPU 的机器上，`tf.distribute.MirroredStrategy()` 只在 `/cpu:0` 上跑一个副本，
# >   根本没有并行；代码也从没打印 `num_replicas_in_sync`，所以发现不了。
# > - 在策略下 `batch_size=32` 是**全局**批量：8 块 GPU 时每块只分到 4 个样本。
# >   每个副本的批量和学习率都没有按副本数调整。
# > - 下载、预处理 MNIST 和调用 `fit` 全都写在了 `strategy.scope()` 里；真正需要放进去的只有创建变量
# >   的部分（模型、优化器、指标，即构建模型和 `compile`）。
# > - `mnist.load_data()` 运行时要联网下载；数据是 NumPy 数组而不是 `tf.data` 流水线，模型也从没评估过。
# > - 在层上写 `input_shape=` 是 Keras 2 的写法，Keras 3 用 `keras.Input`。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - On a machine without GPUs, `tf.distribute.MirroredStrategy()` runs one replica on `/cpu:0`:
# >   nothing is parallel, and the code never printed `num_replicas_in_sync` to notice.
# > - `batch_size=32` under a strategy is the **global** batch: on 8 GPUs each one got 4 examples.
# >   The per-replica batch and the learning rate were never scaled.
# > - Downloading and preprocessing MNIST and calling `fit` were all inside `strategy.scope()`; only
# >   the creation of variables (model, optimizer, metrics, i.e. building and `compile`) belongs
# >   there.
# > - `mnist.load_data()` downloads at run time; the data were NumPy arrays, not a `tf.data`
# >   pipeline, and the model was never evaluated.
# > - `input_shape=` on a layer is the Keras 2 idiom; Keras 3 uses `keras.Input`.

# %% [markdown] lang="zh"
# ## 在 `strategy.scope()` 里创建模型 {#model}
#
# 在 scope 里创建的每个变量都会变成 `MirroredVariable`：每个副本一份拷贝，靠在每份拷贝上执行同一个
# all-reduce 之后的更新来保持一致。这包括各层的权重、优化器的状态（Adam 的一阶、二阶矩）以及指标的计数器，
# 所以构建模型*和* `compile` 都要放在 scope 里；`fit`、`evaluate`、`predict` 则不需要。
#
# 模型输出 logits（不加 softmax），并在损失函数里用 `from_logits=True` 告诉它这一点，数值上更稳定。

# %% [markdown] lang="en"
# ## The model inside `strategy.scope()` {#model}
#
# Every variable created inside the scope becomes a `MirroredVariable`: one copy per replica, kept
# identical by applying the same all-reduced update to each. That covers the layer weights, the
# optimizer's slots (Adam's moments) and the metrics' counters, so building the model *and*
# `compile` go inside the scope. Calling `fit`, `evaluate` or `predict` does not need to.
#
# The model outputs logits (no softmax) and the loss is told so with `from_logits=True`, which is
# numerically more stable.

# %%
with strategy.scope():
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )

kernel = model.layers[0].kernel.value  # the tf.Variable behind the Keras variable
print("variable type:", type(kernel).__name__)
print("copies on:", [v.device for v in strategy.experimental_local_results(kernel)])

# %% [markdown] lang="zh"
# ## 用 `fit` 训练 {#training}
#
# `fit` 可以直接接收分布式数据集。这里传 `shuffle=False`，因为流水线自己已经做了 shuffle：
# `fit` 的 `shuffle` 参数只对内存中的数组起作用，Keras 3 在默认的 `shuffle=True` 遇到数据集时会发出警告。
#
# 每一步里，每个副本对自己的 32 个样本做前向和反向传播。Keras 先在副本内对批量求平均损失，
# 再除以副本数；梯度经 all-reduce 在副本间求和，得到的正是全局批量上平均损失的梯度，
# 然后在每个副本上执行同样的更新。

# %% [markdown] lang="en"
# ## Training with `fit` {#training}
#
# `fit` takes the distributed dataset as it is. `shuffle=False` because the pipeline shuffles
# itself: `fit`'s own `shuffle` only applies to in-memory arrays, and Keras 3 warns when its default
# `shuffle=True` meets a dataset.
#
# At each step every replica runs the forward and backward pass on its 32 examples. Keras averages
# the loss over the replica's batch and divides it by the number of replicas, the gradients are
# summed across replicas (all-reduce), and the result is the gradient of the mean loss over the
# global batch, applied identically on every replica.

# %%
history = model.fit(
    train_dist,
    epochs=12,
    steps_per_epoch=steps_per_epoch,
    validation_data=val_dist,
    shuffle=False,
    verbose=2,
)

# %% [markdown] lang="zh"
# ## 检查结果 {#results}
#
# 三项实测检查：
#
# - 分片的 `evaluate` 得到的测试准确率高于 0.93；
# - 它和不经分布式、直接对全部 450 张测试图片做前向传播得到的准确率相同（说明分片评估恰好把每个样本
#   看了一遍）；
# - 训练结束后，各副本上第一层 kernel 的拷贝逐位相同：同步训练不会让它们产生偏差。

# %% [markdown] lang="en"
# ## Checking the result {#results}
#
# Three measured checks:
#
# - the test accuracy from the sharded `evaluate` is above 0.93;
# - it equals the accuracy of a plain, undistributed forward pass over all 450 test images (so the
#   sharded evaluation saw every example exactly once);
# - the replicas' copies of the first kernel are bit-identical after training: synchronous training
#   never lets them drift apart.

# %%
test_loss, test_acc = model.evaluate(test_dist, verbose=0)
direct_acc = float(np.mean(np.argmax(model(x_test, training=False), axis=-1) == y_test))
print(f"test accuracy (distributed evaluate): {test_acc:.4f}")
print(f"test accuracy (direct forward pass):  {direct_acc:.4f}")
assert test_acc > 0.93, f"test accuracy {test_acc:.3f} is below 0.93"
assert abs(test_acc - direct_acc) < 1e-6, (
    "sharded evaluation did not cover the test set exactly once"
)

copies = [v.numpy() for v in strategy.experimental_local_results(kernel)]
max_diff = max(float(np.abs(c - copies[0]).max()) for c in copies)
print("max difference between replica copies:", max_diff)
assert all(np.array_equal(c, copies[0]) for c in copies), "replica copies diverged"

# %% [markdown] lang="zh"
# ## 自定义训练循环：除以全局批量 {#custom-loop}
#
# 用 `fit` 时，损失的缩放由 Keras 负责；写自定义训练循环（对 step 函数调用 `strategy.run`）时就得自己来，
# 这也是面试中的经典问题。每个副本必须把本副本逐样本损失的总和除以**全局**批量大小，
# `tf.nn.compute_average_loss(per_example_loss, global_batch_size=...)` 做的正是这件事；
# 随后 all-reduce 把各副本的值加起来。如果每个副本先取平均再求和，损失（以及梯度）会放大
# `num_replicas` 倍，相当于悄悄把学习率乘了副本数。
#
# 下面在同一个全局批量上把两种写法都算一遍，并和单设备上对整个批量求的平均损失对比。

# %% [markdown] lang="en"
# ## Custom training loops: divide by the global batch {#custom-loop}
#
# With `fit`, Keras takes care of the loss scaling. In a custom loop (`strategy.run` on a step
# function) it is your job, and it is a classic interview question. Each replica must divide its
# summed per-example loss by the **global** batch size, which is what
# `tf.nn.compute_average_loss(per_example_loss, global_batch_size=...)` does; the all-reduce then
# sums the replicas' values. Taking the mean on each replica and summing gives a loss (and
# gradients) `num_replicas` times too large, equivalent to silently multiplying the learning rate.
#
# The cell computes both on one global batch and compares them with the mean loss over the same
# batch on one device.

# %%
per_example_loss_fn = keras.losses.SparseCategoricalCrossentropy(
    from_logits=True, reduction=None
)


@tf.function
def summed_replica_losses(features, labels):
    def replica_fn(xr, yr):
        per_example = per_example_loss_fn(yr, model(xr, training=False))
        right = tf.nn.compute_average_loss(per_example, global_batch_size=GLOBAL_BATCH)
        wrong = tf.reduce_mean(per_example)
        return right, wrong

    right, wrong = strategy.run(replica_fn, args=(features, labels))
    return (
        strategy.reduce(tf.distribute.ReduceOp.SUM, right, axis=None),
        strategy.reduce(tf.distribute.ReduceOp.SUM, wrong, axis=None),
    )


x_step, y_step = next(iter(train_dist))
right, wrong = summed_replica_losses(x_step, y_step)
x_all = np.concatenate([t.numpy() for t in strategy.experimental_local_results(x_step)])
y_all = np.concatenate([t.numpy() for t in strategy.experimental_local_results(y_step)])
reference = float(np.mean(per_example_loss_fn(y_all, model(x_all, training=False))))
print(f"compute_average_loss, summed over replicas: {float(right):.6f}")
print(f"mean per replica, summed over replicas:     {float(wrong):.6f}")
print(f"mean over the global batch on one device:   {reference:.6f}")
assert np.isclose(float(right), reference, rtol=1e-5), "global-batch scaling does not match"
assert np.isclose(float(wrong), n_replicas * reference, rtol=1e-5), (
    "expected a loss n_replicas times too large"
)

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - `MirroredStrategy` 就是单机同步数据并行：每块设备一份完整模型，梯度 all-reduce（GPU 上用 NCCL），
#   各副本执行相同的更新。记得检查 `num_replicas_in_sync`：纯 CPU 机器上默认策略只有一个副本。
# - 在 `strategy.scope()` 里创建变量（模型、优化器、指标，即构建和 `compile`）；加载数据和调用 `fit` 不需要。
# - 策略下的批量是全局批量：$\texttt{global} = \texttt{per\_replica} \times \texttt{num\_replicas\_in\_sync}$。按副本数放大批量，
#   并重新审视学习率（线性缩放加 warm-up 作为起点）。
# - 输入：`distribute_datasets_from_function` 让每条流水线读自己的分片、用每副本的批量大小；
#   自定义循环里损失要除以全局批量（`tf.nn.compute_average_loss`）。
# - 超出单机：`MultiWorkerMirroredStrategy`（同样的思路跨多台主机）；当模型在单卡上放不下时，数据并行就不够了，
#   需要参数分片（FSDP/ZeRO 一类）或模型/流水线并行。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - `MirroredStrategy` = synchronous data parallelizm on one machine: a full model copy per device,
#   gradients all-reduced (NCCL on GPUs), identical updates. Check `num_replicas_in_sync`: on a
#   CPU-only box the default strategy has one replica.
# - Create variables (model, optimizer, metrics: build and `compile`) inside `strategy.scope()`;
#   data loading and `fit` do not need it.
# - The batch size under a strategy is global: $\texttt{global} = \texttt{per\_replica} \times \texttt{num\_replicas\_in\_sync}$. Scale
#   it with the replica count and revisit the learning rate (linear rule plus warm-up as a start).
# - Input: `distribute_datasets_from_function` gives each pipeline its shard and per-replica batch
#   size; in custom loops divide the loss by the global batch (`tf.nn.compute_average_loss`).
# - Beyond one machine: `MultiWorkerMirroredStrategy` (same idea across hosts); when the model no
#   longer fits on one device, data parallelizm is not enough and you need sharded parameters
#   (FSDP/ZeRO-style) or model/pipeline parallelizm.
