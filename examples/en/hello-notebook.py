# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A first verified notebook {#hello-notebook}
#
# **Description:** The smallest example of how this site runs notebooks: fit a line with NumPy,
# check the fit, and plot it.
# **Last modified:** 2026-11-22
#
# Every example on this site is a notebook like this one. The tests execute it from top to bottom
# in a fresh kernel; a failing cell or a failing `assert` fails the build, and the outputs and the
# plot you see below come from that run.

# %% [markdown]
# ## Fit a line {#fit}
#
# We draw 200 noisy points around the line y = 3x + 2 and recover its slope and intercept with
# least squares.

# %%
import numpy as np

rng = np.random.default_rng(42)
x = rng.uniform(-1, 1, size=200)
y = 3 * x + 2 + rng.normal(scale=0.1, size=200)

# polyfit returns the coefficients from the highest degree down: slope first.
slope, intercept = np.polyfit(x, y, deg=1)
print(f"slope={slope:.3f} intercept={intercept:.3f}")
assert abs(slope - 3) < 0.05 and abs(intercept - 2) < 0.05, "least squares did not recover the line"

# %% [markdown]
# ## Plot it {#plot}

# %%
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3))
ax.scatter(x, y, s=6, alpha=0.5, label="data")
grid = np.linspace(-1, 1, 50)
ax.plot(grid, slope * grid + intercept, color="C1", label="fit")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
plt.show()
