"""Tail-evaluation rules (DCL5xx): each fails on a marked line and passes when fixed."""

from __future__ import annotations

import re
import textwrap

import pytest
from dcl_testing import codes_at, lint

_MARK = re.compile(r"#\s*<-\s*(DCL\d{3})")
INDEX = """\
governance:
  schema_version: "1.0"
  not_applicable:
    origin: The repository holds only an index of other datasets.
"""


def d(text: str) -> str:
    """Dedent a literal block and drop its leading newline."""
    return textwrap.dedent(text).lstrip("\n")


def gov(text: str) -> str:
    """A block of governance keys (written flush left) indented under `governance:`."""
    return textwrap.indent(d(text), "  ")


def card(yaml_text: str) -> str:
    return "---\n" + yaml_text + "---\n"


def marked(text: str) -> set[tuple[str, int]]:
    return {(m.group(1), text.count("\n", 0, m.start()) + 1) for m in _MARK.finditer(text)}


def assert_reports(text: str, code: str) -> None:
    """`code` is reported exactly on the lines marked `# <- code`."""
    want = {hit for hit in marked(text) if hit[0] == code}
    assert want, "test card has no marker"
    got = {hit for hit in codes_at(lint(text)) if hit[0] == code}
    assert got == want


def assert_silent(text: str, code: str) -> None:
    assert code not in {c for c, _ in codes_at(lint(text))}


def evals(*rows: str, language: str | None = None, extra: str = "") -> str:
    head = f"language: {language}\n" if language else ""
    body = "".join(f"    - {row}\n" for row in rows)
    return card(head + extra + INDEX + "  tail_evaluations:\n" + body)


# --- DCL501 multilingual-without-language-slice ------------------------------------------


def test_501_two_languages_without_language_slice() -> None:
    text = card(d("""
        language: [en, sw]  # <- DCL501
        governance:
          schema_version: "1.0"
          parts:
            - id: web
              share: 1.0
              origin: {class: public_web_crawl}
        """))
    assert_reports(text, "DCL501")


def test_501_points_at_existing_tail_evaluations() -> None:
    text = card(d("""
        language: [en, sw]
        governance:
          schema_version: "1.0"
          not_applicable:
            origin: The repository holds only an index of other datasets.
          tail_evaluations:  # <- DCL501
            - {axis: domain, slice: legal, metric: accuracy, value: 0.7, n: 100, baseline: {value: 0.8}}
        """))
    assert_reports(text, "DCL501")


def test_501_multilinguality_alone_triggers() -> None:
    text = card(d("""
        language: [en]
        multilinguality: multilingual  # <- DCL501
        """) + INDEX)
    assert_reports(text, "DCL501")


@pytest.mark.parametrize(
    "text",
    [
        evals("{axis: dialect, slice: sw-KE, metric: accuracy, value: 0.6}", language="[en, sw]"),
        evals("{axis: language, slice: en, metric: accuracy, value: 0.6}", language="[en, sw]"),
        card("language: [en, sw]\n" + INDEX + "    tail_evaluations: Not evaluated; no model trained yet.\n"),
        card("language: [en, code]\nmultilinguality: monolingual\n" + INDEX),
        card("language: [en]\n" + INDEX),
        card("language: [nb, 'no']\n" + INDEX),  # variants of one language
    ],
)
def test_501_silent(text: str) -> None:
    assert_silent(text, "DCL501")


# --- DCL502 result-without-baseline ------------------------------------------------------


def test_502_missing_baseline_reported_on_value() -> None:
    text = card(INDEX + gov("""\
          tail_evaluations:
            - axis: language
              slice: yo
              metric: accuracy
              value: 0.58  # <- DCL502
              n: 500
        """))
    assert_reports(text, "DCL502")


def test_502_baseline_without_value() -> None:
    text = card(INDEX + gov("""\
          tail_evaluations:
            - axis: language
              slice: yo
              metric: accuracy
              value: 0.58
              n: 500
              baseline: {slice: en}  # <- DCL502
        """))
    assert_reports(text, "DCL502")


def test_502_silent_with_baseline() -> None:
    assert_silent(evals("{axis: language, slice: yo, metric: accuracy, value: 0.58, n: 5, baseline: {value: 0.7}}"),
                  "DCL502")


# --- DCL503 slice-language-not-declared -----------------------------------------------------


