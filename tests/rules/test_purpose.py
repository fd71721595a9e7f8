"""Purpose rules (DCL2xx): synthetic parts say why they exist, with a category and a statement."""

from __future__ import annotations

import pytest
from dcl_testing import card, codes, codes_at, lint, marked, swap

# --- DCL201 synthetic-part-without-purpose -----------------------------------------------

NO_PURPOSE = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues  # <-
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: org/m, revision: v1}]
    """)

WITH_PURPOSE = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: org/m, revision: v1}]
          purpose:
            category: rare_case_augmentation
            statement: Support dialogues about product faults too rare to collect from real tickets.
    """)


def test_dcl201_reports_a_synthetic_part_without_purpose_at_its_id() -> None:
    result = lint(NO_PURPOSE)
    assert ("DCL201", marked(NO_PURPOSE)) in codes_at(result)
    diagnostic = next(d for d in result.diagnostics if d.code == "DCL201")
    assert diagnostic.severity.value == "error" and "`dialogues`" in diagnostic.message


@pytest.mark.parametrize("klass", ["human_edited_model_output", "generated_preference_label", "simulation"])
def test_dcl201_covers_every_synthetic_class(klass: str) -> None:
    text = swap(NO_PURPOSE, "class: model_generated", f"class: {klass}")
    assert ("DCL201", marked(text)) in codes_at(lint(text))


def test_dcl201_points_at_an_empty_purpose_key() -> None:
    text = swap(swap(NO_PURPOSE, "  # <-", ""), "revision: v1}]\n", "revision: v1}]\n      purpose: {}  # <-\n")
    assert ("DCL201", marked(text)) in codes_at(lint(text))


def test_dcl201_passes_a_purpose_and_ignores_non_synthetic_parts() -> None:
    assert "DCL201" not in codes(WITH_PURPOSE)
    assert "DCL201" not in codes(swap(NO_PURPOSE, "class: model_generated", "class: licensed_corpus"))


# --- DCL202 purpose-without-statement --------------------------------------------------------


def test_dcl202_reports_a_missing_statement_at_the_category() -> None:
    text = swap(WITH_PURPOSE, "        category: rare_case_augmentation\n"
                "        statement: Support dialogues about product faults too rare to collect from real tickets.\n",
                "        category: rare_case_augmentation  # <-\n")
    result = lint(text)
    assert ("DCL202", marked(text)) in codes_at(result)
    assert "DCL201" not in {d.code for d in result.diagnostics}


@pytest.mark.parametrize("statement", ['""', "TBD", "n/a", "Rare.", '"TODO: explain"'])
def test_dcl202_reports_filler_statements_at_the_statement(statement: str) -> None:
    old = "statement: Support dialogues about product faults too rare to collect from real tickets."
    text = swap(WITH_PURPOSE, old, f"statement: {statement}  # <-")
    if "TODO" in statement:
        # One finding per TODO placeholder: DCL906 speaks for it until it is replaced.
        assert ("DCL906", marked(text)) in codes_at(lint(text))
        assert ("DCL202", marked(text)) not in codes_at(lint(text))
        text_settings = {"ignore": ("DCL906",)}
        assert ("DCL202", marked(text)) in codes_at(lint(text, **text_settings))
        return
    assert ("DCL202", marked(text)) in codes_at(lint(text))


def test_dcl202_passes_a_real_statement() -> None:
    assert "DCL202" not in codes(WITH_PURPOSE)


# --- DCL204 purpose-without-category ---------------------------------------------------------


def test_dcl204_reports_a_statement_without_category() -> None:
    text = swap(WITH_PURPOSE, "      purpose:\n        category: rare_case_augmentation\n", "      purpose:  # <-\n")
    result = lint(text)
    assert ("DCL204", marked(text)) in codes_at(result)
    assert not {"DCL201", "DCL202"} & {d.code for d in result.diagnostics}


def test_dcl204_points_at_an_empty_category() -> None:
    text = swap(WITH_PURPOSE, "category: rare_case_augmentation", 'category: ""  # <-')
    assert ("DCL204", marked(text)) in codes_at(lint(text))


def test_dcl204_passes_a_category() -> None:
    assert "DCL204" not in codes(WITH_PURPOSE)


# --- DCL205 purpose-exemption-contradicted -----------------------------------------------------


def test_dcl205_reports_an_exemption_contradicted_by_synthetic_parts() -> None:
    text = card("""
        governance:
          schema_version: "1.0"
          parts:
            - id: dialogues
              share: 1.0
              origin: {class: simulation}
          not_applicable:
            purpose: Nothing in this dataset is generated.  # <-
        """)
    result = lint(text)
    assert ("DCL205", marked(text)) in codes_at(result)
    assert "`dialogues`" in next(d.message for d in result.diagnostics if d.code == "DCL205")


def test_dcl205_passes_an_exemption_when_no_part_is_synthetic() -> None:
    text = card("""
        governance:
          schema_version: "1.0"
          parts:
            - id: answers
              share: 1.0
              origin: {class: direct_human_record}
          not_applicable:
            purpose: Every answer was given by a real respondent.
        """)
    assert "DCL205" not in codes(text)
