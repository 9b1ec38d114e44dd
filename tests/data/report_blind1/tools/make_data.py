"""Generate the results files and plans of the blind report set, and dump every statistic the reports print.

Values: for each arm and metric, normal draws around a chosen mean with a chosen spread (seeded numpy Generator),
rounded to the metric's recorded precision. Where a case needs a particular statistical situation (e.g. a raw
p < 0.05 that Holm lifts above 0.05), the generator seed is advanced until the drawn values produce it; the values
are then fixed in the results file and every statistic is recomputed from the file.
"""
import csv, json, math, sys
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).parent))
from stats import describe, compare, holm

OUT = Path(__file__).resolve().parent.parent
DATA = OUT / "data"
DATA.mkdir(exist_ok=True)

S = lambda a, b: list(range(a, b))

# metric spec: name -> (decimals, higher_is_better)
CASES = [
 dict(id="r01", slug="cifar10_augment", fmt="csv", primary="val_acc", hib=True, baseline="no_aug",
      metrics={"val_acc": (4, True), "val_loss": (4, False)}, test="welch_t", correction="holm",
      arms={"no_aug": dict(seeds=S(0, 5), m={"val_acc": (0.9512, 0.0016), "val_loss": (0.201, 0.006)}),
            "cutout": dict(seeds=S(0, 5), m={"val_acc": (0.9568, 0.0015), "val_loss": (0.184, 0.006)}),
            "mixup": dict(seeds=S(0, 5), m={"val_acc": (0.9579, 0.0018), "val_loss": (0.232, 0.007)}),
            "randaugment": dict(seeds=S(0, 5), bad={2: "crashed"}, m={"val_acc": (0.9531, 0.0022), "val_loss": (0.193, 0.007)})},
      hyp="Cutout, mixup and RandAugment each raise CIFAR-10 validation accuracy of a ResNet-18 above training without augmentation.",
      check=lambda c: c["cutout"]["p_adj"] < 0.05 and c["mixup"]["p_adj"] < 0.05 and c["randaugment"]["p_adj"] > 0.05),
 dict(id="r02", slug="sst2_lora", fmt="jsonl", primary="accuracy", hib=True, baseline="full_ft",
      metrics={"accuracy": (4, True), "macro_f1": (4, True)}, test="mann_whitney", correction="holm",
      arms={"full_ft": dict(seeds=S(1, 7), m={"accuracy": (0.9312, 0.0040), "macro_f1": (0.9309, 0.0041)}),
            "lora_r8": dict(seeds=S(1, 7), m={"accuracy": (0.9296, 0.0045), "macro_f1": (0.9293, 0.0046)}),
            "lora_r16": dict(seeds=S(1, 7), m={"accuracy": (0.9307, 0.0042), "macro_f1": (0.9305, 0.0042)})},
      hyp="LoRA fine-tuning (rank 8 or 16) of RoBERTa-base matches full fine-tuning on SST-2 validation accuracy within 0.5 points.",
      check=lambda c: all(c[a]["p_adj"] > 0.2 for a in ("lora_r8", "lora_r16"))),
 dict(id="r03", slug="wmt14_label_smoothing", fmt="csv", primary="bleu", hib=True, baseline="ls_0.0",
      metrics={"bleu": (2, True), "val_ppl": (2, False)}, test="welch_t", correction="none",
      arms={"ls_0.0": dict(seeds=S(0, 4), bad={3: "diverged"}, m={"bleu": (26.84, 0.18), "val_ppl": (4.71, 0.04)}),
            "ls_0.1": dict(seeds=S(0, 4), m={"bleu": (27.36, 0.16), "val_ppl": (4.93, 0.04)})},
      hyp="Label smoothing of 0.1 increases newstest2014 En-De BLEU of a Transformer-base over no label smoothing.",
      check=lambda c: c["ls_0.1"]["p"] < 0.01),
 dict(id="r04", slug="ppo_gae_lambda", fmt="csv", primary="eval_return", hib=True, baseline="gae_0.95",
      metrics={"eval_return": (1, True), "train_return": (1, True)}, test="welch_t", correction="holm",
      arms={"gae_0.95": dict(seeds=S(0, 10), m={"eval_return": (3120.0, 340.0), "train_return": (2890.0, 320.0)}),
            "gae_0.90": dict(seeds=S(10, 20), m={"eval_return": (2980.0, 360.0), "train_return": (2760.0, 340.0)}),
            "gae_0.99": dict(seeds=S(20, 30), bad={27: "diverged"}, m={"eval_return": (3560.0, 330.0), "train_return": (3310.0, 310.0)})},
      hyp="On HalfCheetah-v4, PPO's evaluation return depends on the GAE lambda: lambda 0.90 or 0.99 changes the return relative to the default 0.95.",
      check=lambda c: c["gae_0.99"]["p_adj"] < 0.05 and c["gae_0.90"]["p_adj"] > 0.2),
 dict(id="r05", slug="adult_income_models", fmt="csv", primary="auc", hib=True, baseline="logreg",
      metrics={"auc": (4, True), "logloss": (4, False), "accuracy": (4, True)}, test="welch_t", correction="holm",
      arms={"logreg": dict(seeds=S(0, 5), m={"auc": (0.9041, 0.0031), "logloss": (0.3205, 0.004), "accuracy": (0.8512, 0.0025)}),
            "xgboost": dict(seeds=S(0, 5), m={"auc": (0.9068, 0.0060), "logloss": (0.3150, 0.006), "accuracy": (0.8531, 0.004)}),
            "mlp": dict(seeds=S(0, 5), m={"auc": (0.9085, 0.0028), "logloss": (0.3131, 0.005), "accuracy": (0.8540, 0.003)})},
      hyp="A two-layer MLP or gradient-boosted trees (XGBoost) reach a higher test AUC than logistic regression on the Adult income task.",
      check=lambda c: 0.025 < c["mlp"]["p"] < 0.05 and c["xgboost"]["p"] > 0.1),
 dict(id="r06", slug="librispeech_specaugment", fmt="jsonl", primary="wer", hib=False, baseline="no_specaug",
      metrics={"wer": (2, False), "cer": (2, False)}, test="welch_t", correction="holm",
      arms={"no_specaug": dict(seeds=S(0, 4), m={"wer": (8.42, 0.14), "cer": (3.21, 0.07)}),
            "specaug_ld": dict(seeds=S(0, 4), m={"wer": (7.61, 0.12), "cer": (2.88, 0.06)}),
            "specaug_ld_strong": dict(seeds=S(0, 4), bad={2: "failed"}, m={"wer": (7.72, 0.20), "cer": (2.95, 0.08)})},
      hyp="SpecAugment (LD policy) lowers test-clean WER of a Conformer-S trained on LibriSpeech 100h compared with no augmentation.",
      check=lambda c: c["specaug_ld"]["p_adj"] < 0.01 and c["specaug_ld_strong"]["p_adj"] < 0.05),
 dict(id="r07", slug="imagenet_vit_warmup", fmt="csv", primary="top1_err", hib=False, baseline="cosine",
      metrics={"top1_err": (2, False), "top5_err": (2, False)}, test="welch_t", correction="none",
      arms={"cosine": dict(seeds=S(0, 3), m={"top1_err": (21.41, 0.22), "top5_err": (5.83, 0.09)}),
            "cosine_warmup": dict(seeds=S(0, 3), m={"top1_err": (20.95, 0.25), "top5_err": (5.62, 0.10)})},
      hyp="A 5-epoch linear warmup lowers the ImageNet-1k top-1 error of ViT-S/16 trained for 100 epochs with a cosine schedule.",
      check=lambda c: c["cosine_warmup"]["p"] < 0.05 and (c["_v"]["cosine_warmup"]["top1_err"].min() < c["_d"]["cosine_warmup"]["mean"] - 0.2)),
 dict(id="r08", slug="conll03_crf_head", fmt="csv", primary="f1", hib=True, baseline="softmax",
      metrics={"f1": (4, True), "precision": (4, True), "recall": (4, True)}, test="student_t", correction="none",
      arms={"softmax": dict(seeds=S(0, 5), m={"f1": (0.9108, 0.0021), "precision": (0.9071, 0.0025), "recall": (0.9146, 0.0024)}),
            "crf": dict(seeds=S(0, 5), m={"f1": (0.9154, 0.0019), "precision": (0.9139, 0.0022), "recall": (0.9169, 0.0023)})},
      hyp="A linear-chain CRF head raises CoNLL-2003 test entity F1 of BERT-base-cased over a per-token softmax head.",
      check=lambda c: c["crf"]["p"] < 0.01),
 dict(id="r09", slug="atari_breakout_ddqn", fmt="csv", primary="score", hib=True, baseline="dqn",
      metrics={"score": (1, True)}, test="mann_whitney", correction="none",
      arms={"dqn": dict(seeds=S(0, 6), m={"score": (312.0, 38.0)}),
            "double_dqn": dict(seeds=S(100, 106), m={"score": (371.0, 42.0)})},
      hyp="Double DQN reaches a higher mean evaluation score than DQN on Breakout after 10M frames.",
      check=lambda c: c["double_dqn"]["p"] < 0.05),
 dict(id="r10", slug="california_housing_gbdt", fmt="csv", primary="rmse", hib=False, baseline="ridge",
      metrics={"rmse": (4, False), "mae": (4, False), "r2": (4, True)}, test="welch_t", correction="holm",
      arms={"ridge": dict(seeds=S(0, 5), m={"rmse": (0.7281, 0.0062), "mae": (0.5327, 0.0051), "r2": (0.6012, 0.0061)}),
            "lightgbm": dict(seeds=S(0, 5), m={"rmse": (0.4523, 0.0050), "mae": (0.2994, 0.0040), "r2": (0.8451, 0.0033)}),
            "catboost": dict(seeds=S(0, 5), m={"rmse": (0.4437, 0.0045), "mae": (0.2921, 0.0036), "r2": (0.8512, 0.0030)})},
      hyp="Gradient-boosted trees (LightGBM, CatBoost) reach a lower test RMSE than ridge regression on California Housing.",
      check=lambda c: True),
 dict(id="r11", slug="cnndm_bart_regularizers", fmt="jsonl", primary="rougeL", hib=True, baseline="bart_base",
      metrics={"rougeL": (2, True), "rouge1": (2, True), "rouge2": (2, True)}, test="welch_t", correction="holm",
      arms={"bart_base": dict(seeds=S(0, 4), m={"rougeL": (40.62, 0.11), "rouge1": (43.81, 0.12), "rouge2": (20.93, 0.10)}),
            "bart_rdrop": dict(seeds=S(0, 4), m={"rougeL": (40.91, 0.12), "rouge1": (44.07, 0.13), "rouge2": (21.14, 0.11)}),
            "bart_ls": dict(seeds=S(0, 4), m={"rougeL": (40.74, 0.14), "rouge1": (43.90, 0.14), "rouge2": (21.00, 0.12)})},
      hyp="R-Drop or label smoothing raises the ROUGE-L of BART-base on CNN/DailyMail over plain cross-entropy fine-tuning.",
      check=lambda c: c["bart_rdrop"]["p_adj"] < 0.05 and c["bart_ls"]["p_adj"] > 0.1),
 dict(id="r12", slug="speech_commands_bcresnet", fmt="csv", primary="test_acc", hib=True, baseline="cnn_trad",
      metrics={"test_acc": (4, True), "test_loss": (4, False)}, test="welch_t", correction="none",
      arms={"cnn_trad": dict(seeds=S(0, 8), m={"test_acc": (0.9541, 0.0021), "test_loss": (0.171, 0.006)}),
            "bc_resnet": dict(seeds=S(0, 8), m={"test_acc": (0.9712, 0.0016), "test_loss": (0.109, 0.005)})},
      hyp="BC-ResNet-1 reaches a higher Speech Commands v2 (12-class) test accuracy than the cnn-trad-fpool3 baseline.",
      check=lambda c: c["bc_resnet"]["p"] < 0.001),
 dict(id="r13", slug="ade20k_aux_head", fmt="csv", primary="miou", hib=True, baseline="upernet_r50",
      metrics={"miou": (2, True), "pixel_acc": (2, True)}, test="welch_t", correction="none",
      arms={"upernet_r50": dict(seeds=S(0, 4), m={"miou": (42.18, 0.31), "pixel_acc": (80.41, 0.18)}),
            "upernet_r50_aux": dict(seeds=S(0, 4), m={"miou": (42.49, 0.35), "pixel_acc": (80.52, 0.20)})},
      hyp="Adding an auxiliary FCN head raises single-scale ADE20K validation mIoU of UperNet-R50 by at least 1 point.",
      check=lambda c: 0.08 < c["upernet_r50_aux"]["p"] < 0.5 and c["upernet_r50_aux"]["diff"] > 0.1),
 dict(id="r14", slug="wikitext103_posenc", fmt="csv", primary="val_ppl", hib=False, baseline="rope",
      metrics={"val_ppl": (2, False), "train_loss": (4, False)}, test="welch_t", correction="holm",
      arms={"rope": dict(seeds=S(0, 3), m={"val_ppl": (24.31, 0.09), "train_loss": (3.0512, 0.004)}),
            "alibi": dict(seeds=S(0, 3), m={"val_ppl": (24.02, 0.08), "train_loss": (3.0431, 0.004)}),
            "learned": dict(seeds=S(0, 3), m={"val_ppl": (24.66, 0.10), "train_loss": (3.0620, 0.004)})},
      hyp="ALiBi lowers WikiText-103 validation perplexity of a 125M-parameter decoder by at least 0.5 relative to RoPE.",
      check=lambda c: c["alibi"]["p_adj"] < 0.05 and 0.2 < -c["alibi"]["diff"] < 0.4),
 dict(id="r15", slug="fraud_imbalance", fmt="csv", primary="pr_auc", hib=True, baseline="weighted_bce",
      metrics={"pr_auc": (4, True), "roc_auc": (4, True)}, test="welch_t", correction="holm",
      arms={"weighted_bce": dict(seeds=S(0, 3), m={"pr_auc": (0.7612, 0.0090), "roc_auc": (0.9712, 0.0020)}),
            "focal": dict(seeds=S(0, 7), m={"pr_auc": (0.7845, 0.0080), "roc_auc": (0.9738, 0.0018)}),
            "smote": dict(seeds=S(0, 7), m={"pr_auc": (0.7580, 0.0110), "roc_auc": (0.9705, 0.0022)})},
      hyp="Focal loss or SMOTE oversampling raises the test PR-AUC of an MLP fraud detector over class-weighted BCE.",
      check=lambda c: c["focal"]["p_adj"] < 0.05 and c["smote"]["p_adj"] > 0.3),
 dict(id="r16", slug="walker2d_redq", fmt="jsonl", primary="eval_return", hib=True, baseline="sac",
      metrics={"eval_return": (1, True)}, test="welch_t", correction="none",
      arms={"sac": dict(seeds=S(0, 5), const={"env_steps": 500000}, m={"eval_return": (4380.0, 290.0)}),
            "redq": dict(seeds=S(0, 5), const={"env_steps": 1000000}, m={"eval_return": (5140.0, 310.0)})},
      hyp="REDQ (N=10, M=2, UTD 20) reaches a higher Walker2d-v4 evaluation return than SAC.",
      check=lambda c: c["redq"]["p"] < 0.01),
 dict(id="r17", slug="chestxray_pretraining", fmt="csv", primary="auroc", hib=True, baseline="scratch",
      metrics={"auroc": (4, True), "auprc": (4, True)}, test="welch_t", correction="none",
      arms={"scratch": dict(seeds=S(0, 5), m={"auroc": (0.8423, 0.0060), "auprc": (0.3412, 0.0090)}),
            "imagenet_pt": dict(seeds=S(0, 5), m={"auroc": (0.8490, 0.0080), "auprc": (0.3530, 0.0110)})},
      hyp="ImageNet pretraining raises the mean test AUROC of a DenseNet-121 on the 14 ChestX-ray14 labels over training from scratch.",
      check=lambda c: 0.07 < c["imagenet_pt"]["p"] < 0.3),
 dict(id="r18", slug="iemocap_ssl_encoders", fmt="csv", primary="ua", hib=True, baseline="wav2vec2",
      metrics={"ua": (2, True), "wa": (2, True)}, test="welch_t", correction="holm",
      arms={"wav2vec2": dict(seeds=S(0, 5), m={"ua": (66.42, 0.71), "wa": (65.10, 0.80)}),
            "hubert": dict(seeds=S(0, 5), m={"ua": (67.85, 0.65), "wa": (66.71, 0.74)}),
            "wavlm": dict(seeds=[0], m={"ua": (70.9, 0.0), "wa": (69.8, 0.0)})},
      hyp="HuBERT-base or WavLM-base+ features raise IEMOCAP unweighted accuracy (5-fold leave-one-session-out) over wav2vec 2.0-base.",
      check=lambda c: c["hubert"]["p"] < 0.02),
 dict(id="r19", slug="ogbn_arxiv_gnns", fmt="csv", primary="test_acc", hib=True, baseline="gcn",
      metrics={"test_acc": (4, True), "val_acc": (4, True)}, test="welch_t", correction="holm",
      arms={"gcn": dict(seeds=S(0, 10), m={"test_acc": (0.7174, 0.0029), "val_acc": (0.7301, 0.0017)}),
            "graphsage": dict(seeds=S(0, 10), m={"test_acc": (0.7152, 0.0027), "val_acc": (0.7290, 0.0016)}),
            "gat": dict(seeds=S(0, 10), m={"test_acc": (0.7189, 0.0031), "val_acc": (0.7312, 0.0018)})},
      hyp="GAT or GraphSAGE changes ogbn-arxiv test accuracy relative to a 3-layer GCN.",
      check=lambda c: c["gat"]["p_adj"] > 0.1 and c["graphsage"]["p_adj"] > 0.1),
 dict(id="r20", slug="telco_churn_models", fmt="csv", primary="f1", hib=True, baseline="logreg",
      metrics={"f1": (4, True), "roc_auc": (4, True)}, test="welch_t", correction="holm",
      arms={"logreg": dict(seeds=S(0, 5), m={"f1": (0.5842, 0.0100), "roc_auc": (0.8412, 0.0040)}),
            "random_forest": dict(seeds=S(0, 5), m={"f1": (0.6121, 0.0080), "roc_auc": (0.8455, 0.0035)}),
            "lightgbm": dict(seeds=S(0, 5), m={"f1": (0.6310, 0.0070), "roc_auc": (0.8503, 0.0030)})},
      hyp="Tree ensembles (random forest, LightGBM) reach a higher churn-class F1 than logistic regression on the Telco churn data.",
      check=lambda c: c["lightgbm"]["p_adj"] < 0.01 and c["random_forest"]["p_adj"] < 0.05),
 dict(id="r21", slug="coco_retinanet_giou", fmt="csv", primary="box_ap", hib=True, baseline="retinanet_l1",
      metrics={"box_ap": (2, True), "ap50": (2, True), "ap75": (2, True)}, test="welch_t", correction="none",
      arms={"retinanet_l1": dict(seeds=S(0, 4), m={"box_ap": (36.48, 0.13), "ap50": (55.61, 0.18), "ap75": (39.02, 0.17)}),
            "retinanet_giou": dict(seeds=S(0, 4), bad={3: "cancelled"}, m={"box_ap": (36.87, 0.11), "ap50": (55.70, 0.16), "ap75": (39.58, 0.15)})},
      hyp="Replacing the smooth-L1 box loss with GIoU loss raises COCO val2017 box AP of RetinaNet-R50-FPN (1x schedule).",
      check=lambda c: c["retinanet_giou"]["p"] < 0.05),
 dict(id="r22", slug="lunarlander_a2c_ppo", fmt="csv", primary="eval_return", hib=True, baseline="a2c",
      metrics={"eval_return": (1, True)}, test="welch_t", correction="none",
      arms={"a2c": dict(seeds=S(0, 8), m={"eval_return": (172.0, 38.0)}),
            "ppo": dict(seeds=S(0, 8), m={"eval_return": (221.0, 30.0)})},
      hyp="PPO reaches a higher LunarLander-v2 evaluation return than A2C after 1M environment steps.",
      check=lambda c: c["ppo"]["p"] < 0.05 and c["_v"]["ppo"]["eval_return"].max() > c["_d"]["ppo"]["mean"] + 35),
 dict(id="r23", slug="flores_bpe_dropout", fmt="jsonl", primary="chrf", hib=True, baseline="transformer_base",
      metrics={"chrf": (2, True), "bleu": (2, True)}, test="welch_t", correction="none",
      arms={"transformer_base": dict(seeds=S(1, 6), m={"chrf": (44.12, 0.28), "bleu": (17.35, 0.25)}),
            "bpe_dropout": dict(seeds=S(1, 6), m={"chrf": (45.03, 0.31), "bleu": (18.02, 0.27)})},
      hyp="BPE-dropout (p=0.1) raises FLORES-200 devtest chrF for Nepali-English over deterministic BPE.",
      check=lambda c: c["bpe_dropout"]["p"] < 0.01),
 dict(id="r24", slug="voxceleb_aam_margin", fmt="csv", primary="eer", hib=False, baseline="aam_m0.2",
      metrics={"eer": (3, False), "min_dcf": (4, False)}, test="mann_whitney", correction="none",
      arms={"aam_m0.2": dict(seeds=S(0, 5), m={"eer": (1.142, 0.035), "min_dcf": (0.1321, 0.0040)}),
            "aam_m0.3": dict(seeds=S(0, 6), bad={5: "crashed"}, m={"eer": (1.071, 0.030), "min_dcf": (0.1268, 0.0038)})},
      hyp="An AAM-softmax margin of 0.3 lowers the VoxCeleb1-O EER of ECAPA-TDNN compared with a margin of 0.2.",
      check=lambda c: c["aam_m0.3"]["p"] < 0.05),
 dict(id="r25", slug="m4_hourly_forecasting", fmt="csv", primary="mase", hib=False, baseline="deepar",
      metrics={"mase": (3, False), "smape": (2, False)}, test="welch_t", correction="holm",
      arms={"deepar": dict(seeds=S(0, 5), m={"mase": (0.912, 0.040), "smape": (13.10, 0.40)}),
            "nbeats": dict(seeds=S(0, 5), m={"mase": (0.861, 0.045), "smape": (12.71, 0.42)}),
            "patchtst": dict(seeds=S(0, 5), m={"mase": (0.902, 0.050), "smape": (13.02, 0.45)})},
      hyp="N-BEATS or PatchTST reaches a lower MASE than DeepAR on the M4 hourly subset.",
      check=lambda c: c["nbeats"]["diff"] < -0.03 and 0.08 < c["nbeats"]["p_adj"] < 0.3 and c["nbeats"]["p"] > 0.05),
 dict(id="r26", slug="cifar100_noisy_labels", fmt="csv", primary="test_acc", hib=True, baseline="ce",
      metrics={"test_acc": (4, True), "test_loss": (4, False)}, test="welch_t", correction="none",
      arms={"ce": dict(seeds=S(0, 5), m={"test_acc": (0.5921, 0.0060), "test_loss": (1.712, 0.020)}),
            "gce": dict(seeds=S(0, 5), bad={4: "crashed"}, m={"test_acc": (0.6347, 0.0055), "test_loss": (1.524, 0.020)})},
      hyp="Generalized cross-entropy (q=0.7) raises CIFAR-100 test accuracy under 40% symmetric label noise over standard cross-entropy.",
      check=lambda c: c["gce"]["p"] < 0.001),
 dict(id="r27", slug="squad_encoders", fmt="csv", primary="f1", hib=True, baseline="bert_base",
      metrics={"f1": (2, True), "exact_match": (2, True)}, test="welch_t", correction="holm",
      arms={"bert_base": dict(seeds=S(0, 5), m={"f1": (88.46, 0.21), "exact_match": (81.02, 0.30)}),
            "roberta_base": dict(seeds=S(0, 5), m={"f1": (91.88, 0.18), "exact_match": (85.41, 0.26)}),
            "deberta_v3_base": dict(seeds=S(0, 5), bad={1: "failed"}, m={"f1": (93.61, 0.17), "exact_match": (87.63, 0.25)})},
      hyp="RoBERTa-base and DeBERTa-v3-base each reach a higher SQuAD v1.1 dev F1 than BERT-base.",
      check=lambda c: True),
 dict(id="r28", slug="credit_default_xgb", fmt="csv", primary="auc", hib=True, baseline="logreg",
      metrics={"auc": (4, True), "brier": (4, False)}, test="welch_t", correction="none",
      arms={"logreg": dict(seeds=S(0, 6), m={"auc": (0.7712, 0.0030), "brier": (0.1421, 0.0012)}),
            "xgboost": dict(seeds=S(0, 6), bad={5: "crashed"}, m={"auc": (0.7843, 0.0032), "brier": (0.1362, 0.0011)})},
      hyp="XGBoost reaches a higher test AUC than logistic regression on the Taiwan credit-card default data.",
      check=lambda c: c["xgboost"]["p"] < 0.001),
 dict(id="r29", slug="higgs_tabnet", fmt="jsonl", primary="auc", hib=True, baseline="lightgbm",
      metrics={"auc": (4, True), "accuracy": (4, True)}, test="student_t", correction="none",
      arms={"lightgbm": dict(seeds=S(0, 6), m={"auc": (0.8412, 0.0011), "accuracy": (0.7591, 0.0012)}),
            "tabnet": dict(seeds=S(0, 6), m={"auc": (0.8375, 0.0024), "accuracy": (0.7560, 0.0020)})},
      hyp="TabNet reaches at least the test AUC of LightGBM on HIGGS (1M-row subsample).",
      check=lambda c: c["tabnet"]["p"] < 0.05),
]


