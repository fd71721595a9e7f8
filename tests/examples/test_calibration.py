"""Calibration: the score orders pairs of real releases the way their public reports do.

Each pair names two gallery cards where the first release is plainly more transparent than
the second, with the reason from the releases' own reports. The score must put the first
strictly above the second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

REPO = Path(__file__).resolve().parents[2]

#: (more transparent, less transparent, why: from the public reports)
PAIRS = [
    ("gallery/dolly-15k", "gallery/gpt3-training-mix",
     "Dolly releases every record with who wrote it and under what instructions; GPT-3's mix is "
     "unreleased and the origin of its two books corpora was never published."),
    ("gallery/hh-rlhf", "gallery/gpt3-training-mix",
     "HH-RLHF releases its data and describes the crowdworkers and models per subset; GPT-3 publishes "
     "only mixture weights, with undisclosed books sources."),
    ("gallery/cosmopedia", "gallery/personahub",
     "Cosmopedia names its generating model (Mixtral-8x7B-Instruct) and releases its prompts; "
     "PersonaHub's sources do not name the model that wrote its personas."),
    ("gallery/ultrafeedback", "gallery/personahub",
     "UltraFeedback names all 17 completion models and GPT-4 as the rater; PersonaHub names no "
     "generating model."),
    ("gallery/alpaca", "gallery/personahub",
     "Alpaca names text-davinci-003 and releases its generation script and seeds; PersonaHub names "
     "no generating model."),
    ("gallery/fineweb", "gallery/personahub",
     "FineWeb publishes every processing step with its code (datatrove) and the ablations behind "
     "each filter; PersonaHub does not name the models that generated its data."),
    ("gallery/deepmind-mathematics", "gallery/personahub",
     "The mathematics dataset comes from a deterministic generator whose code is released, so "
     "every item can be regenerated and its answer re-derived; PersonaHub names no generating model."),
    ("gallery/cosmopedia", "gallery/gpt3-training-mix",
     "Cosmopedia names its generating model and releases its prompts and pipeline; GPT-3's mix is "
     "unreleased and the origin of its two books corpora was never published."),
]


def _overall(card: str, capsys: pytest.CaptureFixture[str]) -> float:
    main(["score", "--format", "json", "--as-of", "2026-11-24", f"examples/{card}/README.md"])
    (result,) = json.loads(capsys.readouterr().out)["cards"]
    return float(result["score"]["overall"])


@pytest.mark.parametrize(("better", "worse", "why"), PAIRS, ids=[f"{a}>{b}" for a, b, _ in PAIRS])
def test_the_more_transparent_release_scores_higher(better: str, worse: str, why: str,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert _overall(better, capsys) > _overall(worse, capsys), why


def test_every_pair_names_gallery_cards() -> None:
    for better, worse, why in PAIRS:
        assert (REPO / "examples" / better / "README.md").is_file() and (REPO / "examples" / worse / "README.md").is_file()
        assert len(why) > 40
