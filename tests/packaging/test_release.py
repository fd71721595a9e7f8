"""The release workflow, its helpers, and the truth of install and pin instructions.

Until a `v*` tag exists there is nothing on PyPI and no tag to pin, so no README or docs page
may tell people to `pip install datacard-lint` from PyPI or to pin `rev: v…` / `@v…`.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / ".github" / "workflows" / "release.yml"
sys.path.insert(0, str(REPO / ".ci"))

import release_notes  # noqa: E402


def _tags() -> list[str]:
    proc = subprocess.run(["git", "tag", "--list", "v*"], cwd=REPO, capture_output=True, text=True, check=False)
    return proc.stdout.split()


def _claims() -> list[Path]:
    files = [REPO / "README.md", REPO / ".pre-commit-hooks.yaml", REPO / ".github/workflows/datacard-lint-example.yml"]
    return files + sorted((REPO / "docs").rglob("*.md"))


def test_no_pin_or_install_source_that_does_not_exist() -> None:
    tags = set(_tags())
    for path in _claims():
        text = path.read_text("utf-8")
        for pinned in re.findall(r"(?:rev:\s*|datacard-lint/datacard-lint@)(v\d[\w.]*)", text):
            assert pinned in tags, f"{path.relative_to(REPO)} pins {pinned}, which is not a tag"
        if not tags:
            pypi = re.findall(r"pip install (?:-\S+ )*['\"]?datacard-lint(?:\[\w+\])?['\"]?(?![\w@ ]*git\+)", text)
            assert not pypi, f"{path.relative_to(REPO)} installs from PyPI before any release: {pypi}"


def test_release_workflow_builds_checks_smoke_tests_and_publishes_on_tags() -> None:
    workflow = yaml.safe_load(RELEASE.read_text("utf-8"))
    on = workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as True
    assert on == {"push": {"tags": ["v*"]}}
    jobs = workflow["jobs"]
    build = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "python -m build" in build and "twine check --strict dist/*" in build
    assert "pip install" in build and "dist/*.whl" in build and ".ci/smoke_test.py" in build
    assert ".ci/release_notes.py" in build
    pypi = jobs["pypi"]
    assert pypi["permissions"] == {"id-token": "write"}
    assert pypi["environment"]["name"] == "pypi"
    publish = next(step for step in pypi["steps"] if "uses" in step and "pypi-publish" in step["uses"])
    assert "password" not in publish.get("with", {})  # trusted publishing, no token
    release = jobs["github-release"]
    assert release["needs"] == "pypi" and release["permissions"] == {"contents": "write"}
    assert "--notes-file release-notes.md" in release["steps"][-1]["run"]


def test_release_notes_come_from_the_changelog(tmp_path: Path) -> None:
    text = "# Changelog\n\n## 0.2.0 (2027-01-05)\n\n- New.\n\n## 0.1.0\n\n- First.\n"
    assert release_notes.section(text, "0.2.0") == "- New.\n"
    assert release_notes.section(text, "0.1.0") == "- First.\n"
    assert release_notes.section(text, "0.1") is None
    import datacard_lint

    proc = subprocess.run([sys.executable, str(REPO / ".ci/release_notes.py"), f"v{datacard_lint.__version__}"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr
    missing = subprocess.run([sys.executable, str(REPO / ".ci/release_notes.py"), "v99.0.0"],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and "no section" in missing.stderr


def test_the_built_distributions_pass_twine_check_and_the_wheel_the_smoke_test(tmp_path: Path) -> None:
    pytest.importorskip("twine")
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, text=True)
    (sdist_path,) = out.glob("*.tar.gz")
    (wheel_path,) = out.glob("*.whl")
    dists = [sdist_path, wheel_path]
    check = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dists)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    import tarfile

    with tarfile.open(dists[0]) as sdist:
        assert any(name.endswith("/CHANGELOG.md") for name in sdist.getnames())
    assert "datacard_lint/py.typed" in zipfile.ZipFile(dists[1]).namelist()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(dists[1])], check=True,
                   capture_output=True, text=True)
    import datacard_lint

    smoke = subprocess.run([str(venv / "bin" / "python"), str(REPO / ".ci/smoke_test.py"),
                            f"v{datacard_lint.__version__}"], cwd=tmp_path, capture_output=True, text=True)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    wrong = subprocess.run([str(venv / "bin" / "python"), str(REPO / ".ci/smoke_test.py"), "v0.0.0-not"],
                           cwd=tmp_path, capture_output=True, text=True)
    assert wrong.returncode == 1
