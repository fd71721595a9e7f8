"""Render governance scores: a per-card table (text), JSON, or Markdown for step summaries."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from datacard_lint import __version__
from datacard_lint.requirements import REQUIREMENT_TITLES

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult


def render_text(results: Iterable[CardResult], stream: TextIO) -> None:
    for result in results:
        score = result.score
        if score is None:
            continue
        stream.write(f"{result.path}: {score.overall:.0f}/100 (profile {score.profile} {score.profile_version})\n")
        for name, req in score.requirements.items():
            shown = "n/a" if not req.applicable else f"{req.score:.0f}"
            note = " (capped by errors)" if req.capped else ""
            step = req.next_step or ("-" if req.applicable else f"not applicable: {req.reason}")
            stream.write(f"  {name:<17} {req.level_name:<15} {shown:>4}{note}  {step}\n")
        stream.write("\n")


def render_json(results: Iterable[CardResult], stream: TextIO) -> None:
    """The same document `json.dump(..., indent=2)` writes, one card at a time (streamed)."""
    head = {"format": "datacard-lint-scores", "version": 1, "tool": {"name": "datacard-lint", "version": __version__}}
    stream.write(json.dumps(head, indent=2, ensure_ascii=False)[:-2] + ',\n  "cards": [')
    count = 0
    for r in results:
        card = {"path": r.path, "errors": sum(1 for d in r.diagnostics if d.severity.value == "error"),
                "score": r.score.to_dict() if r.score else None}
        item = json.dumps(card, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        stream.write(("," if count else "") + "\n    " + item)
        count += 1
    stream.write("\n  ]\n}\n" if count else "]\n}\n")


def render_markdown(results: Iterable[CardResult], stream: TextIO) -> None:
    stream.write("## Dataset-card governance coverage\n\n")
    header = ["Card", "Overall", *(REQUIREMENT_TITLES[name] for name in REQUIREMENT_TITLES)]
    stream.write("| " + " | ".join(header) + " |\n")
    stream.write("|" + "---|" * len(header) + "\n")
    for result in results:
        score = result.score
        if score is None:
            continue
        cells = [f"`{result.path}`", f"**{score.overall:.0f}**"]
        for name in REQUIREMENT_TITLES:
            req = score.requirements[name]
            cells.append("n/a" if not req.applicable else f"{req.score:.0f} ({req.level_name})")
        stream.write("| " + " | ".join(cells) + " |\n")
    stream.write("\n")
