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
# # Data augmentation with Keras preprocessing layers {#data-augmentation}
#
# **Description:** Augment real photos with `RandomFlip`, `RandomRotation`, `RandomZoom`,
# `RandomTranslation` and `RandomContrast`, check that they only act during training, and use them
# either inside the model or in a `tf.data` pipeline.
# **Last modified:** 2026-11-22
# **Replaces:** `002_4821617996e3a5a3.txt`, "典型面试题与解析", question 5, and
# "答案解析与源代码实例", item 5
#
# Data augmentation trains the model on random, label-preserving variations of each image: the
# model sees a slightly different picture every epoch, which is like having more data and teaches
# it the invariances (position, orientation, lighting) the task needs. In Keras 3 augmentation is a
# stack of ordinary layers. Interviewers ask where the augmentation runs (model or input
# pipeline), what happens at inference time, and which transformations are safe for a given task.

# %% [markdown]
# > **What the original got wrong**
# >
# > - `ImageDataGenerator` is legacy (Keras 3 keeps it only under `keras.src.legacy`); its
# >   replacements are the preprocessing layers used here.
# > - `model` and the directory `data/train` do not exist, so the loop cannot run.
# > - The loop calls `model.fit(batch[0], batch[1], epochs=1)` on the first batch and then `break`s:
# >   the model sees 32 augmented images once. The augmented stream should be given to a single
# >   `fit()` call that runs for several epochs.
# > - `target_size=(28, 28)` suggests digit-like images, for which `horizontal_flip=True` is not
# >   label-preserving (a mirrored 3 is not a 3). Each transformation must suit the task.
# > - The answer never says that augmentation applies to training data only, never to validation
# >   or test data.

# %% [markdown]
# ## The image {#image}
#
# scikit-learn ships two real colour photos (427x640). We take a square centre crop of the first
# one, resize it to 128x128 with `keras.layers.Resizing` and scale the pixels to [0, 1].

# %%
import numpy as np
import keras
from sklearn.datasets import load_sample_images

keras.utils.set_random_seed(42)

photos = np.stack(load_sample_images().images).astype("float32") / 255.0  # (2, 427, 640, 3)
side = photos.shape[1]
left = (photos.shape[2] - side) // 2
squares = photos[:, :, left:left + side, :]
images = keras.ops.convert_to_numpy(keras.layers.Resizing(128, 128)(squares))
print(images.shape, images.dtype, f"range [{images.min():.2f}, {images.max():.2f}]")

# %% [markdown]
# ## The augmentation layers {#layers}
#
# The stack below is a `keras.Sequential` of random layers. The factors are fractions:
# `RandomRotation(0.08)` rotates by up to ±0.08 of a full turn (about ±29°, close to the original's
# `rotation_range=30` degrees), `RandomZoom(0.2)` zooms by up to ±20%, `RandomTranslation(0.1, 0.1)`
# shifts by up to 10% of the height and width. `RandomContrast` must be told the pixel range of
# its input: the default is (0, 255), ours is (0, 1). Pixels that enter the frame after a rotation,
# zoom or shift are filled by reflection (`fill_mode="reflect"`, the default).

# %%
augment = keras.Sequential([
    keras.layers.RandomFlip("horizontal"),
    keras.layers.RandomRotation(0.08),
    keras.layers.RandomZoom(0.2),
    keras.layers.RandomTranslation(0.1, 0.1),
    keras.layers.RandomContrast(0.3, value_range=(0, 1)),
], name="augment")

# %% [markdown]
# ## Augmented samples {#grid}
#
# Nine draws of the same photo with `training=True`, next to the original. Each call samples new
# random parameters for every image in the batch.

# %%
import matplotlib.pyplot as plt

batch = np.repeat(images[:1], 9, axis=0)
augmented = keras.ops.convert_to_numpy(augment(batch, training=True))

