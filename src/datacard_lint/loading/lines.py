"""Lines as YAML counts them: the one definition every locator and reporter uses.

PyYAML and libyaml break lines at LF, CR, CRLF (one break), NEL (U+0085), LINE SEPARATOR
(U+2028) and PARAGRAPH SEPARATOR (U+2029), and count columns in characters from the last
break. Python's `str.splitlines` breaks at more characters (form feed, vertical tab, the
file/group/record separators) and a count of `\\n` at fewer; either would put a finding
after such a character on the wrong line. A card's lines are `breaks + 1` (a text ending
with a break has an empty last line, as editors show it).
"""

from __future__ import annotations

import bisect
import itertools
import re

from datacard_lint.diagnostics import Span

#: YAML's line breaks, CRLF first so that it counts once.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
BREAK_CHARS = "\r\n\x85\u2028\u2029"


def count_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """Line breaks in `text[start:end]` (a CRLF counts once)."""
    stop = len(text) if end is None else end
    if all(text.find(c, start, stop) < 0 for c in "\r\x85\u2028\u2029"):  # the common case, in C
        return text.count("\n", start, stop)
    return len(LINE_BREAK.findall(text, start, stop))


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their breaks; a trailing break ends the last line."""
    lines = LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


class LineIndex:
    """Line lengths of one text (split in C), positions from offsets, spans kept inside it.

    Every card with findings gets one, so building it must cost little: the lengths come
    from one `str.split`, and line starts are added up only when an offset is converted.
    """

    __slots__ = ("text", "_lengths", "_starts_cache", "_breaks")

    def __init__(self, text: str) -> None:
        self.text = text
        plain = all(c not in text for c in "\r\x85\u2028\u2029")
        parts = text.split("\n") if plain else LINE_BREAK.split(text)
        self._lengths = list(map(len, parts))
        self._breaks: list[int] | None = None if plain else [len(m) for m in LINE_BREAK.findall(text)]
        self._starts_cache: list[int] | None = None

    @property
    def _starts(self) -> list[int]:
        if self._starts_cache is None:
            widths = self._breaks if self._breaks is not None else itertools.repeat(1)
            starts = [0]
            for length, width in zip(self._lengths[:-1], widths, strict=False):  # repeat() is endless
                starts.append(starts[-1] + length + width)
            self._starts_cache = starts
        return self._starts_cache

    @property
    def line_count(self) -> int:
        return len(self._lengths)

    def line_length(self, line: int) -> int:
        """Characters on 1-based `line`, without its break (0 for a line past the end)."""
        if not 1 <= line <= len(self._lengths):
            return 0
        return self._lengths[line - 1]

    def line_text(self, line: int) -> str:
        if not 1 <= line <= len(self._lengths):
            return ""
        start = self._starts[line - 1]
        return self.text[start : start + self._lengths[line - 1]]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at `offset` (a break belongs to its line)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def end(self) -> tuple[int, int]:
        """The position just past the last character."""
        return len(self._lengths), self._lengths[-1] + 1

    def clamp(self, span: Span) -> Span:
        """`span` moved inside the text: lines 1..line_count, columns 1..length + 1."""
        line, col = self._clamp_point(span.line, span.col)
        end_line, end_col = self._clamp_point(span.end_line, span.end_col)
        if (end_line, end_col) < (line, col):
            end_line, end_col = line, col
        if (line, col, end_line, end_col) == (span.line, span.col, span.end_line, span.end_col):
            return span
        return Span(line, col, end_line, end_col)

    def contains(self, span: Span) -> bool:
        return self.clamp(span) == span

    def _clamp_point(self, line: int, col: int) -> tuple[int, int]:
        if line < 1:
            return 1, 1
        if line > len(self._lengths):
            return self.end()
        return line, max(1, min(col, self.line_length(line) + 1))
