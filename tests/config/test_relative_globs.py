"""`exclude` and `per-file-ignores` globs are relative to the directory of the config file that
declares them, wherever the command runs from (docs/configuration.md says so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from datacard_lint.cli.main import main

BAD = "---\nlicense: mit\nlanguage: [no]\n---\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for sub in ("cards/kept", "cards/archive/old", "legacy/one", "nested/inner/archive"):
        (root / sub).mkdir(parents=True)
        (root / sub / "README.md").write_text(BAD)
    (root / "pyproject.toml").write_text(
        '[tool.datacard-lint]\nexclude = ["cards/archive/"]\n'
        '[tool.datacard-lint.per-file-ignores]\n"legacy/*" = ["DCL904"]\n'
    )
    # A nested config: its globs are relative to nested/, not to the repository root.
    (root / "nested" / ".datacard-lint.toml").write_text('exclude = ["inner/archive/"]\n')
    (tmp_path / "elsewhere").mkdir()
    return root


def _files(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(["check", "--show-files", *args])
    return sorted(Path(line).resolve().relative_to(Path.cwd().resolve()).as_posix()
                  if not Path(line).is_absolute() else line for line in capsys.readouterr().out.splitlines())


@pytest.mark.parametrize("where", ["repo", "elsewhere", "repo/cards"])
def test_exclude_is_relative_to_the_config_file(project: Path, where: str, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.parent / where)
    main(["check", "--show-files", str(project)])
    listed = sorted(Path(line).resolve().relative_to(project).as_posix() for line in capsys.readouterr().out.split())
    assert listed == ["cards/kept/README.md", "legacy/one/README.md"]


@pytest.mark.parametrize("where", ["repo", "elsewhere", "repo/legacy"])
def test_per_file_ignores_are_relative_to_the_config_file(project: Path, where: str,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.parent / where)
    main(["check", "--format", "concise", str(project)])
    flagged = {Path(line.split(":")[0]).resolve().relative_to(project).as_posix()
               for line in capsys.readouterr().out.splitlines() if " DCL904 " in line}
    assert flagged == {"cards/kept/README.md"}


def test_cli_exclude_is_relative_to_the_working_directory(project: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    main(["check", "--show-files", "--exclude", "cards/kept/", "."])
    listed = sorted(Path(line).as_posix() for line in capsys.readouterr().out.split())
    assert listed == ["legacy/one/README.md"]


def test_score_uses_the_same_exclusion(project: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.parent / "elsewhere")
    main(["score", "--format", "json", str(project)])
    out = capsys.readouterr().out
    assert "archive" not in out and "kept" in out
