"""The precomputed language table answers exactly as langcodes does.

The table is the whole domain of plain lower-case two- and three-letter codes, built by
`scripts/build_language_table.py` from the installed langcodes; a rebuild must match the
shipped file, and `language_key` must equal the langcodes computation on every language
value of the shared corpus and every subtag of the IANA registry (in several spellings).
"""

from __future__ import annotations

import importlib.util
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from datacard_lint.language_table import NOT_IN_TABLE, RESOURCE, is_valid
from datacard_lint.loading.frontmatter import split_front_matter
from datacard_lint.rules.hub import language_key, language_key_by_langcodes

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_language_table", REPO / "scripts" / "build_language_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_what_langcodes_gives() -> None:
    shipped = json.loads(files("datacard_lint").joinpath(*RESOURCE).read_text(encoding="utf-8"))
    assert shipped == _build_script().build()


def _registry_subtags() -> list[str]:
    text = files("langcodes").joinpath("data", "language-subtag-registry.txt").read_text("utf-8")
    return re.findall(r"^Subtag: (\S+)$", text, re.M) + re.findall(r"^Tag: (\S+)$", text, re.M)


def _corpus_languages() -> set[str]:
    values: set[str] = set()
    for path in CORPUS.rglob("*.md"):
        try:
            split = split_front_matter(path.read_bytes().decode("utf-8-sig"))
            data = yaml.load(split.yaml or "", Loader=yaml.CSafeLoader)
        except (UnicodeDecodeError, yaml.YAMLError):
            continue
        for key in ("language", "languages", "language_details"):
            value = data.get(key) if isinstance(data, dict) else None
            items = value if isinstance(value, list) else [value]
            values.update(item for item in items if isinstance(item, str))
    return values


def test_language_keys_equal_langcodes_on_the_corpus_and_the_registry() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not next to the repository")
    corpus = _corpus_languages()
    assert len(corpus) > 500
    registry = _registry_subtags()
    assert len(registry) > 8000
    spellings = set(corpus)
    for code in registry:
        spellings.update({code, code.lower(), code.upper(), code.title(), f" {code}", f"{code.lower()}-US"})
    differing = [v for v in sorted(spellings) if language_key(v) != language_key_by_langcodes(v)]
    assert differing == []


def test_codes_with_regions_equal_langcodes() -> None:
    """Every region (valid or not) with a few codes, every two-letter code with a few regions."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    regions = [a + b for a in letters for b in letters] + [f"{n:03d}" for n in range(0, 1000, 7)] + ["419", "001"]
    codes = ["en", "sw", "zh", "sgn", "iw", "sh", "no", "und", "cnr", "prs", "jp", "yue", "arb"]
    tags = {f"{c}-{r}" for c in codes for r in regions}
    two_letter = [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"]
    tags |= {f"{c}-{r}" for c in two_letter for r in ("US", "BR", "BU", "419", "XK", "ZZ")}
    differing = [t for t in sorted(tags) if language_key(t) != language_key_by_langcodes(t)]
    assert differing == []
    assert [t for t in sorted(tags) if _valid_differs(t)] == []


def _valid_differs(value: str) -> bool:
    import langcodes

    known = is_valid(value)
    return known is not NOT_IN_TABLE and known != langcodes.tag_is_valid(value)


def test_validity_equals_langcodes_on_the_registry() -> None:
    spellings = set()
    for code in _registry_subtags():
        spellings.update({code, code.lower(), f"{code.lower()}-US", f"{code.lower()}-419"})
    assert [v for v in sorted(spellings) if _valid_differs(v)] == []


def test_the_one_card_path_does_not_import_langcodes() -> None:
    import subprocess
    import sys

    card = REPO / "examples" / "synthetic-instruct" / "README.md"
    code = ("import sys; from datacard_lint.cli.main import main; "
            f"main(['check', '--isolated', {str(card)!r}]); print('langcodes' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stdout + done.stderr


def test_the_card_body_marker_name_is_the_renderers() -> None:
    from datacard_lint.authoring.render import MARKER_NAME as RENDERED
    from datacard_lint.rules.card_body import MARKER_NAME

    assert MARKER_NAME == RENDERED


def test_the_one_card_path_imports_no_authoring_modules() -> None:
    import subprocess
    import sys

    card = REPO / "examples" / "synthetic-instruct" / "README.md"
    unwanted = ["datacard_lint.authoring.section", "datacard_lint.authoring.render", "langcodes"]
    code = ("import sys; from datacard_lint.cli.main import main; "
            f"main(['check', '--isolated', {str(card)!r}]); print([m for m in {unwanted!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
