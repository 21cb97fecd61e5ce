import numpy as np

rng = np.random.default_rng(42)
# A linear-Gaussian "decoder": z ~ N(0, 1), x | z ~ N(w z, s^2), so p(x) = N(0, w^2 + s^2) is exact
w, s, x = 2.0, 0.5, 1.3
log_normal = lambda v, mean, var: -0.5 * (np.log(2 * np.pi * var) + (v - mean) ** 2 / var)
log_px = log_normal(x, 0.0, w**2 + s**2)

def elbo(mu, sigma, samples=200_000):
    """Monte Carlo ELBO with the reparameterization z = mu + sigma * eps."""
    z = mu + sigma * rng.standard_normal(samples)
    recon = log_normal(x, w * z, s**2)                    # log p(x | z)
    kl = 0.5 * (mu**2 + sigma**2 - np.log(sigma**2) - 1)  # KL(q || N(0, 1)), closed form
    return np.mean(recon) - kl

# The exact posterior p(z | x) is Gaussian here
post_var = 1 / (1 + w**2 / s**2)
post_mu = post_var * w * x / s**2
exact, wrong = elbo(post_mu, np.sqrt(post_var)), elbo(0.0, 1.0)
print(f"log p(x)={log_px:.4f}  ELBO(exact posterior)={exact:.4f}  ELBO(q = prior)={wrong:.4f}")
assert abs(exact - log_px) < 0.01       # the bound is tight when q equals the posterior
assert wrong < log_px - 0.5             # any other q gives a strictly lower bound

# Closed-form KL matches a Monte Carlo estimate of E_q[log q(z) - log p(z)]
mu, sigma = 0.7, 0.4
z = mu + sigma * rng.standard_normal(200_000)
kl_mc = np.mean(log_normal(z, mu, sigma**2) - log_normal(z, 0.0, 1.0))
kl_closed = 0.5 * (mu**2 + sigma**2 - np.log(sigma**2) - 1)
print(f"KL closed form={kl_closed:.4f}  Monte Carlo={kl_mc:.4f}")
assert abs(kl_mc - kl_closed) < 0.01
