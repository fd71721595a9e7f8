"""Renewal rules (DCL4xx): generation and parents, grounded share, refresh dates, lawful basis."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from dcl_testing import card, codes, codes_at, lint, marked, swap

from datacard_lint.governance.readers import cadence_days
from datacard_lint.rules.context import Thresholds


def lineage(renewal: str, *, human: float = 0.3, generated: float = 0.7, human_class: str = "licensed_corpus") -> str:
    """A card with a grounded part, a model-generated part and the given `renewal` body."""
    body = textwrap.indent(textwrap.dedent(renewal).strip("\n"), " " * 4)
    return (
        "---\n"
        "governance:\n"
        '  schema_version: "1.0"\n'
        "  parts:\n"
        "    - id: seed\n"
        f"      share: {human}\n"
        f"      origin: {{class: {human_class}}}\n"
        "    - id: answers\n"
        f"      share: {generated}\n"
        "      origin:\n"
        "        class: model_generated\n"
        "        generators: [{model: org/m, revision: v1}]\n"
        "        seed_source: The seed part.\n"
        "  renewal:\n"
        + body + "\n"
        "---\n"
    )


GOOD_RENEWAL = """
    generation: 1
    grounded_share: 0.3
    parents: [{id: org/seed, revision: v1.2, generation: 0}]
    cadence: quarterly
    last_refresh: 2026-10-30
    fresh_data:
      description: New seed prompts written for this release.
      lawful_basis: contract
    """
GOOD = lineage(GOOD_RENEWAL)


def test_a_well_documented_renewal_has_no_renewal_findings() -> None:
    assert not {c for c in codes(GOOD) if c.startswith("DCL4")}


# --- DCL401 grounded-share-below-floor ------------------------------------------------------


def test_dcl401_reports_a_grounded_share_below_the_floor() -> None:
    text = swap(lineage(GOOD_RENEWAL, human=0.1, generated=0.9), "grounded_share: 0.3", "grounded_share: 0.1  # <-")
    result = lint(text)
    assert ("DCL401", marked(text)) in codes_at(result)
    diagnostic = next(d for d in result.diagnostics if d.code == "DCL401")
    assert diagnostic.severity.value == "error" and "0.1" in diagnostic.message and "0.2" in diagnostic.message


def test_dcl401_judges_the_grounded_share_of_the_mix_not_only_the_fresh_share() -> None:
    # 0.3 of the mix is a licensed corpus: with 0.1 of it fresh, the mix still holds 0.3
    # grounded data, as `datacard-lint lineage` computes.
    assert "DCL401" not in codes(swap(GOOD, "grounded_share: 0.3", "grounded_share: 0.1"))


SYNTHETIC_ONLY = """---
governance:
  schema_version: "1.1"
  dataset: {role: ROLE}
  parts:
    - id: answers
      share: 1.0
      origin:
        class: model_generated
        generators: [{model: org/m, revision: v1}]
  renewal:
    generation: GEN
    grounded_share: 0.0
    parents: [{model: org/m, training_data: undisclosed}]
---
"""


@pytest.mark.parametrize(("role", "generation", "expected"), [
    ("component", 1, set()), ("training_mix", 1, {"DCL401"}), ("evaluation", 1, set()),
    ("component", 2, {"DCL401"}), ("training_mix", 3, {"DCL401"}), ("evaluation", 3, set())])
def test_dcl401_applies_to_training_mixes_and_to_later_generations(role: str, generation: int,
                                                                   expected: set[str]) -> None:
    text = SYNTHETIC_ONLY.replace("ROLE", role).replace("GEN", str(generation))
    found = codes(text) & {"DCL401", "DCL416", "DCL417", "DCL422"}
    assert found == expected


def test_dcl401_default_role_is_component_for_synthetic_only_and_mix_otherwise() -> None:
    component = SYNTHETIC_ONLY.replace("  dataset: {role: ROLE}\n", "").replace("GEN", "1")
    assert "DCL401" not in codes(component)
    mixed = lineage(GOOD_RENEWAL, human=0.1, generated=0.9)
    message = next(d.message for d in lint(mixed).diagnostics if d.code == "DCL401")
    assert "training mix by default" in message


def test_dcl416_reports_a_deep_training_mix_without_shares() -> None:
    text = """---
