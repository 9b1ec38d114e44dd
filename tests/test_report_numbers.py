"""Numbers in prose and whether they trace to recorded values: written precision, percentages, names that contain
digits, and values citable only in context (steps, seeds)."""

from __future__ import annotations

from experiment_runner.reports.numbers import Traceable, find_numbers
from experiment_runner.reports.text import units


def texts(s: str) -> list[str]:
    return [n.text for n in find_numbers(s)]


def test_numbers_inside_names_dates_versions_hashes_and_code_are_not_claims():
    s = (
        "ResNet-18 on CIFAR-10 (v2), torch 2.13.0, commit 9dfa3fef, run `wide-s2-7966fd` on 2024-05-01 12:30, "
        "see [fig](figures/values_0.png): 64-unit layers reach 0.913 and 87.3%, p < 0.001, diff -0.012, 10,000 "
        "resamples, 3e-4."
    )
    assert texts(s) == ["0.913", "87.3%", "0.001", "-0.012", "10,000", "3e-4"]
    n = {x.text: x for x in find_numbers(s)}
    assert (
        n["0.001"].comparator == "<"
        and n["87.3%"].percent
        and n["10,000"].value == 10000
        and n["-0.012"].value == -0.012
    )
    assert n["3e-4"].tolerance == 0.5e-4 * (1 + 1e-9) + 1e-12


def test_a_written_number_traces_when_rounding_the_value_gives_it_and_not_otherwise():
    t = Traceable()
    t.add(0.8734, "a mean")
    t.add(0.0004, "p-value (Welch) a vs b")
    [n87] = find_numbers("0.87")
    [n873] = find_numbers("0.873")
    [n874] = find_numbers("0.874")
    [n88] = find_numbers("0.88")
    [pct] = find_numbers("87.3%")
    [p] = find_numbers("p < 0.001")
    [p2] = find_numbers("p < 0.0001")
    assert t.match(n87) == "a mean" and t.match(n873) == "a mean" and t.match(pct) == "a mean"
    assert t.match(n88) is None and t.match(n874) is None  # 0.8734 rounds to 0.87 and 0.873, never to 0.88 or 0.874
    assert t.match(p) == "p-value (Welch) a vs b" and t.match(p2) is None


def test_steps_and_seeds_trace_only_where_the_sentence_says_step_or_seed():
    t = Traceable()
    for step in range(0, 1001):
        t.add_in_context(step, "a step of a run", "step|epoch")
    t.add_in_context(7, "a seed", "seed")

    def m(s):
        return [t.match(n, s[: n.start]) for n in find_numbers(s)]

    assert m("the loss became NaN at step 412") == ["a step of a run"]
    assert m("accuracy 87% on 412 images") == [None, None]
    assert m("seeds 3, 5 and 7 completed") == [None, None, "a seed"]


def test_markdown_is_read_as_sentences_rows_and_headings_with_their_lines_and_sections():
    md = (
        "# T\n\n## Results\n\nFirst one is 0.9. Second is 0.8.\n\n"
        "| Arm | acc |\n|---|---|\n| a | 0.9 ± 0.1 (n=3) |\n\n```\n1.23\n```\n- item 4.5\n"
    )
    u = units(md)
    kinds = [(x.kind, x.line, x.section) for x in u]
    assert kinds == [
        ("heading", 1, "t"),
        ("heading", 3, "results"),
        ("sentence", 5, "results"),
        ("sentence", 5, "results"),
        ("table_header", 7, "results"),
        ("table_row", 9, "results"),
        ("sentence", 14, "results"),
    ]
    assert u[5].header == ("Arm", "acc") and u[5].cells() == ["a", "0.9 ± 0.1 (n=3)"] and u[6].text == "item 4.5"


def test_a_runs_value_is_its_final_best_or_last_k_mean_and_a_run_ending_in_nan_has_none():
    import math

    from experiment_runner.reports.sources import aggregate, lower_is_better

    acc = [(1, 0.5), (2, 0.9), (3, 0.8), (4, 0.85)]
    assert aggregate(acc, "final", True, 5) == 0.85
    assert aggregate(acc, "best", True, 5) == 0.9 and aggregate(acc, "best", False, 5) == 0.5
    assert aggregate(acc, "mean_last_k", True, 2) == (0.8 + 0.85) / 2
    diverged = acc + [(5, float("nan"))]
    assert all(math.isnan(aggregate(diverged, how, True, 2)) for how in ("final", "best", "mean_last_k"))
    assert lower_is_better("val_loss") and lower_is_better("epoch_s") and not lower_is_better("val_acc")
