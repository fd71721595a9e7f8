"""Evidence of generated content in a card's own text and Hub metadata.

`find(card)` returns what the card says about model-generated data: sentences of its
Markdown body (located at line and column), synthetic tags, and source datasets that are
themselves generated. Rules, `init` and `audit` all read evidence through this package.
The words it looks for are data files in `vocabulary/` (see the README there).

Importing this package is cheap on purpose: the detector, its vocabulary and the Markdown
parser are imported on the first call of `find`, so a run that does not select DCL613 or
DCL614 (or only formats and reads back findings, as `audit` does) never pays for them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from datacard_lint.loading.card import Card

Path_ = tuple[Hashable, ...]
#: Findings quote at most this many pieces of evidence.
MAX_QUOTED = 3
_CREATOR_KEYS = ("language_creators", "annotations_creators")
_MODELS_TAG = re.compile(r"\[models: ([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement that some data is generated.

    `strong` evidence is enough on its own; `machine-generated` creators are weak (the Hub
    uses them for automatic annotation of every kind) and only ever add to strong evidence.
    """

    kind: Literal["text", "metadata"]
    quote: str
    models: tuple[str, ...] = ()
    line: int = 0
    col: int = 0
    end_col: int = 0
    path: Path_ = ()
    strong: bool = True
    seeds: tuple[str, ...] = ()


def find(card: Card) -> list[Evidence]:
    """Evidence in a loaded `Card` (text evidence first, in line order)."""
    body_start = 0
    if card.front_matter is not None and card.front_matter.found:
        body_start = card.front_matter.body_start
    text = card.text if card.kind == "markdown" and card.text is not None else ""
    return find_in(text, body_start, card.metadata)


def find_in(text: str, body_start: int, metadata: Mapping[Any, Any] | None) -> list[Evidence]:
    """Evidence in a card's text (body from `body_start`) and its parsed metadata."""
    found = _text_evidence(text, body_start)
    found.extend(_metadata_evidence(metadata if isinstance(metadata, Mapping) else {}))
    if not any(item.strong for item in found):
        return []
    return found


def models_named(evidence: list[Evidence]) -> list[str]:
    """Every model the evidence names, in order of first mention."""
    return list(dict.fromkeys(m for item in evidence for m in item.models))


def format_models(models: list[str]) -> str:
    """The machine-readable tail of a finding's message (read back by `audit`)."""
    return f"[models: {', '.join(models) if models else 'not named'}]"


def models_in_message(message: str) -> list[str]:
    match = _MODELS_TAG.search(message)
    if match is None or match.group(1) == "not named":
        return []
    return [name.strip() for name in match.group(1).split(",") if name.strip()]


#: Lines this long are data pasted into the card, not prose; they are blanked before
#: reading (keeping the line count), so a hostile 10 MB line costs one linear scan.
MAX_LINE_CHARS = 10_000
#: Only the first this many characters of a body are read (real card bodies are smaller).
MAX_BODY_CHARS = 1_000_000
#: Reading stops after this many statements: a finding quotes three and counts the rest.
MAX_STATEMENTS = 20
# Anchored at line starts: unanchored, every position of a long line would rescan it.
_LONG_LINE = re.compile(rf"^[^\n\r]{{{MAX_LINE_CHARS},}}", re.MULTILINE)


def _readable(body: str) -> str:
    if len(body) > MAX_BODY_CHARS:
        cut = body.rfind("\n", 0, MAX_BODY_CHARS)
        body = body[: cut if cut > 0 else MAX_BODY_CHARS]
    return _LONG_LINE.sub("", body)


def _text_evidence(text: str, body_start: int) -> list[Evidence]:
    from datacard_lint.evidence.prose import trigger_lines

    body = _readable(text[body_start:])
    lines = trigger_lines(body) if body.strip() else []
    if not lines:
        return []  # the common case: nothing to parse
    from datacard_lint.evidence.detect import statements
    from datacard_lint.evidence.prose import sentences

    first_line = _count_lines(text, body_start) + 1
    source_lines = text.splitlines()
    out: list[Evidence] = []
    for statement in itertools.islice(statements(sentences(body, first_line, lines)), MAX_STATEMENTS):
        col, end_col = _columns(source_lines, statement.line, statement.sentence[statement.start:statement.end])
        out.append(Evidence("text", statement.quote, statement.models, statement.line, col, end_col,
                            seeds=tuple(_seeds(statement.sentence))))
    return out


def _count_lines(text: str, end: int) -> int:
    chunk = text[:end]
    return chunk.count("\n") + chunk.count("\r") - chunk.count("\r\n")


def _columns(source_lines: list[str], line: int, anchor: str) -> tuple[int, int]:
    """1-based columns of the anchor on its source line (its first word if markup splits it)."""
    raw = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    lowered = raw.lower()
    for probe in (anchor.strip(), *anchor.split()[:1]):
        at = lowered.find(probe.lower()) if probe else -1
        if at >= 0:
            return at + 1, at + 1 + len(probe)
    indent = len(raw) - len(raw.lstrip())
    return indent + 1, len(raw) + 1


def _seeds(sentence: str) -> list[str]:
    from datacard_lint.evidence.vocab import seed_patterns

    found: list[str] = []
    for pattern in seed_patterns():
        for match in pattern.finditer(sentence):
            name = match.group("source").rstrip(".,;:")
            if name and name not in found:
                found.append(name)
    return found


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _metadata_evidence(meta: Mapping[Any, Any]) -> list[Evidence]:
    from datacard_lint.evidence.detect import judge_text
    from datacard_lint.evidence.vocab import metadata_vocabulary
    from datacard_lint.evidence.vocab import model_names as _names

    vocab = metadata_vocabulary()
    out: list[Evidence] = []
    for index, tag in enumerate(_as_list(meta.get("tags"))):
        if isinstance(tag, str) and tag.strip().lower() in vocab.synthetic_tags:
            out.append(Evidence("metadata", f"tags: {tag}", path=("tags", index) if isinstance(meta.get("tags"), list)
                                else ("tags",)))
    for index, item in enumerate(_as_list(meta.get("source_datasets"))):
        if not isinstance(item, str):
            continue
        name = item.removeprefix("extended|").strip()
        generator = vocab.synthetic_datasets.get(name.lower())
        if generator is not None:
            path: Path_ = ("source_datasets", index) if isinstance(meta.get("source_datasets"), list) \
                else ("source_datasets",)
            out.append(Evidence("metadata", f"source_datasets: {item}", (generator,), path=path, seeds=(name,)))
    title = meta.get("pretty_name")
    if isinstance(title, str) and judge_text(title):
        out.append(Evidence("metadata", f"pretty_name: {title}", tuple(_names(title)), path=("pretty_name",)))
    for key in _CREATOR_KEYS:
        value = meta.get(key)
        for index, item in enumerate(_as_list(value)):
            if item == "machine-generated":
                path = (key, index) if isinstance(value, list) else (key,)
                out.append(Evidence("metadata", f"{key}: machine-generated", path=path, strong=False))
    return out
