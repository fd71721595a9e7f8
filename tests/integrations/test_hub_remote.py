"""`check hf://datasets/OWNER/NAME[@REV]` and `--hub-list`, against a local stand-in for the Hub.

The real `huggingface_hub` downloads from a `http.server` on 127.0.0.1 (see hub_server.py);
the CLI runs in a subprocess so that `HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_OFFLINE` and
`HF_HUB_CACHE` are read exactly as a user's shell would set them.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hub_server import HubStub, Repo, running

import datacard_lint
from datacard_lint.cli.main import main
from datacard_lint.hub import remote
from datacard_lint.reporters.json_report import card_dict

pytest.importorskip("huggingface_hub")

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "examples/synthetic-instruct/README.md").read_text("utf-8")
BROKEN = (ROOT / "examples/broken-card/README.md").read_text("utf-8")
LEGACY = (ROOT / "examples/legacy-hub-card/README.md").read_text("utf-8")
TOKEN = "hf_test_token_for_the_stub"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="module")
def hub() -> Iterator[HubStub]:
    repos = {
        "acme/good": Repo({"main": GOOD, "v1": BROKEN, COMMIT: BROKEN, "refs/pr/1": GOOD}),
        "acme/legacy": Repo({"main": LEGACY}),
        "acme/gated": Repo({"main": GOOD}, gated_token=TOKEN),
        "acme/no-card": Repo({"main": None}),
    }
    with running(repos) as stub:
        yield stub


def hub_env(hub: HubStub, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HF_", "HUGGING_FACE_", "TRANSFORMERS_")) and k != "GITHUB_ACTIONS"
    }
    env.update(
        HF_ENDPOINT=hub.url,
        HF_HOME=str(tmp_path / "hf-home"),
        HF_HUB_DISABLE_TELEMETRY="1",
        TMPDIR=str(tmp_path / "tmp"),
        NO_PROXY="127.0.0.1",
        no_proxy="127.0.0.1",
    )
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env.update(extra)
    return env


def check(env: dict[str, str], *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "datacard_lint", "check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def duplicate_key_at() -> str:
    """Where the broken example's duplicate key is reported, as `line:col`."""
    result = datacard_lint.lint_path(ROOT / "examples/broken-card/README.md")
    found = next(d for d in result.diagnostics if d.code == "DCL011")
    return f"{found.line}:{found.col}"


def test_a_hub_card_is_fetched_and_checked(hub: HubStub, tmp_path: Path) -> None:
    proc = check(hub_env(hub, tmp_path), "--format", "json", "--min-score", "0", "hf://datasets/acme/good")
    assert proc.returncode == 0, proc.stderr
    (card,) = json.loads(proc.stdout)["cards"]
    assert card["path"] == "hf://datasets/acme/good@main/README.md"
    local = card_dict(datacard_lint.lint_path(ROOT / "examples/synthetic-instruct/README.md", score=True))
    for diagnostic in local["diagnostics"]:
        diagnostic["path"] = card["path"]
    assert card["diagnostics"] == local["diagnostics"] and card["score"] == local["score"]
    assert ("HEAD", "/datasets/acme/good/resolve/main/README.md", None) in hub.requests
    assert list((tmp_path / "tmp").iterdir()) == [], "the per-run cache must be removed"
    assert not (tmp_path / "hf-home").exists(), "the user's Hugging Face cache must not be written"


def test_findings_carry_the_hub_path_and_revision(hub: HubStub, tmp_path: Path) -> None:
    env = hub_env(hub, tmp_path)
    proc = check(env, "hf://datasets/acme/good@v1")
    assert proc.returncode == 1
    where = duplicate_key_at()
    assert f"hf://datasets/acme/good@v1/README.md:{where}: DCL011" in proc.stdout
    proc = check(env, "--format", "concise", f"hf://datasets/acme/good@{COMMIT}/README.md")
    assert f"hf://datasets/acme/good@{COMMIT}/README.md:{where}: DCL011" in proc.stdout
    # A revision containing `/` is written with %2F, as in huggingface_hub's hf:// paths.
    proc = check(env, "--format", "json", "hf://datasets/acme/good@refs%2Fpr%2F1")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["cards"][0]["path"] == "hf://datasets/acme/good@refs%2Fpr%2F1/README.md"
    assert ("GET", "/datasets/acme/good/resolve/refs%2Fpr%2F1/README.md", None) in hub.requests


def test_hub_list_with_comments_and_local_paths(hub: HubStub, tmp_path: Path) -> None:
    listing = tmp_path / "cards.txt"
    listing.write_text("# cards to audit\nacme/legacy\n\n  acme/good@v1   # pinned\nhf://datasets/acme/good\n", "utf-8")
    proc = check(
        hub_env(hub, tmp_path), "--format", "json", "--hub-list", str(listing), "examples/human-survey/README.md"
    )
    assert proc.returncode == 1, proc.stderr  # acme/good@v1 is the broken card
    paths = [card["path"] for card in json.loads(proc.stdout)["cards"]]
    assert paths == [
        "examples/human-survey/README.md",
        "hf://datasets/acme/legacy@main/README.md",
        "hf://datasets/acme/good@v1/README.md",
        "hf://datasets/acme/good@main/README.md",
    ]


