"""The pre-commit hooks, run by the real `pre-commit` in temporary git repositories.

The hook repository is a fresh `git init` of a copy of the working tree (tracked or not,
committed or not), so the test does not depend on what has been committed. pre-commit
installs it into its own virtualenv with `pip install .`; the store (`PRE_COMMIT_HOME`) and
the copy are shared by every test of this module, and by pytest-xdist workers through a
lock file, so that install happens once per run. (`try-repo` always uses a store of its
own, so the one test that uses it installs again.)
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import datacard_lint

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples/synthetic-instruct/README.md"
BROKEN = ROOT / "examples/broken-card/README.md"
LEGACY = ROOT / "examples/legacy-hub-card/README.md"
_COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".ci-venv",
    "venv",
    "site",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    "benchmarks/out",
)

pytest.importorskip("pre_commit")


def git_env(base: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(base if base is not None else os.environ)
    env.update(
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
    )
    return env


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=git_env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return proc.stdout.strip()


def commit_all(repo: Path) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "snapshot")
    return git(repo, "rev-parse", "HEAD")


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str
    home: Path  # PRE_COMMIT_HOME shared by the tests

    def env(self) -> dict[str, str]:
        env = git_env()
        env["PRE_COMMIT_HOME"] = str(self.home)
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env.pop("GITHUB_ACTIONS", None)
        return env


def _shared_dir(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    # Under pytest-xdist each worker has its own basetemp below one shared directory.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    shared = _shared_dir(tmp_path_factory) / "precommit-hook-repo"
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        repo, done = shared / "repo", shared / "rev"
        if not done.exists():
            shutil.rmtree(repo, ignore_errors=True)
            shutil.copytree(ROOT, repo, ignore=_COPY_IGNORE, symlinks=True)
            git(repo, "init", "-q")
            done.write_text(commit_all(repo), "utf-8")
        rev = done.read_text("utf-8").strip()
        fcntl.flock(lock, fcntl.LOCK_UN)
    yield HookRepo(repo, rev, shared / "home")


@pytest.fixture
def consumer(tmp_path: Path) -> Path:
    """A repository that uses the hooks: a good, a broken and a legacy card, and other files."""
    repo = tmp_path / "consumer"
    for name, source in (("good", GOOD), ("bad", BROKEN), ("legacy", LEGACY)):
        (repo / "data" / name).mkdir(parents=True)
        shutil.copyfile(source, repo / "data" / name / "README.md")
    git(repo, "init", "-q")
    return repo


def use_hooks(repo: Path, hook_repo: HookRepo, *hooks: dict[str, object]) -> None:
    config = {"repos": [{"repo": str(hook_repo.path), "rev": hook_repo.rev, "hooks": list(hooks)}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    commit_all(repo)


def pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def reported_at(card: Path, code: str) -> str:
    """`line:col` of the first `code` finding on `card`, as the linter reports it."""
    found = next(d for d in datacard_lint.lint_path(card).diagnostics if d.code == code)
    return f"{found.line}:{found.col}"


# --- the manifest ----------------------------------------------------------------------------


def manifest() -> list[dict[str, object]]:
    hooks: list[dict[str, object]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return hooks


def test_validate_manifest_and_config_accept_our_files() -> None:
    for command, name in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "pre_commit", command, name], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_manifest_hooks() -> None:
    hooks = {hook["id"]: hook for hook in manifest()}
    assert set(hooks) == {"datacard-lint", "datacard-lint-score"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert str(hook["entry"]).startswith("datacard-lint check --force-exclude")
        assert hook["minimum_pre_commit_version"]
        assert not hook.get("require_serial"), "each card is judged alone; no result spans files"
        assert set(hook["types_or"]) == {"markdown", "yaml", "json"}  # type: ignore[arg-type]
    assert hooks["datacard-lint-score"]["args"] == ["--min-score", "50"]


@pytest.mark.parametrize(
    ("path", "passed"),
    [
        ("README.md", True),
        ("data/en/README.md", True),
        ("datacard.yaml", True),
        ("cards/x.datacard.json", True),
        ("governance.yml", True),
        ("docs/index.md", False),
        ("mkdocs.yml", False),
        (".pre-commit-config.yaml", False),
        ("data/config.json", False),
        ("README.md.bak", False),
        ("NOT_README.md", False),
    ],
)
def test_manifest_selects_cards_only(path: str, passed: bool) -> None:
    from identify.identify import tags_from_filename

    for hook in manifest():
        selected = re.search(str(hook["files"]), path) is not None and bool(
            set(hook["types_or"]) & tags_from_filename(path)  # type: ignore[arg-type]
        )
        assert selected is passed, (hook["id"], path)


# --- real runs -------------------------------------------------------------------------------


def test_good_card_passes_and_bad_card_fails(hook_repo: HookRepo, consumer: Path) -> None:
    use_hooks(consumer, hook_repo, {"id": "datacard-lint"})
    good = pre_commit(consumer, hook_repo.env(), "run", "datacard-lint", "--files", "data/good/README.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"^datacard-lint\.+Passed$", good.stdout, re.MULTILINE)
    bad = pre_commit(consumer, hook_repo.env(), "run", "datacard-lint", "--files", "data/bad/README.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"^datacard-lint\.+Failed$", bad.stdout, re.MULTILINE)
    for code in ("DCL011", "DCL055"):
        assert f"data/bad/README.md:{reported_at(BROKEN, code)}: {code} [error]" in bad.stdout


def test_all_files_passes_cards_and_card_files_only(hook_repo: HookRepo, consumer: Path) -> None:
    (consumer / "data" / "bad" / "README.md").unlink()
    front_matter = GOOD.read_text("utf-8").split("---\n")[1]
    (consumer / "data" / "good" / "governance.yaml").write_text(front_matter, "utf-8")
    (consumer / "data" / "good" / "settings.yaml").write_text("threshold: 3\n", "utf-8")
    (consumer / "notes.md").write_text("# Notes\n", "utf-8")
    hook = {"id": "datacard-lint", "verbose": True}
    use_hooks(consumer, hook_repo, hook)
    proc = pre_commit(consumer, hook_repo.env(), "run", "datacard-lint", "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # data/good/README.md, data/good/governance.yaml, data/legacy/README.md; not the others.
    assert "Checked 3 cards" in proc.stdout, proc.stdout


def test_configured_excludes_apply_to_files_pre_commit_names(hook_repo: HookRepo, consumer: Path) -> None:
    (consumer / ".datacard-lint.toml").write_text('exclude = ["data/bad/*"]\n', "utf-8")
    use_hooks(consumer, hook_repo, {"id": "datacard-lint"})
    proc = pre_commit(consumer, hook_repo.env(), "run", "datacard-lint", "--files", "data/bad/README.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_score_hook_gates_on_the_minimum_score(hook_repo: HookRepo, consumer: Path) -> None:
    use_hooks(consumer, hook_repo, {"id": "datacard-lint-score"})
    env = hook_repo.env()
    legacy = pre_commit(consumer, env, "run", "datacard-lint-score", "--files", "data/legacy/README.md")
    assert legacy.returncode == 1, legacy.stdout + legacy.stderr
    assert "data/legacy/README.md: governance score 0 is below the minimum 50" in legacy.stdout
    good = pre_commit(consumer, env, "run", "datacard-lint-score", "--files", "data/good/README.md")
    assert good.returncode == 0, good.stdout + good.stderr
    use_hooks(consumer, hook_repo, {"id": "datacard-lint-score", "args": ["--min-score", "0"]})
    relaxed = pre_commit(consumer, env, "run", "datacard-lint-score", "--files", "data/legacy/README.md")
    assert relaxed.returncode == 0, relaxed.stdout + relaxed.stderr


def test_try_repo(hook_repo: HookRepo, consumer: Path) -> None:
    commit_all(consumer)
    env = hook_repo.env()
    bad = pre_commit(
        consumer,
        env,
        "try-repo",
        str(hook_repo.path),
        "datacard-lint",
        "--ref",
        hook_repo.rev,
        "--files",
        "data/bad/README.md",
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert f"data/bad/README.md:{reported_at(BROKEN, 'DCL011')}: DCL011" in bad.stdout
    good = pre_commit(
        consumer,
        env,
        "try-repo",
        str(hook_repo.path),
        "datacard-lint",
        "--ref",
        hook_repo.rev,
        "--files",
        "data/good/README.md",
    )
    assert good.returncode == 0, good.stdout + good.stderr


def test_the_projects_own_local_hook_passes_on_the_good_examples(hook_repo: HookRepo, tmp_path: Path) -> None:
    """Only the `repo: local` hooks of our .pre-commit-config.yaml: the others need the network."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    local = [repo for repo in config["repos"] if repo["repo"] == "local"]
    assert [hook["id"] for repo in local for hook in repo["hooks"]] == ["datacard-lint-examples"]
    only_local = tmp_path / "local-hooks.yaml"
    only_local.write_text(yaml.safe_dump({"repos": local}), "utf-8")
    proc = pre_commit(hook_repo.path, hook_repo.env(), "run", "--all-files", "--verbose", "-c", str(only_local))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Checked 3 cards: 0 errors" in proc.stdout


