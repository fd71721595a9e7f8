"""`datacard-lint render`: write the "Data governance" section of a card from its block."""

from __future__ import annotations

from pathlib import Path

import click

from datacard_lint.cli.changes import card_path, emit, fail, unified_diff


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 and show the change if the section is missing or out of date.")
@click.option("--dry-run", is_flag=True, help="Print the whole new file instead of writing it.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing the file.")
@click.option("--force", is_flag=True, help="Overwrite a section that was edited by hand.")
def render(path: Path, check_only: bool, dry_run: bool, show_diff: bool, force: bool) -> None:
    """Write a human-readable "Data governance" section into the body of the card at PATH.

    The section is generated from the governance block and sits between two HTML comment
    markers; only the text between them (and the hash in the start marker) changes. A card
    without the markers gets the section appended at the end of its body. A section edited
    by hand is not overwritten unless --force is given.

    Exit status: 0 written or already current, 1 the card has no usable block, the
    section was edited by hand, or (with --check) the section is missing or stale;
    2 usage error.
    """
    from datacard_lint.authoring import section as body
    from datacard_lint.authoring.insert import detect_newline
    from datacard_lint.loading.card import Card, kind_of, parse_card_bytes
    from datacard_lint.loading.limits import Limits
    from datacard_lint.loading.source import read_bytes

    target = card_path(path)
    if kind_of(target) != "markdown":
        fail(f"{target}: only Markdown cards have a body to render into", 2)
    data, problems = read_bytes(target, Limits())
    if data is None:
        fail(f"{target}: {problems[0].message if problems else 'cannot read the file'}", 2)
    assert data is not None
    card = parse_card_bytes(Card(str(target), "markdown"), data, Limits())
    if card.text is None or card.metadata is None:
        from datacard_lint.rules import registry

        cosmetic = registry.codes_reading("cosmetic")  # BOM, CRLF, leading blank: not why metadata is missing
        reason = next((f"line {f.span.line}: {f.message}" for f in card.findings if f.code not in cosmetic),
                      "unreadable")
        fail(f"{target}: cannot read the card's metadata ({reason}); `datacard-lint check {target}` explains")
    if not isinstance(card.governance, dict):
        fail(f"{target}: the card has no governance block (a mapping under `governance:`); "
             f"run `datacard-lint init {target}` first")
    assert card.text is not None and card.front_matter is not None
    text = card.text
    try:
        where = body.find(text, card.front_matter.body_start if card.front_matter.found else 0)
    except body.MarkerError as exc:
        fail(f"{target}: governance section markers are broken ({exc}); fix them by hand first")
        return
    state = body.state(where, text, card.governance) if where is not None else None
    if state is body.State.EDITED and not force and not check_only:
        fail(f"{target}: the governance section was edited by hand; move the edit outside the markers, "
             "then run again with --force")
    new_text = body.write(text, where, card.governance, detect_newline(text))
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    new = bom + new_text.encode("utf-8")
    if check_only:
        if state is body.State.CURRENT:
            return
        problem = {None: "is missing", body.State.STALE: "is out of date", body.State.EDITED: "was edited by hand"}
        click.echo(unified_diff(text, new_text, target.as_posix()), nl=False)
        fail(f"{target}: the governance section {problem[state]}; run `datacard-lint render {target}`")
    if state is body.State.CURRENT and not dry_run:
        click.echo(f"datacard-lint: {target}: governance section already up to date", err=True)
        return
    if emit(target, data, new, dry_run=dry_run, diff=show_diff):
        verb = "updated" if where is not None else "added"
        click.echo(f"datacard-lint: {verb} the governance section of {target}", err=True)
