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
# # 用 pandas 清洗和预处理表格数据 {#data-cleaning-pandas}
#
# **简介：** 把一张脏乱的客户表（缺失值、占位编码、拼写不一致、完全重复行和主键重复）整理成干净、无泄漏的模型输入：先划分数据集，再只用训练集的统计量做缺失值填充、标准化和最小-最大归一化，然后做独热编码，最后与 scikit-learn 的 ColumnTransformer 结果逐一核对。
# **最后修改：** 2026-11-30
# **出处：** 《AI 大模型创业：如何利用市场优势？》：「代码示例：数据清洗和预处理（Python代码，使用Pandas和NumPy库）」，附在「大模型训练数据集的准备和预处理」之后（[市场优势指南](../../guides/market/#ask-001-code-data-cleaning)）。
#
# <details><summary>维护者注</summary>源文档行号（按 <code>cat -n</code> 计）：001 · L147–180（“极致详尽丰富的答案解析说明和源代码实例”第 1 条，代码 L158–180）。</details>
#
# 真实项目里，大部分工作都发生在训练之前，面试官也爱从这里追问实操细节：不是 NaN 的缺失值怎么找？
# 什么时候删、什么时候填？什么才算重复？标准化和归一化有什么区别？最关键的是：哪些统计量可以在哪些行上计算？
# 本例在代码里造一张小而脏的表，一步步清洗干净，最后逐项断言清洗结果。

# %% [markdown] lang="en"
# # Cleaning and preprocessing a table with pandas {#data-cleaning-pandas}
#
# **Description:** Take a messy customer table (missing values, sentinel codes, inconsistent spellings, exact and key duplicates) to a clean, leakage-free model input: split first, impute, standardize and min-max normalize with training statistics only, one-hot encode, and check the result against scikit-learn's ColumnTransformer.
# **Last modified:** 2026-11-30
# **Source:** *AI large-model startups: how to use a market advantage?* (《AI 大模型创业：如何利用市场优势？》): "Code example: data cleaning and preprocessing (Python code, using Pandas and NumPy)", attached to "Preparing and preprocessing the training dataset of a large model" ([market guide](../../guides/market/#ask-001-code-data-cleaning)).
#
# <details><summary>Maintainer note</summary>Source line numbers (as <code>cat -n</code> counts them): 001 · L147–180 ("极致详尽丰富的答案解析说明和源代码实例", item 1, code at L158–180).</details>
#
# Most of the work on a real model happens before training, and interviewers probe it with
# practical questions: how do you find missing values that are not NaN, when do you drop and when
# do you impute, what counts as a duplicate, what is the difference between standardization and
# normalization, and, above all, which statistics may be computed on which rows. This example
# builds a small messy table in code and cleans it step by step, asserting each property at the
# end.

# %% [markdown] lang="zh"
# ## 一张脏表 {#data}
#
# 先生成 400 个客户，字段有年龄、月收入（对数正态分布，和真实收入一样右偏）、访问次数、城市，以及是否流失。
# 然后按真实导出数据常见的方式把表“弄脏”：随机缺失值、占位编码（年龄未知记作 999）、城市名大小写不一、夹带多余空格、
# 20 行被重复导出，还有 10 个客户被再次录入、城市拼写不同。第一格同时创建了带种子的随机数生成器，以上随机操作都由它驱动。

# %% [markdown] lang="en"
# ## A messy table {#data}
#
# We generate 400 customers with an age, a monthly income (log-normal, like real incomes), a number
# of visits, a city, and whether they churned. Then we damage the table the way real exports are
# damaged: random missing values, a sentinel code (999 for an unknown age), city names in
# different cases and with stray spaces, 20 rows exported twice, and 10 customers entered a second
# time with a differently spelled city. The first cell also creates the seeded random generator
# that drives all of it.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 42
rng = np.random.default_rng(SEED)  # all random numbers below come from this generator

