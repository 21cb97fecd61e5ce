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
# **最后修改：** 2026-11-30
# **出处：** 《AI 大模型创业：如何利用人才优势？》的代码，附在「什么是数据增强？请给出至少两种数据增强方法。」之后（[人才优势指南](../../guides/talent/#ask-002-data-augmentation)）；「数据增强」在第三部分重复。
#
# <details><summary>维护者注</summary>源文档行号（按 <code>cat -n</code> 计）：002 · L164–191（问题与代码 L177–191，模型在 L150–159 定义）；第三部分 L443–459。</details>
#
# 数据增强就是让模型在每张图片的随机变体上训练，而且这些变换不改变标签：模型每个轮次看到的图都略有不同，同时学到任务需要的不变性（位置、方向、光照）。最后一节实测它在什么情况下有用。在 Keras 3 里，数据增强就是一叠普通的层。面试官常问：增强放在哪里跑（模型里还是输入流水线里），推理时会发生什么，某个任务上哪些变换是安全的。

# %% [markdown] lang="en"
# # Data augmentation with Keras preprocessing layers {#data-augmentation}
#
# **Description:** Augment real photos with `RandomFlip`, `RandomRotation`, `RandomZoom`,
# `RandomTranslation` and `RandomContrast`, check that they only act during training, and use them
# either inside the model or in a `tf.data` pipeline.
# **Last modified:** 2026-11-30
# **Source:** code in *AI large-model startups: how to use a talent advantage?* (《AI 大模型创业：如何利用人才优势？》),
# attached to "What is data augmentation? Give at least two data augmentation methods."
# ([talent guide](../../guides/talent/#ask-002-data-augmentation)); repeated in part three as "Data augmentation".
#
# <details><summary>Maintainer note</summary>Source line numbers (as <code>cat -n</code> counts them): 002 · L164–191 (question and code L177–191; the model is defined at L150–159); part three L443–459.</details>
#
# Data augmentation trains the model on random, label-preserving variations of each image: the
# model sees a slightly different picture every epoch and learns the invariances (position,
# orientation, lighting) the task needs. The last section measures when this helps. In Keras 3 augmentation is a
# stack of ordinary layers. Interviewers ask where the augmentation runs (model or input
# pipeline), what happens at inference time, and which transformations are safe for a given task.

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - `ImageDataGenerator` 已不推荐使用：TF 2.21 为兼容 `tf.keras` 仍能导入它（`tensorflow.keras.preprocessing.image`，从 `keras.src.legacy` 转出），但它的替代品是本文用的预处理层。
# > - 这段代码依赖上一题的代码块：`model` 是上一题定义的 28x28x1 手写数字 CNN（10 类 softmax），目录 `data/train` 则不存在。即使有数据也对不上：`flow_from_directory` 默认 `color_mode="rgb"`，产出 3 通道图像，喂不进单通道的输入；`class_mode="binary"` 给出 0/1 标签，而模型输出 10 类。
# > - 循环在第一个批量上调用 `model.fit(batch[0], batch[1], epochs=1)` 之后就 `break`：模型只看了一次 32 张增强图片。正确做法是把增强后的数据流交给一次 `fit()` 调用，训练多个轮次。
# > - `target_size=(28, 28)` 看起来是手写数字之类的图片，而对数字做 `horizontal_flip=True` 会改变标签（镜像的 3 不再是 3）。每种变换都要符合任务本身。
# > - 答案完全没提：数据增强只用于训练数据，不能用于验证集和测试集。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - `ImageDataGenerator` is deprecated: TF 2.21 still imports it for `tf.keras` compatibility
# >   (`tensorflow.keras.preprocessing.image`, re-exported from `keras.src.legacy`), but its
# >   replacements are the preprocessing layers used here.
# > - The snippet depends on the previous block: `model` is the 28x28x1 digit CNN (10-way softmax)
# >   defined there, and the directory `data/train` does not exist. Even with data the pieces do not
# >   fit: `flow_from_directory` defaults to `color_mode="rgb"` and yields 3-channel images for a
# >   one-channel input, and `class_mode="binary"` yields 0/1 labels for a 10-class output.
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
# scikit-learn ships two real color photos (427x640). We take a square center crop of the first
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
# 对同一张照片以 `training=True` 抽 9 次，和原图放在一起。每次调用都会为批量里的每张图重新抽取随机参数。

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
# ## `training` 参数：谁会增强，谁不会 {#training-flag}
#
# 每个 Keras 层都会收到一个 `training` 参数，随机预处理层只在它为真时变换输入。在 Keras 3（这里是 3.15）里：
#
# - `fit()` 以 `training=True` 调用模型，所以训练时会增强；显式传 `training=True` 的两次直接调用给出不同的结果。
# - **直接调用 `model(x)`、不传 `training` 时也会增强。** 这些层的 `call` 默认 `training=True`，下面实测：两次直接调用互不相同，也和原图不同。很多旧教程（以及本站以前的版本）说直接调用等于推理，这在 Keras 3 里不成立。
# - `predict()` 和 `evaluate()` 以 `training=False` 运行：随机层原样返回输入，两次 `predict()` 结果完全相同。
#
# 所以含增强层的模型可以直接评估、直接导出；但在自己的代码里直接调用模型做推理时，要显式写 `model(x, training=False)`。下面的单元格逐条断言这些行为：先在增强层上，再在一个前面加了增强层的未训练小分类器上。

