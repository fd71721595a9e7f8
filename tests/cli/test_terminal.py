"""Terminal habits: colour (`--color`, NO_COLOR, FORCE_COLOR), `--quiet`, `--glob`, init's counts."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from datacard_lint.cli.main import main
from datacard_lint.reporters.color import use_color

BAD = "---\nlicense: mit\nlanguage: [no]\n---\n"
ESC = "\x1b["


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("choice", "env", "tty", "expected"), [
    ("auto", {}, True, True),
    ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_decision(choice: str, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert use_color(choice, stream, env) is expected


def _cli(args: list[str], tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    import os

    full = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}} | env
    return subprocess.run([sys.executable, "-m", "datacard_lint", *args], cwd=tmp_path, env=full,
                          capture_output=True, text=True, check=False)


def test_pipes_get_no_colour_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(BAD)
    plain = _cli(["check", "--isolated", "README.md"], tmp_path, {})
    assert plain.returncode == 1 and ESC not in plain.stdout
    forced = _cli(["check", "--isolated", "README.md"], tmp_path, {"FORCE_COLOR": "1"})
    assert ESC in forced.stdout and "DCL904" in forced.stdout
    never = _cli(["check", "--isolated", "--color", "never", "README.md"], tmp_path, {"FORCE_COLOR": "1"})
    assert ESC not in never.stdout
    json_out = _cli(["check", "--isolated", "--format", "json", "README.md"], tmp_path, {"FORCE_COLOR": "1"})
    assert ESC not in json_out.stdout


def test_quiet_prints_findings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text(BAD)
    code = main(["check", "--isolated", "--quiet", str(tmp_path / "README.md")])
    out = capsys.readouterr().out
    assert code == 1 and "DCL904" in out and "Checked" not in out


def test_glob_finds_cards_not_named_readme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cards" / "deep").mkdir(parents=True)
    (tmp_path / "cards" / "alpha.md").write_text(BAD)
    (tmp_path / "cards" / "deep" / "beta.md").write_text(BAD)
    (tmp_path / "cards" / "notes.txt").write_text(BAD)
    main(["check", "--isolated", "--show-files", str(tmp_path / "cards")])
    assert capsys.readouterr().out == ""
    main(["check", "--isolated", "--show-files", "--glob", "*.md", str(tmp_path / "cards")])
    listed = capsys.readouterr().out.splitlines()
    assert [Path(p).name for p in listed] == ["alpha.md", "beta.md"]
    main(["check", "--isolated", "--show-files", "--glob", "deep/*.md", str(tmp_path / "cards")])
    assert [Path(p).name for p in capsys.readouterr().out.splitlines()] == ["beta.md"]


def test_init_draft_reports_one_finding_per_todo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: mit\nlanguage: [en]\n---\n# Card\n")
    assert main(["init", str(card)]) == 0
    err = capsys.readouterr().err
    todos = int(err.split("; ")[1].split()[0])
    assert f"{todos} TODO placeholders to fill in" in err
    main(["check", "--isolated", "--format", "concise", str(card)])
    lines = [line for line in capsys.readouterr().out.splitlines() if line]
    placeholders = [line for line in lines if " DCL906 " in line]
    assert len(placeholders) == todos
    spans = [line.split(": ")[0] for line in placeholders]
    assert all(sum(line.startswith(span + ":") for line in lines) == 1 for span in spans), lines


def test_placeholder_folding_keeps_findings_elsewhere_and_respects_ignore() -> None:
    from dcl_testing import card, lint

    text = card("""
        governance:
          schema_version: "1.0"
          parts:
            - id: main
              share: 1.0
              origin:
                class: TODO
        """)
    codes = {d.code for d in lint(text).diagnostics}
    assert "DCL906" in codes and "DCL055" not in codes
    # With the placeholder rule off, the schema error about the same value is reported again.
    assert "DCL055" in {d.code for d in lint(text, ignore=("DCL906",)).diagnostics}


def test_counts_read_as_english() -> None:
    from datacard_lint.cli.words import plural

    assert plural(1, "TODO placeholder") == "1 TODO placeholder"
    assert plural(2, "TODO placeholder") == "2 TODO placeholders"
    assert plural(1, "more fix", "more fixes") == "1 more fix"
