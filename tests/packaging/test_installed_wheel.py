"""The built wheel carries the schemas and works offline from any directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("datacard_lint-*.whl")
    return built


def test_wheel_contains_schemas_and_profiles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "datacard_lint/_schema/v1/governance.schema.json" in names
    assert "datacard_lint/_schema/v1/card.schema.json" in names
    assert "datacard_lint/_schema/profiles/default.json" in names
    assert "datacard_lint/hub/data/vocabularies.json" in names
    assert "datacard_lint/py.typed" in names  # PEP 561: type checkers read the package's annotations


def test_installed_wheel_lints_from_a_temp_dir(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True, text=True)
    work = tmp_path / "elsewhere"
    shutil.copytree(REPO / "examples" / "synthetic-instruct", work / "synthetic-instruct")
    shutil.copytree(REPO / "examples" / "broken-card", work / "broken-card")
    exe = str(venv / "bin" / "datacard-lint")
    good = subprocess.run([exe, "check", "synthetic-instruct"], cwd=work, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run([exe, "check", "broken-card"], cwd=work, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "broken-card/README.md:" in bad.stdout and "Traceback" not in bad.stderr
    probe = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "from datacard_lint.resources import schema_dir; print(schema_dir())"],
        cwd=work, capture_output=True, text=True, check=True,
    )
    assert "site-packages/datacard_lint/_schema" in probe.stdout
