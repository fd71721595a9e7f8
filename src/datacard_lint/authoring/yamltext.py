"""A tiny YAML writer for blocks we generate ourselves, with comments attached to values.

PyYAML's dumper cannot write comments, and the block `init` writes is mostly comments
telling users what to fill in. The data is small and made of plain types, so a writer
that quotes anything ambiguous is simpler than bending a full emitter.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")  # used with fullmatch: `$` would accept a final newline
_RESOLVER = yaml.resolver.Resolver()


@dataclass(frozen=True, slots=True)
class Noted:
    """A value with a `# comment` written after it (or after its key, for collections)."""

    value: Any
    note: str


@dataclass(frozen=True, slots=True)
class CommentLine:
    """A key standing for a whole `# comment` line inside a mapping."""

    text: str


def scalar(value: Any) -> str:
    """A scalar as YAML text that reads back as exactly `value` (YAML 1.1 and 1.2)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value!r} into a governance block")
        return repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and _reads_as_string(text):
        return text
    # A JSON string is a valid YAML double-quoted scalar; escape what YAML 1.1 rejects raw.
    return _escape_unprintable(json.dumps(text, ensure_ascii=False))


@functools.lru_cache(maxsize=4096)
def _reads_as_string(text: str) -> bool:
    """Whether a plain scalar resolves to a string under PyYAML's YAML 1.1 rules (`no`, `1.0` do not)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == "tag:yaml.org,2002:str"


def _escape_unprintable(quoted: str) -> str:
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in quoted)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _comment(note: str | None) -> str:
    return f"  # {note}" if note else ""


def lines(value: Mapping[Any, Any], indent: int = 0) -> list[str]:
    """Block-style lines for a mapping, without line breaks, indented by `indent` spaces."""
    out: list[str] = []
    _mapping(value, indent, out, first_prefix=None)
    return out


def _unwrap(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, Noted):
        return value.value, value.note
    return value, None


def _mapping(value: Mapping[Any, Any], indent: int, out: list[str], first_prefix: str | None) -> None:
    pad = " " * indent
    for index, (key, raw) in enumerate(value.items()):
        lead = first_prefix if (index == 0 and first_prefix is not None) else pad
        if isinstance(key, CommentLine):
            out.append(f"{lead}# {key.text}")
            continue
        item, note = _unwrap(raw)
        head = f"{lead}{scalar(key)}:"
        if _flat(item):
            out.append(f"{head} {_inline(item)}{_comment(note)}")
        elif isinstance(item, Mapping) and item:
            out.append(head + _comment(note))
            _mapping(item, indent + 2, out, first_prefix=None)
        elif isinstance(item, Sequence) and not isinstance(item, str) and item:
            out.append(head + _comment(note))
            _sequence(item, indent + 2, out)
        else:
            out.append(f"{head} {_inline(item)}{_comment(note)}")


def _sequence(items: Sequence[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for raw in items:
        item, note = _unwrap(raw)
        if isinstance(item, Mapping) and item and not _flat(item):
            start = len(out)
            _mapping(item, indent + 2, out, first_prefix=f"{pad}- ")
            if note:
                out[start] += _comment(note)
        else:
            out.append(f"{pad}- {_inline(item)}{_comment(note)}")


def _flat(value: Any) -> bool:
    """Small collections of plain scalars read best on one line: `size: {rows: 100}`."""
    if isinstance(value, str) or not isinstance(value, (Mapping, Sequence)) or not value:
        return False
    values = list(value.values()) if isinstance(value, Mapping) else list(value)
    return len(values) <= 3 and not any(isinstance(v, (Mapping, Sequence, Noted)) and not isinstance(v, str)
                                        for v in values)


def _inline(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{scalar(k)}: {_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return scalar(value)
