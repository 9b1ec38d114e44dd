"""Every threshold a sanity check applies, with the reason it sits where it does; each check's result quotes the one
it used. (label_leak's and the near-duplicate thresholds live with their checks in leaks.py.)"""

from __future__ import annotations

#: initial_loss, classification: a model at init should predict about uniformly; small random logits of std s add
#: about s^2/2 to ln(N), so a healthy default init stays well within this margin.
INIT_CLS_TOL_ABS = 0.5
INIT_CLS_TOL_REL = 0.3
#: initial_loss, regression: the loss of the best constant (the targets' mean; for MSE, their variance) plus the
#: variance of small initial outputs; more than this many times it means offsets or scales are wrong.
INIT_REG_MAX_RATIO = 3.0
#: initial_loss, below this fraction of the expectation the start is suspiciously good (a note, not a failure:
#: pre-trained weights explain it; otherwise look for targets leaking into inputs).
INIT_LOW_FRACTION = 0.5
#: inputs whose mean or std lies beyond this look unnormalised (raw pixels 0..255, raw counts).
UNNORMALISED_INPUT = 5.0
#: overfit_one_batch: at most this many samples of the first batch are memorised.
OVERFIT_MAX_SAMPLES = 32
#: overfit_one_batch: the loss must cover this fraction of the way from its start to zero (or, for a model that
#: cannot memorise more than a linear model can, to what a linear model reaches on the same batch).
OVERFIT_GAP_CLOSED = 0.9
#: overfit_one_batch: "did not move" when the best loss is within this fraction of the start (a learning rate
#: orders of magnitude too small); a slower fall passes with a note when a default Adam can memorise the batch.
STUCK_FRACTION = 0.05
#: beats_baseline: the accuracy must exceed the majority class's by max(this, 2 binomial standard errors).
BEAT_MIN_MARGIN = 0.02
#: beats_baseline, regression: the model's MSE must be at most this fraction of the mean predictor's (R^2 >= 0.05).
BEAT_REG_RATIO = 0.95
#: beats_baseline: the share of training batches held out when there is no val_loader.
HOLDOUT_FRACTION = 0.2
#: beats_baseline: the linear model is fitted only up to this many flattened input features.
LINEAR_MAX_FEATURES = 20000
#: lr_range_test: the seed's range, the stop rule (smoothed loss above this multiple of the best), smoothing.
LR_MIN, LR_MAX = 1e-5, 1e-1
LR_DIVERGE = 4.0
LR_SMOOTHING = 0.9
#: lr_range_test: some rate in the range must lower the smoothed loss by at least this fraction of the mean loss
#: over the first steps (at rates too small to change the model).
LR_MIN_DROP = 0.1
LR_REFERENCE_STEPS = 10
#: loss-based checks use at most this many batches for the loss at init.
INIT_BATCHES = 4
