"""`datacard-lint check`: lint cards and exit 0 (clean), 1 (errors) or 2 (could not run)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from datacard_lint.cli import fixing
from datacard_lint.cli.options import SettingsOptions, settings_options
from datacard_lint.cli.output import open_output
from datacard_lint.collect import Target
from datacard_lint.config.files import ConfigError
from datacard_lint.config.settings import Settings
from datacard_lint.hub import is_hub_path
from datacard_lint.reporters import REPORTERS
from datacard_lint.reporters.base import Summary
from datacard_lint.reporters.color import use_color

if TYPE_CHECKING:
    from datacard_lint.hub.remote import HubRef


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS else "text"


@click.command()
@click.argument("paths", nargs=-1, type=str)
@settings_options
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTERS)), default=None,
              help="Output format (default: text; github inside GitHub Actions).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes even to files named explicitly.")
@click.option("--statistics", is_flag=True, help="Count findings per rule after the report.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when error-level findings are reported.")
@click.option("--show-settings", is_flag=True, help="Print the resolved settings for the first path and exit.")
@click.option("--show-files", is_flag=True, help="List the files that would be checked and exit.")
@click.option("--no-help", "hide_help", is_flag=True, help="Omit the indented help lines in text output.")
@click.option("--hub-list", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also check the Hub dataset cards listed in FILE: one OWNER/NAME[@REVISION] per line, "
                   "'#' starts a comment. Needs datacard-lint[hub].")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour text output: on a terminal (auto, honouring NO_COLOR and FORCE_COLOR), always or never.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line, no notes.")
@click.option("--glob", "globs", multiple=True,
              help="In directories, also check files matching this pattern (e.g. '*.md'; repeatable). "
                   "A pattern without '/' matches file names.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the cards, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes that need review.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff and write nothing (exit 1 if there is anything to fix).")
@click.option("-j", "--jobs", type=click.IntRange(0), default=1, show_default=True,
              help="Worker processes (0 = one per CPU).")
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    settings: SettingsOptions,
    output_format: str | None,
    output_file: Path | None,
    force_exclude: bool,
    statistics: bool,
    exit_zero: bool,
    show_settings: bool,
    show_files: bool,
    hide_help: bool,
    hub_list: Path | None,
    color: str,
    quiet: bool,
    globs: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    jobs: int,
) -> None:
    """Check dataset cards (README.md, or card .yaml/.yml/.json files) in PATHS.

    Files named explicitly are always checked; directories are searched for README.md
    files and for YAML/JSON files that carry a governance block. A path
    hf://datasets/OWNER/NAME[@REVISION] fetches that dataset's card from the Hugging Face
    Hub (needs datacard-lint[hub]); a card that cannot be fetched makes the exit status 2.
    """
    from datacard_lint.collect import collect
    from datacard_lint.engine import Engine
    from datacard_lint.reporters import get_reporter
    from datacard_lint.runner import iter_results

    try:
        settings_for: Callable[[Path | None], Settings] = settings.resolver()
        hub_refs = _hub_refs(paths, hub_list)
        local_paths = [Path(p) for p in paths if not is_hub_path(p)] or ([] if hub_refs else [Path(".")])
        missing = [p for p in local_paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise click.UsageError(f"path does not exist: {missing[0]}")
        first = settings_for(local_paths[0] if local_paths else None)
        if show_settings:
            click.echo(json.dumps(first.to_dict(), indent=2))
            ctx.exit(0)
        # A generator: cards are found while earlier ones are checked, so memory stays flat.
        targets: Iterable[Target] = collect(local_paths, _excluder(settings_for, first), force_exclude, globs)
        if show_files:
            for target in targets:
                click.echo(target.display)
            for ref in hub_refs:
                click.echo(ref.display)
            ctx.exit(0)
        fetch_failed = False
        if hub_refs:
            targets = list(targets)
            settings_for, fetch_failed = _add_hub_targets(ctx, hub_refs, targets, settings_for)
        reporter_cls = get_reporter(output_format or default_format())
        engine = Engine(settings_for, want_score=reporter_cls.wants_scores)
        summary = Summary()
        tally = fixing.FixTally()
        if fix or show_diff:
            remote_files = settings_for.hub_files if isinstance(settings_for, _HubAware) else frozenset()
            results = fixing.fixed_results(engine, targets, unsafe=unsafe_fixes, diff=show_diff,
                                           remote=remote_files, tally=tally)
        else:
            results = iter_results(engine, targets, jobs)
        if show_diff:
            for result in results:
                summary.add(result)
        else:
            with open_output(output_file) as stream:
                reporter = reporter_cls(stream, statistics=statistics, show_help=not hide_help,
                                        color=use_color(color, stream) if output_file is None else color == "always",
                                        quiet=quiet)
                reporter.start()
                for result in results:
                    summary.add(result)
                    reporter.file(result)
                reporter.finish(summary)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    for message in summary.internal_messages:
        click.echo(f"datacard-lint: internal error: {message}", err=True)
    if (fix or show_diff) and not quiet:
        fixing.report(tally, diff=show_diff)
    elif tally.failed_writes:
        fixing.report(fixing.FixTally(failed_writes=tally.failed_writes), diff=False)
    if show_diff:
        ctx.exit(2 if fetch_failed or summary.internal_errors else (1 if tally.fixed else 0))
    ctx.exit(2 if fetch_failed or tally.failed_writes else exit_status(summary, exit_zero))


def _hub_refs(paths: tuple[str, ...], hub_list: Path | None) -> list[HubRef]:
    if hub_list is None and not any(is_hub_path(p) for p in paths):
        return []
    from datacard_lint.hub import remote  # only when the Hub is named

    try:
        refs = [remote.parse_hub_path(p) for p in paths if is_hub_path(p)]
        return refs + (remote.read_hub_list(hub_list) if hub_list is not None else [])
    except remote.HubError as exc:
        raise click.UsageError(str(exc)) from None


def _add_hub_targets(
    ctx: click.Context,
    refs: list[HubRef],
    targets: list[Target],
    settings_for: Callable[[Path | None], Settings],
) -> tuple[Callable[[Path | None], Settings], bool]:
    """Fetch Hub cards into a cache that lives for this run, append them to `targets` and
    report failures on stderr. Returns the settings function and whether any fetch failed.

    A fetched card is configured like a file in the working directory, not by whatever
    configuration lies above the cache directory.
    """
    import shutil  # only when fetching: a local check does not pay for these imports
    import tempfile

    from datacard_lint.hub import remote

    cache = Path(tempfile.mkdtemp(prefix="datacard-lint-hub-"))
    ctx.call_on_close(lambda: shutil.rmtree(cache, ignore_errors=True))
    hub_files: set[Path] = set()
    failed = False
    for item in remote.fetch_all(refs, cache):
        if item.path is None:
            failed = True
            click.echo(f"datacard-lint: {item.error}", err=True)
        else:
            hub_files.add(item.path)
            targets.append(Target(item.path, item.ref.display, explicit=True))
    return _HubAware(settings_for, frozenset(hub_files)), failed


@dataclass(frozen=True, slots=True)
class _HubAware:
    """Settings per file, with fetched Hub cards configured from the working directory.

    A class rather than a closure so that `--jobs` workers can receive it pickled.
    """

    settings_for: Callable[[Path | None], Settings]
    hub_files: frozenset[Path]

    def __call__(self, path: Path | None) -> Settings:
        return self.settings_for(None if path in self.hub_files else path)


def _excluder(
    settings_for: Callable[[Path | None], Settings], first: Settings
) -> tuple[str, ...] | Callable[[Path], bool]:
    """Per-path exclusion with each config's globs relative to its file (see SettingsResolver)."""
    from datacard_lint.cli.options import SettingsResolver

    return settings_for.is_excluded if isinstance(settings_for, SettingsResolver) else first.exclude


def exit_status(summary: Summary, exit_zero: bool) -> int:
    """2 when the linter itself failed, else 1 for error-level findings or low scores (unless --exit-zero)."""
    if summary.internal_errors:
        return 2
    if exit_zero:
        return 0
    return 1 if summary.errors or summary.below_min_score else 0

