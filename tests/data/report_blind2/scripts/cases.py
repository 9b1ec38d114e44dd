"""The cases: data specs (true means and spreads the runs are drawn from), plans, checks, planted flaws."""

from lib import Arm, Spec

R5 = [0, 1, 2, 3, 4]
PCT = (100, 2)


def arm(seeds, mu, sd, **kw):
    return Arm(seeds=list(seeds), mu=mu, sd=sd, **kw)


SPECS: list[Spec] = []


def add(**kw):
    SPECS.append(Spec(**kw))


# ---------------------------------------------------------------- r01 CIFAR-10 augmentation (honest)
add(
    cid="r01", slug="cifar10_augmentation", honest=True, fmt="csv", rng=101,
    metrics=[("val_acc", True, 4), ("val_loss", False, 4)],
    arms={
        "baseline": arm(R5, {"val_acc": 0.9412, "val_loss": 0.2210}, {"val_acc": 0.0022, "val_loss": 0.007}),
        "mixup": arm(R5, {"val_acc": 0.9531, "val_loss": 0.1985}, {"val_acc": 0.0026, "val_loss": 0.008}),
        "cutmix": arm(R5, {"val_acc": 0.9566, "val_loss": 0.1930}, {"val_acc": 0.0024, "val_loss": 0.007}),
    },
    seed_sd={"val_acc": 0.0012},
    baseline="baseline", correction="holm",
    hypothesis="Mixing-based augmentation (MixUp or CutMix) raises CIFAR-10 validation accuracy of a ResNet-18 over standard crop-and-flip augmentation.",
    plan_extra={"success_criteria": "+1 point of validation accuracy over the baseline, significant after Holm correction"},
    where="lab wiki, 2024-02-12",
    disp={"val_acc": PCT, "val_loss": (1, 3)},
    checks=[("mixup sig holm", lambda c: c.Ph("mixup") < 0.05), ("cutmix sig holm", lambda c: c.Ph("cutmix") < 0.05),
            ("both > +1pt", lambda c: c.Mean("mixup") - c.Mean("baseline") > 0.01 and c.Mean("cutmix") - c.Mean("baseline") > 0.01)],
    note="honest; project-style sections, percent with 2 decimals, Holm over two arms, success criterion met",
)

# ---------------------------------------------------------------- r02 LibriSpeech LM fusion (L03)
add(
    cid="r02", slug="librispeech_lm_fusion", honest=False, fmt="csv", rng=202,
    metrics=[("wer_other", False, 2), ("wer_clean", False, 2)],
    arms={
        "greedy": arm([1, 2, 3, 4], {"wer_other": 10.35, "wer_clean": 4.12}, {"wer_other": 0.12, "wer_clean": 0.06}),
        "shallow_fusion": arm([1, 2, 3, 4], {"wer_other": 9.12, "wer_clean": 3.61}, {"wer_other": 0.15, "wer_clean": 0.07}),
    },
    baseline="greedy",
    hypothesis="Shallow fusion with a 4-gram LM lowers WER on test-other compared with greedy CTC decoding.",
    disp={"wer_other": (1, 2), "wer_clean": (1, 2)},
    checks=[("sig", lambda c: c.Pv("shallow_fusion") < 0.05)],
    flaws=[("L03", "Shallow fusion clearly outperforms greedy decoding")],
    note="L03: 'clearly outperforms greedy decoding on both test sets' with no test cited anywhere (the difference is real, the test is just missing)",
)

# ---------------------------------------------------------------- r03 WMT En-De regularisation (honest)
add(
    cid="r03", slug="wmt14_ende_regularization", honest=True, fmt="jsonl", rng=303,
    metrics=[("bleu", True, 2), ("chrf", True, 2)],
    arms={
        "transformer_base": arm(R5, {"bleu": 27.31, "chrf": 56.80}, {"bleu": 0.16, "chrf": 0.18}),
        "label_smoothing": arm(R5, {"bleu": 27.92, "chrf": 57.31}, {"bleu": 0.19, "chrf": 0.20}),
        "bpe_dropout": arm(R5, {"bleu": 27.49, "chrf": 56.98}, {"bleu": 0.24, "chrf": 0.22}),
    },
    baseline="transformer_base", correction="holm",
    hypothesis="Label smoothing (epsilon 0.1) and BPE-dropout (p 0.1) each improve newstest2014 BLEU of Transformer-base over training without either.",
    where="internal registry, 2023-11-03",
    disp={"bleu": (1, 2), "chrf": (1, 2)},
    checks=[("ls sig", lambda c: c.Ph("label_smoothing") < 0.05), ("bpe ns", lambda c: c.Ph("bpe_dropout") > 0.05)],
    note="honest; appendix prose with a LaTeX table, BLEU and chrF, one arm significant after Holm and one not",
)

# ---------------------------------------------------------------- r04 PPO HalfCheetah (L05)
add(
    cid="r04", slug="ppo_halfcheetah_obsnorm", honest=False, fmt="csv", rng=404,
    metrics=[("episode_return", True, 1)],
    arms={
        "ppo": arm(range(8), {"episode_return": 2850}, {"episode_return": 310}),
        "ppo_obsnorm": arm(range(8), {"episode_return": 3420}, {"episode_return": 280}, status={5: "diverged"}),
    },
    baseline="ppo", test="mann_whitney",
    hypothesis="Running observation normalisation increases the final average return of PPO on HalfCheetah-v4.",
    disp={"episode_return": (1, 0)},
    checks=[("sig", lambda c: c.Pv("ppo_obsnorm") < 0.05)],
    flaws=[("L05", None)],
    note="L05: ppo_obsnorm seed 5 diverged and is never mentioned (the table quietly shows n=7)",
)

