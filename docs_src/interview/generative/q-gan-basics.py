import numpy as np

# Early in training D easily rejects fakes: D(G(z)) = sigmoid(a) with a very negative logit a
a = np.array([-8.0, -4.0, 0.0])
d = 1 / (1 + np.exp(-a))

# Gradients of the generator loss w.r.t. the logit a:
#   minimax loss      log(1 - D)  ->  d/da = -D
#   non-saturating   -log(D)      ->  d/da = -(1 - D)
grad_minimax = -d
grad_non_saturating = -(1 - d)
for logit, g1, g2 in zip(a, grad_minimax, grad_non_saturating):
    print(f"logit {logit:5.1f}: minimax grad {g1:.5f}   non-saturating grad {g2:.5f}")
assert abs(grad_minimax[0]) < 1e-3        # saturates: G gets almost no signal
assert abs(grad_non_saturating[0]) > 0.99 # strong signal exactly when G is bad

# Optimal discriminator D*(x) = p_data / (p_data + p_g); at equilibrium p_g = p_data -> 1/2
p_data = p_g = np.array([0.2, 0.5, 0.3])
d_star = p_data / (p_data + p_g)
value = np.sum(p_data * np.log(d_star)) + np.sum(p_g * np.log(1 - d_star))
assert np.allclose(d_star, 0.5) and np.isclose(value, -np.log(4))

# Any other generator distribution scores worse against its own optimal discriminator
def value_at_optimum(p_g):
    d = p_data / (p_data + p_g)
    return np.sum(p_data * np.log(d)) + np.sum(p_g * np.log(1 - d))
others = np.random.default_rng(0).dirichlet(np.ones(3), size=100)
gaps = [value_at_optimum(q) - value for q in others]
print(f"V(D*, G) above -log 4 for all 100 random p_g: smallest gap {min(gaps):.4f}")
assert min(gaps) > 0              # -log 4 is the minimum, reached only at p_g = p_data
