"""The reporter lifecycle (after flake8's formatters): start → file(result)… → finish(summary)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from datacard_lint.diagnostics import Severity

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult


@dataclass(slots=True)
class Summary:
    """Totals over a run, filled in as results arrive."""

    cards: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    below_min_score: int = 0
    #: Messages of linter failures (a rule that crashed, a worker that died): exit status 2.
    internal_messages: list[str] = field(default_factory=list)

    def add(self, result: CardResult) -> None:
        self.cards += 1
        for diagnostic in result.diagnostics:
            self.by_severity[diagnostic.severity.value] += 1
            self.by_code[diagnostic.code] += 1
            self.names[diagnostic.code] = diagnostic.name
        if result.below_min_score():
            self.below_min_score += 1
        self.internal_messages.extend(f"{result.path}: {m}" for m in result.internal_errors)

    @property
    def internal_errors(self) -> int:
        return len(self.internal_messages)

    @property
    def errors(self) -> int:
        return self.by_severity[Severity.ERROR.value]


class Reporter:
    """Base class: subclasses override the hooks they need and write only to `stream`."""

    #: Whether the reporter wants per-card scores computed.
    wants_scores = False

    def __init__(self, stream: TextIO, *, statistics: bool = False, show_help: bool = True,
                 color: bool = False, quiet: bool = False) -> None:
        self.stream = stream
        self.statistics = statistics
        self.show_help = show_help
        #: ANSI colour (text reporters only; the CLI decides from --color and the environment).
        self.color = color
        #: Findings only, no summary (text reporters only).
        self.quiet = quiet

    def start(self) -> None:
        """Called once before any card."""

    def file(self, result: CardResult) -> None:
        """Called once per card, in input order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last card."""
