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
# # 用梯度下降求解线性回归 {#linear-regression-gd}
#
# **简介：** 用 NumPy 手写批量梯度下降拟合 $y = w \cdot x + b$，并找回真实参数。
# **最后修改：** 2026-11-30
# **出处：**《AI 大模型创业：如何利用创新优势？》中“源代码实例”的第 1 题，原题收录在[创新优势指南](../../guides/innovation/#ask-000-code-linear-regression)。
#
# <details><summary>维护者注</summary>种子 000：题目在 L124，原文代码在 L128–161。</details>
#
# 用梯度下降训练线性回归，是“神经网络怎么训练”最小的完整样例：一个模型、一个损失函数、
# 损失对参数的梯度，再沿梯度的*反方向*走一步。面试官喜欢考它，因为它能在白板上完整推导，
# 任何一个错误都藏不住：梯度符号写反、漏了偏置项、学习率只对某个样本量才有效。
#
# 下面先用已知参数生成数据，推导均方误差的梯度并做数值校验，然后跑梯度下降，
# 最后和最小二乘的闭式解对比。

# %% [markdown] lang="en"
# # Linear regression by gradient descent {#linear-regression-gd}
#
# **Description:** Fit $y = w \cdot x + b$ with batch gradient descent in NumPy and recover the true parameters.
# **Last modified:** 2026-11-30
# **Source:** problem 1 of "源代码实例" in *AI large-model startups: using the innovation advantage*
# (《AI 大模型创业：如何利用创新优势？》), quoted in the
# [innovation guide](../../guides/innovation/#ask-000-code-linear-regression).
#
# <details><summary>Maintainer note</summary>Seed 000: the question is at L124, the original code at L128–161.</details>
#
# Linear regression trained with gradient descent is the smallest complete example of how every
# neural network is trained: a model, a loss, the gradient of the loss with respect to the
# parameters, and an update that steps *against* that gradient. Interviewers like it because it
# can be derived on a whiteboard and every mistake is visible: a flipped sign, a forgotten bias,
# a learning rate that only works for one dataset size.
#
# We generate data from known parameters, derive the gradient of the mean squared error, check it
# numerically, run gradient descent, and compare the result with the closed-form least-squares
# solution.

# %% [markdown] lang="zh"
# ## 数据 {#data}
#
# 从 $y = 2.0 \cdot x + 0.5$ 加高斯噪声中采 500 个点。真实的权重和偏置是我们自己定的，
# 所以可以直接检查训练能不能把它们找回来。设计矩阵额外加一列 1，
# 这样偏置就和普通权重一样参与学习。

# %% [markdown] lang="en"
# ## The data {#data}
#
# We draw 500 points from $y = 2.0 \cdot x + 0.5$ plus Gaussian noise. Because we choose the true weight
# and bias ourselves, we can check whether training recovers them. The design matrix gets a
# column of ones so that the bias is learned like any other weight.

# %%
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(42)

n = 500
true_w, true_b = 2.0, 0.5
x = rng.uniform(0.0, 2.0, size=n)
y = true_w * x + true_b + rng.normal(0.0, 0.3, size=n)

# Design matrix [x, 1]: the second parameter is the bias
X = np.column_stack([x, np.ones(n)])
print("X shape:", X.shape, "y shape:", y.shape)

# %% [markdown] lang="zh"
# ## 损失与梯度 {#loss-and-gradient}
#
# 记参数 $\theta = (w, b)$，预测 $\hat{y} = X\theta$，均方误差及其梯度为
#
# $$
# L(\theta) = \frac{1}{n} \sum_i (\hat{y}_i - y_i)^2, \qquad \nabla L(\theta) = \frac{2}{n} X^\top (X\theta - y)
# $$
#
# 有两个细节要抠清楚。第一，梯度指向损失*上升*最快的方向，更新必须是 $\theta \leftarrow \theta - \mathrm{lr} \cdot \nabla L$。
# 第二，对样本取平均而不是求和：这样损失和梯度的量级不随 n 变化，
# 在 500 个点上好用的学习率，换成 50 万个点照样好用。
#
# 手写的梯度在用之前，先和中心差分算出的数值梯度对一下。这就是常说的“梯度检验”，
# 三行代码的事。