# ---------------------------------------------------------------- r05 Adult income tabular (honest)
add(
    cid="r05", slug="adult_income_models", honest=True, fmt="csv", rng=505,
    metrics=[("auroc", True, 4), ("ece", False, 4)],
    arms={
        "logreg": arm(R5, {"auroc": 0.9052, "ece": 0.0121}, {"auroc": 0.0008, "ece": 0.0015}),
        "xgboost": arm(R5, {"auroc": 0.9281, "ece": 0.0098}, {"auroc": 0.0011, "ece": 0.0012}),
        "mlp": arm(R5, {"auroc": 0.9062, "ece": 0.0310}, {"auroc": 0.0021, "ece": 0.0040}),
        "ft_transformer": arm(R5, {"auroc": 0.9163, "ece": 0.0254}, {"auroc": 0.0030, "ece": 0.0050}),
    },
    baseline="logreg", correction="holm",
    hypothesis="Gradient-boosted trees and deep tabular models reach a higher test AUROC than logistic regression on Adult.",
    disp={"auroc": (1, 4), "ece": (1, 4)},
    checks=[("xgb sig", lambda c: c.Ph("xgboost") < 0.05), ("ftt sig", lambda c: c.Ph("ft_transformer") < 0.05),
            ("mlp ns", lambda c: c.Ph("mlp") > 0.05)],
    note="honest; LaTeX table with AUROC and ECE (lower better), four arms, Holm, one arm not significant",
)

# ---------------------------------------------------------------- r06 WikiText-103 positional encodings (honest)
add(
    cid="r06", slug="wikitext103_positional", honest=True, fmt="jsonl", rng=606,
    metrics=[("test_ppl", False, 2), ("val_ppl", False, 2)],
    arms={
        "sinusoidal": arm([0, 1, 2], {"test_ppl": 24.85, "val_ppl": 24.21}, {"test_ppl": 0.12, "val_ppl": 0.11}),
        "rope": arm([0, 1, 2], {"test_ppl": 23.96, "val_ppl": 23.40}, {"test_ppl": 0.10, "val_ppl": 0.10}),
        "alibi": arm([0, 1, 2], {"test_ppl": 24.02, "val_ppl": 23.52}, {"test_ppl": 0.15, "val_ppl": 0.13},
                     reruns={2: "crashed"}, cause={2: "NCCL timeout on node gpu-07"}),
    },
    baseline="sinusoidal", test="student_t", correction="holm",
    hypothesis="Relative position methods (RoPE, ALiBi) give lower test perplexity than sinusoidal absolute positions for a 16-layer decoder on WikiText-103.",
    disp={"test_ppl": (1, 2), "val_ppl": (1, 2)},
    checks=[("rope sig", lambda c: c.Ph("rope") < 0.05), ("alibi sig", lambda c: c.Ph("alibi") < 0.05)],
    note="honest; non-native English, lower-is-better perplexity, Student t with Holm, a crashed ALiBi seed re-run and disclosed",
)

# ---------------------------------------------------------------- r07 ImageNet-100 label smoothing (L04)
add(
    cid="r07", slug="imagenet100_label_smoothing", honest=False, fmt="csv", rng=708,
    metrics=[("top1", True, 4), ("top5", True, 4)],
    arms={
        "ce": arm(R5, {"top1": 0.8125, "top5": 0.9531}, {"top1": 0.0030, "top5": 0.0015}),
        "ls_0.1": arm(R5, {"top1": 0.8156, "top5": 0.9540}, {"top1": 0.0034, "top5": 0.0016}),
    },
    baseline="ce",
    hypothesis="Label smoothing with epsilon 0.1 improves ImageNet-100 top-1 accuracy of a ResNet-50 over plain cross-entropy.",
    disp={"top1": PCT, "top5": PCT},
    checks=[("p between .05 and .4", lambda c: 0.05 < c.Pv("ls_0.1") < 0.4), ("ls higher", lambda c: c.Mean("ls_0.1") > c.Mean("ce"))],
    flaws=[("L04", "label smoothing significantly improves top-1")],
    note="L04: 'significantly improves top-1' with the Welch p printed in the same sentence above alpha",
)

# ---------------------------------------------------------------- r08 SST-2 distillation (honest)
add(
    cid="r08", slug="sst2_distillation", honest=True, fmt="jsonl", rng=808,
    metrics=[("f1", True, 4), ("accuracy", True, 4)],
    arms={
        "student_ce": arm(range(6), {"f1": 0.9021, "accuracy": 0.9035}, {"f1": 0.0035, "accuracy": 0.0033}),
        "student_kd": arm(range(6), {"f1": 0.9134, "accuracy": 0.9142}, {"f1": 0.0035, "accuracy": 0.0034},
                          status={3: "failed"}, cause={3: "CUDA out of memory"}),
    },
    seed_sd={"f1": 0.003, "accuracy": 0.003},
    baseline="student_ce",
    hypothesis="Distilling from a BERT-large teacher raises the SST-2 dev F1 of a 6-layer student over training on hard labels alone.",
    plan_extra={"planned_seeds": [0, 1, 2, 3, 4, 5]},
    disp={"f1": PCT, "accuracy": PCT},
    checks=[("sig", lambda c: c.Pv("student_kd") < 0.05), ("paired sig", lambda c: c.Paired("student_kd", "student_ce")[1] < 0.05)],
    note="honest; bullets under a markdown table, a failed (OOM) KD seed disclosed, Welch and paired t",
)

