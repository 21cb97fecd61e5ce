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
# # Vanishing and exploding gradients, measured {#gradient-problems}
#
# **Description:** Measure per-layer gradient norms of a 20-layer network with `tf.GradientTape`, make them vanish and explode, then fix them with initialisation, batch normalisation and gradient clipping.
# **Last modified:** 2026-11-22
# **Replaces:** `002_4821617996e3a5a3.txt`, "一、典型面试题与解析", question 6, and the same code in "三、答案解析与源代码实例", item 6
#
# "Explain vanishing and exploding gradients" is a standard interview question, and the usual
# answer is a list of remedies. A strong answer explains *why* they happen (backpropagation
# multiplies one factor per layer, so the gradient changes geometrically with depth), shows how
# to *see* the problem (per-layer gradient norms), and knows what each remedy actually fixes.
#
# This notebook builds 20-layer networks, measures the gradient norm of every layer's weights on
# a batch of real digits, and produces both pathologies on purpose. Then it applies the standard
# fixes, He/Glorot initialisation and batch normalisation, and shows what gradient clipping does
# and does not do.

# %% [markdown]
# > **What the original got wrong**
# >
# > - The code is a fragment that cannot run: it imports only `BatchNormalization`, while `layers`
# >   and `input_tensor` are never defined.
# > - It measures nothing. The answer names three remedies (clipping, initialisation, batch
# >   normalisation) but the code shows only one `BatchNormalization` line after a convolution, so
# >   nothing demonstrates that gradients vanish, explode or recover.
# > - The explanation gives no cause. Gradients do not become "very small" everywhere: they shrink
# >   or grow *layer by layer* through the chain rule, so the layers far from the loss are the ones
# >   that stop learning (vanishing) or receive huge updates (exploding).
# > - It leaves out the most effective remedies in practice: ReLU-family activations with matching
# >   initialisation, residual connections, and gating (LSTM/GRU) for recurrent networks.

# %% [markdown]
# ## Why gradients vanish or explode {#why}
#
# Write a dense layer as hₗ = Wₗ aₗ₋₁ and aₗ = φ(hₗ). Backpropagation computes the gradient with
# respect to the layer's input from the gradient with respect to its output:
#
# ∂L/∂aₗ₋₁ = Wₗᵀ (φ′(hₗ) ⊙ ∂L/∂aₗ),  and the weight gradient is ∂L/∂Wₗ = (φ′(hₗ) ⊙ ∂L/∂aₗ) aₗ₋₁ᵀ.
#
# Going from the loss back to layer 1, the signal is multiplied by one such factor per layer. If
# the typical factor is below 1 the gradient shrinks geometrically with depth, if it is above 1 it
# grows geometrically. Two things set the factor: the derivative of the activation (the sigmoid's
# is at most 0.25) and the scale of the weights, which is what initialisation schemes control.

# %% [markdown]
# ## Setup {#setup}
#
# The input is a batch of 256 real handwritten digits from scikit-learn (64 pixels each),
# standardised per pixel. We only look at gradients at initialisation, so no training split is
# needed.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

X, y = load_digits(return_X_y=True)
X = ((X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)).astype("float32")
x_batch, y_batch = X[:256], y[:256]
print("batch:", x_batch.shape, "labels:", np.bincount(y_batch).tolist())

# %% [markdown]
# ## A probe for per-layer gradient norms {#probe}
#
# `build_mlp` stacks 20 hidden `Dense` layers of width 64 and a linear output layer for the ten
# classes. The activation, the kernel initialiser and an optional `BatchNormalization` between
# each `Dense` and its activation are parameters (with batch normalisation the `Dense` bias is
# redundant, since BN's β plays that role).
#
# `layer_grad_norms` runs a forward pass under `tf.GradientTape`, computes the cross-entropy loss
# and returns the L2 norm of the gradient of every `Dense` kernel, from the first hidden layer to
# the output layer. This is the same diagnostic you would log in a real training run (TensorBoard's
# histograms, or a callback that prints gradient norms per layer).
#
# One Keras detail: an initialiser *instance* without a seed returns the same values every time it
# is called, so passing one instance to 20 layers would give them identical weights. `build_mlp`
# therefore takes an initialiser class or factory and creates a fresh instance per layer.

# %%
DEPTH, WIDTH = 20, 64
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def build_mlp(activation, make_init, batch_norm=False):
    inputs = keras.Input(shape=(64,))
    x = inputs
    for _ in range(DEPTH):
        x = keras.layers.Dense(WIDTH, kernel_initializer=make_init(), use_bias=not batch_norm)(x)
        if batch_norm:
            x = keras.layers.BatchNormalization()(x)
        x = keras.layers.Activation(activation)(x)
    outputs = keras.layers.Dense(10, kernel_initializer=make_init())(x)  # logits
    return keras.Model(inputs, outputs)


