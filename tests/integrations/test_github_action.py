"""The composite action and the example workflow: they parse and only use options that exist."""

from __future__ import annotations

import json
import re
import shlex
import shutil
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
    assert set(action["inputs"]) == {"paths", "args", "min-score", "sarif-file", "python-version"}
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
    for step in action["runs"]["steps"]:
        assert step.get("shell") == "bash" if "run" in step else True
    text = ACTION.read_text("utf-8")
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used <= set(action["inputs"]), used - set(action["inputs"])
    step_ids = {step.get("id") for step in action["runs"]["steps"]}
    assert set(re.findall(r"steps\.([a-z-]+)\.outputs", text)) <= step_ids
    install = next(step for step in action["runs"]["steps"] if step.get("id") == "install")
    assert "$GITHUB_ACTION_PATH" in install["run"]  # installs the action itself
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


# --- the Action's steps, run on this Linux machine -------------------------------------------

CONSTRAINTS = ROOT / "requirements" / "action-constraints.txt"
_EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def test_setup_python_and_a_pip_cache_keyed_on_the_constraints_file() -> None:
    steps = load(ACTION)["runs"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/setup-python@")
    assert steps[0]["with"]["update-environment"] is False  # the job's own Python is left alone
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert "steps.cache-key.outputs.key" in cache["with"]["key"]
    assert "action-constraints.txt" in next(s for s in steps if s.get("id") == "cache-key")["run"]
    assert "PIP_CONSTRAINT" in next(s for s in steps if s.get("id") == "install")["run"]
    text = ACTION.read_text("utf-8")
    assert "2>/dev/null" not in text and "|| true" not in text  # errors are never swallowed


def test_constraints_pin_every_runtime_dependency() -> None:
    import tomllib

    from packaging.requirements import Requirement

    pinned = {Requirement(line.split("#")[0]).name.lower().replace("_", "-")
              for line in CONSTRAINTS.read_text("utf-8").splitlines() if line.split("#")[0].strip()}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    needed = {Requirement(r).name.lower().replace("_", "-") for r in project["project"]["dependencies"]}
    needed |= {Requirement(r).name.lower() for r in project["build-system"]["requires"]}
    assert needed <= pinned, needed - pinned
    assert all("==" in line for line in CONSTRAINTS.read_text("utf-8").splitlines()
               if line.split("#")[0].strip())


class ActionRun:
    """Runs action.yml's steps as the runner would: expressions, env, GITHUB_OUTPUT, `if:`.

    `uses:` steps are stood in for: setup-python yields this interpreter, the cache is a no-op.
    """

    def __init__(self, workspace: Path, temp: Path) -> None:
        self.workspace, self.temp = workspace, temp
        self.outputs: dict[str, dict[str, str]] = {}
        self.summary = temp / "summary.md"
        self.logs: list[str] = []
        self.cache: dict[str, str] = {}

    def _value(self, expression: str, inputs: dict[str, str]) -> str:
        kind, _, rest = expression.partition(".")
        if kind == "inputs":
            return inputs[rest]
        if kind == "steps":
            step, _, name = rest.partition(".outputs.")
            return self.outputs.get(step, {}).get(name, "")
        if expression == "runner.os":
            return "Linux"
        raise AssertionError(f"expression not simulated: {expression}")

    def _expand(self, text: str, inputs: dict[str, str]) -> str:
        return _EXPRESSION.sub(lambda m: self._value(m.group(1), inputs), str(text))

    def run(self, given: dict[str, str], *, only: set[str] | None = None) -> int:
        import os

        action = load(ACTION)
        inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()} | given
        for index, step in enumerate(action["runs"]["steps"]):
            sid = step.get("id", f"step{index}")
            if only is not None and sid not in only:
                continue
            condition = step.get("if")
            if condition is not None:
                match = re.fullmatch(r"inputs\.([a-z-]+) != ''", condition)
                assert match, condition
                if inputs[match.group(1)] == "":
                    continue
            uses = step.get("uses", "")
            if uses.startswith("actions/setup-python@"):
                self.outputs[sid] = {"python-path": sys.executable}
                continue
            if uses.startswith("actions/cache@"):
                self.cache = {k: self._expand(v, inputs) for k, v in step["with"].items()}
                continue
            assert not uses, uses
            output = self.temp / f"output-{sid}"
            output.write_text("")
            env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
            env |= {k: self._expand(v, inputs) for k, v in step.get("env", {}).items()}
            env |= {"GITHUB_ACTION_PATH": str(ROOT), "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(self.temp),
                    "GITHUB_STEP_SUMMARY": str(self.summary), "GITHUB_ACTIONS": "true"}
            proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=self.workspace, env=env,
                                  capture_output=True, text=True, timeout=600)
            self.logs.append(proc.stdout + proc.stderr)
            self.outputs[sid] = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
            if proc.returncode != 0:
                return proc.returncode
        return 0


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> ActionRun:
    """The set-up steps, once: setup-python, the cache key, the install with the constraints."""
    workspace = tmp_path_factory.mktemp("workspace")
    shutil.copytree(ROOT / "examples", workspace / "examples")
    run = ActionRun(workspace, tmp_path_factory.mktemp("runner-temp"))
    status = run.run({}, only={"python", "cache-key", "cache", "install"})
    assert status == 0, "\n".join(run.logs)
    return run


def test_the_install_step_pins_and_caches(installed: ActionRun) -> None:
    assert installed.cache["key"].startswith("datacard-lint-pip-Linux-py") and installed.cache["path"]
    python = installed.outputs["install"]["python"]
    frozen = subprocess.run([python, "-m", "pip", "freeze"], capture_output=True, text=True, check=True).stdout
    versions = dict(line.split("==") for line in frozen.splitlines() if "==" in line)
    pins = dict(line.split("#")[0].strip().split("==") for line in CONSTRAINTS.read_text("utf-8").splitlines()
                if line.split("#")[0].strip())
    for name, version in versions.items():
        key = next((p for p in pins if p.lower().replace("_", "-") == name.lower().replace("_", "-")), None)
        if key is not None:
            assert pins[key] == version, name


CHECK_STEPS = {"check", "sarif", "summary", "result"}


def test_action_on_example_cards_with_a_minimum_score(installed: ActionRun) -> None:
    installed.summary.write_text("")
    sarif = installed.workspace / "out.sarif"
    status = installed.run({"paths": "examples", "min-score": "60", "sarif-file": str(sarif)}, only=CHECK_STEPS)
    log = "\n".join(installed.logs)
    assert status == 1, log  # the broken example has error findings
    assert installed.outputs["check"]["exit-code"] == "1"
    assert "::error file=examples/broken-card/README.md" in log
    report = json.loads(sarif.read_text("utf-8"))
    run = report["runs"][0]
    assert run["results"]
    below = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
             for n in run["invocations"][0].get("toolExecutionNotifications", [])}
    assert "examples/legacy-hub-card/README.md" in below  # --min-score reached the SARIF run
    assert "| Card |" in installed.summary.read_text("utf-8")


def test_action_errors_are_not_hidden(installed: ActionRun) -> None:
    sarif = installed.workspace / "bad.sarif"
    status = installed.run({"paths": "examples", "args": "--no-such-option", "sarif-file": str(sarif)},
                           only=CHECK_STEPS)
    log = "\n".join(installed.logs[-2:])
    assert status == 2
    assert installed.outputs["check"]["exit-code"] == "2"
    assert "No such option" in log and "::error title=datacard-lint::" in log
