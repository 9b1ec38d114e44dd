# xgboost.train reading its training and validation files through DMatrix CSV URIs (external data).
import xgboost as xgb
params = {"objective": "binary:logistic", "eval_metric": "logloss", "max_depth": 4, "eta": 0.1}
print("loading data/churn_train.csv and data/churn_valid.csv")
dtrain = xgb.DMatrix("data/churn_train.csv?format=csv&label_column=0")
dvalid = xgb.DMatrix("data/churn_valid.csv?format=csv&label_column=0")
bst = xgb.train(params, dtrain, 200, evals=[(dtrain, "train"), (dvalid, "valid")], early_stopping_rounds=20)
bst.save_model("churn.json")
