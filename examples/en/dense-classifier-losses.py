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
# # Classification losses: one-hot or integer labels, softmax or logits {#dense-classifier-losses}
#
# **Description:** Train a Dense classifier on digits and show that categorical and sparse categorical cross-entropy, with probabilities or with logits, are the same loss, and what happens when loss and labels do not match.
# **Last modified:** 2026-11-22
# **Replaces:** `000_b6e53fbc96ce2986.txt`, "算法编程题库及答案解析", problem 1 (the `categorical_crossentropy` compile) and "源代码实例", problem 2 (the `from_logits=True` compile); `001_4a705ea6d1d4a1d3.txt`, "算法编程题库及答案解析", 1 (Dense MNIST model with `to_categorical`); `004_3ef131e75f6ee1c5.txt`, "AI 大模型创业的算法编程题库", 问题 5 (`to_categorical` + `categorical_crossentropy`)
#
# A multi-class classifier ends in one of two ways: a softmax layer that outputs probabilities, or
# a linear layer that outputs raw scores (logits). Its labels come in one of two formats: integer
# class ids, or one-hot vectors. Keras has a loss for every combination, and picking the wrong one
# is among the most common bugs in example code, including the source documents. In an interview
# you should be able to say which loss goes with which labels and output, why they compute the
# same number, and why `from_logits=True` is the numerically safer choice.

# %% [markdown]
# > **What the original got wrong**
# >
# > - 000 (problem 1) and 002 compile `categorical_crossentropy`, which needs one-hot labels, yet
# >   never encode any labels; the data loaders they point to (MNIST, CIFAR-10) return integer
# >   labels, and `fit` then fails with a shape error.
# > - 001 and 004 one-hot encode with `to_categorical` and use `categorical_crossentropy`. That is
# >   correct, but `sparse_categorical_crossentropy` on the integer labels computes the same loss
# >   without building a (samples × classes) matrix; none of the documents explains the choice.
# > - 000 (problem 2) ends in a linear `Dense(10)` with `from_logits=True`, the recommended form,
# >   but never says why the last layer has no activation, or that `predict` then returns logits,
# >   not probabilities.
# > - All of them download MNIST/CIFAR-10 at run time and declare inputs with the legacy
# >   `input_shape=`.

# %% [markdown]
# ## The data {#data}
#
# We use scikit-learn's bundled handwritten digits, flattened to 64 features and scaled to [0, 1],
# which suits a small fully connected network. `load_digits` gives integer labels 0 to 9;
# `keras.utils.to_categorical` turns them into one-hot rows.

# %%
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

# %% [markdown]
# ## One loss, four spellings {#same-loss}
#
# Cross-entropy for one sample is −log p_y: minus the log of the probability the model gives to
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

# %% [markdown]
# ## Why `from_logits=True` is safer {#from-logits}
#
# When a model is very confident and wrong, the probability of the true class underflows to 0 in
# float32. A loss that receives probabilities must clip them to [ε, 1 − ε] (Keras uses
# ε = 1e-7) before taking the log, so the loss is capped at −log ε ≈ 16.1 and the gradient that
# should push hard on that sample is lost. With logits, the loss uses the log-sum-exp form and
# stays exact.
#
# One subtlety an interviewer may probe: with the TensorFlow backend, Keras remembers the logits
# behind a tensor that its own softmax produced and quietly uses them, so a softmax output layer
# trained with a probability loss is usually protected. Probabilities that arrive as a plain
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

# %% [markdown]
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
# from the loss). Since A and B minimise the same function, they should end up with essentially
# the same accuracy.

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

# %% [markdown]
# Model B outputs logits, so `predict` returns unnormalised scores. Apply a softmax when you need
# probabilities; the argmax, and therefore the predicted class, is the same either way.

# %%
scores_b = model_b.predict(x_test, verbose=0)
probs_b = keras.ops.convert_to_numpy(keras.ops.softmax(scores_b))
print("logit row sums:", np.round(scores_b.sum(axis=1)[:3], 2), " probability row sums:", np.round(probs_b.sum(axis=1)[:3], 4))
assert np.allclose(probs_b.sum(axis=1), 1.0, atol=1e-5), "softmax rows should sum to 1"
assert (scores_b.argmax(axis=1) == probs_b.argmax(axis=1)).all(), "softmax must not change the argmax"

# %% [markdown]
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

# %% [markdown]
# The dangerous mismatch is the silent one. A linear output layer compiled with the default
# `from_logits=False` raises nothing: the loss treats arbitrary real scores as if they were
# probabilities (Keras rescales and clips them), the gradients point in meaningless directions,
# and the model trains to a poor accuracy while the code looks fine. The reverse mistake, softmax
# output with `from_logits=True`, applies the softmax twice; Keras at least warns about that one.

# %%
model_silent = train(None, "sparse_categorical_crossentropy", y_train)  # logits, but from_logits=False
_, acc_silent = model_silent.evaluate(x_test, y_test, verbose=0)
print(f"linear output with from_logits=False: test accuracy {acc_silent:.3f} (correct setup: {acc_b:.3f})")
assert acc_silent < acc_b - 0.3, "the silent mismatch should train much worse than the correct setup"

# %% [markdown]
# ## Key takeaways {#takeaways}
#
# - Integer labels → `sparse_categorical_crossentropy`; one-hot labels → `categorical_crossentropy`.
#   Both compute −log p(true class); the sparse form skips building the one-hot matrix.
# - A linear last layer needs `from_logits=True`; a softmax last layer needs `from_logits=False`.
#   Getting this wrong raises nothing and quietly ruins training.
# - Prefer logits plus `from_logits=True`: log-sum-exp is exact where probabilities underflow and
#   get clipped at 1e-7; apply `softmax` to the outputs when you need probabilities.
# - Shape errors such as "target.shape=(None,), output.shape=(None, 10)" mean the label format and
#   the loss disagree: fix the loss, not the data.
