"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (see `atomic_write_chunks`)."""
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write to a temporary file in the same directory, fsync, then rename over `path`.

    The chunks are written as they come, so a large report need not be held in memory.

    The rename is atomic on POSIX, so readers see either the old or the new file. The
    original file's permission bits are kept; a new file gets the usual umask-based ones.
    """
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # a new file gets what open() would give it, not mkstemp's 0600
    import tempfile  # imported when writing, not on every run that might write

    _remove_orphans(directory, path.name)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with _suppress_missing():
            os.unlink(temp_name)
        raise


_SUFFIX = ".tmp"


def _remove_orphans(directory: Path, name: str) -> None:
    """Delete temporary files of `name` left by a writer that was killed before its rename.

    Each temporary file carries its writer's process id, so one still being written by a
    live process (another run on the same card) is left alone. No card pattern matches
    these names, so a leftover is never linted; this keeps it from piling up.
    """
    prefix = f".{name}."
    try:
        candidates = [entry for entry in os.scandir(directory)
                      if entry.name.startswith(prefix) and entry.name.endswith(_SUFFIX)]
    except OSError:
        return
    for entry in candidates:
        pid_text = entry.name[len(prefix):].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        except OSError:
            pass  # another run removed it first, or it is not ours to remove


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or not a pid we can ask about: keep the file
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


class _suppress_missing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return exc[0] is FileNotFoundError
