import numpy as np, keras
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=6000, n_features=30, n_informative=12, weights=[0.95, 0.05], flip_y=0.01, random_state=5)
X = ((X - X.mean(0)) / X.std(0)).astype('float32')
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
# cost-sensitive: a missed defect costs 40x a false alarm
sw = np.where(ytr == 1, 40.0, 1.0).astype('float32')
print('defect rate train %.4f, sample weights: 40.0 for defects, 1.0 otherwise (validation unweighted)' % ytr.mean())
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((30,)), keras.layers.Dense(64, activation='relu'), keras.layers.Dropout(0.2),
                          keras.layers.Dense(32, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='binary_crossentropy', metrics=[keras.metrics.AUC(name='auc'), keras.metrics.Recall(name='recall')])
model.fit(Xtr, ytr, sample_weight=sw, validation_data=(Xva, yva), epochs=15, batch_size=64, verbose=2)
