"""The Python API: lint and score cards from code with the CLI's exact diagnostics and scores.

Settings work as on the command line: unless given, they come from the configuration file
the CLI would discover (`[tool.datacard-lint]` in pyproject.toml or `.datacard-lint.toml`),
searched upwards from the card's file, or from the working directory for text and card
objects. Pass a `Settings` object, or the path of a configuration file, to choose them.
A configuration problem raises `datacard_lint.config.files.ConfigError`; problems with the
card itself never raise, they are diagnostics in the result.

    import datacard_lint

    result = datacard_lint.lint_path("data/README.md", score=True)
    for d in result.diagnostics:
        print(f"{d.path}:{d.line}:{d.col}: {d.code} {d.message}")
    print(result.score.overall)

Scores are exact: `score.overall` is the number `--min-score` is compared with, so
`score.overall < 60` is the CLI's verdict. The CLI's JSON output rounds to one decimal
(`score.to_dict()` gives exactly that) and its text output to whole numbers.

`lint_card` lints a `huggingface_hub` card as the file it was loaded from when the card is
unchanged since loading, so line numbers and `# datacard-lint:` comments are the file's.
Once the card is edited in Python, huggingface_hub re-serialises the metadata: comments
(and so inline suppressions), quoting and key spelling are lost, which is why lasting
exceptions belong in the card's data rather than in YAML comments.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from datacard_lint.config.settings import Settings

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult
    from datacard_lint.loading.card import CardKind
    from datacard_lint.scoring.model import CardScore

__all__ = ["lint_card", "lint_path", "lint_text", "score_card"]

SettingsLike: TypeAlias = "Settings | str | os.PathLike[str] | None"


class HasContent(Protocol):
    """What `lint_card` needs: `huggingface_hub.DatasetCard` and `RepoCard` have it."""

    @property
    def content(self) -> str: ...


def lint_text(
    text: str,
    *,
    path: str = "<string>",
    kind: CardKind = "markdown",
    settings: SettingsLike = None,
    score: bool = False,
) -> CardResult:
    """Lint a card given as text. `path` only labels the diagnostics; `kind` is how to parse it."""
    from datacard_lint.engine import Engine

    resolved = _settings(settings, None)
    return Engine(resolved, want_score=score).check_text(text, path, kind, resolved)


def lint_path(path: str | os.PathLike[str], *, settings: SettingsLike = None, score: bool = False) -> CardResult:
    """Lint one card file (README.md, or a card .yaml/.yml/.json), labelled as the CLI labels it."""
    from datacard_lint.collect import display_path
    from datacard_lint.engine import Engine

    file = Path(path)
    resolved = _settings(settings, file)
    return Engine(resolved, want_score=score).check_path(file, display_path(file))


def lint_card(
    card: HasContent, *, path: str = "<card>", settings: SettingsLike = None, score: bool = False
) -> CardResult:
    """Lint a `huggingface_hub` card object (`DatasetCard`, `RepoCard`).

    A card unchanged since it was loaded is linted as the text it was loaded from, exactly
    as `datacard-lint check` lints that file. An edited card is linted through `content`,
    the text `huggingface_hub` would save: its metadata re-serialised, so line numbers refer
    to that text and YAML comments (inline suppressions among them) are gone.
    """
    content = getattr(card, "content", None)
    if not isinstance(content, str):
        raise TypeError(f"expected a huggingface_hub card with a `content` string, got {type(card).__name__}")
    text = _loaded_text(card)
    return lint_text(text if text is not None else content, path=path, kind="markdown", settings=settings,
                     score=score)


def _loaded_text(card: object) -> str | None:
    """The text the card was loaded from, if its data and body still say the same.

    `huggingface_hub.RepoCard` keeps it as `_content`; parsing it again with the card's own
    class and comparing data and text proves that nothing was changed after loading.
    """
    original = getattr(card, "_content", None)
    data = getattr(card, "data", None)
    if not isinstance(original, str) or data is None or not hasattr(data, "to_dict"):
        return None
    try:
        again: Any = type(card)(original, ignore_metadata_errors=True)  # type: ignore[call-arg]
        same = again.data.to_dict() == data.to_dict() and again.text == getattr(card, "text", None)
    except Exception:  # a card class we do not know: fall back to `content`
        return None
    return original if same else None


def score_card(source: str | os.PathLike[str] | HasContent | CardResult, *, settings: SettingsLike = None) -> CardScore:
    """The governance score of a card file (a path), a `huggingface_hub` card, or a lint result.

    To score text, use ``lint_text(text, score=True).score``.
    """
    from datacard_lint.engine import CardResult

    if isinstance(source, CardResult):
        result = source
    elif isinstance(source, (str, os.PathLike)):
        result = lint_path(source, settings=settings, score=True)
    else:
        result = lint_card(source, settings=settings, score=True)
    if result.score is None:
        result.score = _compute(result)
    return result.score


def _compute(result: CardResult) -> CardScore:
    from datacard_lint.loading.card import Card
    from datacard_lint.scoring.compute import score_card as compute

    card = result.card if result.card is not None else Card(path=result.path, kind="markdown")
    return compute(card, result.diagnostics, result.settings)


def _settings(settings: SettingsLike, path: Path | None) -> Settings:
    """The settings the CLI would use for `path` (or the working directory)."""
    from datacard_lint.config.files import ConfigError, find_config, load_settings

    if isinstance(settings, Settings):
        return settings
    if settings is not None:
        config = Path(settings)
        if not config.is_file():
            raise ConfigError(f"config file not found: {config}")
        return load_settings(config.resolve())
    return load_settings(find_config(path if path is not None else Path.cwd()))
