from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42)

pipeline = make_pipeline(StandardScaler(), SVC())      # the scaler is refit inside every fold
grid = {"svc__C": [0.1, 1, 10], "svc__gamma": ["scale", 0.001, 0.01]}
search = GridSearchCV(pipeline, grid, cv=5, scoring="accuracy")
search.fit(X_train, y_train)                            # refit=True: best_estimator_ is trained

test_accuracy = search.best_estimator_.score(X_test, y_test)   # test set touched once
print(f"best params={search.best_params_}, CV accuracy={search.best_score_:.3f}, test accuracy={test_accuracy:.3f}")
assert test_accuracy > 0.9
