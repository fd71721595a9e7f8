"""Read a card's bytes safely and decode them the way the Hub does (UTF-8, BOM tolerated)."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from datacard_lint import codes
from datacard_lint.diagnostics import FILE_START, Finding, Span
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.lines import LineIndex

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class SourceText:
    """Decoded text (None when it cannot be decoded) plus what was odd about the bytes."""

    text: str | None
    findings: list[Finding] = field(default_factory=list)
    had_bom: bool = False


def read_bytes(path: Path, limits: Limits) -> tuple[bytes | None, list[Finding]]:
    """Open only regular files, read-only, never more than the size limit."""
    try:
        info = path.stat()
    except OSError as exc:
        return None, [_stat_error(path, exc)]
    if stat.S_ISDIR(info.st_mode):
        return None, [Finding(codes.FILE_UNREADABLE, f"{path.name} is a directory, not a card file", FILE_START)]
    if not stat.S_ISREG(info.st_mode):
        # FIFOs, sockets and devices could block or never end; refuse before opening.
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "not a regular file"
        return None, [Finding(codes.FILE_UNREADABLE, f"{path.name} is {kind}; only regular files are read", FILE_START)]
    if info.st_size > limits.max_file_bytes:
        return None, [_too_large(info.st_size, limits)]
    try:
        data = _read_at_most(path, limits.max_file_bytes + 1, info.st_size)
    except OSError as exc:
        return None, [_io_error(path, exc)]
    if len(data) > limits.max_file_bytes:  # grew between stat and read
        return None, [_too_large(len(data), limits)]
    return data, []


def _read_at_most(path: Path, limit: int, expected: int) -> bytes:
    """Read-only, non-blocking, with plain system calls (no buffered file object per card)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        remaining = limit
        while remaining > 0:
            chunk = os.read(fd, min(remaining, max(expected + 1, 65536)))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def decode(data: bytes) -> SourceText:
    """UTF-8 with an optional BOM, as `huggingface_hub` reads cards (`utf-8-sig`)."""
    if data.startswith(_UTF32_BOMS) or data.startswith(_UTF16_BOMS):
        encoding = "UTF-32" if data.startswith(_UTF32_BOMS) else "UTF-16"
        message = f"file is encoded as {encoding}; dataset cards must be UTF-8"
        return SourceText(None, [Finding(codes.NOT_UTF8, message, FILE_START, "re-save the file as UTF-8")])
    findings: list[Finding] = []
    had_bom = data.startswith(_UTF8_BOM)
    if had_bom:
        findings.append(
            Finding(
                codes.BYTE_ORDER_MARK,
                "file starts with a UTF-8 byte-order mark",
                Span(1, 1, 1, 2),
                "remove the BOM; some YAML tools and editors mis-read it",
            )
        )
        data = data[len(_UTF8_BOM):]
    nul = data.find(b"\x00")
    if nul >= 0 and _looks_like_utf16(data):
        message = "file looks like UTF-16 text without a byte-order mark; dataset cards must be UTF-8"
        utf16 = Finding(codes.NOT_UTF8, message, FILE_START, "re-save the file as UTF-8")
        return SourceText(None, [*findings, utf16], had_bom)
    if nul >= 0:
        line, col = _byte_position(data, nul)
        message = "file contains NUL bytes; it looks binary, not a text card"
        binary = Finding(codes.BINARY_FILE, message, Span(line, col, line, col + 1))
        return SourceText(None, findings + [binary], had_bom)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex()
        message = f"byte 0x{bad} is not valid UTF-8; dataset cards must be UTF-8"
        help_text = "re-encode the file as UTF-8 (it may be Latin-1 or Windows-1252)"
        findings.append(Finding(codes.NOT_UTF8, message, Span(line, col, line, col + 1), help_text))
        return SourceText(None, findings, had_bom)
    return SourceText(text, findings, had_bom)


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> Finding | None:
    """A `str` handed over by code may hold lone surrogates, which no file can: report the first.

    Such text cannot be encoded as UTF-8, so it cannot be saved as a card or pushed to the
    Hub, and every step that encodes it (YAML's reader, hashing, writing a report) would
    fail on it.
    """
    match = _SURROGATE.search(text)
    if match is None:
        return None
    line, col = LineIndex(text).position(match.start())
    message = (f"text contains the lone surrogate U+{ord(match.group()):04X}, which is not a character;"
               " it cannot be saved as UTF-8")
    return Finding(codes.NOT_UTF8, message, Span(line, col, line, col + 1),
                   "the text was probably decoded with errors='surrogateescape'; decode it as UTF-8")


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    # In characters, with YAML's line breaks: decode the prefix leniently.
    prefix = data[:offset].decode("utf-8", errors="replace")
    return LineIndex(prefix).end()


def _looks_like_utf16(data: bytes) -> bool:
    """ASCII text in UTF-16 has a NUL in every other byte; binary files have no such rhythm."""
    sample = data[:512]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    for zeros, other in ((odd, even), (even, odd)):  # little-endian, then big-endian
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return True
    return False


def _stat_error(path: Path, exc: OSError) -> Finding:
    """Name the usual culprits of a walk: dangling and looping symbolic links."""
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if exc.errno == errno.ELOOP:
            message = f"{path.name} is a symbolic link that loops (via {target}); there is no file to read"
        elif exc.errno == errno.ENOENT:
            message = f"{path.name} is a symbolic link to {target}, which does not exist"
        else:
            return _io_error(path, exc)
        return Finding(codes.FILE_UNREADABLE, message, FILE_START)
    return _io_error(path, exc)


def _io_error(path: Path, exc: OSError) -> Finding:
    reason = exc.strerror or exc.__class__.__name__
    return Finding(codes.FILE_UNREADABLE, f"cannot read {path.name}: {reason}", FILE_START)


def _too_large(size: int, limits: Limits) -> Finding:
    message = f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit"
    return Finding(codes.FILE_TOO_LARGE, message, FILE_START,
                   "raise `max-file-bytes` in the configuration if the card is genuine")
