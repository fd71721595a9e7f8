"""Cards are opened read-only: no subcommand changes a file's bytes or mtime unless asked to.

The subcommands are discovered from the CLI's registry at test time, so a command added
later is covered too. A command that writes by default (it has `--dry-run`, `--diff` or
`--check`) is run in each of those modes only; options that name an output file are
never passed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click
import pytest

from datacard_lint.cli.main import COMMANDS, cli, main

REPO = Path(__file__).resolve().parents[2]
READ_ONLY_MODES = ("--dry-run", "--diff", "--check")

ODD_CARDS = {
    "bom/README.md": b"\xef\xbb\xbf---\nlicense: mit\n---\n# Card\n",
    "crlf/README.md": b"---\r\nlicense: mit\r\nlanguage: [en]\r\n---\r\n# Card\r\n",
    "bare/README.md": b"# A card without front matter\n",
    "broken/README.md": b"---\nlicense: [mit\n---\n",
    "latin1/README.md": "---\npretty_name: café\n---\n".encode("latin-1"),
    "data/card.yaml": b"governance:\n  schema_version: '1.0'\n  not_applicable:\n    origin: An index.\n",
}


Snapshot = dict[str, tuple[bytes, int] | None]


def snapshot(root: Path) -> Snapshot:
    state: Snapshot = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_dir():
            state[rel] = None
        else:
            state[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
    return state


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "cards"
    shutil.copytree(REPO / "examples", root / "examples")
    for name, data in ODD_CARDS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    # Old mtimes, so that a rewrite within the same clock tick would still show.
    for path in root.rglob("*"):
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return root


def invocations(name: str, command: click.Command, root: Path) -> list[list[str]]:
    examples = root / "examples"
    cards = [examples / "synthetic-instruct" / "README.md", examples / "legacy-hub-card" / "README.md",
             root / "bom" / "README.md", root / "bare" / "README.md"]
    options = {opt for param in command.params if isinstance(param, click.Option) for opt in param.opts}
    modes = [mode for mode in READ_ONLY_MODES if mode in options] or [None]
    runs = []
    for card in cards:
        args: list[str] = []
        for param in command.params:
            if not isinstance(param, click.Argument):
                continue
            if param.name in ("code", "code_or_name"):
                args.append("DCL101")
            elif param.nargs == -1:
                args += [str(root), str(card)]
            else:
                args.append(str(card))
        runs += [[name, *([mode] if mode else []), *args] for mode in modes]
    return runs


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_leaves_every_file_untouched(
    name: str, tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tree)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    before = snapshot(tree)
    runs = invocations(name, command, tree)
    for argv in runs:
        status = main(argv)
        captured = capsys.readouterr()
        assert "internal error" not in captured.err, (argv, captured.err)
        assert status in (0, 1, 2), argv
        after = snapshot(tree)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k, "absent") != after.get(k, "absent"))
        assert not changed, f"`datacard-lint {' '.join(argv)}` changed {changed}"


def test_every_registered_command_is_exercised(tree: Path) -> None:
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and invocations(name, command, tree)
