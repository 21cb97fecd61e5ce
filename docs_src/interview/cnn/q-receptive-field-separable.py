# --8<-- [start:receptive-field]
import numpy as np
import keras

C = 64  # channels in and out

# Receptive field: three stacked 3x3 convolutions see a 7x7 patch, like one 7x7 convolution.
stack = keras.Sequential([keras.Input(shape=(15, 15, 1))] + [
    keras.layers.Conv2D(1, 3, padding="same", use_bias=False, kernel_initializer="ones") for _ in range(3)])
impulse = np.zeros((1, 15, 15, 1), dtype="float32")
impulse[0, 7, 7, 0] = 1.0  # one input pixel
touched = int(np.count_nonzero(stack.predict(impulse, verbose=0)))
print(f"one input pixel reaches {touched} outputs (a 7x7 field has 49)")
assert touched == 7 * 7

layer_7x7 = keras.layers.Conv2D(C, 7, use_bias=False)
layer_7x7.build((None, 32, 32, C))
conv_3x3 = keras.layers.Conv2D(C, 3, use_bias=False)
conv_3x3.build((None, 32, 32, C))
print(f"3 x (3x3 conv): {3 * conv_3x3.count_params():,} weights; one 7x7 conv: {layer_7x7.count_params():,}")
assert 3 * conv_3x3.count_params() < 0.6 * layer_7x7.count_params()  # 27 C^2 vs 49 C^2
# --8<-- [end:receptive-field]

# --8<-- [start:separable]
# Depthwise-separable convolution: a 3x3 filter per channel, then a 1x1 convolution to mix channels.
standard = keras.layers.Conv2D(128, 3)
separable = keras.layers.SeparableConv2D(128, 3)
for layer in (standard, separable):
    layer.build((None, 32, 32, C))
ratio = separable.count_params() / standard.count_params()
print(f"standard: {standard.count_params():,}, separable: {separable.count_params():,}, ratio {ratio:.3f}")
assert ratio < 0.15  # about 1/C_out + 1/k^2 = 1/128 + 1/9
# --8<-- [end:separable]

# --8<-- [start:batchnorm]
# Batch normalization: batch statistics while training, moving averages at inference.
bn = keras.layers.BatchNormalization()
x = np.random.normal(5.0, 3.0, size=(256, 8)).astype("float32")
train_out = keras.ops.convert_to_numpy(bn(x, training=True))
infer_out = keras.ops.convert_to_numpy(bn(x, training=False))
print(f"mean after BN: training {train_out.mean():.3f}, inference {infer_out.mean():.3f}")
assert abs(train_out.mean()) < 0.05 and abs(train_out.std() - 1) < 0.05  # normalized by this batch
# The moving averages start at mean 0, variance 1 and moved only 1% toward this batch (momentum 0.99).
assert infer_out.mean() > 4
# --8<-- [end:batchnorm]