def test_503_slice_language_not_in_card() -> None:
    text = card("language: [en, sw]\n" + INDEX + gov("""\
          tail_evaluations:
            - axis: language
              slice: yo  # <- DCL503
              metric: accuracy
              value: 0.58
        """))
    assert_reports(text, "DCL503")
    message = next(d.message for d in lint(text).diagnostics if d.code == "DCL503")
    assert "`yo`" in message and "en, sw" in message


@pytest.mark.parametrize(
    ("language", "slice_"),
    [
        ("[en, swa]", "sw"),  # ISO 639-3 against 639-1
        ("[en, sw]", "swa"),
        ("[en, sw]", "sw-KE"),  # region subtag
        ("[en, swh]", "sw"),  # individual language against its macrolanguage
        ("[en, ar]", "arz"),
        ("[en, zh]", "yue-Hant"),
        ("[en, iw]", "he"),  # deprecated code normalised
        ("[en, tl]", "fil"),
    ],
)
def test_503_normalised_codes_match(language: str, slice_: str) -> None:
    assert_silent(evals(f"{{axis: dialect, slice: {slice_}, metric: accuracy, value: 0.5}}", language=language),
                  "DCL503")


def test_503_needs_a_language_list() -> None:
    assert_silent(evals("{axis: language, slice: yo, metric: accuracy, value: 0.58}"), "DCL503")


def test_503_ignores_invalid_tags_and_other_axes() -> None:
    text = evals("{axis: language, slice: sw_KE, metric: accuracy, value: 0.5}",
                 "{axis: domain, slice: yo, metric: accuracy, value: 0.5}", language="[en]")
    assert_silent(text, "DCL503")


# --- DCL504 no-tail-evaluations ------------------------------------------------------------

SYNTHETIC = """\
governance:{mark}
  schema_version: "1.0"
  parts:
    - id: dialogues
      share: 1.0
      origin:
        class: {cls}
        generators: [{{model: org/model, revision: v1}}]
"""


@pytest.mark.parametrize(
    "cls", ["model_generated", "human_edited_model_output", "generated_preference_label", "simulation"]
)
def test_504_synthetic_without_tail_evaluations(cls: str) -> None:
    assert_reports(card(SYNTHETIC.format(mark="  # <- DCL504", cls=cls)), "DCL504")


def test_504_empty_list_is_reported_on_its_key() -> None:
    text = card(SYNTHETIC.format(mark="", cls="model_generated") + "  tail_evaluations: []  # <- DCL504\n")
    assert_reports(text, "DCL504")


@pytest.mark.parametrize(
    ("cls", "extra"),
    [
        ("model_generated", "  not_applicable:\n    tail_evaluations: No model trained on it yet; results in v2.\n"),
        ("model_generated", "  tail_evaluations:\n    - {axis: domain, slice: legal, metric: f1, value: 0.5}\n"),
        ("direct_human_record", ""),
        ("public_web_crawl", ""),
    ],
)
def test_504_silent(cls: str, extra: str) -> None:
    assert_silent(card(SYNTHETIC.format(mark="", cls=cls) + extra), "DCL504")


# --- DCL505 invalid-slice-tag --------------------------------------------------------------


@pytest.mark.parametrize(
    ("slice_", "hint"), [("sw_KE", "sw-KE"), ("Swahili", "'sw'"), ("xx-yy-zz-123456789", "BCP-47")]
)
def test_505_invalid_tags(slice_: str, hint: str) -> None:
    text = card(INDEX + gov(f"""\
          tail_evaluations:
            - axis: dialect
              slice: {slice_}  # <- DCL505
              metric: accuracy
              value: 0.61
        """))
    assert_reports(text, "DCL505")
    diagnostic = next(d for d in lint(text).diagnostics if d.code == "DCL505")
    assert diagnostic.severity.value == "error"
    assert hint in (diagnostic.help or "")


@pytest.mark.parametrize("row", [
    "{axis: dialect, slice: sw-KE, metric: accuracy, value: 0.6}",
    "{axis: language, slice: sr-Latn, metric: accuracy, value: 0.6}",
    "{axis: domain, slice: legal_contracts, metric: accuracy, value: 0.6}",
    "{axis: language, slice: 5, metric: accuracy, value: 0.6}",  # a schema error, not this rule's
])
def test_505_silent(row: str) -> None:
    assert_silent(evals(row), "DCL505")


