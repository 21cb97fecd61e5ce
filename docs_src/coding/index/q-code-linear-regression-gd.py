import numpy as np

rng = np.random.default_rng(0)
X = rng.random((100, 1))
y = 2 * X[:, 0] + 1 + 0.1 * rng.standard_normal(100)

# The source's update, kept as written: gradient = -2 * sum(X * (X*theta - y)); theta -= alpha * gradient
theta, alpha, thetas = np.array([0.5]), 0.01, []
for step in range(50):
    theta -= alpha * (-2 * np.sum(X[:, 0] * (X[:, 0] * theta - y)))
    thetas.append(abs(theta[0]))
growth = thetas[-1] / thetas[-2]                 # factor by which |theta| grows per step
print(f"source update: |theta| after 50 steps = {thetas[-1]:.1e}, growing {growth:.2f}x per step")
assert thetas[-1] > 1e9 and growth > 1.4         # gradient ascent: diverges, does not converge

w, b, lr = 0.0, 0.0, 0.5
losses = []
for step in range(2000):
    error = w * X[:, 0] + b - y              # prediction minus target
    losses.append(np.mean(error ** 2))       # mean squared error
    grad_w = 2 * np.mean(error * X[:, 0])    # dL/dw: positive sign
    grad_b = 2 * np.mean(error)              # dL/db
    w -= lr * grad_w                         # step against the gradient
    b -= lr * grad_b

w_ls, b_ls = np.polyfit(X[:, 0], y, 1)       # closed-form least squares
print(f"gradient descent: w={w:.3f}, b={b:.3f}; least squares: w={w_ls:.3f}, b={b_ls:.3f}")
assert losses[-1] < 0.1 * losses[0]          # the loss falls by more than 10x
assert abs(w - w_ls) < 1e-3 and abs(b - b_ls) < 1e-3
