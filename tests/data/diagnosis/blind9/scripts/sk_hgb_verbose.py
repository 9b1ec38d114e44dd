# scikit-learn HistGradientBoostingClassifier with its own verbose logger and built-in early stopping (10% held out).
import numpy as np
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=20000, n_features=30, n_informative=12, flip_y=0.08, random_state=0)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=0)
clf = HistGradientBoostingClassifier(max_iter=500, learning_rate=0.1, early_stopping=True, validation_fraction=0.1,
                                     n_iter_no_change=10, scoring="loss", verbose=2, random_state=0)
clf.fit(Xtr, ytr)
print(f"stopped after {clf.n_iter_} iterations; test accuracy {clf.score(Xte, yte):.4f}")