governance:
  schema_version: "1.1"
  dataset: {role: training_mix}
  parts:
    - id: distilled
      origin: {class: model_generated, generators: [{model: org/m, revision: v1}]}
    - id: forum
      origin: {class: licensed_corpus}
  renewal:
    generation: 2  # <-
    grounded_share: undisclosed
    parents: [{id: org/parent, generation: 1}]
---
"""
    result = lint(text)
    assert ("DCL416", marked(text)) in codes_at(result)
    first = text.replace("generation: 2  # <-", "generation: 1").replace("generation: 1}", "generation: 0}")
    assert "DCL416" not in codes(first)
    assert "DCL416" not in codes(text.replace("role: training_mix", "role: component"))
    assert "DCL416" not in codes(text.replace("grounded_share: undisclosed", "grounded_share: 0.4"))


def test_dcl417_reports_a_later_generation_without_fresh_data() -> None:
    text = lineage(GOOD_RENEWAL, human=0.5, generated=0.5)
    text = swap(swap(text, "generation: 1\n", "generation: 2\n"), "grounded_share: 0.3", "grounded_share: 0.0  # <-")
    text = swap(text, "generation: 0}", "generation: 1}")
    assert ("DCL417", marked(text)) in codes_at(lint(text))
    assert "DCL417" not in codes(swap(text, "grounded_share: 0.0", "grounded_share: 0.2"))
    assert "DCL417" not in codes(swap(swap(text, "generation: 2\n", "generation: 1\n"), "generation: 1}", "generation: 0}"))


def test_dcl401_floor_is_configurable_and_generation_zero_is_exempt() -> None:
    text = swap(lineage(GOOD_RENEWAL, human=0.25, generated=0.75), "grounded_share: 0.3", "grounded_share: 0.25")
    assert "DCL401" not in codes(text)
    assert "DCL401" in codes(text, thresholds=Thresholds(grounded_share_floor=0.3))
    human_only = card("""
        governance:
          schema_version: "1.0"
          parts:
            - {id: answers, share: 1.0, origin: {class: licensed_corpus}}
          renewal: {generation: 0, grounded_share: 0.05}
        """)
    assert "DCL401" not in codes(human_only)


# --- DCL402 generation-without-parents --------------------------------------------------------


@pytest.mark.parametrize("parents", ["", "    parents: []\n"])
def test_dcl402_reports_generation_without_parents(parents: str) -> None:
    text = swap(GOOD, "    parents: [{id: org/seed, revision: v1.2, generation: 0}]\n", parents)
    text = swap(text, "generation: 1\n", "generation: 1  # <-\n")
    assert ("DCL402", marked(text)) in codes_at(lint(text))


def test_dcl402_passes_named_parents_and_generation_zero() -> None:
    assert "DCL402" not in codes(GOOD)
    zero = card("""
        governance:
          schema_version: "1.0"
          parts:
            - {id: answers, share: 1.0, origin: {class: licensed_corpus}}
          renewal: {generation: 0, grounded_share: 1.0}
        """)
    assert "DCL402" not in codes(zero)


# --- DCL403 refresh-overdue / DCL407 refresh-in-future ------------------------------------------


@pytest.mark.parametrize(("cadence", "last"), [("quarterly", "2025-10-30"), ("monthly", "2026-10-23"),
                                               ("P6M", "2026-05-01"), ("yearly", "2025-11-22"),
                                               ("weekly", '"2026-11-01"')])
def test_dcl403_reports_an_overdue_refresh(cadence: str, last: str) -> None:
    text = swap(swap(GOOD, "cadence: quarterly", f"cadence: {cadence}"), "last_refresh: 2026-10-30",
                f"last_refresh: {last}  # <-")
    result = lint(text)
    assert ("DCL403", marked(text)) in codes_at(result)
    assert next(d for d in result.diagnostics if d.code == "DCL403").severity.value == "warning"


@pytest.mark.parametrize(("cadence", "last"), [("quarterly", "2026-08-24"), ("yearly", "2025-11-23"),
                                               ("none", "2019-01-01"), ("continuous", "2019-01-01"),
                                               ("P1Y", "2025-11-24"), ("PT12H", "2026-11-23")])
def test_dcl403_passes_a_refresh_within_its_cadence(cadence: str, last: str) -> None:
    text = swap(swap(GOOD, "cadence: quarterly", f"cadence: {cadence}"), "last_refresh: 2026-10-30",
                f"last_refresh: {last}")
    assert "DCL403" not in codes(text)


def test_dcl403_depends_on_as_of() -> None:
    text = swap(GOOD, "last_refresh: 2026-10-30", "last_refresh: 2026-01-01")
    assert "DCL403" in codes(text)
    assert "DCL403" not in codes(text, as_of=dt.date(2026, 3, 1))


def test_dcl407_reports_a_refresh_after_as_of() -> None:
    text = swap(GOOD, "last_refresh: 2026-10-30", "last_refresh: 2027-01-20  # <-")
    result = lint(text)
    assert ("DCL407", marked(text)) in codes_at(result)
    assert "DCL403" not in {d.code for d in result.diagnostics}


def test_dcl407_passes_a_past_or_same_day_refresh() -> None:
    assert "DCL407" not in codes(swap(GOOD, "last_refresh: 2026-10-30", "last_refresh: 2026-11-24"))


# --- DCL404 fresh-data-without-lawful-basis / DCL411 human-records-without-lawful-basis ----------


def test_dcl404_reports_fresh_data_without_lawful_basis_at_the_key() -> None:
    text = swap(swap(GOOD, "      lawful_basis: contract\n", ""), "    fresh_data:\n", "    fresh_data:  # <-\n")
    result = lint(text)
    assert ("DCL404", marked(text)) in codes_at(result)
    assert next(d for d in result.diagnostics if d.code == "DCL404").severity.value == "error"


def test_dcl404_reports_consent_without_documentation() -> None:
    text = swap(GOOD, "lawful_basis: contract", "lawful_basis: consent  # <-")
    assert ("DCL404", marked(text)) in codes_at(lint(text))


def test_dcl404_passes_documented_consent() -> None:
    text = swap(GOOD, "lawful_basis: contract",
                "lawful_basis: consent\n      consent_documentation: docs/contributor-consent.md")
    assert "DCL404" not in codes(text)


def test_dcl411_warns_about_human_records_without_fresh_data() -> None:
    text = card("""
        governance:
          schema_version: "1.0"
          parts:
            - id: answers
              share: 1.0
              origin:
                class: direct_human_record  # <-
          renewal: {generation: 0, grounded_share: 1.0}
        """)
    result = lint(text)
    assert ("DCL411", marked(text)) in codes_at(result)
    assert "DCL404" not in {d.code for d in result.diagnostics}
    assert next(d for d in result.diagnostics if d.code == "DCL411").severity.value == "warning"


def test_dcl411_silent_with_fresh_data_an_exemption_or_no_human_records() -> None:
    assert "DCL411" not in codes(lineage(GOOD_RENEWAL, human_class="direct_human_record"))
    exempt = card("""
        governance:
          schema_version: "1.0"
          parts:
            - {id: answers, share: 1.0, origin: {class: direct_human_record}}
          not_applicable:
            renewal: A one-off survey wave; no later release is planned.
        """)
    assert "DCL411" not in codes(exempt)
    assert "DCL411" not in codes(swap(exempt, "direct_human_record", "licensed_corpus"))


# --- DCL405 grounded-share-disagrees-with-parts ------------------------------------------------------


def test_dcl405_reports_a_grounded_share_above_the_non_synthetic_share() -> None:
    text = swap(GOOD, "grounded_share: 0.3", "grounded_share: 0.5  # <-")
    result = lint(text)
    assert ("DCL405", marked(text)) in codes_at(result)
    assert "`seed` 0.3" in next(d.message for d in result.diagnostics if d.code == "DCL405")


def test_dcl405_accepts_a_lower_share_and_rounding() -> None:
    assert "DCL405" not in codes(swap(GOOD, "grounded_share: 0.3", "grounded_share: 0.2"))
    assert "DCL405" not in codes(swap(GOOD, "grounded_share: 0.3", "grounded_share: 0.34"))


def test_dcl405_reasons_with_bounds_when_only_some_parts_give_shares() -> None:
    # The generated part gives no share, but it is synthetic: the seed's 0.3 is the most.
    text = swap(swap(GOOD, "grounded_share: 0.3", "grounded_share: 0.5"), "      share: 0.7\n", "")
    assert "DCL405" in codes(text)
    # A grounded part without a share may hold what the generated part's 0.7 leaves, no more.
    unknown_seed = swap(GOOD, "      share: 0.3\n", "")
    assert "DCL405" not in codes(unknown_seed)
    assert "DCL405" in codes(swap(unknown_seed, "grounded_share: 0.3", "grounded_share: 0.5"))


def test_dcl405_computes_grounding_per_component() -> None:
    # A human-classed part whose response field a model wrote holds no grounded rows.
    text = swap(GOOD, "      origin: {class: licensed_corpus}\n",
                "      origin: {class: licensed_corpus}\n"
                "      components:\n"
                "        - {field: prompt, role: prompt, origin: {class: licensed_corpus}}\n"
                "        - field: response\n"
                "          role: response\n"
                "          origin: {class: model_generated, generators: [{model: org/m, revision: v1}]}\n")
    result = lint(text)
    assert "DCL405" in {d.code for d in result.diagnostics}
    assert "DCL405" not in codes(swap(text, "grounded_share: 0.3", "grounded_share: 0.0"))


# --- DCL406 synthetic-without-renewal ----------------------------------------------------------------

NO_RENEWAL = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated  # <-
            generators: [{model: org/m, revision: v1}]
    """)


