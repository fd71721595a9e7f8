"""Insert a block of YAML into a card as text, so every other byte stays as it was.

Re-serialising the front matter would lose comments, quoting, key order and line endings.
Instead the block goes in just before the closing `---` (or in a new front matter at the
top), written with the file's own line breaks and indentation, and the result is parsed
again to prove that the existing metadata reads exactly as before.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from datacard_lint import codes as dcl
from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.loading import frontmatter
from datacard_lint.loading.card import Card, CardKind, parse_card_bytes
from datacard_lint.loading.limits import Limits

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_BOM = "\ufeff".encode()

#: Why a card cannot take a block, keyed by a short reason (tests count skips by reason).
REASONS = {
    "not-utf8": "the file is not UTF-8 text",
    "binary": "the file contains NUL bytes",
    "yaml-error": "the front matter is not valid YAML",
    "not-mapping": "the front matter is not a mapping of keys to values",
    "not-at-top": "a metadata block exists but not at the top of the file",
    "malformed-marker": "the front matter's `---` lines are malformed",
    "flow-mapping": "the front matter is a single `{...}` flow mapping",
    "json-card": "JSON cards cannot be edited without rewriting them",
    "has-governance": "the card already has a governance block",
    "would-change-metadata": "inserting the block would change how existing metadata reads",
}



def _unreadable() -> frozenset[str]:
    """Findings that mean the metadata cannot be read: libyaml may have read it while PyYAML's
    Python scanner, which huggingface_hub uses, does not."""
    from datacard_lint.rules import registry

    return registry.codes_reading("unreadable")


class Refusal(Exception):
    """The card cannot take a block without changing existing bytes or meaning."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Site:
    """Where the block goes in a card and how it must look to fit in."""

    text: str  # the decoded card, BOM removed
    bom: bool
    kind: CardKind
    metadata: dict[Any, Any]
    offset: int  # character offset in `text`
    indent: int  # column of the top-level keys
    newline: str
    lead: str = ""  # written before the block (a new front matter's `---`, a missing final newline)
    trail: str = ""  # written after it (a new front matter's closing `---`)
    top: int | None = None  # fallback offset: the first line of an existing front matter


@dataclass(frozen=True, slots=True)
class Insertion:
    """The new file, and exactly which bytes were added where."""

    original: bytes
    data: bytes
    offset: int  # byte offset of the inserted bytes in `data`
    inserted: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")


def locate(data: bytes, kind: CardKind = "markdown") -> Site:
    """Find the insertion point, or raise :class:`Refusal` naming why there is none."""
    if kind == "json":
        raise Refusal("json-card", REASONS["json-card"] + "; add the block by hand")
    card = parse_card_bytes(Card(path="<card>", kind=kind), data, Limits(max_file_bytes=len(data) + 1))
    codes = [f.code for f in card.findings]
    if card.text is None:
        reason = "binary" if dcl.BINARY_FILE in codes else "not-utf8"
        raise Refusal(reason, _first_message(card, (dcl.NOT_UTF8, dcl.BINARY_FILE)) or REASONS[reason])
    text = card.text
    newline = detect_newline(text)
    bom = data.startswith(_BOM)
    if kind == "markdown" and (card.front_matter is None or not card.front_matter.found):
        return _without_front_matter(card, text, bom, newline, codes)
    if card.metadata is None:
        reason = "not-mapping" if dcl.FRONT_MATTER_NOT_MAPPING in codes else "yaml-error"
        detail = _first_message(card, _unreadable() | {dcl.DUPLICATE_KEY})
        raise Refusal(reason, f"{REASONS[reason]} ({detail}); fix it first" if detail else REASONS[reason])
    unreadable = _first_message(card, _unreadable())
    if unreadable:
        # libyaml read it, but PyYAML's Python scanner, which huggingface_hub uses, does not.
        raise Refusal("yaml-error", f"{REASONS['yaml-error']} ({unreadable}); fix it first")
    if GOVERNANCE_KEY in card.metadata:
        raise Refusal("has-governance", f"{REASONS['has-governance']}; edit it instead")
    indent = _root_indent(card)
    if kind == "yaml":
        lead = newline if text and not text.endswith(("\n", "\r")) else ""
        return Site(text, bom, kind, card.metadata, len(text), indent, newline, lead=lead)
    split = card.front_matter
    assert split is not None and split.yaml is not None
    closing = split.yaml_start + len(split.yaml)
    closing += 2 if text.startswith("\r\n", closing) else 1  # the line break before `---`
    return Site(text, bom, kind, card.metadata, closing, indent, newline, top=split.yaml_start)


