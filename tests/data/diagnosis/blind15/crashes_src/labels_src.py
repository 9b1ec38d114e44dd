L = {}
def lab(name, expected, decidable, rationale, thread, run_settings=None, ambiguity=None):
    L[name] = dict(expected=expected, decidable=decidable, rationale=rationale, thread_diagnosis=thread,
                   run_settings=run_settings, ambiguity=ambiguity)

lab("crashes_polyffusion_worker_killed_step1034", "dataloader_worker_crash", True,
 "Training runs 51 minutes (Epoch 0: 29% 1034/3597) and then the main process stops in torch/utils/data/_utils/signal_handling.py _error_if_any_worker_fails() with 'RuntimeError: DataLoader worker (pid 2978) is killed by' (the signal name is cut off by the excerpt): a DataLoader worker died under the training loop; no CUDA or Python error of the model's own.",
 "Closed; the stored excerpt holds only the report (poster: it always happens at step 1034, several times) and no answer naming the cause.")
lab("crashes_graphvqa_worker_killed_epoch199", "dataloader_worker_crash", True,
 "Epoch [199][3700/4715] trains normally (Loss 1.30e-02 (1.34e-02), Acc@Short 99.50) and then _try_get_data -> _error_if_any_worker_fails raises 'RuntimeError: DataLoader worker (pid 24878) is killed by signal: Killed.': a loader worker was SIGKILLed (usually the host OOM killer taking a worker) late in a long run. The Acc@Program 0.00 columns are the thread's other question ('The result is 0.0?') and not the failure.",
 "The stored excerpt has the commenter's paste and no answer to it; the thread itself is about the Acc@Program metric reading 0.0.")
lab("crashes_caffe_segnet_illegal_access_iter150k", "process_crash", True,
 "Caffe SegNet runs to 'Iteration 150000, lr = 0.01' and then 'F0524 ... math_functions.cu:81] Check failed: error == cudaSuccess (77 vs. 0)  an illegal memory access was encountered' followed by '*** Check failure stack trace: ***' (glog fatal -> abort) in caffe::caffe_gpu_memcpy from ConvolutionLayer::Forward_gpu: a native CUDA fault that kills the process, not an out-of-memory message, not a Python error.",
 "Open; no answer in the stored excerpt. The poster reports it always comes after about 150K iterations, a smaller batch did not help, and memory use was not near the limit.")
lab("crashes_msswift_qwen7b_sighup_step2905", "preempted_or_node_failure", True,
 "LoRA DDP fine-tune of Qwen-7B trains normally (loss 2.011 at step 2900, epoch 1.85, 2.7 s/it) and at step 2905/25120 torchelastic logs 'Received 1 death signal, shutting down workers' and 'Sending process 2919043..2919046 closing signal SIGHUP': signal 1 (hang-up) came from outside, typically the launching terminal/session closing; no training error precedes it.",
 "Closed; the stored excerpt holds only the report (poster asks why it stops after more than one epoch); no answer in it.")
lab("crashes_llamafactory_qwen3vl_sighup_epoch23", "preempted_or_node_failure", True,
 "8-GPU LoRA SFT of qwen3-vl-32b trains normally for 7 hours (loss 0.0588 -> 0.0554 -> 0.0605, grad_norm 0.61-0.66, step 1663/2840, epoch 23.42) and then the torchelastic agent logs 'api.py:723] Received 1 death signal, shutting down workers': the launcher got SIGHUP from outside (the run was started with nohup ... &, and its session went away); nothing in training failed.",
 "Open, labelled bug/pending; the stored excerpt holds the report only (title: training normally, suddenly 'raise SignalException(... got signal ...)').",
 run_settings="launched with nohup ... > log 2>&1 & (poster's command); 8x A100, LoRA SFT")
lab("crashes_fairseq_oom_epoch2_recover_fails", "out_of_memory", True,
 "'fairseq.trainer | OOM: Ran out of memory with exception: CUDA out of memory. Tried to allocate 28.00 MiB (GPU 1; 10.92 GiB total capacity; 10.13 GiB already allocated; 13.38 MiB free; 10.33 GiB reserved in total by PyTorch)' then 'attempting to recover from OOM in forward/backward pass' and the spawn traceback: the recovery did not save the multi-process run. The poster says it happens mid epoch 2 (4517/21194), i.e. a longer batch than any before.",
 "Closed (labels: needs triage, question); the stored excerpt holds the report only. A later thread (fairseq #3885) cites it for the workaround --ddp-backend=no_c10d and a lower update_freq, i.e. smaller per-step memory.")
lab("crashes_fairseq_multigpu_oom_skip_batch_dies", "out_of_memory", True,
 "'WARNING: ran out of memory with exception: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 7.93 GiB total capacity; 7.20 GiB already allocated; 17.56 MiB free; 46.25 MiB cached); Skipping batch' and then '-- Process 3 terminated with the following error:' inside distributed_utils.py (all_gather): the skipped batch leaves the ranks out of step, so the OOM on one GPU kills the multi-GPU run.",
 "The poster traced it to fairseq's OOM handler never being entered (self._oom_batch is None), so skipping the batch on one rank breaks the distributed step; no maintainer fix in the stored excerpt. The poster's workaround idea was a smaller batch (they did not want to use only 40% of the GPU).")
