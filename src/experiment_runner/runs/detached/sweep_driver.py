"""A TPE sweep's driver: one detached process per sweep that asks Optuna for configurations, launches each as an
arm (through runs/prepare -> runs/submit, like launch_training), feeds the pruner the runs' parsed metrics as they
come in, stops a pruned trial's runs through the same path as stop_run, and tells Optuna how each trial ended. Its
state is the study's journal and trials.json in the sweep's folder (sweeps/__init__.py), so a new driver started on
the same folder (launch_sweep with resume) carries on where a dead one stopped.

    python -m experiment_runner.runs.detached.sweep_driver <sweep folder> --workspace <root> [--detach]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from experiment_runner.errors import NotFound, UserError
from experiment_runner.runs import procs, records
from experiment_runner.runs.detached import fork
from experiment_runner.runs.model import RunView
from experiment_runner.runs.store import RunStore
from experiment_runner.sweeps import space as sp
from experiment_runner.sweeps import store as sweeps
from experiment_runner.sweeps.launch import arm_name, write_driver_record
from experiment_runner.sweeps.model import SweepSpec, TrialRecord
from experiment_runner.sweeps.objective import intermediate, trial_value
from experiment_runner.workspace import Workspace, confine

POLL_S = 0.25
#: Launches that fail one after another before the driver gives up (the same error would fail every trial).
MAX_LAUNCH_FAILURES = 3


def _log(msg: str) -> None:
    print(f"{records.utc_now()} sweep-driver[{os.getpid()}]: {msg}", file=sys.stderr, flush=True)


class Driver:
    def __init__(self, sweep_dir: Path, root: Path):
        self.ws = Workspace(root)
        self.dir = sweep_dir
        self.store = RunStore(self.ws)
        self.spec: SweepSpec = sweeps.read_spec(sweep_dir)
        self.trials: dict[int, TrialRecord] = {t.number: t for t in sweeps.read_trials(sweep_dir)}
        self.active: dict[int, Any] = {}  # trial number -> optuna Trial, while its runs go
        self.reported: dict[int, int] = {}  # trial number -> last step fed to the pruner
        self.failures = 0
        self.study = self._study()

    # --- the study ---------------------------------------------------------------------------------------------

    def _study(self) -> Any:
        import optuna

        from experiment_runner.sweeps.journal import journal_storage

        optuna.logging.set_verbosity(optuna.logging.WARNING)
        spec = self.spec
        storage = journal_storage(self.dir / sweeps.JOURNAL)
        done = len(self.trials)
        # A resumed driver seeds its sampler past the draws already made, so it does not ask for them again.
        sampler = optuna.samplers.TPESampler(seed=spec.sampler_seed + done)
        pruner: Any
        if spec.pruner == "median":
            pruner = optuna.pruners.MedianPruner(
                n_startup_trials=spec.pruner_startup_trials, n_warmup_steps=spec.pruner_warmup_steps
            )
        elif spec.pruner == "hyperband":
            pruner = optuna.pruners.HyperbandPruner()
        else:
            pruner = optuna.pruners.NopPruner()
        return optuna.create_study(
            study_name=spec.sweep,
            storage=storage,
            sampler=sampler,
            pruner=pruner,
            direction="maximize" if spec.direction == "max" else "minimize",
            load_if_exists=True,
        )

    def recover(self) -> None:
        """Trials a previous driver left going: watch those whose runs were launched, fail those it never launched."""
        import optuna

        for frozen in self.study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.RUNNING,)):
            rec = self.trials.get(frozen.number)
            if rec is not None and not rec.run_ids:
                found = self.store.list_runs(experiment=self.spec.experiment, arm=rec.arm)
                rec.run_ids = [v.run_id for v in found]
            if rec is None or not rec.run_ids or not self._views(rec):
                why = "the driver stopped between asking for this configuration and launching it"
                self.study.tell(frozen.number, state=optuna.trial.TrialState.FAIL)
                if rec is not None:
                    rec.state, rec.reason = "failed", why
                _log(f"trial {frozen.number}: {why}")
                continue
            self.active[frozen.number] = optuna.trial.Trial(self.study, frozen._trial_id)
            self.reported[frozen.number] = max(frozen.intermediate_values, default=-1)
            _log(f"trial {frozen.number}: watching again ({', '.join(rec.run_ids)})")
        self._save()

    # --- one pass ------------------------------------------------------------------------------------------------

    def loop(self) -> str:
        spec = self.spec
        while True:
            for number in list(self.active):
                self.watch(number)
            if confine.exists(self.dir / sweeps.STOP):
                return self.stop_all()
            why_not = self.budget_spent()
            if why_not and not self.active:
                return why_not
            while not why_not and len(self.active) < spec.parallel_trials:
                if not self.launch_next():
                    break
                why_not = self.budget_spent()
            if self.failures >= MAX_LAUNCH_FAILURES and not self.active:
                return f"{self.failures} launches failed in a row (see the trials' reasons); no more asked"
            time.sleep(POLL_S)

    def budget_spent(self) -> str | None:
        budget = self.spec.budget
        if self.failures >= MAX_LAUNCH_FAILURES:
            return f"{self.failures} launches failed in a row"
        if budget.max_trials is not None and len(self.study.trials) >= budget.max_trials:
            return f"max_trials {budget.max_trials} reached"
        if budget.max_gpu_hours is not None:
            views = [v for t in self.trials.values() for v in self._views(t)]
            used = sweeps.device_hours(views, self.spec.gpus_per_run)
            if used >= budget.max_gpu_hours:
                return f"max_gpu_hours {budget.max_gpu_hours:g} spent ({used:.3g} device-hours)"
        return None

    def launch_next(self) -> bool:
        from experiment_runner.runs.prepare import ArmRequest, LaunchOptions, prepare
        from experiment_runner.runs.submit import submit

        trial = self.study.ask()
        params = {name: self._suggest(trial, name) for name in self.spec.space}
        rec = TrialRecord(
            number=trial.number,
            arm=arm_name(self.spec.sweep, trial.number),
            params=params,
            argv=sp.fill(self.spec.command, params),
        )
        self.trials[rec.number] = rec
        self._save()  # the configuration is on record before anything is launched for it
        try:
            prepared = prepare(
                self.ws,
                self.spec.experiment,
                [ArmRequest(arm=rec.arm, command=rec.argv, seeds=self.spec.seeds)],
                LaunchOptions.model_validate(self.spec.launch_options),
            )
            rec.run_ids = [s.run_id for s in prepared.specs]
            rec.launch_id = prepared.plan.launch_id
            self._save()
            submit(prepared)
        except (UserError, OSError) as e:
            import optuna

            self.study.tell(trial, state=optuna.trial.TrialState.FAIL)
            rec.state, rec.reason = "failed", f"not launched: {e}"
            self.failures += 1
            self._save()
            _log(f"trial {rec.number}: {rec.reason}")
            return self.failures < MAX_LAUNCH_FAILURES
        self.failures = 0
        self.active[rec.number] = trial
        self.reported[rec.number] = -1
        _log(f"trial {rec.number}: launched {sp.describe(params)} as {', '.join(rec.run_ids)}")
        return True

    def _suggest(self, trial: Any, name: str) -> Any:
        p = self.spec.space[name]
        if p.values is not None:
            return trial.suggest_categorical(name, p.values)
        low, high = float(p.low or 0.0), float(p.high or 0.0)
        if p.type == "int":
            return trial.suggest_int(name, int(low), int(high), log=p.log)
        return sp.round_sig(trial.suggest_float(name, low, high, log=p.log))

    def watch(self, number: int) -> None:
        """Feed the pruner what the trial's runs logged since the last pass; prune it, or tell how it ended."""
        import optuna

        rec, trial = self.trials[number], self.active[number]
        views = self._views(rec)
        series = [self.store.metric_series(v.run_id).get(self.spec.objective, []) for v in views]
        for step, value in intermediate(series):
            if step > self.reported[number]:
                trial.report(value, step)
                self.reported[number] = step
        going = [v for v in views if not v.terminal]
        if going and self.reported[number] >= 0 and trial.should_prune():
            self._stop(going, "sweep pruner")
            rec.state, rec.pruned_at_step = "pruned", self.reported[number]
            rec.reason = (
                f"pruned at step {rec.pruned_at_step} by the {self.spec.pruner} pruner: its {self.spec.objective} "
                "trailed the other trials' at the same step"
            )
            self.study.tell(trial, state=optuna.trial.TrialState.PRUNED)
            self._end(number, rec.reason)
            return
        if going or len(views) < len(rec.run_ids):
            return
        states = {v.state.state for v in views}
        if states == {"completed"}:
            values = sweeps.run_values(self.store, self.spec, views)
            score = trial_value(values)
            if score is not None:
                rec.state, rec.value = "complete", score
                self.study.tell(trial, score)
                self._end(number, f"{self.spec.objective}={score:.6g}")
                return
            rec.state = "failed"
            rec.reason = f"its runs completed without a finite {self.spec.objective} (the objective)"
        elif states & {"failed", "lost"}:
            bad = next(v for v in views if v.state.state in ("failed", "lost"))
            rec.state, rec.reason = "failed", f"run {bad.run_id} {bad.state.state}: {bad.state.reason}"
        else:
            rec.state, rec.reason = "cancelled", "its runs were stopped before they completed"
        self.study.tell(trial, state=optuna.trial.TrialState.FAIL)
        self._end(number, rec.reason or rec.state)

    def stop_all(self) -> str:
        import optuna

        stop = records.read_json(self.dir / sweeps.STOP) if confine.exists(self.dir / sweeps.STOP) else {}
        by = stop.get("by", "stop_run") if isinstance(stop, dict) else "stop_run"
        for number in list(self.active):
            rec = self.trials[number]
            self._stop([v for v in self._views(rec) if not v.terminal], f"{by} (sweep stopped)")
            rec.state, rec.reason = "cancelled", f"the sweep was stopped by {by}"
            self.study.tell(self.active[number], state=optuna.trial.TrialState.FAIL)
            self._end(number, rec.reason)
        return f"stopped by {by}"

    # --- helpers -------------------------------------------------------------------------------------------------

    def _views(self, rec: TrialRecord) -> list[RunView]:
        out = []
        for run_id in rec.run_ids:
            try:
                out.append(self.store.get(run_id))
            except NotFound:
                continue
        return out

    def _stop(self, views: list[RunView], by: str) -> None:
        from experiment_runner.runs.backends import get_backend

        grace = self.ws.config.runs.stop_grace_s
        for v in views:
            get_backend(v.spec.backend).stop(v, grace, by=by)

    def _end(self, number: int, what: str) -> None:
        self.active.pop(number, None)
        self._save()
        _log(f"trial {number}: {self.trials[number].state}: {what}")

    def _save(self) -> None:
        sweeps.write_trials(self.dir, [self.trials[n] for n in sorted(self.trials)])


