# scikit-learn MLPClassifier on the bundled 8x8 digits (1797 images, 10 classes), verbose=True so sklearn prints
# the training loss every iteration and, with early_stopping, the score on its internal 10% validation split.
import argparse
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

p = argparse.ArgumentParser()
p.add_argument("--hidden", type=int, nargs="+", default=[64])
p.add_argument("--alpha", type=float, default=1e-4)
p.add_argument("--max-iter", type=int, default=200)
p.add_argument("--lr", type=float, default=1e-3)
a = p.parse_args()
X, y = load_digits(return_X_y=True)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
sc = StandardScaler().fit(Xtr)
clf = MLPClassifier(hidden_layer_sizes=tuple(a.hidden), alpha=a.alpha, learning_rate_init=a.lr, max_iter=a.max_iter,
                    early_stopping=True, validation_fraction=0.1, n_iter_no_change=10, random_state=0, verbose=True)
print(clf)
clf.fit(sc.transform(Xtr), ytr)
print(f"iterations {clf.n_iter_}, best validation score {clf.best_validation_score_:.4f}")
print(f"train accuracy {clf.score(sc.transform(Xtr), ytr):.4f}, test accuracy {clf.score(sc.transform(Xte), yte):.4f}")
