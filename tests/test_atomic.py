"""Atomic writes keep a replaced file's permissions and honour the umask for new ones."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from okr_toolkit._atomic import write_all_atomic, write_atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process's umask after a test that changes it."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.mark.parametrize(("mask", "expected"), [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_a_new_file_honours_the_umask(tmp_path, umask, mask, expected):
    os.umask(mask)
    out = write_atomic(tmp_path / "new.txt", b"hello")
    assert _mode(out) == expected
    assert out.read_bytes() == b"hello"
    out2 = write_atomic(tmp_path / "new2.txt", b"x", overwrite=False)  # the hard-link path
    assert _mode(out2) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "new2.txt"]


@pytest.mark.parametrize("existing", [0o600, 0o640, 0o755, 0o444])
@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_a_replaced_file_keeps_its_permission_bits(tmp_path, umask, existing, mask):
    os.umask(mask)
    path = tmp_path / "okrs.yaml"
    path.write_bytes(b"old")
    path.chmod(existing)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert _mode(path) == existing, oct(_mode(path))
    assert [p.name for p in tmp_path.iterdir()] == ["okrs.yaml"]


def test_several_files_each_keep_their_own_bits(tmp_path, umask):
    os.umask(0o022)
    private, shared, new = tmp_path / "a.csv", tmp_path / "a.kpis.csv", tmp_path / "a.checkins.csv"
    for path, mode in ((private, 0o600), (shared, 0o640)):
        path.write_bytes(b"old")
        path.chmod(mode)
    write_all_atomic({private: b"1", shared: b"2", new: b"3"})
    assert (_mode(private), _mode(shared), _mode(new)) == (0o600, 0o640, 0o644)


def test_the_temporary_file_is_never_more_open_than_the_target(tmp_path, umask, monkeypatch):
    """While the content is written, the temporary file has the target's final bits."""
    import okr_toolkit._atomic as atomic

    os.umask(0o022)
    path = tmp_path / "secret.yaml"
    path.write_bytes(b"old")
    path.chmod(0o600)
    seen: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    write_atomic(path, b"new")
    assert seen == [0o600]


def test_a_replaced_file_keeps_its_group(tmp_path):
    path = tmp_path / "okrs.yaml"
    path.write_bytes(b"old")
    if os.geteuid() == 0:
        groups = [54321]  # root may give a file to any group
    else:
        groups = [g for g in os.getgroups() if g != path.stat().st_gid]
    if not groups:
        pytest.skip("this user belongs to one group only")
    os.chown(path, -1, groups[0])
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert (path.stat().st_gid, _mode(path)) == (groups[0], 0o640)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="only root gives files away")
def test_root_replacing_a_users_file_leaves_it_theirs(tmp_path):
    path = tmp_path / "okrs.yaml"
    path.write_bytes(b"old")
    os.chown(path, 54321, 54322)
    path.chmod(0o600)
    write_atomic(path, b"new")
    info = path.stat()
    assert (info.st_uid, info.st_gid, _mode(path)) == (54321, 54322, 0o600)


@pytest.mark.parametrize(("mask", "expected"), [("077", 0o600), ("022", 0o644)])
def test_okr_new_and_export_honour_the_umask_of_the_shell(tmp_path, mask, expected):
    """The files the command writes, under the umask a user's shell sets."""
    script = (
        f"umask {mask} && {sys.executable} -m okr_toolkit.cli new okrs.yaml --cycle 2027Q1"
        f" && {sys.executable} -m okr_toolkit.cli export okrs.yaml -o okrs.csv"
    )
    done = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    written = sorted(tmp_path.iterdir())
    assert [p.name for p in written] == [
        "okrs.checkins.csv",
        "okrs.csv",
        "okrs.kpis.csv",
        "okrs.yaml",
    ]
    assert {p.name: _mode(p) for p in written} == {p.name: expected for p in written}


def test_okr_new_force_keeps_a_private_file_private(tmp_path):
    path = tmp_path / "okrs.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    done = subprocess.run(
        [sys.executable, "-m", "okr_toolkit.cli", "new", str(path), "--force", "--cycle", "2027Q1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert _mode(path) == 0o600 and "cycle: 2027Q1" in path.read_text(encoding="utf-8")
