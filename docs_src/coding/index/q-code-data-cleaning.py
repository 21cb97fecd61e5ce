import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

df = pd.DataFrame({
    "age": [25, 32, np.nan, 41, 32, 58, 23, 36],
    "income": [3.1, 4.5, 5.2, np.nan, 4.5, 9.8, 2.9, 5.0],
    "city": ["sh", "bj", "sz", "sh", "bj", "gz", "sz", "bj"],
    "label": [0, 1, 1, 0, 1, 1, 0, 1],
})
df = df.drop_duplicates()                              # row 4 repeats row 1
train, test = train_test_split(df, test_size=0.25, random_state=0)

numeric = ["age", "income"]
medians = train[numeric].median()                      # statistics from the training split only
train = train.fillna(medians)
test = test.fillna(medians)
mean, std = train[numeric].mean(), train[numeric].std()
train[numeric] = (train[numeric] - mean) / std          # standardization, label untouched
test[numeric] = (test[numeric] - mean) / std

encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(train[["city"]])  # categories from train
columns = encoder.get_feature_names_out()
train = train.drop(columns="city").join(pd.DataFrame(encoder.transform(train[["city"]]), columns=columns, index=train.index))
test = test.drop(columns="city").join(pd.DataFrame(encoder.transform(test[["city"]]), columns=columns, index=test.index))

print(train.round(2))
print("test columns:", list(test.columns))
assert not df.duplicated().any()
assert not train.isna().any().any() and not test.isna().any().any()
assert list(train.columns) == list(test.columns)       # both splits share the encoding learned on train
assert (test[columns].sum(axis=1) <= 1).all()          # a city unseen in train becomes an all-zero row, not a new column
assert set(train["label"]) | set(test["label"]) <= {0, 1}
