"""Machine-readable output, versioned (`"version": 1`) with a JSON Schema in `schema/report/v1/`.

Cards are buffered and written as one document at the end; the shape only ever grows
within a version (new optional keys), so consumers can rely on it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from datacard_lint import __version__
from datacard_lint.reporters.base import Reporter, Summary

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult

FORMAT_NAME = "datacard-lint-report"
FORMAT_VERSION = 1


def card_dict(result: CardResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "score": result.score.to_dict() if result.score is not None else None,
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    return {
        "cards": summary.cards,
        "errors": summary.by_severity["error"],
        "warnings": summary.by_severity["warning"],
        "info": summary.by_severity["info"],
        "below_min_score": summary.below_min_score,
        "by_code": dict(sorted(summary.by_code.items())),
    }


class JsonReporter(Reporter):
    def start(self) -> None:
        self.cards: list[dict[str, Any]] = []

    def file(self, result: CardResult) -> None:
        self.cards.append(card_dict(result))

    def finish(self, summary: Summary) -> None:
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "tool": {"name": "datacard-lint", "version": __version__},
            "cards": self.cards,
            "summary": summary_dict(summary),
        }
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