# %% [markdown] lang="en"
# ## The `training` argument: what augments and what does not {#training-flag}
#
# Every Keras layer receives a `training` argument, and the random preprocessing layers transform
# their input only when it is true. In Keras 3 (3.15 here):
#
# - `fit()` calls the model with `training=True`, so training augments; two direct calls with an
#   explicit `training=True` give different results.
# - **A plain call `model(x)`, without `training`, augments too.** These layers' `call` defaults to
#   `training=True`; the cell below measures it: two plain calls differ from each other and from
#   the original. Many older tutorials (and an earlier version of this site) say a plain call is
#   inference; in Keras 3 it is not.
# - `predict()` and `evaluate()` run with `training=False`: the random layers return their input
#   unchanged, and two `predict()` calls give identical results.
#
# So a model that contains augmentation can be evaluated and exported as is, but when your own
# code calls the model directly for inference it must say `model(x, training=False)`. The cell
# below asserts each behavior, first on the layer stack, then on a small untrained classifier with
# the augmentation stack in front.

# %%
same = keras.ops.convert_to_numpy(augment(batch, training=False))
second = keras.ops.convert_to_numpy(augment(batch, training=True))
plain_1 = keras.ops.convert_to_numpy(augment(batch))
plain_2 = keras.ops.convert_to_numpy(augment(batch))
print("max change with training=False:          ", np.abs(same - batch).max())
print("mean difference, two training=True calls:", np.abs(augmented - second).mean())
print("mean change, plain call vs original:     ", np.abs(plain_1 - batch).mean())
print("mean difference, two plain calls:        ", np.abs(plain_1 - plain_2).mean())
assert np.array_equal(same, batch), "augmentation must be the identity with training=False"
assert np.abs(augmented - second).mean() > 0.01, "two training=True calls should differ"
assert np.abs(plain_1 - batch).mean() > 0.01, "a plain call was expected to augment"
assert np.abs(plain_1 - plain_2).mean() > 0.01, "two plain calls were expected to differ"

