# Healthy: XGBoost regression with a small noisy validation set: validation RMSE wobbles round to round but trends
# down and levels at the noise floor (sigma 1.0); a deprecation-style warning from passing an unused parameter.
import numpy as np, xgboost as xgb
r = np.random.default_rng(1)
def data(n):
    x = r.normal(size=(n, 10)); y = 2 * np.sin(x[:, 0]) + x[:, 1] * x[:, 2] + r.normal(size=n); return x, y
x, y = data(5000); xv, yv = data(300)
dtr, dva = xgb.DMatrix(x, y), xgb.DMatrix(xv, yv)
params = {"objective": "reg:squarederror", "eta": 0.05, "max_depth": 4, "subsample": 0.8, "eval_metric": "rmse", "silent": 1}
b = xgb.train(params, dtr, 300, evals=[(dtr, "train"), (dva, "valid")], verbose_eval=10)
print("final valid rmse", float(b.eval(dva).split(":")[1]))
