"""`datacard-lint export`: the card in another standard's shape (Croissant, EU AI Act summary)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from datacard_lint.cli.output import open_output

TARGETS = ("croissant", "eu-ai-act")
#: Output formats per target; the first is the default.
TARGET_FORMATS = {"croissant": ("json",), "eu-ai-act": ("markdown", "json")}
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")


@click.command()
@click.argument("path", type=str)
@click.option("--to", "target", type=click.Choice(TARGETS), required=True,
              help="croissant: Croissant 1.1 JSON-LD with RAI and PROV; eu-ai-act: the crawled-data (2.3) "
                   "and synthetic-data (2.5) sections of the EU AI Act training-content summary.")
@click.option("--format", "output_format", type=click.Choice(["json", "markdown"]),
              help="Output format: json for croissant; markdown (default) or json for eu-ai-act.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the export to this file (atomically) instead of standard output.")
@click.option("--hub-id", metavar="OWNER/NAME",
              help="The dataset's Hub id, for the Croissant `url` and file locations (a card does not "
                   "name its own repository).")
@click.pass_context
def export(
    ctx: click.Context,
    path: str,
    target: str,
    output_format: str | None,
    output_file: Path | None,
    hub_id: str | None,
) -> None:
    """Export the card at PATH (a card file, or a folder holding README.md) to another standard.

    Fields a standard asks for that the card cannot supply are left out (Croissant) or
    marked "not documented in the card" (EU AI Act). See the exports guide for the
    crosswalk. Exit status: 0 written; 1 the card cannot be read; 2 usage error.
    """
    from datacard_lint.export._card import CardView
    from datacard_lint.lineage.graph import display_path
    from datacard_lint.loading.card import load_card

    chosen = output_format or TARGET_FORMATS[target][0]
    if chosen not in TARGET_FORMATS[target]:
        raise click.UsageError(f"--to {target} writes {' or '.join(TARGET_FORMATS[target])}, not {chosen}")
    if hub_id is not None and not _HUB_ID.match(hub_id):
        raise click.BadParameter(f"expected OWNER/NAME, got {hub_id!r}", param_hint="--hub-id")
    if "://" in path:
        raise click.UsageError("export reads local cards only; download a Hub card before naming it")
    file = Path(path)
    if file.is_dir():
        file = file / "README.md"
    if not file.exists():
        raise click.UsageError(f"path does not exist: {file}")
    display = display_path(file)
    card = load_card(file, display)
    if not isinstance(card.metadata, dict):
        reason = card.findings[0].message if card.findings else "no YAML front matter"
        click.echo(f"{display}: cannot export: {reason}", err=True)
        ctx.exit(1)
    view = CardView(card)
    if target == "croissant":
        import json

        from datacard_lint.export.croissant import to_croissant

        name = file.resolve().parent.name
        document = to_croissant(view, hub_id=hub_id, fallback_name=name)
        if hub_id is None:
            click.echo("datacard-lint: no --hub-id given, so the Croissant `url` (required by the spec) is "
                       "left out and file patterns stay relative to the card's folder", err=True)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    else:
        from datacard_lint.export.eu_ai_act import render_json, render_markdown, to_eu_summary

        summary = to_eu_summary(view, display)
        text = render_markdown(summary) if chosen == "markdown" else render_json(summary)
    with open_output(output_file) as stream:
        stream.write(text)
    ctx.exit(0)
