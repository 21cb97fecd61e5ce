import keras
import numpy as np

keras.utils.set_random_seed(0)
# Stand-in for a pre-trained backbone (in practice: keras.applications.*(weights="imagenet"))
backbone = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    keras.layers.Conv2D(16, 3, activation="relu"),
    keras.layers.BatchNormalization(),
    keras.layers.GlobalAveragePooling2D(),
], name="backbone")

# Stage 1 (feature extraction): freeze the backbone, train only a new head
backbone.trainable = False
inputs = keras.Input(shape=(32, 32, 3))
features = backbone(inputs, training=False)  # BatchNorm in inference mode while frozen
outputs = keras.layers.Dense(5, activation="softmax")(features)
model = keras.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
head_only = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
assert head_only == (16 + 1) * 5   # only the Dense head is trainable

x = np.random.rand(64, 32, 32, 3).astype("float32")
y = np.random.randint(0, 5, size=64)
before = [w.numpy().copy() for w in backbone.weights]
model.fit(x, y, epochs=1, verbose=0)
assert all(np.array_equal(a, b.numpy()) for a, b in zip(before, backbone.weights))

# Stage 2 (fine-tuning): unfreeze, but keep BatchNorm frozen (Keras 3: training=False above
# no longer protects it once the backbone is trainable), RE-COMPILE, use a much smaller rate
backbone.trainable = True
for layer in backbone.layers:
    if isinstance(layer, keras.layers.BatchNormalization):
        layer.trainable = False    # a non-trainable BN layer runs in inference mode
model.compile(optimizer=keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy")
bn = backbone.layers[1]
moving_mean = bn.moving_mean.numpy().copy()
conv_kernel = backbone.layers[0].kernel.numpy().copy()
model.fit(x, y, epochs=1, verbose=0)
print("trainable weights, stage 1:", head_only,
      "stage 2:", sum(int(np.prod(w.shape)) for w in model.trainable_weights))
assert not np.array_equal(conv_kernel, backbone.layers[0].kernel.numpy())  # backbone fine-tuned
assert np.array_equal(moving_mean, bn.moving_mean.numpy())  # BN statistics left untouched
