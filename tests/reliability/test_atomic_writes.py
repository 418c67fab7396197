"""write_atomic never loses, corrupts or silently changes a user's file."""

from __future__ import annotations

import gc
import os
import pickle
import stat
from pathlib import Path

import pytest

from lint import atomic
from lint.atomic import AtomicWriter, FileIdentity, WriteRefused, write_atomic

ORIGINAL = "原文*\n".encode() * 100
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def target(tmp_path: Path) -> Path:
    p = tmp_path / "page.txt"
    p.write_bytes(ORIGINAL)
    os.chmod(p, 0o640)
    return p


def names(directory: Path) -> list[str]:
    """Everything in the folder, temporary files included."""
    return sorted(x.name for x in directory.iterdir())


def identity(path: Path) -> FileIdentity:
    return FileIdentity.of(os.stat(path))


def during_write(monkeypatch: pytest.MonkeyPatch, action) -> None:
    """Run ``action`` after the temporary file is written, before the final check."""
    real_fsync = os.fsync
    done = []

    def fsync(fd: int) -> None:
        real_fsync(fd)
        if not done:
            done.append(True)
            action()

    monkeypatch.setattr(os, "fsync", fsync)


# -- the plain write -------------------------------------------------------------


def test_replaces_content_keeps_mode_and_leaves_no_temp_file(target):
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(target.parent) == ["page.txt"]


def test_matching_identity_is_written(target):
    write_atomic(target, b"new", expect=identity(target))
    assert target.read_bytes() == b"new"


def test_new_file_without_expectation_gets_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "fresh.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh.txt").stat().st_mode) == 0o644
    assert names(tmp_path) == ["fresh.txt"]


def test_symlink_is_written_through_and_stays_a_link(tmp_path, target):
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    write_atomic(link, b"through", expect=FileIdentity.of(os.stat(link)))
    assert link.is_symlink() and os.readlink(link) == "page.txt"
    assert target.read_bytes() == b"through"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(tmp_path) == ["link.txt", "page.txt"]


# -- refusals: the file stays byte-identical -------------------------------------


def assert_refused(path: Path, words: str, data: bytes = b"new", **kwargs) -> WriteRefused:
    before = os.stat(path)
    with pytest.raises(WriteRefused) as info:
        write_atomic(path, data, **kwargs)
    assert words in str(info.value)
    assert path.read_bytes() == ORIGINAL
    after = os.stat(path)
    assert (after.st_ino, after.st_mode, after.st_uid, after.st_gid) == (
        before.st_ino,
        before.st_mode,
        before.st_uid,
        before.st_gid,
    )
    return info.value


def test_read_only_file_is_refused_and_untouched(target):
    os.chmod(target, 0o444)
    exc = assert_refused(target, "read-only", expect=identity(target))
    assert isinstance(exc, OSError)  # callers reporting failed writes report this too
    assert names(target.parent) == ["page.txt"]


def test_read_only_file_is_refused_without_expectation_too(target):
    os.chmod(target, 0o400)
    assert_refused(target, "read-only")


def test_hard_linked_file_is_refused_and_links_stay_joined(tmp_path, target):
    other = tmp_path / "other-name.txt"
    os.link(target, other)
    assert_refused(target, "hard links", expect=identity(target))
    assert os.stat(other).st_ino == os.stat(target).st_ino
    assert other.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["other-name.txt", "page.txt"]


def test_file_modified_since_read_is_refused(target):
    seen = identity(target)
    target.write_bytes(ORIGINAL.replace(b"*", b"!"))  # same size
    os.utime(target, ns=(seen.st_mtime_ns + 10**9, seen.st_mtime_ns + 10**9))
    with pytest.raises(WriteRefused, match="modified since it was read"):
        write_atomic(target, b"new", expect=seen)
    assert target.read_bytes() == ORIGINAL.replace(b"*", b"!")  # the other edit survives
    assert names(target.parent) == ["page.txt"]


def test_file_touched_since_read_is_refused(target):
    seen = identity(target)
    os.utime(target, ns=(seen.st_mtime_ns, seen.st_mtime_ns + 1))
    assert_refused(target, "modified since it was read", expect=seen)


def test_file_that_changed_size_since_read_is_refused(target):
    seen = identity(target)
    with open(target, "ab") as fh:
        fh.write(b"more")
    os.utime(target, ns=(seen.st_mtime_ns, seen.st_mtime_ns))  # same mtime, other size
    with pytest.raises(WriteRefused, match="modified"):
        write_atomic(target, b"new", expect=seen)
    assert target.read_bytes() == ORIGINAL + b"more"


def test_file_replaced_by_another_since_read_is_refused(tmp_path, target):
    seen = identity(target)
    newer = tmp_path / "newer"
    newer.write_bytes(b"someone else's version")
    os.replace(newer, target)
    with pytest.raises(WriteRefused, match="replaced by another"):
        write_atomic(target, b"new", expect=seen)
    assert target.read_bytes() == b"someone else's version"


def test_file_deleted_since_read_is_not_recreated(tmp_path, target):
    seen = identity(target)
    target.unlink()
    with pytest.raises(WriteRefused, match="deleted"):
        write_atomic(target, b"new", expect=seen)
    assert names(tmp_path) == []


def test_file_deleted_while_writing_is_not_recreated(tmp_path, target, monkeypatch):
    seen = identity(target)
    during_write(monkeypatch, target.unlink)
    with pytest.raises(WriteRefused, match="deleted"):
        write_atomic(target, b"new", expect=seen)
    assert names(tmp_path) == []