def test_dcl406_reports_synthetic_parts_without_renewal() -> None:
    assert ("DCL406", marked(NO_RENEWAL)) in codes_at(lint(NO_RENEWAL))


def test_dcl406_passes_a_renewal_section_or_an_exemption() -> None:
    assert "DCL406" not in codes(GOOD)
    exempt = card("""
        governance:
          schema_version: "1.0"
          parts:
            - id: answers
              share: 1.0
              origin:
                class: model_generated
                generators: [{model: org/m, revision: v1}]
          not_applicable:
            renewal: A one-off evaluation set that is never retrained on.
        """)
    assert "DCL406" not in codes(exempt)


# --- DCL408 generation-inconsistent-with-parents / DCL409 generation-zero-with-model-parts ------------


def test_dcl408_reports_a_generation_below_a_parent() -> None:
    text = swap(swap(GOOD, "generation: 1\n", "generation: 1  # <-\n"), "generation: 0}", "generation: 2}")
    result = lint(text)
    assert ("DCL408", marked(text)) in codes_at(result)
    assert "org/seed" in next(d.message for d in result.diagnostics if d.code == "DCL408")


@pytest.mark.parametrize("parent_generation", ["0", "1"])
def test_dcl408_accepts_equal_or_one_more(parent_generation: str) -> None:
    assert "DCL408" not in codes(swap(GOOD, "generation: 0}", f"generation: {parent_generation}}}"))


