import numpy as np

# Chinchilla's parametric loss L(N, D) = E + A / N^alpha + B / D^beta, with the constants
# re-fitted by Besiroglu et al. (2024) on the data of Hoffmann et al. (2022).
E, A, B, alpha, beta = 1.82, 482.01, 2085.43, 0.3478, 0.3658


def compute_optimal(C):
    """Minimize the loss over model sizes N at a fixed budget C = 6 N D FLOPs."""
    N = np.logspace(7, 13, 20_001)
    D = C / (6 * N)
    loss = E + A / N**alpha + B / D**beta
    i = loss.argmin()
    return N[i], D[i], loss[i]


budgets = [1e21, 1e23, 1e25]
results = [compute_optimal(C) for C in budgets]
for C, (N, D, loss) in zip(budgets, results):
    print(f"C={C:.0e} FLOPs: N={N / 1e9:7.1f} B params, D={D / 1e9:8.0f} B tokens, D/N={D / N:4.1f}, loss {loss:.3f}")

ratios = [D / N for N, D, _ in results]
assert all(10 < r < 40 for r in ratios)  # about 20 tokens per parameter at every scale
growth = np.log(results[-1][0] / results[0][0]) / np.log(budgets[-1] / budgets[0])
print(f"N_opt grows as C^{growth:.2f}")
assert 0.4 < growth < 0.6  # parameters and tokens each grow about as the square root of compute

# At the same budget, a model 10x too large (trained on 10x fewer tokens) is clearly worse.
N_opt, D_opt, best = results[1]  # C = 1e23
too_big = E + A / (10 * N_opt) ** alpha + B / (D_opt / 10) ** beta
print(f"10x too large at the same budget: loss {too_big:.3f} vs {best:.3f}")
assert too_big > best + 0.05