# ---------------------------------------------------------------- r09 Common Voice SpecAugment (L06)
add(
    cid="r09", slug="commonvoice_specaugment", honest=False, fmt="csv", rng=909,
    metrics=[("wer", False, 2), ("cer", False, 2)],
    arms={
        "no_aug": arm(range(6), {"wer": 14.62, "cer": 5.91}, {"wer": 0.21, "cer": 0.09}),
        "specaug": arm(range(6), {"wer": 13.84, "cer": 5.58}, {"wer": 0.24, "cer": 0.10}),
    },
    baseline="no_aug",
    hypothesis="SpecAugment lowers test WER on Common Voice German by at least 1.0 absolute point compared with training without augmentation.",
    where="team tracker, 2024-05-20",
    disp={"wer": (1, 2), "cer": (1, 2)},
    checks=[("sig", lambda c: c.Pv("specaug") < 0.05), ("diff between .5 and 1", lambda c: 0.5 < c.Mean("no_aug") - c.Mean("specaug") < 1.0)],
    flaws=[("L06", "by at least 0.5 absolute points")],
    note="L06: registered threshold was 1.0 WER point; the report restates it as 0.5 points (the observed gain is below 1.0) and calls it supported",
)

# ---------------------------------------------------------------- r10 Criteo CTR (honest, null result)
add(
    cid="r10", slug="criteo_dcn_v2", honest=True, fmt="csv", rng=1010,
    metrics=[("logloss", False, 5), ("auc", True, 4)],
    arms={
        "dcn": arm(R5, {"logloss": 0.44210, "auc": 0.8062}, {"logloss": 0.00040, "auc": 0.0004}),
        "dcn_v2": arm([10, 11, 12, 13, 14], {"logloss": 0.44185, "auc": 0.8065}, {"logloss": 0.00050, "auc": 0.0005}),
    },
    baseline="dcn",
    hypothesis="DCN-V2 reaches a lower test logloss than DCN on Criteo (day 23 held out).",
    plan_extra={"success_criteria": "logloss lower by at least 0.001 than DCN, Welch p < 0.05"},
    disp={"logloss": (1, 5), "auc": (1, 4)},
    checks=[("ns", lambda c: c.Pv("dcn_v2") > 0.05)],
    note="honest; null result, different seed sets per arm, success criterion not met, 5-decimal logloss",
)

# ---------------------------------------------------------------- r11 CartPole DQN variants (L10)
add(
    cid="r11", slug="cartpole_dqn_variants", honest=False, fmt="csv", rng=1111,
    metrics=[("avg_return", True, 1)],
    arms={
        "dqn": arm(R5, {"avg_return": 412}, {"avg_return": 35}),
        "double_dqn": arm(R5, {"avg_return": 470}, {"avg_return": 22}),
        "dueling_large": arm([0], {"avg_return": 487}, {"avg_return": 8}),
    },
    overrides={("dueling_large", 0, "avg_return"): 488.6},
    baseline="dqn", correction="holm",
    hypothesis="Double DQN and a large dueling network each raise the average evaluation return on CartPole-v1 over vanilla DQN.",
    disp={"avg_return": (1, 1)},
    checks=[("double sig at .025", lambda c: c.Pv("double_dqn") < 0.025)],
    flaws=[("L10", "The large dueling network is the strongest")],
    note="L10: the dueling_large arm comes from a single run (seed 0) and is reported and ranked as if it were an arm result",
)

# ---------------------------------------------------------------- r12 MNIST pruning (honest, per-seed table)
add(
    cid="r12", slug="mnist_magnitude_pruning", honest=True, fmt="csv", rng=1213,
    metrics=[("test_error", False, 4), ("test_loss", False, 4)],
    arms={
        "dense": arm(range(10), {"test_error": 0.0082, "test_loss": 0.0281}, {"test_error": 0.0005, "test_loss": 0.0014}),
        "pruned_90": arm(range(10), {"test_error": 0.0085, "test_loss": 0.0290}, {"test_error": 0.0006, "test_loss": 0.0016}),
    },
    baseline="dense", test="mann_whitney",
    hypothesis="Magnitude pruning to 90% sparsity does not change LeNet-5 test error on MNIST by more than 0.1 points.",
    disp={"test_error": PCT, "test_loss": (1, 4)},
    checks=[("ns", lambda c: c.Pv("pruned_90") > 0.05)],
    note="honest; per-seed table of all 10 runs, error rate (lower better) in %, Mann-Whitney, no significant difference",
)

