import numpy as np

SEED = 42
rng = np.random.default_rng(SEED)
w = rng.normal(size=8)
x = 2.0 * np.sign(w) * rng.uniform(0.5, 1.5, size=8)   # an input the model is very sure about
baseline = np.zeros(8)


def f(z):
    """A saturating model: sigmoid of a linear score."""
    return 1 / (1 + np.exp(-(z @ w)))


def grad_f(z):
    return f(z) * (1 - f(z)) * w


# Integrated Gradients: (x - x') times the gradient averaged along the straight path (Riemann sum)
alphas = (np.arange(50) + 0.5) / 50
avg_grad = np.mean([grad_f(baseline + a * (x - baseline)) for a in alphas], axis=0)
ig = (x - baseline) * avg_grad
grad_times_input = x * grad_f(x)

gap = f(x) - f(baseline)
print(f"f(x) - f(x') = {gap:.4f}; sum IG = {ig.sum():.4f}; sum grad*input = {grad_times_input.sum():.4f}")
print(f"check: |sum IG - gap| {abs(ig.sum() - gap):.1e} < 1e-3; grad*input covers {grad_times_input.sum() / gap:.1%} < 25%")
assert abs(ig.sum() - gap) < 1e-3                # completeness: attributions add up to the change
assert grad_times_input.sum() < 0.25 * gap       # saturated gradient: plain gradients explain little
