"""The family of an exception no family in exceptions.py claims, read from what its message is made of rather than
how it is phrased: the literals it quotes (shapes, dtype names, device names, file paths) and the class that was
raised. A library that words a shape error in a way nobody listed still writes two shapes into it.

- shape_mismatch: two or more shape literals (`torch.Size([8, 3])`, `(2,3)`, `[10, 9]`, `4x12`), or one beside
  a size word (`size`, `shape`, `dimension`, `axis`, `features`, `samples`, `channels`), or two counts of the same
  thing that differ (`X has 3 features, but ... expecting 4 features`).
- dtype_or_device_mismatch: a tensor or array type named (`LongTensor`, `torch.int32`, `float16`, `Half`,
  `str32`), the words that only type errors use (`dtype`, `scalar type`, `input types`, `casting rule`, `label
  type`, `bool tensors`), a value that cannot be converted to a number type (`could not convert string to
  float`), or a device named as where a tensor is or should be, or as missing (`cuda:0`, `CUDA`, `mps`, `xla`
  with `device`, `backend`, `available`, `compiled`); a kernel that crashed on the GPU is no mismatch.
- missing_file_or_module: the operating system's own words for a missing path (`No such file or directory`) or a
  path-like token (`models/xgb.json`) said not to exist or not to be found.

A message may show more than one kind; the most specific wins: shape literals are numbers laid out as a shape
and cannot be anything else, a path said missing comes next, type names last (`Float` also appears in shape
errors of mixed dtypes). Exceptions whose class says the shape of the message is something else (`KeyError`,
`AttributeError`, `NameError`: a name that is not there) are not read, nor those that state an operating-system
error number (`errno = 5`, `[WinError 5]`): the number says what failed, and the numbers around it are a time, a
file descriptor or a buffer size, not a shape."""

from __future__ import annotations

import re

from experiment_runner.diagnosis.exceptions import DIM, ExceptionInfo, Family, carries_os_error

#: classes that carry a missing name, not a value of the wrong shape or type
_NAME_CLASSES = ("KeyError", "AttributeError", "NameError", "UnboundLocalError", "StopIteration")

_SHAPE_LITERAL = re.compile(
    r"torch\.Size\(\[[\d, ]*\]\)"  # torch.Size([8, 3])
    r"|TensorShape\(\[[\w?, ]*\]\)"
    rf"|\({DIM}(?: ?, ?{DIM})*(?: ?,)?\)"  # (2,3), (4,), (None, 28)
    rf"|(?<![\w\]])\[{DIM}(?:, ?{DIM})+\]"  # [10, 9], [?,10], [None, 28, 28] (one number in brackets is an index)
    r"|\b\d+ ?x ?\d+\b"  # 4x12
)
#: two shapes set against each other (`[25088] vs. [32,28,28]`, `[524288] vs. [16384]`, `(3,) and (4,)`): a shape
#: of one dimension is written like an index, and counts as a shape where it is compared with another
_ONE_OR_MORE = rf"\[{DIM}(?:, ?{DIM})*\]|\({DIM}(?: ?, ?{DIM})*(?: ?,)?\)"
_SHAPES_COMPARED = re.compile(rf"({_ONE_OR_MORE}) ?(?:vs\.?|versus|!=) ?({_ONE_OR_MORE})")
#: a list of values, not a shape: the list written right after the word for what it holds (`indices [3, 7]`, `ids
#: [1, 2]`, `range (0, 1)`, `version (3, 8)`); a thing named before a colon (`label`:(7,1)) is the subject of its size
_VALUE_LIST = re.compile(
    r"\b(?:ind(?:ex|ices)|ids?|keys?|tokens?|values?|items?|positions?|range|interval|between|bounds|versions?|"
    r"python) ?$",
    re.I,
)
_VERSION_WORD = re.compile(r"\bversions?\b|\brequires? python\b", re.I)
_SIZE_WORD = re.compile(
    r"\b(?:sizes?|shapes?|dimensions?|dims?|axis|axes|rank|ndim|features?|samples?|channels?|length|columns?|"
    r"rows?|elements?)\b",
    re.I,
)
#: `3 features ... 4 features`: two counts of one thing
_COUNT = re.compile(r"\b(\d+) (features?|samples?|channels?|dimensions?|columns?|rows?|elements?|classes)\b", re.I)

_TYPE_NAME = re.compile(
    r"\b(?:Long|Float|Double|Half|BFloat16|Int|Short|Byte|Char|Bool|Complex\w*)Tensor\b"
    r"|\btorch\.(?:float|bfloat|int|uint|complex)\d+\b|\btorch\.(?:bool|long|half|double)\b"
    r"|\b(?:float|bfloat|int|uint|complex|str|bytes)(?:8|16|32|64|128)\b"
    r"|\b(?:Half|BFloat16)\b"
)
_TYPE_WORDS = re.compile(
    r"\bdtypes?\b|\bscalar types?\b|\binput types?\b|\bdata types?\b|\blabel types?\b|\bcasting rule\b"
    r"|\b(?:bool|float|int|long|double|half|integer|boolean) tensors?\b|\btensor of type\b|\bof type \w*Tensor\b",
    re.I,
)
#: a value that will not become a number type: `could not convert string to float`, `invalid literal for int()`
_CONVERSION = re.compile(
    r"\b(?:convert|cast|coerce)\w*\b.{0,40}\bto (?:float|int|integer|double|long|bool|numeric|a number)\b"
    r"|\binvalid literal for (?:int|float)\(\)",
    re.I,
)
_DEVICE_NAME = re.compile(r"\bcuda(?::\d+)?\b|\bmps\b|\bxla(?::\d+)?\b|\bhip\b|\brocm\b|\bnpu\b|\bxpu\b", re.I)
#: a device named as where a tensor is or should be, or as present or not (`on the expected device`, `not compiled
#: with CUDA enabled`, `No CUDA GPUs are available`, `the 'MPS' backend`); a kernel that failed on the device
#: (`CUDA error: an illegal memory access`) names it only as the place of a crash
_DEVICE_ROLE = re.compile(r"\bdevices?\b|\bbackend\b|\bavailable\b|\benabled\b|\bcompiled\b|\bto numpy\b", re.I)
_NO_SUCH_PATH = re.compile(
    r"does not exist|doesn't exist|not found|cannot find|could not find|(?:failed to|could not|cannot|can't|unable to) "
    r"open",
    re.I,
)
_PATH_TOKEN = re.compile(r"(?:[\w.~-]*/)+[\w.-]+\.\w{1,8}\b|['\"`](?:\.{0,2}/|~/)[^'\"`\s]+['\"`]")
#: a size set against another in words: `should contain 6 elements not 8`, `3 (dim 1) != 4`
_NUMBERS_AGAINST = re.compile(
    r"\b(\d+)\b[^.;]{0,30}?\b(?:not|but got|but found|instead of|vs\.?)\b[ :]*(\d+)\b|(\d+) != (\d+)"
)


