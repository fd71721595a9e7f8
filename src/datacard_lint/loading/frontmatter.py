"""Split a Markdown card into front matter and body exactly as `huggingface_hub` does.

The regular expression is `huggingface_hub.repocard.REGEX_YAML_BLOCK`; a test compares
the two splits on every card of the shared corpus, so a change upstream shows up there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from datacard_lint.loading.lines import count_breaks

# Same pattern as huggingface_hub (2.x): leading whitespace allowed, any line ending.
_HUB_BLOCK = re.compile(r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")
# A `---` fence line further down, to explain why the Hub saw no metadata.
_FENCE = re.compile(r"(?:(?<=[\r\n])|\A)---[ \t]*(?=\r\n|\r|\n|\Z)")


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
    """Number of line breaks before `end`, as YAML counts them (CRLF once, NEL, LS, PS)."""
    return count_breaks(text, 0, end)


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
    """Every `---`-fenced block: (line of its opening fence, its YAML text).

    A block runs from an opening fence to the next fence at least two lines below it (an
    empty block needs a blank line between its fences). One pass over the fence lines: a
    lazy regular expression spanning the whole text would rescan it for every fence that
    is never closed, which is quadratic on a file of thousands of `---` lines.
    """
    opening: tuple[int, int] | None = None  # (line of the fence, offset of the block text)
    line, pos = 1, 0
    for match in _FENCE.finditer(text):
        line += count_breaks(text, pos, match.start())
        pos = match.start()
        if opening is None:
            if match.end() < len(text):  # an opening fence needs a line after it
                after = match.end() + (2 if text.startswith("\r\n", match.end()) else 1)
                opening = (line, after)
            continue
        open_line, start = opening
        if line < open_line + 2:
            continue
        end = match.start() - (2 if text.startswith("\r\n", match.start() - 2) else 1)
        yield open_line, text[start:end]
        opening = None
