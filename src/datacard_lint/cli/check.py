"""`datacard-lint check`: lint cards and exit 0 (clean), 1 (errors) or 2 (could not run)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from datacard_lint.cli.options import resolver, settings_options
from datacard_lint.cli.output import open_output
from datacard_lint.config.files import ConfigError
from datacard_lint.reporters import REPORTERS


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
@click.option("-j", "--jobs", type=click.IntRange(0), default=1, show_default=True,
              help="Worker processes (0 = one per CPU).")
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    config_path: Path | None,
    isolated: bool,
    select: tuple[str, ...] | None,
    extend_select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    exclude: tuple[str, ...],
    profile: str | None,
    min_score: float | None,
    as_of: object,
    output_format: str | None,
    output_file: Path | None,
    force_exclude: bool,
    statistics: bool,
    exit_zero: bool,
    show_settings: bool,
    show_files: bool,
    hide_help: bool,
    jobs: int,
) -> None:
    """Check dataset cards (README.md, or card .yaml/.yml/.json files) in PATHS.

    Files named explicitly are always checked; directories are searched for README.md
    files and for YAML/JSON files that carry a governance block.
    """
    from datacard_lint.collect import collect
    from datacard_lint.engine import Engine
    from datacard_lint.reporters import get_reporter
    from datacard_lint.reporters.base import Summary
    from datacard_lint.runner import iter_results

    try:
        settings_for = resolver(config_path, isolated, select, extend_select, ignore, exclude, profile, min_score,
                                as_of)  # type: ignore[arg-type]
        local_paths = [Path(p) for p in (paths or (".",))]
        missing = [p for p in local_paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise click.UsageError(f"path does not exist: {missing[0]}")
        first = settings_for(local_paths[0])
        if show_settings:
            click.echo(json.dumps(first.to_dict(), indent=2))
            ctx.exit(0)
        targets = list(collect(local_paths, first.exclude, force_exclude))
        if show_files:
            for target in targets:
                click.echo(target.display)
            ctx.exit(0)
        reporter_cls = get_reporter(output_format or default_format())
        engine = Engine(settings_for, want_score=reporter_cls.wants_scores)
        summary = Summary()
        with open_output(output_file) as stream:
            reporter = reporter_cls(stream, statistics=statistics, show_help=not hide_help)
            reporter.start()
            for result in iter_results(engine, targets, jobs):
                summary.add(result)
                reporter.file(result)
            reporter.finish(summary)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    for message in _internal(summary):
        click.echo(f"datacard-lint: {message}", err=True)
    ctx.exit(exit_status(summary, exit_zero))


def _internal(summary: object) -> list[str]:
    return []


def exit_status(summary: object, exit_zero: bool) -> int:
    from datacard_lint.reporters.base import Summary

    assert isinstance(summary, Summary)
    if summary.internal_errors:
        return 2
    if exit_zero:
        return 0
    return 1 if summary.errors or summary.below_min_score else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(check())
