"""Render governance scores: a per-card table (text), JSON, or Markdown for step summaries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from datacard_lint import __version__
from datacard_lint.requirements import REQUIREMENT_TITLES

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult


def render_text(results: Sequence[CardResult], stream: TextIO) -> None:
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


def render_json(results: Sequence[CardResult], stream: TextIO) -> None:
    document = {
        "format": "datacard-lint-scores",
        "version": 1,
        "tool": {"name": "datacard-lint", "version": __version__},
        "cards": [
            {"path": r.path, "errors": sum(1 for d in r.diagnostics if d.severity.value == "error"),
             "score": r.score.to_dict() if r.score else None}
            for r in results
        ],
    }
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def render_markdown(results: Sequence[CardResult], stream: TextIO) -> None:
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
