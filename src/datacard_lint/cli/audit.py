"""`datacard-lint audit`: lint and score a whole corpus, then report on it as HTML and JSON."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from datacard_lint.cli.options import SettingsOptions, settings_options
from datacard_lint.config.files import ConfigError
from datacard_lint.config.settings import Settings

T = TypeVar("T")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@settings_options
@click.option("--hub-list", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Audit the Hub dataset cards listed in FILE (one OWNER/NAME[@REVISION] per line, "
                   "'#' starts a comment). Needs datacard-lint[hub] and network access.")
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write audit.html and audit.json into this directory (created if needed).")
@click.option("--glob", "name_glob", metavar="PATTERN",
              help="Treat every file whose name matches PATTERN (e.g. '*.md') as a card, instead of "
                   "README.md and governance-carrying YAML/JSON files.")
@click.option("--top", type=click.IntRange(1), default=25, show_default=True,
              help="How many of the most frequent findings to list.")
@click.option("-j", "--jobs", type=click.IntRange(0), default=1, show_default=True,
              help="Worker processes (0 = one per CPU).")
@click.pass_context
def audit(
    ctx: click.Context,
    paths: tuple[Path, ...],
    settings: SettingsOptions,
    hub_list: Path | None,
    output_dir: Path | None,
    name_glob: str | None,
    top: int,
    jobs: int,
) -> None:
    """Lint and score every card under the directories PATHS (or listed by --hub-list).

    Prints a short summary; with --output, also writes a self-contained HTML report
    (coverage per requirement, score histogram, most frequent findings, Hub metadata
    errors, generated content that the cards' own text shows) and the JSON behind it.
    Findings do not change the exit status: 0 when the audit ran, 2 on a usage error or
    when some Hub cards could not be fetched.
    """
    from datacard_lint.audit.aggregate import Audit
    from datacard_lint.audit.collect import Sources, local_sources
    from datacard_lint.engine import Engine
    from datacard_lint.runner import iter_results

    if not paths and hub_list is None:
        raise click.UsageError("give a directory to audit, or --hub-list FILE")
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"path does not exist: {missing[0]}")
    try:
        settings_for: Callable[[Path | None], Settings] = settings.resolver()
        first = settings_for(paths[0] if paths else None)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    sources = local_sources(paths, first.exclude, name_glob) if paths else Sources()
    if hub_list is not None:
        _fetch(ctx, hub_list, sources)
        hub_files = frozenset(sources.hub_files)
        local_settings = settings_for
        settings_for = lambda path: local_settings(None if path in hub_files else path)  # noqa: E731
    report = Audit(profile=first.profile, as_of=(first.as_of.isoformat() if first.as_of else _today()),
                   source=", ".join([str(p) for p in paths] + ([f"hub list {hub_list}"] if hub_list else [])))
    for card, reason in sources.failures:
        report.add_failure(card, reason)
        click.echo(f"datacard-lint: {reason}", err=True)
    engine = Engine(settings_for, want_score=True)
    for result in _progress(iter_results(engine, sources.targets, jobs), len(sources.targets), "Auditing"):
        report.add(result)
    data = report.to_dict(top=top, cards=False)
    click.echo(summary_text(data))
    if output_dir is not None:
        _write(output_dir, data, report.iter_cards())
    report.close()
    ctx.exit(2 if sources.failures else 0)


def _fetch(ctx: click.Context, hub_list: Path, sources: Any) -> None:
    from datacard_lint.audit.collect import hub_sources
    from datacard_lint.hub.remote import HubError

    cache = Path(tempfile.mkdtemp(prefix="datacard-lint-audit-"))
    ctx.call_on_close(lambda: shutil.rmtree(cache, ignore_errors=True))
    try:
        hub_sources(hub_list, cache, sources, progress=_progress)
    except HubError as exc:
        raise click.UsageError(str(exc)) from None


def _today() -> str:
    import datetime as _dt

    return _dt.date.today().isoformat()


def _progress(results: Iterable[T], total: int, label: str) -> Iterator[T]:
    """A progress bar on stderr only when a person is watching it."""
    if not sys.stderr.isatty() or total < 2:
        yield from results
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
        for result in results:
            bar.update(1)
            yield result


def _write(directory: Path, data: dict[str, Any], cards: Iterable[dict[str, Any]]) -> None:
    from datacard_lint.audit.report_html import render_html
    from datacard_lint.fileio import atomic_write_chunks, atomic_write_text

    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write_chunks(directory / "audit.json", (part.encode("utf-8") for part in audit_json(data, cards)))
        atomic_write_text(directory / "audit.html", render_html(data))
    except OSError as exc:
        click.echo(f"datacard-lint: cannot write the report to {directory}: {exc.strerror or exc}", err=True)
        raise click.exceptions.Exit(2) from None
    click.echo(f"Wrote {directory / 'audit.html'} and {directory / 'audit.json'}", err=True)


def audit_json(data: dict[str, Any], cards: Iterable[dict[str, Any]]) -> Iterator[str]:
    """audit.json as `json.dumps(indent=2)` writes it, in pieces, with the card rows
    streamed in from the audit's spool one at a time."""
    document = {k: v for k, v in data.items() if k != "worst_cards"}
    head = json.dumps({k: document[k] for k in document if k not in ("cards", "not_fetched")},
                      indent=2, ensure_ascii=False)[:-2]
    yield head + ',\n  "cards": ['
    count = 0
    for row in cards:
        yield ("," if count else "") + "\n    " + json.dumps(row, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        count += 1
    yield "\n  ]" if count else "]"
    tail = json.dumps({"not_fetched": document["not_fetched"]}, indent=2, ensure_ascii=False)
    yield ",\n" + tail[2:] + "\n"


def summary_text(data: dict[str, Any]) -> str:
    """The audit in a few lines for the terminal."""
    totals, scores, hub = data["totals"], data["scores"], data["hub"]
    lines = [f"Audited {totals['cards']:,} cards ({totals['status']['with_governance']:,} with a governance block)."]
    if scores["count"]:
        lines.append(f"Scores: mean {scores['mean']}, median {scores['median']}, min {scores['min']}, "
                     f"max {scores['max']}")
        lines.append("  " + "  ".join(f"{b['from']}-{b['to']}:{b['cards']}" for b in scores["histogram"]))
    findings = totals["findings"]
    lines.append(f"Findings: {findings['error']:,} errors, {findings['warning']:,} warnings, {findings['info']:,} info")
    for item in data["findings"][:10]:
        lines.append(f"  {item['code']} {item['name']}: {item['occurrences']:,} in {item['cards']:,} cards")
    lines.append(f"Hub metadata (DCL8xx): {hub['errors']:,} errors in {hub['cards_with_errors']:,} cards")
    generated = data.get("generated_content")
    if generated and (generated["cards_undeclared"] or generated["cards_declared_human"]):
        named = ", ".join(f"{m['model']} ({m['cards']:,})" for m in generated["models"][:5])
        lines.append(f"Generated content undeclared (DCL613): {generated['cards_undeclared']:,} cards; declared "
                     f"human (DCL614): {generated['cards_declared_human']:,}" + (f"; models named: {named}" if named
                                                                                   else ""))
    if totals["not_fetched"]:
        lines.append(f"Not fetched: {totals['not_fetched']:,} cards")
    return "\n".join(lines)
