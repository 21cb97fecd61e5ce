import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

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
train = pd.get_dummies(train, columns=["city"])         # text column encoded, not "standardized"

print(train.round(2))
assert len(df) == 7
assert not train[numeric].isna().any().any() and not test[numeric].isna().any().any()
assert abs(train["age"].mean()) < 1e-9 and set(train["label"]) <= {0, 1}
