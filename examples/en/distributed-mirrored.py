# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Data-parallel training with MirroredStrategy {#distributed-mirrored}
#
# **Description:** Train a Keras model with `tf.distribute.MirroredStrategy` on two real replicas (two logical CPU devices, or every visible GPU), with per-replica input pipelines, a scaled global batch and learning rate, and checks that the replicas stay in sync.
# **Last modified:** 2026-11-22
# **Replaces:** `001_4a705ea6d1d4a1d3.txt`, "算法编程题库及答案解析", problem 2 (the `MirroredStrategy` code example)
#
# `MirroredStrategy` is synchronous data parallelism on one machine: every device (a *replica*)
# holds a full copy of the model, processes its own slice of each global batch, and the gradients
# are summed across replicas with an all-reduce before the same update is applied everywhere.
# It is the first answer to "how do you use the 8 GPUs in this box", and the starting point for
# the multi-machine strategies.
#
# Most laptops and CI runners have no GPU, so a `MirroredStrategy()` there silently runs with a
# single replica and proves nothing. This notebook splits the CPU into two *logical* devices so the
# strategy really runs two replicas, and uses every GPU instead when GPUs are present.

# %% [markdown]
# ## Devices first {#devices}
#
# TensorFlow fixes its list of logical devices the first time it creates one (the first op, the
# first variable, the first strategy). The logical-device configuration must therefore run before
# anything else, which is why it sits in the first cell; in a notebook, re-running it after
# TensorFlow has initialised raises `RuntimeError` and you have to restart the kernel.
#
# On a CPU-only machine we split the one physical CPU into two logical devices. If GPUs are
# visible we leave them alone: `MirroredStrategy()` with no arguments takes all of them.

# %%
import math

import numpy as np
import tensorflow as tf
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

# Must run before TensorFlow initialises its devices.
gpus = tf.config.list_physical_devices("GPU")
if not gpus:
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * 2
    )

keras.utils.set_random_seed(42)
print("physical GPUs:", len(gpus))
print("logical devices:", [d.name for d in tf.config.list_logical_devices()])

# %% [markdown]
# ## The strategy {#strategy}
#
# With GPUs, `MirroredStrategy()` mirrors over all of them and all-reduces with NCCL. Without,
# we pass the two logical CPUs explicitly (by default it would pick only `/cpu:0`).
# `num_replicas_in_sync` is the number that everything else (batch size, learning rate) is scaled
# by, so we check it, and we run a tiny function on every replica with `strategy.run` to see that
# each one gets its own replica id. `strategy.run` goes inside a `tf.function`: called eagerly it
# works but TensorFlow warns about the overhead.

# %%
if gpus:
    strategy = tf.distribute.MirroredStrategy()
else:
    cpu_devices = [d.name for d in tf.config.list_logical_devices("CPU")]
    strategy = tf.distribute.MirroredStrategy(devices=cpu_devices)

n_replicas = strategy.num_replicas_in_sync
print("replicas in sync:", n_replicas)
print("replica devices:", strategy.extended.worker_devices)
expected = len(gpus) if gpus else 2
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

# %% [markdown]
# ## Data, global batch and learning rate {#data}
#
# The data are scikit-learn's 1,797 real 8x8 handwritten digits, flattened to 64 features and
# scaled to [0, 1], with a stratified 75/25 split.
#
# The batch size you choose under a strategy is the **global** batch: each step consumes
# `global_batch = per_replica_batch x num_replicas_in_sync` examples, split across the replicas.
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

PER_REPLICA_BATCH = 32
GLOBAL_BATCH = PER_REPLICA_BATCH * n_replicas
BASE_LR = 1e-3
LEARNING_RATE = BASE_LR * n_replicas  # linear scaling rule

print("train / test examples:", len(x_train), len(x_test))
print("global batch:", GLOBAL_BATCH, "=", PER_REPLICA_BATCH, "x", n_replicas)
print("learning rate:", LEARNING_RATE)

# %% [markdown]
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
# that is automatic, and the test shards differ by at most one example, which here gives every
# replica the same number of batches.

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
test_dist = strategy.distribute_datasets_from_function(
    make_dataset_fn(x_test, y_test, training=False), input_options
)
steps_per_epoch = math.ceil(len(x_train) / GLOBAL_BATCH)
print("steps per epoch:", steps_per_epoch)

# %% [markdown]
# One element of the distributed dataset is a `PerReplica` value: one tensor per replica.
# `experimental_local_results` unpacks it, and the per-replica batches add up to the global batch.

# %%
x_step, y_step = next(iter(train_dist))
local_batches = strategy.experimental_local_results(x_step)
for i, t in enumerate(local_batches):
    print(f"replica {i}: batch shape {tuple(t.shape)}")
step_size = sum(int(t.shape[0]) for t in local_batches)
assert step_size == GLOBAL_BATCH, f"one step holds {step_size} examples, expected {GLOBAL_BATCH}"

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
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
    validation_data=test_dist,
    shuffle=False,
    verbose=2,
)

# %% [markdown]
# ## Checking the result {#results}
#
# Three measured checks:
#
# - the test accuracy from the sharded `evaluate` reaches a solid level, and it equals the accuracy
#   of a plain, undistributed forward pass over all 450 test images (so the sharded evaluation saw
#   every example exactly once);
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

# %% [markdown]
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

# %% [markdown]
# ## Key takeaways {#takeaways}
#
# - `MirroredStrategy` = synchronous data parallelism on one machine: a full model copy per device,
#   gradients all-reduced (NCCL on GPUs), identical updates. Check `num_replicas_in_sync`: on a
#   CPU-only box the default strategy has one replica.
# - Create variables (model, optimizer, metrics: build and `compile`) inside `strategy.scope()`;
#   data loading and `fit` do not need it.
# - The batch size under a strategy is global: `global = per_replica x num_replicas_in_sync`. Scale
#   it with the replica count and revisit the learning rate (linear rule plus warm-up as a start).
# - Input: `distribute_datasets_from_function` gives each pipeline its shard and per-replica batch
#   size; in custom loops divide the loss by the global batch (`tf.nn.compute_average_loss`).
# - Beyond one machine: `MultiWorkerMirroredStrategy` (same idea across hosts); when the model no
#   longer fits on one device, data parallelism is not enough and you need sharded parameters
#   (FSDP/ZeRO-style) or model/pipeline parallelism.
