import keras

def conv2d_params(k_h, k_w, c_in, c_out):
    return (k_h * k_w * c_in + 1) * c_out  # one k_h x k_w x c_in kernel + 1 bias per filter

def conv_output_size(n, k, stride=1, padding=0):
    return (n + 2 * padding - k) // stride + 1

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(32, 3, activation="relu"),   # 28 -> 26
    keras.layers.MaxPooling2D(2),                    # 26 -> 13
    keras.layers.Conv2D(64, 3, activation="relu"),   # 13 -> 11
    keras.layers.MaxPooling2D(2),                    # 11 -> 5
    keras.layers.Flatten(),                          # 5 * 5 * 64 = 1600
    keras.layers.Dense(10, activation="softmax"),
])
conv1, pool1, conv2, pool2, flatten, dense = model.layers

# The formulas agree with what Keras builds
assert conv1.count_params() == conv2d_params(3, 3, 1, 32)
assert conv2.count_params() == conv2d_params(3, 3, 32, 64)
assert pool1.count_params() == pool2.count_params() == 0   # pooling has no parameters
assert conv1.output.shape[1] == conv_output_size(28, 3)
assert conv2.output.shape[1] == conv_output_size(pool1.output.shape[1], 3)
assert dense.count_params() == (flatten.output.shape[1] + 1) * 10

# The same 3x3x1 -> 32 mapping as a fully connected layer on the flattened image:
dense_equivalent = (28 * 28 + 1) * (26 * 26 * 32)
print(f"conv1: {conv1.count_params()} parameters; a dense layer with the same output: {dense_equivalent:,}")
print(f"total: {model.count_params():,} parameters")
assert dense_equivalent > 10_000 * conv1.count_params()   # weight sharing: over 10,000x fewer