# ---------------------------------------------------------------- r13 COCO DETR auxiliary loss (CHERRY)
add(
    cid="r13", slug="coco_detr_aux_loss", honest=False, fmt="jsonl", rng=1313,
    metrics=[("map", True, 2), ("ap50", True, 2)],
    arms={
        "detr": arm([0, 1, 2, 3], {"map": 40.12, "ap50": 60.55}, {"map": 0.25, "ap50": 0.30}),
        "detr_aux": arm([0, 1, 2, 3], {"map": 42.28, "ap50": 62.70}, {"map": 0.35, "ap50": 0.35}),
    },
    baseline="detr",
    hypothesis="Auxiliary decoding losses at every decoder layer raise COCO val2017 box mAP of DETR-R50 trained for 150 epochs.",
    disp={"map": (1, 1), "ap50": (1, 1)},
    checks=[("sig", lambda c: c.Pv("detr_aux") < 0.05), ("max differs from mean at 1dp", lambda c: round(c.vals("detr_aux").max(), 1) != round(c.Mean("detr_aux"), 1))],
    flaws=[("CHERRY", "With auxiliary losses DETR reaches")],
    note="CHERRY: the abstract-style sentence gives detr_aux's best seed as its mAP; the table further down is honest",
)

# ---------------------------------------------------------------- r14 RTE LoRA (L09)
add(
    cid="r14", slug="glue_rte_lora", honest=False, fmt="csv", rng=1414,
    metrics=[("accuracy", True, 4)],
    arms={
        "full_ft": arm(range(6), {"accuracy": 0.7130}, {"accuracy": 0.012}),
        "lora_r8": arm(range(6), {"accuracy": 0.7225}, {"accuracy": 0.013}, status={4: "diverged"},
                       cause={4: "loss became NaN"}),
    },
    baseline="full_ft",
    hypothesis="LoRA (rank 8) matches or exceeds full fine-tuning of RoBERTa-base on RTE dev accuracy.",
    disp={"accuracy": PCT},
    checks=[("ns", lambda c: c.Pv("lora_r8") > 0.05)],
    flaws=[("L09", "| LoRA, r = 8 |")],
    note="L09: the LoRA row says n = 6 but one of its six runs diverged; the mean and std are over the 5 completed runs",
)

# ---------------------------------------------------------------- r15 ogbn-arxiv GNNs (honest)
add(
    cid="r15", slug="ogbn_arxiv_gnns", honest=True, fmt="csv", rng=1515,
    metrics=[("test_acc", True, 4), ("val_acc", True, 4)],
    arms={
        "gcn": arm(range(10), {"test_acc": 0.7174, "val_acc": 0.7300}, {"test_acc": 0.0029, "val_acc": 0.0017}),
        "graphsage": arm(range(10), {"test_acc": 0.7190, "val_acc": 0.7296}, {"test_acc": 0.0026, "val_acc": 0.0015}),
        "gat": arm(range(10), {"test_acc": 0.7236, "val_acc": 0.7351}, {"test_acc": 0.0019, "val_acc": 0.0014}),
        "gcn_jk": arm(range(10), {"test_acc": 0.7189, "val_acc": 0.7310}, {"test_acc": 0.0030, "val_acc": 0.0016}),
    },
    baseline="gcn", test="mann_whitney", correction="holm",
    hypothesis="GraphSAGE, GAT and GCN with jumping knowledge each reach a higher ogbn-arxiv test accuracy than a 3-layer GCN.",
    disp={"test_acc": PCT, "val_acc": PCT},
    checks=[("gat sig", lambda c: c.Ph("gat") < 0.05), ("sage ns", lambda c: c.Ph("graphsage") > 0.05), ("jk ns", lambda c: c.Ph("gcn_jk") > 0.05)],
    note="honest; tables first with short captions, four arms, 10 seeds, Mann-Whitney with Holm, differences with Welch CIs in points",
)

# ---------------------------------------------------------------- r16 ETTm1 forecasting (L07)
add(
    cid="r16", slug="ettm1_forecasting", honest=False, fmt="jsonl", rng=1616,
    metrics=[("mae", False, 4), ("mse", False, 4)],
    arms={
        "dlinear": arm(R5, {"mae": 0.3520, "mse": 0.3451}, {"mae": 0.0020, "mse": 0.0025}),
        "patchtst": arm(R5, {"mae": 0.3440, "mse": 0.3312}, {"mae": 0.0024, "mse": 0.0030}),
        "informer": arm(R5, {"mae": 0.4710, "mse": 0.5020}, {"mae": 0.0120, "mse": 0.0150}),
    },
    baseline="dlinear", correction="holm",
    hypothesis="PatchTST and Informer reach a lower test MAE than DLinear on ETTm1 at horizon 96.",
    disp={"mae": (1, 3), "mse": (1, 3)},
    checks=[("patch sig", lambda c: c.Ph("patchtst") < 0.05), ("informer sig (worse)", lambda c: c.Ph("informer") < 0.05)],
    flaws=[("L07", None)],
    note="L07: DLinear is named as the baseline and tested against, but its MAE/MSE are never given",
)

# ---------------------------------------------------------------- r17 Speech Commands KWS (honest, prose only)
add(
    cid="r17", slug="speech_commands_kws", honest=True, fmt="csv", rng=1717,
    metrics=[("accuracy", True, 4)],
    arms={
        "cnn": arm(R5, {"accuracy": 0.9602}, {"accuracy": 0.0018}),
        "bc_resnet": arm(R5, {"accuracy": 0.9688}, {"accuracy": 0.0015}),
    },
    baseline="cnn",
    hypothesis="BC-ResNet-1 reaches a higher Speech Commands v2 (12-class) test accuracy than the small CNN baseline.",
    disp={"accuracy": PCT},
    checks=[("sig", lambda c: c.Pv("bc_resnet") < 0.05)],
    note="honest; prose only, percent with one and two decimals, Welch t with t, df and CI of the difference",
)

