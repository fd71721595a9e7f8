"""`scripts/refresh_hub_vocabulary.py` rebuilds the lists from local checkouts and records the commit."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "refresh_hub_vocabulary.py"
VOCAB = ROOT / "src" / "datacard_lint" / "hub" / "data" / "vocabularies.json"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

PIPELINES = """export const PIPELINE_DATA = {
\t"text-classification": {
\t\tname: "Text Classification",
\t\tsubtasks: [
\t\t\t{
\t\t\t\ttype: "fact-checking",
\t\t\t\tname: "Fact Checking",
\t\t\t},
\t\t],
\t},
\t"new-task": {
\t\tname: "New Task",
\t},
} satisfies Record<string, PipelineData>;
"""
ISO1 = """export const LANGUAGES_ISO_639_1 = {
\ten: {
\t\tcode: "en",
\t\tname: "English",
\t\tnativeName: "English",
\t},
};
"""
ISO3 = """export const LANGUAGES_ISO_639_3 = {
\tyue: {
\t\tcode: "yue",
\t\tname: "Yue Chinese",
\t},
};
"""
LIBRARIES = """export const DATASET_LIBRARIES_UI_ELEMENTS = {
\tpolars: {
\t\tprettyLabel: "Polars",
\t},
};
"""
LICENSES = """| Fullname | License identifier (to use in repo card) |
| -------- | ---------------------------------------- |
| Apache license 2.0 | `apache-2.0` |
| MIT | `mit` |
"""


def _repo(path: Path, files: dict[str, str]) -> str:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    run = {"cwd": path, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "add", "."], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], **run)  # type: ignore[call-overload]
    return subprocess.run(["git", "rev-parse", "HEAD"], **run, text=True).stdout.strip()  # type: ignore[call-overload]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_refresh_from_local_checkouts(tmp_path: Path) -> None:
    hf_js, hub_docs = tmp_path / "hfjs", tmp_path / "hubdocs"
    hf_js.mkdir()
    hub_docs.mkdir()
    js_commit = _repo(hf_js, {"packages/tasks/src/pipelines.ts": PIPELINES,
                              "packages/languages/src/languages_iso_639_1.ts": ISO1,
                              "packages/languages/src/languages_iso_639_3.ts": ISO3,
                              "packages/tasks/src/dataset-libraries.ts": LIBRARIES})
    docs_commit = _repo(hub_docs, {"docs/hub/repositories-licenses.md": LICENSES})
    output = tmp_path / "vocabularies.json"
    shutil.copy(VOCAB, output)
    before = json.loads(output.read_text(encoding="utf-8"))

    assert _run("--huggingface-js", str(hf_js), "--hub-docs", str(hub_docs), "--output", str(output),
                "--check").returncode == 1
    assert json.loads(output.read_text(encoding="utf-8")) == before  # --check writes nothing

    proc = _run("--huggingface-js", str(hf_js), "--hub-docs", str(hub_docs), "--output", str(output))
    assert proc.returncode == 0, proc.stderr
    after = json.loads(output.read_text(encoding="utf-8"))
    assert after["task_categories"] == ["new-task", "text-classification"]
    assert after["task_ids"] == ["fact-checking"]
    assert after["language_codes"] == ["en", "yue"]
    assert after["language_names"] == {"english": "en"}
    assert after["library_tags"] == ["polars"]
    assert after["licenses"] == ["apache-2.0", "mit", "other", "unknown"]
    assert after["sources"]["task_categories"] == [f"huggingface/huggingface.js@{js_commit}:packages/tasks/src/pipelines.ts"]
    assert after["sources"]["licenses"] == [f"huggingface/hub-docs@{docs_commit}:docs/hub/repositories-licenses.md"]
    assert after["legacy_size_categories"] == before["legacy_size_categories"]  # untouched lists stay

    again = _run("--huggingface-js", str(hf_js), "--hub-docs", str(hub_docs), "--output", str(output), "--check")
    assert again.returncode == 0 and "up to date" in again.stdout


def test_missing_checkout_is_a_clean_error(tmp_path: Path) -> None:
    output = tmp_path / "vocabularies.json"
    shutil.copy(VOCAB, output)
    proc = _run("--hub-docs", str(tmp_path / "absent"), "--output", str(output))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert output.read_bytes() == VOCAB.read_bytes()
