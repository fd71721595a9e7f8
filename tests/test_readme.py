"""The README opens with the two commands a new user runs, and CI runs the second verbatim."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _opening_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.*?)\n```", text, re.DOTALL)[:2]


def test_readme_opens_with_two_commands() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = text.index("```bash")
    assert text[:first_block].strip() == "# datacard-lint"
    setup_and_lint, setup_and_test = _opening_commands()
    assert "datacard-lint check examples/" in setup_and_lint
    assert "pytest" in setup_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _opening_commands()[1] in ci.splitlines()
