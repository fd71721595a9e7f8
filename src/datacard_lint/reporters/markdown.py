"""A Markdown report for a GitHub job summary (`>> $GITHUB_STEP_SUMMARY`).

One table row per card with its governance score and finding counts, then the findings
counted per rule. Individual findings are left to annotations or SARIF: a summary that
lists hundreds of lines is one nobody reads.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from datacard_lint._meta import rule_url
from datacard_lint.reporters.base import Reporter, Summary
from datacard_lint.reporters.text import summary_line
from datacard_lint.requirements import REQUIREMENT_TITLES

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult


def cell(text: str) -> str:
    """Table-cell text: a `|` or a line break would end the cell or the row."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def code_cell(text: str) -> str:
    ticks = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{ticks}{pad}{cell(text)}{pad}{ticks}"


class MarkdownReporter(Reporter):
    wants_scores = True

    def start(self) -> None:
        self.rows: list[str] = []

    def file(self, result: CardResult) -> None:
        counts = Counter(d.severity.value for d in result.diagnostics)
        score = result.score
        cells = [code_cell(result.path)]
        if score is None:
            cells.append("-")
        else:
            overall = f"**{score.overall:.0f}**"
            if result.below_min_score():
                overall += f" (below {result.settings.min_score:.0f})"
            cells.append(overall)
        cells += [str(counts["error"]), str(counts["warning"]), str(counts["info"])]
        for name in REQUIREMENT_TITLES:
            req = score.requirements.get(name) if score else None
            if req is None:
                cells.append("-")
            else:
                cells.append("n/a" if not req.applicable else f"{req.score:.0f} ({req.level_name})")
        self.rows.append("| " + " | ".join(cells) + " |")

    def finish(self, summary: Summary) -> None:
        write = self.stream.write
        write("## datacard-lint\n\n")
        write(summary_line(summary) + "\n\n")
        header = ["Card", "Score", "Errors", "Warnings", "Info", *REQUIREMENT_TITLES.values()]
        write("| " + " | ".join(header) + " |\n")
        write("|" + "|".join(["---"] + ["---:"] * 4 + ["---"] * len(REQUIREMENT_TITLES)) + "|\n")
        for row in self.rows:
            write(row + "\n")
        if summary.by_code:
            write("\n### Findings by rule\n\n| Rule | Name | Count |\n|---|---|---:|\n")
            for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                write(f"| [{code}]({rule_url(code)}) | {cell(summary.names[code])} | {count} |\n")
        write("\n")
