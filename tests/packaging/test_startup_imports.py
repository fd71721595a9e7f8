"""The one-card `check` (what pre-commit runs per card) imports only what that card needs.

Import time is most of the one-card cost (the benchmark's start-up row), so each module kept
off this path is pinned here: a later top-level import would put it back unnoticed. Timings
belong to the benchmark; this test only names modules, so it cannot flake on a busy machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CARD = REPO / "examples" / "synthetic-instruct" / "README.md"

#: Each is loaded on first use by the feature named beside it.
NOT_ON_THE_ONE_CARD_PATH = {
    "importlib.resources": "shipped data is read through resources.package_file",
    "tempfile": "Hub fetches and atomic writes only",
    "tomllib": "a configuration file",
    "difflib": "--diff, --fix and did-you-mean suggestions",
    "jsonschema": "schema errors are explained by the compiled fast check",
    "langcodes": "the precomputed language table",
    "markdown_it": "a card body with generated-content evidence",
    "datacard_lint.hub.remote": "hf:// paths",
    "datacard_lint.cli.changes": "--diff and --fix",
    "datacard_lint.fixes.apply": "--fix",
    "datacard_lint.scoring.compute": "score and --min-score",
    "datacard_lint.authoring.render": "init",
}


def _imported_by(args: list[str]) -> set[str]:
    code = ("import json, sys; from datacard_lint.cli.main import main; "
            f"main({args!r}); print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
    assert done.stdout, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_a_clean_governance_card_loads_none_of_the_deferred_modules() -> None:
    loaded = _imported_by(["check", "--isolated", "--as-of", "2026-11-24", str(CARD)])
    assert "datacard_lint.rules.origin" in loaded  # the check ran its rules
    assert sorted(set(NOT_ON_THE_ONE_CARD_PATH) & loaded) == []


def test_the_deferred_modules_still_load_when_their_feature_is_used(tmp_path: Path) -> None:
    card = tmp_path / "README.md"
    card.write_text(CARD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.datacard-lint]\nselect = ['ALL']\n", encoding="utf-8")
    loaded = _imported_by(["check", "--diff", str(card)])
    assert {"tomllib", "difflib", "datacard_lint.cli.changes"} <= loaded
