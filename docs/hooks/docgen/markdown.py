"""Small Markdown builders shared by the page generators."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from typing import Any

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def code(value: Any) -> str:
    """An inline code span; non-strings are shown as JSON."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if "`" in text:
        return f"`` {text} ``"
    return f"`{text}`"


def cell(text: str) -> str:
    """One table cell: a single line, with pipes escaped outside code spans."""
    text = " ".join(str(text).split())
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(text[last : match.start()].replace("|", r"\|"))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].replace("|", r"\|"))
    return "".join(out)


def table(header: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def relative(from_page: str, to_path: str) -> str:
    """A link from one file to another, both given relative to docs_dir (anchors kept)."""
    target, _, anchor = to_path.partition("#")
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return link + (f"#{anchor}" if anchor else "")


def slug(path: str) -> str:
    """A stable HTML id for a dotted property path: `a.b[].c` -> `a-b-c`."""
    return re.sub(r"[^a-z0-9_]+", "-", path.lower().replace("[]", "")).strip("-")


def join_and(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def sentence(text: str) -> str:
    text = str(text).strip()
    return text if text[-1:] in ".!?…" else text + "."


def yaml_block(data: Any) -> list[str]:
    import yaml

    return ["```yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip(), "```"]
