"""The prose of a card's Markdown body, sentence by sentence, with source lines.

The body is parsed as CommonMark (with GitHub tables) by markdown-it-py, so that code
blocks, fenced BibTeX, raw HTML and link targets are never read as prose, and every
sentence keeps the source line of each of its characters. Sections under headings such as
"Citation" or "Related work" and tables that report results are skipped: a model named
there does not say anything about how this dataset was made.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from datacard_lint.evidence.vocab import fold, load_vocabulary, trigger

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

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


#: What the Markdown parse never reads as prose, removed cheaply before the trigger test:
#: fenced code, HTML comments and citation sections (up to the next heading).
_NOT_PROSE = re.compile(
    r"^ {0,3}(```|~~~).*?^ {0,3}\1|<!--.*?-->|^#{1,6}[ \t]+(?:citation|bibtex|references?)\b.*?(?=^#|\Z)",
    re.MULTILINE | re.DOTALL | re.IGNORECASE,
)
_MARKUP = re.compile(r"\]\([^)\s]*\)|[*_`\[\]]")
_BLANKS = re.compile(r"[^\S\n]+")
_LINE_BREAK = re.compile(r" ?\n ?")
_NEWLINES = re.compile(r"\r\n?")
_NEWLINE = re.compile(r"\n")


def trigger_lines(markdown: str) -> list[int]:
    """The 0-based lines of `markdown` that a trigger match touches, sorted; none: no evidence.

    Matched on the text without code, comments, citations, emphasis and link targets, single
    spaced, as one string (a phrase may run over a line break): a sentence that is evidence
    always touches such a line, since rendering only removes markup. Removed spans keep their
    line breaks, so a match's offset still tells its line.
    """
    text = _NOT_PROSE.sub(lambda m: "\n" * m.group(0).count("\n"), _NEWLINES.sub("\n", markdown))
    text = _LINE_BREAK.sub("\n", _BLANKS.sub(" ", _MARKUP.sub(" ", text)))
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    lines: set[int] = set()
    for match in trigger().finditer(fold(text.replace("\n", " "))):
        first = bisect.bisect_right(breaks, match.start())
        lines.update(range(first, bisect.bisect_right(breaks, max(match.start(), match.end() - 1)) + 1))
    return sorted(lines)


@functools.cache
def _parser() -> MarkdownIt:
    # Imported here: most cards hold no evidence and never pay for the import.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.at("inline", _inline_where_triggered)
    return parser


#: The key under which `sentences` hands `trigger_lines` to the inline rule.
_ENV_LINES = "datacard_lint_trigger_lines"


def _inline_where_triggered(state: StateCore) -> None:
    """markdown-it's `inline` core rule, run only on blocks whose lines a trigger touches.

    The inline pass was half of the parse, and the parse most of a bulk `check`: in a card
    that mentions a model at all, a few of its paragraphs do. A block left unparsed has no
    children and yields no sentence; headings and table cells are read from their source.
    """
    lines: list[int] = state.env[_ENV_LINES]
    for token in state.tokens:
        if token.type == "inline" and token.map is not None:
            start, end = token.map
            at = bisect.bisect_left(lines, start)
            if at < len(lines) and lines[at] < end:
                token.children = []
                state.md.inline.parse(token.content, state.md, state.env, token.children)


def sentences(body: str, first_line: int, lines: list[int] | None = None) -> Iterator[Sentence]:
    """Sentences of `body`, whose first line is line `first_line` of the card file.

    Only blocks on `lines` (its `trigger_lines`, computed here when not given) are read.
    """
    if lines is None:
        lines = trigger_lines(body)
    if not lines:
        return
    tokens = _parser().parse(body, {_ENV_LINES: lines})
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
