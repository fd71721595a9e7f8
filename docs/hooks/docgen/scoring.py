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


#: The date the gallery table in examples/README.md is checked at, so the two agree.
GALLERY_AS_OF = "2026-11-24"


def render_gallery_scores(root: Path, src_uri: str) -> str:
    """Score every gallery card with the default profile, as `datacard-lint score` would."""
    import datetime as dt

    from datacard_lint.config.settings import Settings
    from datacard_lint.engine import Engine
    from datacard_lint.requirements import REQUIREMENTS

    gallery = root / "examples" / "gallery"
    cards = sorted(gallery.rglob("README.md"))
    if not cards:
        raise PluginError("no gallery cards under examples/gallery/")
    settings = Settings(as_of=dt.date.fromisoformat(GALLERY_AS_OF), min_score=0.0)
    engine = Engine(settings)
    rows = []
    for path in cards:
        result = engine.check_text(path.read_text(encoding="utf-8"), display=path.as_posix(), settings=settings)
        if result.score is None:
            raise PluginError(f"{path}: no score")
        name = path.parent.relative_to(gallery).as_posix()
        cells = []
        for requirement in REQUIREMENTS:
            req = result.score.requirements[requirement]
            cells.append("n/a" if not req.applicable else f"{req.score:.0f}")
        errors = sum(1 for d in result.diagnostics if d.severity.value == "error")
        rows.append([code(name), f"**{result.score.overall:.0f}**", *cells, str(errors)])
    headers = ["Card", "Overall", *(r.replace("_", " ") for r in REQUIREMENTS), "Errors"]
    note = (f"Scored with the `default` profile at {GALLERY_AS_OF}, when the site is built, from the cards in "
            "`examples/gallery/` (n/a: declared not applicable with a reason, or not asked of the card; "
            "see the principles above).")
    return "\n".join([note, "", table(headers, rows)])
