import keras
import numpy as np

rng = np.random.default_rng(0)
resize = keras.layers.Resizing(32, 32)          # any height and width -> the 32x32 the model expects


def prepare(images):
    """(n, H, W) or (n, H, W, 1|3|4) images with values 0-255 -> (n, 32, 32, 3) floats in [0, 1]."""
    x = np.asarray(images, dtype="float32") / 255.0
    if x.ndim == 3:                             # greyscale without a channel axis
        x = x[..., None]
    if x.shape[-1] == 1:                        # greyscale -> three identical channels
        x = np.repeat(x, 3, axis=-1)
    x = x[..., :3]                              # RGBA -> RGB: drop the alpha channel
    return keras.ops.convert_to_numpy(resize(x))


batches = {"grey 28x28": rng.integers(0, 256, (4, 28, 28)),
           "RGB 64x48": rng.integers(0, 256, (4, 64, 48, 3)),
           "RGBA 100x100": rng.integers(0, 256, (4, 100, 100, 4))}
for name, images in batches.items():
    ready = prepare(images)
    print(f"{name}: {images.shape} -> {ready.shape}, values in [{ready.min():.2f}, {ready.max():.2f}]")
    assert ready.shape == (4, 32, 32, 3) and ready.min() >= 0.0 and ready.max() <= 1.0
grey = prepare(batches["grey 28x28"])
assert np.array_equal(grey[..., 0], grey[..., 2])   # a grey image stays grey: its three channels are equal