# %% [markdown] lang="en"
# ## Loss and gradient {#loss-and-gradient}
#
# With parameters $\theta = (w, b)$ and predictions $\hat{y} = X\theta$, the mean squared error and its gradient are
#
# $$
# L(\theta) = \frac{1}{n} \sum_i (\hat{y}_i - y_i)^2, \qquad \nabla L(\theta) = \frac{2}{n} X^\top (X\theta - y).
# $$
#
# Two details matter. First, the gradient points *uphill*; the update is $\theta \leftarrow \theta - \mathrm{lr} \cdot \nabla L$.
# Second, we average over the samples instead of summing: the loss and its gradient then do not
# grow with n, so a learning rate that works for 500 points also works for 500,000.
#
# Before trusting a hand-written gradient, compare it with a central finite difference. This is
# the standard "gradient check" and takes three lines.

# %%
def mse_loss(theta, X, y):
    residual = X @ theta - y
    return np.mean(residual**2)


def mse_grad(theta, X, y):
    residual = X @ theta - y
    return 2.0 / len(y) * X.T @ residual


# Gradient check: central differences at a random point
theta_probe = rng.normal(size=2)
eps = 1e-6
numeric = np.array([
    (mse_loss(theta_probe + eps * e, X, y) - mse_loss(theta_probe - eps * e, X, y)) / (2 * eps)
    for e in np.eye(2)
])
analytic = mse_grad(theta_probe, X, y)
print("analytic gradient:", analytic)
print("numeric gradient: ", numeric)
assert np.allclose(analytic, numeric, rtol=1e-5, atol=1e-6), "analytic gradient does not match finite differences"

# %% [markdown] lang="zh"
# ## 批量梯度下降 {#gradient-descent}
#
# 每一步都用上全部 500 个样本（批量梯度下降）。MSE 的 Hessian 是 $H = (2/n) \cdot X^\top X$，
# 梯度下降收敛的充要条件是 $\mathrm{lr} < 2 / \lambda_{\max}(H)$。我们先把这个上界算出来，
# 取一个明显低于它的学习率，再逐步记录损失和参数。

# %% [markdown] lang="en"
# ## Batch gradient descent {#gradient-descent}
#
# Every step uses all 500 samples (batch gradient descent). For the MSE loss the Hessian is
# $H = (2/n) \cdot X^\top X$, and gradient descent converges only if $\mathrm{lr} < 2 / \lambda_{\max}(H)$. We compute that bound
# and pick a learning rate safely below it, then record the loss and the parameters at each step.

# %%
hessian = 2.0 / n * X.T @ X
lr_max = 2.0 / np.linalg.eigvalsh(hessian).max()
lr = 0.3
print(f"largest stable learning rate: {lr_max:.3f}, using lr = {lr}")
assert lr < lr_max, "learning rate would diverge"

theta = np.zeros(2)
steps = 300
losses = [mse_loss(theta, X, y)]
path = [theta.copy()]
for step in range(steps):
    theta = theta - lr * mse_grad(theta, X, y)  # step AGAINST the gradient
    losses.append(mse_loss(theta, X, y))
    path.append(theta.copy())
path = np.array(path)

w_gd, b_gd = theta
print(f"gradient descent: w = {w_gd:.4f}, b = {b_gd:.4f}, final MSE = {losses[-1]:.4f}")

# %% [markdown] lang="zh"
# ## 损失曲线 {#loss-curve}
#
# 损失先快速下降，随后停在噪声水平附近：噪声方差是 0.09，最终的 MSE 与它相差不到 20%
# （在训练集上它甚至可能略低于噪声方差，因为拟合出的两个参数吸收了一点噪声）。
# 从参数轨迹能看到两个方向收敛速度不一样：x 只取正值，w 和 b 相互耦合，
# 问题的条件数偏大。把 x 中心化之后 w 和 b 解耦，条件数至少降到原来的三分之一，
# 梯度下降走到闭式解附近所需的步数也至少减半（下一格实测这两点）。