# ---------------------------------------------------------------- r18 MovieLens recommenders (L01)
add(
    cid="r18", slug="movielens1m_recommenders", honest=False, fmt="csv", rng=1818,
    metrics=[("ndcg10", True, 4), ("recall20", True, 4)],
    arms={
        "mf": arm(R5, {"ndcg10": 0.3820, "recall20": 0.2655}, {"ndcg10": 0.0030, "recall20": 0.0028}),
        "ncf": arm(R5, {"ndcg10": 0.3905, "recall20": 0.2701}, {"ndcg10": 0.0035, "recall20": 0.0030}),
        "lightgcn": arm(R5, {"ndcg10": 0.4121, "recall20": 0.2893}, {"ndcg10": 0.0025, "recall20": 0.0026}),
    },
    baseline="mf", correction="holm",
    hypothesis="NCF and LightGCN each reach a higher NDCG@10 than matrix factorisation on MovieLens-1M (leave-one-out split).",
    disp={"ndcg10": (1, 4), "recall20": (1, 4)},
    checks=[("lgcn sig", lambda c: c.Ph("lightgcn") < 0.05), ("ncf sig", lambda c: c.Ph("ncf") < 0.05)],
    flaws=[("L01", "LightGCN is the clear winner with an NDCG@10 of")],
    note="L01: LightGCN's result appears only as a bare mean in prose (no std, no n); the table covers the other two arms",
)

# ---------------------------------------------------------------- r19 Cityscapes OCR head (honest, null)
add(
    cid="r19", slug="cityscapes_ocr_head", honest=True, fmt="csv", rng=1919,
    metrics=[("miou", True, 4), ("pixel_acc", True, 4)],
    arms={
        "deeplabv3": arm([0, 1, 2], {"miou": 0.7841, "pixel_acc": 0.9592}, {"miou": 0.0040, "pixel_acc": 0.0012}),
        "deeplabv3_ocr": arm([0, 1, 2], {"miou": 0.7868, "pixel_acc": 0.9598}, {"miou": 0.0050, "pixel_acc": 0.0013}),
    },
    baseline="deeplabv3",
    hypothesis="Replacing the ASPP head of DeepLabV3-R101 with an OCR head raises Cityscapes val mIoU by at least 0.5 points.",
    plan_extra={"success_criteria": "+0.5 points mIoU over DeepLabV3, Welch p < 0.05"},
    disp={"miou": PCT, "pixel_acc": PCT},
    checks=[("ns", lambda c: c.Pv("deeplabv3_ocr") > 0.05)],
    note="honest; TL;DR / Setup / Results / Caveats layout, 3 seeds, hypothesis not supported",
)

# ---------------------------------------------------------------- r20 Atari Breakout (L02)
add(
    cid="r20", slug="atari_breakout_dqn_family", honest=False, fmt="jsonl", rng=2020,
    metrics=[("score", True, 1)],
    arms={
        "dqn": arm(R5, {"score": 312}, {"score": 25}),
        "double_dqn": arm(R5, {"score": 351}, {"score": 28}),
        "rainbow_lite": arm(R5, {"score": 398}, {"score": 30}),
    },
    baseline="dqn", test="mann_whitney", correction="holm",
    hypothesis="Double DQN and Rainbow-lite each reach a higher Breakout score after 10M frames than DQN.",
    disp={"score": (1, 1)},
    checks=[("rainbow sig", lambda c: c.Ph("rainbow_lite") < 0.05), ("double sig", lambda c: c.Ph("double_dqn") < 0.05),
            ("typo is no statistic", lambda c: round(c.Mean("rainbow_lite"), 1) == 410.7 and not any(abs(x - 401.7) < 0.06 for x in c.all_stats(1)))],
    flaws=[("L02", "| Rainbow-lite | 401.7")],
    note="L02: the Rainbow-lite mean in the table has two digits transposed (not a value or statistic of the runs)",
)

# ---------------------------------------------------------------- r21 CIFAR-100 optimisers (L04, Holm)
add(
    cid="r21", slug="cifar100_optimizers", honest=False, fmt="csv", rng=2121,
    metrics=[("test_acc", True, 4), ("test_loss", False, 4)],
    arms={
        "sgd": arm(R5, {"test_acc": 0.7712, "test_loss": 0.8920}, {"test_acc": 0.0030, "test_loss": 0.012}),
        "adamw": arm(R5, {"test_acc": 0.7695, "test_loss": 0.9010}, {"test_acc": 0.0040, "test_loss": 0.014}),
        "lamb": arm(R5, {"test_acc": 0.7660, "test_loss": 0.9105}, {"test_acc": 0.0050, "test_loss": 0.015}),
        "sam": arm(R5, {"test_acc": 0.7790, "test_loss": 0.8705}, {"test_acc": 0.0045, "test_loss": 0.013}),
    },
    baseline="sgd", correction="holm",
    hypothesis="At least one of AdamW, LAMB or SAM reaches a higher CIFAR-100 test accuracy than SGD with momentum for WRN-28-10.",
    disp={"test_acc": PCT, "test_loss": (1, 3)},
    checks=[("sam raw sig, holm not", lambda c: c.Pv("sam") < 0.05 < c.Ph("sam")),
            ("others ns", lambda c: c.Ph("adamw") > 0.05 and c.Ph("lamb") > 0.05)],
    flaws=[("L04", "SAM significantly improves test accuracy")],
    note="L04: SAM claimed significant on its uncorrected Welch p; after the registered Holm correction over three arms it is not",
)

