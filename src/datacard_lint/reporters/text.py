"""Human-readable output: `path:line:col: CODE message`, then a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datacard_lint.reporters.base import Reporter, Summary
from datacard_lint.reporters.color import paint

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult


class TextReporter(Reporter):
    """One line per finding with its severity, an indented help line, and a summary."""

    def file(self, result: CardResult) -> None:
        on = self.color
        for d in result.diagnostics:
            where = paint(f"{d.path}:{d.line}:{d.col}:", "bold", on)
            severity = paint(f"[{d.severity.value}]", _SEVERITY_STYLE[d.severity.value], on)
            self.stream.write(f"{where} {paint(d.code, 'bold', on)} {severity} {d.message}\n")
            if self.show_help and d.help:
                self.stream.write(f"    {paint('help:', 'cyan', on)} {d.help}\n")
        if result.score is not None and result.settings.min_score is not None and result.below_min_score():
            self.stream.write(
                f"{result.path}: governance score {result.score.overall:.0f} is below the minimum "
                f"{result.settings.min_score:.0f}\n"
            )

    def finish(self, summary: Summary) -> None:
        if self.statistics and summary.by_code:
            from datacard_lint.fixes.registry import label

            width = max(len(name) for name in summary.names.values())
            for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                fix = label(code)
                line = f"{count:6d}  {code}  {summary.names[code]:<{width}}"
                self.stream.write((f"{line}  [fix: {fix}]" if fix else line.rstrip()) + "\n")
        if not self.quiet:
            style = "red+bold" if summary.errors else "green"
            self.stream.write(paint(summary_line(summary), style, self.color) + "\n")


_SEVERITY_STYLE = {"error": "red+bold", "warning": "yellow", "info": "dim"}


class ConciseReporter(TextReporter):
    """Exactly `path:line:col: CODE message` per finding (for editors and grep)."""

    def file(self, result: CardResult) -> None:
        for d in result.diagnostics:
            self.stream.write(f"{d.path}:{d.line}:{d.col}: {d.code} {d.message}\n")

    def finish(self, summary: Summary) -> None:
        if self.statistics:
            super().finish(summary)


def summary_line(summary: Summary) -> str:
    sev = summary.by_severity
    cards = f"{summary.cards} card{'s' if summary.cards != 1 else ''}"
    parts = [f"{sev['error']} error{'s' if sev['error'] != 1 else ''}",
             f"{sev['warning']} warning{'s' if sev['warning'] != 1 else ''}"]
    if sev["info"]:
        parts.append(f"{sev['info']} info")
    line = f"Checked {cards}: " + ", ".join(parts)
    if summary.below_min_score:
        line += f"; {summary.below_min_score} below the minimum score"
    return line + "."
