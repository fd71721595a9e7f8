"""Typed reads of the front matter and the card body that both exports share."""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.loading.card import Card

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
#: Lines that open something other than a paragraph: heading, list item, table, quote,
#: HTML, image, horizontal rule.
_NOT_PROSE = re.compile(r"^(#|[-*+]\s|\d+[.)]\s|\||>|<|!\[|---|\*\*\*$)")
_PLACEHOLDER = re.compile(r"\[more information needed\]", re.IGNORECASE)


def text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    result = float(value)
    return result if math.isfinite(result) else None


def integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, float) and value.is_integer() else None


def date(value: object) -> str | None:
    """An ISO date string from a YAML date, a datetime or a `YYYY-MM-DD…` string."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            return None
    return None


def mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def strings(value: object) -> list[str]:
    """A string or a list of strings as a list (other items dropped)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [item.strip() for item in value if isinstance(item, str) and item.strip()]
    return []


def mappings(value: object) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, list):
        for item in value:
            if isinstance(item, Mapping):
                yield item


def size_of(value: object) -> dict[str, int | str]:
    data = mapping(value)
    found: dict[str, int | str] = {
        unit: amount for unit in ("rows", "tokens", "bytes") if (amount := integer(data.get(unit))) is not None
    }
    tokenizer = text(data.get("tokenizer"))
    if tokenizer and "tokens" in found:
        found["tokenizer"] = tokenizer
    return found


def period(value: object) -> tuple[str | None, str | None]:
    data = mapping(value)
    return date(data.get("start")), date(data.get("end"))


def percent(share: float | None) -> str | None:
    if share is None:
        return None
    return f"{share * 100:.1f}".rstrip("0").rstrip(".") + "%"


@dataclass(frozen=True, slots=True)
class PartView:
    """One part of the governance block, with the fields the exports use."""

    data: Mapping[str, Any]

    @property
    def id(self) -> str:
        return text(self.data.get("id")) or "unnamed"

    @property
    def origin(self) -> Mapping[str, Any]:
        return mapping(self.data.get("origin"))

    @property
    def origin_class(self) -> str | None:
        return text(self.origin.get("class"))

    @property
    def share(self) -> float | None:
        return number(self.data.get("share"))

    @property
    def basis(self) -> str:
        return text(self.data.get("share_basis")) or "rows"

    @property
    def share_text(self) -> str | None:
        shown = percent(self.share)
        return f"{shown} of {self.basis}" if shown else None

    @property
    def description(self) -> str | None:
        return text(self.data.get("description"))

    @property
    def generators(self) -> list[Mapping[str, Any]]:
        """Generators that name a model or (schema 1.1) a non-learned algorithm."""
        return [g for g in mappings(self.origin.get("generators")) if text(g.get("model")) or text(g.get("algorithm"))]

    @property
    def classes(self) -> list[str]:
        """The origin class, or the classes of the breakdown of a `mixed` part (schema 1.1)."""
        klass = self.origin_class
        if klass == "mixed":
            return [c for entry in mappings(self.origin.get("breakdown")) if (c := text(entry.get("class")))]
        return [klass] if klass else []

    @property
    def breakdown(self) -> list[tuple[str, float | None]]:
        """(class, share of the part) for each source of a `mixed` part (schema 1.1)."""
        if self.origin_class != "mixed":
            return []
        return [(c, number(entry.get("share"))) for entry in mappings(self.origin.get("breakdown"))
                if (c := text(entry.get("class")))]

    @property
    def config_name(self) -> str | None:
        return text(self.data.get("config_name"))

    @property
    def size(self) -> dict[str, int | str]:
        """The part's size as numbers (rows, tokens, bytes) and the tokenizer, where given."""
        return size_of(self.data.get("size"))

    @property
    def purposes(self) -> list[Mapping[str, Any]]:
        """The purpose as a list: one object (schema 1.0) or several (1.1)."""
        value = self.data.get("purpose")
        if isinstance(value, Mapping):
            return [value]
        return [p for p in mappings(value) if text(p.get("statement")) or text(p.get("category"))]

    @property
    def contamination(self) -> Mapping[str, Any]:
        return self.section("contamination")

    @property
    def verification_methods(self) -> list[Mapping[str, Any]]:
        return [m for m in mappings(self.section("verification").get("methods")) if text(m.get("method"))]

    @property
    def processing(self) -> list[Mapping[str, Any]]:
        """The part's own processing steps (schema 1.1)."""
        return [s for s in mappings(self.data.get("processing")) if text(s.get("method"))]

    def section(self, name: str) -> Mapping[str, Any]:
        return mapping(self.data.get(name))


