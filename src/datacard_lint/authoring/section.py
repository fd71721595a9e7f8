"""Where the generated section sits in a card, whether it is current, and replacing it.

Only the start marker (its hash) and the text up to the end marker change; everything
before and after keeps its bytes. A card without markers gets the section appended at the
end of its body, where it cannot split a section the author wrote.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any

from datacard_lint.authoring.render import (
    END_MARKER,
    END_PATTERN,
    START_MARKER,
    START_PATTERN,
    content_hash,
    normalize,
    render_section,
)

_ANY_MARKER = re.compile(START_PATTERN.pattern + "|" + END_PATTERN.pattern)


class MarkerError(ValueError):
    """Markers that do not form exactly one start…end pair."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class State(enum.Enum):
    CURRENT = "current"
    STALE = "stale"  # written by render, but the block has changed since (DCL030)
    EDITED = "edited"  # changed by hand after render wrote it (DCL031)


@dataclass(frozen=True, slots=True)
class Section:
    """Offsets into the text: the start marker, the content, the end marker."""

    start: int
    content_start: int
    content_end: int  # where the end marker begins
    end: int
    hash: str | None

    def content(self, text: str) -> str:
        return text[self.content_start : self.content_end]


def find(text: str, offset: int = 0) -> Section | None:
    """The section in `text[offset:]` (the body), None without markers, MarkerError if broken."""
    markers = list(_ANY_MARKER.finditer(text, offset))
    if not markers:
        return None
    starts = [m for m in markers if m.group(0).startswith("<!-- datacard-lint:governance:start")]
    ends = [m for m in markers if m not in starts]
    if len(starts) != 1 or len(ends) != 1:
        first = (starts[1] if len(starts) > 1 else ends[1] if len(ends) > 1 else markers[0]).start()
        raise MarkerError(
            f"expected one start and one end marker, found {len(starts)} start and {len(ends)} end", first
        )
    start, end = starts[0], ends[0]
    if end.start() < start.end():
        raise MarkerError("the end marker comes before the start marker", end.start())
    return Section(start.start(), start.end(), end.start(), end.end(), start.group(1))


def state(section: Section, text: str, governance: Any) -> State:
    content = section.content(text)
    if section.hash is None or section.hash != content_hash(content):
        return State.EDITED
    if normalize(content) != normalize(render_section(governance)):
        return State.STALE
    return State.CURRENT


def write(text: str, section: Section | None, governance: Any, newline: str) -> str:
    """`text` with the section rendered afresh in place, or appended when there is none."""
    fresh = render_section(governance)
    marker = START_MARKER.format(hash=content_hash(fresh))
    generated = marker + newline + fresh.replace("\n", newline)
    if section is not None:
        return text[: section.start] + generated + text[section.content_end :]
    if not text:
        separator = ""
    elif text.endswith(("\n", "\r")):
        separator = newline
    else:
        separator = newline * 2
    return text + separator + generated + END_MARKER + newline
