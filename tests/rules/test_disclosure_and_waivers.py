"""`undisclosed` facts (DCL907/DCL908) and `governance.waivers` (applied, scoped, DCL909)."""

from __future__ import annotations

from pathlib import Path

import pytest
from dcl_testing import card, codes_at, lint, marked
from huggingface_hub import DatasetCard

from datacard_lint.diagnostics import Severity

RETRO = card("""
    license: mit
    governance:
      schema_version: "1.1"
      statement: {by: third_party, author: Acme audit team, basis: the producer's paper}
      parts:
        - id: web
          share: undisclosed  # <-
          origin: {class: public_web_crawl, collection_period: {start: 2015-01-01, end: 2019-12-31}}
          contamination: {ai_label: human, determination: [source_predates_genai]}
          public_evidence: {synthetic: false}
      renewal:
        generation: 0
        grounded_share: {undisclosed: "The paper gives no figure.", source: "https://example.org/paper"}
        cadence: none
      not_applicable:
        tail_evaluations: The producer released no model trained on this data.
    """)


def test_an_honest_undisclosed_card_passes_check_with_information_only() -> None:
    result = lint(RETRO)
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR], result.diagnostics
    info = [d for d in result.diagnostics if d.code == "DCL908"]
    assert [d.line for d in info][0] == marked(RETRO)
    assert any("The paper gives no figure." in d.message and "Acme audit team" in d.message for d in info)
    assert not [d for d in result.diagnostics if d.code == "DCL907"]


def test_the_producers_own_undisclosed_fact_is_a_warning_not_an_error() -> None:
    own = RETRO.replace("statement: {by: third_party, author: Acme audit team, basis: the producer's paper}",
                        "statement: {by: producer}")
    result = lint(own)
    found = [d for d in result.diagnostics if d.code == "DCL907"]
    assert found and all(d.severity is Severity.WARNING for d in found)
    assert ("DCL907", marked(own)) in codes_at(result)
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]
    # No statement at all: the card is taken to be the producer's.
    assert "DCL907" in {d.code for d in lint(own.replace("  statement: {by: producer}\n", "")).diagnostics}


ALIASED = card("""
    license: mit
    governance:
      schema_version: "1.1"
      statement: {by: third_party, author: Acme audit team}
      x-models:
        - &judge
          model: gpt-4
          snapshot: undisclosed  # <-
          role: rater
      parts:
        - id: a
          share: 0.5
          origin: {class: model_generated, generators: [*judge]}
        - id: b
          share: 0.5
          origin: {class: model_generated, generators: [*judge, {model: acme/lm, revision: undisclosed}]}
    """)


def test_a_fact_repeated_through_yaml_aliases_is_reported_once_where_it_is_written() -> None:
    found = [d for d in lint(ALIASED).diagnostics if d.code == "DCL908"]
    assert len(found) == 2, [d.message for d in found]  # the aliased snapshot once, acme/lm's revision once
    aliased = next(d for d in found if "snapshot" in d.message)
    assert aliased.line == marked(ALIASED)
    assert "`parts[0].origin.generators[0].snapshot`" in aliased.message
    assert "through aliases, as `parts[1].origin.generators[0].snapshot`" in aliased.message
    # The producer's own card: DCL907 is deduplicated the same way.
    own = ALIASED.replace("statement: {by: third_party, author: Acme audit team}", "statement: {by: producer}")
    assert len([d for d in lint(own).diagnostics if d.code == "DCL907"]) == 2


def test_the_ultrafeedback_card_reports_each_undisclosed_fact_once(repo: Path) -> None:
    result = lint((repo / "examples/gallery/ultrafeedback/README.md").read_text(encoding="utf-8"))
    found = [d for d in result.diagnostics if d.code == "DCL908"]
    assert found and len({(d.line, d.col) for d in found}) == len(found), [(d.line, d.message) for d in found]


def test_a_todo_is_not_undisclosed() -> None:
    todo = RETRO.replace("share: undisclosed", "share: TODO")
    codes = {d.code for d in lint(todo).diagnostics}
    assert "DCL906" in codes and {"DCL907", "DCL908"} & codes == {"DCL908"}  # only the grounded share left


WAIVED = card("""
    license: mit
    governance:
      schema_version: "1.1"
      parts:
        - id: math
          share: 0.5
          origin:
            class: model_generated
            seed_source: GSM8K train split
            generators: [{model: org/m}]
        - id: code
          share: 0.5
          origin:
            class: model_generated
            seed_source: MBPP prompts
            generators: [{model: org/m}]  # <-
      waivers:
        - rule: generator-without-revision
          reason: The provider publishes no revision or snapshot for this model.
          parts: [math]
    """)


def test_a_waiver_silences_its_rule_only_in_its_parts() -> None:
    result = lint(WAIVED)
    dcl107 = [d.line for d in result.diagnostics if d.code == "DCL107"]
    assert dcl107 == [marked(WAIVED)]  # the `code` part is not waived
    assert "DCL909" not in {d.code for d in result.diagnostics}
    everywhere = WAIVED.replace("      parts: [math]\n", "")
    assert "DCL107" not in {d.code for d in lint(everywhere).diagnostics}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("generator-without-revision", "DCL101"), "waiver of DCL101 in `math` waives nothing"),
        (("generator-without-revision", "no-such-rule"), "unknown rule `no-such-rule`"),
        (("parts: [math]", "parts: [maths]"), "names `maths`, which the card does not have"),
        (("reason: The provider publishes no revision or snapshot for this model.", "reason: ''"),
         "gives no reason, so it is not applied"),
    ],
)
def test_waivers_that_cannot_waive_are_reported(change: tuple[str, str], message: str) -> None:
    result = lint(WAIVED.replace(*change))
    reported = [d for d in result.diagnostics if d.code == "DCL909"]
    assert len(reported) == 1 and message in reported[0].message, reported
    assert reported[0].line == WAIVED.splitlines().index("    - rule: generator-without-revision") + 1


def test_waivers_survive_a_huggingface_hub_load_and_save(tmp_path: Path) -> None:
    source = tmp_path / "README.md"
    source.write_text(WAIVED + "\n# Card\n", encoding="utf-8")
    loaded = DatasetCard.load(source)
    assert loaded.data.to_dict()["governance"]["waivers"][0]["parts"] == ["math"]
    saved = tmp_path / "saved" / "README.md"
    saved.parent.mkdir()
    loaded.save(saved)
    text = saved.read_text(encoding="utf-8")
    assert "# <-" not in text  # YAML comments are gone, as the Hub drops them
    from dcl_testing import AS_OF

    from datacard_lint.config.settings import Settings
    from datacard_lint.engine import Engine

    result = Engine(Settings(as_of=AS_OF)).check_path(saved, "README.md")
    assert [d.code for d in result.diagnostics if d.code in ("DCL107", "DCL909")] == ["DCL107"]
    lines = text.splitlines()
    code_part = next(i for i, line in enumerate(lines) if "id: code" in line) + 1
    assert all(d.line > code_part for d in result.diagnostics if d.code == "DCL107")
