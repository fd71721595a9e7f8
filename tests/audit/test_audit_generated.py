"""The audit counts cards whose own text shows undeclared generated content, and the models named."""

from __future__ import annotations

from dcl_testing import AS_OF

from datacard_lint.audit.aggregate import Audit
from datacard_lint.cli.audit import summary_text
from datacard_lint.config.settings import Settings
from datacard_lint.engine import Engine

CARDS = {
    "whisper.md": "---\nlicense: mit\n---\n# Talks\n\nThe transcripts were generated with Whisper large-v2.\n",
    "gpt.md": "---\nlicense: mit\n---\n# QA\n\nAnswers were written by GPT-4 and checked by two editors. "
              "Questions were paraphrased using gpt-4-0613 as well.\n",
    "both.md": "---\nlicense: mit\n---\n# Mixed\n\nCaptions were produced with GPT-4; audio transcripts were "
               "generated with Whisper.\n",
    "evaluated.md": "---\nlicense: mit\n---\n# Exam\n\nWe evaluate GPT-4 on these questions written by teachers.\n",
}


def test_audit_counts_cards_and_models_once_per_card() -> None:
    engine = Engine(Settings(as_of=AS_OF))
    report = Audit(source="test")
    for name, text in CARDS.items():
        report.add(engine.check_text(text, display=name))
    data = report.to_dict()
    generated = data["generated_content"]
    assert generated["cards_undeclared"] == 3 and generated["cards_declared_human"] == 0
    assert generated["models"] == [{"model": "GPT-4", "cards": 2}, {"model": "Whisper", "cards": 2}]
    assert "Generated content undeclared (DCL613): 3 cards" in summary_text(data)
