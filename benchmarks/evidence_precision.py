"""Precision and recall of generated-content evidence on the hand-labelled sample.

Reads `tests/evidence/labels.tsv` (cards of `../shared/corpus/` read and labelled by a
person, see `tests/evidence/GUIDE.md`), runs the detector on each card and prints the
confusion counts, precision and recall for every part (the tuning parts and the held-out one).
`--corpus` also counts how many cards of the whole corpus show evidence; `--timing` the
extra time the evidence rule adds to checking one card in a fresh process (a typical card
and a card with evidence).

    python benchmarks/evidence_precision.py [--corpus] [--timing] [--show-errors tuning]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "tests" / "evidence" / "labels.tsv"
#: Every measured part of the sample, in the order it was labelled (see GUIDE.md). `tuning*`
#: parts shaped the vocabulary; `heldout5` and `heldout6` had not when they were first measured
#: (GUIDE.md records those figures). Drawn parts are shown whole and by stratum.
SPLITS = ("tuning", "tuning2", "tuning3", "tuning4", "tuning4-broad", "tuning4-strong", "tuning4-rest",
          "heldout5", "heldout5-broad", "heldout5-strong", "heldout5-rest",
          "heldout6", "heldout6-broad", "heldout6-strong", "heldout6-rest")
#: A typical card whose text holds no evidence, and one that does.
TIMED_CARDS = ("hub-2023/cawac.md", "hub-2023/stjiris_IRIS_sts.md")


@dataclass(frozen=True, slots=True)
class Label:
    path: str
    split: str
    label: str
    lines: tuple[int, ...]
    note: str


def read_labels(path: Path = LABELS) -> list[Label]:
    labels = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = (raw.split("\t") + ["", "", "", "", ""])[:5]
        lines = tuple(int(x) for x in fields[3].split(",") if x.strip())
        labels.append(Label(fields[0], fields[1], fields[2], lines, fields[4]))
    return labels


def fires(relpath: str) -> bool:
    from datacard_lint.evidence import find
    from datacard_lint.loading.card import load_card
    from datacard_lint.loading.limits import Limits

    card = load_card(CORPUS / relpath, relpath, Limits())
    return bool(find(card))


@dataclass(slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def in_split(item: Label, split: str) -> bool:
    """`tuning4` stands for all of its strata (`tuning4-broad`, …)."""
    return item.split == split or item.split.startswith(split + "-")


def confusion(labels: list[Label], split: str, errors: list[str] | None = None) -> Confusion:
    result = Confusion()
    for item in labels:
        if not in_split(item, split) or item.label not in ("pos", "neg"):
            continue
        predicted = fires(item.path)
        if item.label == "pos":
            if predicted:
                result.tp += 1
            else:
                result.fn += 1
                if errors is not None:
                    errors.append(f"FN {item.path} {item.lines} {item.note}")
        elif predicted:
            result.fp += 1
            if errors is not None:
                errors.append(f"FP {item.path} {item.note}")
        else:
            result.tn += 1
    return result


def corpus_counts() -> tuple[int, int]:
    cards = sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md" or p.parent != CORPUS)
    return sum(1 for p in cards if fires(str(p.relative_to(CORPUS)))), len(cards)


_TIMED = """
import sys, time
from pathlib import Path
from datacard_lint.engine import Engine
from datacard_lint.loading.card import load_card
from datacard_lint.loading.limits import Limits
engine = Engine()
card = load_card(Path(sys.argv[1]), sys.argv[1], Limits())
t0 = time.perf_counter()
import datacard_lint.evidence
t1 = time.perf_counter()
found = datacard_lint.evidence.find(card)
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000, len(found))
"""
#: Cards drawn (seeded) for the typical one-card cost.
TIMING_SAMPLE = 40
TIMING_SEED = 7


def one_card_cost(relpath: str) -> tuple[float, float, int]:
    """Milliseconds in a fresh process after the engine and the card are loaded: importing
    the evidence package, and its first `find` on the card (vocabulary, Markdown parser and
    regular expressions included, as the rule pays them on the one-card path)."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", _TIMED, str(CORPUS / relpath)], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def timing_report(repeat: int = 15) -> list[str]:
    import random
    import statistics

    lines = []
    for relpath in TIMED_CARDS:
        runs = [one_card_cost(relpath) for _ in range(repeat)]
        total = statistics.median(a + b for a, b, _ in runs)
        imported = statistics.median(a for a, _, _ in runs)
        lines.append(f"one card, fresh process, median of {repeat}: {relpath} ({runs[0][2]} pieces of evidence): "
                     f"evidence rule adds {total:.1f} ms (package import {imported:.1f} ms)")
    cards = sorted(str(p.relative_to(CORPUS)) for folder in ("hf-2022", "hub-2023")
                   for p in (CORPUS / folder).glob("*.md"))
    sample = random.Random(TIMING_SEED).sample(cards, TIMING_SAMPLE)
    costs = sorted(sum(one_card_cost(relpath)[:2]) for relpath in sample)
    p90 = costs[int(0.9 * len(costs)) - 1]
    lines.append(f"one card, fresh process, {TIMING_SAMPLE} cards drawn with seed {TIMING_SEED}: evidence rule adds "
                 f"median {statistics.median(costs):.1f} ms, 90th percentile {p90:.1f} ms, max {costs[-1]:.1f} ms")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also count evidence over the whole corpus")
    parser.add_argument("--timing", action="store_true", help="time the one-card path in fresh processes")
    parser.add_argument("--show-errors", choices=SPLITS,
                        help="list misclassified cards of a part")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    labels = read_labels()
    for split in SPLITS:
        errors: list[str] | None = [] if args.show_errors == split else None
        c = confusion(labels, split, errors)
        counted = [x for x in labels if in_split(x, split)]
        unclear = sum(1 for x in counted if x.label == "unclear")
        print(f"{split:16} cards={len(counted)} unclear={unclear} TP={c.tp} FP={c.fp} FN={c.fn} TN={c.tn} "
              f"precision={c.precision:.3f} recall={c.recall:.3f}")
        for line in errors or []:
            print("   ", line)
    if args.corpus:
        hits, total = corpus_counts()
        print(f"corpus: evidence on {hits} of {total} cards")
    if args.timing:
        for line in timing_report():
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
