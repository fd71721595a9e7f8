"""One exit-code contract for every subcommand: 0 clean, 1 a problem with the input, 2 usage.

A card that cannot be read is a problem with the input, whichever command reads it (as
for `check`); a path that does not exist or an unknown option is a usage error. `audit`
is a report over a corpus: findings, unreadable cards included, do not change its status
(documented in its help). The table below must name every subcommand, so a new one
cannot ship without its place in the contract.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from datacard_lint.cli.main import COMMANDS, main

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "examples" / "synthetic-instruct" / "README.md"
LINEAGE_GOOD = REPO / "examples" / "lineage" / "gen1" / "README.md"
UNREADABLE = "---\nlicense: [mit\nlanguage: en\n---\n# A card\n"  # an unclosed flow sequence
NO_BLOCK = "---\nlicense: mit\nlanguage: [en]\n---\n# A card\n"

#: command -> (arguments for a clean run, given a folder holding a copy of GOOD / NO_BLOCK)
Args = Callable[[Path], list[str]]
CLEAN: dict[str, Args] = {
    "check": lambda d: ["check", "--isolated", str(d / "good" / "README.md")],
    "score": lambda d: ["score", "--isolated", str(d / "good")],
    "audit": lambda d: ["audit", "--isolated", str(d / "good")],
    "lineage": lambda d: ["lineage", "--isolated", str(LINEAGE_GOOD)],
    "export": lambda d: ["export", "--to", "croissant", "-o", str(d / "out.json"), str(d / "good")],
    "init": lambda d: ["init", str(d / "plain" / "README.md")],
    "render": lambda d: ["render", str(d / "good" / "README.md")],
    "import": lambda d: ["import", "--from", "croissant", str(d / "croissant.json"), str(d / "plain" / "README.md")],
    "rule": lambda d: ["rule", "DCL101"],
    "rules": lambda d: ["rules"],
}
#: Commands that read cards, with the arguments that make them read an unreadable one.
READS_CARDS: dict[str, Args] = {
    "check": lambda d: ["check", "--isolated", str(d / "bad")],
    "score": lambda d: ["score", "--isolated", str(d / "bad")],
    "lineage": lambda d: ["lineage", "--isolated", str(d / "bad")],
    "export": lambda d: ["export", "--to", "croissant", str(d / "bad")],
    "init": lambda d: ["init", str(d / "bad" / "README.md")],
    "render": lambda d: ["render", str(d / "bad" / "README.md")],
    "import": lambda d: ["import", "--from", "croissant", str(d / "croissant.json"), str(d / "bad" / "README.md")],
    "audit": lambda d: ["audit", "--isolated", str(d / "bad")],
}
STATUS_ON_UNREADABLE = {"audit": 0}  # documented: a report, whatever it finds
TAKES_PATHS = ["check", "score", "audit", "lineage", "export", "init", "render"]
#: A Croissant file for `import` to read, exported from GOOD (see the `cards` fixture).
CROISSANT = "croissant.json"


@pytest.fixture()
def cards(tmp_path: Path) -> Path:
    (tmp_path / "good").mkdir()
    shutil.copy(GOOD, tmp_path / "good" / "README.md")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "README.md").write_text(NO_BLOCK, encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "README.md").write_text(UNREADABLE, encoding="utf-8")
    assert main(["export", "--to", "croissant", "-o", str(tmp_path / CROISSANT), str(tmp_path / "good")]) == 0
    return tmp_path


def status(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def test_the_contract_names_every_subcommand() -> None:
    assert set(CLEAN) == set(COMMANDS)
    assert set(READS_CARDS) | {"rule", "rules"} == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(CLEAN))
def test_a_clean_run_exits_0(command: str, cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = status(CLEAN[command](cards), capsys)
    assert code == 0, err


@pytest.mark.parametrize("command", sorted(READS_CARDS))
def test_an_unreadable_card_exits_1(command: str, cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = status(READS_CARDS[command](cards), capsys)
    assert code == STATUS_ON_UNREADABLE.get(command, 1), err


@pytest.mark.parametrize("command", TAKES_PATHS)
def test_a_missing_path_exits_2(command: str, cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [a.replace(str(cards / "bad"), str(cards / "nowhere")) for a in READS_CARDS[command](cards)]
    if command == "init":  # init creates a missing card, but not in a missing folder
        args = ["init", str(cards / "nowhere" / "sub" / "README.md")]
    code, err = status(args, capsys)
    assert code == 2, err


@pytest.mark.parametrize("command", sorted(CLEAN))
def test_an_unknown_option_exits_2(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = status([command, "--no-such-option"], capsys)
    assert code == 2 and "No such option" in err
