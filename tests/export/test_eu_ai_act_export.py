"""`export --to eu-ai-act`: sections 2.3 and 2.5 of the training-content summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from datacard_lint.cli.main import main
from datacard_lint.export.eu_ai_act import NOT_DOCUMENTED

REPO = Path(__file__).resolve().parents[2]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def summary(card: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    code, out, _ = run(["export", "--to", "eu-ai-act", "--format", "json", str(card)], capsys)
    assert code == 0
    return json.loads(out)["sections"]


def test_crawled_data(capsys: pytest.CaptureFixture[str]) -> None:
    sections = summary(REPO / "examples" / "web-crawl-pretraining" / "README.md", capsys)
    crawled = sections["2.3"]
    assert crawled["used"] == "yes"
    assert crawled["crawler_names"] == NOT_DOCUMENTED
    assert crawled["top_domain_names"] == NOT_DOCUMENTED
    assert crawled["collection_period"] == {"start": "2019-01-01", "end": "2024-12-31"}
    assert [p["id"] for p in crawled["parts"]] == ["crawl-2019-2021", "crawl-2023-2024"]
    assert crawled["parts"][1]["estimated_ai_generated_share"] == 0.07
    assert crawled["parts"][0]["estimated_ai_generated_share"] == NOT_DOCUMENTED
    assert "MeridianBot" in crawled["crawler_behaviour"][0]["description"]
    assert sections["2.5"] == {"title": "Synthetic data", "used": "no"}


def test_synthetic_data(capsys: pytest.CaptureFixture[str]) -> None:
    sections = summary(REPO / "examples" / "synthetic-instruct" / "README.md", capsys)
    synthetic = sections["2.5"]
    assert synthetic["used"] == "yes"
    assert synthetic["modalities"] == ["text"]
    assert [p["id"] for p in synthetic["parts"]] == ["math", "code", "preference"]
    models = {(m["model"], m["revision"], m["provider"]) for m in synthetic["generating_models"]}
    assert ("acme-research/tessera-rm-8b", "rm-2026-08", NOT_DOCUMENTED) in models
    assert len(models) == 3
    math = synthetic["parts"][0]
    assert math["purpose"]["category"] == "math"
    assert math["share"] == {"value": 0.25, "basis": "rows"}
    assert math["verification_methods"] == ["symbolic_checker", "proof_checker"]
    assert sections["2.3"] == {"title": "Data crawled and scraped from online sources", "used": "no"}


def test_card_without_governance_cannot_say(capsys: pytest.CaptureFixture[str]) -> None:
    sections = summary(REPO / "examples" / "legacy-hub-card" / "README.md", capsys)
    assert sections["2.3"]["used"] == NOT_DOCUMENTED
    assert sections["2.5"]["used"] == NOT_DOCUMENTED


def test_simulation_is_not_ai_generated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\ngovernance:\n  schema_version: '1.0'\n  parts:\n    - id: sim\n      share: 1.0\n"
                    "      origin: {class: simulation}\n---\n")
    synthetic = summary(card, capsys)["2.5"]
    assert synthetic["used"] == "no"
    assert synthetic["simulation_parts"]["parts"] == ["sim"]


def test_markdown_marks_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "--to", "eu-ai-act", str(REPO / "examples" / "web-crawl-pretraining")], capsys)
    assert code == 0
    assert out.startswith("# EU AI Act training-content summary: crawled and synthetic data\n")
    assert "## 2.3 Data crawled and scraped from online sources" in out
    assert "## 2.5 Synthetic data" in out
    assert "| Top domain names by size | *not documented in the card* |" in out
    assert "| Crawler names | *not documented in the card* |" in out
    assert "#### Part `crawl-2023-2024`" in out
    # Every row of a table has as many cells as its header (pipes in values are escaped).
    tables: list[list[str]] = [[]]
    for line in out.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    tables = [t for t in tables if t]
    assert len(tables) >= 3
    for table in tables:
        assert len({len(re.findall(r"(?<!\\)\|", row)) for row in table}) == 1, table


def test_markdown_lists_generating_models(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["export", "--to", "eu-ai-act", str(REPO / "examples" / "synthetic-instruct" / "README.md")],
                    capsys)
    assert "| acme-research/tessera-coder-34b | v1.4.0 | Acme Research | generator |" in out
    assert "| acme-research/tessera-rm-8b | rm-2026-08 | *not documented in the card* | labeler |" in out
    assert "| AI-generated data used | yes |" in out


def test_output_file_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "summary.md"
    code, out, _ = run(["export", "--to", "eu-ai-act", "-o", str(target),
                        str(REPO / "examples" / "synthetic-reviews" / "README.md")], capsys)
    assert code == 0 and out == ""
    assert "acme-research/tessera-lm-8b-instruct" in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["summary.md"]
    assert run(["export", "--to", "croissant", "--format", "markdown", str(target)], capsys)[0] == 2
    assert run(["export", "--to", "croissant", "--hub-id", "no-slash", str(target)], capsys)[0] == 2
    assert run(["export", "--to", "eu-ai-act", str(tmp_path / "absent.md")], capsys)[0] == 2
    assert run(["export", str(target)], capsys)[0] == 2  # --to is required


def test_unreadable_card_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_text("no front matter\n")
    code, _, err = run(["export", "--to", "eu-ai-act", str(card)], capsys)
    assert code == 1 and "cannot export" in err and "README.md" in err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "--help"], capsys)
    assert code == 0 and "--to" in out and "Exit status" in out


def test_renewal_and_contamination_checks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "--to", "eu-ai-act", "--format", "json",
                        str(REPO / "examples" / "synthetic-instruct" / "README.md")], capsys)
    assert code == 0
    data = json.loads(out)
    renewal = data["sections"]["2.5"]["renewal"]
    assert renewal == {"generation": 1, "fresh_grounded_share": 0.35,
                       "parents": ["acme-research/tessera-seed@v1.2", "seeds/code-prompts.jsonl"]}
    checks = data["data_processing"]["contamination_checks"]
    assert [c["benchmarks"] for c in checks] == [["openai/gsm8k", "EleutherAI/hendrycks_math"],
                                                 ["openai/openai_humaneval", "google-research-datasets/mbpp"]]
    assert checks[0]["action"] == "removed"
    assert data["data_processing"]["processing_steps"] == NOT_DOCUMENTED
    _, markdown, _ = run(["export", "--to", "eu-ai-act", str(REPO / "examples" / "synthetic-instruct")], capsys)
    assert "| Fresh grounded share of this release | 0.35 |" in markdown
    assert "| openai/gsm8k; EleutherAI/hendrycks_math | ngram_overlap | all |" in markdown


def test_a_card_without_checks_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "--to", "eu-ai-act", "--format", "json",
                        str(REPO / "examples" / "human-survey" / "README.md")], capsys)
    assert code == 0
    assert json.loads(out)["data_processing"] == {"contamination_checks": NOT_DOCUMENTED,
                                                  "processing_steps": NOT_DOCUMENTED}
