"""`datacard-lint export`: the card in another standard's shape (Croissant, EU AI Act summary)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from datacard_lint.cli.output import open_output

if TYPE_CHECKING:
    from datacard_lint.diagnostics import Diagnostic
    from datacard_lint.export._card import CardView
    from datacard_lint.export.requirement_sets import RequirementSet

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
@click.option("--base", "base_file", type=click.Path(dir_okay=False, path_type=Path),
              help="croissant: merge into this Croissant JSON-LD file (e.g. the one the Hub generates), "
                   "keeping its distribution, record sets, @context and conformsTo.")
@click.option("--overwrite", is_flag=True,
              help="With --base: replace values the base already has (kept by default).")
@click.option("--require", "requirement_set", metavar="NAME",
              help="croissant: report, as findings in the card, each property the named requirement set "
                   "needs that the file lacks (exit 1). Sets: neurips-2026.")
@click.pass_context
def export(
    ctx: click.Context,
    path: str,
    target: str,
    output_format: str | None,
    output_file: Path | None,
    hub_id: str | None,
    base_file: Path | None,
    overwrite: bool,
    requirement_set: str | None,
) -> None:
    """Export the card at PATH (a card file, or a folder holding README.md) to another standard.

    Fields a standard asks for that the card cannot supply are left out (Croissant) or
    marked "not documented in the card" (EU AI Act). See the exports guide for the
    crosswalk. Exit status: 0 written; 1 the card cannot be read, or (with --require) the
    file lacks a required property; 2 usage error, or a --base that is not Croissant.
    """
    from datacard_lint.export._card import CardView
    from datacard_lint.lineage.graph import display_path
    from datacard_lint.loading.card import load_card

    chosen = output_format or TARGET_FORMATS[target][0]
    if chosen not in TARGET_FORMATS[target]:
        raise click.UsageError(f"--to {target} writes {' or '.join(TARGET_FORMATS[target])}, not {chosen}")
    if hub_id is not None and not _HUB_ID.match(hub_id):
        raise click.BadParameter(f"expected OWNER/NAME, got {hub_id!r}", param_hint="--hub-id")
    if target != "croissant" and (base_file or overwrite or requirement_set):
        raise click.UsageError("--base, --overwrite and --require apply to --to croissant only")
    if overwrite and base_file is None:
        raise click.UsageError("--overwrite needs --base")
    requirements = _requirement_set(requirement_set)
    base = _base(base_file)
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
    document: dict[str, Any] = {}
    if target == "croissant":
        document = _croissant(view, file, hub_id, base, base_file, overwrite)
        text = _json(document)
    else:
        from datacard_lint.export.eu_ai_act import render_json, render_markdown, to_eu_summary

        summary = to_eu_summary(view, display)
        text = render_markdown(summary) if chosen == "markdown" else render_json(summary)
    with open_output(output_file) as stream:
        stream.write(text)
    if requirements is not None:
        from datacard_lint.export.requirement_sets import findings, missing

        gaps = _configured(findings(card, requirements, missing(document, requirements)), file)
        to_stderr = output_file is None  # standard output carries the document itself
        for d in gaps:
            click.echo(f"{d.path}:{d.line}:{d.col}: {d.code} [{d.severity.value}] {d.message}", err=to_stderr)
            click.echo(f"    help: {d.help}", err=to_stderr)
        verdict = (f"{len(gaps)} required propert{'y' if len(gaps) == 1 else 'ies'} missing" if gaps
                   else "every required property is filled")
        click.echo(f"datacard-lint: {requirements.name}: {verdict}", err=True)
        ctx.exit(1 if any(d.severity.value == "error" for d in gaps) else 0)
    ctx.exit(0)


def _configured(diagnostics: list[Diagnostic], card_file: Path) -> list[Diagnostic]:
    """The card's configuration applies as in `check`: select/ignore/per-file-ignores, severity."""
    from datacard_lint.config.files import ConfigError, find_config, load_settings
    from datacard_lint.decision import Decision

    try:
        settings = load_settings(find_config(card_file))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    return Decision(settings).configure(diagnostics, str(card_file))


def _json(document: object) -> str:
    import json

    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _requirement_set(name: str | None) -> RequirementSet | None:
    if name is None:
        return None
    from datacard_lint.export.requirement_sets import available, load

    try:
        return load(name)
    except KeyError:
        raise click.BadParameter(f"no requirement set {name!r}; available: {', '.join(available())}",
                                 param_hint="--require") from None


def _base(base_file: Path | None) -> dict[str, Any] | None:
    if base_file is None:
        return None
    from datacard_lint.export.croissant_merge import NotCroissant, read_base

    try:
        return read_base(base_file)
    except NotCroissant as exc:
        raise click.UsageError(f"--base: {exc}") from None


def _croissant(view: CardView, file: Path, hub_id: str | None, base: dict[str, Any] | None,
               base_file: Path | None, overwrite: bool) -> dict[str, Any]:
    from datacard_lint.export.croissant import to_croissant
    from datacard_lint.export.croissant_merge import NotCroissant, merge

    document = to_croissant(view, hub_id=hub_id, fallback_name=file.resolve().parent.name)
    if base is None:
        if hub_id is None:
            click.echo("datacard-lint: no --hub-id given, so the Croissant `url` (required by the spec) is "
                       "left out and file patterns stay relative to the card's folder", err=True)
        return document
    try:
        merged = merge(base, document, overwrite=overwrite)
    except NotCroissant as exc:
        raise click.UsageError(f"--base: {exc}") from None
    added = [k for k in merged.added if k != "conformsTo"]
    click.echo(f"datacard-lint: merged into {base_file}: added {len(added)} properties"
               + (f", and {', '.join(merged.context_added)} to @context" if merged.context_added else ""), err=True)
    if merged.kept:
        click.echo(f"datacard-lint: kept {len(merged.kept)} values the base already has: "
                   f"{', '.join(merged.kept)} (--overwrite replaces them)", err=True)
    if merged.replaced:
        click.echo(f"datacard-lint: replaced {len(merged.replaced)} values of the base: "
                   f"{', '.join(merged.replaced)}", err=True)
    return merged.document