# %% [markdown] lang="en"
# ## The loss curve {#loss-curve}
#
# The loss falls quickly and then flattens at the noise level: the noise variance is 0.09, and
# the final MSE is within 20% of it (on the training set it can even land slightly below, because
# the two fitted parameters absorb a little of the noise). The parameter trajectories show the
# two directions converging at different speeds: x only takes positive values, so w and b are
# correlated and the problem is mildly ill-conditioned. Centering x decouples w and b, cuts the
# condition number at least threefold and at least halves the number of steps gradient descent
# needs to reach the closed-form solution (both measured in the next cell).

# %%
fig, (ax_loss, ax_param) = plt.subplots(1, 2, figsize=(8, 3))
ax_loss.plot(losses)
ax_loss.set_yscale("log")
ax_loss.set_xlabel("step")
ax_loss.set_ylabel("MSE (log scale)")
ax_loss.set_title("Training loss")
ax_param.plot(path[:, 0], label="w")
ax_param.plot(path[:, 1], label="b")
ax_param.axhline(true_w, color="gray", linestyle="--", linewidth=0.8)
ax_param.axhline(true_b, color="gray", linestyle=":", linewidth=0.8)
ax_param.set_xlabel("step")
ax_param.set_title("Parameters")
ax_param.legend()
fig.tight_layout()
plt.show()

noise_var = 0.3**2
print(f"final MSE {losses[-1]:.4f} vs noise variance {noise_var:.4f}")
assert abs(losses[-1] / noise_var - 1) < 0.2, "the final MSE should sit at the noise level"


def steps_to_converge(design, lr_scale=1.0, tol=1e-6, max_steps=5000):
    # Gradient descent at lr = 1 / lambda_max (half the stability bound) until within tol of lstsq
    target, *_ = np.linalg.lstsq(design, y, rcond=None)
    step_lr = lr_scale / np.linalg.eigvalsh(2.0 / n * design.T @ design).max()
    th = np.zeros(design.shape[1])
    for count in range(1, max_steps + 1):
        th = th - step_lr * mse_grad(th, design, y)
        if np.abs(th - target).max() < tol:
            return count
    return max_steps


X_centered = np.column_stack([x - x.mean(), np.ones(n)])
cond_raw = np.linalg.cond(X.T @ X)
cond_centered = np.linalg.cond(X_centered.T @ X_centered)
steps_raw, steps_centered = steps_to_converge(X), steps_to_converge(X_centered)
print(f"condition number: raw x {cond_raw:.1f}, centered x {cond_centered:.1f}")
print(f"steps to reach the least-squares solution: raw x {steps_raw}, centered x {steps_centered}")
assert cond_raw > 3 * cond_centered, "centering should cut the condition number at least threefold"
assert steps_raw > 2 * steps_centered, "centering should at least halve the steps to converge"

# %% [markdown] lang="zh"
# ## 与闭式解对比 {#closed-form}
#
# 最小二乘有精确解 $\theta^* = \arg\min \lVert X\theta - y \rVert^2$，`np.linalg.lstsq` 用数值稳定的分解来求
# （不要自己去求 $X^\top X$ 的逆）。收敛后的梯度下降必须落在同一个点上（差距小于 1e-4）。
# 两者和真实值 (2.0, 0.5) 都有一点偏差（小于 0.1），这是噪声带来的；按统计学的标准结论，
# 这个偏差的标准误按 $1/\sqrt{n}$ 缩小。

# %% [markdown] lang="en"
# ## Check against the closed-form solution {#closed-form}
#
# Least squares has an exact solution, $\theta^* = \arg\min \lVert X\theta - y \rVert^2$, which `np.linalg.lstsq` computes
# with a stable factorization (do not invert $X^\top X$ yourself). Converged gradient descent must land
# on the same point (within 1e-4). Both estimates differ slightly (by less than 0.1) from the true
# (2.0, 0.5) because of the noise; by the standard statistical result, the standard error of that
# difference shrinks like $1/\sqrt{n}$.

# %%
theta_ls, *_ = np.linalg.lstsq(X, y, rcond=None)
w_ls, b_ls = theta_ls
print(f"least squares:    w = {w_ls:.4f}, b = {b_ls:.4f}")
print(f"gradient descent: w = {w_gd:.4f}, b = {b_gd:.4f}")
print(f"true values:      w = {true_w:.4f}, b = {true_b:.4f}")

