"""Fold per-card results into the audit's numbers, one card at a time.

Results are added as they stream out of the runner and then dropped, so memory stays
flat for tens of thousands of cards. The output is plain JSON-ready data, ordered
deterministically (counts descending, then code), with no timestamps: two audits of the
same cards with the same linter are byte-identical.
"""

from __future__ import annotations

import heapq
import json
import statistics
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from datacard_lint import __version__
from datacard_lint.evidence import models_in_message
from datacard_lint.requirements import REQUIREMENT_TITLES, REQUIREMENTS
from datacard_lint.rules import registry
from datacard_lint.scoring.profile import LEVELS

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult

FORMAT = "datacard-lint-audit/1"
BINS = 10
REQUIREMENT_LEVELS = (*LEVELS, "not_applicable")

STATUSES = ("with_governance", "no_governance", "no_metadata", "unreadable")
#: Cards listed in the report's "most errors" table.
WORST = 20
#: Rules whose findings quote generated-content evidence and name its models.
UNDECLARED_GENERATED = registry.get("undeclared-generated-content").code
DECLARED_HUMAN = registry.get("generated-content-declared-human").code


@dataclass(slots=True)
class _Code:
    name: str
    severity: str
    occurrences: int = 0
    cards: int = 0


@dataclass(slots=True)
class Audit:
    profile: str = "default"
    as_of: str | None = None
    source: str = ""
    not_fetched: list[dict[str, str]] = field(default_factory=list)
    codes: dict[str, _Code] = field(default_factory=dict)
    levels: dict[str, Counter[str]] = field(default_factory=lambda: {r: Counter() for r in REQUIREMENTS})
    severities: Counter[str] = field(default_factory=Counter)
    internal_errors: int = 0
    #: Per-card rows go to a temporary file (JSON lines), so memory stays flat at Hub scale;
    #: only the numbers the summary needs are kept: 8 bytes of score per card and counters.
    _rows: IO[str] | None = None
    _count: int = 0
    _status: Counter[str] = field(default_factory=Counter)
    _hub_cards: int = 0
    _scores: array[float] = field(default_factory=lambda: array("d"))
    _worst: list[tuple[int, str, int, dict[str, Any]]] = field(default_factory=list)

    @property
    def cards(self) -> list[dict[str, Any]]:
        """Every card's row, in the order added (read back from the spool)."""
        return list(self.iter_cards())

    def iter_cards(self) -> Iterator[dict[str, Any]]:
        if self._rows is None:
            return
        self._rows.flush()
        self._rows.seek(0)
        for line in self._rows:
            yield json.loads(line)
        self._rows.seek(0, 2)

    def close(self) -> None:
        if self._rows is not None:
            self._rows.close()
            self._rows = None

    def _keep(self, row: dict[str, Any]) -> None:
        if self._rows is None:
            self._rows = tempfile.TemporaryFile("w+", encoding="utf-8", prefix="datacard-lint-audit-")
        self._rows.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._count += 1
        self._status[row["status"]] += 1
        self._hub_cards += bool(row["hub_errors"])
        if row["score"] is not None:
            self._scores.append(row["score"])
        if row["errors"]:
            # A min-heap of the WORST cards by (errors, then path first): the weakest leaves first.
            entry = (row["errors"], _reverse(row["path"]), -self._count, row)
            if len(self._worst) < WORST:
                heapq.heappush(self._worst, entry)
            elif entry[:3] > self._worst[0][:3]:
                heapq.heapreplace(self._worst, entry)

    def worst_cards(self) -> list[dict[str, Any]]:
        """The cards with the most errors (ties by path), as the HTML report lists them."""
        return [e[3] for e in sorted(self._worst, key=lambda e: (-e[0], e[3]["path"], -e[2]))]
    #: Cards per model named in generated-content evidence (each card counts a model once).
    generator_models: Counter[str] = field(default_factory=Counter)

    def add(self, result: CardResult) -> None:
        seen: set[str] = set()
        counts: Counter[str] = Counter()
        for diagnostic in result.diagnostics:
            entry = self.codes.setdefault(diagnostic.code, _Code(diagnostic.name, diagnostic.severity.value))
            entry.occurrences += 1
            if diagnostic.code not in seen:
                seen.add(diagnostic.code)
                entry.cards += 1
            counts[diagnostic.severity.value] += 1
        self.severities.update(counts)
        self.internal_errors += len(result.internal_errors)
        self.generator_models.update({model for d in result.diagnostics
                                      if d.code in (UNDECLARED_GENERATED, DECLARED_HUMAN)
                                      for model in models_in_message(d.message)})
        score = result.score
        if score is not None:
            for name, requirement in score.requirements.items():
                self.levels.setdefault(name, Counter())[requirement.level_name] += 1
        self._keep({
            "path": result.path,
            "status": _status(result.has_governance, seen),
            "score": round(score.overall, 1) if score is not None else None,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "hub_errors": sum(1 for d in result.diagnostics
                              if _is_hub(d.code) and d.severity.value == "error"),
        })

    def add_failure(self, card: str, reason: str) -> None:
        self.not_fetched.append({"card": card, "reason": reason})

    def to_dict(self, top: int = 25, *, cards: bool = True) -> dict[str, Any]:
        """The report's data; `cards=False` leaves the per-card rows out (see `iter_cards`)."""
        scores = list(self._scores)
        by_code = sorted(self.codes.items(), key=lambda item: (-item[1].occurrences, item[0]))
        hub = [(code, entry) for code, entry in by_code if _is_hub(code)]
        return {
            "format": FORMAT,
            "tool": {"name": "datacard-lint", "version": __version__},
            "source": self.source,
            "profile": self.profile,
            "as_of": self.as_of,
            "totals": {
                "cards": self._count,
                "not_fetched": len(self.not_fetched),
                "internal_errors": self.internal_errors,
                "findings": {s: self.severities[s] for s in ("error", "warning", "info")},
                "status": {s: self._status[s] for s in STATUSES},
            },
            "scores": _score_summary(scores),
            "requirements": {
                name: {
                    "title": REQUIREMENT_TITLES.get(name, name),
                    "levels": {level: self.levels[name][level] for level in REQUIREMENT_LEVELS},
                }
                for name in self.levels
            },
            "findings": [_code_dict(code, entry) for code, entry in by_code[:top]],
            "rules_seen": len(by_code),
            "hub": {
                "errors": sum(e.occurrences for _, e in hub if e.severity == "error"),
                "cards_with_errors": self._hub_cards,
                "findings": sum(e.occurrences for _, e in hub),
                "by_code": [_code_dict(code, entry) for code, entry in hub],
            },
            "generated_content": {
                "cards_undeclared": self._cards_with(UNDECLARED_GENERATED),
                "cards_declared_human": self._cards_with(DECLARED_HUMAN),
                "models": [{"model": name, "cards": n}
                           for name, n in sorted(self.generator_models.items(), key=lambda i: (-i[1], i[0]))[:top]],
            },
            "cards": self.cards if cards else [],
            "not_fetched": self.not_fetched,
            "worst_cards": self.worst_cards(),
        }

    def _cards_with(self, code: str) -> int:
        entry = self.codes.get(code)
        return entry.cards if entry is not None else 0