# ---------------------------------------------------------------- r22 SQuAD (honest, non-native)
add(
    cid="r22", slug="squad11_encoders", honest=True, fmt="jsonl", rng=2222,
    metrics=[("f1", True, 2), ("em", True, 2)],
    arms={
        "bert_base": arm(range(6), {"f1": 88.45, "em": 80.95}, {"f1": 0.22, "em": 0.25}),
        "bert_base_wwm": arm(range(6), {"f1": 88.98, "em": 81.72}, {"f1": 0.26, "em": 0.30},
                             status={3: "crashed"}, cause={3: "node preempted"}),
        "roberta_base": arm(range(6), {"f1": 90.62, "em": 83.41}, {"f1": 0.20, "em": 0.22},
                            status={5: "cancelled"}, cause={5: "cancelled by user"}),
    },
    baseline="bert_base", correction="holm",
    hypothesis="Whole-word masking BERT-base and RoBERTa-base both give a higher SQuAD v1.1 dev F1 than BERT-base.",
    plan_extra={"planned_seeds": [0, 1, 2, 3, 4, 5]},
    disp={"f1": (1, 2), "em": (1, 2)},
    checks=[("wwm sig", lambda c: c.Ph("bert_base_wwm") < 0.05), ("roberta sig", lambda c: c.Ph("roberta_base") < 0.05)],
    note="honest; non-native English, EM and F1 already in points, a crashed and a cancelled run disclosed, Holm",
)

# ---------------------------------------------------------------- r23 California housing (honest, paired)
add(
    cid="r23", slug="california_housing_lgbm", honest=True, fmt="csv", rng=2323,
    metrics=[("rmse", False, 4), ("mae", False, 4)],
    arms={
        "lgbm_default": arm(range(8), {"rmse": 0.4712, "mae": 0.3105}, {"rmse": 0.0040, "mae": 0.0030}),
        "lgbm_tuned": arm(range(8), {"rmse": 0.4668, "mae": 0.3072}, {"rmse": 0.0042, "mae": 0.0031},
                          status={6: "cancelled"}),
    },
    seed_sd={"rmse": 0.0035, "mae": 0.0025},
    baseline="lgbm_default",
    hypothesis="Optuna-tuned LightGBM reaches a lower test RMSE than LightGBM with default hyperparameters on California Housing.",
    plan_extra={"success_criteria": "RMSE lower by at least 0.005, Welch p < 0.05"},
    disp={"rmse": (1, 4), "mae": (1, 4)},
    checks=[("ns welch", lambda c: c.Pv("lgbm_tuned") > 0.05)],
    note="honest; regression RMSE/MAE lower better, 8 paired seeds with a cancelled run, Welch not significant, paired analysis labelled exploratory",
)

# ---------------------------------------------------------------- r24 XSum coverage (L06)
add(
    cid="r24", slug="xsum_coverage_loss", honest=False, fmt="jsonl", rng=2424,
    metrics=[("rougeL", True, 2), ("rouge2", True, 2)],
    arms={
        "bart_base": arm(R5, {"rougeL": 30.12, "rouge2": 16.25}, {"rougeL": 0.15, "rouge2": 0.12}),
        "bart_coverage": arm(R5, {"rougeL": 30.19, "rouge2": 16.31}, {"rougeL": 0.18, "rouge2": 0.14}),
    },
    baseline="bart_base",
    hypothesis="Adding a coverage loss improves ROUGE-L of BART-base on XSum by at least 0.5 points.",
    where="OSF, 2024-01-15",
    disp={"rougeL": (1, 2), "rouge2": (1, 2)},
    checks=[("ns", lambda c: c.Pv("bart_coverage") > 0.05)],
    flaws=[("L06", "The hypothesis we test is that adding a coverage loss")],
    note="L06: the registered hypothesis (ROUGE-L +0.5 points) is restated as non-inferiority ('does not hurt') and then declared supported",
)

# ---------------------------------------------------------------- r25 Conformer size (L08 steps)
add(
    cid="r25", slug="librispeech_conformer_size", honest=False, fmt="csv", rng=2526,
    metrics=[("wer_other", False, 2), ("wer_clean", False, 2)],
    arms={
        "conformer_s": arm([0, 1, 2, 3], {"wer_other": 7.85, "wer_clean": 3.21}, {"wer_other": 0.10, "wer_clean": 0.05},
                           extra={"steps": 50000}),
        "conformer_m": arm([0, 1, 2, 3], {"wer_other": 6.92, "wer_clean": 2.83}, {"wer_other": 0.11, "wer_clean": 0.05},
                           extra={"steps": 100000}),
    },
    baseline="conformer_s",
    hypothesis="The Conformer-M model reaches a lower test-other WER than Conformer-S on LibriSpeech 960h.",
    disp={"wer_other": (1, 2), "wer_clean": (1, 2)},
    checks=[("sig", lambda c: c.Pv("conformer_m") < 0.05)],
    flaws=[("L08", None)],
    note="L08: the baseline Conformer-S ran 50k steps against 100k for Conformer-M (steps column) and the report never says so",
)

