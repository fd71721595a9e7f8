"""`datacard-lint init` and `datacard-lint render` from the command line, on real files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from datacard_lint.cli.main import main

CARD = b"---\r\nlicense: mit  # keep me\r\nlanguage:\r\n- en\r\n- 'sw'\r\n---\r\n# Title\r\n\r\nBody text.\r\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_init_adds_the_block_and_changes_nothing_else(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(CARD)
    card.chmod(0o640)
    status, out, err = run(capsys, "init", str(card))
    assert status == 0, err
    assert "TODO placeholders to fill in" in err and out == ""
    data = card.read_bytes()
    start = data.index(b"governance:")
    end = data.index(b"---\r\n# Title")
    assert data[:start] + data[end:] == CARD
    assert b"\r\n" in data[start:end] and b"\n" not in data[start:end].replace(b"\r\n", b"")
    assert stat.S_IMODE(card.stat().st_mode) == 0o640  # permissions kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]  # no temporary file left
    status, out, err = run(capsys, "check", str(card))
    assert status == 1 and "DCL906" in out


def test_init_refuses_a_card_that_already_has_a_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(CARD)
    assert run(capsys, "init", str(card))[0] == 0
    before = card.read_bytes()
    status, out, err = run(capsys, "init", str(card))
    assert status == 1
    assert f"cannot add a governance block to {card}: the card already has a governance block" in err
    assert "Traceback" not in err and card.read_bytes() == before


def test_dry_run_and_diff_write_nothing(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(CARD)
    assert main(["init", "--dry-run", str(card)]) == 0
    printed = capsysbinary.readouterr().out
    assert printed.startswith(b"---\r\nlicense: mit  # keep me\r\n") and b"governance:\r\n" in printed
    assert main(["init", "--diff", str(card)]) == 0
    diff = capsysbinary.readouterr().out.decode()
    assert diff.startswith(f"--- a/{card.as_posix()}\n+++ b/{card.as_posix()}\n")
    assert "+governance:\r\n" in diff and "\n-" not in diff  # only additions
    assert card.read_bytes() == CARD


def test_init_creates_a_card_in_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "my-dataset"
    target.mkdir()
    status, _, err = run(capsys, "init", str(target))
    assert status == 0, err
    card = target / "README.md"
    text = card.read_text("utf-8")
    assert text.startswith("---\ngovernance:\n") and "\n---\n\n# my-dataset\n" in text
    assert list(yaml.safe_load(text.split("---\n")[1])) == ["governance"]
    assert stat.S_IMODE(card.stat().st_mode) == 0o666 & ~_umask()
    status, _, err = run(capsys, "init", str(tmp_path / "missing" / "README.md"))
    assert status == 2 and "does not exist" in err


def test_init_explains_cards_it_cannot_touch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = {
        "flow.md": (b"---\n{}\n---\n", "flow mapping"),
        "bad.md": (b"---\nlicense: [mit\n---\n", "not valid YAML"),
        # libyaml reads this tab, huggingface_hub's loader (PyYAML's Python scanner) does not.
        "tab.md": (b"---\nlicense: [mit,\n\tapache-2.0]\n---\n", "not valid YAML"),
        "latin.md": (b"---\nlicense: caf\xe9\n---\n", "not valid UTF-8"),
        "card.json": (b'{"license": "mit"}', "JSON cards"),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        status, _, err = run(capsys, "init", str(path))
        assert status == 1 and expected in err and str(path) in err, (name, err)
        assert path.read_bytes() == data
    status, _, err = run(capsys, "init", str(tmp_path))  # a directory without README.md: created
    assert status == 0


def test_render_writes_checks_and_protects_hand_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(CARD)
    status, _, err = run(capsys, "render", str(card))
    assert status == 1 and "no governance block" in err and "datacard-lint init" in err
    run(capsys, "init", str(card))
    status, out, err = run(capsys, "render", "--check", str(card))
    assert status == 1 and "is missing" in err and "+## Data governance" in out
    before = card.read_bytes()
    status, _, err = run(capsys, "render", str(card))
    assert status == 0 and "added the governance section" in err
    after = card.read_bytes()
    assert after.startswith(before) and after[len(before):].startswith(b"\r\n<!-- datacard-lint:governance:start")
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert run(capsys, "render", "--check", str(card))[0] == 0
    assert run(capsys, "render", str(card))[2].endswith("already up to date\n")
    # The block changes: --check fails and shows the change; render rewrites only the section.
    card.write_bytes(after.replace(b"- id: main", b"- id: everything"))
    status, out, err = run(capsys, "render", "--check", str(card))
    assert status == 1 and "out of date" in err and "+| `everything` |" in out
    assert run(capsys, "check", "--select", "DCL030", str(card))[1].count("DCL030") == 1
    assert run(capsys, "render", str(card))[0] == 0
    assert run(capsys, "render", "--check", str(card))[0] == 0
    # A hand edit inside the markers is not overwritten without --force.
    edited = card.read_bytes().replace(b"| `everything` |", b"| `everything` (note) |")
    card.write_bytes(edited)
    status, _, err = run(capsys, "render", str(card))
    assert status == 1 and "edited by hand" in err and card.read_bytes() == edited
    assert run(capsys, "check", "--select", "DCL031", str(card))[1].count("DCL031") == 1
    assert run(capsys, "render", "--force", str(card))[0] == 0
    assert run(capsys, "render", "--check", str(card))[0] == 0


def test_render_keeps_the_bom_and_bytes_around_the_markers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(b"\xef\xbb\xbf" + CARD.replace(b"\r\n", b"\n"))
    run(capsys, "init", str(card))
    run(capsys, "render", str(card))
    with card.open("ab") as handle:
        handle.write(b"\n## After\n\nKept.\n")
    card.write_bytes(card.read_bytes().replace(b"- id: main", b"- id: all"))
    before = card.read_bytes()
    assert run(capsys, "render", str(card))[0] == 0
    after = card.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\n")
    cut = before.index(b"<!-- datacard-lint:governance:start")
    assert after[:cut] == before[:cut]
    assert after.endswith(b"<!-- datacard-lint:governance:end -->\n\n## After\n\nKept.\n")


def test_commands_have_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("init", "render", "audit"):
        status, out, _ = run(capsys, command, "--help")
        assert status == 0 and "Usage: datacard-lint " + command in out


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_init_writes_through_a_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "cards" / "README.md"
    real.parent.mkdir()
    real.write_bytes(CARD)
    link = tmp_path / "README.md"
    link.symlink_to(real)
    assert run(capsys, "init", str(link))[0] == 0
    assert link.is_symlink() and b"governance:" in real.read_bytes()


def test_unwritable_location_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    # /proc refuses new files even to root, so this exercises the failed write for any user.
    target = Path("/proc/version")
    if not target.is_file():
        pytest.skip("needs Linux /proc")
    status, _, err = run(capsys, "init", str(target))
    assert status == 2 and f"cannot write {target}" in err and "Traceback" not in err


def test_a_temporary_file_left_by_a_killed_init_is_removed_by_the_next(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    card = tmp_path / "README.md"
    card.write_bytes(CARD)
    # The temporary file a killed writer leaves behind carries its (now dead) process id.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    orphan = tmp_path / f".README.md.{dead_pid}.k1ll3d.tmp"
    orphan.write_bytes(CARD[:20])
    live = tmp_path / f".README.md.{os.getppid()}.w0rk1ng.tmp"  # a live writer's: kept
    live.write_bytes(b"")
    status, out, _ = run(capsys, "check", str(tmp_path))
    assert status == 0 and ".tmp" not in out  # never linted as a card
    status, _, err = run(capsys, "init", str(card))
    assert status == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["README.md", live.name])
    assert yaml.safe_load(card.read_text(encoding="utf-8").split("---")[1])["governance"]


SYNTHETIC = b"---\nlicense: mit\ntags: [synthetic]\nlanguage: [en]\n---\n# Title\n"


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_init_writes_the_shape_of_the_version_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: str
) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(SYNTHETIC)
    status, _, err = run(capsys, "init", "--schema-version", version, str(card))
    assert status == 0, err
    block = yaml.safe_load(card.read_text(encoding="utf-8").split("---\n")[1])["governance"]
    assert block["schema_version"] == version
    purpose = block["parts"][0]["purpose"]
    if version == "1.1":
        assert set(block) >= {"statement", "dataset"} and isinstance(purpose, list)
    else:
        assert "statement" not in block and isinstance(purpose, dict)
    # Only the placeholders are wrong: every schema finding sits on a TODO.
    status, out, _ = run(capsys, "check", "--isolated", "--format", "json", str(card))
    import json

    findings = json.loads(out)["cards"][0]["diagnostics"]
    todo_lines = {d["line"] for d in findings if d["code"] == "DCL906"}
    schema = [d for d in findings if d["code"].startswith("DCL05")]
    # A schema finding on a TODO is folded into that TODO's DCL906 (one finding per placeholder).
    assert todo_lines and all(d["line"] in todo_lines for d in schema), schema
    assert not [d for d in findings if d["code"] == "DCL053"]


def test_init_refuses_an_unknown_schema_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_bytes(SYNTHETIC)
    status, _, err = run(capsys, "init", "--schema-version", "2.0", str(card))
    assert status == 2 and card.read_bytes() == SYNTHETIC
