"""datacard-lint reads cards as `huggingface_hub` does, on every card of the shared corpus.

* The front-matter split (our `loading/frontmatter.py` against
  `huggingface_hub.repocard.REGEX_YAML_BLOCK`) gives the same YAML text and body on every
  card that decodes as UTF-8.
* The metadata dict equals `huggingface_hub.repocard.metadata_load`'s, compared strictly
  (types included, so `True` is not `1`), or both reject the card. Cards on which
  datacard-lint reports one of EXCLUDED_CODES may differ: those are the findings about
  text the two read differently on purpose. A card with no or an empty block counts as `{}`.
* The governance block survives a `DatasetCard` load/save/load round trip.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from datacard_lint.loading import frontmatter, source
from datacard_lint.loading.card import load_card

repocard = pytest.importorskip("huggingface_hub.repocard")

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("hf-2022", "hub-2023", "oddities")
CHUNK = 500

#: Findings where datacard-lint deliberately reads differently, or refuses what
#: huggingface_hub may accept (or the other way round).
EXCLUDED_CODES = {
    "DCL003": "not UTF-8: huggingface_hub raises UnicodeDecodeError",
    "DCL006": "NUL bytes: treated as a binary file",
    "DCL010": "YAML syntax error: either side may fail, with different errors",
    "DCL011": "duplicate key: PyYAML keeps the last value silently",
    "DCL013": "unsafe YAML tag: refused before construction",
    "DCL014": "alias expansion beyond the limit: refused",
    "DCL015": "nesting beyond the depth limit: refused",
    "DCL022": "front matter is not a mapping: huggingface_hub raises ValueError",
}

#: Cards where the two disagree for a reason no finding covers yet, with that reason.
KNOWN_DIVERGENCES = {
    "oddities/tab_in_front_matter__mlqa__b10644917b.md": (
        "a tab after a plain scalar (`- de<TAB>`): PyYAML's pure-Python scanner, which "
        "yaml.safe_load and so huggingface_hub use, rejects it; libyaml, which datacard-lint "
        "uses, and YAML 1.2 accept it"
    ),
}


def corpus_dir(config: pytest.Config) -> Path:
    return config.rootpath / ".." / "shared" / "corpus"


def _chunks() -> list[Any]:
    """(folder, first index) pairs, so pytest-xdist can spread the corpus over workers."""
    params = []
    base = ROOT / ".." / "shared" / "corpus"
    for folder in FOLDERS:
        count = len(list((base / folder).glob("*.md"))) if (base / folder).is_dir() else 1
        for start in range(0, max(count, 1), CHUNK):
            params.append(pytest.param(folder, start, id=f"{folder}-{start}"))
    return params


def cards(config: pytest.Config, folder: str, start: int) -> list[Path]:
    directory = corpus_dir(config) / folder
    if not directory.is_dir():
        pytest.skip(f"corpus folder {directory} is absent (../shared/corpus/ beside the repository)")
    return sorted(directory.glob("*.md"))[start : start + CHUNK]


def same(a: Any, b: Any) -> bool:
    """Equality that also compares types (True vs 1, 1 vs 1.0) and treats NaN as equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize(("folder", "start"), _chunks())
def test_front_matter_split_matches_huggingface_hub(pytestconfig: pytest.Config, folder: str, start: int) -> None:
    mismatches = []
    checked = 0
    for path in cards(pytestconfig, folder, start):
        text = source.decode(path.read_bytes()).text
        if text is None:  # not UTF-8: huggingface_hub cannot read it either
            continue
        checked += 1
        ours = frontmatter.split_front_matter(text)
        match = repocard.REGEX_YAML_BLOCK.search(text)
        if match is None:
            if ours.found:
                mismatches.append(f"{path.name}: only datacard-lint finds a block")
        elif not ours.found:
            mismatches.append(f"{path.name}: only huggingface_hub finds a block")
        elif match.group(2) != ours.yaml or text[match.end() :] != text[ours.body_start :]:
            mismatches.append(f"{path.name}: different YAML text or body")
    assert checked > 0
    assert mismatches == []


def _metadata_outcome(path: Path) -> tuple[str, Any]:
    try:
        data = repocard.metadata_load(path)
    except Exception as exc:  # the card is rejected
        return "rejected", exc.__class__.__name__
    return "ok", {} if data is None else data


@pytest.mark.parametrize(("folder", "start"), _chunks())
def test_metadata_matches_huggingface_hub(pytestconfig: pytest.Config, folder: str, start: int) -> None:
    outcomes: Counter[str] = Counter()
    mismatches = []
    for path in cards(pytestconfig, folder, start):
        card = load_card(path, path.name)
        excluded = {f.code for f in card.findings} & set(EXCLUDED_CODES)
        if excluded:
            outcomes["excluded " + ",".join(sorted(excluded))] += 1
            continue
        if f"{folder}/{path.name}" in KNOWN_DIVERGENCES:
            outcomes["known divergence"] += 1
            continue
        status, theirs = _metadata_outcome(path)
        if status == "rejected":
            if card.metadata is None:
                outcomes["both reject"] += 1
            else:
                mismatches.append(f"{path.name}: huggingface_hub raises {theirs}; datacard-lint reads it")
            continue
        ours = card.metadata if card.metadata is not None else {}
        if card.metadata is None and card.front_matter is not None and card.front_matter.found:
            mismatches.append(f"{path.name}: datacard-lint rejects what huggingface_hub reads")
        elif not same(ours, theirs):
            mismatches.append(f"{path.name}: metadata differs")
        else:
            outcomes["same"] += 1
    assert outcomes["same"] > 0
    assert mismatches == []
    excluded_total = sum(n for key, n in outcomes.items() if key.startswith("excluded"))
    assert excluded_total <= max(5, sum(outcomes.values()) // 5), outcomes  # exclusions stay the exception


EXAMPLES = sorted((ROOT / "examples").glob("*/**/README.md"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.relative_to(ROOT / "examples").as_posix() for p in EXAMPLES])
def test_governance_survives_a_datasetcard_round_trip(path: Path, tmp_path: Path) -> None:
    from huggingface_hub import DatasetCard

    original = load_card(path, path.name)
    if original.metadata is None:
        pytest.skip("not a loadable card")
    card = DatasetCard.load(path)
    saved = tmp_path / "README.md"
    card.save(saved)
    again = DatasetCard.load(saved)
    assert same(again.data.to_dict().get("governance"), card.data.to_dict().get("governance"))
    # And datacard-lint reads the same governance block from the file huggingface_hub wrote.
    reread = load_card(saved, "README.md")
    assert same(reread.governance, original.governance)
    if original.governance is not None:
        assert same(DatasetCard(card.content).data.to_dict()["governance"], original.governance)
