# skip: needs the network: downloads ImageNet weights
import keras

base = keras.applications.MobileNetV2(weights="imagenet", include_top=False)
