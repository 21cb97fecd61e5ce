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
# # 用 Keras 预处理层做数据增强 {#data-augmentation}
#
# **简介：** 用 `RandomFlip`、`RandomRotation`、`RandomZoom`、`RandomTranslation` 和 `RandomContrast` 增强真实照片，验证它们只在训练时生效，并演示放在模型里和放在 `tf.data` 流水线里两种用法。
# **最后修改：** 2026-11-22
# **替代：** `002_4821617996e3a5a3.txt`，“典型面试题与解析”第 5 题，以及“答案解析与源代码实例”第 5 条
#
# 数据增强就是让模型在每张图片的随机变体上训练，而且这些变换不改变标签：模型每个 epoch 看到的图都略有不同，效果上相当于多了数据，同时也学到任务需要的不变性（位置、方向、光照）。在 Keras 3 里，数据增强就是一叠普通的层。面试官常问：增强放在哪里跑（模型里还是输入流水线里），推理时会发生什么，某个任务上哪些变换是安全的。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - `ImageDataGenerator` 是旧接口（Keras 3 只在 `keras.src.legacy` 里保留），它的替代品就是本文用的预处理层。
# > - `model` 和目录 `data/train` 都不存在，循环根本跑不起来。
# > - 循环在第一个 batch 上调用 `model.fit(batch[0], batch[1], epochs=1)` 之后就 `break`：模型只看了一次 32 张增强图片。正确做法是把增强后的数据流交给一次 `fit()` 调用，训练多个 epoch。
# > - `target_size=(28, 28)` 看起来是手写数字之类的图片，而对数字做 `horizontal_flip=True` 会改变标签（镜像的 3 不再是 3）。每种变换都要符合任务本身。
# > - 答案完全没提：数据增强只用于训练数据，不能用于验证集和测试集。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# ## 图片 {#image}
#
# scikit-learn 自带两张真实的彩色照片（427x640）。取第一张的中心正方形区域，用 `keras.layers.Resizing` 缩放到 128x128，像素值缩放到 [0, 1]。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# ## 增强层 {#layers}
#
# 下面用 `keras.Sequential` 把几个随机层叠在一起。各个系数都是比例：`RandomRotation(0.08)` 最多旋转 ±0.08 圈（约 ±29°，接近原文的 `rotation_range=30` 度），`RandomZoom(0.2)` 最多缩放 ±20%，`RandomTranslation(0.1, 0.1)` 最多平移高和宽的 10%。`RandomContrast` 必须知道输入像素的取值范围：默认是 (0, 255)，我们的是 (0, 1)。旋转、缩放、平移之后空出来的像素用镜像方式填充（默认的 `fill_mode="reflect"`）。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# ## 增强后的样本 {#grid}
#
# 对同一张照片以 `training=True` 抽 9 次，和原图放在一起。每次调用都会为 batch 里的每张图重新抽取随机参数。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# ## 只在训练时生效 {#training-flag}
#
# 每个 Keras 层都会收到一个 `training` 参数。`fit()` 以 `training=True` 调用模型；`predict()`、`evaluate()` 和直接调用则是 `training=False`，这时随机预处理层原样返回输入。所以含有增强层的模型可以直接评估、直接导出：推理结果是确定的。
#
# 先直接在增强层上验证，再在模型上验证：一个未训练的小分类器，前面加不加增强层，推理时的预测必须完全一致。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# ## 放在模型里，还是放在输入流水线里 {#placement}
#
# 这些层有两个放的位置：
#
# - **放在模型里**，就像上面那样。增强和模型跑在同一个设备上（GPU 上很快），随模型一起保存，推理时自动跳过。
# - **放在 `tf.data` 流水线里**，只对训练数据集做 `dataset.map(...)`。计算在 CPU 上进行，和训练并行（`num_parallel_calls`、`prefetch`），导出的模型里完全没有增强层。适合用 CPU 训练，或者 GPU 已经是瓶颈的情况。这时必须显式写 `training=True`，因为没有 `fit()` 替你设置。
#
# 下面的单元格用两张照片搭一个这样的流水线，并取出一个 batch。

# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# 无论放在哪里，验证集和测试集都必须不经增强地送进模型。放在模型里时这是自动保证的；用 `tf.data` 时，就意味着只对训练数据集做增强的 map。

# %% [markdown] lang="en"
# Whichever placement you choose, the validation and test data go through the model without
# augmentation. With the in-model placement that is automatic; with `tf.data` it means mapping
# the augmentation onto the training dataset only.

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - Keras 3 的数据增强就是一叠层（`RandomFlip`、`RandomRotation`、`RandomZoom`、`RandomTranslation`、`RandomContrast` 等），取代了 `ImageDataGenerator`。
# - 这些层只在 `training=True` 时生效：`fit()` 会设置它，`predict()` 和 `evaluate()` 不会，所以推理是确定的，导出的模型可以保留这些层。
# - 放在模型里：在加速器上运行，随模型一起发布。放在 `tf.data` 里：在 CPU 上与训练并行，导出的模型更干净；记得自己传 `training=True`。
# - 只用不改变标签的变换：数字和文字不能水平翻转，街景不能上下翻转；旋转系数是“圈”的比例，不是角度。
# - 只增强训练集；把增强后的数据流交给一次 `fit()`，训练多个 epoch。

# %% [markdown] lang="en"
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