@dataclass(frozen=True, slots=True)
class CardView:
    """The parts of a card the exports read."""

    card: Card

    @property
    def meta(self) -> Mapping[Any, Any]:
        return self.card.metadata if isinstance(self.card.metadata, Mapping) else {}

    @property
    def governance(self) -> Mapping[str, Any]:
        return mapping(self.meta.get(GOVERNANCE_KEY))

    @property
    def parts(self) -> list[PartView]:
        return [PartView(p) for p in mappings(self.governance.get("parts"))]

    @property
    def renewal(self) -> Mapping[str, Any]:
        return mapping(self.governance.get("renewal"))

    @property
    def dataset_size(self) -> dict[str, int | str]:
        """Totals for the whole dataset (schema 1.1 `dataset.size`)."""
        return size_of(mapping(self.governance.get("dataset")).get("size"))

    @property
    def grounded_share(self) -> float | None:
        return number(self.renewal.get("grounded_share"))

    @property
    def generation(self) -> int | None:
        return integer(self.renewal.get("generation"))

    @property
    def tail_evaluations(self) -> list[Mapping[str, Any]]:
        return list(mappings(self.governance.get("tail_evaluations")))

    @property
    def contamination_checks(self) -> list[Mapping[str, Any]]:
        return list(mappings(self.governance.get("contamination_checks")))

    @property
    def processing(self) -> list[Mapping[str, Any]]:
        """Processing steps that apply to every part (schema 1.1)."""
        return [s for s in mappings(self.governance.get("processing")) if text(s.get("method"))]

    @property
    def has_governance(self) -> bool:
        return isinstance(self.meta.get(GOVERNANCE_KEY), Mapping)

    def hub(self, key: str) -> list[str]:
        return strings(self.meta.get(key))

    def body_sections(self) -> dict[str, str]:
        """Markdown sections of the body by lower-cased heading, placeholders removed."""
        return body_sections(self.card.body)

    def summary(self) -> str | None:
        """The card's own one-paragraph description: a "Dataset Summary" section, else the
        first paragraph of prose in the body."""
        sections = self.body_sections()
        for heading, content in sections.items():
            if "summary" in heading and first_paragraph(content):
                return first_paragraph(content)
        return first_paragraph(self.card.body)


def body_sections(body: str) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            current = sections.setdefault(match.group(2).strip().lower(), [])
            continue
        if current is not None:
            current.append(line)
    cleaned = {}
    for heading, lines in sections.items():
        content = reflow(_PLACEHOLDER.sub("", "\n".join(lines)))
        if content:
            cleaned[heading] = content
    return cleaned


def reflow(markdown: str) -> str:
    """Join the hard-wrapped lines of each paragraph; keep list items and table rows apart."""
    out: list[str] = []
    for line in markdown.strip().splitlines():
        stripped = line.strip()
        if out and stripped and out[-1] and not _NOT_PROSE.match(stripped):
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
    return "\n".join(out).strip()


def first_paragraph(markdown: str) -> str | None:
    """The first block of plain prose: not a heading, list, table, quote, code or HTML."""
    fenced = False
    block: list[str] = []
    for line in markdown.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            block = []
            continue
        if fenced:
            continue
        if not stripped:
            if block:
                paragraph = " ".join(block)
                cleaned = _PLACEHOLDER.sub("", paragraph).strip()
                if cleaned:
                    return cleaned
            block = []
            continue
        if block or not _NOT_PROSE.match(stripped):
            block.append(stripped)
    return None


def sections_matching(sections: Mapping[str, str], *words: str) -> list[str]:
    """Contents of the sections whose heading contains one of `words` (as whole words)."""
    patterns = [re.compile(rf"\b{re.escape(word)}") for word in words]
    return [content for heading, content in sections.items() if any(p.search(heading) for p in patterns)]