def test_dcl409_reports_generation_zero_with_model_output() -> None:
    text = swap(GOOD, "generation: 1\n", "generation: 0  # <-\n")
    result = lint(text)
    assert ("DCL409", marked(text)) in codes_at(result)
    assert next(d for d in result.diagnostics if d.code == "DCL409").severity.value == "error"


def test_dcl409_passes_simulation_at_generation_zero() -> None:
    text = swap(swap(GOOD, "generation: 1\n", "generation: 0\n"), "class: model_generated", "class: simulation")
    assert "DCL409" not in codes(text)


# --- DCL410 fresh-data-period-inverted ----------------------------------------------------------------


def test_dcl410_reports_an_inverted_fresh_data_period() -> None:
    period = "\n      collection_period:\n        start: 2026-05-29\n        end: 2026-03-02  # <-"
    text = swap(GOOD, "lawful_basis: contract", "lawful_basis: contract" + period)
    assert ("DCL410", marked(text)) in codes_at(lint(text))


def test_dcl410_passes_an_ordered_or_open_period() -> None:
    basis = "lawful_basis: contract"
    ordered = swap(GOOD, basis, basis + "\n      collection_period: {start: 2026-03-02, end: 2026-05-29}")
    assert "DCL410" not in codes(ordered)
    open_ended = swap(GOOD, basis, basis + "\n      collection_period: {start: 2026-03-02}")
    assert "DCL410" not in codes(open_ended)


# --- cadence arithmetic --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "days"), [("daily", 1), ("weekly", 7), ("monthly", 31), ("quarterly", 92),
                                             ("semiannual", 183), ("yearly", 366), ("Yearly", 366), ("P6M", 186),
                                             ("P1Y2M", 428), ("P2W", 14), ("P10D", 10), ("PT36H", 2), ("PT1M", 1)])
def test_cadence_days(value: str, days: int) -> None:
    assert cadence_days(value) == days


@pytest.mark.parametrize("value", ["none", "continuous", "P", "PT", "P0D", "fortnightly", "", None, 3, ["P1M"]])
def test_cadence_days_without_a_deadline(value: object) -> None:
    assert cadence_days(value) is None