n = 400
clean = pd.DataFrame({
    "customer_id": np.arange(10001, 10001 + n),
    "age": rng.integers(18, 70, n).astype(float),
    "income": np.round(rng.lognormal(mean=9.2, sigma=0.5, size=n), -1),
    "visits": rng.poisson(6, n).astype(float),
    "city": rng.choice(["Beijing", "Shanghai", "Shenzhen", "Chengdu"], n, p=[0.35, 0.3, 0.2, 0.15]),
})
logit = -1.2 + 0.04 * (clean["age"] - 40) - 0.3 * (clean["visits"] - 6)
clean["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)

df = clean.copy()
df.loc[rng.random(n) < 0.08, "age"] = np.nan
df.loc[rng.choice(n, 4, replace=False), "age"] = 999.0  # sentinel code for "unknown"
df.loc[rng.random(n) < 0.12, "income"] = np.nan
df.loc[rng.random(n) < 0.05, "city"] = None
messy = rng.random(n) < 0.2
df.loc[messy, "city"] = df.loc[messy, "city"].str.upper() + " "
exact_copies = df.sample(20, random_state=SEED)
re_entered = clean.sample(10, random_state=SEED + 1).assign(city=lambda d: " " + d["city"].str.lower())
df = pd.concat([df, exact_copies, re_entered], ignore_index=True)
df = df.sample(frac=1, random_state=SEED).reset_index(drop=True)
print(df.head(8).to_string())

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - `data standardized = ...` 是语法错误；`pd.read_csv('data.csv')` 读的是一个并不存在的文件。
# > - 一上来就 `dropna()`，不先看数据：只要某行有一个格子缺失，整行都被扔掉（在这张表上约占五分之一），
# >   连同这一行其他列里完全正常的值。
# > - “数据增强：随机添加噪声”是新增一列纯噪声。这不是数据增强，而是一个和目标毫无关系的新特征，
# >   紧接着还把它一起做了标准化。表格数据如果要做噪声增强，也是对*训练集*行的已有数值加扰动。
# > - `(data - data.mean()) / data.std()` 作用在整张表上：当前版本的 pandas 遇到文本列会直接抛 `TypeError`；
# >   即使没有文本列，也会把 ID 和标签一起标准化。而且它用的是划分训练/测试之前全部行的统计量，测试数据泄漏进了预处理。
# > - 最小-最大归一化要除以 $\max - \min$，遇到常数列就是除以 0。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - `data standardized = ...` is a syntax error, and `pd.read_csv('data.csv')` reads a file that does not exist.
# > - `dropna()` first, without looking: every row with any missing cell is thrown away (about a
# >   fifth of this table), including perfectly good values in its other columns.
# > - "数据增强: 随机添加噪声" adds a column of pure noise. That is not augmentation: it is a new
# >   feature with no relation to the target, and the next lines then standardize it. Noise
# >   augmentation for tables perturbs existing values of *training* rows, if it is used at all.
# > - `(data - data.mean()) / data.std()` runs on the whole frame: in current pandas a text column makes
# >   it raise `TypeError`, and without one it would also scale the ID and the label. It also uses
# >   statistics of all rows before any train/test split: test data leaks into the preprocessing.
# > - Min-max normalization divides by $\max - \min$, which is 0 for a constant column.

# %% [markdown] lang="zh"
# ## 先看数据，再动手清洗 {#inspect}
#
# 几项快速检查就能发现大部分问题：各列的 dtype、每列缺失值个数、重复行、类别列的取值，以及用 `describe()` 找不合理的数值。
# 顺便确认一下，原文那种整表标准化在这张表上确实会失败。

# %% [markdown] lang="en"
# ## Look before you clean {#inspect}
#
# A few quick checks find most problems: the dtypes, missing values per column, duplicated rows,
# the distinct values of categorical columns, and `describe()` for impossible numbers. We also
# confirm the original's whole-frame standardization fails on this table.

# %%
print(df.dtypes.to_string())
print("\nmissing values per column:\n" + df.isna().sum().to_string())
print(f"\nexact duplicate rows: {df.duplicated().sum()}, repeated customer_id: {df['customer_id'].duplicated().sum()}")
print("\ncity spellings:\n" + df["city"].value_counts(dropna=False).to_string())
print("\n" + df[["age", "income", "visits"]].describe().round(1).to_string())

try:
    (df - df.mean()) / df.std()
    whole_frame_failed = False
except TypeError as err:
    whole_frame_failed = True
    print(f"\nwhole-frame standardization: TypeError: {err}")
assert whole_frame_failed, "standardizing a frame with a text column should raise TypeError"

# %% [markdown] lang="zh"
# `describe()` 一眼就暴露了占位编码：年龄最大值 999，标准差约 100 岁。现实中缺失值藏在 999、-1、"N/A"
# 或空字符串背后的情况，远比规规矩矩的 NaN 多，所以在统计和填充之前，必须先把它们统一转成 NaN。
#
# ## 修正取值和类型 {#fix-values}
#
# 规范文本（去掉首尾空格、统一大小写），并把占位编码转成 NaN。超出合理范围的年龄按缺失处理，而不是截断到边界，
# 因为截断等于凭空编造一个值。

# %% [markdown] lang="en"
# `describe()` gives the sentinel away: a maximum age of 999 and a standard deviation of about
# 100 years. Missing values hide behind codes like 999, -1, "N/A" or an empty string far more often
# than behind a clean NaN, so they have to be turned into NaN before anything is counted or imputed.
#
# ## Fix values and types {#fix-values}
#
# Normalize the text (strip spaces, one capitalisation) and turn the sentinel into NaN. An age
# outside a plausible range is treated as missing rather than clipped, because clipping would
# invent a value.

# %%
df["city"] = df["city"].str.strip().str.title()
df["age"] = df["age"].where(df["age"].between(0, 120))
print(df["city"].value_counts(dropna=False).to_string())
print(f"max age now {df['age'].max():.0f}, missing ages {df['age'].isna().sum()}")

# %% [markdown] lang="zh"
# ## 重复数据 {#duplicates}
#
# 重复分两种。**完全重复**（同一份数据导出了两次）用 `drop_duplicates()` 删掉。
# **主键重复**是同一个客户被录入了两次、细节不同；城市名规范化之后，其中一部分变成了完全重复，
# 剩下的仍有差异（比如其中一份收入缺失）。对这些记录，每个 `customer_id` 保留信息最完整的那一条。
#
# 去重必须在划分数据集*之前*做：否则同一个客户的副本可能同时出现在训练集和测试集里，测试分数衡量的就是记忆力，而不是泛化能力。

# %% [markdown] lang="en"
# ## Duplicates {#duplicates}
#
# Two kinds. **Exact** duplicates (the same export twice) are dropped with `drop_duplicates()`.
# **Key** duplicates are the same customer entered twice with different details; after the city
# names were normalized some of them became exact duplicates, the rest differ (for example one copy
# has a missing income). For those we keep the most complete record per `customer_id`.
#
# Deduplicate *before* splitting: otherwise copies of one customer can land on both sides of the
# split and the test score measures memory, not generalization.

# %%
n_before = len(df)
df = df.drop_duplicates()
n_exact = n_before - len(df)
df = (
    df.assign(n_missing=df.isna().sum(axis=1))
    .sort_values(["customer_id", "n_missing"])
    .drop_duplicates(subset="customer_id", keep="first")
    .drop(columns="n_missing")
    .reset_index(drop=True)
)
print(f"removed {n_exact} exact duplicates and {n_before - n_exact - len(df)} key duplicates; {len(df)} rows left")
assert not df.duplicated().any(), "exact duplicates remain"
assert df["customer_id"].is_unique, "a customer_id appears more than once"

# %% [markdown] lang="zh"
# ## 缺失值：删还是填？ {#missing}
#
# 删掉所有不完整的行最省事，但代价不小（见下面的计数），而且只有在数据完全随机缺失（MCAR）时才无害。
# 假如高收入人群更倾向于不填收入，`dropna()` 之后剩下的行就不再能代表总体了。填充可以保住这些行；
# 再加一列“是否缺失”的指示变量，还能保留“这个值曾经缺失”这一信息，而它本身往往就有预测力。
#
# 填充用的数（这里是中位数）是数据的统计量，所以只能从训练集学。这就是下一步先划分数据集的原因。

# %% [markdown] lang="en"
# ## Missing values: drop or impute? {#missing}
#
# Dropping every incomplete row is simple but expensive, as the count below shows, and it is only
# harmless when values are missing completely at random. If, say, high earners skip the income
# question, the rows that survive `dropna()` are no longer a sample of the population. Imputing
# keeps the rows; adding a "was missing" indicator keeps the information that the value was
# absent, which is often predictive itself.
#
# The numbers used to impute (here the median) are statistics of the data, so they are learned on
# the training rows only. That is why the split comes next.

# %%
missing_share = df.isna().mean()
print("share missing per column:\n" + missing_share.round(3).to_string())
rows_kept = len(df.dropna())
print(f"dropna() would keep {rows_kept} of {len(df)} rows ({1 - rows_kept / len(df):.0%} lost)")
assert 0.15 < 1 - rows_kept / len(df) < 0.3, "dropna() was expected to lose about a fifth of the rows"

# %% [markdown] lang="zh"
# ## 先划分，再在训练集上学统计量 {#split}
#
# 测试集代表的是未来的数据，而计算中位数或均值的时候，我们手里不会有未来的数据。所以现在就按标签分层划分，
# 后面所有统计量都在 `train` 上计算，只是原样套用到 `test` 上。
#
# 填充策略：数值列用训练集的中位数（对右偏的收入更稳健），并加一列缺失指示；城市缺失则单独作为一个类别“Unknown”。
# 注意这里都写成 `df[col] = df[col].fillna(...)` 这样的赋值：pandas 3 默认启用写时复制（copy-on-write），
# 链式写法 `df[col].fillna(..., inplace=True)` 已经不会修改 `df` 了。

# %% [markdown] lang="en"
# ## Split first, then learn statistics on train {#split}
#
# The test set stands in for future data, which we will not have when we compute a median or a
# mean. So we split now, stratified by the label, and every statistic below is computed on
# `train` and merely applied to `test`.
#
# Imputation: numeric columns get the training median (robust to the skewed income) plus an
# indicator column; a missing city becomes its own category, "Unknown". Note the assignments of
# the form `df[col] = df[col].fillna(...)`: with pandas 3's copy-on-write, the chained
# `df[col].fillna(..., inplace=True)` no longer modifies `df`.

# %%
numeric_cols = ["age", "income", "visits"]
train, test = train_test_split(df, test_size=0.25, stratify=df["churned"], random_state=SEED)
train, test = train.copy(), test.copy()

medians = train[numeric_cols].median()  # learned on train only
for frame in (train, test):
    for col in ["age", "income"]:
        frame[f"{col}_missing"] = frame[col].isna().astype(int)
    frame[numeric_cols] = frame[numeric_cols].fillna(medians)
    frame["city"] = frame["city"].fillna("Unknown")

print("training medians:\n" + medians.to_string())
print(f"NaNs left: train {train.isna().sum().sum()}, test {test.isna().sum().sum()}")
assert train.isna().sum().sum() == 0 and test.isna().sum().sum() == 0, "NaNs remain after imputation"

# %% [markdown] lang="zh"
# ## 标准化与归一化 {#scaling}
#
# - **标准化**（z-score）：$\frac{x - \text{均值}}{\text{标准差}}$，结果均值为 0、标准差为 1。线性模型、SVM、PCA 和神经网络的默认选择。
# - **归一化**（最小-最大缩放）：$\frac{x - \text{最小值}}{\text{最大值} - \text{最小值}}$，把训练集的取值范围映射到 [0, 1]。
#   需要有界取值时有用，但一个离群值就会把其余数值都挤到一小段里。
#
# 两者都只用训练集的统计量。这里用 `ddof=0`（总体标准差），与 scikit-learn 的 `StandardScaler` 保持一致；
# pandas 的 `.std()` 默认是 `ddof=1`。常数列会让 $\max - \min$ 等于 0，所以除法要加保护。
# 测试集中超出训练集范围的值会落在 [0, 1] 之外，这是预期行为，不是 bug。

# %% [markdown] lang="en"
# ## Standardization and normalization {#scaling}
#
# - **Standardization** (z-score): $\frac{x - \text{mean}}{\text{std}}$, giving mean 0 and standard deviation 1. The
#   default for linear models, SVMs, PCA and neural networks.
# - **Normalization** (min-max): $\frac{x - \min}{\max - \min}$, mapping the training range onto [0, 1].
#   Useful when a bounded range is required, but one outlier squeezes all other values together.
#
# Both use training statistics only. We use `ddof=0` (population standard deviation) to match
# scikit-learn's `StandardScaler`; pandas' `.std()` defaults to `ddof=1`. A constant column would
# make $\max - \min$ zero, so we guard the division. Test values outside the training range land
# outside [0, 1], which is expected and not a bug.

# %%
mean, std = train[numeric_cols].mean(), train[numeric_cols].std(ddof=0)
low, high = train[numeric_cols].min(), train[numeric_cols].max()
span = (high - low).replace(0, 1)  # a constant column would divide by zero

train_std = (train[numeric_cols] - mean) / std
test_std = (test[numeric_cols] - mean) / std
train_minmax = (train[numeric_cols] - low) / span
test_minmax = (test[numeric_cols] - low) / span

summary = pd.DataFrame({
    "train mean": train_std.mean(),
    "train std (ddof=0)": train_std.std(ddof=0),
    "train std (ddof=1)": train_std.std(ddof=1),
    "test mean": test_std.mean(),
    "test std (ddof=0)": test_std.std(ddof=0),
})
print("standardized with train statistics:\n" + summary.round(4).to_string())
print(f"\ntrain min-max range: [{train_minmax.min().min():.3f}, {train_minmax.max().max():.3f}]")
print(f"test values outside [0, 1]: {((test_minmax < 0) | (test_minmax > 1)).sum().sum()}")

assert np.allclose(train_std.mean(), 0, atol=1e-9), "standardized train columns should have mean 0"
assert np.allclose(train_std.std(ddof=0), 1, atol=1e-9), "standardized train columns should have std 1"
assert train_minmax.min().min() >= 0 and train_minmax.max().max() <= 1, "min-max train values must lie in [0, 1]"

# %% [markdown] lang="zh"
# 缩放改变的是单位，不是分布的形状：下面三张直方图的轮廓一模一样，只是横轴刻度不同。
# 收入这种右偏特征缩放后依然右偏；如果这对模型有影响，应该在缩放之前先取对数。

# %% [markdown] lang="en"
# Scaling changes units, not the shape of a distribution: the histograms below have the same
# silhouette on three different axes. A skewed feature like income stays skewed; if that matters
# for the model, apply a log transform before scaling.

# %%
fig, axes = plt.subplots(1, 3, figsize=(8, 2.6))
axes[0].hist(train["income"], bins=30)
axes[0].set_title("income (yuan)")
axes[1].hist(train_std["income"], bins=30, color="tab:orange")
axes[1].set_title("standardized")
axes[2].hist(train_minmax["income"], bins=30, color="tab:green")
axes[2].set_title("min-max [0, 1]")
for ax in axes:
    ax.tick_params(labelsize=8)
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 把泄漏量出来 {#leakage}
#
# 如果用整张表的统计量会怎样？收入的均值和标准差都和训练集上的不同：在全部行上拟合，
# 等于悄悄把测试行的信息告诉了预处理。下面量两次：
#
# - **标准化：** 同一个逻辑回归，分别用只来自训练集的统计量和整张表的统计量标准化，测试准确率相差
#   不到 0.02（断言）。对均值和标准差这种粗统计量，泄漏的信息很少。
# - **特征选择：** 换成一个从数据里学得更多的步骤，泄漏就严重了。取 200 行、2,000 列纯噪声特征，
#   标签随机，真实可达的准确率只有 50%。先在全部行上挑出与标签最相关的 20 列、再做交叉验证，
#   分数虚高到 0.68 以上；把特征选择放进流水线、每一折只在自己的训练部分上挑，分数回到 0.6 以下，
#   前者至少高 0.15（都有断言）。目标编码、过采样也是同样的道理。

# %% [markdown] lang="en"
# ## The leak, measured {#leakage}
#
# What would have happened with the statistics of the whole table? The mean and standard deviation
# of income differ from the training ones: fitting on all rows quietly tells the preprocessing
# something about the test rows. We measure it twice:
#
# - **Standardization:** the same logistic regression, standardized once with training statistics
#   and once with whole-table statistics, differs by less than 0.02 in test accuracy (asserted).
#   Coarse statistics such as a mean and a standard deviation leak very little.
# - **Feature selection:** a step that learns more from the data leaks badly. Take 200 rows of
#   2,000 pure-noise features with random labels, where the best possible accuracy is 50%. Picking
#   the 20 columns most correlated with the label on all rows and then cross-validating gives a
#   score above 0.68; putting the selection inside the pipeline, so each fold picks on its own
#   training part, brings it back below 0.6, at least 0.15 lower (all asserted). Target encoding
#   and oversampling behave the same way.

# %%
all_rows_imputed = df[numeric_cols].fillna(df[numeric_cols].median())
leaky_mean, leaky_std = all_rows_imputed["income"].mean(), all_rows_imputed["income"].std(ddof=0)
print(f"income mean: train only {mean['income']:.1f}, all rows {leaky_mean:.1f}")
print(f"income std:  train only {std['income']:.1f}, all rows {leaky_std:.1f}")

all_mean, all_std = all_rows_imputed.mean(), all_rows_imputed.std(ddof=0)
features = numeric_cols + ["age_missing", "income_missing"]


def churn_accuracy(center, scale):
    def prepare(frame):
        out = frame[features].copy()
        out[numeric_cols] = (out[numeric_cols] - center) / scale
        return out.to_numpy()
    clf = LogisticRegression(max_iter=1000).fit(prepare(train), train["churned"])
    return clf.score(prepare(test), test["churned"])


acc_train_stats = churn_accuracy(mean, std)
acc_all_stats = churn_accuracy(all_mean, all_std)
print(f"churn test accuracy: train statistics {acc_train_stats:.3f}, all-row statistics {acc_all_stats:.3f}")
assert abs(acc_train_stats - acc_all_stats) < 0.02, "a scaling leak was expected to be small"

noise_rng = np.random.default_rng(SEED)
X_noise = noise_rng.standard_normal((200, 2000))
y_noise = noise_rng.integers(0, 2, 200)
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
selected_on_all_rows = SelectKBest(f_classif, k=20).fit_transform(X_noise, y_noise)
leaky_cv = cross_val_score(LogisticRegression(max_iter=1000), selected_on_all_rows, y_noise, cv=folds).mean()
honest_cv = cross_val_score(
    make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression(max_iter=1000)), X_noise, y_noise, cv=folds
).mean()
print(f"pure noise, CV accuracy: selection on all rows {leaky_cv:.3f}, selection inside the pipeline {honest_cv:.3f}")
assert leaky_cv > 0.68 and honest_cv < 0.6, "selection on all rows should look good on pure noise"
assert leaky_cv > honest_cv + 0.15, "the leak should inflate the CV score by at least 0.15"

# %% [markdown] lang="zh"
# ## 类别列 {#categorical}
#
# 城市用训练集中出现过的类别做独热编码。固定类别很重要：如果对两份数据各自调用 `pd.get_dummies`，
# 测试集里缺了某个城市，就会少一列，其余各列随之错位。只在测试集出现的新类别则编码为全 0。

# %% [markdown] lang="en"
# ## Categorical columns {#categorical}
#
# One-hot encode the city with the categories seen in training. Fixing the categories matters: if
# `pd.get_dummies` ran on each frame separately, a city missing from the test set would remove a
# column and shift all the others. A category that appears only in test becomes all zeros.

# %%
city_categories = sorted(train["city"].unique())
train_city = pd.get_dummies(pd.Categorical(train["city"], categories=city_categories), prefix="city", dtype=int)
test_city = pd.get_dummies(pd.Categorical(test["city"], categories=city_categories), prefix="city", dtype=int)
print(f"one-hot columns: {list(train_city.columns)}")
assert list(train_city.columns) == list(test_city.columns), "train and test must have the same columns"

X_train = np.hstack([train_std.to_numpy(), train[["age_missing", "income_missing"]].to_numpy(), train_city.to_numpy()])
X_test = np.hstack([test_std.to_numpy(), test[["age_missing", "income_missing"]].to_numpy(), test_city.to_numpy()])
print(f"model inputs: X_train {X_train.shape}, X_test {X_test.shape}")

# %% [markdown] lang="zh"
# ## 用 scikit-learn 实现同样的流程 {#sklearn}
#
# 生产环境中，凡是要从数据里学统计量的清洗步骤，都应该放进 `ColumnTransformer`：在训练数据上拟合，和模型一起保存，
# 保证线上推理做的是完全相同的变换。`SimpleImputer` 负责填充，`MissingIndicator` 生成“是否缺失”列，
# `OneHotEncoder(handle_unknown="ignore")` 把没见过的类别编码为全 0。我们把去重、修正取值之后、
# 尚未手工填充的数据喂给它，检查它和上面手写的 pandas 版本结果完全一致。

# %% [markdown] lang="en"
# ## The same with scikit-learn {#sklearn}
#
# In production the cleaning steps that learn statistics belong in a `ColumnTransformer`, fitted
# on the training data and saved together with the model so serving applies exactly the same
# transformation. `SimpleImputer` fills the gaps, `MissingIndicator` produces the "was missing"
# columns and `OneHotEncoder(handle_unknown="ignore")` encodes unseen categories as zeros. We feed
# it the de-duplicated, value-fixed rows from before our own imputation, and check that it
# reproduces the hand-written pandas version exactly.

# %%
raw_train, raw_test = df.loc[train.index], df.loc[test.index]
preprocess = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric_cols),
    ("missing", MissingIndicator(features="all"), ["age", "income"]),
    ("city", make_pipeline(SimpleImputer(strategy="constant", fill_value="Unknown"),
                           OneHotEncoder(handle_unknown="ignore")), ["city"]),
], sparse_threshold=0)
Z_train = preprocess.fit_transform(raw_train)
Z_test = preprocess.transform(raw_test)
print(f"ColumnTransformer output: Z_train {Z_train.shape}, Z_test {Z_test.shape}")
np.testing.assert_allclose(Z_train, X_train, atol=1e-9)
np.testing.assert_allclose(Z_test, X_test, atol=1e-9)
print("pandas and scikit-learn preprocessing agree on train and test")

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 先检查（`dtypes`、`isna().sum()`、`duplicated()`、`value_counts()`、`describe()`）：缺失值常常藏在 999 这类占位编码后面，
#   同一个类别也常常有好几种拼写。
# - 去重要在划分数据集之前做，完全重复的行和重复的主键都要处理，否则测试集里会混进训练行的副本。
# - 优先用“填充 + 缺失指示列”，而不是一刀切地 `dropna()`；只有数据完全随机缺失时，删除才是无害的。
# - 先划分；所有统计量（中位数、均值、标准差、最小值、最大值、类别集合）都只在训练集上学，再套用到测试集。
#   标准化后训练集均值为 0、标准差为 1，归一化后训练集落在 [0, 1]；测试集的值可能超出这个范围。
# - 加一列随机噪声不是数据增强。把需要学习的步骤放进 `ColumnTransformer`，和模型一起发布。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Inspect first (`dtypes`, `isna().sum()`, `duplicated()`, `value_counts()`, `describe()`):
#   missing values hide behind sentinels like 999, and one category behind several spellings.
# - Deduplicate before splitting, both exact rows and repeated keys, or the test set contains
#   copies of training rows.
# - Prefer imputation plus a missing indicator to blanket `dropna()`; dropping is only harmless
#   when values are missing completely at random.
# - Split first; learn every statistic (median, mean, std, min, max, categories) on the training
#   rows and apply it to the test rows. Standardization gives mean 0 / std 1 on train, min-max
#   gives [0, 1] on train; test values may fall outside.
# - Adding a column of random noise is not data augmentation. Put the learned steps in a
#   `ColumnTransformer` and ship it with the model.