assert np.allclose(theta, theta_ls, atol=1e-4), "gradient descent did not converge to the least-squares solution"
assert abs(w_gd - true_w) < 0.1, f"recovered w {w_gd:.3f} is not within 0.1 of {true_w}"
assert abs(b_gd - true_b) < 0.1, f"recovered b {b_gd:.3f} is not within 0.1 of {true_b}"

# %% [markdown] lang="zh"
# ## 复现原文代码 {#original-bug}
#
# > **原文代码的问题**
# >
# > - 梯度符号写反：梯度写成 `-2 * np.sum(X * (X*theta - y))`，更新时又用
# >   `theta -= alpha * gradient` 减去它，两个负号抵消，每一步都在往*上坡*走。
# >   跑完 1000 步，损失早已溢出成 `inf`，打印出来的“训练后的参数”是个天文数字。
# > - 没有偏置项：模型是 `X * theta`，一条过原点的直线，数据只要有截距就拟合不了。
# > - 用求和代替平均：损失和梯度都用 `np.sum`，梯度随样本数线性增大，
# >   同一个 `alpha` 在 100 个点上能收敛，换成 1 万个点就发散。
# > - 损失在循环里算了却从不记录、不打印，发散了也没人发现；数据用的是旧式的全局
# >   `np.random`，也没设随机种子。
#
# 下一个单元格先把原文代码原样跑一遍（只补了随机种子）：1000 步之后 $\theta$ 的绝对值超过 1e100，
# 损失溢出成 `inf`。然后在我们的数据上按原文的更新规则（含符号错误）跑几步，步长取得足够小、
# 本身是稳定的；旁边是只把符号改对的同一规则：原文的损失一路上升，改对后一路下降。
# 最后把符号改对、但仍用“求和”形式的梯度，配原文的 `alpha = 0.01` 实际训练：100 个点时收敛，
# 1 万个点时发散；换成“平均”形式，同一个学习率在两种样本量下都收敛。

# %% [markdown] lang="en"
# ## The original code, reproduced {#original-bug}
#
# > **What the original got wrong**
# >
# > - Sign error: the gradient is written as `-2 * np.sum(X * (X*theta - y))` and then subtracted
# >   with `theta -= alpha * gradient`. The two minus signs cancel, so every step goes *uphill*:
# >   after the 1000 steps the loss has overflowed to `inf` and the printed "trained parameter" is
# >   astronomically large.
# > - No bias term: the model is `X * theta`, a line through the origin. It cannot fit any data with
# >   an intercept.
# > - Sum instead of mean: the loss and gradient use `np.sum`, so the gradient grows with the number
# >   of samples and a fixed `alpha` that converges for 100 points diverges for 10,000.
# > - The loss is computed in the loop but never recorded or printed, so the divergence goes
# >   unnoticed; the data come from the legacy global `np.random` without a seed.
#
# The next cell first runs the original code as written (only seeded): after 1000 steps $|\theta|$ is
# above 1e100 and the loss has overflowed to `inf`. It then runs the original update rule (sign
# error included) for a few steps on our data, with a step size small enough to be stable, next to
# the same rule with the sign fixed: the original climbs, the fixed one descends. Finally it trains
# with the sign fixed but the summed gradient and the source's `alpha = 0.01`: it converges on 100
# points and diverges on 10,000, while the mean gradient converges at both sizes with one learning
# rate.

# %%
def original_gradient(theta_1d, x, y):
    # Copied from the source: note the leading minus sign
    return -2 * np.sum(x * (x * theta_1d - y))


# The source code as written, seeded: X, y and theta from the legacy global generator
legacy = np.random.RandomState(42)
X_src = legacy.rand(100, 1)
y_src = 2 * X_src + legacy.randn(100, 1)
theta_src = legacy.rand(1)
with np.errstate(over="ignore", invalid="ignore"):  # the source's loss overflows; we check it below
    for i in range(1000):
        loss_src = np.sum((X_src * theta_src - y_src) ** 2)
        theta_src -= 0.01 * original_gradient(theta_src, X_src, y_src)
print(f"source code after 1000 steps: theta = {theta_src[0]:.3g}, loss = {loss_src}")
assert abs(theta_src[0]) > 1e100 and np.isinf(loss_src), "the source code was expected to blow up"

