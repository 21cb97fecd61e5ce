import numpy as np

# Gradient descent on f(w) = 0.5 * w^T A w; curvature (largest eigenvalue) L = 10
A = np.diag([10.0, 1.0])

def run(lr, steps=100):
    w = np.array([1.0, 1.0])
    for _ in range(steps):
        w = w - lr * A @ w
    return np.linalg.norm(w)

for lr in [0.01, 0.1, 0.19, 0.21]:
    print(f"lr={lr:<5} |w| after 100 steps = {run(lr):.2e}")
assert run(0.01) > 0.3          # too small: barely moves along the flat direction
assert run(0.19) < 1e-4         # just below 2/L = 0.2: converges
assert run(0.21) > 1e3          # just above 2/L: diverges
