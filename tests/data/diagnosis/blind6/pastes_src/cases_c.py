from cases_a import add

add(name="paste_diffsynth_nccl_coalesced_timeout",
    url="https://github.com/modelscope/DiffSynth-Studio/issues/458",
    framework="pytorch DDP / NCCL (DiffSynth-Studio, ModelParallelStrategy)", expected="distributed_timeout", healthy=False,
    log="""[rank4]:[E318 07:39:53.792630246 ProcessGroupNCCL.cpp:616] [Rank 4] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=610, OpType=COALESCED, NumelIn=56320, NumelOut=450560, Timeout(ms)=600000) ran for 600086 milliseconds before timing out.
[rank4]:[E318 07:39:53.792772442 ProcessGroupNCCL.cpp:1785] [PG ID 2 PG GUID 9 Rank 4] Exception (either an error or timeout) detected by watchdog at work: 610, last enqueued NCCL work: 616, last completed NCCL work: 609.
[rank4]:[E318 07:39:53.792780659 ProcessGroupNCCL.cpp:1834] [PG ID 2 PG GUID 9 Rank 4] Timeout at NCCL work: 610, last enqueued NCCL work: 616, last completed NCCL work: 609.
[rank4]:[E318 07:39:53.792790830 ProcessGroupNCCL.cpp:630] [Rank 4] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.
[rank4]:[E318 07:39:53.792795153 ProcessGroupNCCL.cpp:636] [Rank 4] To avoid data inconsistency, we are taking the entire process down.
[rank6]:[E318 07:39:53.793305338 ProcessGroupNCCL.cpp:616] [Rank 6] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=610, OpType=COALESCED, NumelIn=76800, NumelOut=614400, Timeout(ms)=600000) ran for 600087 milliseconds before timing out.
[rank6]:[E318 07:39:53.793572764 ProcessGroupNCCL.cpp:1785] [PG ID 2 PG GUID 9 Rank 6] Exception (either an""",
    trimmed="the stored excerpt starts inside the paste (title: 'ModelParallelStrategy error NCCL') and ends inside a rank-6 line",
    rationale="ranks 4 and 6: 'Watchdog caught collective operation timeout: WorkNCCL(SeqNum=610, OpType=COALESCED, ..., Timeout(ms)=600000) ran for 600086 milliseconds before timing out', 'we are taking the entire process down'",
    thread_diagnosis="closed; no diagnosis in the stored excerpt")

add(name="paste_llmtraining_slurm_nccl_allreduce_timeout",
    url="https://github.com/ShinoharaHare/LLM-Training/issues/7",
    framework="pytorch / Lightning on Slurm (LLM-Training)", expected="distributed_timeout", healthy=False,
    log="""frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout(std::optional<std::chrono::duration<long, std::ratio<1l, 1000l> > >) + 0x1d2 (0x2b9d2f40c8e2 in /home/u6619332/miniconda3/envs/llm-training/lib/python3.10/site-packages/torch/lib/libtorch_cuda.so)
frame #2: c10d::ProcessGroupNCCL::watchdogHandler() + 0x1a0 (0x2b9d2f411700 in /home/u6619332/miniconda3/envs/llm-training/lib/python3.10/site-packages/torch/lib/libtorch_cuda.so)
frame #3: c10d::ProcessGroupNCCL::ncclCommWatchdog() + 0x10c (0x2b9d2f412a4c in /home/u6619332/miniconda3/envs/llm-training/lib/python3.10/site-packages/torch/lib/libtorch_cuda.so)
frame #4: <unknown function> + 0xdbbf4 (0x2b9d20521bf4 in /home/u6619332/miniconda3/envs/llm-training/lib/python3.10/site-packages/torch/lib/../../../.././libstdc++.so.6)
frame #5: <unknown function> + 0x7ea5 (0x2b9d107f7ea5 in /lib64/libpthread.so.0)
frame #6: clone + 0x6d (0x2b9d112138dd in /lib64/libc.so.6)

[rank2]:[E ProcessGroupNCCL.cpp:563] [Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=7487, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=1800000) ran for 1800096 milliseconds before timing out.
[rank2]:[E ProcessGroupNCCL.cpp:1537] [PG 0 Rank 2] Timeout at NCCL work: 7487, last enqueued NCCL work: 7487, last completed NCCL work: 7486.
[rank2]:[E ProcessGroupNCCL.cpp:577] [Rank 2] Some NCCL operations have failed or timed ou""",
    trimmed="the stored excerpt starts inside the paste (title: '[Slurm] stuck halfway through and resources not released') and ends inside the rank-2 line",
    rationale="'[Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=7487, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=1800000) ran for 1800096 milliseconds': a one-element all-reduce (a metric/flag sync) that one rank never joined; the job hung for the 30-minute timeout",
    thread_diagnosis="closed; no diagnosis in the stored excerpt")

