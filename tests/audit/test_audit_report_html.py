"""The HTML report is one self-contained, well-formed page with its charts inline."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from dcl_testing import AS_OF

from datacard_lint.audit.aggregate import Audit
from datacard_lint.audit.report_html import render_html
from datacard_lint.config.settings import Settings
from datacard_lint.engine import Engine

ROOT = Path(__file__).resolve().parents[2]
VOID = {"meta", "br", "img", "link", "input", "hr", "rect", "line", "path", "circle"}


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def report() -> str:
    engine = Engine(Settings(as_of=AS_OF), want_score=True)
    audit = Audit(source="corpus <b>&</b>")
    audit.add(engine.check_text((ROOT / "examples/synthetic-instruct/README.md").read_text("utf-8"),
                                display="good/README.md"))
    for index in range(3):
        audit.add(engine.check_text("---\nlicense: nope\n---\n", display=f"<img src=x>{index}.md"))
    audit.add_failure("hf://datasets/a/b@main/README.md", "<script>bad</script>")
    return render_html(audit.to_dict())


def test_page_is_well_formed_and_self_contained() -> None:
    page = report()
    parser = Collector()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    assert {"script", "link", "img", "iframe", "object"}.isdisjoint(parser.tags)
    sources = [value or "" for name, value in parser.attrs if name in {"src", "srcset", "data"}]
    assert sources == []
    assert "url(" not in page and "@import" not in page
    assert parser.tags.count("svg") == 3  # coverage, histogram, hub findings


def test_card_text_is_escaped() -> None:
    page = report()
    assert "<img src=x>" not in page and "&lt;img src=x&gt;0.md" in page  # listed among cards with errors
    assert "<script>bad" not in page and "&lt;script&gt;bad&lt;/script&gt;" in page
    assert "corpus &lt;b&gt;&amp;&lt;/b&gt;" in page


def test_report_names_the_findings_and_hub_errors() -> None:
    page = report()
    assert "Most frequent findings" in page and "DCL801" in page and "unknown-license" in page
    assert "Hub metadata (DCL8xx)" in page
    assert "Coverage of the seven requirements" in page and "Origin classes" in page
