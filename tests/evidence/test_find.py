"""Where evidence is looked for and where it is located: Markdown structure, metadata, odd input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datacard_lint.evidence import find_in, models_in_message

SENTENCE = "The answers were generated with GPT-4 and checked by two editors."


def _card(body: str, front: str = "license: mit\n") -> tuple[str, int]:
    text = f"---\n{front}---\n{body}"
    return text, text.index("---\n", 4) + 4


def test_a_sentence_in_prose_is_located_at_line_and_column() -> None:
    text, start = _card(f"# Title\n\nIntro line.\n  {SENTENCE}\n")
    [item] = find_in(text, start, {})
    line = text.splitlines()[item.line - 1]
    assert item.line == 7 and line[item.col - 1:].startswith("generated with GPT-4")
    assert item.models == ("GPT-4",) and item.quote == SENTENCE


def test_code_bibtex_html_link_targets_and_result_tables_are_not_prose() -> None:
    body = (
        f"# Card\n\n```python\n# {SENTENCE}\n```\n\n"
        f"<!-- {SENTENCE} -->\n\n<div>{SENTENCE}</div>\n\n"
        "See [the paper](https://example.org/generated-with-gpt-4-by-machine-translation).\n\n"
        "| model | accuracy |\n|---|---|\n| answers generated with GPT-4 | 81.2 |\n\n"
        f"## Citation\n\n{SENTENCE}\n\n```bibtex\n@article{{x, title={{{SENTENCE}}}}}\n```\n"
    )
    text, start = _card(body)
    assert find_in(text, start, {}) == []


def test_a_heading_after_a_skipped_section_is_read_again() -> None:
    text, start = _card(f"## Citation\n\nSmith 2020.\n\n## Dataset creation\n\n{SENTENCE}\n")
    assert [e.line for e in find_in(text, start, {})] == [10]


def test_model_cards_filed_as_dataset_cards_are_skipped() -> None:
    text, start = _card(f"# Model Card for acme-7b\n\n{SENTENCE}\n")
    assert find_in(text, start, {}) == []


def test_embeddings_filed_as_dataset_cards_are_skipped_but_datasets_about_them_are_not() -> None:
    samples = "Sample images generated with Stable Diffusion 1.5 and this embedding.\n"
    text, start = _card(f"Textual inversion embedding to draw cats in ink.\n\n{samples}")
    assert find_in(text, start, {}) == []
    text, start = _card(f"A LoRA trained on 40 watercolours.\n\n{samples}")
    assert find_in(text, start, {}) == []
    text, start = _card(f"Textual inversion embedding dataset: the images used to train one.\n\n{samples}")
    assert [e.line for e in find_in(text, start, {})] == [6]


def test_the_cards_own_translated_documentation_is_not_evidence() -> None:
    text, start = _card("# Corpus\n\n(The text below is a machine translation of the original manual.)\n\n"
                        "Recorded by one speaker in a studio.\n")
    assert find_in(text, start, {}) == []
    text, start = _card("# Corpus\n\nThe corpus below is a machine translation of the original corpus.\n")
    assert [e.line for e in find_in(text, start, {})] == [6]


def test_metadata_evidence_and_weak_creators() -> None:
    meta = {"tags": ["distilabel"], "source_datasets": ["extended|tatsu-lab/alpaca"],
            "language_creators": ["machine-generated"]}
    found = find_in("---\n---\n", 8, meta)
    assert [(e.quote, e.strong) for e in found] == [
        ("tags: distilabel", True), ("source_datasets: extended|tatsu-lab/alpaca", True),
        ("language_creators: machine-generated", False)]
    assert found[1].models == ("GPT-3",) and found[1].seeds == ("tatsu-lab/alpaca",)
    assert find_in("---\n---\n", 8, {"language_creators": ["machine-generated"]}) == []  # weak alone


def test_models_round_trip_through_a_message() -> None:
    assert models_in_message("… [models: GPT-4, Whisper]") == ["GPT-4", "Whisper"]
    assert models_in_message("… [models: not named]") == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab #*`|-_[]()<>!\n\r\t.:") + ["GPT-4", " generated with ",
                                                                   "machine translated", "```", "\u0130"]),
                max_size=120))
def test_any_text_gives_located_evidence_without_crashing(pieces: list[str]) -> None:
    text, start = _card("".join(pieces))
    lines = text.splitlines() or [""]
    for item in find_in(text, start, {}):
        assert 1 <= item.line <= len(lines) + 1 and item.col >= 1


def test_reading_stops_at_the_statement_cap_and_skips_data_lines() -> None:
    from datacard_lint.evidence import MAX_LINE_CHARS, MAX_STATEMENTS

    many = "".join(f"Batch {i} was generated with GPT-4.\n\n" for i in range(200))
    text, start = _card(many)
    assert len(find_in(text, start, {})) == MAX_STATEMENTS
    pasted = "generated with GPT-4 " * (MAX_LINE_CHARS // 10)  # one line of data, not prose
    text, start = _card(f"# Dump\n\n{pasted}\n")
    assert find_in(text, start, {}) == []
