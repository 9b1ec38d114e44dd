CASES = [
dict(
name="paste_t2vec_index_select_assert",
url="https://github.com/boathit/t2vec/issues/28",
framework="pytorch (t2vec trajectory seq2seq)",
expected="device_side_assert",
rationale="training: repeated 'THCTensorIndex.cu:272: indexSelectLargeIndex: ... Assertion `srcIndex < srcSelectDimSize` failed.' - an index (token id) beyond the embedding table's size on the GPU",
thread_diagnosis="none in the stored excerpt (open)",
trimmed="the rest of the repeated assertion lines and the traceback after them (cut by the stored excerpt)",
log=r"""
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [102,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [103,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [104,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [105,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [106,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [107,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1591914838379/work/aten/src/THC/THCTensorIndex.cu:272: indexSelectLargeIndex: block: [535,0,0], thread: [108,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
""",
),
dict(
name="paste_vilbert_own_data_index_select_assert",
url="https://github.com/facebookresearch/vilbert-multi-task/issues/75",
framework="pytorch (ViLBERT multi-task)",
expected="device_side_assert",
rationale="'device-side assert triggered when training with my own data': Indexing.cu:658 indexSelectLargeIndex 'Assertion `srcIndex < srcSelectDimSize` failed.' on many threads - an out-of-range index into an embedding",
thread_diagnosis="none in the stored excerpt (closed)",
trimmed="the rest of the repeated assertion lines and the traceback (cut by the stored excerpt); code fence",
log=r"""
/opt/conda/conda-bld/pytorch_1603728993639/work/aten/src/ATen/native/cuda/Indexing.cu:658: indexSelectLargeIndex: block: [87,0,0], thread: [101,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1603728993639/work/aten/src/ATen/native/cuda/Indexing.cu:658: indexSelectLargeIndex: block: [87,0,0], thread: [102,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1603728993639/work/aten/src/ATen/native/cuda/Indexing.cu:658: indexSelectLargeIndex: block: [87,0,0], thread: [103,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1603728993639/work/aten/src/ATen/native/cuda/Indexing.cu:658: indexSelectLargeIndex: block: [87,0,0], thread: [104,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1603728993639/work/aten/src/ATen/native/cuda/Indexing.cu:658: indexSelectLargeIndex: block: [87,0,0], thread: [105,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
/opt/conda/conda-bld/pytorch_1603728993639/work/aten/src/ATen/native/cuda/Indexing.cu:658: indexSelectLargeIndex: block: [87,0,0], thread: [106,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
""",
),
dict(
name="paste_hf_translation_example_embedding_assert",
url="https://github.com/huggingface/transformers/issues/28104",
framework="transformers (translation example)",
expected="device_side_assert",
rationale="running the translation example: '../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: ... Assertion `srcIndex < srcSelectDimSize` failed.' repeated - a token id beyond the embedding matrix",
thread_diagnosis="thread title and maintainer (muellerzr): the CUDA error comes from the embeddings (ids outside the embedding size); labelled bug, WIP",
trimmed="the maintainer's surrounding text and the remaining repeated lines (cut by the excerpt); bash fence",
log=r"""
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [5,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [6,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [7,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [8,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [9,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [10,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [11,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
../aten/src/ATen/native/cuda/Indexing.cu:1146: indexSelectLargeIndex: block: [18,0,0], thread: [12,0,0] Assertion `srcIndex < srcSelectDimSize` failed.
""",
),
dict(
name="paste_mmdet_allreduce_timeout_1800s",
url="https://github.com/open-mmlab/mmdetection/issues/12392",
framework="mmdetection (torch 2.0.1, NCCL)",
expected="distributed_timeout",
rationale="in all_reduce: 'RuntimeError: NCCL communicator was aborted on rank 1.  Original reason for failure was: [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=2511984, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1809553 milliseconds before timing out.', ranks 0 and 2 the same: a collective waited past the 30-minute timeout deep into training (SeqNum 2511984)",
thread_diagnosis="none in the stored excerpt (open)",
trimmed="the issue template text and the start of the traceback before the all_reduce frame (cut by the excerpt); fence",
log=r"""
  File "/home/anaconda3/envs/torch2.0.1/lib/python3.8/site-packages/torch/distributed/distributed_c10d.py", line 1700, in all_reduce
    work = default_pg.allreduce([tensor], opts)
RuntimeError: NCCL communicator was aborted on rank 1.  Original reason for failure was: [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=2511984, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1809553 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:828] [Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=2511984, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1809826 milliseconds before timing out.
[E ProcessGroupNCCL.cpp:828] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=2511984, OpType=ALLREDUCE, Timeout(ms)=1800000) ran for 1809836 milliseconds before timing out.
""",
),
dict(
name="paste_openclip_allgather_timeout_big_val",
url="https://github.com/mlfoundations/open_clip/issues/1087",
framework="pytorch (open_clip, NCCL)",
expected="distributed_timeout",
rationale="'RuntimeError: : NCCL communicator was aborted on rank 3.  Original reason for failure was: [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=266392, OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1803169 milliseconds before timing out.' (the 30-minute default), an all-gather that one rank waited on past the limit",
thread_diagnosis="poster: had exported NCCL_TIMEOUT=7200 yet the limit stayed 1800000; then 'I found the reason is too much val_data' (the other ranks waited in the collective while validation ran)",
trimmed="the poster's question about why the timeout stays 1800000 and the answer; the bash exports they tried are kept out",
log=r"""
RuntimeError: : NCCL communicator was aborted on rank 3.  Original reason for failure was: [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=266392, OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1803169 milliseconds before timing out.
""",
),
dict(
name="paste_centerpoint_allgather_timeout_first_epoch",
url="https://github.com/tianweiy/CenterPoint/issues/224",
framework="pytorch (CenterPoint det3d, multi-GPU)",
expected="distributed_timeout",
rationale="less than an epoch into multi-GPU training: '[E ProcessGroupNCCL.cpp:566] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1800159 milliseconds before timing out.' inside the DDP forward of train_detector",
thread_diagnosis="none in the stored excerpt (closed)",
trimmed="the rest of the traceback below distributed.py (cut by the excerpt)",
log=r"""
[E ProcessGroupNCCL.cpp:566] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1800159 milliseconds before timing out.
Traceback (most recent call last):
  File "./tools/train.py", line 137, in <module>
    main()
  File "./tools/train.py", line 132, in main
    logger=logger,
  File "/home/ruidong/workplace/CenterPoint/det3d/torchie/apis/train.py", line 327, in train_detector
    trainer.run(data_loaders, cfg.workflow, cfg.total_epochs, local_rank=cfg.local_rank)
  File "/home/ruidong/workplace/CenterPoint/det3d/torchie/trainer/trainer.py", line 543, in run
    epoch_runner(data_loaders[i], self.epoch, **kwargs)
  File "/home/ruidong/workplace/CenterPoint/det3d/torchie/trainer/trainer.py", line 410, in train
    self.model, data_batch, train_mode=True, **kwargs
  File "/home/ruidong/workplace/CenterPoint/det3d/torchie/trainer/trainer.py", line 368, in batch_processor_inline
    losses = model(example, return_loss=True)
  File "/home/ruidong/anaconda3/envs/centerpoint/lib/python3.6/site-packages/torch/nn/modules/module.py", line 1051, in _call_impl
    return forward_call(*input, **kwargs)
""",
),
dict(
name="paste_opengait_allgather_timeout_in_test",
url="https://github.com/ShiqiYu/OpenGait/issues/128",
framework="pytorch (OpenGait, torch.distributed.launch 2 GPUs)",
expected="distributed_timeout",
rationale="after '[INFO]: mIOU: 0.848', '[Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=5481, OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1805916 milliseconds' inside run_test -> inference -> ddp_all_gather: ranks disagree in the evaluation all_gather",
thread_diagnosis="none in the stored excerpt (closed for inactivity)",
trimmed="the poster's sentence with the launch command (kept in argv) and the traceback below torch.distributed.all_gather (cut by the excerpt)",
argv=["python", "-m", "torch.distributed.launch", "--master_port=21231", "--nproc_per_node=2", "opengait/main.py", "--cfgs", "./configs/gaitedge/phase1_seg.yaml", "--phase", "train", "--log_to_file"],
log=r"""
[2023-04-18 14:10:06] [INFO]: mIOU: 0.848
[E ProcessGroupNCCL.cpp:821] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=5481, OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1805916 milliseconds before timing out.
Traceback (most recent call last):
  File "opengait/main.py", line 74, in <module>
    run_model(cfgs, training)
  File "opengait/main.py", line 56, in run_model
    Model.run_test(model)
  File "/root/data/hxi/GaitRecognition/Code/OpenGait/opengait/modeling/base_model.py", line 442, in run_test
    info_dict = model.inference(rank)
  File "/root/data/hxi/GaitRecognition/Code/OpenGait/opengait/modeling/base_model.py", line 383, in inference
    inference_feat[k] = ddp_all_gather(v, requires_grad=False)
  File "/root/data/hxi/GaitRecognition/Code/OpenGait/opengait/utils/common.py", line 176, in ddp_all_gather
    torch.distributed.all_gather(feature_list, features.contiguous())
""",
),
dict(
name="paste_keras_fcn_train_txt_missing",
url="https://github.com/keras-team/keras-contrib/issues/297",
framework="keras (keras_FCN)",
expected="missing_file_or_module",
rationale="train.py get_file_len -> open(file_path): \"FileNotFoundError: [Errno 2] No such file or directory: 'C:\\\\Users\\\\Prisilla/.keras/VOCdevkit/VOC2012/ImageSets/Segmentation/train.txt'\" before any step",
thread_diagnosis="none in the stored excerpt (closed): the VOC split file was not where the script looks",
trimmed="the commenter's sentence 'I am able to run the train.py with slight changes in it but'",
log=r"""
 File "C:/Users/Prisilla/Desktop/Semantics/keras_FCN/train.py", line 210, in <module>
    class_weight=class_weight)

  File "C:/Users/Prisilla/Desktop/Semantics/keras_FCN/train.py", line 151, in train
    steps_per_epoch = int(np.ceil(get_file_len(train_file_path) / float(batch_size)))

  File "C:/Users/Prisilla/Desktop/Semantics/keras_FCN/train.py", line 144, in get_file_len
    fp = open(file_path)

FileNotFoundError: [Errno 2] No such file or directory: 'C:\\Users\\Prisilla/.keras/VOCdevkit/VOC2012/ImageSets/Segmentation/train.txt'
""",
),
dict(
name="paste_maskrcnn_via_region_json_missing",
url="https://github.com/soumyaiitkgp/Custom_MaskRCNN/issues/11",
framework="keras/tensorflow (Matterport Mask R-CNN custom)",
expected="missing_file_or_module",
rationale="custom.py train -> load_custom: json.load(open(...)) raises \"FileNotFoundError: [Errno 2] No such file or directory: '...\\\\dataset\\\\train\\\\via_region_data.json'\" before training",
thread_diagnosis="none in the stored excerpt (open): the annotation file is not in the dataset folder",
trimmed="the commenter's 'I encounter this error please help'",
log=r"""
Traceback (most recent call last):
  File "custom.py", line 385, in <module>
    train(model)
  File "custom.py", line 200, in train
    dataset_train.load_custom(args.dataset, "train")
  File "custom.py", line 114, in load_custom
    annotations = json.load(open(os.path.join(dataset_dir, "via_region_data.json")))
FileNotFoundError: [Errno 2] No such file or directory: 'C:\\..\\Custom_MaskRCNN\\samples\\custom\\dataset\\train\\via_region_data.json'
""",
),
dict(
name="paste_pseco_semi_supervised_ann_missing",
url="https://github.com/ligang-cs/PseCo/issues/10",
framework="mmdetection/mmcv (PseCo)",
expected="missing_file_or_module",
rationale="'loading annotations into memory...' then pycocotools COCO(ann_file) -> open(): \"FileNotFoundError: [Errno 2] No such file or directory: '../data/annotations/semi_supervised/instances_train2017.1@10.json'\" while building the dataset",
thread_diagnosis="none in the stored excerpt (open): the semi-supervised split file was never generated",
trimmed="the second traceback ('During handling of the above exception ...') after dataset_wrappers.py (cut by the excerpt)",
log=r"""
loading annotations into memory...
Traceback (most recent call last):
  File "/sdb/liuhaolin/anaconda3/envs/pseco/lib/python3.8/site-packages/mmcv/utils/registry.py", line 52, in build_from_cfg
    return obj_cls(**args)
  File "/home/liuhaolin/PseCo/thirdparty/mmdetection/mmdet/datasets/custom.py", line 89, in __init__
    self.data_infos = self.load_annotations(self.ann_file)
  File "/home/liuhaolin/PseCo/thirdparty/mmdetection/mmdet/datasets/coco.py", line 49, in load_annotations
    self.coco = COCO(ann_file)
  File "/home/liuhaolin/PseCo/thirdparty/mmdetection/mmdet/datasets/api_wrappers/coco_api.py", line 28, in __init__
    super().__init__(annotation_file=annotation_file)
  File "/sdb/liuhaolin/anaconda3/envs/pseco/lib/python3.8/site-packages/pycocotools/coco.py", line 81, in __init__
    with open(annotation_file, 'r') as f:
FileNotFoundError: [Errno 2] No such file or directory: '../data/annotations/semi_supervised/instances_train2017.1@10.json'
""",
),
]