REASONED = (
    "---\nlicense: mit\nlanguage: [en]\n"
    "viewer: yes  # datacard-lint: disable=yaml11-boolean -- the Hub reads it as true, as meant\n"
    "pretty_name: Demo  # datacard-lint: disable=Missing-Governance-Block -- misspelt on purpose\n"
    "---\n# Demo\n"
)


def test_a_reasoned_suppression_by_rule_name(hook_repo: HookRepo, consumer: Path) -> None:
    card = consumer / "data" / "reasoned" / "README.md"
    card.parent.mkdir()
    card.write_text(REASONED, "utf-8")
    use_hooks(consumer, hook_repo, {"id": "datacard-lint", "verbose": True})
    proc = pre_commit(consumer, hook_repo.env(), "run", "datacard-lint", "--files", "data/reasoned/README.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr  # warnings only
    assert "DCL905" not in proc.stdout  # silenced by name, with its reason
    assert "suppression names unknown rule(s): `Missing-Governance-Block`" in proc.stdout


def test_fix_through_pre_commit(hook_repo: HookRepo, consumer: Path) -> None:
    card = consumer / "data" / "fixable" / "README.md"
    card.parent.mkdir()
    text = "---\nlicense: mit\nlanguage:\n  - en\n  - no   # Norwegian\ntask_categories: [text2text-generation]\n---\n"
    card.write_text(text, "utf-8")
    use_hooks(consumer, hook_repo, {"id": "datacard-lint", "args": ["--fix"]})
    env = hook_repo.env()
    first = pre_commit(consumer, env, "run", "datacard-lint", "--files", "data/fixable/README.md")
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout, first.stdout
    assert card.read_text("utf-8") == text.replace("- no ", "- 'no' ").replace("text2text-generation",
                                                                                "text-generation")
    git(consumer, "add", "-A")
    second = pre_commit(consumer, env, "run", "datacard-lint", "--files", "data/fixable/README.md")
    assert second.returncode == 0, second.stdout + second.stderr
