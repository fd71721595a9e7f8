"""`check --fix`, `--diff` and `--unsafe-fixes`: fix cards in place or show what would change.

Fixing runs in this process, one card at a time: the card's text is needed to edit it, and
a write must follow the lint that justified it. Hub cards are never fixed (there is no file
to write); they are linted as usual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from datacard_lint.cli.words import plural

if TYPE_CHECKING:
    from datacard_lint.collect import Target
    from datacard_lint.engine import CardResult, Engine


@dataclass(slots=True)
class FixTally:
    fixed: int = 0
    files: int = 0
    unsafe_left: int = 0
    failed_writes: list[str] = field(default_factory=list)


def fixed_results(engine: Engine, targets: Iterable[Target], *, unsafe: bool, diff: bool,
                  remote: frozenset[Path], tally: FixTally) -> Iterator[CardResult]:
    """Lint each target after fixing it; with `diff`, print the diff instead of writing."""
    from datacard_lint.cli.changes import unified_diff  # difflib: only when fixing
    from datacard_lint.fileio import atomic_write_bytes
    from datacard_lint.fixes.apply import fix_file

    for target in targets:
        if target.path in remote:
            yield engine.check_path(target.path, target.display)
            continue
        outcome = fix_file(engine, target.path, target.display, unsafe=unsafe)
        tally.unsafe_left += outcome.unsafe_left
        if outcome.changed:
            tally.fixed += len(outcome.applied)
            tally.files += 1
            if diff:
                click.echo(unified_diff(_text(outcome.original), _text(outcome.fixed), target.display), nl=False)
            else:
                destination = target.path.resolve() if target.path.is_symlink() else target.path
                try:
                    atomic_write_bytes(destination, outcome.fixed)
                except OSError as exc:
                    tally.failed_writes.append(f"cannot write {target.display}: {exc.strerror or exc}")
                    tally.fixed -= len(outcome.applied)
                    tally.files -= 1
                    yield engine.check_path(target.path, target.display)
                    continue
        yield outcome.result


def report(tally: FixTally, *, diff: bool) -> None:
    """One line on standard error, so machine-readable reports on stdout stay intact."""
    for message in tally.failed_writes:
        click.echo(f"datacard-lint: {message}", err=True)
    verb = "would fix" if diff else "fixed"
    if tally.fixed:
        click.echo(f"datacard-lint: {verb} {plural(tally.fixed, 'finding')} in {plural(tally.files, 'card')}",
                   err=True)
    elif diff:
        click.echo("datacard-lint: nothing to fix", err=True)
    if tally.unsafe_left:
        click.echo(f"datacard-lint: {plural(tally.unsafe_left, 'more fix', 'more fixes')} "
                   "available with `--unsafe-fixes`", err=True)


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")
