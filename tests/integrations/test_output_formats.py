"""The machine-facing output formats: JSON (against its schema), SARIF 2.1.0, GitHub, Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from datacard_lint._meta import rule_url
from datacard_lint.cli.main import main
from datacard_lint.diagnostics import Diagnostic, Severity, Span
from datacard_lint.reporters import REPORTERS, get_reporter
from datacard_lint.reporters.github import annotation, escape_data, escape_property
from datacard_lint.reporters.markdown import cell
from datacard_lint.reporters.sarif import artifact_uri
from datacard_lint.rules import registry

ROOT = Path(__file__).resolve().parents[2]
#: The example cards `check examples/` finds (examples/README.md is excluded by pyproject.toml).
EXAMPLE_COUNT = len(list((ROOT / "examples").glob("*/**/README.md")))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["check", *args])
    return status, capsys.readouterr().out


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


# --- JSON ------------------------------------------------------------------------------------


def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((ROOT / "schema/report/v1/report.schema.json").read_text("utf-8"))
    return schema


def test_report_schema_is_valid_draft_2020_12_and_describes_every_property() -> None:
    schema = report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://datacard-lint.github.io/datacard-lint/schema/report/v1/report.schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)
    undescribed: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    undescribed.append(f"{where}.{name}")
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(schema, "$")
    assert undescribed == []


@pytest.mark.parametrize("extra", [[], ["--min-score", "50"]], ids=["no-scores", "with-scores"])
def test_json_output_validates_against_the_report_schema(capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    status, out = run(capsys, "--format", "json", *extra, "examples/")
    assert status == 1  # the broken example has errors
    document = json.loads(out)
    jsonschema.Draft202012Validator(report_schema()).validate(document)
    assert len(document["cards"]) == EXAMPLE_COUNT
    scored = [card["score"] is not None for card in document["cards"]]
    assert all(scored) if extra else not any(scored)


def test_the_schema_rejects_a_report_of_another_shape(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "--format", "json", "examples/broken-card/README.md")
    document = json.loads(out)
    document["cards"][0]["diagnostics"][0]["line"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(report_schema()).validate(document)


# --- SARIF -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_schema(pytestconfig: pytest.Config) -> dict[str, Any]:
    path = pytestconfig.rootpath / ".." / "shared" / "schemas" / "sarif-2.1.0-rtm.5.json"
    if not path.is_file():
        pytest.skip(f"SARIF schema not found at {path} (../shared/ is absent)")
    schema: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return schema


def test_sarif_validates_and_matches_the_json_findings(
    capsys: pytest.CaptureFixture[str], sarif_schema: dict[str, Any]
) -> None:
    status, out = run(capsys, "--format", "sarif", "examples/")
    assert status == 1, "SARIF mode still exits by findings"
    log = json.loads(out)
    jsonschema.validators.validator_for(sarif_schema)(sarif_schema).validate(log)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    _, json_out = run(capsys, "--format", "json", "examples/")
    diagnostics = [d for card in json.loads(json_out)["cards"] for d in card["diagnostics"]]
    results = sarif_run["results"]
    assert len(results) == len(diagnostics) > 0
    rules = sarif_run["tool"]["driver"]["rules"]
    for result, diagnostic in zip(results, diagnostics, strict=True):
        assert result["ruleId"] == diagnostic["code"]
        assert rules[result["ruleIndex"]]["id"] == diagnostic["code"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[diagnostic["severity"]]
        assert result["message"]["text"].startswith(diagnostic["message"])
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == diagnostic["path"]  # repo-relative, POSIX
        assert location["region"] == {
            "startLine": diagnostic["line"],
            "startColumn": diagnostic["col"],
            "endLine": diagnostic["end_line"],
            "endColumn": diagnostic["end_col"],
        }
    fingerprints = [next(iter(r["partialFingerprints"].values())) for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_describes_every_rule_from_its_docstring(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "--format", "sarif", "examples/synthetic-instruct/README.md")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    known = registry.all_rules()
    assert [r["id"] for r in rules] == [rule.code for rule in known]
    for descriptor, rule in zip(rules, known, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"].rstrip(".") == rule.summary.rstrip(".")
        assert descriptor["fullDescription"]["text"]
        assert descriptor["helpUri"] == rule_url(rule.code)
        assert descriptor["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        sections = rule.sections()
        if sections.get("fix"):
            assert sections["fix"].strip() in descriptor["help"]["markdown"]
            assert "How to fix" in descriptor["help"]["text"]


def test_sarif_exit_zero_and_fingerprints_ignore_line_shifts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = (ROOT / "examples/broken-card/README.md").read_text("utf-8")
    assert card.startswith("---\n")
    path = tmp_path / "README.md"

    def results() -> dict[str, tuple[str, int]]:
        status, out = run(capsys, "--isolated", "--format", "sarif", "--exit-zero", str(path))
        assert status == 0
        found = json.loads(out)["runs"][0]["results"]
        return {
            r["ruleId"]: (
                r["partialFingerprints"]["datacardLint/v1"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in found
        }

    path.write_text(card, "utf-8")
    before = results()
    path.write_text("---\n# two comment lines\n# push every finding down\n" + card[4:], "utf-8")
    after = results()
    assert before.keys() == after.keys() and before
    for code in before:
        assert after[code][0] == before[code][0]
        assert after[code][1] == before[code][1] + 2


def test_sarif_uris(tmp_path: Path) -> None:
    cwd = str(tmp_path / "repo")
    assert artifact_uri("data/my card/README.md", cwd) == "data/my%20card/README.md"
    assert artifact_uri(str(tmp_path / "repo" / "a" / "README.md"), cwd) == "a/README.md"
    outside = tmp_path / "elsewhere" / "README.md"
    assert artifact_uri(str(outside), cwd) == outside.as_uri()
    hub = "hf://datasets/acme/data@main/README.md"
    assert artifact_uri(hub, cwd) == hub


# --- GitHub workflow commands ----------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    diagnostic = Diagnostic(
        "DCL011",
        "duplicate-key",
        Severity.ERROR,
        "odd:dir,x/README.md",
        Span(3, 5, 3, 9),
        "duplicate key 'a,b'\nsecond line",
        "remove one: 50% of them",
    )
    assert annotation(diagnostic) == (
        "::error file=odd%3Adir%2Cx/README.md,line=3,col=5,endLine=3,endColumn=9,"
        "title=datacard-lint (DCL011)::DCL011 duplicate key 'a,b'%0Asecond line%0Ahelp: remove one: 50%25 of them"
    )
    multi_line = Diagnostic("DCL901", "missing-governance-block", Severity.INFO, "R.md", Span(2, 3, 5, 1), "m")
    # GitHub rejects columns on an annotation that spans lines.
    assert annotation(multi_line) == "::notice file=R.md,line=2,endLine=5,title=datacard-lint (DCL901)::DCL901 m"


def test_github_format_is_the_default_inside_github_actions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    status, out = run(capsys, "examples/")
    assert status == 1
    lines = out.splitlines()
    assert "::group::examples/broken-card/README.md" in lines
    assert lines.count("::group::examples/broken-card/README.md") == 1
    assert sum(line.startswith("::group::") for line in lines) == lines.count("::endgroup::")
    errors = [line for line in lines if line.startswith("::error file=examples/broken-card/README.md,line=")]
    assert errors and all(",title=datacard-lint (DCL" in line for line in errors)
    assert lines[-1].startswith(f"Checked {EXAMPLE_COUNT} cards:")


def test_github_reports_a_card_below_the_minimum_score(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "--format", "github", "--min-score", "50", "examples/legacy-hub-card/README.md")
    assert status == 1  # a card without a governance block scores 0
    assert "::error file=examples/legacy-hub-card/README.md,line=1,title=datacard-lint (min-score)::" in out


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_summary_has_a_score_row_per_card_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert get_reporter("markdown").wants_scores
    status, out = run(capsys, "--format", "markdown", "examples/")
    assert status == 1
    _, json_out = run(capsys, "--format", "json", "--min-score", "0", "examples/")
    cards = json.loads(json_out)["cards"]
    rows = [line for line in out.splitlines() if line.startswith("| `examples/")]
    assert len(rows) == len(cards) == EXAMPLE_COUNT
    for row, card in zip(rows, cards, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0] == f"`{card['path']}`"
        shown = int(cells[1].split("**")[1])
        assert abs(shown - card["score"]["overall"]) <= 0.51
        errors = sum(d["severity"] == "error" for d in card["diagnostics"])
        assert cells[2] == str(errors)
    assert "### Findings by rule" in out
    assert cell("a|b\nc") == "a\\|b c"


def test_every_format_is_registered() -> None:
    assert {"text", "concise", "json", "sarif", "github", "markdown"} <= set(REPORTERS)
