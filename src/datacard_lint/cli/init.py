"""`datacard-lint init`: add a pre-filled governance block to a card, changing nothing else."""

from __future__ import annotations

from pathlib import Path

import click

from datacard_lint.cli.changes import card_path, emit, fail


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print the whole new file instead of writing it.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing the file.")
@click.option("--schema-version", "schema_version", type=click.Choice(["1.0", "1.1"]), default="1.0",
              show_default=True, help="Version of the governance block to write; 1.1 adds `statement`, "
              "`dataset` and lists of purposes, and accepts `undisclosed` facts.")
def init(path: Path, dry_run: bool, show_diff: bool, schema_version: str) -> None:
    """Add a governance block to the card at PATH, pre-filled from its Hub metadata.

    PATH is a card file or a dataset directory (meaning its README.md). If it does not
    exist, a minimal README.md is created. The block goes just before the closing `---`
    of the front matter (a front matter is added if there is none); every other byte of
    the file stays as it was. Inferred facts are filled in; everything else is a TODO
    that `datacard-lint check` reports until it is replaced.

    Exit status: 0 block added (or shown), 1 the card cannot take a block (for instance
    it already has one), 2 usage error.
    """
    from datacard_lint.authoring.block import block_lines, skeleton_body
    from datacard_lint.authoring.infer import infer
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
        site = locate(original, kind_of(target))
        inferred = infer(site.metadata)
        insertion = insert(site, block_lines(inferred, schema_version))
    except Refusal as refusal:
        fail(f"cannot add a governance block to {target}: {refusal}")
        return
    written = emit(target, b"" if creating else original, insertion.data, dry_run=dry_run, diff=show_diff)
    if written:
        todos = _todo_count(insertion.inserted.decode("utf-8"))
        verb = "created" if creating else "added a governance block to"
        click.echo(f"datacard-lint: {verb} {target}; {todos} TODO placeholders to fill in "
                   f"(`datacard-lint check {target}` lists them)", err=True)
        for note in _notes(inferred):
            click.echo(f"datacard-lint: {note}", err=True)


def _todo_count(block: str) -> int:
    """Placeholders in values, not in the guidance comments."""
    values = (line.split("  # ")[0] for line in block.splitlines() if not line.lstrip().startswith("#"))
    return sum(line.count("TODO") for line in values)


def _notes(inferred: object) -> list[str]:
    from datacard_lint.authoring.infer import Inferred

    assert isinstance(inferred, Inferred)
    notes = []
    if inferred.synthetic:
        notes.append(f"parts marked model_generated because the card says {'; '.join(inferred.synthetic_evidence)}")
    if inferred.skipped_languages:
        notes.append(f"language entries that are not strings were skipped: {', '.join(inferred.skipped_languages)}"
                     " (quote them, e.g. \"no\" for Norwegian)")
    return notes
