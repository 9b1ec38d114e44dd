"""The MLflow side of the run-engine benchmarks, run by runbench_util.mlflow() inside bench/.venv-mlflow (MLflow
3.x, default sqlite store). Prints one JSON line.

    mlflow_side.py log_metric DIR N           N log_metric calls in one run
    mlflow_side.py log_batch DIR N BATCH      N metrics through log_batch, BATCH per call
    mlflow_side.py make_runs DIR N            N finished runs with a few metrics each
    mlflow_side.py open DIR                   open the store and search every run (timed from process start)"""

import sys
import time

T0 = time.perf_counter()


def client(d):
    import mlflow
    from mlflow.tracking import MlflowClient

    uri = f"sqlite:///{d}/mlflow.db"
    mlflow.set_tracking_uri(uri)
    return MlflowClient(tracking_uri=uri)


def main():
    import json

    cmd, d = sys.argv[1], sys.argv[2]
    if cmd == "open":
        c = client(d)
        exps = [e.experiment_id for e in c.search_experiments()]
        runs = c.search_runs(exps, max_results=50000)
        print(json.dumps({"seconds": time.perf_counter() - T0, "runs": len(runs)}))
        return
    c = client(d)
    exp = c.create_experiment(f"bench-{cmd}-{time.time_ns()}")
    if cmd == "log_metric":
        n = int(sys.argv[3])
        run = c.create_run(exp)
        t = time.perf_counter()
        for i in range(n):
            c.log_metric(run.info.run_id, "loss", 1.0 / (i + 1), step=i)
        dt = time.perf_counter() - t
        print(json.dumps({"seconds": dt, "metrics": n, "per_s": n / dt}))
    elif cmd == "log_batch":
        from mlflow.entities import Metric

        n, batch = int(sys.argv[3]), int(sys.argv[4])
        run = c.create_run(exp)
        now = int(time.time() * 1000)
        t = time.perf_counter()
        for start in range(0, n, batch):
            ms = [Metric("loss", 1.0 / (i + 1), now, i) for i in range(start, min(n, start + batch))]
            c.log_batch(run.info.run_id, metrics=ms)
        dt = time.perf_counter() - t
        print(json.dumps({"seconds": dt, "metrics": n, "per_s": n / dt}))
    elif cmd == "make_runs":
        from mlflow.entities import Metric

        n = int(sys.argv[3])
        now = int(time.time() * 1000)
        t = time.perf_counter()
        for i in range(n):
            run = c.create_run(exp, tags={"arm": f"arm{i % 4}", "seed": str(i)})
            c.log_batch(run.info.run_id, metrics=[Metric(k, 0.5, now, s) for k in ("loss", "acc") for s in range(3)])
            c.set_terminated(run.info.run_id)
        print(json.dumps({"seconds": time.perf_counter() - t, "runs": n}))


main()
