"""The `Card`: one dataset card's text, metadata and the positions of its values."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from datacard_lint import codes
from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.diagnostics import Finding, Span
from datacard_lint.loading import frontmatter, source
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.lines import LineIndex
from datacard_lint.loading.yamltree import ImplicitScalar, YamlTree, parse_yaml

CardKind = Literal["markdown", "yaml", "json"]
Path_ = tuple[Hashable, ...]

_HUB_HINT_KEYS = frozenset(
    {"license", "language", "tags", "task_categories", "annotations_creators", "pretty_name",
     "size_categories", "configs", "dataset_info", GOVERNANCE_KEY}
)


@dataclass(slots=True)
class Card:
    """A loaded card. `metadata` is what `huggingface_hub` would see (None if unreadable)."""

    path: str
    kind: CardKind
    text: str | None = None
    metadata: dict[Any, Any] | None = None
    #: Position of the value (or of its key) at each path; computed when first asked for.
    spans: Mapping[Path_, Span] = field(default_factory=dict)
    key_spans: Mapping[Path_, Span] = field(default_factory=dict)
    implicit: list[ImplicitScalar] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    yaml_text: str | None = None
    yaml_line: int = 0  # first line of the YAML text (1-based), 0 if none
    front_matter: frontmatter.Split | None = None
    _lines: LineIndex | None = field(default=None, repr=False, compare=False)

    @property
    def governance(self) -> Any:
        if isinstance(self.metadata, Mapping):
            return self.metadata.get(GOVERNANCE_KEY)
        return None

    @property
    def lines(self) -> LineIndex:
        """The card text's lines as YAML counts them, built on first use."""
        if self._lines is None or self._lines.text is not (self.text or ""):
            self._lines = LineIndex(self.text or "")
        return self._lines

    @property
    def body(self) -> str:
        if self.text is None:
            return ""
        if self.front_matter is None or not self.front_matter.found:
            return self.text if self.kind == "markdown" else ""
        return self.text[self.front_matter.body_start :]

    def locate(self, path: Path_, *, key: bool = False) -> Span:
        """Span of the value at `path`, or of its key, or of the nearest ancestor that exists."""
        if key and path in self.key_spans:
            return self.key_spans[path]
        probe = tuple(path)
        while probe:
            if probe in self.spans:
                return self.spans[probe]
            if probe in self.key_spans:
                return self.key_spans[probe]
            probe = probe[:-1]
        if () in self.spans:
            return self.spans[()]
        return Span.point(max(self.yaml_line, 1))


def kind_of(path: Path) -> CardKind:
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    if suffix == ".json":
        return "json"
    return "markdown"


def load_card(path: Path, display: str, limits: Limits | None = None) -> Card:
    """Read and parse one card file; every problem becomes a located finding, never an exception."""
    limits = limits or Limits()
    card = Card(path=display, kind=kind_of(path))
    data, findings = source.read_bytes(path, limits)
    card.findings.extend(findings)
    if data is None:
        return card
    return parse_card_bytes(card, data, limits)


def parse_card_bytes(card: Card, data: bytes, limits: Limits) -> Card:
    decoded = source.decode(data)
    card.findings.extend(decoded.findings)
    if decoded.text is None:
        return card
    return parse_card_text(card, decoded.text, limits)


def parse_card_str(card: Card, text: str, limits: Limits) -> Card:
    """Parse text that did not come from bytes (the API): it may not be valid Unicode."""
    if not text.isascii():
        bad = source.lone_surrogate(text)
        if bad is not None:
            card.findings.append(bad)
            return card
    return parse_card_text(card, text, limits)


def parse_card_text(card: Card, text: str, limits: Limits) -> Card:
    card.text = text
    _check_line_endings(card, text)
    if card.kind == "markdown":
        split = frontmatter.split_front_matter(text)
        card.front_matter = split
        if not split.found:
            _explain_missing_front_matter(card, text, limits)
            return card
        card.yaml_text, card.yaml_line = split.yaml, split.yaml_line
        if split.opening_line > 1 or not text.startswith("---"):
            card.findings.append(
                Finding(
                    codes.FRONT_MATTER_LEADING_SPACE,
                    "front matter starts after blank space instead of on the first line",
                    Span(split.opening_line, 1, split.opening_line, 4),
                    "huggingface_hub accepts this, but most front-matter parsers need `---` on line 1",
                )
            )
    else:
        card.yaml_text, card.yaml_line = text, 1
    tree = parse_yaml(card.yaml_text or "", card.yaml_line - 1, limits)
    _adopt(card, tree)
    if tree.ok:
        _check_top_level(card, tree)
    return card