def draw(case, gseed):
    rng = np.random.default_rng(gseed)
    rows = []
    for arm, a in case["arms"].items():
        for s in a["seeds"]:
            st = a.get("bad", {}).get(s, "completed")
            row = {"method": arm, "seed": s, "status": st}
            for m, (dec, _) in case["metrics"].items():
                mu, sd = a["m"][m]
                row[m] = round(float(rng.normal(mu, sd)), dec) if st == "completed" else None
            for k, v in a.get("const", {}).items():
                row[k] = v
            rows.append(row)
    return rows


def analyse(case, rows):
    prim, base, hib = case["primary"], case["baseline"], case["hib"]
    vals = {a: {m: np.array([r[m] for r in rows if r["method"] == a and r["status"] == "completed"], float)
                for m in case["metrics"]} for a in case["arms"]}
    desc = {a: describe(vals[a][prim]) for a in case["arms"]}
    comps = {}
    others = [a for a in case["arms"] if a != base and len(vals[a][prim]) > 1]
    for a in others:
        comps[a] = compare(vals[a][prim], vals[base][prim], hib)
        comps[a]["p"] = {"welch_t": comps[a]["welch_p"], "student_t": comps[a]["student_p"], "mann_whitney": comps[a]["mw_p"]}[case["test"]]
    if others:
        adj = holm([comps[a]["p"] for a in others]) if case["correction"] == "holm" else [comps[a]["p"] for a in others]
        for a, p in zip(others, adj):
            comps[a]["p_adj"] = p
    comps["_v"], comps["_d"] = vals, desc
    return comps


