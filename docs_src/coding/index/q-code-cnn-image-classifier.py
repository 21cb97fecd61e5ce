import numpy as np

probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])     # softmax outputs, 3 classes
labels = np.array([0, 2])                                 # integer labels
one_hot = np.eye(3)[labels]                               # one-hot labels

categorical = -np.mean(np.sum(one_hot * np.log(probs), axis=1))    # needs one-hot targets
sparse = -np.mean(np.log(probs[np.arange(len(labels)), labels]))   # needs integer targets
print(f"categorical CE={categorical:.4f}, sparse categorical CE={sparse:.4f}")
assert np.isclose(categorical, sparse)
