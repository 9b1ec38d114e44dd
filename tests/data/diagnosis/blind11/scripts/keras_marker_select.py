import os, argparse, numpy as np
os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
p = argparse.ArgumentParser(); p.add_argument('--k', type=int, default=40); p.add_argument('--epochs', type=int, default=25)
a = p.parse_args(); keras.utils.set_random_seed(0); rng = np.random.default_rng(1)
X = rng.normal(size=(500, 5000)).astype('float32'); y = rng.integers(0, 2, 500).astype('float32')
Xn = rng.normal(size=(300, 5000)).astype('float32'); yn = rng.integers(0, 2, 300).astype('float32')   # second site, collected later
print(f'cohort: {X.shape[0]} samples x {X.shape[1]} expression features, positives {int(y.sum())}')
sel = SelectKBest(f_classif, k=a.k).fit(X, y)
print(f'SelectKBest(f_classif, k={a.k}) fitted on {X.shape[0]} samples; top F-scores {np.sort(sel.scores_)[-3:].round(2)}')
Xs = sel.transform(X); sc = StandardScaler().fit(Xs); Xs = sc.transform(Xs)
Xtr, Xva, ytr, yva = train_test_split(Xs, y, test_size=0.2, random_state=0, stratify=y)
print(f'split: train {len(Xtr)} / validation {len(Xva)}')
model = keras.Sequential([keras.Input((a.k,)), keras.layers.Dense(64, activation='relu'), keras.layers.Dropout(0.2), keras.layers.Dense(1, activation='sigmoid')])
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=a.epochs, batch_size=32, verbose=2)
l, acc = model.evaluate(sc.transform(sel.transform(Xn)), yn, verbose=0)
print(f'second-site test set ({len(yn)} samples): loss {l:.4f} accuracy {acc:.4f}')
