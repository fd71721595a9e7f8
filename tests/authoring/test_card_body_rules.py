"""DCL030 (stale section) and DCL031 (hand-edited section), located on the marker line."""

from __future__ import annotations

from dcl_testing import lint

from datacard_lint.authoring.render import END_MARKER
from datacard_lint.authoring.section import find, write

FRONT = """---
license: mit
governance:
  schema_version: "1.0"
  parts:
    - id: web
      share: 1.0
      origin: {class: public_web_crawl, collection_period: {start: 2015-01-01, end: 2019-12-31}}
---
"""
GOV = {"schema_version": "1.0",
       "parts": [{"id": "web", "share": 1.0,
                  "origin": {"class": "public_web_crawl",
                             "collection_period": {"start": "2015-01-01", "end": "2019-12-31"}}}]}



def card_with_section(front: str = FRONT, body: str = "# Card\n\nIntro.\n") -> str:
    import yaml

    governance = yaml.safe_load(front.strip("-\n"))["governance"]
    return front + write(body, None, governance, "\n")


def body_codes(text: str) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in lint(text).diagnostics if d.code in {"DCL030", "DCL031"}}


def marker_line(text: str) -> int:
    return text[: text.index("<!-- datacard-lint:governance:start")].count("\n") + 1


def test_a_fresh_section_is_clean_and_no_section_is_fine() -> None:
    assert body_codes(card_with_section()) == set()
    assert body_codes(FRONT + "# Card\n") == set()


def test_changing_the_block_makes_the_section_stale() -> None:
    text = card_with_section().replace("end: 2019-12-31", "end: 2021-12-31", 1)
    assert body_codes(text) == {("DCL030", marker_line(text))}


def test_editing_the_section_is_reported_as_hand_edited_not_stale() -> None:
    text = card_with_section().replace("| `web` |", "| `web` (my note) |")
    assert body_codes(text) == {("DCL031", marker_line(text))}
    both = text.replace("end: 2019-12-31", "end: 2021-12-31", 1)
    assert body_codes(both) == {("DCL031", marker_line(both))}


def test_a_section_without_a_block_is_stale() -> None:
    text = card_with_section()
    orphan = "---\nlicense: mit\n---\n" + text[text.index("# Card"):]
    assert body_codes(orphan) == {("DCL030", marker_line(orphan))}


def test_broken_markers_are_reported_where_they_are() -> None:
    text = card_with_section() + "\nMore.\n" + END_MARKER + "\n"
    line = text.count("\n")  # the stray end marker is on the last line
    assert body_codes(text) == {("DCL031", line)}


def test_markers_inside_the_front_matter_do_not_count() -> None:
    text = FRONT.replace("license: mit", f"description: '{END_MARKER}'") + "# Card\n"
    assert find(text, text.index("# Card")) is None
    assert body_codes(text) == set()
