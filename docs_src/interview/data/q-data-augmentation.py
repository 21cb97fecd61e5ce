import keras
import numpy as np

keras.utils.set_random_seed(0)
augment = keras.Sequential([
    keras.layers.RandomFlip("horizontal"),     # fine for cats/dogs, wrong for digits and text
    keras.layers.RandomRotation(0.05),         # +/- 18 degrees
    keras.layers.RandomTranslation(0.1, 0.1),
    keras.layers.RandomContrast(0.2),
])
images = np.random.rand(4, 32, 32, 3).astype("float32")

train_view = keras.ops.convert_to_numpy(augment(images, training=True))
eval_view = keras.ops.convert_to_numpy(augment(images, training=False))
print("changed in training:", not np.allclose(train_view, images))
print("changed at inference:", not np.allclose(eval_view, images))
assert train_view.shape == images.shape       # same shape, same label
assert not np.allclose(train_view, images)    # random transforms while training
assert np.allclose(eval_view, images)         # identity at validation/test/inference time