def test_file_modified_while_writing_is_not_overwritten(tmp_path, target, monkeypatch):
    seen = identity(target)

    def edit() -> None:
        with open(target, "ab") as fh:
            fh.write(b"typed meanwhile")

    during_write(monkeypatch, edit)
    with pytest.raises(WriteRefused, match="modified"):
        write_atomic(target, b"new", expect=seen)
    assert target.read_bytes() == ORIGINAL + b"typed meanwhile"
    assert names(tmp_path) == ["page.txt"]


def test_file_made_read_only_while_writing_is_refused(tmp_path, target, monkeypatch):
    during_write(monkeypatch, lambda: os.chmod(target, 0o444))
    with pytest.raises(WriteRefused, match="read-only"):
        write_atomic(target, b"new", expect=identity(target))
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["page.txt"]


def test_file_appearing_while_writing_a_new_one_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "new.txt"
    during_write(monkeypatch, lambda: path.write_bytes(b"theirs"))
    with pytest.raises(WriteRefused, match="appeared"):
        write_atomic(path, b"mine")
    assert path.read_bytes() == b"theirs"
    assert names(tmp_path) == ["new.txt"]


def test_directory_is_refused(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(WriteRefused, match="not a regular file"):
        write_atomic(tmp_path / "d", b"x")
    assert (tmp_path / "d").is_dir()


# -- ownership -------------------------------------------------------------------


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_owner_and_group_are_kept_when_root_writes(target):
    os.chown(target, 1234, 2345)
    os.chmod(target, 0o660)
    write_atomic(target, b"new", expect=identity(target))
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 2345, 0o660)
    assert target.read_bytes() == b"new"


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_set_id_bits_survive_the_change_of_owner(target):
    os.chown(target, 1234, 1234)
    os.chmod(target, 0o6750)
    write_atomic(target, b"new")
    st = target.stat()
    assert (st.st_uid, stat.S_IMODE(st.st_mode)) == (1234, 0o6750)


def test_owner_that_cannot_be_kept_is_refused(tmp_path, target, monkeypatch):
    def fchown(fd: int, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", fchown)
    # as any user: pretend the file belongs to someone else
    real_stat = os.stat

    def stat_of_someone_elses_file(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if Path(path) != target:
            return st
        fields = list(st)
        fields[stat.ST_UID] = st.st_uid + 4321
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stat_of_someone_elses_file)
    with pytest.raises(WriteRefused, match="owner"):
        write_atomic(target, b"new")
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["page.txt"]


# -- failures and interrupts never leave a temporary file ------------------------


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_while_syncing_leaves_original_and_no_temp(tmp_path, target, monkeypatch, error):
    def fsync(fd: int) -> None:
        raise error

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(type(error)):
        write_atomic(target, b"new", expect=identity(target))
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["page.txt"]


def test_streamed_write_commits_at_the_end_of_the_block(tmp_path, target):
    with AtomicWriter(target, expect=identity(target)) as writer:
        for part in (b"one ", b"two ", b"three"):
            writer.stream.write(part)
        assert target.read_bytes() == ORIGINAL  # nothing visible before the commit
        assert len(names(tmp_path)) == 2
    assert target.read_bytes() == b"one two three"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(tmp_path) == ["page.txt"]


def test_interrupted_streamed_write_leaves_original_and_no_temp(tmp_path, target):
    with pytest.raises(KeyboardInterrupt), AtomicWriter(target) as writer:
        writer.stream.write(b"half of it")
        raise KeyboardInterrupt
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["page.txt"]


def test_abandoned_writer_removes_its_temp_file(tmp_path, target):
    writer = AtomicWriter(target)
    writer.stream.write(b"never committed")
    writer.stream.close()
    del writer
    gc.collect()
    assert names(tmp_path) == ["page.txt"]
    assert target.read_bytes() == ORIGINAL


def test_writer_refuses_before_any_work_is_done(tmp_path, target):
    os.chmod(target, 0o444)
    with pytest.raises(WriteRefused, match="read-only"):
        AtomicWriter(target)
    assert names(tmp_path) == ["page.txt"]


def test_writer_commits_once(target):
    writer = AtomicWriter(target)
    writer.stream.write(b"x")
    writer.commit()
    with pytest.raises(ValueError, match="already committed"):
        writer.commit()
    assert target.read_bytes() == b"x"


def test_writer_can_create_the_folders_of_a_new_file(tmp_path):
    dest = tmp_path / "out" / "sub" / "page.txt"
    with AtomicWriter(dest, create_parents=True) as writer:
        writer.stream.write(b"copy")
    assert dest.read_bytes() == b"copy"
    assert names(dest.parent) == ["page.txt"]


def test_failed_rename_leaves_original_and_no_temp(tmp_path, target, monkeypatch):
    def replace(src, dst) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="Input/output"):
        write_atomic(target, b"new")
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["page.txt"]


def test_large_write_is_complete(target):
    data = bytes(range(256)) * 40_000  # 10 MB, more than one os.write may take
    write_atomic(target, data)
    assert target.read_bytes() == data


def test_write_refused_survives_pickling_for_worker_processes(target):
    exc = WriteRefused(target, "the file is read-only; refusing to replace it")
    copy = pickle.loads(pickle.dumps(exc))
    assert (copy.path, copy.reason, str(copy)) == (str(target), exc.reason, exc.reason)
    assert copy.strerror is None  # a runner printing ``exc.strerror or exc`` shows the reason


def test_file_identity_is_taken_from_a_stat_result(target):
    st = os.stat(target)
    ident = FileIdentity.of(st)
    assert ident == FileIdentity(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    with pytest.raises(AttributeError):
        ident.st_size = 0  # frozen
    assert atomic.FileIdentity is FileIdentity
