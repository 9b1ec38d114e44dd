"""Error families read from the structure of an error message, not from a list of its wordings.

An exception line is `[module.]TypeName: message` (Python's last traceback line, `xgboost.core.XGBoostError: ...`,
`torch.OutOfMemoryError: ...`); its message may go on over the next lines (a wrapped C++ check). A message is put
in a family by what it is about and how it says it:

- amp_loss_scale_collapse: the message says the mixed-precision loss scale reached its minimum.
- out_of_memory: the type says so (`OutOfMemoryError`, `MemoryError`, `ResourceExhaustedError`), or the message
  names memory (or an allocation) together with running out of it (`out of memory`, `can't allocate memory`,
  `not enough memory`, `failed to allocate`, `bad_alloc`, an `OOM` token); shared memory is the worker family's.
- device_side_assert: an index or label outside its range: `IndexError`, `out of bounds` / `out of range`, a
  failed assertion or check whose condition is a range test (`t >= 0 && t < n_classes`) or that writes the valid
  range as a half-open interval (`[0, num_class)`), a label or index named with such an interval, CUDA's
  `device-side assert`.
- dtype_or_device_mismatch: two dtypes (`Float`, `Long`, `float32`, `torch.cuda.FloatTensor` ...) or two devices
  (`cuda:0`, `cpu` ...) named with a comparison (`expected`, `but got`, `same`, `should be`, `cast`), or one dtype
  with `not implemented for`.
- shape_mismatch: a size or shape word with sizes written out (`(64)`, `[96, 64]`, `torch.Size([...])`,
  `32x20`, `(None, 28, 28)`, `size 16`) and a comparison (`must match`, `expected`, `cannot be multiplied`,
  `invalid for input`, `broadcast`, `incompatible` ...).
- distributed_timeout: a `Dist...Error` type, or the message names the collective machinery (NCCL, gloo, c10d,
  a process group, a collective, rendezvous, a watchdog) or a timeout between ranks.
- dataloader_worker_crash: the message names a DataLoader worker or shared memory (shm).
- missing_file_or_module: `ModuleNotFoundError`, `ImportError`, `FileNotFoundError`, errno 2, an `OSError`
  with no errno that quotes a local path (the path given does not lead to what the library wanted), an artefact
  said not to be found (`No valid checkpoint found in ...`), or a package said not to be installed, whatever the
  exception class (`TensorBoardCallback requires tensorboard to be installed`).
- disk_full: errno 28/122 (`No space left on device`, `Disk quota exceeded`), or a write to storage that failed
  (`write(): fd 29 failed with Input/output error`, `file write failed`): a full disk is what usually makes a
  save's write fail, and the first thing to check.
- nan_or_inf_loss / exploding_gradients: NaN or Inf found in values (`returned nan values`, `Input contains NaN`,
  `is non-finite`); the gradients' family when the message is about gradients.
- numeric_overflow (not a category: the caller ties it to the metric series): `OverflowError`,
  `FloatingPointError`, `math range error`.

Families are tried in that order; the first that fits wins (an OOM message names sizes too). Before all of them,
an operating-system error number (`[Errno 2]`, `errno = 28`, `[WinError 1455]`) names the family when it has one:
the number is the OS's own statement, the words around it are any language's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: `module.path.TypeName: message` at the start of a line (after a rank prefix is removed). Python's exception
#: names end in Error/Exception/Exit/Interrupt by convention (numpy's `_ArrayMemoryError` starts with '_'); C++
#: frameworks' in Error/Failure/Fault.
EXCEPTION_LINE = re.compile(r"^(?P<type>(?:[A-Za-z_]\w*\.)*_*[A-Z]\w*)(?::[ \t]*(?P<message>.*))?$")
EXCEPTION_SUFFIXES = ("Error", "Exception", "Exit", "Interrupt", "Failure", "Fault")
#: an OS error carries its number: Python's `[Errno 28]`, HDF5's and C libraries' `errno = 2` / `errno: 2`, and
#: Windows' `[WinError 1455]` (a numbering of its own)
_ERRNO = re.compile(r"\[Errno (\d+)\]|\berrno ?[=:] ?(\d+)\b")
_WINERROR = re.compile(r"\[WinError (\d+)\]")
#: what the operating system's error number says, whatever the message around it: the path or module is not there
#: (ENOENT, ENOTDIR; Windows' file, path and module not found), the disk or quota is full (ENOSPC, EDQUOT; Windows'
#: disk full), memory ran out (ENOMEM; Windows' not enough memory, out of memory, and the commit limit that a full
#: paging file raises, 1455)
_POSIX_ERRNO = {
    "2": "missing_file_or_module",
    "20": "missing_file_or_module",
    "28": "disk_full",
    "122": "disk_full",
    "12": "out_of_memory",
}
_WINDOWS_ERROR = {
    "2": "missing_file_or_module",
    "3": "missing_file_or_module",
    "126": "missing_file_or_module",
    "112": "disk_full",
    "39": "disk_full",
    "8": "out_of_memory",
    "14": "out_of_memory",
    "1455": "out_of_memory",
}

_MEMORY_TYPE = re.compile(r"(?:OutOfMemory|MemoryError$|ResourceExhausted)")
#: running out said of memory itself (`out of memory`, `not enough memory`, `can't allocate`, `Unable to allocate
#: 8.00 GiB`), a C++ allocator's failure, a status code (`CUDNN_STATUS_NOT_ENOUGH_MEMORY`, `RESOURCE_EXHAUSTED`),
#: or an `OOM` token; "can't convert ... to host memory" is no shortage
_MEMORY_SHORT = re.compile(
    r"\b(?:out of|not enough|insufficient|exhausted|no more)(?: [\w-]+){0,2} memory\b"
    r"|\b(?:can't|cannot|could not|couldn't|unable to|failed to|fail to) allocate\b"
    r"|\bmemory (?:is )?exhausted\b|bad_alloc|[A-Z_]*(?:ALLOC_FAILED|NOT_ENOUGH_MEMORY|OUT_OF_MEMORY)\b"
    r"|\bRESOURCE_EXHAUSTED\b|cudaErrorMemoryAllocation",
    re.I,
)
_OOM_TOKEN = re.compile(r"\bOOM\b")
_SHARED_MEMORY = re.compile(r"shared memory|\bshm\b", re.I)

_LOSS_SCALE_FLOOR = re.compile(r"loss.scale[^.]*minimum|minimum loss.scale|cannot decrease (?:loss )?scale", re.I)
#: a half-open interval (`[0, num_class)`, `[0, 10)`): a range written out, never a shape (a shape closes its bracket)
_HALF_OPEN = r"\[ ?-?[\w.]+, ?-?[\w.]+ ?\)"
_RANGE_TEST = re.compile(
    r">=? ?(?:0|zero) ?&& ?\S+ ?<|" + _HALF_OPEN + r"|\b(?:out of bounds|out of range)\b"
    r"|\boutside (?:the )?(?:valid )?range\b",
    re.I,
)
_ASSERTION = re.compile(r"Assertion `[^`]*` failed|device-side assert|Check failed:", re.I)
#: a value (a label, a target, an index) outside its range, said of the value
_VALUE_OUT_OF_RANGE = re.compile(
    r"\b(?:label|target|index|indices|class|token|id)s?\b.{0,80}"
    r"(?:\b(?:out of bounds|out of range|outside (?:the )?(?:valid )?range|must be in \[)|" + _HALF_OPEN + ")",
    re.I,
)
#: an IndexError about a dimension (`Dimension out of range`, `too many indices for tensor of dimension 2`) is about
#: a shape, not a value
_DIMENSION_INDEX = re.compile(r"^Dimension out of range|too many indices", re.I)

#: a dtype however the library writes it: torch's `Float`/`torch.FloatTensor`, numpy's `float64`, the C names
#: Paddle and TensorFlow use (`it holds double, but desires to be float`, `int64_t`)
_DTYPES = (
    r"(?:\b(?:Float|Double|Half|BFloat16|Long|Int|Short|Byte|Char|Bool|ComplexFloat|ComplexDouble)\b"
    r"|\b(?:float|bfloat|int|uint|complex)(?:8|16|32|64|128)(?:_t)?\b"
    r"|\b(?:double|float|half|int)\b"
    r"|\btorch\.(?:cuda\.)?[A-Z]\w*Tensor\b"
    r"|\b(?:float|double|half|long|int|bool) tensor\b"
    r"|\((?:float|double|half|long|int|bool)\))"
)
_DTYPE = re.compile(_DTYPES)
_DEVICE = re.compile(r"\b(?:cuda(?::\d+)?|cpu|gpu|mps|meta|xla(?::\d+)?|hip(?::\d+)?)\b", re.I)
_DTYPE_SUBJECT = re.compile(r"\b(?:dtype|scalar type|type|types|device|devices|tensor type)\b", re.I)
_COMPARISON = re.compile(
    r"\b(?:expected|expects|but got|but found|got|found|same|should be|should match|to be|cast|mismatch|instead|"
    r"differ|does not match|doesn't match|wrong type)\b",
    re.I,
)
_NO_KERNEL = re.compile(r"not implemented for ['\"]?" + _DTYPES)

#: what a shape error talks about, and how it writes a shape (`(64)`, `[96, 64]`, `torch.Size`, `32x20`,
#: `size 16`, a dimensionality `1D` / `4-dimensional`)
_SHAPE_WORD = re.compile(
    r"\b(?:sizes?|shapes?|dimensions?|dims?|batch_size|channels|rank|length|\d+D|\d+-dimensional)\b", re.I
)
#: one dimension of a shape: a size, or one not known yet (`None` in Keras and JAX, `?` in TensorFlow 1's `[?,10]`)
DIM = r"(?:None|\?|-?\d+)"
_SIZES = re.compile(
    rf"\({DIM}(?:, ?{DIM})*,?\)|\[{DIM}(?:, ?{DIM})*\]|torch\.Size"
    r"|\b\d+ ?x ?\d+\b|\bsize \d+\b"
    r"|\b\d+D\b|\b\d+-dimensional\b",
    re.I,
)
#: shapes said not to fit without numbers (`view size is not compatible with input tensor's size and stride`)
_SHAPE_UNFIT = re.compile(
    r"\b(?:sizes?|shapes?)\b.{0,60}\b(?:not compatible|incompatible|mismatch|do not match)\b", re.I
)
_SHAPE_COMPARISON = re.compile(
    r"\b(?:must match|to match|does not match|doesn't match|not match|mismatch|expected|expects|cannot be "
    r"multiplied|invalid for|broadcast|incompatible|must be the same|must be equal|should be|but got|but received|"
    r"to have)\b",
    re.I,
)

_DIST_TYPE = re.compile(r"Dist\w*Error$|ProcessGroup\w*Error$")
_DIST_WORD = re.compile(
    r"\b(?:NCCL|nccl\w*|gloo|c10d|ProcessGroup\w*|collective|rendezvous|Watchdog|all_?reduce|all_?gather|barrier)\b"
)
#: a DataLoader worker named, shared memory, or the loader's own wait for its workers running out (`DataLoader timed
#: out after 5 seconds`: the timeout only exists with workers)
_WORKER_WORD = re.compile(
    r"DataLoader worker|dataloader's workers|shared memory|\bshm\b|</torch_|\bDataLoader timed out\b", re.I
)
_MISSING_TYPE = re.compile(r"(?:ModuleNotFound|Import|FileNotFound|NotADirectory|IsADirectory)Error$|NotFound")
#: a file, module or artefact the run looks for and does not find
_MISSING_WORDS = re.compile(
    r"\b(?:can't|cannot|couldn't|could not|unable to|failed to) (?:load|find|open|locate)\b.{0,120}"
    r"\b(?:files?|paths?|director(?:y|ies)|folders?|modules?|packages?|tokenizers?|checkpoints?|configs?|weights|"
    r"datasets?|models?)\b"
    r"|\b(?:files?|paths?|director(?:y|ies)|folders?|modules?|packages?|checkpoints?|datasets?)\b.{0,80}"
    r"\b(?:not found|does not exist|doesn't exist)\b"
    r"|\bno (?:valid |such |usable |matching )?(?:files?|director(?:y|ies)|checkpoints?|weights|models?|datasets?)\b"
    r".{0,20}\b(?:found|exists?|available)\b",
    re.I,
)
#: a package the code needs is not installed, however the library words it: `X requires tensorboard to be
#: installed`, `You need to have sentencepiece installed`, `requires the PyAv library but it was not found in your
#: environment`, lightning's `Requirement 'tensorboard' not met`, or the remedy itself (`pip install x`)
_NOT_INSTALLED = re.compile(
    r"\b(?:requires?|needs?|need to have|must have)\b.{0,80}\binstalled\b|\b(?:is|are|was|were) not installed\b"
    r"|\bnot found in your environment\b|\bRequirement '[^']+' not met\b|\bpip install\b",
    re.I,
)
#: a write to storage that failed: `write(): fd 29 failed with Input/output error`, `file write failed`, Lua
#: torch's `write error: wrote 39776036 blocks instead of 41251350`; a socket or pipe that failed to write is no
#: disk's doing (`Call to write failed : Connection reset by peer`)
_WRITE_FAILED = re.compile(
    r"\bwrite\(\)?:? .{0,40}\bfailed\b|\bwrite (?:error|failed)\b|\bfailed (?:to )?writ(?:e|ing)\b"
    r"|\bwrote \d+ \w+ instead of \d+\b|\berrors? writing\b|\b(?:could not|cannot|can't|unable to) write\b",
    re.I,
)
_NETWORK = re.compile(r"\b(?:connection|socket|peer|pipe)\b", re.I)
#: the OS-level error type (no errno that says otherwise) quoting a local path (`'./checkpoints/tokenizer'`,
#: `"/data/train.csv"`, `'~/x'`): the location the run was given is not usable, whatever the library's wording
_OS_TYPE = re.compile(r"^(?:OS|IO|Environment)Error$")
_LOCAL_PATH = re.compile(r"""['"`](?:\.{1,2}/|/|~/)[^'"`\s]*['"`]""")
_NUMERIC_TYPE = re.compile(r"(?:Overflow|FloatingPoint)Error$")
#: NaN/Inf found in values (`returned nan values`, `Input contains NaN`, `Nan in summary histogram`, `is
#: non-finite`); about gradients it is the gradients that blew up
_NONFINITE = re.compile(
    r"\b(?:nan|inf|infinity)\b.{0,40}\b(?:values?|in|found|detected|encountered|loss)\b"
    r"|\b(?:contains?|found|detected|encountered|returned|produced) (?:a )?(?:nan|inf|infinity)\b"
    r"|\bnon-?finite\b|\bnot finite\b",
    re.I,
)
_GRADIENT = re.compile(r"\bgrad(?:ient)?s?\b", re.I)


@dataclass(frozen=True)
class ExceptionInfo:
    type: str  # as written, module path included
    message: str  # the message, its continuation lines joined with a blank

    @property
    def name(self) -> str:
        return self.type.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Family:
    category: str  # a diagnosis category, or "numeric_overflow"
    why: str  # what in the message put it there


def parse(line: str) -> ExceptionInfo | None:
    """The exception a line states, or None when the line is not `Type: message` (or a bare `TypeError`)."""
    m = EXCEPTION_LINE.match(line.strip())
    if not m or not m.group("type").endswith(EXCEPTION_SUFFIXES):
        return None
    return ExceptionInfo(m.group("type"), (m.group("message") or "").strip())


CONTINUATION_MAX = 8
#: one of the causes an error lists under itself, numbered and indented (TensorFlow's `2 root error(s) found.`
#: then `  (0) Invalid argument: Incompatible shapes: ...`, `  (1) ...`): the message, not a frame
_LISTED_CAUSE = re.compile(r"^\(\d+\) [A-Za-z][\w ]*:")


def with_continuation(info: ExceptionInfo, following: list[str]) -> ExceptionInfo:
    """The message with the lines that continue it: a wrapped line, a C++ check's next lines, TensorFlow's
    `Graph execution error:` whose cause comes after the frames of the node it names. Blank and indented lines
    (frames) are passed over; another traceback or exception ends it."""
    more: list[str] = []
    # a message that ends with ':' announces its details, which libraries indent (`Error(s) in loading state_dict
    # for Linear:` then a tab and `size mismatch for weight: ...`); other indented lines are frames
    announces = info.message.endswith(":")
    for text in following:
        stripped = text.strip()
        if not stripped or stripped.startswith(("File ", "frame #", "[bt]", "Stack trace")):
            continue
        if text[:1].isspace() and not (announces and text[:1] == "\t") and not _LISTED_CAUSE.match(stripped):
            continue
        if stripped.startswith(("Traceback (most recent call last)", "During handling", "The above")):
            break
        if parse(stripped) is not None or len(more) >= CONTINUATION_MAX:
            break
        more.append(stripped)
    return ExceptionInfo(info.type, " ".join([info.message, *more]).strip()) if more else info


def _errno(msg: str) -> str | None:
    m = _ERRNO.search(msg)
    return (m.group(1) or m.group(2)) if m else None


_OS_WHY = {
    "missing_file_or_module": "the operating system's error number says the path or module is not there",
    "disk_full": "the operating system's error number says the disk (or the quota) is full",
    "out_of_memory": "the operating system's error number says memory ran out",
}


def os_error_category(msg: str) -> str | None:
    """The category the operating system's own error number in a message gives (POSIX errno or Windows error), or
    None when it carries none or one that names no category (EACCES, EIO: a permission, a device)."""
    if m := _WINERROR.search(msg):
        return _WINDOWS_ERROR.get(m.group(1))
    number = _errno(msg)
    return _POSIX_ERRNO.get(number) if number else None


def carries_os_error(msg: str) -> bool:
    """The message states an operating-system error number: it is about the OS, not about values' shapes or types."""
    return bool(_ERRNO.search(msg) or _WINERROR.search(msg))


#: (test on type name and message, category, why), tried in order: the first that holds names the family
_FAMILIES: tuple[tuple[Callable[[str, str], bool], str, str], ...] = (
    (
        lambda name, msg: bool(_LOSS_SCALE_FLOOR.search(msg)),
        "amp_loss_scale_collapse",
        "the mixed-precision loss scale reached its floor",
    ),
    (
        lambda name, msg: bool(
            _MEMORY_TYPE.search(name)
            or (not _SHARED_MEMORY.search(msg) and (_MEMORY_SHORT.search(msg) or _OOM_TOKEN.search(msg)))
        ),
        "out_of_memory",
        "the error says memory ran out",
    ),
    (
        lambda name, msg: bool(
            (_errno(msg) in ("28", "122") or (_WRITE_FAILED.search(msg) and not _NETWORK.search(msg)))
            and not _WORKER_WORD.search(msg)
        ),
        "disk_full",
        "the disk (or the quota) is full, or a write to it failed",
    ),
    (
        lambda name, msg: name == "IndexError" and bool(_DIMENSION_INDEX.search(msg)),
        "shape_mismatch",
        "a dimension the tensor does not have",
    ),
    (
        lambda name, msg: bool(
            name == "IndexError"
            or (_ASSERTION.search(msg) and _RANGE_TEST.search(msg))
            or "device-side assert" in msg
            or _VALUE_OUT_OF_RANGE.search(msg)
        ),
        "device_side_assert",
        "an index or label outside its valid range",
    ),
    (
        lambda name, msg: bool(_WORKER_WORD.search(msg)),
        "dataloader_worker_crash",
        "the error names a DataLoader worker, shared memory or the loader's wait for its workers",
    ),
    (
        lambda name, msg: _is_dtype_or_device(msg),
        "dtype_or_device_mismatch",
        "the error names two dtypes or devices that do not go together",
    ),
    (
        lambda name, msg: bool(
            (_SHAPE_WORD.search(msg) and _SIZES.search(msg) and _SHAPE_COMPARISON.search(msg))
            or _SHAPE_UNFIT.search(msg)
        ),
        "shape_mismatch",
        "the error compares sizes or shapes that do not fit",
    ),
    (
        lambda name, msg: bool(_DIST_TYPE.search(name) or _DIST_WORD.search(msg)),
        "distributed_timeout",
        "the error comes from the collective communication between ranks",
    ),
    (
        lambda name, msg: bool(
            _MISSING_TYPE.search(name)
            or _errno(msg) == "2"
            or _MISSING_WORDS.search(msg)
            or _NOT_INSTALLED.search(msg)
            or (_OS_TYPE.match(name) and _errno(msg) is None and _LOCAL_PATH.search(msg))
        ),
        "missing_file_or_module",
        "a file or module the run needs is not there",
    ),
    (
        lambda name, msg: bool(_NONFINITE.search(msg) and _GRADIENT.search(msg)),
        "exploding_gradients",
        "the gradients became NaN/Inf",
    ),
    (
        lambda name, msg: bool(_NONFINITE.search(msg)),
        "nan_or_inf_loss",
        "NaN/Inf values where numbers were expected",
    ),
    (
        lambda name, msg: bool(_NUMERIC_TYPE.search(name) or "math range error" in msg),
        "numeric_overflow",
        "a number grew past what its type holds",
    ),
)


def family(info: ExceptionInfo) -> Family | None:
    """The family of an exception, or None when its structure says nothing more than 'an error'. The operating
    system's error number decides first: it is the OS's own statement of what went wrong, in any wording (a full
    shared-memory segment is the workers' and goes on to their family)."""
    category = os_error_category(info.message)
    if category and not (category == "disk_full" and _WORKER_WORD.search(info.message)):
        return Family(category, _OS_WHY[category])
    for test, category, why in _FAMILIES:
        if test(info.name, info.message):
            return Family(category, why)
    return None


def _is_dtype_or_device(msg: str) -> bool:
    if _NO_KERNEL.search(msg):
        return True
    # one dtype written two ways (`Float`, `(float)`, `float tensor`) is one dtype
    dtypes = {m.group(0).strip("()").lower().removesuffix(" tensor") for m in _DTYPE.finditer(msg)}
    devices = {m.group(0).lower().split(":")[0] for m in _DEVICE.finditer(msg)}
    named_two = len(dtypes) >= 2 or len(devices) >= 2
    if named_two and _COMPARISON.search(msg):
        return True
    # one dtype/device named against a stated expectation: `expected scalar type Long`, `on the same device`
    return bool((dtypes or "same device" in msg) and _DTYPE_SUBJECT.search(msg) and _COMPARISON.search(msg))
