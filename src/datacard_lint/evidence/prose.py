"""The prose of a card's Markdown body, sentence by sentence, with source lines.

The body is parsed as CommonMark (with GitHub tables) by markdown-it-py, so that code
blocks, fenced BibTeX, raw HTML and link targets are never read as prose, and every
sentence keeps the source line of each of its characters. Sections under headings such as
"Citation" or "Related work" and tables that report results are skipped: a model named
there does not say anything about how this dataset was made.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from datacard_lint.evidence.vocab import fold, load_vocabulary

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“'(\[*_]?[A-Z0-9])|\s*\n\s*\n")
_NUMERIC = re.compile(r"^[\s\d.,%±()+\-–/*]*$")
#: Very long paragraphs (data dumps pasted as text) are cut: evidence sits in prose.
MAX_BLOCK_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    #: The 1-based line in the card file of each character of `text`.
    lines: tuple[int, ...]
    heading: bool = False


@functools.cache
def _parser() -> MarkdownIt:
    # Imported here: most cards hold no evidence and never pay for the import.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def sentences(body: str, first_line: int) -> Iterator[Sentence]:
    """Sentences of `body`, whose first line is line `first_line` of the card file."""
    tokens = _parser().parse(body)
    if _is_model_card(tokens):
        return
    skip_level: int | None = None
    skip_table = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            level = int(token.tag[1:])
            if skip_level is not None and level <= skip_level:
                skip_level = None
            title = tokens[index + 1].content if index + 1 < len(tokens) else ""
            if skip_level is None and load_vocabulary().skip_heading.search(fold(title)):
                skip_level = level
        elif token.type == "table_open":
            skip_table = _is_result_table(tokens, index)
        elif token.type == "table_close":
            skip_table = False
        elif token.type == "inline" and skip_level is None and not skip_table and token.map is not None:
            heading = index > 0 and tokens[index - 1].type == "heading_open"
            yield from _split(_render(token.children or [], first_line + token.map[0]), heading)
        index += 1


def _is_model_card(tokens: list[Any]) -> bool:
    """A model card uploaded as a dataset card: its own first heading or opening text says so."""
    opening = [t.content for t in tokens if t.type == "inline"][:4]
    return any(load_vocabulary().model_card.search(fold(text.strip())) for text in opening)


def _is_result_table(tokens: list[Any], start: int) -> bool:
    """A table with a metric in its header, or whose body cells are mostly numbers."""
    header: list[str] = []
    cells: list[str] = []
    in_head = False
    for token in tokens[start:]:
        if token.type == "table_close":
            break
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "inline":
            (header if in_head else cells).append(token.content)
    if any(load_vocabulary().result_header.search(fold(text)) for text in header):
        return True
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(1 for c in filled if _NUMERIC.match(c)) * 2 >= len(filled)


def _render(children: list[Any], line: int) -> tuple[str, list[int]]:
    """Inline text without markup, link targets, images or raw HTML; one line per char."""
    text: list[str] = []
    lines: list[int] = []
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            text.append(" ")
            lines.append(line)
            line += 1
        elif kind == "image":
            continue
        elif kind in ("text", "code_inline"):
            content = child.content
            text.append(content)
            lines.extend([line] * len(content))
    joined = "".join(text)
    return joined[:MAX_BLOCK_CHARS], lines[:MAX_BLOCK_CHARS]


def _split(rendered: tuple[str, list[int]], heading: bool) -> Iterator[Sentence]:
    text, lines = rendered
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            yield Sentence(text[start:match.start()], tuple(lines[start:match.start()]), heading)
        start = match.end()
    if start < len(text) and text[start:].strip():
        yield Sentence(text[start:], tuple(lines[start:]), heading)
