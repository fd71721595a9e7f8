"""Smoke test of an installed datacard-lint: run with the Python of the environment to test.

    venv/bin/python .ci/smoke_test.py [EXPECTED_VERSION]

Copies two example cards to a temporary directory (so nothing is read from the checkout),
then checks that the console script lints the good one clean and fails the broken one with
located findings, that the bundled schemas are found inside the installed package, and that
the Python API works. Used by the release workflow on the built wheel and by the tests.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main(argv: list[str]) -> int:
    import datacard_lint
    from datacard_lint.resources import schema_dir

    if argv and datacard_lint.__version__ != argv[0].removeprefix("v"):
        print(f"installed version {datacard_lint.__version__} is not {argv[0]}", file=sys.stderr)
        return 1
    scripts = Path(sysconfig.get_path("scripts"))
    exe = next((p for p in (scripts / "datacard-lint", scripts / "datacard-lint.exe") if p.exists()), None)
    assert exe is not None, f"no datacard-lint console script in {scripts}"
    assert "site-packages" in str(schema_dir()), schema_dir()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("synthetic-instruct", "broken-card"):
            shutil.copytree(EXAMPLES / name, work / name)
        good = subprocess.run([str(exe), "check", "synthetic-instruct"], cwd=work, capture_output=True, text=True)
        assert good.returncode == 0, good.stdout + good.stderr
        bad = subprocess.run([str(exe), "check", "broken-card"], cwd=work, capture_output=True, text=True)
        assert bad.returncode == 1 and "broken-card/README.md:" in bad.stdout, bad.stdout + bad.stderr
        assert "Traceback" not in bad.stderr
        result = datacard_lint.lint_path(work / "synthetic-instruct" / "README.md", score=True)
        assert not result.has_errors and result.score is not None and result.score.overall == 100
    print(f"datacard-lint {datacard_lint.__version__}: smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