def _identity() -> dict:
    ident = procs.identity(os.getpid())
    return {
        "pid": os.getpid(),
        "start_ticks": ident[0] if ident else None,
        "start": ident[1] if ident else time.time(),
        "boot_id": procs.boot_id(),
        "started_at": records.utc_now(),
    }


def run(sweep_dir: Path, root: Path, ready: int | None = None) -> int:
    Workspace(root).store_root  # registers the store (a configured one too) before anything is written in it
    me = _identity()
    write_driver_record(sweep_dir, **me)
    if ready is not None:
        os.write(ready, b"1")
        os.close(ready)
    code, why = 1, "the driver failed"
    try:
        driver = Driver(sweep_dir, root)
        driver.recover()
        why = driver.loop()
        code = 0
    except BaseException as e:  # the driver's own failure must be on record, never silent
        why = f"the driver failed: {e!r}"
        import traceback

        traceback.print_exc()
    finally:
        _log(f"ended: {why}")
        write_driver_record(sweep_dir, **me, ended_at=records.utc_now(), reason=why, exit_code=code)
    return code


def _detach(sweep_dir: Path, root: Path) -> int:
    """Start the driver in its own session; return once it has recorded itself."""
    return fork.detach(lambda ready: run(sweep_dir, root, ready=ready))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m experiment_runner.runs.detached.sweep_driver")
    p.add_argument("sweep_dir")
    p.add_argument("--workspace", required=True)
    p.add_argument("--detach", action="store_true")
    args = p.parse_args(argv)
    sweep_dir, root = Path(args.sweep_dir).resolve(), Path(args.workspace).resolve()
    if args.detach:
        return _detach(sweep_dir, root)
    return run(sweep_dir, root)


if __name__ == "__main__":
    raise SystemExit(main())
