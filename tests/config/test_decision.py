"""The one decision object: precedence of waivers, suppressions, selection, severity and capping."""

from __future__ import annotations

from pathlib import Path

import pytest
from dcl_testing import AS_OF, card, lint, marked

from datacard_lint.config.settings import Settings
from datacard_lint.decision import Decision
from datacard_lint.diagnostics import Finding, Severity, Span
from datacard_lint.engine import MAX_DECISIONS, Engine
from datacard_lint.loading.limits import Limits

#: DCL901 (no governance block, warning) and DCL904 (`yes` read as a bool, error).
LOOSE = card("""
    license: mit
    pretty_name: yes  # <-
    """)

#: DCL107 in both parts; one waiver for every part.
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
            generators: [{model: org/m}]  # datacard-lint: disable=DCL107 # <-
      waivers:
        - rule: generator-without-revision
          reason: The provider publishes no revision or snapshot for this model.
    """)


def _codes(text: str, **settings: object) -> set[str]:
    return {d.code for d in lint(text, **settings).diagnostics}


def test_the_more_specific_selector_wins_and_ignore_wins_ties() -> None:
    assert _codes(LOOSE) >= {"DCL901", "DCL904"}
    assert _codes(LOOSE, select=("DCL9",), ignore=("DCL904",)) == {"DCL901"}
    # A rule name is more specific than a prefix: it re-enables one rule of an ignored family.
    assert _codes(LOOSE, ignore=("DCL9",), extend_select=("boolean-in-string-field",)) == {"DCL904"}
    assert _codes(LOOSE, select=("DCL904",), ignore=("DCL904",)) == set()


def test_per_file_ignores_apply_per_path_in_one_engine() -> None:
    settings = Settings(as_of=AS_OF, per_file_ignores=(("legacy/*", ("DCL904",)),), root=Path.cwd())
    engine = Engine(settings)
    legacy = {d.code for d in engine.check_text(LOOSE, "legacy/README.md").diagnostics}
    current = {d.code for d in engine.check_text(LOOSE, "current/README.md").diagnostics}
    assert "DCL904" not in legacy and "DCL901" in legacy
    assert "DCL904" in current


def test_a_severity_override_changes_only_that_rule() -> None:
    result = lint(LOOSE, severity=(("DCL904", Severity.INFO),))
    by_code = {d.code: d.severity for d in result.diagnostics}
    assert by_code["DCL904"] is Severity.INFO
    assert by_code["DCL901"] is Severity.WARNING
    assert not result.has_errors


def test_a_waiver_applies_before_a_comment_so_the_comment_is_reported_unused() -> None:
    result = lint(WAIVED)
    codes = [d.code for d in result.diagnostics]
    assert "DCL107" not in codes and "DCL909" not in codes  # the waiver silenced both parts
    unused = [d for d in result.diagnostics if d.code == "DCL902"]
    assert [d.line for d in unused] == [marked(WAIVED)]
    assert "silences nothing here" in unused[0].message


def test_without_the_waiver_the_comment_is_used_and_the_other_part_reported() -> None:
    text = WAIVED.split("  waivers:")[0] + "---\n"
    result = lint(text)
    assert [d.line for d in result.diagnostics if d.code == "DCL107"] != []
    assert marked(text) not in [d.line for d in result.diagnostics if d.code == "DCL107"]
    assert "DCL902" not in {d.code for d in result.diagnostics}


def test_unused_suppression_and_waiver_reports_are_selectable_rules() -> None:
    assert "DCL902" not in _codes(WAIVED, ignore=("unused-suppression",))
    unused_waiver = WAIVED.replace("generator-without-revision", "DCL101")
    assert "DCL909" in _codes(unused_waiver)
    assert "DCL909" not in _codes(unused_waiver, ignore=("DCL909",))


def test_a_suppression_of_an_ignored_rule_is_not_reported_unused() -> None:
    # Suppressions see the raw findings: switching a rule off in the configuration must not
    # turn every comment that silences it into a new finding.
    assert _codes(WAIVED.split("  waivers:")[0] + "---\n", ignore=("DCL107",)) & {"DCL107", "DCL902"} == set()


def test_capping_keeps_the_first_findings_and_a_selectable_summary() -> None:
    findings = [Finding("DCL054", f"wrong {i}", Span.point(i + 1)) for i in range(5)]
    decision = Decision(Settings(limits=Limits(max_findings_per_rule=2)))
    kept = decision.stamp(findings, "card.yaml")
    assert [d.code for d in kept] == ["DCL054", "DCL054", "DCL016"]
    assert kept[-1].line == 3 and "3 more DCL054 findings" in kept[-1].message
    quiet = Decision(Settings(limits=Limits(max_findings_per_rule=2), ignore=("DCL016",)))
    assert [d.code for d in quiet.stamp(findings, "card.yaml")] == ["DCL054", "DCL054"]


def test_export_gaps_get_the_same_selection_and_severity() -> None:
    findings = [Finding("DCL904", "x", Span.point(1)), Finding("DCL901", "y", Span.point(1))]
    decision = Decision(Settings(ignore=("DCL901",), severity=(("DCL904", Severity.WARNING),)))
    raw = Decision(Settings()).stamp(findings, "README.md")
    configured = decision.configure(raw, "README.md")
    assert [(d.code, d.severity) for d in configured] == [("DCL904", Severity.WARNING)]


def test_the_engine_keys_decisions_by_settings_value_and_bounds_them() -> None:
    engine = Engine()
    first = engine.decision(Settings(ignore=("DCL901",)))
    assert engine.decision(Settings(ignore=("DCL901",))) is first  # an equal object, not the same one
    for n in range(MAX_DECISIONS + 10):
        engine.decision(Settings(min_score=float(n % 100), profile=str(n)))
    assert len(engine._decisions) <= MAX_DECISIONS


def test_check_jobs_and_the_api_report_the_same_decided_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One configuration, three entry points: `check`, `check --jobs 2` and `lint_path` agree."""
    import json

    from click.testing import CliRunner

    import datacard_lint
    from datacard_lint.cli.main import cli

    (tmp_path / "pyproject.toml").write_text(
        '[tool.datacard-lint]\nseverity = {DCL904 = "info"}\n'
        'per-file-ignores = {"legacy/*" = ["missing-governance-block"]}\n', encoding="utf-8")
    for folder in ("legacy", "current"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "README.md").write_text(LOOSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = {
        f"{folder}/README.md": sorted((d.code, d.severity.value, d.line)
                                      for d in datacard_lint.lint_path(f"{folder}/README.md").diagnostics)
        for folder in ("legacy", "current")
    }
    assert ("DCL904", "info", marked(LOOSE)) in expected["current/README.md"]
    assert "DCL901" in {c for c, _, _ in expected["current/README.md"]}
    assert "DCL901" not in {c for c, _, _ in expected["legacy/README.md"]}
    for jobs in ("1", "2"):
        out = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", jobs, "legacy", "current"])
        assert out.exit_code == 0, out.output  # DCL904 is only information here
        report = json.loads(out.output)
        got = {c["path"]: sorted((d["code"], d["severity"], d["line"]) for d in c["diagnostics"])
               for c in report["cards"]}
        assert got == expected


def test_accepted_says_why_for_exactly_the_findings_report_does_not_make_errors() -> None:
    """`Decision.accepted` (what `lineage` asks) agrees with `Decision.report` (what `check` prints)."""
    from datacard_lint.loading.card import Card, parse_card_str

    settings = Settings(as_of=AS_OF, ignore=("DCL416",), severity=(("DCL422", Severity.WARNING),))
    decision = Decision(settings)
    loaded = parse_card_str(Card(path="README.md", kind="markdown"), WAIVED, settings.limits)
    lines = range(1, WAIVED.count("\n") + 1)
    findings = [Finding(code, f"{code} at {line}", Span(line, 1, line, 2))
                for code in ("DCL107", "DCL401", "DCL416", "DCL422") for line in lines]
    accepted = decision.accepted(loaded, findings)
    for index, finding in enumerate(findings):
        reported = [d for d in decision.report(loaded, [finding])
                    if d.code == finding.code and d.severity is Severity.ERROR]
        assert (index in accepted) == (not reported), (finding, accepted.get(index))
    reasons = set(accepted.values())
    assert any(r.startswith("waived in the card (DCL107): The provider publishes") for r in reasons)
    assert "DCL416 is not selected by the configuration" in reasons
    assert "DCL422 is configured as warning" in reasons
    assert not any(r.startswith("suppressed by the comment") for r in reasons)  # the waiver comes first