def _adopt(card: Card, tree: YamlTree) -> None:
    card.findings.extend(tree.findings)
    card.spans, card.key_spans, card.implicit = tree.spans, tree.key_spans, tree.implicit
    card.metadata = tree.data if tree.ok and isinstance(tree.data, dict) else None
    if tree.ok and tree.data is None:
        card.metadata = {}


def _check_top_level(card: Card, tree: YamlTree) -> None:
    split = card.front_matter
    data = card.spans.get(())
    where = data or Span.point(card.yaml_line or 1)
    if card.yaml_text is not None and card.yaml_text.strip() == "" or (
        card.metadata == {} and () not in card.spans
    ):
        line = split.opening_line if split else 1
        card.findings.append(
            Finding(codes.EMPTY_FRONT_MATTER, "front matter is empty; the card declares no metadata", Span.point(line))
        )
        return
    if card.metadata is None:
        kind = type(tree.data).__name__
        card.findings.append(
            Finding(
                codes.FRONT_MATTER_NOT_MAPPING,
                f"front matter is a YAML {kind}, not a mapping of keys to values",
                where,
                "the Hub rejects such a card: write `key: value` lines",
            )
        )


#: Fenced blocks examined to explain a missing front matter; the first ones are what matter,
#: and a hostile file could hold millions.
_MAX_BLOCKS_EXAMINED = 20


def _explain_missing_front_matter(card: Card, text: str, limits: Limits) -> None:
    if text.startswith("---\n---") or text.startswith("---\r\n---"):
        card.findings.append(
            Finding(codes.EMPTY_FRONT_MATTER, "front matter is empty; the card declares no metadata", Span.point(1))
        )
        return
    blocks = itertools.islice(frontmatter.iter_fenced_blocks(text), _MAX_BLOCKS_EXAMINED)
    for line, block in blocks:
        looks_like_metadata = _looks_like_metadata(block, limits)
        if looks_like_metadata and text[: text.find("---")].strip() == "":
            card.findings.append(
                Finding(
                    codes.FRONT_MATTER_MARKER_MALFORMED,
                    "the front matter's `---` line has trailing characters, so the Hub does not recognise it",
                    Span(line, 1, line, 4),
                    "make the opening and closing lines exactly `---`",
                )
            )
            return
        if looks_like_metadata:
            card.findings.append(
                Finding(
                    codes.FRONT_MATTER_NOT_AT_TOP,
                    f"a metadata block starts on line {line}, but front matter must open the file",
                    Span(line, 1, line, 4),
                    "move the `---` block to the very top; the Hub ignores it elsewhere",
                )
            )
            return
    card.findings.append(
        Finding(
            codes.NO_FRONT_MATTER,
            "no YAML front matter; the card has no machine-readable metadata",
            Span.point(1),
            "start the file with a `---` block holding at least `license` and `language`",
        )
    )


def _looks_like_metadata(block: str, limits: Limits) -> bool:
    # The same bounded parser as the front matter: a block in the body is just as untrusted.
    tree = parse_yaml(block, 0, limits)
    value = tree.data
    return tree.ok and isinstance(value, dict) and any(key in _HUB_HINT_KEYS for key in value)


def _check_line_endings(card: Card, text: str) -> None:
    crlf = text.count("\r\n")
    if not crlf:
        return
    lone = text.count("\n") - crlf
    if lone:
        line = frontmatter.count_lines(text, text.index("\r\n")) + 1
        message = f"mixed line endings: {crlf} CRLF and {lone} LF"
    else:
        line = 1
        message = "file uses CRLF (Windows) line endings"
    card.findings.append(Finding(codes.CRLF_LINE_ENDINGS, message, Span.point(line),
                                 "save the file with LF line endings"))
