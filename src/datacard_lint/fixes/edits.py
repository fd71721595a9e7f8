"""Building fixes from a document: replace a scalar, quote one, rename a key."""

from __future__ import annotations

import copy
from collections.abc import Hashable
from typing import Any

from datacard_lint.authoring.yamltext import scalar
from datacard_lint.fixes.document import Document
from datacard_lint.fixes.model import Applicability, Edit, Fix, Path_


def replace_value(doc: Document, code: str, path: Path_, new: Any, applicability: Applicability,
                  title: str) -> Fix | None:
    """Write `new` where the scalar at `path` is, keeping everything around it."""
    where = doc.locate(path)
    if where is None or doc.text[where.start:where.end].count("\n"):
        return None  # multi-line scalars are left to people
    # `scalar` writes a plain scalar only without flow indicators, so it fits `[...]` too.
    return Fix(code, title, applicability, (Edit(where.start, where.end, scalar(new)),), _setter(path, new))


def quote_value(doc: Document, code: str, path: Path_, title: str) -> Fix | None:
    """Quote a plain scalar so that it reads as the string it was written as."""
    where = doc.locate(path)
    if where is None or not where.plain:
        return None
    raw = doc.text[where.start:where.end]
    if "\n" in raw or "\r" in raw:
        return None
    quoted = "'" + raw.replace("'", "''") + "'"  # single quotes have no escapes: the text stays as written
    return Fix(code, title, Applicability.SAFE, (Edit(where.start, where.end, quoted),), _setter(path, raw))


def rename_key(doc: Document, code: str, path: Path_, new_key: str, title: str) -> Fix | None:
    """Rename the last key of `path` in place (its value, comments and position stay)."""
    where = doc.locate(path, key=True)
    if where is None:
        return None
    old_key = path[-1]
    parent = path[:-1]

    def transform(meta: Any) -> Any:
        out = copy.deepcopy(meta)
        container = _get(out, parent)
        renamed = {(new_key if k == old_key else k): v for k, v in container.items()}
        container.clear()
        container.update(renamed)
        return out

    return Fix(code, title, Applicability.SAFE, (Edit(where.start, where.end, scalar(new_key)),), transform)


def _setter(path: Path_, new: Any) -> Any:
    def transform(meta: Any) -> Any:
        out = copy.deepcopy(meta)
        _get(out, path[:-1])[path[-1]] = new
        return out

    return transform


def _get(data: Any, path: tuple[Hashable, ...]) -> Any:
    for part in path:
        data = data[part]
    return data

