"""Showing or applying an edit to a card: `--dry-run`, `--diff`, or an atomic write.

Shared by `init` and `render`, which both compute the new bytes first and only then decide
what to do with them, so every mode shows exactly what a write would produce.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import click

from datacard_lint.fileio import atomic_write_bytes

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def card_path(path: Path) -> Path:
    """A directory stands for the README.md inside it, as on the Hub."""
    return path / "README.md" if path.is_dir() else path


def split_lines(text: str) -> list[str]:
    """Lines with their own line breaks, splitting only where YAML and the Hub do."""
    return _LINE.findall(text)


def unified_diff(old: str, new: str, name: str) -> str:
    out: list[str] = []
    for line in difflib.unified_diff(split_lines(old), split_lines(new), f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def emit(path: Path, old: bytes, new: bytes, *, dry_run: bool, diff: bool) -> bool:
    """Print the new file or the diff, or write it; True when the file was written."""
    if dry_run:
        sys.stdout.flush()
        sys.stdout.buffer.write(new)  # bytes as they would be written: BOM, CRLF and all
        sys.stdout.buffer.flush()
        return False
    if diff:
        click.echo(unified_diff(_text(old), _text(new), path.as_posix()), nl=False)
        return False
    # Write through a symlink to the file it names, rather than replacing the link itself.
    destination = path.resolve() if path.is_symlink() else path
    try:
        atomic_write_bytes(destination, new)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}", 2)
    return True


def fail(message: str, status: int = 1) -> None:
    """A clear one-line error naming the file, then exit; never a traceback."""
    click.echo(f"datacard-lint: {message}", err=True)
    raise click.exceptions.Exit(status)


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")
