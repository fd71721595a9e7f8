"""The generated "Data governance" section: deterministic, escaped, and faithful to the block."""

from __future__ import annotations

import datetime as dt

import yaml

from datacard_lint.authoring.render import HEADING, content_hash, normalize, render_section

BLOCK = yaml.safe_load("""
schema_version: "1.0"
parts:
  - id: instructions
    config_name: default
    share: 0.4
    origin:
      class: model_generated
      generators: [{model: org/model, revision: v1}]
    purpose: {category: instruction_following, statement: "Rare | support <script>alert(1)</script>"}
    verification:
      domain: code
      methods: [{method: executed_tests, tool: pytest, sample_size: 1000, pass_rate: 0.93}]
    contamination: {ai_label: ai_generated, determination: [declared_by_producer], confidence: high}
    public_evidence: {synthetic: true, kinds: [review], presumptively_weak: true}
  - id: web
    share: 0.6
    origin: {class: public_web_crawl, collection_period: {start: 2015-01-01, end: 2019-12-31}}
renewal: {grounded_share: 0.3, generation: 1, cadence: quarterly}
tail_evaluations:
  - {axis: language, slice: sw, metric: accuracy, value: 0.61, n: 500, baseline: {value: 0.8, slice: en}}
contamination_checks:
  - {benchmarks: [gsm8k], method: ngram_overlap, overlap_rate: 0.001, action: removed}
not_applicable:
  x-note: ignored by readers
""")


def test_section_covers_every_documented_requirement() -> None:
    text = render_section(BLOCK)
    assert text.startswith(HEADING + "\n") and text.endswith("\n") and "\r" not in text
    for heading in ("### Parts", "### Renewal", "### Tail evaluations", "### Contamination", "### Public evidence"):
        assert heading in text
    assert "| `instructions` (config `default`) | model generated: by `org/model` (v1) | 40% |" in text
    assert "executed tests (pytest, n=1000, pass rate 93%)" in text
    assert "public web crawl: collected 2015-01-01 to 2019-12-31" in text
    assert "| language | sw | accuracy | 0.61 | 500 | 0.8 (en) |" in text
    assert "| `gsm8k` | ngram overlap | 0.1% | removed |" in text
    assert "Not documented" not in text


def test_card_text_cannot_break_the_table_or_inject_html() -> None:
    text = render_section(BLOCK)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "Rare \\| support" in text
    spoof = render_section({"parts": [{"id": "x", "origin": {"class": "<!-- datacard-lint:governance:end -->"}}]})
    assert "<!--" not in spoof


def test_output_is_deterministic_and_handles_any_block() -> None:
    assert render_section(BLOCK) == render_section(yaml.safe_load(yaml.safe_dump(BLOCK, sort_keys=False)))
    for junk in (None, "text", [], {"parts": "x", "renewal": 3, "tail_evaluations": {"a": 1}}, {"parts": [1, None]}):
        out = render_section(junk)
        assert out.startswith(HEADING)
        assert "Not documented: parts, renewal, tail evaluations, contamination." in out
    dated = render_section({"renewal": {"last_refresh": dt.date(2026, 1, 31)}})
    assert "last refreshed 2026-01-31" in dated


def test_not_applicable_requirements_are_not_called_undocumented() -> None:
    out = render_section({"parts": [{"id": "a", "origin": {"class": "licensed_corpus"}}],
                          "not_applicable": {"renewal": "A closed historical archive.",
                                             "tail_evaluations": "No model trained yet."}})
    assert "- Renewal: A closed historical archive." in out
    assert "Not documented: contamination." in out


def test_hash_ignores_line_endings_and_surrounding_blank_lines() -> None:
    text = render_section(BLOCK)
    assert content_hash(text) == content_hash("\r\n" + text.replace("\n", "\r\n") + "\r\n\r\n")
    assert content_hash(text) != content_hash(text.replace("40%", "41%"))
    assert len(content_hash(text)) == 12
    assert normalize("\n\na\r\nb\n\n") == "a\nb"