add(name="paste_unet_nclasses_spatial_nll_assert",
    url="https://github.com/milesial/Pytorch-UNet/issues/258",
    framework="pytorch (Pytorch-UNet)", expected="device_side_assert", healthy=False,
    log="""RuntimeError: CUDA error: device-side assert triggered

/pytorch/aten/src/THCUNN/SpatialClassNLLCriterion.cu:106: cunn_SpatialClassNLLCriterion_updateOutput_kernel: block: [0,0,0], thread: [725,0,0] Assertion `t >= 0 && t < n_classes` failed
""",
    trimmed="the poster's first sentence ('when I have 3 classes, the net pred maximum label = tensor(3.0743, ...)')",
    rationale="'SpatialClassNLLCriterion ... Assertion `t >= 0 && t < n_classes` failed' then 'CUDA error: device-side assert triggered': a mask label at or beyond the number of output classes",
    thread_diagnosis="maintainer: with 3 classes set n_classes to 3 (or 4 if background is included); later users: fixed by adding one to --classes (settled)")

add(name="paste_prompt_textcls_nll_assert_after_batches",
    url="https://github.com/taishan1994/prompt_text_classification/issues/3",
    framework="pytorch (prompt text classification)", expected="device_side_assert", healthy=False,
    log="""只修改了数据部分，其他代码保持不变，跑了两三个batch之后报错Assertion `t >= 0 && t < n_classes` failed.RuntimeError: CUDA error: device-side assert triggered。网上搜了之后也不知道怎么解决，求大佬赐教/(ㄒoㄒ)/~~
""",
    trimmed="nothing; the poster's message is the log (in Chinese: only the data was changed, after two or three batches the error appeared)",
    rationale="'Assertion `t >= 0 && t < n_classes` failed.RuntimeError: CUDA error: device-side assert triggered' after two or three batches, with only the data changed: a label outside the classes the model outputs",
    thread_diagnosis="open; no answer in the stored excerpt")

add(name="paste_etra_missing_utils_module",
    url="https://github.com/aeye-lab/etra-reading-comprehension/issues/15",
    framework="tensorflow/keras (research repo)", expected="missing_file_or_module", healthy=False,
    argv=["python", "nn/train_model.py"],
    log="""Traceback (most recent call last):
  File "/local/home/work/izaskr/etra-reading-comprehension/nn/model.py", line 28, in <module>
    from utils import feature_extraction as feature_extraction
ModuleNotFoundError: No module named 'utils'
""",
    trimmed="the poster's sentence before the traceback ('When I run the command for training your model `python nn/train_model.py`, I get the following error:'); the command is in argv",
    rationale="'ModuleNotFoundError: No module named 'utils'' at import time, before any training: the script run from the repository root cannot import a sibling package",
    thread_diagnosis="maintainer fixed the import in #16 (settled)")

add(name="paste_dbloss_missing_coco_annotations",
    url="https://github.com/wutong16/DistributionBalancedLoss/issues/16",
    framework="pytorch (mmdet-style, DistributionBalancedLoss)", expected="missing_file_or_module", healthy=False,
    log="""Traceback (most recent call last):
  File "tools/train.py", line 108, in <module>
    main()
  File "tools/train.py", line 85, in main
    train_dataset = build_dataset(cfg.data.train)
  File "/root/autodl-tmp/DB_loss/DistributionBalancedLoss/mllt/datasets/builder.py", line 36, in build_dataset
    dataset = build_from_cfg(cfg, DATASETS)
  File "/root/autodl-tmp/DB_loss/DistributionBalancedLoss/mllt/utils/registry.py", line 74, in build_from_cfg
    return obj_type(**args)
  File "/root/autodl-tmp/DB_loss/DistributionBalancedLoss/mllt/datasets/coco.py", line 27, in __init__
    super(CocoDataset, self).__init__(**kwargs)
  File "/root/autodl-tmp/DB_loss/DistributionBalancedLoss/mllt/datasets/custom.py", line 59, in __init__
    self.img_infos = self.load_annotations(ann_file, LT_ann_file)
  File "/root/autodl-tmp/DB_loss/DistributionBalancedLoss/mllt/datasets/coco.py", line 32, in load_annotations
    self.coco = COCO(ann_file)
  File "/root/miniconda3/envs/blast/lib/python3.7/site-packages/pycocotools-2.0-py3.7-linux-x86_64.egg/pycocotools/coco.py", line 84, in __init__
    dataset = json.load(open(annotation_file, 'r'))
FileNotFoundError: [Errno 2] No such file or directory: '/mnt/SSD/det/coco/annotations/instances_train2017.json'
""",
    trimmed="the poster's sentence after the traceback ('When I run python tools/train.py ...', cut off in the stored excerpt)",
    rationale="building the training dataset: 'FileNotFoundError: [Errno 2] No such file or directory: '/mnt/SSD/det/coco/annotations/instances_train2017.json'': the config points at the authors' absolute data path",
    thread_diagnosis="open; no answer in the stored excerpt")

