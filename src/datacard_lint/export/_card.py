"""Typed reads of the front matter and the card body that both exports share.

The governance block is read through the governance model (`datacard_lint.governance`);
the names here are kept for the export modules, as thin adapters over it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from datacard_lint.governance import readers
from datacard_lint.governance import view as model
from datacard_lint.loading.card import Card

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
#: Lines that open something other than a paragraph: heading, list item, table, quote,
#: HTML, image, horizontal rule.
_NOT_PROSE = re.compile(r"^(#|[-*+]\s|\d+[.)]\s|\||>|<|!\[|---|\*\*\*$)")
_PLACEHOLDER = re.compile(r"\[more information needed\]", re.IGNORECASE)


def text(value: object) -> str | None:
    """A non-blank string with its whitespace collapsed (for one-line output)."""
    stripped = readers.as_text(value)
    return " ".join(stripped.split()) if stripped is not None else None


def number(value: object) -> float | None:
    return readers.as_number(value)


def integer(value: object) -> int | None:
    return readers.as_int(value)


def date(value: object) -> str | None:
    """An ISO date string from a YAML date, a datetime or a `YYYY-MM-DD…` string."""
    parsed = readers.as_date(value)
    return parsed.isoformat() if parsed is not None else None


def mapping(value: object) -> Mapping[str, Any]:
    return readers.mapping(value)


def strings(value: object) -> list[str]:
    """A string or a list of strings as a list (other items dropped)."""
    return readers.texts(value)


def mappings(value: object) -> Iterator[Mapping[str, Any]]:
    for _, item in readers.entries(value):
        yield item


def size_of(value: object) -> dict[str, int | str]:
    return model.size_numbers(value)


def period(value: model.PeriodView) -> tuple[str | None, str | None]:
    """The period's first and last days as ISO dates."""
    start, end = value.start, value.end
    return (start.isoformat() if start else None), (end.isoformat() if end else None)


def percent(share: float | None) -> str | None:
    if share is None:
        return None
    return f"{share * 100:.1f}".rstrip("0").rstrip(".") + "%"


@dataclass(frozen=True, slots=True)
class PartView:
    """One part of the governance block, with the fields the exports use."""

    part: model.PartView

    @property
    def id(self) -> str:
        return text(self.part.raw_id) or "unnamed"

    @property
    def origin(self) -> model.OriginView:
        return self.part.origin

    @property
    def origin_class(self) -> str | None:
        return text(self.part.origin_class)

    @property
    def share(self) -> float | None:
        return self.part.share.value

    @property
    def basis(self) -> str:
        return text(self.part.share_basis) or "rows"

    @property
    def share_text(self) -> str | None:
        shown = percent(self.share)
        return f"{shown} of {self.basis}" if shown else None

    @property
    def sampling_weight(self) -> float | None:
        """The part's weight in the training mix (schema 1.1)."""
        return self.part.sampling_weight.value

    @property
    def description(self) -> str | None:
        return text(self.part.description)

    @property
    def generators(self) -> list[model.GeneratorView]:
        """Generators that name a model, a non-learned algorithm (1.1) or say `undisclosed` (1.1)."""
        return [g for g in self.part.origin.generators if g.name]

    @property
    def classes(self) -> list[str]:
        """The origin class, or the classes of the breakdown of a `mixed` part (schema 1.1)."""
        klass = self.origin_class
        if klass == "mixed":
            return [c for b in self.part.origin.breakdown if (c := text(b.origin_class.value))]
        return [klass] if klass else []

    @property
    def breakdown(self) -> list[tuple[str, float | None]]:
        """(class, share of the part) for each source of a `mixed` part (schema 1.1)."""
        if self.origin_class != "mixed":
            return []
        return [(c, b.share.value) for b in self.part.origin.breakdown if (c := text(b.origin_class.value))]

    @property
    def config_name(self) -> str | None:
        return text(self.part.config_name)

    @property
    def size(self) -> dict[str, int | str]:
        """The part's size as numbers (rows, tokens, bytes) and the tokenizer, where given."""
        return size_of(self.part.size.value)

    @property
    def undisclosed(self) -> dict[str, Any]:
        """The part's facts marked `undisclosed` (schema 1.1), by dotted name, as written."""
        return model.undisclosed_record({
            "share": self.part.share, "size": self.part.size, "sampling_weight": self.part.sampling_weight,
            "origin.class": self.part.origin.class_fact, "origin.collection_period": self.part.origin.collection_period,
        })

    @property
    def purposes(self) -> list[model.PurposeView]:
        """The purpose as a list: one object (schema 1.0) or several (1.1)."""
        return [p for p in self.part.purposes if p.statement or p.category]

    @property
    def contamination(self) -> model.LabelView:
        """The part's label, or an empty one."""
        return self.part.contamination or model.LabelView({}, self.part.at("contamination"))

    @property
    def public_evidence(self) -> model.PublicEvidenceView:
        """The part's public-evidence record, or an empty one."""
        return self.part.public_evidence or model.PublicEvidenceView({}, self.part.at("public_evidence"))

    @property
    def verification_methods(self) -> list[model.MethodView]:
        return [m for m in self.part.methods if m.method]

    @property
    def processing(self) -> list[model.ProcessingView]:
        """The part's own processing steps (schema 1.1)."""
        return [s for s in self.part.processing if s.method]


@dataclass(frozen=True, slots=True)
class CardView:
    """The parts of a card the exports read."""

    card: Card

    @property
    def meta(self) -> Mapping[Any, Any]:
        return self.card.metadata if isinstance(self.card.metadata, Mapping) else {}

    @property
    def view(self) -> model.GovernanceView:
        return model.GovernanceView.of(self.card.metadata)

    @property
    def parts(self) -> list[PartView]:
        return [PartView(p) for p in self.view.parts]

    @property
    def renewal(self) -> model.RenewalView:
        """The renewal section, or an empty one."""
        return self.view.renewal or model.RenewalView({}, (*self.view.path, "renewal"))

    @property
    def fresh_data(self) -> model.FreshDataView:
        return self.renewal.fresh_data

    @property
    def dataset_size(self) -> dict[str, int | str]:
        """Totals for the whole dataset (schema 1.1 `dataset.size`)."""
        dataset = self.view.dataset
        return size_of(dataset.size.value) if dataset is not None else {}

    @property
    def undisclosed(self) -> dict[str, Any]:
        """The dataset-wide facts marked `undisclosed` (schema 1.1), by dotted name, as written."""
        renewal, dataset = self.view.renewal, self.view.dataset
        facts: dict[str, model.Fact[Any]] = {}
        if renewal is not None:
            facts |= {"renewal.grounded_share": renewal.grounded_share, "renewal.parents": renewal.parents_fact}
        if dataset is not None:
            facts["dataset.size"] = dataset.size
        return model.undisclosed_record(facts)

    @property
    def grounded_share(self) -> float | None:
        renewal = self.view.renewal
        return renewal.grounded_share.value if renewal is not None else None

    @property
    def generation(self) -> int | None:
        renewal = self.view.renewal
        return renewal.generation if renewal is not None else None

    @property
    def tail_evaluations(self) -> list[model.TailEvaluationView]:
        return self.view.tail_evaluations

    @property
    def contamination_checks(self) -> list[model.ContaminationCheckView]:
        return self.view.contamination_checks

    @property
    def processing(self) -> list[model.ProcessingView]:
        """Processing steps that apply to every part (schema 1.1)."""
        return [s for s in self.view.processing if s.method]

    @property
    def has_governance(self) -> bool:
        return self.view.present

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
