"""Inline `# datacard-lint: disable=` comments: line, block and file scope; unused ones reported."""

from __future__ import annotations

from dcl_testing import codes_at, lint

BASE = "---\nlicense: mit\n{body}---\n"


def test_trailing_comment_silences_that_line_only() -> None:
    card = "---\nlicense: mit\nlanguage: [en, no]  # datacard-lint: disable=DCL904\ntags: [on]\n---\n"
    found = codes_at(lint(card))
    assert ("DCL904", 3) not in found
    assert ("DCL904", 4) in found


def test_own_line_comment_silences_the_next_block() -> None:
    card = (
        "---\nlicense: mit\n# datacard-lint: disable=DCL904\nlanguage:\n  - en\n  - no\n"
        "tags:\n  - on\n---\n"
    )
    found = codes_at(lint(card))
    assert ("DCL904", 6) not in found
    assert ("DCL904", 8) in found


def test_file_scope_and_all_codes() -> None:
    card = "---\n# datacard-lint: disable-file=DCL904\nlicense: mit\nlanguage: [no]\ntags: [on]\n---\n"
    assert not any(code == "DCL904" for code, _ in codes_at(lint(card)))


def test_unused_and_unknown_suppressions_are_reported() -> None:
    card = "---\nlicense: mit  # datacard-lint: disable=DCL904\nlanguage: [en]  # datacard-lint: disable=DCL777\n---\n"
    diagnostics = [d for d in lint(card).diagnostics if d.code == "DCL902"]
    assert [(d.line, "unknown" in d.message) for d in diagnostics] == [(2, False), (3, True)]


def test_bare_disable_silences_everything_on_the_line() -> None:
    card = "---\nlicense: mit\nlanguage: [no, on]  # datacard-lint: disable\n---\n"
    assert codes_at(lint(card)) == {("DCL901", 2)}


def test_rules_by_name_and_a_reason_after_double_dash() -> None:
    card = ("---\nlicense: mit\n"
            "language: [en, no]  # datacard-lint: disable=boolean-in-string-field -- Norwegian, quoted upstream\n"
            "---\n")
    found = codes_at(lint(card))
    assert ("DCL904", 3) not in found and ("DCL902", 3) not in found


def test_reason_is_kept_and_does_not_become_a_rule() -> None:
    from datacard_lint.loading.card import Card, parse_card_text
    from datacard_lint.loading.limits import Limits
    from datacard_lint.suppression import parse

    text = "---\nlicense: mit\n# datacard-lint: disable=DCL904,DCL905 -- kept as booleans on purpose\ntags: [on]\n---\n"
    (item,) = parse(parse_card_text(Card(path="c", kind="markdown"), text, Limits()))
    assert item.codes == {"DCL904", "DCL905"} and item.reason == "kept as booleans on purpose"


def test_dcl902_quotes_what_was_written() -> None:
    card = ("---\nlicense: mit  # datacard-lint: disable=boolean-in-string-field,dcl905 -- old\n"
            "language: [en]  # datacard-lint: disable=Refresh-Overdue\n---\n")
    messages = [d.message for d in lint(card).diagnostics if d.code == "DCL902"]
    assert messages == [
        "suppression of `boolean-in-string-field`, `dcl905` silences nothing here",
        "suppression names unknown rule(s): `Refresh-Overdue`",
    ]


def test_double_dash_inside_a_name_is_not_a_reason() -> None:
    card = "---\nlicense: mit\nlanguage: [no]  # datacard-lint: disable=DCL904--x\n---\n"
    messages = [d.message for d in lint(card).diagnostics if d.code == "DCL902"]
    assert messages == ["suppression names unknown rule(s): `DCL904--x`"]