add(name="paste_llamafactory_safetensors_storage_full",
    url="https://github.com/hiyouga/LlamaFactory/issues/5155",
    framework="transformers / LLaMA-Factory (LoRA SFT, DeepSpeed installed)", expected="disk_full", healthy=False,
    argv=["llamafactory-cli", "train", "--stage", "sft", "--do_train", "True", "--model_name_or_path", "qwen2-7b", "--preprocessing_num_workers", "16", "--finetuning_type", "lora", "--template", "default", "--flash_attn", "auto", "--dataset_dir", "LLaMA-Factory/data", "--dataset", "wenyanwen", "--cutoff_len", "1024", "--learning_rate", "5e-05", "--num_train_epochs", "3.0", "--max_samples", "100000", "--per_device_train_batch_size", "2", "--gradient_accumulation_steps", "8", "--lr_scheduler_type", "cosine", "--max_grad_norm", "1.0", "--logging_steps", "5", "--save_steps", "100", "--warmup_steps", "0", "--optim", "adamw_torch", "--packing", "False", "--report_to", "none", "--output_dir", "saves/Qwen2-7B/lora/train_2024-08-12-02-51-43", "--bf16", "True", "--plot_loss", "True", "--ddp_timeout", "180000000", "--include_num_input_tokens_seen", "True", "--lora_rank", "8", "--lora_alpha", "16", "--lora_dropout", "0", "--lora_target", "all"],
    log="""safetensors_rust.SafetensorError: Error while serializing: IoError(Os { code: 28, kind: StorageFull, message: "No space left on device" })
""",
    trimmed="the error line is the issue title (the stored excerpt of the body shows the environment, the command, kept in argv, and a screenshot link, with no pasted text output); the environment block (torch 2.4.0, transformers 4.43.4, deepspeed 0.14.4) and the Chinese note that saving also fails on two 4090s",
    rationale="saving a checkpoint (save_steps 100): 'SafetensorError: Error while serializing: IoError(Os { code: 28, kind: StorageFull, message: \"No space left on device\" })'",
    thread_diagnosis="labelled solved in the tracker; no answer text in the stored excerpt (the error itself names the cause: no space left while serializing the checkpoint)",
    run_settings="--max_grad_norm 1.0 (clips gradients), --bf16 True, --save_steps 100")

add(name="paste_mmdet_disk_quota_saving_checkpoint",
    url="https://github.com/open-mmlab/mmdetection/issues/12069",
    framework="mmdetection 3 / mmengine (YOLOv3)", expected="disk_full", healthy=False,
    log="""12/09 06:49:23 - mmengine - INFO - Exp name: yolov3_d53_8xb8-ms-608-273e_coco_20241208_233948
12/09 06:49:23 - mmengine - INFO - Saving checkpoint at 14 epochs
Traceback (most recent call last):
  File "tools/train.py", line 122, in <module>
    main()
  File "tools/train.py", line 118, in main
    runner.train()
  File "/mnt/wzh/miniconda3/envs/openmmlab/lib/python3.8/site-packages/mmengine/runner/runner.py", line 1777, in train
    model = self.train_loop.run()  # type: ignore
  File "/mnt/wzh/miniconda3/envs/openmmlab/lib/python3.8/site-packages/mmengine/runner/loops.py", line 98, in run
    self.run_epoch()
  File "/mnt/wzh/miniconda3/envs/openmmlab/lib/python3.8/site-packages/mmengine/runner/loops.py", line 117, in run_epoch
    self.runner.call_hook('after_train_epoch')
  File "/mnt/wzh/miniconda3/envs/openmmlab/lib/python3.8/site-packages/mmengine/runner/runner.py", line 1839, in call_hook
    getattr(hook, fn_name)(self, **kwargs)
  File "/mnt/wzh/miniconda3/envs/openmmlab/lib/python3.8/site-packages/mmengine/hooks/checkpoint_hook.py", line 345, in after_train_epoch
    self._save_checkpoint(runner)
  File "/mnt/wzh/miniconda3/envs/openmmlab/lib/python3.8/site-packages/mmengine/hooks/checkpoint_hook.py", line 476, in
OSError: [Errno 122] Disk quota exceeded
""",
    trimmed="the stored excerpt ends inside the traceback (at checkpoint_hook.py line 476); the last line 'OSError: [Errno 122] Disk quota exceeded' is appended from the issue title ('When saving a checkpoint during model training, an OSError: [Errno 122] Disk quota exceeded message appears, but there is still space left in the save directory.')",
    rationale="'Saving checkpoint at 14 epochs' then the CheckpointHook's _save_checkpoint raises 'OSError: [Errno 122] Disk quota exceeded': the user's storage quota is full even though the volume itself has space",
    thread_diagnosis="open; no answer in the stored excerpt")

add(name="paste_pvt_apex_loss_scale_0_03125",
    url="https://github.com/whai362/PVT/issues/94",
    framework="pytorch + apex amp (PVT)", expected="amp_loss_scale_collapse", healthy=False,
    log="""Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.03125, 
""",
    trimmed="the poster's question after the message ('I use 4 gpus, but where could I change the batch size?'); the message is also the issue title",
    rationale="apex's dynamic loss scale has been halved from its start (2**16 by default) all the way to 0.03125, far below 1, with the step skipped again: overflow after overflow in float16, so the scale collapses and steps are skipped",
    thread_diagnosis="open; no answer in the stored excerpt")