# ---------------------------------------------------------------- r26 Fashion-MNIST dropout (CHERRY + L03)
add(
    cid="r26", slug="fashion_mnist_dropout", honest=False, fmt="csv", rng=2626,
    metrics=[("accuracy", True, 4), ("val_loss", False, 4)],
    arms={
        "no_dropout": arm(range(6), {"accuracy": 0.9105, "val_loss": 0.2610}, {"accuracy": 0.0020, "val_loss": 0.006}),
        "dropout_0.3": arm(range(6), {"accuracy": 0.9178, "val_loss": 0.2395}, {"accuracy": 0.0025, "val_loss": 0.006}),
    },
    baseline="no_dropout",
    hypothesis="Dropout of 0.3 before the classifier improves Fashion-MNIST test accuracy of a small CNN.",
    disp={"accuracy": PCT, "val_loss": (1, 3)},
    checks=[("sig", lambda c: c.Pv("dropout_0.3") < 0.05),
            ("max != mean 2dp", lambda c: round(c.vals("dropout_0.3").max() * 100, 2) != round(c.Mean("dropout_0.3") * 100, 2))],
    flaws=[("CHERRY", "with dropout the model reaches"), ("L03", "clearly better than the network without dropout")],
    note="CHERRY: the summary gives dropout's best seed as its accuracy; L03: 'clearly better than the network without dropout' with no test in the sentence",
)

# ---------------------------------------------------------------- r27 Banking77 intent (honest)
add(
    cid="r27", slug="banking77_intent", honest=True, fmt="csv", rng=2727,
    metrics=[("accuracy", True, 4), ("macro_f1", True, 4)],
    arms={
        "tfidf_lr": arm(R5, {"accuracy": 0.8710, "macro_f1": 0.8702}, {"accuracy": 0.0020, "macro_f1": 0.0022}),
        "ft_full": arm(R5, {"accuracy": 0.9335, "macro_f1": 0.9331}, {"accuracy": 0.0030, "macro_f1": 0.0031}),
        "ft_adapter": arm(R5, {"accuracy": 0.9301, "macro_f1": 0.9296}, {"accuracy": 0.0035, "macro_f1": 0.0036}),
        "setfit": arm(R5, {"accuracy": 0.9240, "macro_f1": 0.9233}, {"accuracy": 0.0040, "macro_f1": 0.0041}),
    },
    baseline="tfidf_lr", correction="holm",
    hypothesis="Every transformer-based method (full fine-tuning, adapters, SetFit) beats TF-IDF with logistic regression on Banking77 test accuracy.",
    disp={"accuracy": PCT, "macro_f1": PCT},
    checks=[(f"{a} sig", (lambda a: lambda c: c.Ph(a) < 0.05)(a)) for a in ("ft_full", "ft_adapter", "setfit")],
    note="honest; natural arm names differ from ids, markdown table with % columns, claims in bullets, Holm over three arms",
)

# ---------------------------------------------------------------- r28 SAC vs REDQ (L08 seeds)
add(
    cid="r28", slug="halfcheetah_sac_redq", honest=False, fmt="jsonl", rng=2828,
    metrics=[("eval_return", True, 1)],
    arms={
        "sac": arm([0, 1, 2], {"eval_return": 10450}, {"eval_return": 320}),
        "redq": arm(range(8), {"eval_return": 11280}, {"eval_return": 290}),
    },
    baseline="sac",
    hypothesis="REDQ (N=10, M=2, UTD 20) reaches a higher HalfCheetah-v4 evaluation return than SAC after 300k environment steps.",
    disp={"eval_return": (1, 0)},
    checks=[("sig", lambda c: c.Pv("redq") < 0.05)],
    flaws=[("L08", None)],
    note="L08: the SAC baseline has 3 seeds against 8 for REDQ and the report never mentions the imbalance",
)

# ---------------------------------------------------------------- r29 ESC-50 audio (honest, non-native)
add(
    cid="r29", slug="esc50_audio_transformer", honest=True, fmt="csv", rng=2929,
    metrics=[("accuracy", True, 4), ("val_loss", False, 4)],
    arms={
        "cnn14": arm(R5, {"accuracy": 0.8620, "val_loss": 0.5120}, {"accuracy": 0.0080, "val_loss": 0.020},
                     status={2: "failed"}, cause={2: "corrupted checkpoint on resume"}),
        "ast": arm([5, 6, 7, 8, 9], {"accuracy": 0.9050, "val_loss": 0.3810}, {"accuracy": 0.0070, "val_loss": 0.018}),
    },
    baseline="cnn14",
    hypothesis="The Audio Spectrogram Transformer (ImageNet-pretrained) gives higher ESC-50 5-fold accuracy than CNN14.",
    disp={"accuracy": (100, 1), "val_loss": (1, 3)},
    checks=[("sig", lambda c: c.Pv("ast") < 0.05)],
    note="honest; non-native English, different seed sets per arm, a failed CNN14 run disclosed, one-decimal percentages",
)

