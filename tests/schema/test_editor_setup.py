"""The editor set-up page tells the truth: its standalone governance.yaml passes
check-jsonschema against the file its modeline names, a broken copy fails, and the schema
URLs it gives are files the site publishes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from datacard_lint._meta import SITE_URL

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "guide" / "editor-setup.md"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", PAGE.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def _local(url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = REPO / url.removeprefix(SITE_URL)
    assert path.is_file(), url
    return path


def _check_jsonschema(schema: Path, instance: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("check-jsonschema") is None and not _importable():
        pytest.skip("check-jsonschema is not installed (pip install -e '.[bench]')")
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), str(instance)],
                          capture_output=True, text=True, timeout=120)


def _importable() -> bool:
    import importlib.util

    return importlib.util.find_spec("check_jsonschema") is not None


def _standalone() -> tuple[str, Path]:
    blocks = [b for b in _blocks("yaml") if MODELINE.match(b.splitlines()[0])]
    assert len(blocks) == 1
    return blocks[0], _local(MODELINE.match(blocks[0].splitlines()[0]).group(1))  # type: ignore[union-attr]


def test_the_standalone_block_passes_check_jsonschema(tmp_path: Path) -> None:
    text, schema = _standalone()
    instance = tmp_path / "governance.yaml"
    instance.write_text(text, encoding="utf-8")
    result = _check_jsonschema(schema, instance)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_block_fails_check_jsonschema(tmp_path: Path) -> None:
    text, schema = _standalone()
    instance = tmp_path / "governance.yaml"
    instance.write_text(text.replace("share: 1.0", "share: 1.5").replace("class: mixed", "class: llm"),
                        encoding="utf-8")
    result = _check_jsonschema(schema, instance)
    assert result.returncode == 1 and "share" in result.stdout


def test_the_whole_card_passes_with_the_bundled_schema_offline(tmp_path: Path) -> None:
    text, _ = _standalone()
    body = "".join(f"  {line}\n" for line in text.splitlines()[1:])
    card = tmp_path / "card.yaml"
    card.write_text("license: mit\nlanguage: [en]\ngovernance:\n" + body, encoding="utf-8")
    bundled = REPO / "schema" / "v1" / "card.bundled.schema.json"
    assert _check_jsonschema(bundled, card).returncode == 0
    card.write_text(card.read_text(encoding="utf-8").replace("role: component", "role: mixture"), encoding="utf-8")
    assert _check_jsonschema(bundled, card).returncode == 1


def test_the_editor_settings_name_published_schemas() -> None:
    (settings,) = _blocks("json")
    for url in json.loads(settings)["yaml.schemas"]:
        _local(url)