fig, axes = plt.subplots(2, 5, figsize=(8, 3.4))
for i, ax in enumerate(axes.flat):
    picture = images[0] if i == 0 else augmented[i - 1]
    ax.imshow(np.clip(picture, 0.0, 1.0))
    ax.set_title("original" if i == 0 else f"augmented {i}", fontsize=8)
    ax.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Active only in training {#training-flag}
#
# Every Keras layer receives a `training` argument. `fit()` calls the model with `training=True`;
# `predict()`, `evaluate()` and a plain call use `training=False`, and then the random
# preprocessing layers return their input unchanged. So a model that contains augmentation can be
# evaluated and exported as is: inference is deterministic.
#
# We check this directly on the layer stack, and then on a model: a small, untrained classifier
# with and without the augmentation stack in front must give identical predictions at inference.

# %%
same = keras.ops.convert_to_numpy(augment(batch, training=False))
print("max change with training=False:", np.abs(same - batch).max())
print("mean change with training=True: ", np.abs(augmented - batch).mean())
assert np.array_equal(same, batch), "augmentation must be the identity at inference"
assert np.abs(augmented - batch).mean() > 0.01, "augmentation did not change the training images"

classifier = keras.Sequential([
    keras.Input(shape=(128, 128, 3)),
    keras.layers.Conv2D(8, 3, strides=2, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(2, activation="softmax"),
], name="classifier")
with_augmentation = keras.Sequential([keras.Input(shape=(128, 128, 3)), augment, classifier])

p_plain = classifier.predict(images, verbose=0)
p_inference = with_augmentation.predict(images, verbose=0)
p_training = keras.ops.convert_to_numpy(with_augmentation(images, training=True))
print("predict(), with vs without augmentation:", np.abs(p_inference - p_plain).max())
print("training=True, with vs without augmentation:", np.abs(p_training - p_plain).max())
np.testing.assert_allclose(p_inference, p_plain, rtol=1e-6, atol=1e-7)

# %% [markdown]
# ## Inside the model or in the input pipeline {#placement}
#
# There are two places to put the layers:
#
# - **Inside the model**, as above. The augmentation runs on the same device as the model (on a
#   GPU it is fast), is saved with the model, and is skipped automatically at inference.
# - **In a `tf.data` pipeline**, with `dataset.map(...)` on the training dataset only. The work
#   runs on the CPU, in parallel with training (`num_parallel_calls`, `prefetch`), and the exported
#   model contains no augmentation at all. This suits CPU training or a GPU that is already the
#   bottleneck. Here the call must say `training=True` explicitly, because no `fit()` sets it.
#
# The cell below builds such a pipeline from the two photos and pulls one batch.

# %%
import tensorflow as tf

labels = np.array([0, 1])  # 0 = first photo, 1 = second photo
train_ds = (
    tf.data.Dataset.from_tensor_slices((images, labels))
    .repeat(4)
    .shuffle(8, seed=42)
    .batch(4)
    .map(lambda x, y: (augment(x, training=True), y), num_parallel_calls=tf.data.AUTOTUNE)
    .prefetch(tf.data.AUTOTUNE)
)
x_batch, y_batch = next(iter(train_ds))
print("batch:", x_batch.shape, "labels:", y_batch.numpy())
assert x_batch.shape == (4, 128, 128, 3), "augmentation must keep the image shape"

# %% [markdown]
# Whichever placement you choose, the validation and test data go through the model without
# augmentation. With the in-model placement that is automatic; with `tf.data` it means mapping
# the augmentation onto the training dataset only.

# %% [markdown]
# ## Key takeaways {#takeaways}
#
# - Keras 3 augmentation is a stack of layers (`RandomFlip`, `RandomRotation`, `RandomZoom`,
#   `RandomTranslation`, `RandomContrast`, ...) that replaces `ImageDataGenerator`.
# - The layers act only when `training=True`: `fit()` sets it, `predict()` and `evaluate()` do not,
#   so inference is deterministic and an exported model can keep them.
# - In the model: runs on the accelerator and ships with the model. In `tf.data`: runs on the CPU
#   in parallel with training and keeps the exported model clean; pass `training=True` yourself.
# - Only label-preserving transforms: no horizontal flips for digits or text, no vertical flips
#   for street scenes; rotation factors are fractions of a full turn.
# - Augment the training set only; give the augmented stream to one `fit()` call for many epochs.
