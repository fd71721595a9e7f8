"""Where reports go: standard output, or a file replaced atomically when asked for."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from datacard_lint.fileio import atomic_write_text


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    buffer = io.StringIO()
    yield buffer
    atomic_write_text(path, buffer.getvalue())
