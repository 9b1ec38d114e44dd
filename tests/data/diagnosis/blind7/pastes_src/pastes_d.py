CASES = [
dict(
name="paste_crystal_llm_13b_grad_norm_100x_loss_rises",
url="https://github.com/facebookresearch/crystal-text-llm/issues/6",
framework="transformers Trainer (13B LLaMA fine-tune)",
expected="exploding_gradients",
rationale="learning_rate ~5e-4 held flat: grad_norm 0.2445 at epoch 0.0 and 0.2710 at 0.11 grows to 17.22, 21.81 and 23.02 by epoch 0.17-0.18 (~90x), while the loss turns from its low of 0.4827 back up to 1.0354 and 0.8874; the poster reports it then rose to ~6 (above the 1.3587 start) and the grad norm went to zero",
thread_diagnosis="none in the stored excerpt (open, no answer)",
trimmed="the poster's introduction ('Tried training a 13B model and the loss decreased from ~1.3 to around 0.5 before increasing to ~6 ...') and everything after the last line (cut by the excerpt); the '...' lines are the poster's own",
log=r"""
{'loss': 1.3587, 'grad_norm': 0.24448351562023163, 'learning_rate': 5e-05, 'epoch': 0.0}
...
{'loss': 0.4827, 'grad_norm': 0.27102014422416687, 'learning_rate': 0.0004999954015022048, 'epoch': 0.11}
...
{'loss': 0.5813, 'grad_norm': 1.3563207387924194, 'learning_rate': 0.0004999867104183737, 'epoch': 0.17}
{'loss': 0.7004, 'grad_norm': 1.2771899700164795, 'learning_rate': 0.0004999863166778732, 'epoch': 0.17}
{'loss': 0.6607, 'grad_norm': 17.22315788269043, 'learning_rate': 0.0004999859171895474, 'epoch': 0.17}
{'loss': 1.0354, 'grad_norm': 7.1172919273376465, 'learning_rate': 0.0004999855119534057, 'epoch': 0.17}
{'loss': 0.6606, 'grad_norm': 21.806798934936523, 'learning_rate': 0.0004999851009694573, 'epoch': 0.17}
{'loss': 0.6845, 'grad_norm': 23.015594482421875, 'learning_rate': 0.0004999846842377115, 'epoch': 0.18}
{'loss': 0.8643, 'grad_norm': 3.768519639968872, 'learning_rate': 0.000499984261758178, 'epoch': 0.18}
{'loss': 0.8247, 'grad_norm': 14.410096168518066, 'learning_rate': 0.0004999838335308665, 'epoch': 0.18}
""",
),
dict(
name="paste_ray_train_node_marked_dead_mid_epoch",
url="https://github.com/ray-project/ray/issues/22349",
framework="ray train (torch, 2 GCP nodes)",
expected="preempted_or_node_failure",
rationale="both workers logging loss 2.09 -> 1.81 at [6400/30000], then 'The node with node id: 8f205b... and ip: 10.128.0.103 has been marked dead because the detector has missed too many heartbeats from it' and 'The actor died unexpectedly before finishing this task ... ip: 10.128.0.103': a node of the job went away mid-training; no Python error in the training code",
thread_diagnosis="the poster terminated one of the nodes on purpose to test fault tolerance; the run did not recover (bug report about the hang)",
trimmed="the poster's sentence 'After terminating one of the nodes, The script output' and the lines after the actor-death message (cut by the excerpt)",
log=r"""
(BaseWorkerMixin pid=5172, ip=10.128.0.32) loss: 2.093296  [    0/30000]
(BaseWorkerMixin pid=5137, ip=10.128.0.103) loss: 1.876175  [ 3200/30000]
(BaseWorkerMixin pid=5172, ip=10.128.0.32) loss: 1.995140  [ 3200/30000]
(BaseWorkerMixin pid=5137, ip=10.128.0.103) loss: 2.019226  [ 6400/30000]
(BaseWorkerMixin pid=5172, ip=10.128.0.32) loss: 1.813242  [ 6400/30000]
2022-02-15 16:53:52,096	WARNING worker.py:1462 -- The node with node id: 8f205b12643d25d8c1ce57c45527a6c912f3479765096718ad2bf0d3 and ip: 10.128.0.103 has been marked dead because the detector has missed too many heartbeats from it. This can happen when a raylet crashes unexpectedly or has lagging heartbeats.
(BackendExecutor pid=5126, ip=10.128.0.32) 2022-02-15 16:53:52,097	ERROR utils.py:42 -- The actor died unexpectedly before finishing this task.
(BackendExecutor pid=5126, ip=10.128.0.32) 	class_name: BaseWorkerMixin
(BackendExecutor pid=5126, ip=10.128.0.32) 	actor_id: ad32ee6f9964d162b63e02c601000000
(BackendExecutor pid=5126, ip=10.128.0.32) 	pid: 5137
(BackendExecutor pid=5126, ip=10.128.0.32) 	namespace: eab8b056-4b60-4176-8070-5f404f6de75c
(BackendExecutor pid=5126, ip=10.128.0.32) 	ip: 10.128.0.103
""",
),
dict(
name="paste_ray_multinode_actor_node_died",
url="https://github.com/ray-project/ray/issues/43751",
framework="ray train + ray data (multi-node)",
expected="preempted_or_node_failure",
rationale="'ray.exceptions.RayActorError: The actor died unexpectedly before finishing this task. class_name: RayTrainWorker ... ip: 10.72.56.3 The actor is dead because its node has died. Node Id: 677df2a9...': a training worker's node died during multi-node training",
thread_diagnosis="labelled external-author-action-required; the title reports 'System error: Broken pipe' around the node death; no settled root cause in the stored excerpt",
trimmed="the issue text and the traceback frames before backend_executor.get_next_results and after ray_run.py main (cut by the excerpt); fence",
log=r"""
  File "/root/miniconda/envs/main-env/lib/python3.10/site-packages/ray/train/_internal/backend_executor.py", line 580, in get_next_results
    results = self.get_with_failure_handling(futures)
  File "/root/miniconda/envs/main-env/lib/python3.10/site-packages/ray/train/_internal/backend_executor.py", line 661, in get_with_failure_handling
    self._increment_failures()
  File "/root/miniconda/envs/main-env/lib/python3.10/site-packages/ray/train/_internal/backend_executor.py", line 723, in _increment_failures
    raise failure
  File "/root/miniconda/envs/main-env/lib/python3.10/site-packages/ray/train/_internal/utils.py", line 43, in check_for_failure
    ray.get(object_ref)
ray.exceptions.RayActorError: The actor died unexpectedly before finishing this task.
	class_name: RayTrainWorker
	actor_id: 4473bb2424de8ebfec88acc402000000
	pid: 6420
	namespace: c53c8492-c985-4b6e-9247-fdf5ea623abd
	ip: 10.72.56.3
The actor is dead because its node has died. Node Id: 677df2a9020c5db45e755b0078c469e2ce51e05ea093ed3b283505a0
The above exception was the direct cause of the following exception:
Traceback (most recent call last):
  File "/app/ray_run_step_2024-03-06-01-22-0466/deep-affinity/experimental/ray/ray_run.py", line 45, in <module>
""",
),
dict(
name="paste_reid_baseline_scheduler_order_warning_healthy",
url="https://github.com/michuanhaohao/reid-strong-baseline/issues/190",
framework="pytorch + ignite (reid-strong-baseline)",
expected="healthy",
rationale="the only output is torch's 'UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`' at the start of training (scheduler stepped on EPOCH_STARTED); no error, no bad metric: a harmless warning",
thread_diagnosis="maintainer: newer PyTorch versions give this warning, 'it does not influence the performance a lot'",
trimmed="the poster's sentences around the warning ('Starting training gives me the following warning', 'I have pytorch 1.3.1 installed') and the suggested code change",
log=r"""
/opt/conda/lib/python3.7/site-packages/torch/optim/lr_scheduler.py:100: UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule.See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate          "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate", UserWarning)
""",
),
dict(
name="paste_openpifpaf_finetune_scheduler_warning_healthy",
url="https://github.com/openpifpaf/openpifpaf/issues/248",
framework="pytorch (openpifpaf train, 8 GPUs)",
expected="healthy",
rationale="fine-tuning from a checkpoint with --lr=0.05 --epochs=250: the output shown is only 'UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`' from lr_scheduler.py:122; no error or metric problem",
thread_diagnosis="poster, next comment: 'Seemingly this warning dose nothing harm to training'; closed",
trimmed="the poster's text around the command and the warning; the command is kept in argv",
argv=["python3", "-m", "openpifpaf.train", "--lr=0.05", "--epochs=250", "--lr-decay", "220", "235", "--lr-decay-epochs=15", "--batch-size=8", "--square-edge=385", "--lambdas", "1", "1", "0.2", "1", "1", "1", "0.2", "0.2", "1", "1", "1", "0.2", "0.2", "--auto-tune-mtl", "--weight-decay=1e-5", "--update-batchnorm-runningstatistics", "--checkpoint", "outputs/shufflenetv2k30w-200510-104256-cif-caf-caf25-o10s-0b5ba06f.pkl", "--extended-scale", "--orientation-invariant=0.1"],
log=r"""
/usr/local/lib/python3.6/dist-packages/torch/optim/lr_scheduler.py:122: UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate
  "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate", UserWarning)
""",
),
]
