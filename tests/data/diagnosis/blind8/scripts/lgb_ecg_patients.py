"""LightGBM: detect arrhythmia from per-beat ECG features; many beats per patient (synthetic)."""
import argparse
import numpy as np, lightgbm as lgb

p = argparse.ArgumentParser()
p.add_argument('--split', default='beat', choices=['beat', 'patient'])
p.add_argument('--rounds', type=int, default=300)
p.add_argument('--patients', type=int, default=120)
p.add_argument('--beats', type=int, default=150)
p.add_argument('--seed', type=int, default=0)
a = p.parse_args()
rng = np.random.default_rng(a.seed)
P, B = a.patients, a.beats
pat_sig = rng.normal(0, 1, (P, 16))          # each patient's own beat morphology
pat_lab = (rng.uniform(size=P) < 0.4).astype(int)   # diagnosis is per patient
X = np.repeat(pat_sig, B, 0) + rng.normal(0, 0.3, (P * B, 16))
X[:, 0] += 0.25 * np.repeat(pat_lab, B)          # the only weak, generalisable sign of arrhythmia
y = np.repeat(pat_lab, B); g = np.repeat(np.arange(P), B)
# the last 20 patients are the external test cohort
test = g >= P - 20; dev = ~test
print(f"{P * B} beats from {P} patients ({B} per patient), positives {y.mean():.3f}; test cohort: patients {P - 20}..{P - 1}")
di = np.where(dev)[0]
if a.split == 'beat':
    rng.shuffle(di); va, tr = di[:len(di) // 5], di[len(di) // 5:]
else:
    vp = rng.choice(P - 20, 20, replace=False); m = np.isin(g[di], vp); va, tr = di[m], di[~m]
print(f"split by {a.split}: train {len(tr)} beats ({len(np.unique(g[tr]))} patients), valid {len(va)} beats ({len(np.unique(g[va]))} patients)")
params = dict(objective='binary', metric=['binary_logloss', 'auc'], learning_rate=0.05, num_leaves=31, verbose=-1, num_threads=1, seed=a.seed)
dtr = lgb.Dataset(X[tr], y[tr]); dva = lgb.Dataset(X[va], y[va], reference=dtr)
bst = lgb.train(params, dtr, a.rounds, valid_sets=[dtr, dva], valid_names=['train', 'valid'], callbacks=[lgb.log_evaluation(25)])
from sklearn.metrics import roc_auc_score, log_loss
pt = bst.predict(X[test])
print(f"external test cohort (20 unseen patients): logloss {log_loss(y[test], pt):.4f} auc {roc_auc_score(y[test], pt):.4f}")
