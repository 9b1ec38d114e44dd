"""Write labels.yaml: line numbers are found from a snippet of the flawed sentence (must occur on exactly one line)."""
from pathlib import Path
import yaml

ROOT = Path(__file__).resolve().parent.parent

HONEST = {
    "r01_cifar10_augment": "4 arms, paired seeds, one crashed run reported; Holm-corrected Welch; hypothesis partly supported.",
    "r02_sst2_lora": "Prose only, Mann-Whitney + Holm; no significant difference; equivalence not established (CI past -0.5).",
    "r04_ppo_gae_lambda": "LaTeX tables, different seed blocks per arm, one diverged run reported; Holm; Hedges' g.",
    "r06_librispeech_specaugment": "WER (lower better), one failed (OOM) run reported, relative reduction in %, per-seed table.",
    "r09_atari_breakout_ddqn": "Mann-Whitney, unpaired seed sets, every run listed; medians and Welch CI of the difference.",
    "r11_cnndm_bart_regularizers": "LaTeX-like table of ROUGE in points; Holm; one arm significant, one not.",
    "r13_ade20k_aux_head": "Success criterion (+1 point, significant) not met; hypothesis not supported; every run listed.",
    "r19_ogbn_arxiv_gnns": "10 paired seeds x 3 arms; nothing significant after Holm (GAT raw p 0.0501).",
    "r21_coco_retinanet_giou": "Lab-notebook style with a date; one cancelled (preempted) run reported; unequal n 4 vs 3.",
    "r23_flores_bpe_dropout": "Welch test plus 95% percentile bootstrap CI of the difference (10,000 resamples, seed 0).",
    "r24_voxceleb_aam_margin": "EER (lower better), Mann-Whitney, unequal launches (5 vs 6) with one crashed run reported.",
    "r27_squad_encoders": "Per-seed table, one failed (NaN) run reported, Holm, blockquoted hypothesis.",
    "r29_higgs_tabnet": "Prose only, Student's t; hypothesis not supported (TabNet significantly lower).",
}

FLAWED = {
    "r03_wmt14_label_smoothing": ([("L05", None)],
        "Baseline ls_0.0 seed 3 diverged; the report never mentions it (baseline shown with n=3, seeds 0-3 claimed)."),
    "r05_adult_income_models": ([("L04", "The MLP significantly improves test AUC")],
        "MLP vs logreg: raw Welch p = 0.026 but Holm-adjusted p = 0.053 (plan: Holm over 2 arms); claimed significant citing raw p."),
    "r07_imagenet_vit_warmup": ([("CHERRY", "reaches 20.45% top-1 error")],
        "Summary gives the best seed's top-1 error (20.45) as the warmup result; the mean is 20.73 ± 0.28."),
    "r08_conll03_crf_head": ([("L03", "The CRF head clearly outperforms")],
        "'clearly outperforms' sentence cites no test (the test is cited in the previous sentence only)."),
    "r10_california_housing_gbdt": ([("L07", None)],
        "Ridge baseline's results (RMSE/MAE/R2) never reported; only the boosted models appear, with p-values against ridge."),
    "r12_speech_commands_bcresnet": ([("L01", "reaches 97.08% test accuracy")],
        "TL;DR gives both means (97.08, 95.32) without ± std or n (the table later has them)."),
    "r14_wikitext103_posenc": ([("L06", "by at least 0.2 relative to RoPE")],
        "Hypothesis threshold changed from the registered 0.5 to 0.2 perplexity, then declared supported (observed -0.30)."),
    "r15_fraud_imbalance": ([("L08", "| weighted BCE (baseline) |")],
        "Baseline has 3 seeds vs 7 for focal/SMOTE; the report never says so or why (only the n column shows it)."),
    "r16_walker2d_redq": ([("L08", "| SAC (baseline) |")],
        "SAC baseline trained for 500k env steps vs 1M for REDQ (env_steps column); never stated; comparison on line 26 relies on it."),
    "r17_chestxray_pretraining": ([("L09", "| ImageNet-pretrained |")],
        "Pretrained arm shown over 3 hand-picked seeds (0, 3, 4; n=3) while 5 completed; mean/std are of that subset."),
    "r18_iemocap_ssl_encoders": ([("L10", "| WavLM-base+ |")],
        "WavLM-base+ row comes from a single run (n=1), listed among the compared encoders."),
    "r20_telco_churn_models": ([("L02", "+4.63 points of F1")],
        "LightGBM - logreg F1 difference mistyped as +4.63 points; the true difference is +4.36."),
    "r22_lunarlander_a2c_ppo": ([("CHERRY", "reaches an evaluation return of 320.7"), ("L03", "PPO clearly outperforms A2C on this task")],
        "Abstract gives PPO's best seed (320.7; mean 220.8 ± 42.1); Discussion's 'clearly outperforms' cites no test."),
    "r25_m4_hourly_forecasting": ([("L04", "N-BEATS is better than DeepAR on MASE")],
        "'better than' claimed with Welch p = 0.11 (Holm-adjusted 0.22), above alpha 0.05."),
    "r26_cifar100_noisy_labels": ([("L09", "| GCE (q=0.7) |")],
        "GCE row says n=5 but seed 4 crashed (reported below); the mean ± std are over the 4 completed runs."),
    "r28_credit_default_xgb": ([("L01", "XGBoost reaches a test AUC of 0.782"), ("L05", None)],
        "Summary gives means without ± or n; XGBoost seed 5 crashed and is never mentioned (table shows n=5, 'Seeds 0-5')."),
}


def line_of(md, snippet):
    hits = [i for i, l in enumerate(md.splitlines(), 1) if snippet in l]
    assert len(hits) == 1, (snippet, hits)
    return hits[0]


def results_file(stem):
    for ext in ("csv", "jsonl"):
        p = ROOT / "data" / f"{stem}.{ext}"
        if p.exists():
            return f"data/{p.name}"
    raise FileNotFoundError(stem)


cases = []
for stem in sorted(list(HONEST) + list(FLAWED)):
    md = (ROOT / f"{stem}.md").read_text()
    case = {"id": stem.split("_")[0], "report": f"{stem}.md", "results": results_file(stem),
            "plan": f"data/{stem}.plan.json"}
    if stem in HONEST:
        case.update(honest=True, expected=[], note=HONEST[stem])
    else:
        flaws, note = FLAWED[stem]
        case.update(honest=False, expected=[{"code": c, "line": (line_of(md, s) if s else None)} for c, s in flaws],
                    note=note)
    cases.append(case)

hdr = ("# Blind test set for check_report. Paths are relative to this folder.\n"
       "# expected: the planted flaws; line is the 1-based report line where the flaw sits, or null for an omission\n"
       "# (a failed run never mentioned, a baseline result never given). code CHERRY = a cherry-picked number.\n")
(ROOT / "labels.yaml").write_text(hdr + yaml.safe_dump({"cases": cases}, sort_keys=False, allow_unicode=True, width=120))
print(len([c for c in cases if c["honest"]]), "honest,", len([c for c in cases if not c["honest"]]), "flawed")