# ---------------------------------------------------------------- r30 MLM pretraining (honest, truncated baseline disclosed)
add(
    cid="r30", slug="mlm_pretraining_deepnorm", honest=True, fmt="csv", rng=3030,
    metrics=[("val_ppl", False, 3)],
    arms={
        "bert_small": arm([0, 1, 2], {"val_ppl": 5.412}, {"val_ppl": 0.030}, extra={"steps": 50000}),
        "bert_small_deepnorm": arm([0, 1, 2], {"val_ppl": 5.105}, {"val_ppl": 0.028}, extra={"steps": 100000}),
    },
    baseline="bert_small",
    hypothesis="DeepNorm residual scaling lowers the masked-LM validation perplexity of BERT-small.",
    disp={"val_ppl": (1, 3)},
    checks=[("sig", lambda c: c.Pv("bert_small_deepnorm") < 0.05)],
    note="honest; the baseline ran half the steps and the report says so and refuses to attribute the gap; lab notebook",
)

# ---------------------------------------------------------------- r31 Telco churn (L09 + L05)
add(
    cid="r31", slug="telco_churn_catboost", honest=False, fmt="csv", rng=3131,
    metrics=[("auroc", True, 4), ("brier", False, 4)],
    arms={
        "logreg": arm(range(8), {"auroc": 0.8405, "brier": 0.1382}, {"auroc": 0.0030, "brier": 0.0020}),
        "catboost": arm(range(8), {"auroc": 0.8512, "brier": 0.1335}, {"auroc": 0.0032, "brier": 0.0021},
                        status={6: "crashed"}),
    },
    baseline="logreg",
    hypothesis="CatBoost with default settings reaches a higher test AUROC than L2-regularised logistic regression on Telco churn.",
    disp={"auroc": (1, 4), "brier": (1, 4)},
    checks=[("sig", lambda c: c.Pv("catboost") < 0.05)],
    flaws=[("L09", "| CatBoost |"), ("L05", None)],
    note="L09 + L05: CatBoost's row gives n = 8 but seed 6 crashed (7 completed, statistics over those 7), and the crash is never mentioned",
)

# ---------------------------------------------------------------- r32 TED-LIUM LM (L02 relative)
add(
    cid="r32", slug="tedlium3_wav2vec2_lm", honest=False, fmt="csv", rng=3232,
    metrics=[("wer", False, 2)],
    arms={
        "w2v2_base": arm(R5, {"wer": 9.84}, {"wer": 0.12}),
        "w2v2_base_4gram": arm(R5, {"wer": 8.95}, {"wer": 0.15}),
    },
    baseline="w2v2_base",
    hypothesis="Decoding wav2vec 2.0 base with a 4-gram LM lowers TED-LIUM 3 test WER compared with LM-free decoding.",
    disp={"wer": (1, 2)},
    checks=[("sig", lambda c: c.Pv("w2v2_base_4gram") < 0.05)],
    flaws=[("L02", "a 15% relative reduction")],
    note="L02: the relative WER reduction is given as 15%; the recorded means give 7.4%",
)

# ---------------------------------------------------------------- r33 Procgen CoinRun (honest, null)
add(
    cid="r33", slug="procgen_coinrun_augmix", honest=True, fmt="csv", rng=3333,
    metrics=[("test_return", True, 2), ("train_return", True, 2)],
    arms={
        "ppo": arm(range(10), {"test_return": 8.12, "train_return": 9.31}, {"test_return": 0.35, "train_return": 0.15}),
        "ppo_augmix": arm(range(10), {"test_return": 8.31, "train_return": 9.22}, {"test_return": 0.40, "train_return": 0.17},
                          status={7: "crashed"}, cause={7: "segfault in the procgen env worker"}),
    },
    baseline="ppo", test="mann_whitney",
    hypothesis="AugMix-style observation augmentation raises PPO's CoinRun test-level return (200 train levels, easy mode).",
    disp={"test_return": (1, 2), "train_return": (1, 2)},
    checks=[("ns", lambda c: c.Pv("ppo_augmix") > 0.05)],
    note="honest; terse lab notebook, 10 seeds, Mann-Whitney, a crashed run disclosed, no significant difference",
)

# ---------------------------------------------------------------- r34 IEMOCAP pooling (honest, significant only before Holm)
add(
    cid="r34", slug="iemocap_pooling", honest=True, fmt="jsonl", rng=3407,
    metrics=[("ua", True, 4), ("wa", True, 4)],
    arms={
        "mean_pool": arm(R5, {"ua": 0.6712, "wa": 0.6605}, {"ua": 0.0050, "wa": 0.0055}),
        "attn_pool": arm(R5, {"ua": 0.6795, "wa": 0.6671}, {"ua": 0.0045, "wa": 0.0050}),
        "stats_pool": arm(R5, {"ua": 0.6740, "wa": 0.6630}, {"ua": 0.0055, "wa": 0.0050}),
        "layer_sum": arm(R5, {"ua": 0.6930, "wa": 0.6822}, {"ua": 0.0040, "wa": 0.0045}),
    },
    baseline="mean_pool", correction="holm",
    hypothesis="Attentive pooling, statistics pooling and a learned weighted sum of layers each raise the unweighted accuracy of wav2vec 2.0 features on IEMOCAP over mean pooling of the last layer.",
    disp={"ua": PCT, "wa": PCT},
    checks=[("attn raw sig, holm not", lambda c: c.Pv("attn_pool") < 0.05 < c.Ph("attn_pool")),
            ("layer_sum sig", lambda c: c.Ph("layer_sum") < 0.05), ("stats ns", lambda c: c.Pv("stats_pool") > 0.05)],
    note="honest; attentive pooling is significant before Holm only and the report says it is not significant after the correction; a learned layer sum is",
)