def write(case, rows):
    cols = ["method", "seed", "status"] + list(case["metrics"]) + list(
        dict.fromkeys(k for a in case["arms"].values() for k in a.get("const", {})))
    name = f"{case['id']}_{case['slug']}"
    path = DATA / f"{name}.{case['fmt']}"
    if case["fmt"] == "csv":
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for r in rows:
                w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    else:
        with open(path, "w") as f:
            for r in rows:
                f.write(json.dumps({c: r.get(c) for c in cols}) + "\n")
    plan = dict(primary_metric=case["primary"], higher_is_better=case["hib"], baseline=case["baseline"],
                metrics=[m for m in case["metrics"] if m != case["primary"]], test=case["test"], alpha=0.05,
                correction=case["correction"], min_seeds=3, hypothesis=case["hyp"],
                registered=dict(hypothesis=case["hyp"], primary_metric=case["primary"], higher_is_better=case["hib"],
                                metrics=[m for m in case["metrics"] if m != case["primary"]], test=case["test"],
                                alpha=0.05, correction=case["correction"], min_seeds=3,
                                where=case.get("where", "lab registry, before the first run")))
    (DATA / f"{name}.plan.json").write_text(json.dumps(plan, indent=2) + "\n")
    return path


def load(path):
    if path.suffix == ".csv":
        out = []
        for r in csv.DictReader(open(path)):
            d = {"method": r["method"], "seed": int(r["seed"]), "status": r["status"]}
            for k, v in r.items():
                if k not in d:
                    d[k] = float(v) if v != "" else None
            out.append(d)
        return out
    return [json.loads(l) for l in open(path)]


