"""`init` on every card of the shared corpus, in memory: removing exactly the inserted
bytes gives back the original file, and both PyYAML and huggingface_hub read the same
metadata as before plus `governance`.

Cards that cannot take a block are skipped with a counted reason; any other refusal
(in particular "would change metadata") fails the test.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml

from datacard_lint.authoring.block import block_lines
from datacard_lint.authoring.infer import infer
from datacard_lint.authoring.insert import Refusal, insert, locate
from datacard_lint.loading.frontmatter import split_front_matter

DatasetCard = pytest.importorskip("huggingface_hub").DatasetCard

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

#: Reasons a real card may legitimately be refused.
ACCEPTED_SKIPS = {"yaml-error", "not-mapping", "not-utf8", "binary", "not-at-top", "malformed-marker", "flow-mapping"}
HUB_CHUNKS = 4
SLICES = [("hf-2022", 0, 1), ("oddities", 0, 1)] + [("hub-2023", i, HUB_CHUNKS) for i in range(HUB_CHUNKS)]
#: Skips per folder (the corpus is fixed, byte for byte), so a regression shows as a count change.
EXPECTED_SKIPS = {
    "hf-2022": {},
    "hub-2023": {"flow-mapping": 23, "not-at-top": 12},  # `{}` template front matter; blocks further down
    # yaml-error includes mlqa, whose tab libyaml reads but huggingface_hub's loader does not.
    "oddities": {"yaml-error": 32, "not-utf8": 6, "not-mapping": 1, "malformed-marker": 1},
}


def _hub_metadata(text: str) -> dict[str, object] | None:
    try:
        return DatasetCard(text).data.to_dict()  # type: ignore[no-any-return]
    except Exception:  # the Hub library could not load it before: nothing to compare
        return None


def _yaml_metadata(text: str) -> object:
    return yaml.load(split_front_matter(text).yaml or "", Loader=Loader) or {}


def _round_trip(path: Path) -> str:
    """'ok' or the refusal reason; assertion errors for anything that changed."""
    original = path.read_bytes()
    try:
        site = locate(original)
    except Refusal as refusal:
        return refusal.reason
    ins = insert(site, block_lines(infer(site.metadata)))
    assert ins.data[: ins.offset] + ins.data[ins.offset + len(ins.inserted) :] == original, path.name
    # huggingface_hub reads cards as utf-8-sig with newline="" (RepoCard.load).
    before_text, after_text = original.decode("utf-8-sig"), ins.data.decode("utf-8-sig")
    after = _yaml_metadata(after_text)
    assert isinstance(after, dict), path.name
    governance = after.pop("governance")
    assert isinstance(governance, dict) and governance["schema_version"] == "1.0", path.name
    assert repr(after) == repr(_yaml_metadata(before_text)), path.name
    hub_before = _hub_metadata(before_text)
    if hub_before is not None:
        hub_after = _hub_metadata(after_text)
        assert hub_after is not None, path.name
        assert hub_after.pop("governance") == governance, path.name
        assert hub_after == hub_before, path.name
    return "ok"


@pytest.mark.parametrize(("folder", "chunk", "chunks"), SLICES, ids=[f"{f}-{i}" for f, i, _ in SLICES])
def test_init_round_trips_every_corpus_card(corpus: Path, folder: str, chunk: int, chunks: int) -> None:
    files = sorted((corpus / folder).iterdir())[chunk::chunks]
    assert files, f"no cards in {folder}"
    outcomes = collections.Counter(_round_trip(path) for path in files)
    skipped = {reason: n for reason, n in outcomes.items() if reason != "ok"}
    print(f"{folder} [{chunk + 1}/{chunks}]: {len(files)} cards, {outcomes['ok']} took a block, skipped {skipped}")
    assert set(skipped) <= ACCEPTED_SKIPS, skipped


@pytest.mark.parametrize("folder", sorted(EXPECTED_SKIPS))
def test_skipped_cards_per_reason(corpus: Path, folder: str) -> None:
    """Only the refusal step, so the counts per reason are asserted (and printed) per folder."""
    reasons: collections.Counter[str] = collections.Counter()
    files = sorted((corpus / folder).iterdir())
    for path in files:
        try:
            locate(path.read_bytes())
        except Refusal as refusal:
            reasons[refusal.reason] += 1
    print(f"{folder}: {len(files)} cards, {len(files) - sum(reasons.values())} can take a block, "
          f"skipped {dict(sorted(reasons.items()))}")
    assert dict(reasons) == EXPECTED_SKIPS[folder]