# --- DCL506 evaluation-without-sample-size -------------------------------------------------


def test_506_missing_n() -> None:
    text = card(INDEX + gov("""\
          tail_evaluations:
            - axis: rare_case
              slice: unusual-units
              metric: accuracy
              value: 0.71  # <- DCL506
              baseline: {value: 0.84}
        """))
    assert_reports(text, "DCL506")


def test_506_silent_with_n() -> None:
    assert_silent(evals("{axis: rare_case, slice: units, metric: accuracy, value: 0.7, n: 200}"), "DCL506")


# --- DCL507 listed-language-without-slice --------------------------------------------------


def test_507_uncovered_language() -> None:
    text = card(d("""
        language:
          - en
          - sw
          - yo  # <- DCL507
        """) + INDEX + gov("""\
          tail_evaluations:
            - {axis: language, slice: en, metric: accuracy, value: 0.81, n: 800}
            - {axis: dialect, slice: sw-TZ, metric: accuracy, value: 0.6, n: 800}
        """))
    assert_reports(text, "DCL507")


def test_507_silent_when_all_covered_or_none_evaluated() -> None:
    covered = evals("{axis: language, slice: eng, metric: accuracy, value: 0.8}",
                    "{axis: dialect, slice: arz, metric: accuracy, value: 0.6}", language="[en, ar]")
    assert_silent(covered, "DCL507")
    none = evals("{axis: domain, slice: legal, metric: accuracy, value: 0.8}", language="[en, ar]")
    assert_silent(none, "DCL507")
    assert "DCL501" in {c for c, _ in codes_at(lint(none))}


# --- DCL508 duplicate-tail-evaluation ------------------------------------------------------


def test_508_duplicate() -> None:
    text = card(INDEX + gov("""\
          tail_evaluations:
            - {axis: language, slice: yo, metric: accuracy, value: 0.58, n: 500}
            - {axis: language, slice: YO, metric: accuracy, value: 0.61, n: 500}  # <- DCL508
        """))
    assert_reports(text, "DCL508")
    assert "0.58 vs 0.61" in next(d.message for d in lint(text).diagnostics if d.code == "DCL508")


def test_508_silent_when_dates_differ() -> None:
    text = evals("{axis: language, slice: yo, metric: accuracy, value: 0.58, date: 2026-04-10}",
                 "{axis: language, slice: yo, metric: accuracy, value: 0.61, date: 2026-10-02}",
                 "{axis: language, slice: yo, metric: chrF, value: 41.0, date: 2026-10-02}")
    assert_silent(text, "DCL508")


# --- DCL509 evaluation-date-in-future ------------------------------------------------------


@pytest.mark.parametrize("when", ["2062-04-10", "'2026-11-25'"])
def test_509_future_date(when: str) -> None:
    text = card(INDEX + gov(f"""\
          tail_evaluations:
            - axis: language
              slice: yo
              metric: accuracy
              value: 0.58
              date: {when}  # <- DCL509
        """))
    assert_reports(text, "DCL509")


def test_509_silent_today() -> None:
    assert_silent(evals("{axis: language, slice: yo, metric: accuracy, value: 0.58, date: 2026-11-24}"), "DCL509")


# --- robustness ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        "tail_evaluations: not a list",
        "tail_evaluations: [1, two, null, [3]]",
        "tail_evaluations:\n    - {axis: [language], slice: {a: 1}, value: x, n: yes, baseline: 3, date: tomorrow}",
        "tail_evaluations:\n    - {axis: language, slice: '', metric: m, value: 1}",
    ],
)
def test_odd_values_never_crash(tail: str) -> None:
    text = card("language: [true, 5, {a: b}, en, fr]\nmultilinguality: [multilingual, 3]\n"
                + INDEX + "  " + tail + "\n")
    codes = {c for c, _ in codes_at(lint(text))}
    assert "DCL999" not in codes


def test_good_examples_have_no_tail_findings(repo) -> None:  # type: ignore[no-untyped-def]
    for name in ("synthetic-instruct", "web-crawl-pretraining", "human-survey"):
        text = (repo / "examples" / name / "README.md").read_text(encoding="utf-8")
        assert not [d for d in lint(text).diagnostics if d.code.startswith("DCL5")], name