def fmt(x, d=4):
    return f"{x:.{d}f}"


def dump(case, path):
    rows = load(path)
    lines = [f"### {case['id']} {case['slug']}  primary={case['primary']} hib={case['hib']} base={case['baseline']} "
             f"test={case['test']} corr={case['correction']}"]
    for r in rows:
        lines.append("  " + " ".join(f"{k}={v}" for k, v in r.items()))
    for m in case["metrics"]:
        sub = dict(case, primary=m, hib=case["metrics"][m][1])
        c = analyse(sub, rows)
        lines.append(f" metric {m}:")
        for a, d in c["_d"].items():
            lines.append(f"   {a:20s} n={d['n']} mean={d['mean']:.6f} std={d['std']:.6f} sem={d['sem']:.6f} "
                         f"ci=[{d['ci'][0]:.6f}, {d['ci'][1]:.6f}] min={d['min']} max={d['max']} median={d['median']}")
        for a, k in c.items():
            if a.startswith("_"):
                continue
            lines.append(f"   {a} vs base: diff={k['diff']:.6f} welch_t={k['welch_t']:.4f} df={k['welch_df']:.3f} "
                         f"welch_p={k['welch_p']:.6f} student_p={k['student_p']:.6f} U={k['mw_u']} mw_p={k['mw_p']:.6f} "
                         f"p({case['test']})={k['p']:.6f} p_adj={k['p_adj']:.6f} "
                         f"diffCI_welch=[{k['diff_ci_welch'][0]:.6f}, {k['diff_ci_welch'][1]:.6f}] "
                         f"diffCI_boot=[{k['diff_ci_boot'][0]:.6f}, {k['diff_ci_boot'][1]:.6f}] g={k['hedges_g']:.4f}")
    return "\n".join(lines)


if __name__ == "__main__":
    allout = []
    for case in CASES:
        for g in range(20000):
            rows = draw(case, g)
            if case["check"](analyse(case, rows)):
                break
        else:
            raise SystemExit(f"no draw for {case['id']}")
        case["gseed"] = g
        path = write(case, rows)
        allout.append(dump(case, path) + f"\n  (generator seed {g})")
    (Path(__file__).parent / "stats_dump.txt").write_text("\n\n".join(allout) + "\n")
    print("\n\n".join(allout))
