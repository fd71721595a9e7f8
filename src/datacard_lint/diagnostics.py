"""The one record every layer speaks: a located, coded finding.

Rules and loaders never format text for a terminal; they produce these, and reporters
decide how they look. Keeping the type frozen and ordered makes output deterministic.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """How bad a finding is. Only ERROR affects the exit code."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A 1-based region in the original file; the end column points just past the region."""

    line: int
    col: int
    end_line: int
    end_col: int

    @classmethod
    def point(cls, line: int, col: int = 1) -> Span:
        return cls(line, col, line, col)


FILE_START = Span.point(1, 1)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding as reporters see it: rule identity, severity, location and text."""

    code: str
    name: str
    severity: Severity
    path: str
    span: Span
    message: str
    help: str | None = field(default=None, compare=False)

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def col(self) -> int:
        return self.span.col

    @property
    def end_line(self) -> int:
        return self.span.end_line

    @property
    def end_col(self) -> int:
        return self.span.end_col

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.col, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.span.line,
            "col": self.span.col,
            "end_line": self.span.end_line,
            "end_col": self.span.end_col,
            "message": self.message,
            "help": self.help,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """What a loader or rule reports before the engine stamps name and severity onto it.

    Rules never decide their own severity (the configuration may override it), so they
    yield this smaller record and the engine turns it into a :class:`Diagnostic`.
    """

    code: str
    message: str
    span: Span
    help: str | None = None
