import numpy as np
from scipy.stats import wasserstein_distance

# Real data: uniform on [0, 0.1]; generator: the same shape shifted by theta.
# For |theta| >= 0.1 the supports are disjoint, as for images on thin manifolds.
grid = np.linspace(-2, 3, 5001)                     # histogram bins of width 0.001
def uniform_at(left):
    p = ((grid >= left) & (grid < left + 0.1)).astype(float)
    return p / p.sum()

def js(p, q):
    m = (p + q) / 2
    kl = lambda a: np.sum(a[a > 0] * np.log(a[a > 0] / m[a > 0]))
    return (kl(p) + kl(q)) / 2

p_data = uniform_at(0.0)
thetas = np.array([0.2, 0.5, 1.0, 2.0])
js_values = [js(p_data, uniform_at(t)) for t in thetas]
w1_values = [wasserstein_distance(grid, grid, p_data, uniform_at(t)) for t in thetas]
for t, j, w in zip(thetas, js_values, w1_values):
    print(f"theta={t:.1f}  JS={j:.4f} (log 2={np.log(2):.4f})  W1={w:.3f}")
assert np.allclose(js_values, np.log(2))           # flat: no gradient tells G which way to move
assert np.all(np.diff(w1_values) > 0.2)            # W1 grows with the distance: a useful gradient
assert abs(w1_values[1] - 0.5) < 0.01              # W1 of a shifted copy is the shift itself
