"""Reports: load an experiment's runs (or a results file), compute the statistics, check the enforcement rules,
render markdown + JSON + figures, and lint reports written by hand. Heavy imports stay inside functions."""
