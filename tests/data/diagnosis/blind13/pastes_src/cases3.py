# Pastes cut verbatim from the search tool's issues-index excerpts (text between the poster's prose).
CASES = {}

CASES["paste_spark_resnet50_finetune_loss_blowup"] = dict(
 url="https://github.com/keyu-tian/SparK/issues/27", framework="pytorch",
 trimmed="one later comment's log paste (turn 3) only; the duplicated lines and the lone '}' line are as pasted (two processes print each epoch); the stored excerpt ends at the end of the epoch-18 line, before its closing brace",
 log="""{"cur_ep": "13/300", "train_L": 0.005946401672065258, "train_acc": 25.08125, "best_val_acc": 43.54200065135956, "rema": "22:33:55", "fini": "04-18 09:48"}
{"cur_ep": "14/300", "train_L": 0.006212903738021851, "train_acc": 19.32875, "best_val_acc": 43.54200065135956, "rema": "22:36:47", "fini": "04-18 09:56"}
{"cur_ep": "14/300", "train_L": 0.006215040449798107, "train_acc": 19.2525, "best_val_acc": 43.54200065135956, "rema": "22:36:47", "fini": "04-18 09:56"}
{"cur_ep": "15/300", "train_L": 0.006856135655939579, "train_acc": 8.3275, "best_val_acc": 43.54200065135956, "rema": "22:27:26", "fini": "04-18 09:51"}
}
{"cur_ep": "16/300", "train_L": 0.00847176744043827, "train_acc": 0.505, "best_val_acc": 43.54200065135956, "rema": "23:35:44", "fini": "04-18 11:04"}
{"cur_ep": "16/300", "train_L": 0.00849286153614521, "train_acc": 0.4875, "best_val_acc": 43.54200065135956, "rema": "23:36:30", "fini": "04-18 11:05"}
{"cur_ep": "17/300", "train_L": 0.4059472487047315, "train_acc": 0.17875, "best_val_acc": 43.54200065135956, "rema": "21:58:07", "fini": "04-18 09:31"}
{"cur_ep": "17/300", "train_L": 0.4075041047215462, "train_acc": 0.1925, "best_val_acc": 43.54200065135956, "rema": "21:58:55", "fini": "04-18 09:32"}
{"cur_ep": "18/300", "train_L": 2.594160234707594, "train_acc": 0.20125, "best_val_acc": 43.54200065135956, "rema": "21:50:27", "fini": "04-18 09:28"
""")

CASES["paste_torch_celldetection_illegal_memory_access_bs2"] = dict(
 url="https://github.com/pytorch/pytorch/issues/34220", framework="pytorch",
 trimmed="the poster's prose (batch size 1 trains normally; any batch size above 1 gives the error), the 'Process finished with exit code 1' line outside the code block and their code snippets dropped; the first line of the block is the poster's own heading",
 log="""The following is a complete error report：
Traceback (most recent call last):
  File "/home/penuoz/Celldetection/train.py", line 34, in <module>
    loss_tmp += np.array(model.get_current_losses())
  File "/home/penuoz/Celldetection/models/base_model.py", line 152, in get_current_losses
    errors_ret.append(float(getattr(self, 'loss_' + name)))  # float(...) works for both scalar tensor and float number
RuntimeError: CUDA error: an illegal memory access was encountered
""")
