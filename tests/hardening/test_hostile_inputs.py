"""Hostile and broken files: each gets a located finding, in bounded time, and the run goes on.

Every file is built by the test (nothing large is kept in the repository). Time bounds are
generous multiples of what the checks take on a slow machine, so they fail only when a
guard is missing and the work becomes quadratic or unbounded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from datacard_lint.cli.main import main
from datacard_lint.config.settings import Settings
from datacard_lint.engine import CardResult, Engine
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.yamltree import HARD_MAX_DEPTH

GOOD = """---
license: mit
language: [en]
governance:
  schema_version: "1.0"
  not_applicable:
    origin: The repository holds only an index of other datasets.
---
# An index
"""


def check(path: Path, **limits: int) -> CardResult:
    engine = Engine(Settings(limits=Limits(**limits)) if limits else Settings())
    return engine.check_path(path, path.name)


def codes(result: CardResult) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in result.diagnostics]


def only(result: CardResult, code: str) -> tuple[int, int]:
    """The (line, col) of the single diagnostic with `code`; no internal error allowed."""
    assert not result.internal_errors, result.internal_errors
    found = [(d.line, d.col) for d in result.diagnostics if d.code == code]
    assert len(found) == 1, codes(result)
    return found[0]


@pytest.fixture()
def timed() -> Iterator[None]:
    start = time.perf_counter()
    yield
    assert time.perf_counter() - start < 20, "a hostile input took too long: a guard is missing"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# --- YAML bombs and depth ----------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n"


def test_billion_laughs_is_refused_at_the_expanding_alias(tmp_path: Path, timed: None) -> None:
    result = check(write(tmp_path / "README.md", billion_laughs()))
    line, _ = only(result, "DCL014")
    assert 2 <= line <= 10
    assert "alias" in next(d.message for d in result.diagnostics if d.code == "DCL014")


def test_billion_laughs_inside_governance_is_refused(tmp_path: Path, timed: None) -> None:
    body = billion_laughs().replace("---\n", "", 1).rsplit("---", 1)[0]
    text = "---\ngovernance:\n  schema_version: '1.0'\n" + "".join(f"  x-{line}\n" for line in body.splitlines())
    text += "  parts: [*a8]\n---\n"
    result = check(write(tmp_path / "README.md", text))
    only(result, "DCL014")


def test_many_aliases_to_one_anchor_are_shared_not_copied(tmp_path: Path, timed: None) -> None:
    text = "---\nlicense: &m mit\ntags: [" + ", ".join(["*m"] * 50_000) + "]\n---\n"
    result = check(write(tmp_path / "README.md", text))
    assert not [d for d in result.diagnostics if d.code.startswith("DCL01")], codes(result)
    assert result.card is not None and result.card.metadata is not None
    assert len(result.card.metadata["tags"]) == 50_000


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    result = check(write(tmp_path / "README.md", "---\na: &x [1, *x]\n---\n"))
    only(result, "DCL014")


@pytest.mark.parametrize(
    ("name", "yaml_text", "where"),
    [
        ("flow", "k: " + "[" * 100_000 + "]" * 100_000, (2, 103)),
        ("flow-mapping", "k: " + "{a: " * 100_000 + "}" * 100_000, None),
        ("block-sequence", "k:\n  " + "- " * 100_000 + "x", (3, 201)),
        ("block-mapping", "".join(" " * i + "a:\n" for i in range(2_000)), (102, 101)),
        # Levels that add no indentation: compact values after `: `, pairs inside `[`.
        ("explicit-value", "? a\n: " + "- " * 100_000 + "x", (3, 201)),
        ("flow-pairs", "k: " + "[? " * 100_000 + "x" + "]" * 100_000, None),
    ],
)
def test_deep_nesting_is_refused_before_composing(
    tmp_path: Path, timed: None, name: str, yaml_text: str, where: tuple[int, int] | None
) -> None:
    result = check(write(tmp_path / "README.md", f"---\n{yaml_text}\n---\n"))
    position = only(result, "DCL015")
    if where is not None:
        assert position == where


def test_raised_depth_limit_stops_at_the_parsers_ceiling(tmp_path: Path, timed: None) -> None:
    # 100,000 levels would overflow libyaml's C stack (a crash, not an exception).
    path = write(tmp_path / "README.md", "---\nk: " + "[" * 100_000 + "]" * 100_000 + "\n---\n")
    result = check(path, max_depth=10**9)
    only(result, "DCL015")
    message = next(d.message for d in result.diagnostics if d.code == "DCL015")
    assert f"{HARD_MAX_DEPTH} levels" in message


def test_huge_flow_list_is_counted_before_it_is_composed(tmp_path: Path, timed: None) -> None:
    # 2.5 million values in one 5 MB line: composing it would take gigabytes.
    path = write(tmp_path / "README.md", "---\nk: [" + ",".join(["1"] * 2_500_000) + "]\n---\n")
    result = check(path)
    line, _ = only(result, "DCL014")
    assert line == 2


@pytest.mark.parametrize(
    ("config", "code"),
    [("", None), ("max-depth = 3", "DCL015"), ("max-nodes = 5", "DCL014"), ("max-file-bytes = 10", "DCL002")],
)
def test_limits_come_from_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, code: str | None
) -> None:
    card = write(tmp_path / "README.md", "---\nlicense: mit\nk: [[[[1, 2, 3]]]]\n---\n")
    (tmp_path / ".datacard-lint.toml").write_text(f"select = ['DCL0']\n[limits]\n{config}\n")
    status = main(["check", str(card)])
    out = capsys.readouterr().out
    assert status == (0 if code is None else 1), out
    if code is not None:
        assert f" {code} " in out


def test_many_duplicate_keys_stay_linear(tmp_path: Path, timed: None) -> None:
    keys = "".join(f"k{i}: 1\n" for i in range(20_000))
    duplicates = "a: {b: [1]}\n" * 5_000
    result = check(write(tmp_path / "README.md", f"---\n{keys}{duplicates}---\n"), max_findings_per_rule=10_000)
    assert sum(d.code == "DCL011" for d in result.diagnostics) == 4_999
    assert result.card is not None and result.card.metadata is not None
    assert result.card.metadata["a"] == {"b": [1]}


# --- size, lines and bytes ----------------------------------------------------------------


def test_fifty_megabyte_card_is_not_read(tmp_path: Path, timed: None) -> None:
    path = tmp_path / "README.md"
    with path.open("wb") as handle:
        handle.write(b"---\nlicense: mit\n---\n")
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    assert only(check(path), "DCL002") == (1, 1)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scalar", "---\nlicense: mit\nk: " + "y" * 10_000_000 + "\n---\nbody\n"),
        ("body", "---\nlicense: mit\n---\n" + "y" * 10_000_000 + "\n"),
        ("dashes", "---\nlicense: mit\nk: " + "- " * 5_000_000 + "\n---\n"),
        ("whitespace", " " * 10_000_000),
    ],
)
def test_ten_megabyte_line_is_handled(tmp_path: Path, timed: None, name: str, content: str) -> None:
    result = check(write(tmp_path / "README.md", content))
    assert not result.internal_errors


def test_many_unclosed_fences_stay_linear(tmp_path: Path, timed: None) -> None:
    # A CRLF fence never closed a block for the old regular expression: quadratic.
    result = check(write(tmp_path / "README.md", b"x\r\n" + b"---\r\n" * 100_000))
    assert only(result, "DCL020") == (1, 1)
    result = check(write(tmp_path / "README.md", "x\n" + "---\nk: [\n" * 50_000))
    assert only(result, "DCL020") == (1, 1)


def test_deep_block_in_the_body_is_bounded(tmp_path: Path, timed: None) -> None:
    # A fenced block below the text is parsed to explain a missing front matter.
    text = "# Title\n\n---\n" + "[" * 100_000 + "]" * 100_000 + "\n---\n"
    result = check(write(tmp_path / "README.md", text))
    only(result, "DCL020")


def test_binary_file(tmp_path: Path) -> None:
    data = b"PAR1" + bytes(range(256)) * 16
    assert only(check(write(tmp_path / "README.md", data)), "DCL006") == (1, 5)


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    data = "---\nlicense: mit\npretty_name: café\n---\n".encode("latin-1")
    assert only(check(write(tmp_path / "README.md", data)), "DCL003") == (3, 17)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_named(tmp_path: Path, encoding: str) -> None:
    data = "---\nlicense: mit\nlanguage: [en]\n---\n# Card\n".encode(encoding)
    result = check(write(tmp_path / "README.md", data))
    only(result, "DCL003")
    message = next(d.message for d in result.diagnostics if d.code == "DCL003")
    assert "UTF-16" in message or "UTF-32" in message


def test_bom_is_reported_and_the_card_still_checked(tmp_path: Path) -> None:
    result = check(write(tmp_path / "README.md", b"\xef\xbb\xbf" + GOOD.encode()))
    assert only(result, "DCL004") == (1, 1)
    assert result.card is not None and result.card.metadata is not None
    assert result.card.metadata["license"] == "mit"


def test_nul_byte_is_located(tmp_path: Path) -> None:
    assert only(check(write(tmp_path / "README.md", b"---\nlicense: m\x00it\n---\n")), "DCL006") == (2, 11)


# --- special files ----------------------------------------------------------------------


def test_fifo_is_refused_without_blocking(tmp_path: Path, timed: None) -> None:
    fifo = tmp_path / "README.md"
    os.mkfifo(fifo)
    result = check(fifo)
    assert only(result, "DCL001") == (1, 1)
    assert "FIFO" in result.diagnostics[0].message


def test_socket_is_refused(tmp_path: Path) -> None:
    # AF_UNIX paths are limited to about 100 bytes; pytest's tmp_path may be longer.
    with tempfile.TemporaryDirectory(prefix="dcl") as short:
        path = Path(short, "README.md")
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
            assert only(check(path), "DCL001") == (1, 1)
        finally:
            server.close()


def test_directory_named_readme_is_reported_explicitly_and_in_a_walk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a" / "README.md").mkdir(parents=True)
    assert main(["check", "--isolated", str(tmp_path / "a" / "README.md")]) == 1
    assert "is a directory" in capsys.readouterr().out
    assert main(["check", "--isolated", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().out


def test_dangling_and_looping_symlinks_in_a_walk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("dangling", "looping", "good"):
        (tmp_path / name).mkdir()
    (tmp_path / "dangling" / "README.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "looping" / "README.md").symlink_to(tmp_path / "looping" / "README.md")
    (tmp_path / "good" / "README.md").write_text(GOOD)
    (tmp_path / "loop").symlink_to(tmp_path)  # a directory loop the walk must not follow
    status = main(["check", "--isolated", "--select", "DCL0", str(tmp_path)])
    out = capsys.readouterr().out
    assert status == 1
    assert "README.md is a symbolic link to" in out and "which does not exist" in out
    assert "symbolic link that loops" in out
    assert "Checked 3 cards" in out


UNREADABLE_PROBE = """
import os, sys
from pathlib import Path
from datacard_lint.engine import Engine
engine = Engine()  # imports and loads everything while still root (the venv may be private)
# The evidence rules load their vocabulary and parser on first use: load them now too.
from datacard_lint.evidence import detect, prose, vocab
vocab.load_vocabulary(), vocab.metadata_vocabulary(), prose._parser()
os.setgid(65534)
os.setuid(65534)
result = engine.check_path(Path(sys.argv[1]), "README.md")
print(" ".join(f"{d.code}:{d.line}:{d.col}" for d in result.diagnostics))
print(result.diagnostics[0].message)
"""


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        path = write(tmp_path / "README.md", GOOD)
        path.chmod(0)
        try:
            result = check(path)
        finally:
            path.chmod(0o644)
        assert only(result, "DCL001") == (1, 1)
        assert "Permission denied" in result.diagnostics[0].message
        return
    # Root reads any file whatever its mode, so chmod 000 proves nothing here. Drop to
    # `nobody` in a child process instead, in a directory that user may enter.
    shared = Path(tempfile.mkdtemp(prefix="dcl-unreadable-"))
    try:
        shared.chmod(0o755)
        card = write(shared / "README.md", GOOD)
        card.chmod(0)
        probe = subprocess.run([sys.executable, "-c", UNREADABLE_PROBE, str(card)],
                               capture_output=True, text=True, timeout=60)
        if probe.returncode != 0 and "Operation not permitted" in probe.stderr:
            pytest.skip("running as root without the right to drop privileges; chmod 000 cannot be tested")
        assert probe.returncode == 0, probe.stderr
        assert probe.stdout.splitlines()[0] == "DCL001:1:1"
        assert "Permission denied" in probe.stdout
    finally:
        for child in shared.iterdir():
            child.unlink()
        shared.rmdir()


# --- unsafe tags --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "x: !!python/object/apply:os.system ['touch {marker}']",
        "x: !!python/object/apply:os.system\n  args: ['touch {marker}']",
        "x: !!python/object/new:os.system ['touch {marker}']",
        "x: !!python/object/apply:subprocess.check_call [[touch, '{marker}']]",
        "? !!python/object/apply:os.system ['touch {marker}']\n: 1",
        "x: [!!python/name:os.system ]",
        "x: !custom {{a: 1}}",
    ],
)
def test_unsafe_tags_are_refused_never_constructed(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "constructed"
    text = "---\nlicense: mit\n" + payload.format(marker=marker) + "\n---\n"
    result = check(write(tmp_path / "README.md", text))
    line, _ = only(result, "DCL013")
    assert line >= 3
    assert not marker.exists()


# --- one run, every file ------------------------------------------------------------------


def test_one_run_reports_every_hostile_file_and_checks_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], timed: None
) -> None:
    files = {
        "bomb/README.md": billion_laughs(),
        "deep/README.md": "---\nk: " + "[" * 100_000 + "]" * 100_000 + "\n---\n",
        "latin1/README.md": "---\npretty_name: café\n---\n".encode("latin-1"),
        "utf16/README.md": "---\nlicense: mit\n---\n".encode("utf-16"),
        "nul/README.md": b"---\nlicense: mit\x00\n---\n",
        "tag/README.md": "---\nx: !!python/object/apply:os.system ['true']\n---\n",
        "good/README.md": GOOD,
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path / name, content)
    os.mkfifo(tmp_path / "fifo.md")
    (tmp_path / "dir" / "README.md").mkdir(parents=True)
    paths = [str(tmp_path / "fifo.md"), str(tmp_path)]
    status = main(["check", "--isolated", "--select", "DCL0", "--format", "concise", *paths])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    expected = {"bomb": "DCL014", "deep": "DCL015", "latin1": "DCL003", "utf16": "DCL003", "nul": "DCL006",
                "tag": "DCL013", "dir": "DCL001", "fifo.md": "DCL001"}
    for where, code in expected.items():
        assert any(where in line and f" {code} " in line for line in lines), (where, code, lines)
    assert not any("good" in line for line in lines)
