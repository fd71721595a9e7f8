"""The composite action and the example workflow: they parse and only use options that exist."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / ".github/workflows/datacard-lint-example.yml"
_INVOCATION = re.compile(r"(?:datacard-lint|-m datacard_lint)\s+(check|score)\b([^\n|>]*)")


def load(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


def help_options(command: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "datacard_lint", command, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])\b", proc.stdout))


def invocations(scripts: list[str]) -> list[tuple[str, list[str]]]:
    found = []
    for script in scripts:
        for command, rest in _INVOCATION.findall(script):
            found.append((command, shlex.split(rest, comments=True)))
    return found


def action_scripts() -> list[str]:
    return [step["run"] for step in load(ACTION)["runs"]["steps"] if "run" in step]


def workflow_scripts() -> list[str]:
    return [step["run"] for job in load(WORKFLOW)["jobs"].values() for step in job["steps"] if "run" in step]


def test_action_is_a_composite_action_with_the_documented_inputs() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "args", "min-score", "sarif-file"}
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
    for step in action["runs"]["steps"]:
        assert step.get("shell") == "bash" if "run" in step else True
    text = ACTION.read_text("utf-8")
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used <= set(action["inputs"]), used - set(action["inputs"])
    step_ids = {step.get("id") for step in action["runs"]["steps"]}
    assert set(re.findall(r"steps\.([a-z-]+)\.outputs", text)) <= step_ids
    assert "$GITHUB_ACTION_PATH" in action["runs"]["steps"][0]["run"]  # installs the action itself
    assert '>> "$GITHUB_STEP_SUMMARY"' in text


def test_action_runs_check_as_github_then_sarif_then_markdown() -> None:
    formats = []
    for command, options in invocations(action_scripts()):
        assert command == "check"
        formats.append(options[options.index("--format") + 1] if "--format" in options else None)
    assert formats == ["github", "sarif", "markdown"]


@pytest.mark.parametrize("source", ["action", "workflow"])
def test_every_option_used_exists(source: str) -> None:
    scripts = action_scripts() if source == "action" else workflow_scripts()
    found = invocations(scripts)
    assert found
    known = {command: help_options(command) for command in {"check", "score"}}
    for command, tokens in found:
        unknown = {tok for tok in tokens if tok.startswith("-") and tok != "--" and tok not in known[command]}
        assert not unknown, f"{command}: {unknown}"
    # Options collected in a bash array before the call (`min=(--min-score ...)`).
    for script in scripts:
        for array in re.findall(r"\w+=\(([^)]*)\)", script):
            assert {tok for tok in shlex.split(array) if tok.startswith("-")} <= known["check"]


def test_example_workflow_uploads_sarif_and_writes_a_step_summary() -> None:
    workflow = load(WORKFLOW)
    for name, job in workflow["jobs"].items():
        assert job["permissions"]["security-events"] == "write", name
        uses = [step.get("uses", "") for step in job["steps"]]
        assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses), name
    scripts = "\n".join(workflow_scripts())
    assert 'datacard-lint score --format markdown examples/ >> "$GITHUB_STEP_SUMMARY"' in scripts
    assert any(step.get("uses") == "./" for step in workflow["jobs"]["action"]["steps"])
