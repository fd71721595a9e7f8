"""The trigger's patterns stay cheap to scan for (see the comment in trigger.toml).

The trigger is matched against the whole body of every card, so its cost is paid by every
bulk `check`. The regex engine skips an alternative with a single comparison only when the
alternative starts with a literal character; one that starts with a group, a class or an
anchor is tried in full at every position. Each such pattern made bulk checks measurably
slower, so none is allowed.
"""

from __future__ import annotations

import re
import re._parser as sre_parse

import pytest

from datacard_lint.evidence.vocab import _load, trigger

PATTERNS = _load("trigger.toml")["trigger"]["patterns"]


def _first_op(pattern: str) -> str:
    data = sre_parse.parse(pattern).data
    while data and data[0][0] is sre_parse.SUBPATTERN:
        data = data[0][1][3].data
    return str(data[0][0]) if data else "EMPTY"


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_trigger_pattern_starts_with_a_literal(pattern: str) -> None:
    assert _first_op(pattern) == "LITERAL", pattern


def test_a_pattern_that_starts_with_a_group_is_caught() -> None:
    assert _first_op("(?:speech|voice) synthes") == "BRANCH"
    assert _first_op(r"\bocr\b") == "AT"
    assert _first_op(r"o(?<!\wo)cr\b") == "LITERAL"


def test_the_look_behind_form_keeps_the_word_boundary() -> None:
    compiled = re.compile(r"o(?<!\wo)cr\b")
    assert compiled.search("text from ocr software")
    assert compiled.search("ocr")
    assert not compiled.search("democracy and autocr")
    assert trigger().search("as rendered by ocr.")
