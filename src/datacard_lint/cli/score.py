"""`datacard-lint score`: per-requirement governance coverage for each card."""

from __future__ import annotations

from pathlib import Path

import click

from datacard_lint.cli.options import SettingsOptions, settings_options
from datacard_lint.cli.output import open_output
from datacard_lint.config.files import ConfigError


@click.command()
@click.argument("paths", nargs=-1, type=str)
@settings_options
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Table for people, JSON with the full breakdown, or Markdown.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the scores to this file (atomically).")
@click.option("--badge", "badge_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write an SVG badge with the (lowest) overall score to this file.")
@click.pass_context
def score(
    ctx: click.Context,
    paths: tuple[str, ...],
    settings: SettingsOptions,
    output_format: str,
    output_file: Path | None,
    badge_path: Path | None,
) -> None:
    """Score how well the cards in PATHS cover the seven governance requirements.

    Exits 1 when a card scores below --min-score (or the configured min-score) or cannot
    be read at all (as `check` reports it), else 0; 2 on a usage or internal error.
    """
    from datacard_lint.collect import collect
    from datacard_lint.engine import Engine
    from datacard_lint.fileio import atomic_write_text
    from datacard_lint.reporters import score_table
    from datacard_lint.reporters.badge import badge_svg
    from datacard_lint.runner import iter_results
    from datacard_lint.scoring.profile import ProfileError, load_profile

    try:
        settings_for = settings.resolver()
        local_paths = [Path(p) for p in (paths or (".",))]
        missing = [p for p in local_paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise click.UsageError(f"path does not exist: {missing[0]}")
        first = settings_for(local_paths[0])
        chosen = load_profile(first.profile)
        engine = Engine(settings_for, want_score=True)
        results = list(iter_results(engine, collect(local_paths, first.exclude)))
    except (ConfigError, ProfileError) as exc:
        raise click.UsageError(str(exc)) from None
    render = {"text": score_table.render_text, "json": score_table.render_json,
              "markdown": score_table.render_markdown}[output_format]
    with open_output(output_file) as stream:
        render(results, stream)
    scored = [r.score.overall for r in results if r.score is not None]
    if badge_path is not None and scored:
        atomic_write_text(badge_path, badge_svg(min(scored), chosen.good, chosen.fair))
    internal = any(r.internal_errors for r in results)
    failed = any(r.below_min_score() or not r.readable for r in results)
    ctx.exit(2 if internal else 1 if failed else 0)
