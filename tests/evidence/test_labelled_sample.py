"""Precision and recall of the evidence detector on the hand-labelled corpus sample.

`labels.tsv` holds 310 cards of `../shared/corpus/` labelled by reading them (see
GUIDE.md). Every part was first measured once as a held-out part and then used to shape
the vocabulary, so all three are tuning parts now: these tests guard against regressions,
they do not measure how the detector does on unseen cards. No untouched held-out part
exists at present; GUIDE.md records the figures each part gave while it was held out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from datacard_lint.evidence import find
from datacard_lint.loading.card import load_card
from datacard_lint.loading.limits import Limits

LABELS = Path(__file__).with_name("labels.tsv")


@dataclass(frozen=True, slots=True)
class Row:
    path: str
    split: str
    label: str


def _rows() -> list[Row]:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [Row(r[0], r[1], r[2]) for r in reader if r]


def _confusion(corpus: Path, split: str) -> tuple[int, int, int, int]:
    tp = fp = fn = tn = 0
    for row in _rows():
        if row.split != split or row.label not in ("pos", "neg"):
            continue
        fired = bool(find(load_card(corpus / row.path, row.path, Limits())))
        if row.label == "pos":
            tp, fn = tp + fired, fn + (not fired)
        else:
            fp, tn = fp + fired, tn + (not fired)
    return tp, fp, fn, tn


def test_the_sample_is_large_enough_and_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 200
    assert len({r.path for r in rows}) == len(rows), "a card is labelled twice"
    assert sum(r.label == "pos" for r in rows) >= 60
    assert {r.split for r in rows} == {"tuning", "tuning2", "tuning3", "heldout4-broad", "heldout4-strong", "heldout4-rest"}
    assert {r.label for r in rows} <= {"pos", "neg", "unclear"}


@pytest.mark.parametrize("split", ["tuning", "tuning2", "tuning3"])
def test_tuned_parts_stay_precise(corpus: Path, split: str) -> None:
    """A guard against regressions on the cards the vocabulary was shaped on."""
    tp, fp, fn, _ = _confusion(corpus, split)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.95
