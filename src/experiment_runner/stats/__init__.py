"""Statistics for reports: per-arm summaries, comparisons against a baseline, a batched bootstrap, power and
learning curves. numpy and scipy are imported by these modules, so import them only where they are used (never
at server start). Every function states its input shapes and, where random, takes a seeded numpy Generator."""
