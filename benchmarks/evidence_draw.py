"""Draw a held-out part of the generated-content sample reproducibly (`heldout4`, now `tuning4`, to `heldout6`).

The pool is every card of `../shared/corpus/hf-2022/` and `hub-2023/` not in a part of
`tests/evidence/labels.tsv` labelled before the draw (`EARLIER[part]`), without the Hub
evaluator's prediction repositories (one template, 666 files: `hub-2023/autoevaluate_*`;
22 are already labelled) and without `oddities/` (earlier versions of `hf-2022` cards). Strata are set by fixed lists of
generic words, written for the draw and never derived from the detector or its vocabulary:

- `broad`: the card's lower-cased file (front matter included, the Hub's boilerplate "size
  of the generated dataset" removed) matches `GENERIC_WORDS`;
- `strong`: a `broad` card whose lower-cased body (after the front matter) matches the
  narrower `STRONG_WORDS`;
- `rest`: every other card of the pool.

A seeded shuffle (sorted paths, one `random.Random(SEED[part])`: `broad`, then `rest`, then
`strong`) gives the first `--broad`, `--rest` and `--strong` cards; `strong` cards already
drawn as `broad` are skipped. Each draw was labelled whole before the detector was run on
any of its cards.

- `heldout4` (2026-12-03, seed 20261203, after `tuning`, `tuning2`, `tuning3`; now
  `tuning4-*`): 28 `broad`, 80 `strong`, 50 `rest`. The first 28 `broad` cards were
  labelled first; the `broad` words matched too many cards without generated content,
  such as every `text-generation` task, to give 30 positives, so the `strong` stratum was
  added before more were read.
- `heldout5` (2026-12-04, seed 20261204, after every earlier part including `tuning4-*`):
  25 `broad`, 100 `strong`, 25 `rest`, the `strong` stratum labelled first, as it holds
  most of the positives.
- `heldout6` (2026-12-05, seed 20261205, after every earlier part including `heldout5-*`):
  25 `broad`, 100 `strong`, 25 `rest`, the same word lists and exclusions, the `strong`
  stratum labelled first; all of it labelled by reading before the detector was run on
  any of its cards.

A draw's own cards are not left out of its pool, so that it stays reproducible after they
are labelled.

    python benchmarks/evidence_draw.py --part heldout6 [--broad 25] [--strong 100] [--rest 25]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "tests" / "evidence" / "labels.tsv"
#: The seed of each draw.
SEED = {"heldout4": 20261203, "heldout5": 20261204, "heldout6": 20261205}
#: The parts of labels.tsv that existed when each draw was made.
EARLIER = {
    "heldout4": ("tuning", "tuning2", "tuning3"),
    "heldout5": ("tuning", "tuning2", "tuning3", "tuning4-broad", "tuning4-strong", "tuning4-rest"),
    "heldout6": ("tuning", "tuning2", "tuning3", "tuning4-broad", "tuning4-strong", "tuning4-rest",
                 "heldout5-broad", "heldout5-strong", "heldout5-rest"),
}
#: The stratum sizes each draw was made with (broad, strong, rest).
SIZES = {"heldout4": (28, 80, 50), "heldout5": (25, 100, 25), "heldout6": (25, 100, 25)}
BOILERPLATE = "size of the generated dataset"
GENERIC_WORDS = re.compile(
    r"generat|synthe|machine[- ]translat|\bgpt|\bllms?\b|language model|diffusion|paraphras|distil"
    r"|pseudo-?label|whisper|\btts\b|text-to-speech"
)
STRONG_WORDS = re.compile(
    r"generated (?:by|with|using|from|via|through)|synthetic|synthesi[sz]ed|machine[- ]translat|\bgpt-?\d"
    r"|chatgpt|openai|\bllms?\b|stable diffusion|paraphras|whisper|pseudo-?label|text-to-speech|distill"
)


def _body(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[end + 4:]
    return text


def pool(part: str = "heldout4") -> tuple[list[str], list[str], set[str]]:
    """The `broad` and `rest` strata as sorted corpus-relative paths, and the `strong` set.

    Cards of the parts labelled before this draw (`EARLIER[part]`) are left out; the draw's
    own cards are not, so that it stays reproducible after they are labelled.
    """
    labelled = set()
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) > 1 and fields[1] in EARLIER[part]:
            labelled.add(fields[0])
    gen, rest, strong = [], [], set()
    for folder in ("hf-2022", "hub-2023"):
        for card in sorted((CORPUS / folder).glob("*.md")):
            rel = f"{folder}/{card.name}"
            if rel in labelled or card.name.startswith("autoevaluate_"):
                continue
            text = card.read_bytes().decode("utf-8", "replace").lower().replace(BOILERPLATE, "")
            if GENERIC_WORDS.search(text):
                gen.append(rel)
                if STRONG_WORDS.search(_body(text)):
                    strong.add(rel)
            else:
                rest.append(rel)
    return gen, rest, strong


def draw(n_broad: int, n_strong: int, n_rest: int, part: str = "heldout4") -> list[tuple[str, str]]:
    """(path, stratum) of the drawn cards."""
    gen, rest, strong = pool(part)
    rng = random.Random(SEED[part])
    rng.shuffle(gen)
    rng.shuffle(rest)
    broad = gen[:n_broad]
    strong_order = sorted(strong - set(broad))
    rng.shuffle(strong_order)
    return ([(p, "broad") for p in broad] + [(p, "strong") for p in strong_order[:n_strong]]
            + [(p, "rest") for p in rest[:n_rest]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=sorted(SEED), default="heldout6")
    parser.add_argument("--broad", type=int, help="default: the part's documented size")
    parser.add_argument("--strong", type=int)
    parser.add_argument("--rest", type=int)
    args = parser.parse_args(argv)
    sizes = SIZES[args.part]
    n_broad, n_strong, n_rest = (given if given is not None else default for given, default
                                 in zip((args.broad, args.strong, args.rest), sizes, strict=True))
    gen, rest, strong = pool(args.part)
    print(f"# {args.part}: pool broad={len(gen)} (strong={len(strong)}) rest={len(rest)} seed={SEED[args.part]}")
    for path, stratum in draw(n_broad, n_strong, n_rest, args.part):
        print(f"{path}\t{stratum}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