def test_the_working_directory_configures_hub_cards(hub: HubStub, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / ".datacard-lint.toml").write_text('ignore = ["DCL901"]\n', "utf-8")
    env = hub_env(hub, tmp_path)
    assert "DCL901" in check(env, "--format", "concise", "hf://datasets/acme/legacy").stdout
    assert "DCL901" not in check(env, "--format", "concise", "hf://datasets/acme/legacy", cwd=project).stdout


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            "hf://datasets/acme/missing",
            "hf://datasets/acme/missing@main/README.md: dataset repository acme/missing not found",
        ),
        ("hf://datasets/acme/gated", "hf://datasets/acme/gated@main/README.md: the dataset is gated"),
        (
            "hf://datasets/acme/no-card",
            "hf://datasets/acme/no-card@main/README.md: dataset acme/no-card has no README.md",
        ),
        ("hf://datasets/acme/good@nope", "hf://datasets/acme/good@nope/README.md: revision 'nope' not found"),
    ],
    ids=["missing-repo", "gated", "missing-readme", "missing-revision"],
)
def test_fetch_failures_are_one_clear_line_and_exit_2(hub: HubStub, tmp_path: Path, target: str, expected: str) -> None:
    proc = check(hub_env(hub, tmp_path), target, "examples/human-survey/README.md")
    assert proc.returncode == 2
    assert f"datacard-lint: {expected}" in proc.stderr
    assert "Checked 1 card" in proc.stdout  # the cards that could be read are still reported


def test_hf_token_opens_a_gated_dataset(hub: HubStub, tmp_path: Path) -> None:
    proc = check(hub_env(hub, tmp_path, HF_TOKEN=TOKEN), "hf://datasets/acme/gated")
    assert proc.returncode == 0, proc.stderr
    assert ("GET", "/datasets/acme/gated/resolve/main/README.md", f"Bearer {TOKEN}") in hub.requests


def test_offline_mode_reads_only_the_users_cache(hub: HubStub, tmp_path: Path) -> None:
    cache = tmp_path / "hf-cache"
    env = hub_env(hub, tmp_path, HF_HUB_CACHE=str(cache), HF_HUB_OFFLINE="1")
    before = len(hub.requests)
    proc = check(env, "hf://datasets/acme/legacy")
    assert proc.returncode == 2
    assert "offline mode is on (HF_HUB_OFFLINE)" in proc.stderr
    # Put the card in the user's cache the usual way, then check it offline.
    download = (
        "from huggingface_hub import hf_hub_download; hf_hub_download('acme/legacy', 'README.md', repo_type='dataset')"
    )
    online = {k: v for k, v in env.items() if k != "HF_HUB_OFFLINE"}
    subprocess.run([sys.executable, "-c", download], env=online, check=True, timeout=120, capture_output=True)
    served = len(hub.requests)
    assert served > before
    proc = check(env, "--format", "concise", "hf://datasets/acme/legacy")
    assert proc.returncode == 0, proc.stderr
    assert "hf://datasets/acme/legacy@main/README.md:" in proc.stdout
    assert len(hub.requests) == served, "offline mode must not touch the network"


def test_network_failure_is_reported_once_and_stops_further_fetches(hub: HubStub, tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    listing = tmp_path / "cards.txt"
    listing.write_text("acme/a\nacme/b\n", "utf-8")
    env = hub_env(hub, tmp_path, HF_ENDPOINT=f"http://127.0.0.1:{port}")
    proc = check(env, "--hub-list", str(listing))
    assert proc.returncode == 2
    assert f"hf://datasets/acme/a@main/README.md: cannot reach the Hub at http://127.0.0.1:{port}" in proc.stderr
    assert "hf://datasets/acme/b@main/README.md: not fetched: the Hub is unreachable" in proc.stderr


def test_show_files_lists_hub_cards_without_fetching(hub: HubStub, tmp_path: Path) -> None:
    before = len(hub.requests)
    proc = check(hub_env(hub, tmp_path), "--show-files", "hf://datasets/acme/good@v1", "examples/human-survey")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == ["examples/human-survey/README.md", "hf://datasets/acme/good@v1/README.md"]
    assert len(hub.requests) == before


@pytest.mark.parametrize("bad", ["hf://models/acme/x", "hf://datasets/only-name", "hf://datasets/a/b/c/d"])
def test_malformed_hub_paths_are_usage_errors(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", bad]) == 2
    assert "not a Hub dataset path" in capsys.readouterr().err


def test_bad_hub_list_entry_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "cards.txt"
    listing.write_text("acme/ok\nnot a dataset id\n", "utf-8")
    assert main(["check", "--hub-list", str(listing)]) == 2
    assert f"{listing}:2: 'not a dataset id' is not a dataset id" in capsys.readouterr().err


def test_missing_huggingface_hub_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "huggingface_hub", None)  # makes `import huggingface_hub` fail
    monkeypatch.chdir(ROOT)
    assert main(["check", "hf://datasets/acme/good"]) == 2
    err = capsys.readouterr().err
    assert "needs huggingface_hub" in err and "pip install huggingface_hub" in err
    assert "Traceback" not in err


def test_parsing_hub_paths() -> None:
    assert remote.parse_hub_path("hf://datasets/acme/data") == remote.HubRef("acme/data", None)
    assert remote.parse_hub_path("hf://datasets/acme/data@v1.0/README.md") == remote.HubRef("acme/data", "v1.0")
    assert remote.parse_hub_path("hf://datasets/acme/data@refs%2Fconvert%2Fparquet").revision == "refs/convert/parquet"
    assert remote.HubRef("acme/data", "refs/pr/1").display == "hf://datasets/acme/data@refs%2Fpr%2F1/README.md"
    assert remote.parse_repo_id("acme/data@refs/pr/1") == remote.HubRef("acme/data", "refs/pr/1")
    for bad in ("acme/../x", "acme/x--y", "acme/x.", "-acme/x"):
        with pytest.raises(remote.HubError):
            remote.parse_repo_id(bad)
