"""Atomic file writes that never lose, corrupt or silently change a user's file.

``write_atomic`` writes a temporary file in the same directory, makes it durable and
renames it over the target. A crash, a full disk or an interrupt leaves either the
old file or the new one, never a mix, and never a stray temporary file. The new file
keeps the old one's permission bits and owner. It refuses (``WriteRefused``, the
file untouched) rather than:

- recreate a file deleted since it was read, or overwrite one changed since
  (``expect``: the identity, size and modification time taken when it was read);
- replace a read-only file;
- split a hard-linked file from its other names (a rename would);
- give the file another owner or other permission bits than it had.

A symbolic link is written through: its target gets the new content, the link stays.
``AtomicWriter`` is the same for content written piece by piece (a stream).
"""

from __future__ import annotations

import contextlib
import os
import stat
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_TEMP_SUFFIX = ".scrapelint"
_DELETED = "the file was deleted since it was read; not recreated"


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """Which file a path named, and its size and modification time, when it was read."""

    st_dev: int
    st_ino: int
    st_size: int
    st_mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileIdentity:
        """The identity in a stat result (take it from ``os.fstat`` of the descriptor read)."""
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class WriteRefused(OSError):
    """A write that would lose or silently change something; the file was left untouched.

    ``str(exc)`` (and ``exc.reason``) says why, without the path; ``exc.path`` is
    the file. Being an OSError, callers that report failed writes report it too.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(reason)
        self.path = os.fspath(path)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason

    def __reduce__(self) -> tuple[type[WriteRefused], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


def _refusal(st: os.stat_result, path: Path, expect: FileIdentity | None) -> str | None:
    """Why ``path`` (last stat ``st``) must not be replaced, or None when it may be."""
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file; refusing to replace it"
    if expect is not None:
        now = FileIdentity.of(st)
        if (now.st_dev, now.st_ino) != (expect.st_dev, expect.st_ino):
            return "the file was replaced by another one since it was read; not overwritten"
        if now != expect:
            return "the file was modified since it was read; not overwritten"
    if not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return "the file is read-only; refusing to replace it"
    if st.st_nlink > 1:
        return (
            f"the file has {st.st_nlink} hard links and replacing it would split them;"
            " refusing to replace it"
        )
    return None


def _create_temp(directory: Path, name: str, mode: int) -> tuple[int, Path]:
    """Create a new, empty temporary file next to the target; return its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = directory / f".{name}.{os.urandom(4).hex()}{_TEMP_SUFFIX}"
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {directory}")


def _keep_owner_and_mode(fd: int, st: os.stat_result) -> str | None:
    """Give the temporary file the original's owner and mode; say why not when that fails."""
    mode = stat.S_IMODE(st.st_mode)
    own = os.fstat(fd)
    if (own.st_uid, own.st_gid) != (st.st_uid, st.st_gid):
        if not hasattr(os, "fchown"):
            return "its owner cannot be kept on this system; refusing to replace it"
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except OSError as exc:
            return (
                f"its owner ({st.st_uid}:{st.st_gid}) cannot be kept"
                f" ({exc.strerror or exc}); refusing to replace it"
            )
    os.fchmod(fd, mode)  # after chown, which clears the set-id bits
    own = os.fstat(fd)
    if (own.st_uid, own.st_gid, stat.S_IMODE(own.st_mode)) != (st.st_uid, st.st_gid, mode):
        return "its owner or permission bits cannot be kept; refusing to replace it"
    return None


class AtomicWriter:
    """A temporary file next to ``path`` that replaces it on ``commit``, or is removed.

    Write to ``stream`` (binary), then ``commit()``; ``discard()`` drops the
    temporary file and leaves ``path`` as it was. Used as a context manager, it
    commits when the block ends normally and discards on an exception. The checks
    of ``write_atomic`` run twice: when the writer is made (so no work is wasted on
    a file that will be refused) and right before the rename.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        expect: FileIdentity | None = None,
        create_parents: bool = False,
    ) -> None:
        self.path = Path(os.path.realpath(path))  # write through a symlink, keep the link
        self.expect = expect
        if create_parents:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._before = _stat_or_none(self.path)
        if self._before is None:
            if expect is not None:
                raise WriteRefused(
                    self.path, "the file was deleted since it was read; not recreated"
                )
        else:
            reason = _refusal(self._before, self.path, expect)
            if reason is not None:
                raise WriteRefused(self.path, reason)
        fd, self.temp = _create_temp(
            self.path.parent, self.path.name, 0o600 if self._before is not None else 0o666
        )
        self._cleanup = weakref.finalize(self, _remove, self.temp)  # if never committed
        try:
            if self._before is not None:
                reason = _keep_owner_and_mode(fd, self._before)
                if reason is not None:
                    raise WriteRefused(self.path, reason)
            self.stream: BinaryIO = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            self._cleanup()
            raise
        self._open = True

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def commit(self) -> None:
        """Make the data durable, check the file is still the one read, and rename."""
        if not self._open:
            raise ValueError("this atomic write was already committed or discarded")
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            self._check_before_rename()
            os.replace(self.temp, self.path)
        except BaseException:
            self.discard()
            raise
        self._open = False
        self._cleanup.detach()
        with contextlib.suppress(OSError):  # make the rename itself durable where possible
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def discard(self) -> None:
        """Remove the temporary file; the destination stays as it was."""
        self._open = False
        with contextlib.suppress(OSError):
            self.stream.close()
        self._cleanup()

    def _check_before_rename(self) -> None:
        """As late as possible: is the file still the one read, and may it be replaced?"""
        before, path = self._before, self.path
        now = _stat_or_none(path)
        if now is None:
            if before is not None or self.expect is not None:
                raise WriteRefused(path, "the file was deleted during the run; not recreated")
            return
        if before is None:
            raise WriteRefused(path, "a file of that name appeared during the run; not replaced")
        reason = _refusal(now, path, self.expect or FileIdentity.of(before))
        if reason is None and (now.st_uid, now.st_gid, now.st_mode) != (
            before.st_uid,
            before.st_gid,
            before.st_mode,
        ):
            reason = "its owner or permissions changed during the run; not overwritten"
        if reason is not None:
            raise WriteRefused(path, reason)


def _stat_or_none(path: Path) -> os.stat_result | None:
    """``os.stat(path)``, or None when there is no such file."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _remove(path: Path) -> None:
    """Remove a temporary file if it is still there."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, expect: FileIdentity | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its mode and owner, or refuse.

    With ``expect`` (the identity taken when the file was read), the file must still
    exist and be that same, unmodified file; this is checked again right before the
    rename. Without it, a missing file is created (mode from the umask). Raises
    ``WriteRefused`` when the write would lose or change something, another OSError
    when the system fails; either way the original file is untouched and no
    temporary file is left behind.
    """
    with AtomicWriter(path, expect=expect) as writer:
        writer.stream.write(data)
