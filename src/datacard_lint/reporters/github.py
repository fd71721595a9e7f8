"""GitHub Actions workflow commands: one annotation per finding, grouped per card.

The escaping follows `@actions/core` (`command.ts`): in the message `%`, CR and LF are
percent-encoded; in property values `:` and `,` are too, or a path containing them would
cut the property list short. GitHub accepts `col`/`endColumn` only when the annotation
starts and ends on the same line, so multi-line spans carry lines only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datacard_lint.diagnostics import Diagnostic, Severity
from datacard_lint.reporters.base import Reporter, Summary
from datacard_lint.reporters.text import summary_line

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult

#: Diagnostic severity -> workflow command.
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic, show_help: bool = True) -> str:
    properties = [("file", diagnostic.path), ("line", str(diagnostic.line))]
    if diagnostic.end_line <= diagnostic.line:
        end_col = max(diagnostic.end_col, diagnostic.col)
        properties += [("col", str(diagnostic.col)), ("endLine", str(diagnostic.line)), ("endColumn", str(end_col))]
    else:
        properties.append(("endLine", str(diagnostic.end_line)))
    properties.append(("title", f"datacard-lint ({diagnostic.code})"))
    message = f"{diagnostic.code} {diagnostic.message}"
    if show_help and diagnostic.help:
        message += f"\nhelp: {diagnostic.help}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {props}::{escape_data(message)}"


class GithubReporter(Reporter):
    """Annotations inside `::group::` blocks, one block per card with findings."""

    def file(self, result: CardResult) -> None:
        below = result.below_min_score() and result.score is not None
        if not result.diagnostics and not below:
            return
        # A group title is shown verbatim; only line breaks would break the command.
        self.stream.write(f"::group::{escape_data(result.path)}\n")
        for diagnostic in result.diagnostics:
            self.stream.write(annotation(diagnostic, self.show_help) + "\n")
        if below and result.score is not None and result.settings.min_score is not None:
            message = (
                f"governance score {result.score.overall:.0f} is below the minimum {result.settings.min_score:.0f}"
            )
            props = f"file={escape_property(result.path)},line=1,title=datacard-lint (min-score)"
            self.stream.write(f"::error {props}::{escape_data(message)}\n")
        self.stream.write("::endgroup::\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write(summary_line(summary) + "\n")
