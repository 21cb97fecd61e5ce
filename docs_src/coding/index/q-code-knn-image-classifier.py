from sklearn.datasets import load_digits
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

digits = load_digits()
X = digits.images.reshape(len(digits.images), -1)   # (n_samples, 64): KNN needs flat vectors
y = digits.target
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42)

search = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier()),
                      {"kneighborsclassifier__n_neighbors": [1, 3, 5, 7]}, cv=3)
search.fit(X_train, y_train)                          # k chosen on the training split only
accuracy = search.score(X_test, y_test)
print(f"best k={search.best_params_['kneighborsclassifier__n_neighbors']}, test accuracy={accuracy:.3f}")
assert accuracy > 0.9
