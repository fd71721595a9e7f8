"""What the Hub metadata already says about governance, so `init` can pre-fill it.

Only facts the card states are taken: creators marked `machine-generated` or a
`synthetic` tag (some parts are generated), the configs (the parts), row counts from
`dataset_info`, the languages (the slices to evaluate) and `extended|<dataset>` sources.
Everything else is left for the user, marked TODO.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_SLUG_DROP = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Config:
    """One Hub config: its name and, when `dataset_info` gives split sizes, its row count."""

    name: str
    rows: int | None = None


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """A sentence of the card's body that says some data was generated (see `datacard_lint.evidence`)."""

    line: int
    quote: str
    models: tuple[str, ...] = ()
    seeds: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Inferred:
    #: Why the data looks (partly) generated, e.g. "annotations_creators: machine-generated".
    synthetic_evidence: tuple[str, ...] = ()
    configs: tuple[Config, ...] = ()
    languages: tuple[str, ...] = ()
    source_datasets: tuple[str, ...] = ()
    #: Hub language entries that are not strings (an unquoted `no` read as false, say).
    skipped_languages: tuple[str, ...] = field(default=())
    #: Sentences of the body that say data was generated, with the models and seeds they name.
    text_evidence: tuple[TextEvidence, ...] = ()
    #: Lines the new block adds above the body, so comments can cite evidence lines as they will be.
    line_shift: int = 0

    @property
    def synthetic(self) -> bool:
        return bool(self.synthetic_evidence or self.text_evidence)

    @property
    def generator_models(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for e in self.text_evidence for m in e.models))

    @property
    def seed_sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for e in self.text_evidence for s in e.seeds))


def infer(metadata: Mapping[Any, Any] | None, text_evidence: tuple[TextEvidence, ...] = ()) -> Inferred:
    meta = metadata if isinstance(metadata, Mapping) else {}
    languages, skipped = _languages(meta.get("language"))
    return Inferred(
        synthetic_evidence=_synthetic_evidence(meta),
        configs=_configs(meta),
        languages=languages,
        source_datasets=_source_datasets(meta.get("source_datasets")),
        skipped_languages=skipped,
        text_evidence=text_evidence,
    )


def slug(name: str) -> str:
    """A part id (`^[a-z0-9][a-z0-9._-]*$`) from a config name."""
    text = _SLUG_DROP.sub("-", name.strip().lower()).strip("-._")
    return text or "part"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _synthetic_evidence(meta: Mapping[Any, Any]) -> tuple[str, ...]:
    evidence: list[str] = []
    for key in ("language_creators", "annotations_creators"):
        if "machine-generated" in _as_list(meta.get(key)):
            evidence.append(f"{key}: machine-generated")
    tags = [t for t in _as_list(meta.get("tags")) if isinstance(t, str) and "synthetic" in t.lower()]
    if tags:
        evidence.append(f"tags: {tags[0]}")
    return tuple(evidence)


def _languages(value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    seen: dict[str, None] = {}
    skipped: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            seen.setdefault(item.strip(), None)
        else:
            skipped.append(repr(item))
    return tuple(seen), tuple(skipped)


def _source_datasets(value: Any) -> tuple[str, ...]:
    """`extended|squad` names a source dataset; `original` and the like do not."""
    found: dict[str, None] = {}
    for item in _as_list(value):
        if isinstance(item, str) and item.startswith("extended|") and item[len("extended|"):].strip():
            found.setdefault(item[len("extended|"):].strip(), None)
    return tuple(found)


def _configs(meta: Mapping[Any, Any]) -> tuple[Config, ...]:
    rows = _rows_by_config(meta.get("dataset_info"))
    names = [n for n in (_config_name(c) for c in _as_list(meta.get("configs"))) if n is not None]
    if not names and len(rows) > 1:
        names = list(rows)  # script-based datasets list their configs only in dataset_info
    unique = dict.fromkeys(names)
    return tuple(Config(name, rows.get(name)) for name in unique)


def _config_name(entry: Any) -> str | None:
    """Modern cards list mappings with `config_name`; 2022 cards list bare names."""
    if isinstance(entry, Mapping):
        entry = entry.get("config_name")
    return entry if isinstance(entry, str) and entry.strip() else None


def _rows_by_config(info: Any) -> dict[str, int]:
    """Total `num_examples` over splits, per config, when every split gives it."""
    rows: dict[str, int] = {}
    for entry in _as_list(info):
        if not isinstance(entry, Mapping):
            continue
        name = entry.get("config_name", "default")
        splits = entry.get("splits")
        if not isinstance(name, str) or not isinstance(splits, list) or not splits:
            continue
        counts = [s.get("num_examples") if isinstance(s, Mapping) else None for s in splits]
        if all(isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in counts):
            rows[name] = sum(counts)  # type: ignore[arg-type]
    return rows