lab("crashes_stoke_ddp_sigkill_exitcode9", "out_of_memory", False,
 "'Signal 9 (SIGKILL) received by PID 10398' and 'failed (exitcode: -9) local_rank: 0 (pid: 10398)' with the other rank sent SIGTERM by the launcher, no Python error from the worker and (title) in the middle of training: a worker killed with SIGKILL and no traceback of its own is the host OOM killer's signature.",
 "Closed; the stored excerpt holds only the report; no cause named in it.",
 ambiguity="a bare SIGKILL mid-run is most often the kernel OOM killer (out_of_memory), but the same lines come from a scheduler or an operator killing the job (preempted_or_node_failure); the log does not name memory")
lab("crashes_tokenlearner_input_cuda_weight_cpu", "dtype_or_device_mismatch", True,
 "'RuntimeError: Input type (torch.cuda.FloatTensor) and weight type (torch.FloatTensor) should be the same': the input is on the GPU and a layer's weights are still on the CPU.",
 "A commenter's fix: the SpatialAttention tokenizers were kept in a plain Python list, so model.cuda() never moved them; wrapping them in nn.ModuleList fixes it (the closed thread's only answer).")
lab("crashes_vits_finetune_errno28_at_spawn", "disk_full", True,
 "At start-up joblib warns '[Errno 28] No space left on device.  joblib will operate in serial mode' and then mp.spawn fails creating its SimpleQueue lock (multiprocessing/queues.py ctx.Lock()): the semaphore cannot be created because the space it lives in (/dev/shm inside this root@3a5036f18e77 container) is full, though the poster says the disk has room.",
 "Closed; no answer in the stored excerpt. The poster: the error always comes although there is enough space (a container's small /dev/shm is the usual cause of ENOSPC from a multiprocessing lock).")

# ---------------------------------------------------------------- healthy
lab("crashes_startup_loader_del_assertion_healthy", "healthy", True,
 "'Exception ignored in: <function _MultiProcessingDataLoaderIter.__del__ ...>' / 'AssertionError: can only test a child process' is a message printed while an old DataLoader iterator's workers are torn down; Python ignores it, and the progress bar goes on to 999/1000 [6:35:47<00:21]: the run did not stop.",
 "The maintainer: if the model is checkpointed at the last iterations, it is fine; pointed to the known DataLoader/tqdm teardown discussion (discuss.pytorch.org). The poster's reply is cut off in the stored excerpt.")
lab("crashes_vits_colab_worker_warning_reducer_healthy", "healthy", True,
 "Colab VITS fine-tune: the UserWarning 'This DataLoader will create 8 worker processes ... suggested max ... is 2', the INFO 'Reducer buckets have been rebuilt in this iteration' and the lr_scheduler-before-optimizer UserWarning are all benign; checkpoints G_0.pth/D_0.pth are saved, epoch 1 completes (100% 6/6 [01:15<00:00]) and '====> Epoch: 1' is logged; no error.",
 "The thread asks whether training progress was saved (Colab/Drive paths); the stored excerpt (turn 4) holds no answer and no error.")
lab("crashes_paddledet_train_end_eval_healthy", "healthy", True,
 "End of a PaddleDetection run: 'Save model to output/huaxue_1/model_final.', test over 443 images at 49 fps, COCO bbox AP@[.5:.95] 0.712, AP50 0.934, AP75 0.827, AR@1 0.660: the training finished and the model was saved and evaluated; the core dump at process exit that the title reports is not in the stored text, and it would come after the work was done.",
 "Closed; the stored excerpt holds the report only (a core dump when the finished run exits, paddlepaddle-gpu 1.8.2).")

# ---------------------------------------------------------------- second round
lab("crashes_rvc_gloo_reset_by_peer_after_stall", "distributed_timeout", True,
 "Multi-GPU RVC training (gloo backend): 200 steps took about 2 minutes (04:59:03 step 58400 -> 05:01:07 step 58600 -> 05:03:10 step 58800), then 2 hours (07:05:01 step 59000), and the run died with 'RuntimeError: [../third_party/gloo/gloo/transport/tcp/pair.cc:589] Read error [192.168.70.92]:25266: Connection reset by peer': a peer process stalled and dropped its connection in the middle of a collective - the distributed communication failure, not the loss (31-36, finite).",
 "Closed as stale; no answer in the stored excerpt (the commenter: normally 200 steps take 2 minutes, before the error they took 2 hours; another user saw it on a cloud machine).")
lab("crashes_openrlhf_gloo_closed_after_epoch", "distributed_timeout", True,
 "OpenRLHF PPO on Ray completes 'Train epoch [1/1]: 100% 2048/2048 [1:48:48]' and the driver's ray.get(refs) then fails with 'RuntimeError: [../third_party/gloo/gloo/transport/tcp/pair.cc:534] Connection closed by peer [127.0.0.1]:38032': a gloo peer (another Ray actor) went away during a collective at the end of the epoch; the training steps themselves were fine (kl=0, finite pg/rm).",
 "Open; no answer in the stored excerpt. The poster notes two of the eight GPUs were busy with other work and only six were visible.",
 ambiguity="the log shows a gloo connection closed by a peer after the last step; whether the peer died of its own error (then the first error is on another actor, e.g. an OOM or a crash during the final save) or the collective broke is not visible; process_crash/out_of_memory on the peer are the alternatives")
lab("crashes_lightning_wandb_500_errors_healthy", "healthy", True,
 "Training goes on between the W&B errors: Epoch 0 steps 44 -> 60 -> 83 of 4943 at 3.8-4.3 it/s with loss 7.11 -> 6.37 -> 6.26; 'wandb: ERROR Error while calling W&B API: internal database error (<Response [500]>)' is the logger failing to sync to the W&B server, which does not touch the run.",
 "wandb staff answered (the reply is cut off in the stored excerpt); the issue is the W&B server returning 500 so the logs stop syncing, while the Lightning run itself keeps training.")
