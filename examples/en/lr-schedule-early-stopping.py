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
# # Learning-rate schedules and early stopping {#lr-schedule-early-stopping}
#
# **Description:** Lower the learning rate when validation loss stalls (`ReduceLROnPlateau`), stop when it stops improving (`EarlyStopping` with `restore_best_weights=True`), and compare with a schedule object such as cosine decay with warmup.
# **Last modified:** 2026-11-22
# **Replaces:** `001_4a705ea6d1d4a1d3.txt`, "极致详尽丰富的答案解析说明和源代码实例", item 2 (学习率调整)
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

# %% [markdown]
# > **What the original got wrong**
# >
# > - The code is a fragment: `model`, `x_train`, `y_train`, `x_test` and `y_test` are never defined.
# > - It passes the **test set** as `validation_data` to a callback that makes training decisions
# >   from it. Once the test set steers training it is no longer an unbiased estimate; decisions
# >   must be made on a separate validation split.
# > - There is no early stopping: training always runs its 10 epochs and returns the last weights,
# >   even when an earlier epoch was better, and nothing records or shows which learning rate was
# >   used when (Keras 3 puts it in `history.history["learning_rate"]`).
# > - The surrounding text says the learning rate is adjusted "to avoid overfitting". Learning-rate
# >   decay is an *optimisation* tool (it lets the loss settle into a minimum); overfitting is
# >   handled by early stopping, regularisation and more data. The warmup it mentions
# >   (学习率预热) is never shown.

# %% [markdown]
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

# %% [markdown]
# ## The model {#model}
#
# A two-hidden-layer MLP, large enough to memorise 300 images. Adam starts from a fairly high
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

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
# The plot shows the mechanics. The validation loss falls quickly and then flattens out, while the
# training loss keeps falling: the model is memorising the 300 training images. Once the
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

# %% [markdown]
# ## Schedule objects {#schedules}
#
# A `keras.optimizers.schedules.LearningRateSchedule` maps the optimizer's step counter (the number
# of batches seen so far) to a learning rate. It is evaluated at every batch, is fully determined
# before training starts, and is saved with the optimizer. Two common ones:
#
# - `ExponentialDecay`: lr₀ · rateᵗᐟᵏ; with `staircase=True` the exponent is rounded down, so the
#   rate drops in steps every k batches (the classic "step decay").
# - `CosineDecay` with `warmup_steps` and `warmup_target`: a linear ramp from
#   `initial_learning_rate` up to `warmup_target`, then half a cosine down to `alpha` × target.
#   Warmup followed by cosine decay is the standard recipe for Transformers and LLMs: early on,
#   Adam's second-moment estimates rest on few batches and large steps can destabilise training,
#   so the learning rate starts small.
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

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
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
#   decay is about optimisation, not about preventing overfitting.
