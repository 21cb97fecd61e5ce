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
# # Cleaning and preprocessing a table with pandas {#data-cleaning-pandas}
#
# **Description:** Take a messy customer table (missing values, sentinel codes, inconsistent spellings, exact and key duplicates) to a clean, leakage-free model input: split first, impute, standardise and min-max normalise with training statistics only, one-hot encode, and check the result against scikit-learn's ColumnTransformer.
# **Last modified:** 2026-11-22
# **Replaces:** `001_4a705ea6d1d4a1d3.txt`, "极致详尽丰富的答案解析说明和源代码实例", item 1 (大模型训练数据集的准备和预处理: 数据清洗和预处理)
#
# Most of the work on a real model happens before training, and interviewers probe it with
# practical questions: how do you find missing values that are not NaN, when do you drop and when
# do you impute, what counts as a duplicate, what is the difference between standardisation and
# normalisation, and, above all, which statistics may be computed on which rows. This example
# builds a small messy table in code and cleans it step by step, asserting each property at the
# end.

# %% [markdown]
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
from sklearn.model_selection import train_test_split
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

# %% [markdown]
# > **What the original got wrong**
# >
# > - `data standardized = ...` is a syntax error, and `pd.read_csv('data.csv')` reads a file that does not exist.
# > - `dropna()` first, without looking: every row with any missing cell is thrown away (about a
# >   fifth of this table), including perfectly good values in its other columns.
# > - "数据增强: 随机添加噪声" adds a column of pure noise. That is not augmentation: it is a new
# >   feature with no relation to the target, and the next lines then standardise it. Noise
# >   augmentation for tables perturbs existing values of *training* rows, if it is used at all.
# > - `(data - data.mean()) / data.std()` runs on the whole frame: in current pandas a text column makes
# >   it raise `TypeError`, and without one it would also scale the ID and the label. It also uses
# >   statistics of all rows before any train/test split: test data leaks into the preprocessing.
# > - Min-max normalisation divides by `max - min`, which is 0 for a constant column.

# %% [markdown]
# ## Look before you clean {#inspect}
#
# A few quick checks find most problems: the dtypes, missing values per column, duplicated rows,
# the distinct values of categorical columns, and `describe()` for impossible numbers. We also
# confirm the original's whole-frame standardisation fails on this table.

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
    print(f"\nwhole-frame standardisation: TypeError: {err}")
assert whole_frame_failed, "standardising a frame with a text column should raise TypeError"

# %% [markdown]
# `describe()` gives the sentinel away: a maximum age of 999 and a standard deviation of about
# 100 years. Missing values hide behind codes like 999, -1, "N/A" or an empty string far more often
# than behind a clean NaN, so they have to be turned into NaN before anything is counted or imputed.
#
# ## Fix values and types {#fix-values}
#
# Normalise the text (strip spaces, one capitalisation) and turn the sentinel into NaN. An age
# outside a plausible range is treated as missing rather than clipped, because clipping would
# invent a value.

# %%
df["city"] = df["city"].str.strip().str.title()
df["age"] = df["age"].where(df["age"].between(0, 120))
print(df["city"].value_counts(dropna=False).to_string())
print(f"max age now {df['age'].max():.0f}, missing ages {df['age'].isna().sum()}")

# %% [markdown]
# ## Duplicates {#duplicates}
#
# Two kinds. **Exact** duplicates (the same export twice) are dropped with `drop_duplicates()`.
# **Key** duplicates are the same customer entered twice with different details; after the city
# names were normalised some of them became exact duplicates, the rest differ (for example one copy
# has a missing income). For those we keep the most complete record per `customer_id`.
#
# Deduplicate *before* splitting: otherwise copies of one customer can land on both sides of the
# split and the test score measures memory, not generalisation.

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

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
# ## Standardisation and normalisation {#scaling}
#
# - **Standardisation** (z-score): (x - mean) / std, giving mean 0 and standard deviation 1. The
#   default for linear models, SVMs, PCA and neural networks.
# - **Normalisation** (min-max): (x - min) / (max - min), mapping the training range onto [0, 1].
#   Useful when a bounded range is required, but one outlier squeezes all other values together.
#
# Both use training statistics only. We use `ddof=0` (population standard deviation) to match
# scikit-learn's `StandardScaler`; pandas' `.std()` defaults to `ddof=1`. A constant column would
# make `max - min` zero, so we guard the division. Test values outside the training range land
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
print("standardised with train statistics:\n" + summary.round(4).to_string())
print(f"\ntrain min-max range: [{train_minmax.min().min():.3f}, {train_minmax.max().max():.3f}]")
print(f"test values outside [0, 1]: {((test_minmax < 0) | (test_minmax > 1)).sum().sum()}")

assert np.allclose(train_std.mean(), 0, atol=1e-9), "standardised train columns should have mean 0"
assert np.allclose(train_std.std(ddof=0), 1, atol=1e-9), "standardised train columns should have std 1"
assert train_minmax.min().min() >= 0 and train_minmax.max().max() <= 1, "min-max train values must lie in [0, 1]"

# %% [markdown]
# Scaling changes units, not the shape of a distribution: the histograms below have the same
# silhouette on three different axes. A skewed feature like income stays skewed; if that matters
# for the model, apply a log transform before scaling.

# %%
fig, axes = plt.subplots(1, 3, figsize=(8, 2.6))
axes[0].hist(train["income"], bins=30)
axes[0].set_title("income (yuan)")
axes[1].hist(train_std["income"], bins=30, color="tab:orange")
axes[1].set_title("standardised")
axes[2].hist(train_minmax["income"], bins=30, color="tab:green")
axes[2].set_title("min-max [0, 1]")
for ax in axes:
    ax.tick_params(labelsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The leak, measured {#leakage}
#
# What would have happened with the statistics of the whole table? The mean and standard deviation
# of income differ from the training ones: fitting on all rows quietly tells the preprocessing
# something about the test rows. With a plain scaler the difference is small, but the habit is
# what matters: with target encoding, feature selection or oversampling the same mistake inflates
# test scores badly.

# %%
all_rows_imputed = df[numeric_cols].fillna(df[numeric_cols].median())
leaky_mean, leaky_std = all_rows_imputed["income"].mean(), all_rows_imputed["income"].std(ddof=0)
print(f"income mean: train only {mean['income']:.1f}, all rows {leaky_mean:.1f}")
print(f"income std:  train only {std['income']:.1f}, all rows {leaky_std:.1f}")

# %% [markdown]
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

# %% [markdown]
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

# %% [markdown]
# ## Key takeaways {#takeaways}
#
# - Inspect first (`dtypes`, `isna().sum()`, `duplicated()`, `value_counts()`, `describe()`):
#   missing values hide behind sentinels like 999, and one category behind several spellings.
# - Deduplicate before splitting, both exact rows and repeated keys, or the test set contains
#   copies of training rows.
# - Prefer imputation plus a missing indicator to blanket `dropna()`; dropping is only harmless
#   when values are missing completely at random.
# - Split first; learn every statistic (median, mean, std, min, max, categories) on the training
#   rows and apply it to the test rows. Standardisation gives mean 0 / std 1 on train, min-max
#   gives [0, 1] on train; test values may fall outside.
# - Adding a column of random noise is not data augmentation. Put the learned steps in a
#   `ColumnTransformer` and ship it with the model.
