"""Tables of the scoring profiles in schema/profiles/*.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .markdown import code, relative, slug, table
from .rules import STANDARD_PAGES
from .schemas import SchemaSet

_SHOWN = {"$schema", "name", "version", "description", "levels", "weights", "error_cap", "bands", "thresholds"}


def load_profiles(root: Path) -> list[tuple[str, dict[str, Any]]]:
    """(source path, data) of each profile, the default profile first."""
    paths = [p for p in sorted((root / "schema" / "profiles").glob("*.json")) if not p.name.endswith(".schema.json")]
    if not paths:
        raise PluginError("no scoring profiles under schema/profiles/")
    loaded = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("levels", "weights"):
            if not isinstance(data.get(key), dict):
                raise PluginError(f"{path}: profile lacks a {key!r} object")
        loaded.append((path.relative_to(root).as_posix(), data))
    loaded.sort(key=lambda item: (item[1].get("name") != "default", str(item[1].get("name", ""))))
    return loaded


def render_profiles(root: Path, schemas: SchemaSet, src_uri: str) -> str:
    from datacard_lint.requirements import REQUIREMENT_TITLES, REQUIREMENTS

    out: list[str] = []
    formats = [s for s in schemas.files if s.published.startswith("schema/profiles/")]
    if formats:
        link = relative(src_uri, formats[0].page)
        out += [f"Each profile is a JSON file in the format of the [profile schema]({link}).", ""]
    for source, data in load_profiles(root):
        name = str(data.get("name") or Path(source).stem)
        out += [f"### `{name}` {{#profile-{slug(name)}}}", ""]
        if data.get("description"):
            out += [str(data["description"]), ""]
        meta = [["Version", code(data.get("version", ""))], ["Source", code(source)]]
        if data.get("error_cap") is not None:
            meta.append(["Error cap", code(data["error_cap"])])
        out += [table(["Property", "Value"], meta), ""]
        out += ["**Levels** (points a requirement earns):", ""]
        out += [table(["Level", "Points"], [[code(k), _num(v)] for k, v in data["levels"].items()]), ""]
        weights = data["weights"]
        total = sum(float(w) for w in weights.values()) or 1.0
        rows = []
        for key in [*REQUIREMENTS, *(k for k in weights if k not in REQUIREMENTS)]:
            if key not in weights:
                continue
            title = REQUIREMENT_TITLES.get(key, key)
            if key in STANDARD_PAGES:
                title = f"[{title}]({relative(src_uri, STANDARD_PAGES[key])})"
            rows.append([code(key), title, _num(weights[key]), f"{100 * float(weights[key]) / total:.1f} %"])
        out += ["**Weights:**", "", table(["Requirement", "Title", "Weight", "Share of the total"], rows), ""]
        if bands := data.get("bands"):
            ordered = sorted(bands.items(), key=lambda kv: -float(kv[1]))
            rows = [[code(k), f"{_num(v)} or more"] for k, v in ordered]
            out += ["**Bands** (overall score for each badge colour):", "", table(["Band", "Score"], rows), ""]
        for title, block in (("Thresholds", data.get("thresholds")), ("Other settings", _rest(data))):
            if block:
                rows = [[code(k), code(v)] for k, v in _flatten(block)]
                out += [f"**{title}:**", "", table(["Key", "Value"], rows), ""]
    return "\n".join(out).rstrip()


def _rest(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _SHOWN}


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            out += _flatten(value, f"{prefix}{key}.")
        else:
            out.append((f"{prefix}{key}", value))
    return out


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
