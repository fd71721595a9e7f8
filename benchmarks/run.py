"""Measure datacard-lint against its baselines and print one table of figures.

    python benchmarks/run.py                 # everything (under 10 minutes on 2 cores)
    python benchmarks/run.py --sizes 1000,10000 --repeat 1   # a quicker look

Every figure is wall time of a child process (best of `--repeat` runs) or its peak
resident memory, measured on this machine in this run:

1. `datacard-lint check` over the 3,702 cards of `../shared/corpus/hub-2023/` against
   check-jsonschema validating the same front matters (extracted to .yaml files) with
   the same schema, `schema/v1/card.schema.json`, resolved offline through `--base-uri`.
2. The same check against the parse floor: one Python process that reads the same files,
   splits off the front matter with the Hub's regular expression and parses it with
   PyYAML's C loader (`yaml.load(..., Loader=CSafeLoader)`), nothing else.
3. One card (what a pre-commit run costs) against `python -c pass`.
4. Generated governance-rich cards (`benchmarks/generate.py`) at 1k, 10k and 100k cards,
   each in one process: wall time, cards per second and peak RSS.
5. `--jobs N` on all available CPUs against one process, on the 10k generated cards.
6. `score` over the same Hub cards as row 1: its peak RSS against `check`'s (both stream).
7. One card with thousands of wrong-typed list items (the schema-error path) at two sizes:
   the cost per kilobyte must not grow with the size (linear), and the report is capped.
8. `audit` over the generated cards at 10k and 100k (`--audit-sizes`): time and peak RSS,
   with the time for 500,000 cards on 2 CPUs projected from the per-card cost and the
   measured `--jobs` speed-up.

The closing lines repeat the three target ratios and the start-up figure.

Children run with bytecode caching on (PYTHONDONTWRITEBYTECODE is removed from their
environment) after one warm-up run, as for an installed package, whose .pyc files pip
writes at install time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "hub-2023"
SCHEMA = REPO / "schema" / "v1" / "card.schema.json"
ONE_CARD = REPO / "examples" / "synthetic-instruct" / "README.md"
AS_OF = "2026-11-24"

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

#: The regular expression huggingface_hub uses to find a card's front matter.
HUB_BLOCK = r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))"

FLOOR = f"""
import re, sys, yaml
block = re.compile({HUB_BLOCK!r})
for name in open(sys.argv[1], encoding="utf-8").read().split("\\n"):
    if not name:
        continue
    with open(name, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        continue
    match = block.search(text)
    if match is None:
        continue
    try:
        yaml.load(match.group(2), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        pass
"""

#: Runs a command and prints its own children's peak RSS (KiB on Linux) on stderr, so each
#: measurement gets a fresh `RUSAGE_CHILDREN`.
MEASURE = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f"\\nPEAK_RSS_KB {usage.ru_maxrss} CPU_S {usage.ru_utime + usage.ru_stime}\\n")
sys.exit(status)
"""

#: The same, with every network connection refused: proves check-jsonschema runs offline.
OFFLINE = """
import runpy, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network disabled")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sys.argv = ["check-jsonschema", *sys.argv[1:]]
runpy.run_module("check_jsonschema", run_name="__main__")
"""


@dataclass
class Run:
    seconds: float  # wall time
    peak_kb: int
    status: int
    cpu: float  # user + system time of the child (insensitive to other load on the machine)


#: The children's environment: bytecode caching on, as for an installed package.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: Sequence[str], *, cwd: Path = REPO) -> Run:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *argv], cwd=cwd, stderr=subprocess.PIPE, text=True,
                          env=ENV)
    seconds = time.perf_counter() - start
    match = re.search(r"PEAK_RSS_KB (\d+) CPU_S ([\d.]+)", done.stderr)
    if done.returncode not in (0, 1) or match is None:
        raise SystemExit(f"benchmark command failed ({done.returncode}): {' '.join(argv)}\n{done.stderr[-2000:]}")
    return Run(seconds, int(match.group(1)), done.returncode, float(match.group(2)))


def best(argv: Sequence[str], repeat: int, *, cwd: Path = REPO) -> Run:
    runs = [run(argv, cwd=cwd) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)


def datacard_lint() -> list[str]:
    """The installed console script, as pre-commit runs it, or the module."""
    script = Path(sys.executable).with_name("datacard-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "datacard_lint"]


def check_jsonschema() -> list[str]:
    script = Path(sys.executable).with_name("check-jsonschema")
    if script.exists():
        return [str(script)]
    found = shutil.which("check-jsonschema")
    if found is None:
        raise SystemExit("check-jsonschema is not installed: pip install 'datacard-lint[bench]'")
    return [found]


def extract_front_matters(cards: list[Path], into: Path) -> list[Path]:
    block = re.compile(HUB_BLOCK)
    out = []
    for card in cards:
        try:
            text = card.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        match = block.search(text)
        if match is None:
            continue
        path = into / (card.stem + ".yaml")
        path.write_text(match.group(2), encoding="utf-8")
        out.append(path)
    return out


def verify_offline_refs(work: Path) -> None:
    """check-jsonschema must resolve card.schema.json's relative $ref to the local file."""
    probe = work / "probe.yaml"
    probe.write_text('license: mit\ngovernance:\n  schema_version: "1.0"\n  parts:\n'
                     "    - id: p\n      origin: {class: not_a_class}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", OFFLINE, "--schemafile", str(SCHEMA),
                           "--base-uri", SCHEMA.as_uri(), str(probe)], capture_output=True, text=True)
    output = done.stdout + done.stderr
    if done.returncode != 1 or "not_a_class" not in output:
        raise SystemExit(f"check-jsonschema did not validate the governance $ref offline:\n{output[-2000:]}")
    probe.unlink()


def ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:.2f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark datacard-lint; prints a Markdown table.")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timed figure (the best counts)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="generated corpus sizes")
    parser.add_argument("--work", type=Path, help="directory for generated files (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    parser.add_argument("--audit-sizes", default="10000,100000", help="generated corpus sizes for `audit`")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="directory of real Hub cards (*.md) for rows 1-2 (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    audit_sizes = [int(s) for s in args.audit_sizes.split(",") if s]
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus} (pass --corpus DIR with Hub cards as *.md)")
    work = args.work or Path(tempfile.mkdtemp(prefix="datacard-lint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows: list[tuple[str, str, str]] = []
    lint = datacard_lint()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        # 1-2: the Hub corpus against check-jsonschema and the parse floor.
        cards = sorted(args.corpus.glob("*.md"))
        listing = work / "hub-files.txt"
        listing.write_text("\n".join(str(c) for c in cards) + "\n", encoding="utf-8")
        front = work / "front-matters"
        front.mkdir(exist_ok=True)
        yamls = extract_front_matters(cards, front)
        verify_offline_refs(work)
        run([*lint, "check", "--isolated", str(ONE_CARD)])  # warm-up: writes the .pyc files
        ours = best([*lint, "check", "--isolated", "--as-of", AS_OF, *map(str, cards)], args.repeat)
        ours_jobs = best([*lint, "check", "--isolated", "--as-of", AS_OF, "--jobs", "0", *map(str, cards)],
                         args.repeat)
        theirs = best([*check_jsonschema(), "--schemafile", str(SCHEMA), "--base-uri", SCHEMA.as_uri(),
                       *map(str, yamls)], args.repeat)
        floor = best([sys.executable, "-c", FLOOR, str(listing)], args.repeat)
        scored = best([*lint, "score", "--isolated", "--as-of", AS_OF, *map(str, cards)], 1)
        rows += [
            (f"check, {len(cards):,} Hub cards ({args.corpus.name}), 1 process", f"{ours.seconds:.2f} s", ""),
            (f"check, same cards, --jobs 0 ({cpus} CPUs)", f"{ours_jobs.seconds:.2f} s", ""),
            (f"check-jsonschema, the {len(yamls):,} front matters, card schema", f"{theirs.seconds:.2f} s",
             f"datacard-lint {ratio(theirs.seconds, ours.seconds)} faster "
             f"({ratio(theirs.seconds, ours_jobs.seconds)} with --jobs 0; by CPU time "
             f"{ratio(theirs.cpu, ours.cpu)}); target >= 8x"),
            ("parse floor: read + split + PyYAML CSafeLoader, 1 process", f"{floor.seconds:.2f} s",
             f"check costs {ratio(ours.seconds, floor.seconds)} the floor (by CPU time "
             f"{ratio(ours.cpu, floor.cpu)}); target <= 2x"),
            (f"score, same {len(cards):,} cards, 1 process", f"{scored.seconds:.2f} s",
             f"peak RSS {scored.peak_kb / 1024:.0f} MB vs check's {ours.peak_kb / 1024:.0f} MB "
             f"({ratio(scored.peak_kb, ours.peak_kb)})"),
        ]
        headline = {
            "bulk": f"check-jsonschema takes {ratio(theirs.seconds, ours.seconds)} check's wall time, "
                    f"{ratio(theirs.cpu, ours.cpu)} its CPU time (target >= 8x)",
            "floor": f"check takes {ratio(ours.seconds, floor.seconds)} the parse floor's wall time, "
                     f"{ratio(ours.cpu, floor.cpu)} its CPU time (target <= 2x)",
        }
        # 7: many schema errors in one card: linear, capped.
        errors_at = []
        for items in (6_000, 24_000):
            big = work / f"errors-{items}" / "README.md"
            big.parent.mkdir(exist_ok=True)
            big.write_text(wrong_typed_card(items), encoding="utf-8")
            timed = best([*lint, "check", "--isolated", "--as-of", AS_OF, "--format", "json", str(big)], 1)
            errors_at.append((big.stat().st_size / 1024, timed.cpu))
        (small_kb, small_s), (large_kb, large_s) = errors_at
        rows.append((f"one card of wrong-typed items, {small_kb:.0f} KB / {large_kb:.0f} KB",
                     f"{small_s:.2f} / {large_s:.2f} s CPU",
                     f"CPU per KB grows {((large_s / large_kb) / (small_s / small_kb)):.2f}x with 4x the size "
                     "(linear = 1.0; it includes start-up); findings capped per rule"))
        # 3: one card against the interpreter's start-up.
        repeat_small = max(5, args.repeat * 3)
        one = best([*lint, "check", "--isolated", "--as-of", AS_OF, str(ONE_CARD)], repeat_small)
        bare = best([sys.executable, "-c", "pass"], repeat_small)
        rows += [
            ("python -c pass", f"{bare.seconds * 1000:.0f} ms", ""),
            ("check, one governance-rich card (pre-commit)", f"{one.seconds * 1000:.0f} ms",
             f"start-up + {(one.seconds - bare.seconds) * 1000:.0f} ms (CPU {one.cpu * 1000:.0f} ms vs "
             f"{bare.cpu * 1000:.0f} ms); target <= start-up + 100 ms"),
        ]
        headline["one card"] = (f"start-up + {(one.seconds - bare.seconds) * 1000:.0f} ms wall, "
                                f"+ {(one.cpu - bare.cpu) * 1000:.0f} ms CPU (target <= + 100 ms)")
        # 4: generated cards, one process each, for linear time and flat memory.
        corpus = work / "generated"
        generated_at = time.perf_counter()
        generate.generate(corpus, max(sizes + audit_sizes))
        rows.append((f"generate {max(sizes):,} cards (benchmarks/generate.py)",
                     f"{time.perf_counter() - generated_at:.1f} s", ""))
        by_size: dict[int, Run] = {}
        for size in sizes:
            paths = [str(corpus / f"{shard:03d}") for shard in range(-(-size // generate.SHARD))]
            reps = args.repeat if size < 10_000 else 1  # the large runs dominate the script's time
            by_size[size] = best([*lint, "check", "--isolated", "--as-of", AS_OF, *paths], reps)
            result = by_size[size]
            rows.append((f"check, {size:,} generated cards, 1 process", f"{result.seconds:.1f} s",
                         f"{size / result.seconds:,.0f} cards/s, CPU {result.cpu:.1f} s, "
                         f"peak RSS {result.peak_kb / 1024:.0f} MB"))
        if len(by_size) > 1:
            small, large = min(by_size), max(by_size)
            per_card = [by_size[s].seconds / s * 1000 for s in sorted(by_size)]
            rows.append(("cost per card across sizes", " / ".join(f"{c:.2f}" for c in per_card) + " ms",
                         f"spread {max(per_card) / min(per_card):.2f}x (linear = 1.0)"))
            rows.append((f"peak RSS {small:,} -> {large:,} cards",
                         f"{by_size[small].peak_kb / 1024:.0f} -> {by_size[large].peak_kb / 1024:.0f} MB",
                         f"{(by_size[large].peak_kb - by_size[small].peak_kb) / 1024:+.0f} MB; target: flat"))
        # 5: --jobs on the 10k cards (or the largest size below it).
        size = max(s for s in sizes if s <= 10_000) if any(s <= 10_000 for s in sizes) else min(sizes)
        paths = [str(corpus / f"{shard:03d}") for shard in range(-(-size // generate.SHARD))]
        # Serial and parallel runs alternate, so a burst of load elsewhere on the machine
        # does not fall on one side only; the best of each counts.
        command = [*lint, "check", "--isolated", "--as-of", AS_OF, *paths]
        serial_runs, parallel_runs = [by_size[size]], []
        for turn in range(2 if size >= 10_000 else args.repeat):
            parallel_runs.append(run([*command, "--jobs", str(cpus)]))
            if turn == 0 or size < 10_000:
                serial_runs.append(run(command))
        serial = min(serial_runs, key=lambda r: r.seconds)
        parallel = min(parallel_runs, key=lambda r: r.seconds)
        rows.append((f"check, {size:,} generated cards, --jobs {cpus}", f"{parallel.seconds:.1f} s",
                     f"{ratio(serial.seconds, parallel.seconds)} speed-up on {cpus} CPUs; target >= 1.7x on 2"))
        speedup = serial.seconds / parallel.seconds
        # 8: audit at Hub scale: per-card cost and memory, projected to 500,000 cards.
        audits: dict[int, Run] = {}
        for size in audit_sizes:
            paths = [str(corpus / f"{shard:03d}") for shard in range(-(-size // generate.SHARD))]
            audits[size] = result = run([*lint, "audit", "--isolated", "--as-of", AS_OF, *paths])
            rows.append((f"audit, {size:,} generated cards, 1 process", f"{result.seconds:.1f} s",
                         f"{size / result.seconds:,.0f} cards/s, peak RSS {result.peak_kb / 1024:.0f} MB"))
        if len(audits) > 1:
            small, large = min(audits), max(audits)
            per_card_kb = (audits[large].peak_kb - audits[small].peak_kb) / (large - small)
            per_card_s = audits[large].seconds / large
            rows.append((f"audit memory {small:,} -> {large:,} cards",
                         f"{audits[small].peak_kb / 1024:.0f} -> {audits[large].peak_kb / 1024:.0f} MB",
                         f"{per_card_kb * 1024:.0f} bytes per card; 500,000 cards would peak near "
                         f"{(audits[large].peak_kb + per_card_kb * (500_000 - large)) / 1024:.0f} MB"))
            rows.append(("audit, 500,000 cards on 2 CPUs (projected)",
                         f"{per_card_s * 500_000 / min(speedup, 2.0) / 60:.0f} min",
                         f"{per_card_s * 1000:.2f} ms per card in 1 process, --jobs speed-up {speedup:.2f}x"))
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print_table(rows, time.perf_counter() - started)
    print()
    for name, text in headline.items():
        print(f"{name}: {text}")
    return 0


def wrong_typed_card(items: int) -> str:
    """A card whose governance `parts` are thousands of numbers: one schema error each."""
    listed = "".join(f"    - {i}\n" for i in range(items))
    return f'---\nlicense: mit\ngovernance:\n  schema_version: "1.0"\n  parts:\n{listed}---\n# Card\n'



def print_table(rows: list[tuple[str, str, str]], total: float) -> None:
    import platform

    print(f"datacard-lint benchmarks: Python {platform.python_version()}, {platform.machine()}, "
          f"{len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()} CPUs, "
          f"best of the runs per figure, whole script {total:.0f} s")
    print()
    width = max(len(r[0]) for r in rows)
    print(f"| {'measurement':<{width}} | result | comparison |")
    print(f"|{'-' * (width + 2)}|--------|------------|")
    for name, value, note in rows:
        print(f"| {name:<{width}} | {value} | {note} |")


if __name__ == "__main__":
    sys.exit(main())
