"""Property: fixing edits only the offending tokens, keeps every other byte, never breaks a card,
and a second run has nothing to do.

Cards are built from segments whose text is fixed (keys, comments, line breaks, the body) and
tokens (values and deprecated keys a fix may rewrite). The fixed file must consist of exactly
the fixed segments, in order, with only the tokens' places changed.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from dcl_testing import AS_OF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacard_lint.config.settings import Settings
from datacard_lint.engine import Engine
from datacard_lint.fixes.apply import fix_file

ENGINE = Engine(Settings(as_of=AS_OF))

LICENSES = ["mit", "MIT", "Apache-2.0", "cc-by-2-0", "apache-2.0", "other", "Apache License 2.0"]
LANGUAGES = ["en", "no", "yes", "on", "fr", "n", "y", "off", "1.10"]
TASKS = ["conversational", "text-clasification", "text-generation", "text2text-generation",
         "summarization", "tablar-to-text", "keyphrase-extraction"]
SIZES = ["10k<n<100k", "unknown", "n<1K", "n>1M", "100k<n<1M"]
CREATORS = ["crowd-sourced", "found", "expert-generate", "lexyr"]
COMMENTS = ["", "  # a comment", "   # datacard-lint: disable=DCL805 -- checked by hand", "  #x: y"]


@st.composite
def cards(draw: st.DrawFn) -> tuple[list[tuple[str, bool]], str]:
    """(segments as (text, is_token), newline)."""
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    segs: list[tuple[str, bool]] = [("---" + nl, False)]

    def fixed(text: str) -> None:
        segs.append((text, False))

    def token(text: str) -> None:
        segs.append((text, True))

    def comment() -> str:
        return draw(st.sampled_from(COMMENTS))

    blocks = draw(st.lists(st.sampled_from(["license", "language", "tasks", "sizes", "creators", "note"]),
                           min_size=1, max_size=6, unique=True))
    for block in blocks:
        if block == "license":
            fixed("license: ")
            token(draw(st.sampled_from(LICENSES)))
            fixed(comment() + nl)
        elif block in ("language", "tasks", "creators"):
            key = {"language": draw(st.sampled_from(["language", "languages"])), "tasks": "task_categories",
                   "creators": "annotations_creators"}[block]
            pool = {"language": LANGUAGES, "tasks": TASKS, "creators": CREATORS}[block]
            values = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
            (token if key == "languages" else fixed)(key)
            if draw(st.booleans()):  # flow style
                fixed(": [")
                for i, value in enumerate(values):
                    if i:
                        fixed(", ")
                    token(value)
                fixed("]" + comment() + nl)
            else:
                fixed(":" + comment() + nl)
                for value in values:
                    fixed("  - ")
                    token(value)
                    fixed(comment() + nl)
        elif block == "sizes":
            fixed("size_categories:" + nl + "  - ")
            token(draw(st.sampled_from(SIZES)))
            fixed(nl + "dataset_info:" + nl + "  splits:" + nl + "    - name: train" + nl
                  + f"      num_examples: {draw(st.integers(0, 3_000_000))}" + nl)
        else:
            fixed("# " + draw(st.text(st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\u2028\u2029"),
                                      max_size=10)) + nl)
    fixed("---" + nl + draw(st.sampled_from(["", "# Card" + nl, "body with no: yes" + nl])))
    return segs, nl


def _pattern(segments: list[tuple[str, bool]]) -> re.Pattern[str]:
    return re.compile("".join(r"[^\r\n,\[\]]*?" if is_token else re.escape(text) for text, is_token in segments),
                      re.DOTALL)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cards(), st.booleans(), st.booleans())
def test_fixing_keeps_other_bytes_and_never_breaks_the_card(
    card: tuple[list[tuple[str, bool]], str], bom: bool, unsafe: bool
) -> None:
    segments, _ = card
    text = "".join(t for t, _ in segments)
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "README.md"
        path.write_bytes(data)
        outcome = fix_file(ENGINE, path, "README.md", unsafe=unsafe)
        assert path.read_bytes() == data  # computing fixes writes nothing
        fixed = outcome.fixed
        assert fixed.startswith(b"\xef\xbb\xbf") == bom
        new_text = fixed.decode("utf-8-sig")
        assert _pattern(segments).fullmatch(new_text), (text, new_text)
        before = ENGINE.check_text(text)
        assert before.card is not None and before.card.metadata is not None  # the generator makes valid cards
        assert outcome.result.card is not None and outcome.result.card.metadata is not None
        assert len(before.card.metadata) == len(outcome.result.card.metadata)
        path.write_bytes(fixed)
        again = fix_file(ENGINE, path, "README.md", unsafe=True if unsafe else False)
        assert not again.changed, new_text