def insert(site: Site, block: Sequence[str]) -> Insertion:
    """Add the block's lines at the site and check that nothing else changed meaning."""
    pad = " " * site.indent
    body = "".join(f"{pad}{line}{site.newline}" if line else site.newline for line in block)
    added = site.lead + body + site.trail
    try:
        return _insert_at(site, site.offset, added, block)
    except Refusal:
        if site.top is None:
            raise
        # A block scalar ending the front matter (`key: |`) would gain a final line break
        # if the block followed it, so the block opens the front matter instead.
        return _insert_at(site, site.top, added, block)


def _insert_at(site: Site, offset: int, added: str, block: Sequence[str]) -> Insertion:
    before, after = site.text[:offset], site.text[offset:]
    prefix = (_BOM if site.bom else b"") + before.encode("utf-8")
    inserted = added.encode("utf-8")
    _verify(site, before + added + after, block)
    original = prefix + after.encode("utf-8")
    return Insertion(original, prefix + inserted + after.encode("utf-8"), len(prefix), inserted)


def detect_newline(text: str) -> str:
    """The file's dominant line break, so the block looks like the rest (LF when unsure)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda pair: pair[0])
    return best[1] if best[0] > 0 else "\n"


def _without_front_matter(card: Card, text: str, bom: bool, newline: str, codes: list[str]) -> Site:
    if dcl.FRONT_MATTER_NOT_AT_TOP in codes:
        raise Refusal("not-at-top", f"{_first_message(card, (dcl.FRONT_MATTER_NOT_AT_TOP,))}; move it to the top first")
    if dcl.FRONT_MATTER_MARKER_MALFORMED in codes:
        detail = _first_message(card, (dcl.FRONT_MATTER_MARKER_MALFORMED,))
        raise Refusal("malformed-marker", f"{detail}; fix the `---` lines first")
    for opening in ("---\r\n---", "---\n---", "---\r---"):
        if text.startswith(opening):  # an empty front matter: fill it
            offset = len(opening) - 3
            return Site(text, bom, "markdown", {}, offset, 0, opening[3:offset])
    fence = f"---{newline}"
    return Site(text, bom, "markdown", {}, 0, 0, newline, lead=fence, trail=fence)


def _root_indent(card: Card) -> int:
    """Column of the top-level keys; the block must start there to be one of them."""
    node = yaml.compose(card.yaml_text or "", Loader=_Loader)
    if node is None:
        return 0
    if not isinstance(node, yaml.MappingNode):
        detail = f"{REASONS['not-mapping']} (it is a lone `{node.value}`); write `key: value` lines"
        raise Refusal("not-mapping", detail)
    if node.flow_style:
        raise Refusal("flow-mapping", f"{REASONS['flow-mapping']}; rewrite it as `key: value` lines first")
    return int(node.start_mark.column)


def _first_message(card: Card, codes: Collection[str]) -> str | None:
    for finding in card.findings:
        if finding.code in codes:
            return f"line {finding.span.line}: {finding.message}"
    return None


def _verify(site: Site, new_text: str, block: Sequence[str]) -> None:
    """Parse old and new metadata as `yaml.safe_load` does; only the new key may differ."""
    old_yaml = _yaml_of(site.text, site.kind)
    new_yaml = _yaml_of(new_text, site.kind)
    try:
        old = yaml.load(old_yaml or "", Loader=_Loader) or {}
        new = yaml.load(new_yaml or "", Loader=_Loader) or {}
        expected = yaml.load("\n".join(block), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise Refusal("would-change-metadata", f"{REASONS['would-change-metadata']}: {exc}") from None
    if not isinstance(new, dict) or GOVERNANCE_KEY not in new:
        raise Refusal("would-change-metadata", f"{REASONS['would-change-metadata']}: the block is not read back")
    added = new.pop(GOVERNANCE_KEY)
    if repr(new) != repr(old) or repr(added) != repr(expected[GOVERNANCE_KEY]):
        raise Refusal("would-change-metadata", REASONS["would-change-metadata"])


def _yaml_of(text: str, kind: CardKind) -> str | None:
    if kind != "markdown":
        return text
    return frontmatter.split_front_matter(text).yaml
