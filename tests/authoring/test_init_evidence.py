"""`init` pre-fills what the card's own text says about generated data, for the author to confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from datacard_lint.cli.main import main

GENERATED = (
    b"---\r\nlicense: cc-by-4.0\r\nlanguage: [en]\r\n---\r\n# Everyday paraphrases\r\n\r\n"
    b"Source sentences come from public-domain novels. The paraphrases were generated with\r\n"
    b"gpt-3.5-turbo-0613, seeded with questions from SQuAD, and spot-checked by two annotators.\r\n"
)
EVALUATED = (
    b"---\nlicense: cc-by-4.0\n---\n# Exam questions\n\n"
    b"Questions were written by teachers. We evaluate GPT-4 on them and report accuracy below.\n"
)


def _init(tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[bytes, str]:
    card = tmp_path / "README.md"
    card.write_bytes(data)
    assert main(["init", str(card)]) == 0
    return card.read_bytes(), capsys.readouterr().err


def test_init_prefills_the_generated_part_with_its_model_and_seed(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    new, err = _init(tmp_path, GENERATED, capsys)
    start, end = new.index(b"governance:"), new.index(b"---\r\n# Everyday")
    assert new[:start] + new[end:] == GENERATED  # every other byte kept
    block = yaml.safe_load(new[start:end])["governance"]
    origin = block["parts"][0]["origin"]
    assert origin["class"] == "model_generated"
    assert origin["generators"][0]["model"].startswith("TODO: confirm GPT-3.5")
    assert origin["seed_source"] == "TODO: confirm SQuAD"
    # The comments cite the evidence at its line in the new file (where "generated with" is).
    lines = new.decode().splitlines()
    evidence_line = next(i for i, line in enumerate(lines, 1) if line.startswith("Source sentences"))
    cited = [line for line in lines if "named on line" in line]
    assert len(cited) == 2 and all(line.endswith(f"named on line {evidence_line}") for line in cited)
    assert "model_generated because the card says line" in err


def test_init_does_not_infer_generation_from_an_evaluation(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    new, err = _init(tmp_path, EVALUATED, capsys)
    block = yaml.safe_load(new[new.index(b"governance:"):new.index(b"---\n# Exam")])["governance"]
    assert block["parts"][0]["origin"]["class"] == "TODO"
    assert "model_generated" not in err
