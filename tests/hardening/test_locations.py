"""Every position is counted as YAML counts lines, and stays inside the file.

The reference is PyYAML itself: its reader's marks for any offset of a text, and the node
marks of its pure-Python loader (what `huggingface_hub` uses) for values.
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from datacard_lint.api import lint_text
from datacard_lint.engine import CardResult
from datacard_lint.loading.card import Card, parse_card_text
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.lines import LineIndex, count_breaks, split_lines

BREAKS = ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]


def reader_position(text: str, offset: int) -> tuple[int, int]:
    """PyYAML's own (1-based) line and column of `offset`."""
    reader = yaml.reader.Reader(text)
    reader.forward(offset)
    mark = reader.get_mark()
    return mark.line + 1, mark.column + 1


def in_file(result: CardResult, text: str) -> list[tuple[str, int, int, int, int]]:
    """Diagnostics whose span leaves the text (lines 1..breaks+1, columns 1..length+1)."""
    lines = LineIndex(text)
    return [(d.code, d.line, d.col, d.end_line, d.end_col) for d in result.diagnostics if not lines.contains(d.span)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "é", "-", ":", *BREAKS]), max_size=40))
def test_positions_match_pyyaml_reader(parts: list[str]) -> None:
    text = "".join(parts)
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.position(offset) == reader_position(text, offset), (text, offset)
    assert index.line_count == count_breaks(text) + 1
    assert index.end() == reader_position(text, len(text))


def test_only_yaml_breaks_split_lines() -> None:
    # str.splitlines also breaks at form feed, vertical tab and the separators; YAML does not.
    assert split_lines("a\x0cb\x1cc\x0bd") == ["a\x0cb\x1cc\x0bd"]
    assert split_lines("a\x85b\u2028c\u2029d\r\ne\rf\n") == ["a", "b", "c", "d", "e", "f"]


def _pure_spans(text: str) -> dict[tuple[object, ...], tuple[int, int, int, int]]:
    """Value spans from PyYAML's pure-Python composer, keyed by path (string keys only)."""
    out: dict[tuple[object, ...], tuple[int, int, int, int]] = {}

    def walk(node: yaml.Node, path: tuple[object, ...]) -> None:
        s, e = node.start_mark, node.end_mark
        out[path] = (s.line + 1, s.column + 1, e.line + 1, e.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    walk(yaml.compose(text, Loader=yaml.SafeLoader), ())
    return out


def _spans(text: str, kind: str = "yaml") -> Card:
    return parse_card_text(Card(path="card.yaml", kind=kind), text, Limits())  # type: ignore[arg-type]


def test_standalone_yaml_without_final_newline_ends_where_pyyaml_ends() -> None:
    for text in ["- 1\n- 2", "a: 1\nb:\n  c: [1, 2]\n  d: x", "governance:\n  parts:\n  - id: p", "a: |\n  x"]:
        card = _spans(text)
        for path, expected in _pure_spans(text).items():
            got = card.spans[path]
            assert (got.line, got.col, got.end_line, got.end_col) == expected, (text, path)
        assert all(card.lines.contains(span) for span in card.spans.values())


def test_a_json_card_without_final_newline_stays_on_its_lines() -> None:
    text = '{"license": 3,\n "governance": {"schema_version": "1.0", "parts": 4}}'
    result = lint_text(text, kind="json")
    assert result.diagnostics and not in_file(result, text)


def test_line_separators_count_as_lines_for_every_locator() -> None:
    for sep in ("\x85", "\u2028", "\u2029"):
        card = f'---\npretty_name: "one{sep}two"\nlicense: 3\n---\nBody{sep}text\n'
        result = lint_text(card)
        yaml_text = card.split("---\n")[1]
        license_line = _pure_spans(yaml_text)[("license",)][0] + 1  # +1: the opening `---`
        assert license_line == 4
        assert ("DCL904", license_line) in {(d.code, d.line) for d in result.diagnostics}, repr(sep)
        assert not in_file(result, card)
        # A misplaced block in the body is found through the text's own line count.
        late = f"# Title{sep}Some text{sep}\n---\nlicense: mit\n---\n"
        fence = late.index("---")
        found = {(d.code, d.line) for d in lint_text(late).diagnostics}
        assert ("DCL023", reader_position(late, fence)[0]) in found, (repr(sep), found)


def test_a_suppression_after_a_line_separator_covers_its_own_line() -> None:
    text = '---\npretty_name: "a\u2028b"\nlicense: 3  # datacard-lint: disable=DCL904\n---\n'
    assert {"DCL904", "DCL902"}.isdisjoint(d.code for d in lint_text(text).diagnostics)


def test_flow_nesting_limit_is_located_with_cr_and_crlf_line_ends() -> None:
    for eol in ("\n", "\r", "\r\n"):
        text = f"---{eol}a: 1{eol}b: 2{eol}c: " + "[" * 1200 + eol + "---"
        result = lint_text(text, kind="markdown")
        found = [d for d in result.diagnostics if d.code == "DCL015"]
        assert len(found) == 1, (repr(eol), [(d.code, d.line) for d in result.diagnostics])
        # The block mapping is level 1, so the 100th bracket is the 101st level.
        offset = text.index("[") + 99
        assert (found[0].line, found[0].col) == reader_position(text, offset), repr(eol)


def test_an_error_on_an_empty_last_line_ends_at_its_first_column() -> None:
    text = "a: [1,\n\n"
    result = lint_text(text, kind="yaml")
    (error,) = [d for d in result.diagnostics if d.code == "DCL010"]
    assert (error.line, error.col, error.end_line, error.end_col) == (3, 1, 3, 1)
    assert not in_file(result, text)


def test_byte_positions_of_undecodable_files_use_yaml_lines() -> None:
    from datacard_lint.loading.source import decode

    data = "a: 1\u2028b: 2\r\nc: ".encode() + b"\xff\n"
    (finding,) = decode(data).findings
    prefix = data[: data.index(b"\xff")].decode()
    assert (finding.span.line, finding.span.col) == reader_position(prefix, len(prefix))


def test_a_str_with_a_lone_surrogate_gets_a_located_finding() -> None:
    body = "<!-- datacard-lint:governance:start hash=000000000000 -->\nText \udc80 here\n<!-- datacard-lint:governance:end -->\n"
    text = '---\nlicense: mit\ngovernance:\n  schema_version: "1.0"\n---\n' + body
    for kind in ("markdown", "yaml", "json"):
        result = lint_text(text, kind=kind, score=True)  # type: ignore[arg-type]
        assert not result.internal_errors, result.internal_errors
        (finding,) = result.diagnostics
        assert finding.code == "DCL003" and "U+DC80" in finding.message
        assert (finding.line, finding.col) == (7, 6)
