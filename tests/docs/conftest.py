"""Build the documentation site once per test session, with the real `mkdocs build --strict`."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

if importlib.util.find_spec("datacard_lint") is None:  # running from a checkout without install
    sys.path.insert(0, str(ROOT / "src"))


def mkdocs_missing() -> bool:
    return importlib.util.find_spec("mkdocs") is None


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site directory; the build must succeed under --strict."""
    if mkdocs_missing():
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    dest = tmp_path_factory.mktemp("docs") / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return dest
