"""`datacard-lint import`: draft a governance block from another standard's file."""

from __future__ import annotations

from pathlib import Path

import click

from datacard_lint.cli.changes import card_path, emit, fail

SOURCES = ("croissant",)


@click.command(name="import")
@click.option("--from", "source", type=click.Choice(SOURCES), required=True,
              help="croissant: a Croissant JSON-LD file with RAI and PROV metadata.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("card", type=click.Path(path_type=Path), required=False)
@click.option("--dry-run", is_flag=True, help="Print the whole new card instead of writing it.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing the card.")
def import_(source: str, file: Path, card: Path | None, dry_run: bool, show_diff: bool) -> None:
    """Draft a governance block from FILE and add it to CARD (or print it when CARD is omitted).

    Every fact the file states (parts with their origin classes, shares and generators;
    parents; tail evaluations and contamination checks) is filled in with a comment naming
    its source; what the file does not state is a TODO. The block opens with an
    `x-imported-from` TODO, so `check` reports the draft until the author has confirmed
    it and deleted that key. CARD is changed like `init` changes it: the block goes in
    before the closing `---` and every other byte stays as it was, written atomically.

    Exit status: 0 drafted (and added, or shown); 1 the card cannot take a block (for
    instance it already has one); 2 usage error, or FILE is not Croissant.
    """
    from datacard_lint.authoring.yamltext import lines
    from datacard_lint.export.croissant_merge import NotCroissant, read_base
    from datacard_lint.importing.croissant import draft

    try:
        document = read_base(file)
    except NotCroissant as exc:
        fail(str(exc), 2)
        return
    drafted = draft(document, file.name)
    block = lines(drafted.block)
    summary = "; ".join(drafted.facts) or "no governance facts"
    if card is None:
        click.echo("\n".join(block))
        click.echo(f"datacard-lint: drafted from {file}: {summary}", err=True)
        return
    _add_to_card(card, block, dry_run=dry_run, show_diff=show_diff)
    if not (dry_run or show_diff):
        click.echo(f"datacard-lint: added a drafted governance block to {card_path(card)} ({summary}); confirm it, "
                   "then delete `x-imported-from` (`datacard-lint check` lists the TODOs left)", err=True)


def _add_to_card(path: Path, block: list[str], *, dry_run: bool, show_diff: bool) -> None:
    from datacard_lint.authoring.block import skeleton_body
    from datacard_lint.authoring.insert import Refusal, insert, locate
    from datacard_lint.loading.card import kind_of
    from datacard_lint.loading.limits import Limits
    from datacard_lint.loading.source import read_bytes

    target = card_path(path)
    creating = not target.exists() and not target.is_symlink()
    if creating:
        if not target.parent.is_dir():
            fail(f"cannot create {target}: directory {target.parent} does not exist", 2)
        title = (target.parent.resolve().name or "Dataset") if target.suffix.lower() == ".md" else ""
        original = skeleton_body(title).encode("utf-8") if title else b""
    else:
        data, problems = read_bytes(target, Limits())
        if data is None:
            fail(f"{target}: {problems[0].message if problems else 'cannot read the file'}", 2)
        assert data is not None
        original = data
    try:
        insertion = insert(locate(original, kind_of(target)), block)
    except Refusal as refusal:
        fail(f"cannot add a governance block to {target}: {refusal}")
        return
    emit(target, b"" if creating else original, insertion.data, dry_run=dry_run, diff=show_diff)
