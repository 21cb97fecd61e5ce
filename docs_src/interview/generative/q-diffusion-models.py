import numpy as np

rng = np.random.default_rng(42)
T = 1000
beta = np.linspace(1e-4, 0.02, T)            # DDPM's linear schedule
alpha_bar = np.cumprod(1 - beta)
print(f"alpha_bar at t=300 and t=1000: {alpha_bar[299]:.3f}, {alpha_bar[-1]:.1e}")
assert alpha_bar[-1] < 1e-4                  # x_T is (almost) pure N(0, I) noise

# Data: a two-mode 1-D distribution; run 300 steps of the noising chain on 100,000 samples
x0 = np.where(rng.random(100_000) < 0.5, -2.0, 2.0) + 0.1 * rng.standard_normal(100_000)
x = x0.copy()
for t in range(300):
    x = np.sqrt(1 - beta[t]) * x + np.sqrt(beta[t]) * rng.standard_normal(x.size)
# Closed form: x_t = sqrt(alpha_bar) x0 + sqrt(1 - alpha_bar) eps, so Var = alpha_bar Var(x0) + 1 - alpha_bar
predicted = np.sqrt(alpha_bar[299] * x0.var() + 1 - alpha_bar[299])
print(f"std after 300 chain steps {x.std():.4f}, closed form {predicted:.4f} (data std {x0.std():.2f})")
assert abs(x.std() / predicted - 1) < 0.01

# The denoising loss E||eps - f(x_t)||^2 is minimized by E[eps | x_t]. For Gaussian data
# x0 ~ N(0, v) that is linear in x_t; least squares on samples recovers its coefficient.
v, t = 4.0, 299
x0 = np.sqrt(v) * rng.standard_normal(200_000)
eps = rng.standard_normal(x0.size)
xt = np.sqrt(alpha_bar[t]) * x0 + np.sqrt(1 - alpha_bar[t]) * eps
fitted = np.sum(xt * eps) / np.sum(xt * xt)
exact = np.sqrt(1 - alpha_bar[t]) / (alpha_bar[t] * v + 1 - alpha_bar[t])
print(f"eps-prediction coefficient: fitted {fitted:.4f}, exact {exact:.4f}")
assert abs(fitted / exact - 1) < 0.02