classifier = keras.Sequential([
    keras.Input(shape=(128, 128, 3)),
    keras.layers.Conv2D(8, 3, strides=2, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(2, activation="softmax"),
], name="classifier")
with_augmentation = keras.Sequential([keras.Input(shape=(128, 128, 3)), augment, classifier])

p_plain = classifier.predict(images, verbose=0)
p_predict_1 = with_augmentation.predict(images, verbose=0)
p_predict_2 = with_augmentation.predict(images, verbose=0)
p_call = keras.ops.convert_to_numpy(with_augmentation(images))
print("predict() twice, max difference:              ", np.abs(p_predict_1 - p_predict_2).max())
print("predict(), with vs without augmentation:      ", np.abs(p_predict_1 - p_plain).max())
print("plain call, with vs without augmentation:     ", np.abs(p_call - p_plain).max())
assert np.array_equal(p_predict_1, p_predict_2), "predict() must be deterministic"
np.testing.assert_allclose(p_predict_1, p_plain, rtol=1e-6, atol=1e-7)
assert np.abs(p_call - p_plain).max() > 1e-4, "a plain call of the model was expected to augment"

# %% [markdown] lang="zh"
# ## 放在模型里，还是放在输入流水线里 {#placement}
#
# 这些层有两个放的位置：
#
# - **放在模型里**，就像上面那样。增强和模型跑在同一个设备上（GPU 上很快），随模型一起保存，推理时自动跳过。
# - **放在 `tf.data` 流水线里**，只对训练数据集做 `dataset.map(...)`。计算在 CPU 上进行，和训练并行（`num_parallel_calls`、`prefetch`），导出的模型里完全没有增强层。适合用 CPU 训练，或者 GPU 已经是瓶颈的情况。这时必须显式写 `training=True`，因为没有 `fit()` 替你设置。
#
# 下面的单元格用两张照片搭一个这样的流水线，并取出一个批量。

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
# ## 增强什么时候有用：实测 {#benefit}
#
# “增强等于多了数据”只有在增强出来的变化正好是测试数据里有、而少量训练图像里没有的变化时才成立。这里用 scikit-learn 自带的 8x8 手写数字来测：每类只取 10 张有标注的图（共 100 张）训练一个小 CNN；测试图像是其余所有数字，每张随机平移最多 1 个像素，就像扫描时没有对准中心。一组模型不加增强，另一组在最前面加 `RandomTranslation(0.25, 0.25)`（最多平移 2 个像素，空出的像素补 0），其余完全相同：结构、轮次、优化器、标注图都一样。换三次标注图，每次两组各训练一个模型，断言增强后的平均测试准确率至少高 0.15，且每次抽样都更高。
#
# 反过来也要知道：增强只教模型不变性。测试图像和训练图像一样居中时，平移增强就没有东西可教，本例不对那种情况下的效果做任何断言。

# %% [markdown] lang="en"
# ## When augmentation helps: measured {#benefit}
#
# "Augmentation is like having more data" holds only when the variation it creates is variation
# the test data has and the few training images lack. We measure it on scikit-learn's 8x8
# handwritten digits: 10 labeled images per class (100 in all) train a small CNN; the test images
# are all other digits, each shifted at random by up to one pixel, as if the scanner had not
# centered them. One model has no augmentation, the other starts with
# `RandomTranslation(0.25, 0.25)` (shifts of up to two pixels, new pixels filled with 0); all else
# is identical: architecture, epochs, optimizer, labeled images. Over three draws of the labeled
# images, one model of each per draw, we assert that augmentation raises the mean test accuracy by
# at least 0.15 and wins on every draw.
#
# The converse matters too: augmentation only teaches invariances. When the test images are as
# centered as the training images, shift augmentation has nothing to teach, and this example
# makes no claim for that case.

# %%
from sklearn.datasets import load_digits

digits = load_digits()
digit_images = (digits.images / 16.0).astype("float32")[..., None]  # (1797, 8, 8, 1)
digit_labels = digits.target
shift_rng = np.random.default_rng(42)


def shift(image, dy, dx):
    """Shift an 8x8 image by whole pixels, filling with 0 (blank paper)."""
    out = np.zeros_like(image)
    out[max(dy, 0):8 + min(dy, 0), max(dx, 0):8 + min(dx, 0)] = (
        image[max(-dy, 0):8 + min(-dy, 0), max(-dx, 0):8 + min(-dx, 0)]
    )
    return out


shifted = np.stack([shift(im, *shift_rng.integers(-1, 2, size=2)) for im in digit_images])


def digit_model(with_augmentation):
    front = [keras.layers.RandomTranslation(0.25, 0.25, fill_mode="constant")] if with_augmentation else []
    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        *front,
        keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


accuracy = {False: [], True: []}
for draw in range(3):
    draw_rng = np.random.default_rng(42 + draw)
    train_idx = np.concatenate([
        draw_rng.choice(np.flatnonzero(digit_labels == c), 10, replace=False) for c in range(10)
    ])
    test_mask = np.ones(len(digit_labels), dtype=bool)
    test_mask[train_idx] = False
    x_few = np.tile(digit_images[train_idx], (3, 1, 1, 1))  # 300 rows: 10 batches per epoch
    y_few = np.tile(digit_labels[train_idx], 3)
    for with_aug in (False, True):
        model = digit_model(with_aug)
        model.fit(x_few, y_few, epochs=20, batch_size=32, verbose=0)
        accuracy[with_aug].append(model.evaluate(shifted[test_mask], digit_labels[test_mask], verbose=0)[1])

plain_acc, aug_acc = np.array(accuracy[False]), np.array(accuracy[True])
print("test accuracy on shifted digits, per draw")
print("  no augmentation:  ", np.round(plain_acc, 3), f" mean {plain_acc.mean():.3f}")
print("  with augmentation:", np.round(aug_acc, 3), f" mean {aug_acc.mean():.3f}")
assert aug_acc.mean() > plain_acc.mean() + 0.15, "augmentation should raise mean accuracy by 0.15"
assert (aug_acc > plain_acc).all(), "augmentation lost on at least one draw"

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - Keras 3 的数据增强就是一叠层（`RandomFlip`、`RandomRotation`、`RandomZoom`、`RandomTranslation`、`RandomContrast` 等），取代了 `ImageDataGenerator`。
# - 这些层只在 `training=True` 时生效：`fit()` 会设置它，不传 `training` 的直接调用 `model(x)` 在 Keras 3 里也会增强；`predict()` 和 `evaluate()` 不增强，所以它们的推理是确定的，导出的模型可以保留这些层。自己直接调用模型做推理时写 `training=False`。
# - 增强只在测试数据有、训练数据缺的变化上有用：本例中测试数字有平移时，平移增强把平均测试准确率提高了至少 0.15。
# - 放在模型里：在加速器上运行，随模型一起发布。放在 `tf.data` 里：在 CPU 上与训练并行，导出的模型更干净；记得自己传 `training=True`。
# - 只用不改变标签的变换：数字和文字不能水平翻转，街景不能上下翻转；旋转系数是“圈”的比例，不是角度。
# - 只增强训练集；把增强后的数据流交给一次 `fit()`，训练多个轮次。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Keras 3 augmentation is a stack of layers (`RandomFlip`, `RandomRotation`, `RandomZoom`,
#   `RandomTranslation`, `RandomContrast`, ...) that replaces `ImageDataGenerator`.
# - The layers act only when `training=True`: `fit()` sets it, and in Keras 3 a plain call
#   `model(x)` without `training` augments too; `predict()` and `evaluate()` do not augment, so
#   their inference is deterministic and an exported model can keep the layers. Pass
#   `training=False` when you call the model directly for inference.
# - Augmentation helps with variation the test data has and the training data lacks: here, with
#   shifted test digits, shift augmentation raised the mean test accuracy by at least 0.15.
# - In the model: runs on the accelerator and ships with the model. In `tf.data`: runs on the CPU
#   in parallel with training and keeps the exported model clean; pass `training=True` yourself.
# - Only label-preserving transforms: no horizontal flips for digits or text, no vertical flips
#   for street scenes; rotation factors are fractions of a full turn.
# - Augment the training set only; give the augmented stream to one `fit()` call for many epochs.
