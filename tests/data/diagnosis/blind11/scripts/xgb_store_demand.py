import argparse, numpy as np, pandas as pd, xgboost as xgb
p = argparse.ArgumentParser(); p.add_argument('--rounds', type=int, default=300); p.add_argument('--window', type=int, default=3)
a = p.parse_args(); rng = np.random.default_rng(3)
days = pd.date_range('2021-01-01', periods=1100, freq='D'); rows = []
for store in range(12):
    level = 100 + np.cumsum(rng.normal(0, 3, len(days)))
    sales = level * (1 + 0.2 * (days.day_of_week >= 5)) + rng.normal(0, 8, len(days))
    rows.append(pd.DataFrame({'date': days, 'store': store, 'sales': sales}))
df = pd.concat(rows).sort_values(['store', 'date'])
g = df.groupby('store')['sales']
df['lag_7'] = g.shift(7)
df['lag_14'] = g.shift(14)
df[f'roll_mean_{a.window}'] = g.transform(lambda s: s.rolling(a.window, center=True, min_periods=1).mean())
df[f'roll_std_{a.window}'] = g.transform(lambda s: s.rolling(a.window, center=True, min_periods=1).std())
df['dow'] = df.date.dt.day_of_week
df = df.dropna()
feats = ['store', 'dow', 'lag_7', 'lag_14', f'roll_mean_{a.window}', f'roll_std_{a.window}']
cut = pd.Timestamp('2023-07-01')
tr, va = df[df.date < cut], df[df.date >= cut]
print(f'rolling features: window={a.window}, center=True, min_periods=1')
print(f'features: {feats}')
print(f'train {tr.date.min().date()}..{tr.date.max().date()} ({len(tr)} rows), valid {va.date.min().date()}..{va.date.max().date()} ({len(va)} rows)')
print(f'seasonal-naive baseline (lag_7) valid rmse: {np.sqrt(((va.sales - va.lag_7) ** 2).mean()):.3f}')
dtr = xgb.DMatrix(tr[feats], tr.sales); dva = xgb.DMatrix(va[feats], va.sales)
b = xgb.train({'objective': 'reg:squarederror', 'eta': 0.05, 'max_depth': 6, 'eval_metric': 'rmse'}, dtr, a.rounds, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=25)
imp = b.get_score(importance_type='gain'); print('gain:', {k: round(v, 1) for k, v in sorted(imp.items(), key=lambda kv: -kv[1])})
