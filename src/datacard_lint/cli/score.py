"""`datacard-lint score`: per-requirement governance coverage for each card."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from datacard_lint.cli.options import SettingsOptions, settings_options
from datacard_lint.cli.output import open_output
from datacard_lint.config.files import ConfigError

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult


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
        render = {"text": score_table.render_text, "json": score_table.render_json,
                  "markdown": score_table.render_markdown}[output_format]
        tally = _Tally()
        # Streamed as `check` streams: each card is scored, rendered and let go.
        with open_output(output_file) as stream:
            render(tally.watch(iter_results(engine, collect(local_paths, getattr(settings_for, "is_excluded", first.exclude)))), stream)
    except (ConfigError, ProfileError) as exc:
        raise click.UsageError(str(exc)) from None
    if badge_path is not None and tally.lowest is not None:
        atomic_write_text(badge_path, badge_svg(tally.lowest, chosen.good, chosen.fair))
    ctx.exit(2 if tally.internal else 1 if tally.failed else 0)


class _Tally:
    """What the exit status and the badge need, gathered while the results stream past."""

    def __init__(self) -> None:
        self.lowest: float | None = None
        self.internal = False
        self.failed = False

    def watch(self, results: Iterable[CardResult]) -> Iterator[CardResult]:
        for result in results:
            result.card = None  # no renderer needs the parsed card; keep memory flat
            if result.score is not None:
                overall = result.score.overall
                self.lowest = overall if self.lowest is None else min(self.lowest, overall)
            self.internal = self.internal or bool(result.internal_errors)
            self.failed = self.failed or result.below_min_score() or not result.readable
            yield result