def _shape_literals(msg: str) -> list[str]:
    """The shapes a message writes out, none when it writes lists of values: a list after a word for values
    (`indices [3, 7] and [2, 5]`, `range (0, 1)`) says the message's lists are values, and a message about
    versions quotes version tuples (`(3, 8)`)."""
    if _VERSION_WORD.search(msg):
        return []
    found = list(_SHAPE_LITERAL.finditer(msg)) + list(_SHAPES_COMPARED.finditer(msg))
    if any(_VALUE_LIST.search(msg[max(0, m.start() - 20) : m.start()]) for m in found):
        return []
    literals = [m.group(0) for m in _SHAPE_LITERAL.finditer(msg)]
    # a side of a comparison written like an index (`[25088]`) is a shape all the same
    return literals + [side for m in _SHAPES_COMPARED.finditer(msg) for side in m.groups() if "," not in side]


def _shape(msg: str) -> bool:
    literals = _shape_literals(msg)
    if len(literals) >= 2 or (literals and _SIZE_WORD.search(msg)):
        return True
    counts: dict[str, set[str]] = {}
    for number, thing in _COUNT.findall(msg):
        counts.setdefault(thing.lower().rstrip("s"), set()).add(number)
    if any(len(numbers) >= 2 for numbers in counts.values()):
        return True
    return bool(
        _SIZE_WORD.search(msg)
        and any(len({n for n in m.groups() if n is not None}) == 2 for m in _NUMBERS_AGAINST.finditer(msg))
    )


def _missing_path(msg: str) -> bool:
    """ENOENT's own words, or a path said not to be there (the path within a sentence of the words: a message that
    lists source files elsewhere is not about them)."""
    if "No such file or directory" in msg:
        return True
    return any(_PATH_TOKEN.search(msg[max(0, m.start() - 120) : m.end() + 120]) for m in _NO_SUCH_PATH.finditer(msg))


def _dtype_or_device(msg: str) -> bool:
    return bool(
        _TYPE_NAME.search(msg)
        or _TYPE_WORDS.search(msg)
        or _CONVERSION.search(msg)
        or (_DEVICE_NAME.search(msg) and _DEVICE_ROLE.search(msg))
    )


_KINDS = (
    (_shape, "shape_mismatch", "the message quotes sizes or shapes that do not fit together"),
    (_missing_path, "missing_file_or_module", "the message names a path that is not there"),
    (_dtype_or_device, "dtype_or_device_mismatch", "the message names a tensor type or a device"),
)


#: a check that a path is there (`os.path.exists(p)`, `os.path.isfile(p)`, `Path(p).is_dir()`, `p.exists()`)
_PATH_CHECK = re.compile(r"\bos\.path\.(?:l?exists|isfile|isdir)\(|\.(?:exists|is_file|is_dir)\(\)")
_ASSERT_STATEMENT = re.compile(r"^assert\b")
#: the input/output error of the operating system (EIO), which says a device failed, not what was asked of it
_EIO = re.compile(r"\[Errno 5\]|\bInput/output error\b")
#: code that writes to storage: a save, a dump, a write, the close or flush that commits it
_WRITES = re.compile(r"\b(?:save\w*|dump\w*|write\w*|close|flush|to_csv|to_parquet)\(", re.I)


def framed_family(info: ExceptionInfo, code: list[str]) -> Family | None:
    """The family the traceback's own source lines (`code`, innermost last) give an exception whose message says
    too little: a bare `AssertionError` raised by `assert os.path.exists(path)` is a missing path, an `OSError:
    [Errno 5] Input/output error` raised under `torch.save(...)` is a write to storage that failed."""
    if not code:
        return None
    if info.name == "AssertionError" and _ASSERT_STATEMENT.match(code[-1]) and _PATH_CHECK.search(code[-1]):
        return Family("missing_file_or_module", "the assertion that failed checks that a path exists")
    if _EIO.search(info.message) and any(_WRITES.search(line) for line in code):
        return Family("disk_full", "an input/output error while the run was writing to storage")
    return None


def structural_family(info: ExceptionInfo) -> Family | None:
    """The family the literals in an otherwise unrecognised exception's message point to, or None."""
    if info.name in _NAME_CLASSES or not info.message or carries_os_error(info.message):
        return None
    for test, category, why in _KINDS:
        if test(info.message):
            return Family(category, why)
    return None
