from sklearn.datasets import load_digits
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

digits = load_digits()
X = digits.images.reshape(len(digits.images), -1) / 16.0   # (n_samples, 64), pixels share one unit: scale uniformly
y = digits.target
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42)

grid = {"kneighborsclassifier__n_neighbors": [1, 3, 5, 7]}
uniform = GridSearchCV(make_pipeline(KNeighborsClassifier()), grid, cv=5).fit(X_train, y_train)
per_pixel = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier()), grid, cv=5).fit(X_train, y_train)
accuracy = uniform.score(X_test, y_test)                    # k chosen on the training split only
print(f"CV accuracy: uniform scaling {uniform.best_score_:.3f}, per-pixel standardization {per_pixel.best_score_:.3f}")
print(f"best k={uniform.best_params_['kneighborsclassifier__n_neighbors']}, test accuracy={accuracy:.3f}")
assert uniform.best_score_ > per_pixel.best_score_ + 0.005  # standardizing every pixel hurts here
assert accuracy > 0.95
