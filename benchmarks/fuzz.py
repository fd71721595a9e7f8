"""Fuzz `check` and `score` through the Python API and a sample through the CLI.

    python benchmarks/fuzz.py                   # 100,000 inputs (minutes)
    python benchmarks/fuzz.py --count 2000 --seed 7
    DATACARD_LINT_FUZZ_COUNT=300 pytest tests/hardening/test_fuzz.py   # the suite's small run

Inputs are mutations of real-shaped cards (the examples, and some cards of the shared
corpus when it is there): byte and character edits (line separators, CR, tabs, NUL, BOM,
lone surrogates in API text, brackets, anchors, tags), value-type swaps inside the
governance block, truncation, duplication, deep nesting, line-ending changes, and the
three card kinds. Each input must give no internal error (DCL999 or a rule failure) and
no position outside the input's own lines; scoring a card must not raise either.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "hub-2023"

from datacard_lint.cli.main import main as cli_main  # noqa: E402
from datacard_lint.config.settings import Settings  # noqa: E402
from datacard_lint.engine import CardResult, Engine  # noqa: E402
from datacard_lint.loading.card import CardKind  # noqa: E402
from datacard_lint.loading.lines import LineIndex  # noqa: E402
from datacard_lint.scoring.compute import score_card  # noqa: E402

AS_OF = "2026-11-24"
SPECIALS = ["\x85", "\u2028", "\u2029", "\r", "\r\n", "\t", "\ufeff", "\x00", "[", "]", "{", "}", ":", "- ",
            "&a ", "*a", "!!python/object:os.system ", "<<: ", "'", '"', "#", "---\n", "\\", "é", "\U0001f600",
            "\x0c", "\x1c", "  ", "\n\n", "? ", "| ", "> ", "%YAML 1.1\n", "@", "`"]
TYPED = [[], {}, [1, 2], {"a": [1]}, 1, -1, 0.5, True, None, "2024-01-01", "", "TODO", "x" * 300,
         [[[[[]]]]], {"axis": [1]}, {"determination": 3}]


@dataclass
class Tally:
    inputs: int = 0
    cli_runs: int = 0
    internal: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    codes: Counter[str] = field(default_factory=Counter)

    def report(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs, "cli_runs": self.cli_runs,
            "internal_errors": len(self.internal), "out_of_file_locations": len(self.outside),
            "distinct_codes": len(self.codes),
            "first_internal": self.internal[:3], "first_outside": self.outside[:3],
        }


def seeds() -> list[tuple[str, CardKind]]:
    out: list[tuple[str, CardKind]] = []
    for path in sorted((REPO / "examples").glob("*/README.md")):
        out.append((path.read_text(encoding="utf-8"), "markdown"))
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.md"))[::97][:40]:
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError:
                continue
            if len(text) < 20_000:
                out.append((text, "markdown"))
    for text, _ in list(out[:6]):
        front = text.split("---\n")[1] if text.startswith("---\n") else ""
        out.append((front, "yaml"))
        try:
            out.append((json.dumps(yaml.safe_load(front), default=str, indent=1), "json"))
        except yaml.YAMLError:
            pass
    return out


def mutate(rng: random.Random, text: str, kind: CardKind) -> tuple[str, CardKind]:
    """One to four edits; `kind` may change."""
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        n = len(text)
        at = rng.randint(0, n)
        if choice < 0.30:
            text = text[:at] + rng.choice(SPECIALS) + text[at:]
        elif choice < 0.40 and n:
            end = min(n, at + rng.randint(1, 80))
            text = text[:at] + text[end:]
        elif choice < 0.48 and n:
            end = min(n, at + rng.randint(1, 200))
            text = text[:end] + text[at:end] * rng.randint(1, 3) + text[end:]
        elif choice < 0.53:
            text = text[:at]
        elif choice < 0.60:
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\u2028", "\x85"]), rng.randint(1, 50))
        elif choice < 0.63:
            depth = rng.choice([50, 150, 1200])
            text = text[:at] + "[" * depth + "]" * rng.randint(0, depth) + text[at:]
        elif choice < 0.66:
            text = text[:at] + chr(rng.randint(0xD800, 0xDFFF)) + text[at:]
        elif choice < 0.70:
            kind = rng.choice(["markdown", "yaml", "json"])
        else:
            text = retype(rng, text)
    return text, kind


def retype(rng: random.Random, text: str) -> str:
    """Replace one value of the front matter with a value of another type, re-dumped as YAML."""
    if not text.startswith("---\n") or text.count("---\n") < 2:
        return text
    _, front, body = text.split("---\n", 2)
    try:
        data = yaml.safe_load(front)
    except (yaml.YAMLError, RecursionError):  # the driver's own parse of a deep mutation
        return text
    if not isinstance(data, dict):
        return text
    node: Any = data
    for _ in range(rng.randint(1, 6)):
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
            if rng.random() < 0.3 or not isinstance(node[key], (dict, list)):
                node[key] = rng.choice(TYPED)
                break
            node = node[key]
        elif isinstance(node, list) and node:
            index = rng.randrange(len(node))
            if rng.random() < 0.3 or not isinstance(node[index], (dict, list)):
                node[index] = rng.choice(TYPED)
                break
            node = node[index]
        else:
            break
    try:
        dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=rng.choice([40, 80, 1000]))
    except (yaml.YAMLError, RecursionError):
        return text
    return "---\n" + dumped + "---\n" + body


def text_lines(result_text: str | None, data: bytes | None) -> LineIndex:
    if result_text is not None:
        return LineIndex(result_text)
    assert data is not None
    return LineIndex(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace"))


def one(engine: Engine, settings: Settings, text: str, kind: CardKind, tally: Tally, workdir: Path,
        as_bytes: bool) -> None:
    label = f"{kind}:{text[:60]!r}"
    data: bytes | None = None
    if as_bytes:
        data = text.encode("utf-8", errors="surrogatepass")
        suffix = {"markdown": ".md", "yaml": ".yaml", "json": ".json"}[kind]
        path = workdir / f"card{suffix}"
        path.write_bytes(data)
        result: CardResult = engine.check_path(path, path.name)
    else:
        result = engine.check_text(text, "<fuzz>", kind, settings)
    tally.inputs += 1
    if result.internal_errors:
        tally.internal.append(f"{label}: {result.internal_errors[0]}")
    lines = text_lines(None if as_bytes else text, data)
    for diagnostic in result.diagnostics:
        tally.codes[diagnostic.code] += 1
        if not lines.contains(diagnostic.span):
            tally.outside.append(f"{label}: {diagnostic.code} at {diagnostic.span}")
            break
    if result.card is not None and not result.internal_errors:
        try:
            score_card(result.card, result.diagnostics, settings)
        except Exception as exc:  # any failure to score is an internal error
            tally.internal.append(f"{label}: score: {type(exc).__name__}: {exc}")


def cli_one(text: str, kind: CardKind, tally: Tally, workdir: Path, turn: int) -> None:
    suffix = {"markdown": "README.md", "yaml": "card.yaml", "json": "card.json"}[kind]
    path = workdir / "cli" / suffix
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    formats = ["text", "json", "sarif", "github", "markdown", "concise"]
    runs = [["check", "--isolated", "--as-of", AS_OF, "--format", formats[turn % len(formats)], str(path)],
            ["score", "--isolated", "--as-of", AS_OF, "--format", ["text", "json", "markdown"][turn % 3], str(path)]]
    for args in runs:
        out, err = io.StringIO(), io.StringIO()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            status = cli_main(args)
        except SystemExit as exc:  # pragma: no cover - main returns instead
            status = int(exc.code or 0)
        except Exception as exc:
            status = -1
            err.write(f"{type(exc).__name__}: {exc}")
        finally:
            sys.stdout, sys.stderr = saved
        tally.cli_runs += 1
        output = out.getvalue() + err.getvalue()
        # SARIF lists every rule (DCL999 too) in its catalogue; only a result names it.
        internal = '"ruleId": "DCL999"' in output if "sarif" in args else "DCL999" in output
        if status not in (0, 1):
            tally.internal.append(f"cli {args[0]} exit {status}: {output[-300:]!r}")
        elif internal or "Traceback" in output:
            tally.internal.append(f"cli {args[0]}: {output[-300:]!r}")


def run(count: int, seed: int, cli_every: int = 100, progress: bool = False) -> Tally:
    import datetime as dt

    rng = random.Random(seed)
    pool = seeds()
    settings = Settings(as_of=dt.date.fromisoformat(AS_OF))
    engine = Engine(settings)
    tally = Tally()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="datacard-lint-fuzz-") as work:
        workdir = Path(work)
        for index in range(count):
            text, kind = rng.choice(pool)
            text, kind = mutate(rng, text, kind)
            has_surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
            as_bytes = not has_surrogate and rng.random() < 0.15
            one(engine, settings, text, kind, tally, workdir, as_bytes)
            if index % cli_every == 0 and not has_surrogate:
                cli_one(text, kind, tally, workdir, index // cli_every)
            if progress and index and index % 10_000 == 0:
                print(f"{index:,} inputs, {time.perf_counter() - started:.0f} s, {json.dumps(tally.report())}",
                      file=sys.stderr, flush=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=int(os.environ.get("DATACARD_LINT_FUZZ_COUNT", 100_000)))
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--cli-every", type=int, default=100, help="one CLI check+score run per this many inputs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tally = run(args.count, args.seed, args.cli_every, progress=True)
    report = tally.report()
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))
    return 1 if tally.internal or tally.outside else 0


if __name__ == "__main__":
    sys.exit(main())