alpha = 1e-4  # small enough that the step size itself is stable here
theta_bad = np.array([0.5])
theta_fixed = np.array([0.5])
bad_losses, fixed_losses = [], []
for step in range(10):
    bad_losses.append(np.sum((x * theta_bad - y) ** 2))
    fixed_losses.append(np.sum((x * theta_fixed - y) ** 2))
    theta_bad -= alpha * original_gradient(theta_bad, x, y)  # as in the source
    theta_fixed += alpha * original_gradient(theta_fixed, x, y)  # sign fixed
print("original update, loss per step:  ", ", ".join(f"{v:.0f}" for v in bad_losses))
print("sign fixed, loss per step:       ", ", ".join(f"{v:.0f}" for v in fixed_losses))
assert all(b > a for a, b in zip(bad_losses, bad_losses[1:])), "expected the sign error to make the loss grow"
assert all(b < a for a, b in zip(fixed_losses, fixed_losses[1:])), "expected the fixed update to make the loss fall"


def fit_through_origin(n_samples, lr, reduce, steps=50):
    # The source's model y = theta * x with its data distribution; sign fixed, sum or mean gradient
    data_rng = np.random.default_rng(42 + n_samples)
    xs = data_rng.random(n_samples)
    ys = 2 * xs + data_rng.standard_normal(n_samples)
    th = 0.0
    for _ in range(steps):
        th -= lr * reduce(2 * xs * (xs * th - ys))
    return th, np.sum(xs * ys) / np.sum(xs * xs)  # GD result and the exact least-squares slope


for n_samples in (100, 10_000):
    th_sum, slope = fit_through_origin(n_samples, 0.01, np.sum)
    th_mean, _ = fit_through_origin(n_samples, 0.5, np.mean)
    print(f"n = {n_samples:>6}: least squares {slope:.4f}; sum, lr 0.01 -> {th_sum:.3g}; mean, lr 0.5 -> {th_mean:.4f}")
    assert abs(th_mean - slope) < 1e-3, "the mean gradient should converge at every n"
    if n_samples == 100:
        assert abs(th_sum - slope) < 1e-3, "the summed gradient with alpha = 0.01 should converge on 100 points"
    else:
        assert abs(th_sum) > 1e6, "the summed gradient with alpha = 0.01 should diverge on 10,000 points"

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 更新规则是 $\theta \leftarrow \theta - \mathrm{lr} \cdot \nabla L$。梯度按它本来的符号写，再减去它；
#   用有限差分做一次梯度检验，几秒钟就能揪出符号和系数错误。
# - 一定要有偏置（加一列 1，或者单独的 `b`），否则拟合线被强制过原点。
# - 损失对批量取平均，学习率才不依赖数据量和批量大小。
#   对 MSE，梯度下降收敛当且仅当 $\mathrm{lr} < 2/\lambda_{\max}$，其中 Hessian 为 $(2/n) \cdot X^\top X$。
# - 用闭式解（`np.linalg.lstsq`）验证：收敛的梯度下降必须和它一致。
#   梯度下降的价值在于样本或特征太多、无法直接求解，或者模型本身不是线性的时候。
# - 特征缩放和中心化能改善条件数、加快收敛（上面中心化后步数至少减半）；把损失记下来并画出来，发散才看得见。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Update rule: $\theta \leftarrow \theta - \mathrm{lr} \cdot \nabla L$. Write the gradient with its natural sign and subtract it; a
#   finite-difference gradient check catches sign and factor errors in seconds.
# - Always include a bias (a column of ones, or a separate `b`); without it the fit is forced
#   through the origin.
# - Average the loss over the batch so the learning rate does not depend on the dataset or batch
#   size. For MSE, GD converges iff $\mathrm{lr} < 2/\lambda_{\max}$ of the Hessian $(2/n) \cdot X^\top X$.
# - Verify against the closed form (`np.linalg.lstsq`): converged GD must match it. GD pays off when
#   n or the number of features is too large for a direct solve, or the model is not linear.
# - Feature scaling and centering improve conditioning and speed up convergence (centering at least
#   halved the steps above); log and plot the loss so divergence is visible.
