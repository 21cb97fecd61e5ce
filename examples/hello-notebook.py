# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] lang="zh"
# # 第一个经过验证的笔记本 {#hello-notebook}
#
# **简介：** 用最小的例子说明本站如何运行笔记本：用 NumPy 拟合一条直线，检验拟合结果，再画出来。
# **最后修改：** 2026-11-30
#
# 本站的每个示例都是这样一个笔记本。测试会在全新的内核里从头到尾执行它；任何一个单元格出错或
# `assert` 不成立，构建就会失败。下面看到的输出和图，都来自那次运行。

# %% [markdown] lang="en"
# # A first verified notebook {#hello-notebook}
#
# **Description:** The smallest example of how this site runs notebooks: fit a line with NumPy,
# check the fit, and plot it.
# **Last modified:** 2026-11-30
#
# Every example on this site is a notebook like this one. The tests execute it from top to bottom
# in a fresh kernel; a failing cell or a failing `assert` fails the build, and the outputs and the
# plot you see below come from that run.

# %% [markdown] lang="zh"
# ## 拟合直线 {#fit}
#
# 在直线 y = 3x + 2 附近生成 200 个带噪声的点，再用最小二乘法求出斜率和截距；断言两者与真实值的差都小于 0.05。

# %% [markdown] lang="en"
# ## Fit a line {#fit}
#
# We draw 200 noisy points around the line y = 3x + 2 and recover its slope and intercept with
# least squares; the assertion requires both to be within 0.05 of the true values.

# %%
import numpy as np

rng = np.random.default_rng(42)
x = rng.uniform(-1, 1, size=200)
y = 3 * x + 2 + rng.normal(scale=0.1, size=200)

# polyfit returns the coefficients from the highest degree down: slope first.
slope, intercept = np.polyfit(x, y, deg=1)
print(f"slope={slope:.3f} intercept={intercept:.3f}")
assert abs(slope - 3) < 0.05 and abs(intercept - 2) < 0.05, "least squares did not recover the line"

# %% [markdown] lang="zh"
# ## 画图 {#plot}

# %% [markdown] lang="en"
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
