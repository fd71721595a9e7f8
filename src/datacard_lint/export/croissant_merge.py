"""Merge the card's RAI and PROV facts into an existing Croissant file (the Hub's, say).

The base keeps everything it has: its `distribution` and `recordSet`s (which a card cannot
describe), its `@context` entries, its `conformsTo` (mlcroissant reads the first entry as
the Croissant version, so the RAI conformance is appended, never put first), and every
value it already sets, unless the caller asks to overwrite. Only the prefixes and term
definitions the new properties need are added to the `@context`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datacard_lint.export.croissant_vocab import CONTEXT_ADDITIONS, CROISSANT_PREFIX, CROISSANT_RAI_1_0

#: The `@type` spellings of a schema.org Dataset.
_DATASET_TYPES = {"sc:Dataset", "schema:Dataset", "Dataset", "https://schema.org/Dataset", "http://schema.org/Dataset"}
#: What the base alone describes: never taken from the card when the base has it.
_BASE_ONLY = ("distribution", "recordSet")
#: Read-size guard: a Croissant file is metadata; a multi-gigabyte "base" is a mistake.
MAX_BASE_BYTES = 64 * 1024 * 1024


class NotCroissant(Exception):
    """The base file cannot be merged into (not JSON, not a Dataset, not Croissant)."""


@dataclass(slots=True)
class Merged:
    document: dict[str, Any]
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    context_added: list[str] = field(default_factory=list)


def read_base(path: Path) -> dict[str, Any]:
    """The base document, or NotCroissant saying what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_BASE_BYTES:
            raise NotCroissant(f"{path}: {size:,} bytes is too large for a Croissant metadata file")
        data = path.read_bytes()
    except OSError as exc:
        raise NotCroissant(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotCroissant(f"{path} is not a Croissant file: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise NotCroissant(f"{path} is not a Croissant file: not valid JSON at line {exc.lineno}, column "
                           f"{exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise NotCroissant(f"{path} is not a Croissant file: its JSON is nested too deeply to read") from None
    problem = croissant_problem(document)
    if problem:
        raise NotCroissant(f"{path} is not a Croissant file: {problem}")
    assert isinstance(document, dict)
    return document


def croissant_problem(document: object) -> str | None:
    """Why `document` is not a Croissant dataset description, or None when it is one."""
    if not isinstance(document, dict):
        return f"the top level is a JSON {type(document).__name__}, not an object"
    context = document.get("@context")
    if not isinstance(context, dict):
        return "it has no `@context` object"
    types = document.get("@type")
    type_list = types if isinstance(types, list) else [types]
    if not any(t in _DATASET_TYPES for t in type_list):
        return f"its `@type` is {json.dumps(types)}, not a schema.org Dataset"
    if not any(str(c).startswith(CROISSANT_PREFIX) for c in _as_list(document.get("conformsTo"))) and \
            context.get("cr") != CROISSANT_PREFIX:
        return f"neither `conformsTo` names {CROISSANT_PREFIX}… nor does `@context` define the `cr` prefix"
    return None


def merge(base: Mapping[str, Any], export: Mapping[str, Any], *, overwrite: bool = False) -> Merged:
    """`base` with the export's properties added; the base wins on every value it has."""
    document = json.loads(json.dumps(base))  # a deep copy that is plain JSON
    merged = Merged(document)
    context: dict[str, Any] = document["@context"]
    for term, definition in CONTEXT_ADDITIONS.items():
        if term not in context:
            context[term] = definition
            merged.context_added.append(term)
        elif context[term] != definition:
            raise NotCroissant(f"the base `@context` defines `{term}` as {json.dumps(context[term])}, not "
                               f"{json.dumps(definition)}; the merged properties would mean something else")
    conforms = _as_list(document.get("conformsTo"))
    if CROISSANT_RAI_1_0 not in conforms:
        document["conformsTo"] = [*conforms, CROISSANT_RAI_1_0] if conforms else CROISSANT_RAI_1_0
        merged.added.append("conformsTo")
    present = {expand(key, context): key for key in document}
    for key, value in export.items():
        if key in ("@context", "@type", "conformsTo"):
            continue
        existing = present.get(expand(key, context))
        if existing is not None and _has_value(document[existing]):
            if overwrite and key not in _BASE_ONLY:
                document[existing] = value
                merged.replaced.append(existing)
            else:
                merged.kept.append(existing)
            continue
        document[existing or key] = value
        merged.added.append(existing or key)
    return merged


def expand(key: str, context: Mapping[str, Any]) -> str:
    """A property name as an IRI, as far as a flat `@context` says (enough to match keys)."""
    if key.startswith("@") or "://" in key:
        return key
    prefix, colon, rest = key.partition(":")
    if colon and isinstance(context.get(prefix), str):
        return str(context[prefix]) + rest
    definition = context.get(key)
    if isinstance(definition, Mapping):
        definition = definition.get("@id")
    if isinstance(definition, str) and definition != key:
        return expand(definition, context)
    vocab = context.get("@vocab")
    return f"{vocab}{key}" if isinstance(vocab, str) and not colon else key


def _has_value(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
