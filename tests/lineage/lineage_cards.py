"""Writing small lineage cards to disk for the lineage tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from datacard_lint.lineage.compute import LineageReport, analyse
from datacard_lint.lineage.graph import CardCache, GraphBuilder, load_roots


def part(pid: str, klass: str, share: float | None, **origin: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": pid, "origin": {"class": klass, **origin}}
    if share is not None:
        data["share"] = share
    if klass == "model_generated":
        data["origin"].setdefault("generators", [{"model": "acme/gen-model", "revision": "v1"}])
    return data


def write_card(path: Path, parts: list[dict[str, Any]] | None, renewal: dict[str, Any] | None = None,
               name: str | None = None) -> Path:
    """A card with a governance block; `path` may be a folder (README.md is written in it)."""
    if path.suffix != ".md":
        path = path / "README.md"
    governance: dict[str, Any] = {"schema_version": "1.0"}
    if parts is not None:
        governance["parts"] = parts
    if renewal is not None:
        governance["renewal"] = renewal
    meta: dict[str, Any] = {"license": "cc-by-4.0"}
    if name:
        meta["pretty_name"] = name
    meta["governance"] = governance
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n# Card\n", encoding="utf-8")
    return path


def lineage_of(*files: Path, floor: float = 0.2, match_hub_ids: bool = True) -> LineageReport:
    cache = CardCache()
    roots = load_roots(((f, str(f)) for f in files), cache)
    graph = GraphBuilder(cache, match_hub_ids=match_hub_ids).build(roots)
    return analyse(graph, floor)


def figures_of(report: LineageReport, file: Path):  # type: ignore[no-untyped-def]
    return report.figures[str(file.resolve())]
