"""Finding, judging and rewriting the marked section: only the marked bytes change."""

from __future__ import annotations

import pytest

from datacard_lint.authoring.render import END_MARKER, START_MARKER, content_hash, render_section
from datacard_lint.authoring.section import MarkerError, State, find, state, write

GOV = {"schema_version": "1.0", "parts": [{"id": "a", "share": 1.0, "origin": {"class": "licensed_corpus"}}]}
CHANGED = {**GOV, "parts": [{"id": "a", "share": 1.0, "origin": {"class": "public_web_crawl"}}]}


def test_append_then_rewrite_in_place() -> None:
    body = "# Card\n\nIntro.\n"
    once = write(body, None, GOV, "\n")
    assert once.startswith(body + "\n<!-- datacard-lint:governance:start hash=")
    assert once.endswith(END_MARKER + "\n")
    section = find(once)
    assert section is not None and state(section, once, GOV) is State.CURRENT
    assert state(section, once, CHANGED) is State.STALE
    # Prose after the section survives a re-render byte for byte.
    edited_around = once.replace("Intro.", "Intro, longer.") + "\nOutro.\n"
    again = write(edited_around, find(edited_around), CHANGED, "\n")
    start = again.index("<!-- datacard-lint")
    assert again[:start] == edited_around[:start]
    assert again.endswith(END_MARKER + "\n\nOutro.\n")
    assert state(find(again), again, CHANGED) is State.CURRENT  # type: ignore[arg-type]
    assert write(again, find(again), CHANGED, "\n") == again  # idempotent


def test_appending_respects_a_missing_final_newline_and_crlf() -> None:
    out = write("# T\r\nno newline", None, GOV, "\r\n")
    assert out.startswith("# T\r\nno newline\r\n\r\n<!-- datacard-lint:governance:start")
    assert "\n" not in out.replace("\r\n", "")
    assert write("", None, GOV, "\n").startswith("<!--")


def test_hand_edits_are_detected() -> None:
    once = write("x\n", None, GOV, "\n")
    edited = once.replace("licensed corpus", "licensed corpus, plus my note")
    assert state(find(edited), edited, GOV) is State.EDITED  # type: ignore[arg-type]
    no_hash = once.replace(once[once.index(" hash="):once.index(" -->")], "")
    assert find(no_hash).hash is None  # type: ignore[union-attr]
    assert state(find(no_hash), no_hash, GOV) is State.EDITED  # type: ignore[arg-type]


def test_markers_must_pair_up() -> None:
    start = START_MARKER.format(hash=content_hash(render_section(GOV)))
    for broken in (f"{start}\n", f"{END_MARKER}\n", f"{END_MARKER}\n{start}\n", f"{start}\n{END_MARKER}\n{start}\n"):
        with pytest.raises(MarkerError):
            find(broken)
    assert find("no markers, only datacard-lint:governance prose") is None


def test_markers_before_the_offset_are_ignored() -> None:
    text = f"---\ndescription: '{END_MARKER}'\n---\nbody\n"
    assert find(text, text.index("body")) is None
