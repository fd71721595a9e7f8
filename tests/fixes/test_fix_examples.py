"""Every fixable rule's documented failing example: fixed, it lints without that finding,
and a second fix changes nothing. Rules whose fix needs facts the example lacks are listed
with a realistic card of their own."""

from __future__ import annotations

import re

import pytest
from dcl_testing import AS_OF, card

from datacard_lint.config.settings import Settings
from datacard_lint.engine import Engine
from datacard_lint.fixes.apply import fix_text, fixes_for
from datacard_lint.fixes.registry import fixable_codes, get
from datacard_lint.rules.registry import get as rule

_FENCE = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
ENGINE = Engine(Settings(as_of=AS_OF))

#: Rules whose documented failing example has no honest automatic fix, and why.
NOT_FIXABLE_EXAMPLE = {
    "DCL801": "`Apache License 2.0` is a name, not a misspelt identifier",
    "DCL809": "`en-fr` could mean translation or multilingual",
    "DCL814": "size `unknown` without `dataset_info` counts has no known bucket",
}

#: A realistic card for each of those, with the value the fix must write.
OWN_CASES = {
    "DCL801": (card("""
        license: Apache-2.0
        language: [en]
        """), "license: apache-2.0"),
    "DCL809": (card("""
        license: mit
        language: [en]
        multilinguality:
          - muonolingual
        """), "- monolingual"),
    "DCL814": (card("""
        license: mit
        size_categories:
          - unknown
        dataset_info:
          splits:
            - name: train
              num_examples: 4521
        """), '- "1K<n<10K"'),
}


def _failing_card(code: str) -> str:
    match = _FENCE.search(rule(code).sections()["failing"])
    assert match, code
    return "---\n" + match.group(1) + "---\n"


def _fix(text: str, *, unsafe: bool) -> tuple[str, set[str], int]:
    result = ENGINE.check_text(text)
    fixed, final, applied, _ = fix_text(ENGINE, result, unsafe=unsafe)
    return fixed, {d.code for d in final.diagnostics}, len(applied)


def test_the_registry_covers_the_promised_fixes() -> None:
    assert {"DCL904", "DCL805", "DCL807", "DCL814", "DCL804", "DCL102"} <= fixable_codes()


@pytest.mark.parametrize("code", sorted(fixable_codes()))
def test_failing_example_is_fixed_and_second_fix_is_a_no_op(code: str) -> None:
    unsafe = get(code).applicability.value == "unsafe"  # type: ignore[union-attr]
    text = _failing_card(code)
    assert code in {d.code for d in ENGINE.check_text(text).diagnostics}
    if code in NOT_FIXABLE_EXAMPLE:
        fixed, codes, applied = _fix(text, unsafe=True)
        assert applied == 0 and fixed == text, NOT_FIXABLE_EXAMPLE[code]
        text, expected = OWN_CASES[code]
        assert code in {d.code for d in ENGINE.check_text(text).diagnostics}
        fixed, codes, applied = _fix(text, unsafe=unsafe)
        assert expected in fixed
    else:
        if unsafe:  # without --unsafe-fixes an unsafe fix is offered but not applied
            assert _fix(text, unsafe=False)[0] == text
        fixed, codes, applied = _fix(text, unsafe=unsafe)
    assert applied >= 1 and code not in codes, fixed
    again, _, applied_again = _fix(fixed, unsafe=True)
    assert applied_again == 0 and again == fixed


def test_quoting_keeps_the_written_text() -> None:
    text = card("""
        language:
          - en
          - no   # Norwegian
        pretty_name: 1.10
        """)
    fixed, codes, _ = _fix(text, unsafe=False)
    assert "  - 'no'   # Norwegian\n" in fixed and "pretty_name: '1.10'\n" in fixed
    assert "DCL904" not in codes


def test_rename_keeps_value_comments_and_position() -> None:
    text = card("""
        license: mit
        languages:   # kept
          - en
        pretty_name: X
        """)
    fixed, _, _ = _fix(text, unsafe=False)
    assert fixed == text.replace("languages:", "language:")


def test_no_rename_when_both_keys_exist() -> None:
    text = card("""
        language: [en]
        languages: [fr]
        """)
    assert _fix(text, unsafe=True)[2] == 0


@pytest.mark.parametrize(("value", "expected"), [
    ("text-clasification", "text-classification"),  # one typo, one candidate: safe
    ("text2text-generation", "text-generation"),  # the Hub's own replacement
])
def test_safe_task_category_fixes(value: str, expected: str) -> None:
    fixed, _, applied = _fix(card(f"task_categories: [{value}]\n"), unsafe=False)
    assert applied == 1 and f"[{expected}]" in fixed


@pytest.mark.parametrize("value", [
    "keyphrase-extraction",  # difflib's hint is `pose-estimation`: no fix at all
    "symbolic-regression",
    "conditional-text-generation",  # retired without a single replacement
    "summarization",  # a task id: a person must choose the category
])
def test_no_fix_for_distant_or_ambiguous_task_categories(value: str) -> None:
    text = card(f"task_categories: [{value}]\n")
    assert _fix(text, unsafe=True)[2] == 0


@pytest.mark.parametrize("value", ["n>1M", "n<10K", "1k<10K", "100K<n<100M"])
def test_size_buckets_are_never_guessed(value: str) -> None:
    text = card(f"size_categories:\n  - {value}\n")
    assert _fix(text, unsafe=True)[2] == 0


def test_several_close_values_make_the_fix_unsafe() -> None:
    # `annotations_creators: [expert-generate]`: one typo from expert-generated, and nothing else close
    safe = card("annotations_creators: [expert-generate]\n")
    result = ENGINE.check_text(safe)
    assert [f.applicability.value for f in fixes_for(result)] == ["safe"]
    # one typo from `tabular-to-text`, two from `table-to-text`: a guess, applied only when asked
    ambiguous = card("task_categories: [tablar-to-text]\n")
    offered = fixes_for(ENGINE.check_text(ambiguous))
    assert [(f.applicability.value, f.title) for f in offered] == [
        ("unsafe", "replace `tablar-to-text` with `tabular-to-text`")]
    assert _fix(ambiguous, unsafe=False)[2] == 0 and _fix(ambiguous, unsafe=True)[2] == 1


def test_suppressed_findings_are_not_fixed() -> None:
    text = card("""
        language:
          - no  # datacard-lint: disable=DCL904 -- Norwegian is listed elsewhere
        """)
    assert _fix(text, unsafe=True)[2] == 0


def test_anchored_front_matter_is_left_alone() -> None:
    text = card("""
        language: &langs [en, no]
        language_details: *langs
        """)
    assert _fix(text, unsafe=True)[2] == 0
