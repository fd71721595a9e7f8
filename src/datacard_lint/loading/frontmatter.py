"""Split a Markdown card into front matter and body exactly as `huggingface_hub` does.

The regular expression is `huggingface_hub.repocard.REGEX_YAML_BLOCK`; a test compares
the two splits on every card of the shared corpus, so a change upstream shows up there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Same pattern as huggingface_hub (2.x): leading whitespace allowed, any line ending.
_HUB_BLOCK = re.compile(r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")
# A `---` fenced block further down, to explain why the Hub saw no metadata.
_LATER_BLOCK = re.compile(r"^---[ \t]*(?:\r\n|\r|\n)([\S\s]*?)(?:\r\n|\r|\n)---[ \t]*$", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Split:
    """Where the YAML block and the body are, in characters and 1-based lines."""

    yaml: str | None
    yaml_start: int  # character offset of the YAML text
    yaml_line: int  # line number of the first YAML line
    opening_line: int  # line of the opening `---`
    closing_line: int  # line of the closing `---` (0 when there is no block)
    body_start: int  # character offset of the body

    @property
    def found(self) -> bool:
        return self.yaml is not None


def count_lines(text: str, end: int) -> int:
    """Number of line breaks before `end`, counting CRLF once (as YAML does)."""
    return len(_LINE_BREAK.findall(text, 0, end))


def split_front_matter(text: str) -> Split:
    match = _HUB_BLOCK.search(text)
    if match is None:
        return Split(None, 0, 0, 0, 0, 0)
    yaml_start = match.start(2)
    yaml_line = count_lines(text, yaml_start) + 1
    opening_line = yaml_line - 1
    closing_line = count_lines(text, match.end(2)) + 2
    return Split(match.group(2), yaml_start, yaml_line, opening_line, closing_line, match.end())


def iter_fenced_blocks(text: str) -> Iterator[tuple[int, str]]:
    """Every `---`-fenced block: (line of its opening fence, its YAML text)."""
    for match in _LATER_BLOCK.finditer(text):
        yield count_lines(text, match.start()) + 1, match.group(1)
