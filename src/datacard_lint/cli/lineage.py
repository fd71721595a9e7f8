"""`datacard-lint lineage`: the graph of cards and parents, generations and grounded shares."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import click

from datacard_lint.cli.output import open_output
from datacard_lint.lineage.render import FORMATS

if TYPE_CHECKING:
    from datacard_lint.config.settings import Settings
    from datacard_lint.lineage.compute import Flag, LineageReport


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="A report for people, JSON, or a Mermaid or Graphviz DOT graph with shares on the edges.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the output to this file (atomically) instead of standard output.")
@click.option("--floor", type=click.FloatRange(0, 1),
              help="Grounded-share floor below which a generation >= 1 is flagged "
                   "(default: thresholds.grounded-share-floor from the configuration, 0.2).")
@click.option("--allow-external", is_flag=True,
              help="Do not fail on parents that are not available locally: Hub ids and absent data files. "
                   "Missing card paths, cycles and risk flags still fail.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this config file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.pass_context
def lineage(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_format: str,
    output_file: Path | None,
    floor: float | None,
    allow_external: bool,
    config_path: Path | None,
    isolated: bool,
) -> None:
    """Show the lineage of the cards in PATHS and flag model-collapse risk.

    Follows every `renewal.parents` entry whose `path` leads to a local card (relative to
    the folder of the card that names it). A Hub `id` resolves to a card named on the
    command line that sits in a folder OWNER/NAME; nothing is fetched. For every card it
    computes the generation and the compounded grounded share: the share of its records
    that are, through every chain of copying, real records rather than model output.

    A flag the card accepts as `check` would (a `governance.waivers` entry with its reason,
    a `# datacard-lint: disable=` comment, a rule the configuration leaves out or makes a
    warning) is printed as `waived`, with why, and does not fail the run: `check` and
    `lineage` give the same answer for every card.

    Exit status: 0 no risk; 1 a risk flag (compounded grounded share below the floor, or a
    generation >= 1 without fresh grounded data), a cycle, a missing parent or a card that
    cannot be read; 2 usage error.
    """
    from datacard_lint.collect import collect
    from datacard_lint.config.files import ConfigError
    from datacard_lint.lineage.compute import analyse
    from datacard_lint.lineage.graph import CardCache, GraphBuilder, Root, load_roots
    from datacard_lint.lineage.render import RENDERERS

    if any("://" in p for p in paths):
        raise click.UsageError("lineage reads local cards only; download a Hub card before naming it")
    local_paths = [Path(p) for p in (paths or (".",))]
    missing = [p for p in local_paths if not p.exists()]
    if missing:
        raise click.UsageError(f"path does not exist: {missing[0]}")
    try:
        settings = _settings(local_paths[0], config_path, isolated)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    targets = list(collect(local_paths, settings.exclude))
    explicit = {t.display for t in targets if t.explicit}
    cards = CardCache()  # this run's: each parent is parsed once, under the configured limits
    roots: list[Root] = []
    unreadable = 0
    for root in load_roots(((t.path, t.display) for t in targets), cards, settings.limits):
        card = root.card
        if isinstance(card.metadata, dict):
            roots.append(root)
        elif card.path in explicit or card.text is None or card.front_matter is None or card.front_matter.found:
            # A card that cannot be read is a problem with the input, as for `check`: exit 1.
            unreadable += 1
            finding = card.findings[0] if card.findings else None
            where = f"{finding.span.line}:{finding.span.col}: {finding.code}" if finding else "1:1:"
            reason = finding.message if finding else "no YAML front matter"
            click.echo(f"{card.path}:{where} not a readable dataset card: {reason}", err=True)
        # a README.md without front matter found while walking a folder is not a card: skip it
    if not roots:
        if not unreadable:
            click.echo("datacard-lint: no dataset cards found in " + ", ".join(str(p) for p in local_paths), err=True)
        ctx.exit(1 if unreadable else 0)
    graph = GraphBuilder(cards, settings.limits).build(roots)
    report = analyse(graph, settings.thresholds.grounded_share_floor if floor is None else floor)
    _apply_decisions(report, config_path, isolated, floor)
    with open_output(output_file) as stream:
        stream.write(RENDERERS[output_format](report, allow_external))
    if graph.truncated:
        click.echo("datacard-lint: the lineage has too many cards; the graph was cut short", err=True)
    ctx.exit(1 if unreadable or report.failed(allow_external) else 0)


#: The `check` rules that report lineage flags, by flag kind (rule names; codes come from the
#: registry). DCL417 stays silent when the card's collapse risk is reported, so a
#: no-fresh-data flag is then the collapse rule's.
_FLAG_RULES = {
    "collapse-risk": ("grounded-share-below-floor", "compounded-grounded-share-below-floor"),
    "unknown-risk": ("collapse-risk-not-computable",),
    "no-fresh-data": ("generation-without-fresh-data",),
}


def _apply_decisions(report: LineageReport, config_path: Path | None, isolated: bool, floor: float | None) -> None:
    """Move each flag that `check` would not report as an error (waived, suppressed, not
    selected, or not an error) to the card's `waived` list, with why, through the card's
    own `Decision`, so that `lineage` fails exactly where `check` does."""
    from datacard_lint.cli.options import SettingsOptions
    from datacard_lint.config.files import ConfigError
    from datacard_lint.engine import Engine
    from datacard_lint.rules import registry

    flag_codes = {kind: tuple(registry.get(name).code for name in names) for kind, names in _FLAG_RULES.items()}
    risk_codes = frozenset(code for codes in flag_codes.values() for code in codes)
    resolve = SettingsOptions(config_path=config_path, isolated=isolated).resolver()
    engine = Engine()
    for key, figures in report.figures.items():
        node = report.graph.nodes[key]
        if not figures.flags or node.card is None:
            continue
        try:
            settings = resolve(node.file)
        except ConfigError:
            continue  # a parent's broken configuration: its flags stay (check reports the file itself)
        if floor is not None:
            settings = dataclasses.replace(
                settings, thresholds=dataclasses.replace(settings.thresholds, grounded_share_floor=floor))
        findings = engine.raw_findings(node.card, settings, risk_codes)
        accepted = engine.decision(settings).accepted(node.card, findings)
        collapse = any(f.kind == "collapse-risk" for f in figures.flags)
        kept: list[Flag] = []
        for flag in figures.flags:
            wanted = flag_codes[flag.kind] + (flag_codes["collapse-risk"] if flag.kind == "no-fresh-data"
                                              and collapse else ())
            found = [i for i, f in enumerate(findings) if f.code in wanted]
            if found and all(i in accepted for i in found):
                figures.waived.append((flag, accepted[found[0]]))
            else:
                kept.append(flag)  # reported by `check`, or found only here (a Hub id matched on the command line)
        figures.flags = kept


def _settings(first: Path, config_path: Path | None, isolated: bool) -> Settings:
    from datacard_lint.cli.options import SettingsOptions

    return SettingsOptions(config_path=config_path, isolated=isolated).resolver()(first)
