"""Data hashes: BLAKE3 checked against the official test vectors and b3sum, SHA-256 against sha256sum; folders
hashed over sorted names and file hashes; the stat cache; symlinks leading outside refused; DVC records used."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest
from repro_util import TRAIN, capture, item, make_repo, write

from experiment_runner.errors import OutsideWorkspace
from experiment_runner.repro.datahash import hash_data, hash_file
from experiment_runner.workspace import Workspace

# From the BLAKE3 team's test_vectors/test_vectors.json: input i % 251 for i < input_len; the first 32 bytes of
# the extended "hash" output are the default digest.
BLAKE3_VECTORS = {
    0: "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
    1: "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
    1023: "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
    1024: "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
    1025: "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
    2048: "e776b6028c7cd22a4d0ba182a8bf62205d2ef576467e838ed6f2529b85fba24a",
    3073: "7124b49501012f81cc7f11ca069ec9226cecb8a2c850cfe644e327d22d3e1cd3",
    7169: "a003fc7a51754a9b3c7fae0367ab3d782dccf28855a03d435f8cfe74605e7817",
}


def _pattern(n: int) -> bytes:
    return bytes(i % 251 for i in range(n))


def _settle():
    # Files written within 100 ms of being hashed are not cached (they may still be changing); let the test
    # files age past that, as real datasets have.
    time.sleep(0.25)


@pytest.mark.parametrize("length", sorted(BLAKE3_VECTORS))
def test_blake3_file_hashes_match_the_official_test_vectors(tmp_path, length):
    f = tmp_path / "v.bin"
    f.write_bytes(_pattern(length))
    assert hash_file(f, "blake3") == BLAKE3_VECTORS[length]


def test_a_big_file_hashed_in_threaded_chunks_equals_a_one_shot_hash(tmp_path):
    import blake3

    data = os.urandom(3 << 20) * 7  # 21 MiB: over the threaded, memory-mapped threshold
    f = tmp_path / "big.bin"
    f.write_bytes(data)
    assert hash_file(f, "blake3") == blake3.blake3(data).hexdigest()


def test_sha256_mode_equals_sha256sum(tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(os.urandom(100_000) * 3)
    out = subprocess.run(["sha256sum", str(f)], capture_output=True, text=True, check=True).stdout.split()[0]
    assert hash_file(f, "sha256") == out


@pytest.mark.skipif(
    shutil.which("b3sum") is None, reason="b3sum is not installed (Debian/Ubuntu: apt-get install b3sum)"
)
def test_blake3_file_and_folder_hashes_equal_b3sum(tmp_path):
    ws_root = tmp_path / "ws"
    write(
        ws_root, {"d/b.csv": "1,2\n", "d/a.csv": "3,4\n", "d/sub/z.txt": "z" * 10_000, "big.bin": os.urandom(9 << 20)}
    )
    ws = Workspace(ws_root)
    rec = hash_data(ws, ["big.bin", "d"], "blake3")
    b3 = subprocess.run(
        ["b3sum", "--no-names", str(ws_root / "big.bin")], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert rec.entries[0].hash == f"blake3:{b3}"
    listing = subprocess.run(
        "find . -type f | sed 's|^./||' | LC_ALL=C sort | xargs b3sum | b3sum --no-names",
        shell=True,
        cwd=ws_root / "d",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert rec.entries[1].hash == f"blake3:{listing}"


def test_a_folder_hash_depends_on_names_and_contents_not_on_creation_order(tmp_path):
    ws = Workspace(tmp_path)
    write(tmp_path, {"a/x.csv": "1", "a/y.csv": "2", "b/y.csv": "2", "b/x.csv": "1"})
    ha, hb = (e.hash for e in hash_data(ws, ["a", "b"]).entries)
    assert ha == hb
    os.rename(tmp_path / "b" / "y.csv", tmp_path / "b" / "z.csv")
    assert hash_data(ws, ["b"]).entries[0].hash != ha
    write(tmp_path, {"a/x.csv": "9"})
    assert hash_data(ws, ["a"]).entries[0].hash != ha


def test_rechecking_unchanged_data_reads_nothing_and_any_change_is_re_read(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    write(root, {"data/train.csv": "x" * 50_000, "data/val.csv": "y" * 20_000, "single.bin": b"z" * 30_000})
    _settle()
    ws, first = capture(root, data_paths=["data", "single.bin"])
    assert [e.bytes_read for e in first.data.entries] == [70_000, 30_000]
    ws, again = capture(root, data_paths=["data", "single.bin"])
    assert [(e.bytes_read, e.cache_hits) for e in again.data.entries] == [(0, 2), (0, 1)]
    assert [e.hash for e in again.data.entries] == [e.hash for e in first.data.entries]
    assert "0 B read, 2 from cache" in item(again, "data.hashes").evidence

    # Same size, mtime put back: the change of ctime still shows, and the content is re-read.
    path = root / "data" / "val.csv"
    st = path.stat()
    path.write_text("Y" * 20_000)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    ws, changed = capture(root, data_paths=["data"])
    assert changed.data.entries[0].bytes_read == 20_000 and changed.data.entries[0].cache_hits == 1
    assert changed.data.entries[0].hash != first.data.entries[0].hash


MOUNTINFO = """\
22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 22 0:35 / /proc rw,nosuid - proc proc rw
61 22 0:52 / /scratch rw,relatime shared:30 - lustre 10.0.0.1@tcp:/fs rw,flock
62 22 0:53 / /home/shared\\040data rw,relatime - nfs4 server:/export rw,vers=4.2
63 61 0:54 / /scratch/local rw - tmpfs tmpfs rw
"""


@pytest.mark.parametrize(
    "path, fs",
    [
        ("/work/data", "ext4"),
        ("/proc/1", "proc"),
        ("/scratch/imagenet/train", "lustre"),
        ("/scratch", "lustre"),
        ("/scratch/local/x", "tmpfs"),
        ("/scratchy/x", "ext4"),
        ("/home/shared data/x", "nfs4"),
        ("/home/shared", "ext4"),
    ],
)
def test_the_file_system_under_a_path_is_read_from_mountinfo(path, fs):
    from experiment_runner.repro.datahash import NETWORK_FS, _mount_fs_type

    assert _mount_fs_type(path, MOUNTINFO) == fs
    assert ("lustre" in NETWORK_FS, "nfs4" in NETWORK_FS, "ext4" in NETWORK_FS) == (True, True, False)
    assert _mount_fs_type("/proc/self") == "proc"  # the real table of this machine


def test_a_folder_on_a_network_file_system_is_statted_in_threads_with_the_same_result(tmp_path, monkeypatch):
    from experiment_runner.repro import datahash

    write(tmp_path, {f"d/sub{i % 7}/f{i:04d}.bin": f"{i}" * (i % 13 + 1) for i in range(600)})
    _settle()
    ws = Workspace(tmp_path)
    local = hash_data(ws, ["d"], "sha256").entries[0]
    shutil.rmtree(ws.store_root / ".cache")
    calls = []
    real = datahash._stat_all
    monkeypatch.setattr(datahash, "_fs_type_of", lambda path: "nfs4")
    monkeypatch.setattr(datahash, "_stat_all", lambda paths, threaded: calls.append(threaded) or real(paths, threaded))
    remote = hash_data(ws, ["d"], "sha256").entries[0]
    assert calls == [True] and remote.files == local.files == 600
    assert remote.hash == local.hash and remote.bytes_read == local.bytes_read


def test_symlinks_leading_outside_the_workspace_are_refused_while_hashing(tmp_path):
    outside = tmp_path / "outside"
    write(outside, {"secret.csv": "s", "dir/inner.csv": "i"})
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "data/ok.csv": "1", "shared/extra.csv": "2"})
    os.symlink(outside / "secret.csv", root / "data" / "leak.csv")
    os.symlink(outside / "dir", root / "data" / "leakdir")
    os.symlink(root / "shared", root / "data" / "inside")  # inside the workspace: followed
    ws, m = capture(root, data_paths=["data"])
    e = m.data.entries[0]
    assert sorted(r.link for r in e.refused) == ["data/leak.csv", "data/leakdir"]
    assert e.files == 2  # ok.csv and inside/extra.csv
    data_item = item(m, "data.hashes")
    assert data_item.status == "failed" and "data/leak.csv -> " + str(outside / "secret.csv") in data_item.evidence
    with pytest.raises(OutsideWorkspace):
        capture(root, data_paths=["data/leak.csv"])


@pytest.mark.timeout(60)
def test_a_fifo_in_a_data_folder_is_skipped_not_opened(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "data/a.csv": "1"})
    os.mkfifo(root / "data" / "pipe")
    ws, m = capture(root, data_paths=["data"])
    assert m.data.entries[0].files == 1 and item(m, "data.hashes").status == "passed"


def test_dvc_records_are_used_instead_of_reading_the_data(tmp_path):
    dvc = "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  size: 14445097\n  hash: md5\n  path: data.xml\n"
    lock = (
        "schema: '2.0'\nstages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n    - path: prepared\n"
        "      hash: md5\n      md5: 153aad06d376b6595932470e459ef42a.dir\n      size: 8437363\n      nfiles: 2\n"
    )
    root = make_repo(
        tmp_path / "ws", {"train.py": TRAIN, "data/data.xml.dvc": dvc, "data/dvc.lock": lock, "data/prepared/a": "x"}
    )
    ws, m = capture(root, data_paths=["data/data.xml", "data/prepared"])
    xml, prepared = m.data.entries
    assert (xml.source, xml.hash, xml.dvc_file, xml.bytes_read) == (
        "dvc",
        "md5:22a1a2931c8370d3aeedd7183606fd7f",
        "data/data.xml.dvc",
        0,
    )
    assert (prepared.source, prepared.hash, prepared.files) == ("dvc", "md5:153aad06d376b6595932470e459ef42a.dir", 2)
    evidence = item(m, "data.hashes").evidence
    assert "recorded by DVC in data/data.xml.dvc" in evidence and item(m, "data.hashes").status == "passed"


def test_no_data_paths_fails_the_data_item(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root)
    assert item(m, "data.hashes").status == "failed" and "data_paths" in item(m, "data.hashes").fix


def test_hashing_the_workspace_root_leaves_the_store_out(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "d.csv": "1"})
    ws, a = capture(root, data_paths=["."])
    ws, b = capture(root, data_paths=["."])  # the first capture wrote a cache into the store
    assert a.data.entries[0].hash == b.data.entries[0].hash
    assert (root / ".experiments" / ".cache").is_dir()
