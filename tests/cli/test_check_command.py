"""`datacard-lint check`: exit codes, selection, configuration and output shapes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

GOOD = "---\nlicense: mit\ngovernance:\n  schema_version: '1.0'\n  parts:\n    - id: forum\n      share: 1.0\n      origin: {class: public_web_crawl, collection_period: {start: 2015-01-01, end: 2019-12-31}}\n---\n# Card\n"
BAD = "---\nlicense: mit\nlicense: apache-2.0\n---\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "README.md").write_text(GOOD)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "README.md").write_text(BAD)
    return tmp_path


def test_clean_card_exits_zero(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", "--ignore", "DCL9", str(cards / "good")], capsys)
    assert out.strip().endswith("Checked 1 card: 0 errors, 0 warnings."), out
    assert code == 0


def test_error_finding_exits_one_with_location(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", str(cards / "bad" / "README.md")], capsys)
    assert code == 1
    assert f"{cards / 'bad' / 'README.md'}:3:1: DCL011 [error]" in out


def test_exit_zero_and_ignore(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--isolated", "--exit-zero", str(cards)], capsys)[0] == 0
    assert run(["check", "--isolated", "--ignore", "duplicate-key", str(cards / "bad")], capsys)[0] == 0


def test_select_prefix_limits_rules(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", "--select", "DCL9", "--format", "concise", str(cards / "bad")], capsys)
    assert code == 0
    assert "DCL901" in out and "DCL011" not in out


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(tmp_path / "missing.md")], capsys)
    assert code == 2
    assert "does not exist" in err


def test_unknown_rule_on_command_line_is_a_usage_error(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--select", "DCL777", str(cards)], capsys)
    assert code == 2 and "DCL777" in err


def test_misspelt_config_key_exits_two_naming_it(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (cards / ".datacard-lint.toml").write_text('selcet = ["DCL1"]\n')
    code, _, err = run(["check", str(cards / "good")], capsys)
    assert code == 2
    assert "selcet" in err and "select" in err


def test_config_is_discovered_from_the_checked_file(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (cards / "bad" / "pyproject.toml").write_text('[tool.datacard-lint]\nignore = ["DCL011"]\n')
    code, out, _ = run(["check", str(cards / "bad")], capsys)
    assert code == 0, out
    code, out, _ = run(["check", "--show-settings", str(cards / "bad")], capsys)
    settings = json.loads(out)
    assert settings["ignore"] == ["DCL011"]
    assert settings["config-file"].endswith("pyproject.toml")


def test_per_file_ignores_and_severity_override(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (cards / ".datacard-lint.toml").write_text(
        '[per-file-ignores]\n"bad/*" = ["DCL011"]\n[severity]\nmissing-governance-block = "error"\n'
    )
    code, out, _ = run(["check", "--format", "concise", str(cards)], capsys)
    assert "DCL011" not in out
    assert code == 1  # DCL901 raised to error


def test_json_output_is_versioned(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", "--format", "json", str(cards)], capsys)
    report = json.loads(out)
    assert report["format"] == "datacard-lint-report" and report["version"] == 1
    assert code == 1
    assert report["summary"]["errors"] == 1
    finding = next(d for c in report["cards"] for d in c["diagnostics"] if d["code"] == "DCL011")
    assert (finding["line"], finding["col"], finding["severity"]) == (3, 1, "error")


def test_statistics_counts_per_rule(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--isolated", "--statistics", str(cards)], capsys)
    assert any(line.split()[:2] == ["1", "DCL011"] for line in out.splitlines()), out


def test_min_score_fails_low_cards(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", "--ignore", "DCL9", "--min-score", "90", str(cards / "good")], capsys)
    assert code == 1
    assert "below the minimum" in out


def test_output_file_is_written_only_when_asked(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = cards / "report.json"
    run(["check", "--isolated", "--format", "json", "-o", str(report), str(cards)], capsys)
    assert json.loads(report.read_text())["summary"]["cards"] == 2


def test_explicit_file_with_any_name_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "some_card.md"
    odd.write_text(BAD)
    assert run(["check", "--isolated", str(odd)], capsys)[0] == 1
    # ...but a directory walk only picks README.md and governance-bearing YAML/JSON.
    assert "Checked 0 cards" in run(["check", "--isolated", str(tmp_path)], capsys)[1]


def test_module_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "README.md"
    binary.write_bytes(b"\x00\xff\xfe garbage")
    proc = subprocess.run([sys.executable, "-m", "datacard_lint", "check", "--isolated", str(binary)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "DCL006" in proc.stdout


def test_rules_and_rule_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    listed = json.loads(out)
    assert code == 0 and any(r["code"] == "DCL011" for r in listed)
    code, out, _ = run(["rule", "duplicate-key"], capsys)
    assert code == 0 and "Why it matters" in out and "DCL011" in out
    assert run(["rule", "DCL777"], capsys)[0] == 2