def layer_grad_norms(model):
    kernels = [layer.kernel for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    with tf.GradientTape() as tape:
        loss = loss_fn(y_batch, model(x_batch, training=True))
    grads = tape.gradient(loss, kernels)
    return np.array([float(tf.norm(g)) for g in grads])


def large_normal():
    return keras.initializers.RandomNormal(stddev=0.5)  # 4x the Glorot scale for width 64


models, norms = {}, {}


def probe(name, activation, make_init, batch_norm=False):
    models[name] = build_mlp(activation, make_init, batch_norm)
    norms[name] = layer_grad_norms(models[name])
    n = norms[name]
    print(f"{name:<24} first layer {n[0]:.2e}  output layer {n[-1]:.2e}  ratio {n[0] / n[-1]:.2e}")
    return n[0] / n[-1]


# %% [markdown]
# ## Vanishing: 20 sigmoid layers {#vanishing}
#
# Sigmoid activations with Keras's default Glorot-uniform initialisation. Glorot keeps the scale
# of Wx roughly constant from layer to layer, but the sigmoid's derivative is at most 0.25, so the
# backward signal loses about a factor of four per layer. The ratio between the first layer's
# gradient norm and the output layer's measures what reaches the bottom of the network.

# %%
ratio_vanishing = probe("sigmoid, Glorot", "sigmoid", keras.initializers.GlorotUniform)
assert ratio_vanishing < 1e-6, f"first/last gradient ratio {ratio_vanishing:.2e} is not vanishing"

# %% [markdown]
# The first layer receives a gradient about twelve orders of magnitude smaller than the output
# layer, close to the 0.25²⁰ ≈ 10⁻¹² the argument above predicts. With plain SGD its weights
# effectively never move: the network trains only its top layers, and the early layers stay the
# random feature extractor they were at initialisation.

# %% [markdown]
# ## Exploding: tanh with large weights {#exploding}
#
# Now tanh with weights drawn from N(0, 0.5²), four times the Glorot standard deviation for width
# 64. The forward pass looks harmless, because tanh squashes every activation into (−1, 1) and the
# loss stays at an ordinary value. Backwards, each layer multiplies the gradient by a factor
# larger than one, so the gradient *grows* as it travels towards the input. This is the "chaotic"
# regime of deep networks: nothing overflows in the forward pass, yet the early layers would take
# steps far too large for any learning rate that suits the top layers.

# %%
ratio_exploding = probe("tanh, N(0, 0.5^2)", "tanh", large_normal)
assert ratio_exploding > 1e2, f"first/last gradient ratio {ratio_exploding:.2e} is not exploding"

# %% [markdown]
# ## Fixes: initialisation and batch normalisation {#fixes}
#
# Three networks of the same depth, each with one change:
#
# - **ReLU with He initialisation.** ReLU's derivative is exactly 1 where the unit is active and 0
#   elsewhere, so it does not shrink the signal the way the sigmoid does. ReLU zeroes about half
#   the units, and He initialisation (Var(W) = 2/fan_in) doubles the weight variance to compensate.
# - **tanh with Glorot initialisation.** Glorot (Var(W) = 2/(fan_in + fan_out)) is designed for
#   tanh-like activations; it brings the per-layer factor back to about 1.
# - **Sigmoid with batch normalisation.** The *same* sigmoid network that vanished, with
#   `BatchNormalization` before each activation. BN rescales every pre-activation to zero mean and
#   unit variance over the batch, so the sigmoid works in its steep region, and its backward pass
#   divides by the batch standard deviation, which cancels the scale of the weights.
#
# "Healthy" here means the first and the last layer get gradients within two orders of magnitude
# of each other.

# %%
ratio_relu_he = probe("ReLU, He", "relu", keras.initializers.HeNormal)
ratio_tanh_glorot = probe("tanh, Glorot", "tanh", keras.initializers.GlorotNormal)
ratio_sigmoid_bn = probe("sigmoid, Glorot + BN", "sigmoid", keras.initializers.GlorotUniform, batch_norm=True)

for name, ratio in [("ReLU, He", ratio_relu_he), ("tanh, Glorot", ratio_tanh_glorot),
                    ("sigmoid, Glorot + BN", ratio_sigmoid_bn)]:
    assert 1e-2 < ratio < 1e2, f"{name}: first/last gradient ratio {ratio:.2e} is not healthy"

# %% [markdown]
# ## The per-layer picture {#plot}
#
# Gradient norm of each layer's kernel, from the first hidden layer (1) to the output layer (21),
# on a log scale. A straight sloped line is the signature of a geometric factor per layer: falling
# towards the input means vanishing, rising means exploding. The fixed networks are roughly flat.

# %%
fig, ax = plt.subplots(figsize=(8, 3.5))
layers_axis = np.arange(1, DEPTH + 2)
for name, n in norms.items():
    ax.plot(layers_axis, n, marker="o", markersize=3, label=name)
ax.set_yscale("log")
ax.set_xlabel("layer (1 = first hidden, 21 = output)")
ax.set_ylabel("gradient norm of kernel")
ax.set_title("Per-layer gradient norms at initialisation")
ax.legend(fontsize=7, ncol=2)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Gradient clipping {#clipping}
#
# Clipping does not remove the cause of exploding gradients; it caps the *step*, so that one bad
# batch cannot throw the weights far away. It is standard in recurrent networks and in
# Transformer and LLM pre-training (a global norm of 1.0 is a common setting). Keras optimizers
# offer three forms:
#
# - `clipnorm=c` rescales each variable's gradient separately to norm ≤ c;
# - `global_clipnorm=c` rescales *all* gradients by one common factor so that their joint norm is
#   ≤ c, which keeps the direction of the update (PyTorch's `clip_grad_norm_` does this);
# - `clipvalue=c` clips every element to [−c, c], which changes the direction too.
#
# We take the gradient of the exploding network once, apply one plain SGD step (learning rate
# 0.01) without clipping, with `clipnorm=1` and with `global_clipnorm=1`, and measure the weight
# updates. After each step the weights are restored, so all three start from the same point.

# %%
LR, CLIP = 0.01, 1.0
model = models["tanh, N(0, 0.5^2)"]
variables = model.trainable_variables
with tf.GradientTape() as tape:
    loss = loss_fn(y_batch, model(x_batch, training=True))
grads = tape.gradient(loss, variables)
start_weights = [v.numpy() for v in variables]


def one_step_updates(optimizer):
    """Apply one optimizer step, return the per-variable updates, then restore the weights."""
    optimizer.apply_gradients(zip(grads, variables))
    updates = [v.numpy() - w for v, w in zip(variables, start_weights)]
    for v, w in zip(variables, start_weights):
        v.assign(w)
    return updates


def flat(updates):
    return np.concatenate([u.ravel() for u in updates])


plain = one_step_updates(keras.optimizers.SGD(learning_rate=LR))
per_var = one_step_updates(keras.optimizers.SGD(learning_rate=LR, clipnorm=CLIP))
global_ = one_step_updates(keras.optimizers.SGD(learning_rate=LR, global_clipnorm=CLIP))

first_kernel_change = np.linalg.norm(plain[0]) / np.linalg.norm(start_weights[0])
print(f"no clipping: largest per-variable update {max(np.linalg.norm(u) for u in plain):.3g}, "
      f"first kernel moves by {first_kernel_change:.0%} of its own norm")
max_per_var = max(np.linalg.norm(u) for u in per_var)
global_norm = np.linalg.norm(flat(global_))
print(f"clipnorm={CLIP}: largest per-variable update {max_per_var:.4f} (bound {LR * CLIP})")
print(f"global_clipnorm={CLIP}: norm of the whole update {global_norm:.4f} (bound {LR * CLIP})")


def cosine(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


cos_per_var = cosine(flat(per_var), flat(plain))
cos_global = cosine(flat(global_), flat(plain))
print(f"direction vs unclipped step: clipnorm cos={cos_per_var:.3f}, global_clipnorm cos={cos_global:.6f}")

assert max(np.linalg.norm(u) for u in plain) > 100 * LR * CLIP, "the unclipped step is not large"
assert max_per_var <= LR * CLIP * (1 + 1e-4), f"clipnorm update {max_per_var:.5f} exceeds the bound"
assert global_norm <= LR * CLIP * (1 + 1e-4), f"global_clipnorm update {global_norm:.5f} exceeds the bound"
assert cos_global > 0.9999, f"global clipping changed the direction (cos={cos_global:.6f})"
assert cos_per_var < cos_global, "per-variable clipping should change the direction more"

# %% [markdown]
# Without clipping, one step moves the first kernel by an amount comparable to its own norm, while
# the output layer barely moves: that is what an exploding gradient does to training. Both clipping
# modes cap the step at learning rate × c. Global clipping only shortens the step and keeps its
# direction; per-variable clipping also changes the direction, because it shrinks the large
# gradients of the early layers much more than the small ones near the output.

# %% [markdown]
# ## Key takeaways {#takeaways}
#
# - Backpropagation multiplies one factor per layer (weights times activation derivative), so
#   gradients change geometrically with depth: below 1 they vanish, above 1 they explode. Measure
#   per-layer gradient norms with `tf.GradientTape` instead of guessing.
# - Fix the cause first: ReLU-family activations with He initialisation, tanh/linear with Glorot,
#   normalisation layers (BatchNorm, LayerNorm in Transformers), and residual connections, which
#   give the gradient an identity path around each block. For RNNs, LSTM/GRU gating.
# - Batch normalisation makes the forward and backward pass insensitive to the scale of the
#   weights; it rescued the same 20-layer sigmoid network that vanished.
# - Gradient clipping bounds the update, not the gradient's cause. Prefer `global_clipnorm`
#   (direction preserved) over per-variable `clipnorm`; it is standard for RNNs and LLM training.
# - Adaptive optimizers such as Adam rescale each parameter's step by its gradient history, which
#   hides some of the scale problem, but not a gradient of 10⁻¹², which falls below Adam's ε.
