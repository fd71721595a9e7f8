"""`check --fix`, `--diff` and `--unsafe-fixes` from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

CARD = ("---\r\nlicense: mit\r\nlanguages:\r\n  - en\r\n  - no  # Norwegian\r\n"
        "task_categories: [conversational]\r\ngovernance:\r\n  schema_version: '1.0'\r\n  parts:\r\n"
        "    - id: a\r\n      size: {rows: 8000}\r\n      share: 0.4\r\n      origin: {class: direct_human_record}\r\n"
        "    - id: b\r\n      size: {rows: 2000}\r\n      share: 0.6\r\n      origin: {class: simulation}\r\n"
        "---\r\n# Body\r\n")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def card(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_bytes(b"\xef\xbb\xbf" + CARD.encode())
    return path


def test_diff_shows_the_fixes_and_writes_nothing(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = card.read_bytes()
    code, out, err = run(["check", "--isolated", "--diff", str(card)], capsys)
    assert card.read_bytes() == before
    assert code == 1
    assert "-languages:\r\n" in out and "+language:\r\n" in out and "+  - 'no'  # Norwegian\r\n" in out
    assert "+task_categories: [text-generation]\r\n" in out
    assert "share: 0.8" not in out  # unsafe: not without --unsafe-fixes
    assert "would fix 3 findings in 1 card" in err and "2 more fixes available with `--unsafe-fixes`" in err


def test_fix_writes_safe_fixes_keeping_bom_and_crlf(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mode = card.stat().st_mode
    code, out, err = run(["check", "--isolated", "--select", "DCL8,DCL904", "--fix", str(card)], capsys)
    data = card.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\nlanguage:\r\n" in data and b"  - 'no'  # Norwegian\r\n" in data
    assert data.count(b"\r\n") == CARD.count("\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert card.stat().st_mode == mode
    assert code == 0 and "fixed 3 findings in 1 card" in err
    assert "Checked 1 card: 0 errors, 0 warnings." in out
    code, out, err = run(["check", "--isolated", "--fix", "--unsafe-fixes", "--select", "DCL8,DCL904", str(card)],
                         capsys)
    assert card.read_bytes() == data and "fixed" not in err  # a second run changes nothing


def test_unsafe_fixes_recompute_shares(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--isolated", "--fix", "--unsafe-fixes", str(card)], capsys)
    data = card.read_bytes().decode("utf-8-sig")
    assert "      share: 0.8\r\n" in data and "      share: 0.2\r\n" in data
    assert "fixed 5 findings" in err
    code, out, _ = run(["check", "--isolated", "--select", "DCL102", "--format", "json", str(card)], capsys)
    assert json.loads(out)["cards"][0]["diagnostics"] == []


def test_json_report_after_fix_is_valid_json(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--isolated", "--fix", "--format", "json", str(card)], capsys)
    json.loads(out)
    assert "fixed" in err


def test_a_card_that_cannot_be_written_is_an_error(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    card.parent.chmod(0o500)
    try:
        code, _, err = run(["check", "--isolated", "--fix", str(card)], capsys)
    finally:
        card.parent.chmod(0o700)
    assert code == 2 and "cannot write" in err


def test_rules_table_and_statistics_mark_fixable_rules(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["rules"], capsys)
    rows = {line.split()[0]: line.split()[3] for line in out.splitlines()}
    assert rows["DCL904"] == "safe" and rows["DCL102"] == "unsafe" and rows["DCL805"] == "safe*"
    assert rows["DCL101"] == "-"
    _, out, _ = run(["check", "--isolated", "--statistics", str(card)], capsys)
    stats = {line.split()[1]: line for line in out.splitlines() if line.strip()[:1].isdigit()}
    assert stats["DCL805"].endswith("[fix: safe*]") and stats["DCL102"].endswith("[fix: unsafe]")
    assert stats["DCL804"].endswith("[fix: safe*]")
    _, out, _ = run(["rules", "--format", "json"], capsys)
    by_code = {r["code"]: r for r in json.loads(out)}
    assert by_code["DCL102"]["fix"] == {"applicability": "unsafe", "sometimes": False}
    assert by_code["DCL101"]["fix"] is None
