import math

import dp_accounting

n, batch, delta = 60_000, 256, 1e-5            # an MNIST-sized data set
q = batch / n                                  # Poisson sampling rate of one example per step


def epsilon(noise_multiplier, epochs):
    """epsilon spent by DP-SGD, from the RDP accountant (subsampled Gaussian mechanism)."""
    steps = int(epochs * n / batch)
    event = dp_accounting.SelfComposedDpEvent(
        dp_accounting.PoissonSampledDpEvent(q, dp_accounting.GaussianDpEvent(noise_multiplier)), steps)
    accountant = dp_accounting.rdp.RdpAccountant()
    accountant.compose(event)
    return accountant.get_epsilon(delta)


for sigma in [0.8, 1.1, 2.0]:
    print(f"sigma={sigma}: " + ", ".join(f"{e} epochs eps={epsilon(sigma, e):.2f}" for e in [15, 60]))

# Composition: 4x the steps costs far less than 4x the epsilon (roughly sqrt growth)
ratio = epsilon(1.1, 60) / epsilon(1.1, 15)
print(f"check: eps(60 epochs) / eps(15 epochs) = {ratio:.2f} < 3 (naive composition: 4)")
assert ratio < 3
# More noise, less epsilon for the same training
assert epsilon(2.0, 60) < 0.5 * epsilon(1.1, 60)
# What epsilon bounds: any membership test has TPR <= e^eps * FPR + delta
eps = epsilon(1.1, 60)
print(f"at eps={eps:.2f}, an attack with 1% false positives finds at most "
      f"{min(1.0, math.exp(eps) * 0.01 + delta):.1%} of members")
