import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)
# 1. data: split FIRST, then fit the preprocessing on the training part only
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=0)
scale = X_train.max()  # 16 for digits
X_train, X_val, X_test = X_train / scale, X_val / scale, X_test / scale

# 2. model, 3. loss/optimizer (integer labels -> sparse categorical cross-entropy)
model = keras.Sequential([
    keras.Input(shape=(64,)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

# 4. train, with early stopping on the VALIDATION set
stop = keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)
model.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=30, batch_size=64,
          callbacks=[stop], verbose=0)

# 5. evaluate once on the untouched test set
_, test_acc = model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.3f}")
assert test_acc > 0.93