class _reverse(str):
    """Orders paths backwards, so that the heap drops the later path of two equal counts."""

    __slots__ = ()

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:
        return str.__lt__(self, other)


def _is_hub(code: str) -> bool:
    """Hub-metadata rules, by their registered category."""
    return registry.get(code).category == "hub"


def _status(has_governance: bool, codes: set[str]) -> str:
    if has_governance:
        return "with_governance"
    # Loader findings explain why a card without a governance block has no usable metadata.
    if codes & registry.codes_reading("unreadable"):
        return "unreadable"
    return "no_metadata" if codes & registry.codes_reading("no-metadata") else "no_governance"


def _code_dict(code: str, entry: _Code) -> dict[str, Any]:
    return {"code": code, "name": entry.name, "severity": entry.severity, "occurrences": entry.occurrences,
            "cards": entry.cards}


def _score_summary(scores: list[float]) -> dict[str, Any]:
    """Ten bins of width 10; a score of 100 falls in the last one."""
    counts = [0] * BINS
    for value in scores:
        counts[min(int(value // (100 / BINS)), BINS - 1)] += 1
    width = 100 // BINS
    histogram = [{"from": i * width, "to": (i + 1) * width, "cards": n} for i, n in enumerate(counts)]
    if not scores:
        return {"count": 0, "mean": None, "median": None, "min": None, "max": None, "histogram": histogram}
    return {
        "count": len(scores),
        "mean": round(statistics.fmean(scores), 1),
        "median": round(statistics.median(scores), 1),
        "min": min(scores),
        "max": max(scores),
        "histogram": histogram,
    }
