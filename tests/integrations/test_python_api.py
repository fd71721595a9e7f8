"""The Python API gives exactly the diagnostics and scores the CLI prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import datacard_lint
from datacard_lint.cli.main import main
from datacard_lint.config.files import ConfigError
from datacard_lint.config.settings import Settings
from datacard_lint.reporters.json_report import card_dict

ROOT = Path(__file__).resolve().parents[2]
# Every example card: the README.md files below examples/, except the index examples/README.md.
EXAMPLES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").glob("*/**/README.md"))
GOOD = [
    "examples/synthetic-instruct/README.md",
    "examples/web-crawl-pretraining/README.md",
    "examples/human-survey/README.md",
]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def cli_cards() -> dict[str, dict[str, object]]:
    """The CLI's JSON report of examples/, with scores, from a separate process."""
    proc = subprocess.run(
        [sys.executable, "-m", "datacard_lint", "check", "--format", "json", "--min-score", "0", "examples/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # the broken example fails
    return {card["path"]: card for card in json.loads(proc.stdout)["cards"]}


def test_examples_are_all_covered(cli_cards: dict[str, dict[str, object]]) -> None:
    assert sorted(cli_cards) == EXAMPLES and len(EXAMPLES) >= 6


@pytest.mark.parametrize("path", EXAMPLES)
def test_lint_path_equals_cli(path: str, cli_cards: dict[str, dict[str, object]]) -> None:
    result = datacard_lint.lint_path(path, score=True)
    assert card_dict(result) == cli_cards[path]


@pytest.mark.parametrize("path", EXAMPLES)
def test_lint_text_equals_cli(path: str, cli_cards: dict[str, dict[str, object]]) -> None:
    text = (ROOT / path).read_text("utf-8")
    result = datacard_lint.lint_text(text, path=path, score=True)
    assert card_dict(result) == cli_cards[path]


@pytest.mark.parametrize("path", EXAMPLES)
def test_score_card_equals_cli(path: str, cli_cards: dict[str, dict[str, object]]) -> None:
    assert datacard_lint.score_card(path).to_dict() == cli_cards[path]["score"]
    unscored = datacard_lint.lint_path(Path(path))
    assert unscored.score is None
    assert datacard_lint.score_card(unscored).to_dict() == cli_cards[path]["score"]


@pytest.mark.parametrize("path", EXAMPLES)
def test_lint_card_equals_cli_on_the_loaded_file(path: str, cli_cards: dict[str, dict[str, object]]) -> None:
    from huggingface_hub import DatasetCard

    card = DatasetCard.load(ROOT / path)
    result = datacard_lint.lint_card(card, path=path, score=True)
    assert card_dict(result) == cli_cards[path]


def test_an_edited_card_is_linted_as_huggingface_hub_would_save_it() -> None:
    from huggingface_hub import DatasetCard

    text = ("---\nlicense: mit\nlanguage:\n  - en\n  - no  # datacard-lint: disable=DCL904 -- Norwegian\n"
            "---\n# Card\n")
    card = DatasetCard(text)
    assert "DCL904" not in {d.code for d in datacard_lint.lint_card(card).diagnostics}
    card.data.pretty_name = "Edited"
    # Re-serialised: the comment, and with it the suppression, is gone; `no` is written `false`.
    assert "# datacard-lint" not in card.content and "- false" in card.content
    assert "DCL904" in {d.code for d in datacard_lint.lint_card(card).diagnostics}


CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the checkout")
def test_lint_card_equals_lint_path_on_real_cards() -> None:
    from huggingface_hub import DatasetCard

    files = sorted((CORPUS / "hub-2023").iterdir())[:150] + sorted((CORPUS / "oddities").iterdir())
    compared = 0
    for file in files:
        try:
            card = DatasetCard.load(file, ignore_metadata_errors=True)
        except Exception:  # huggingface_hub refuses it (not UTF-8, a list as metadata...): nothing to compare
            continue
        expected = [d for d in datacard_lint.lint_path(file, settings=Settings()).diagnostics
                    if d.code != "DCL004"]  # huggingface_hub strips a byte-order mark when loading
        got = datacard_lint.lint_card(card, path=expected[0].path if expected else "<card>", settings=Settings())
        assert [d.to_dict() for d in got.diagnostics] == [d.to_dict() for d in expected], file.name
        compared += 1
    assert compared >= 300


def test_lint_card_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="content"):
        datacard_lint.lint_card(object())  # type: ignore[arg-type]


def test_settings_from_an_object_or_a_config_file(tmp_path: Path) -> None:
    text = (ROOT / "examples/legacy-hub-card/README.md").read_text("utf-8")
    assert "DCL901" in {d.code for d in datacard_lint.lint_text(text).diagnostics}
    config = tmp_path / ".datacard-lint.toml"
    config.write_text('ignore = ["DCL901"]\n', "utf-8")
    assert "DCL901" not in {d.code for d in datacard_lint.lint_text(text, settings=config).diagnostics}
    assert "DCL901" not in {d.code for d in datacard_lint.lint_text(text, settings=str(config)).diagnostics}
    ignoring = Settings(ignore=("DCL901",))
    assert "DCL901" not in {d.code for d in datacard_lint.lint_text(text, settings=ignoring).diagnostics}
    with pytest.raises(ConfigError):
        datacard_lint.lint_text(text, settings=tmp_path / "missing.toml")


def test_lint_path_discovers_configuration_like_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "data" / "README.md"
    card.parent.mkdir()
    card.write_text((ROOT / "examples/legacy-hub-card/README.md").read_text("utf-8"), "utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.datacard-lint]\nignore = ["DCL901"]\n', "utf-8")
    capsys.readouterr()
    main(["check", "--format", "json", str(card)])
    cli = json.loads(capsys.readouterr().out)["cards"][0]
    assert card_dict(datacard_lint.lint_path(card)) == cli
    assert "DCL901" not in {d["code"] for d in cli["diagnostics"]}


def test_text_problems_are_diagnostics_not_exceptions() -> None:
    result = datacard_lint.lint_text("---\n[unclosed\n---\n", path="bad.md", score=True)
    assert result.path == "bad.md"
    assert [d.code for d in result.diagnostics][:1] == ["DCL010"]
    assert result.score is not None
    json_result = datacard_lint.lint_text('{"governance": {"schema_version": "1.0"}}', kind="json")
    assert all(d.path == "<string>" for d in json_result.diagnostics)


def test_importing_the_package_stays_light() -> None:
    code = (
        "import sys, datacard_lint; "
        "assert 'datacard_lint.engine' not in sys.modules and 'jsonschema' not in sys.modules; "
        "assert callable(datacard_lint.lint_text) and 'datacard_lint.api' in sys.modules; "
        "assert set(datacard_lint.__all__) >= {'lint_text', 'lint_path', 'lint_card', 'score_card'}"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_result_types_are_exported_and_typed() -> None:
    from datacard_lint.diagnostics import Diagnostic, Severity
    from datacard_lint.engine import CardResult
    from datacard_lint.scoring.model import CardScore

    assert datacard_lint.CardResult is CardResult and datacard_lint.Diagnostic is Diagnostic
    assert datacard_lint.CardScore is CardScore and datacard_lint.Severity is Severity
    assert set(datacard_lint.__all__) >= {"CardResult", "Diagnostic", "CardScore", "Severity"}
    assert (Path(datacard_lint.__file__).parent / "py.typed").is_file()


def test_api_scores_are_exact_and_the_json_rounding_is_to_dict(tmp_path: Path) -> None:
    text = (ROOT / "examples/synthetic-instruct/README.md").read_text("utf-8")
    score = datacard_lint.lint_text(text, score=True).score
    assert score is not None
    assert score.to_dict()["overall"] == round(score.overall, 1)
