import numpy as np

rng = np.random.default_rng(0)
x = rng.standard_normal(256)

def input_gradient_norm(depth, activation, scale):
    """Norm of the gradient reaching the input of a deep MLP (width 256)."""
    h, jacobians = x, []
    for _ in range(depth):
        W = rng.standard_normal((256, 256)) * scale / np.sqrt(256)
        z = W @ h
        if activation == "sigmoid":
            h = 1 / (1 + np.exp(-z))
            jacobians.append(W * (h * (1 - h))[:, None])     # sigmoid' <= 0.25
        else:
            h = np.maximum(z, 0)
            jacobians.append(W * (z > 0)[:, None])
    g = np.ones(256)
    for J in reversed(jacobians):                             # backpropagation: product of Jacobians
        g = J.T @ g
    return np.linalg.norm(g)

sigmoid = input_gradient_norm(30, "sigmoid", scale=1.0)
relu_he = input_gradient_norm(30, "relu", scale=np.sqrt(2))  # He initialization
relu_big = input_gradient_norm(30, "relu", scale=2.0)        # too-large initialization
print(f"sigmoid: {sigmoid:.2e}  relu+He: {relu_he:.2e}  relu, scale 2: {relu_big:.2e}")
assert sigmoid < 1e-6 < 1e-2 < relu_he < 1e3 < relu_big
