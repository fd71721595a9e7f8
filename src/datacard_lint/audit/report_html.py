"""The audit as one self-contained HTML page: inline CSS and SVG, no scripts, no assets.

A single file can be attached to an issue, archived, or opened offline years later. All
text from cards is escaped; numbers come from `aggregate.Audit.to_dict()` only.
"""

from __future__ import annotations

from html import escape
from typing import Any

from datacard_lint._meta import rule_url
from datacard_lint.audit.aggregate import REQUIREMENT_LEVELS

_LEVEL_COLOURS = {
    "absent": "#d9d9d9",
    "declared": "#fdd49e",
    "specified": "#6baed6",
    "evidenced": "#08519c",
    "not_applicable": "#b6b0d6",
}
_STATUS_TITLES = {
    "with_governance": "Governance block present",
    "no_governance": "Metadata but no governance block",
    "no_metadata": "No usable front matter",
    "unreadable": "Unreadable file or metadata",
}
_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:960px;margin:2rem auto;
padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de}
.meta{color:#59636e}.tiles{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.tile{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
.tile b{display:block;font-size:1.4rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2}td.n,th.n{text-align:right}
.error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}svg text{font:12px system-ui,sans-serif;fill:#1f2328}
.legend span{display:inline-block;margin-right:1rem}
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}
"""


def render_html(data: dict[str, Any]) -> str:
    totals = data["totals"]
    scores = data["scores"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>datacard-lint audit: {escape(data['source'] or 'cards')}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Dataset card audit</h1>",
        f'<p class="meta">{escape(data["source"])} · datacard-lint {escape(data["tool"]["version"])} · '
        f'profile {escape(data["profile"])}' + (f" · as of {escape(data['as_of'])}" if data.get("as_of") else "")
        + "</p>",
        _tiles(totals, scores, data["hub"]),
        "<h2>Coverage of the seven requirements</h2>",
        "<p>Share of cards at each level, per requirement.</p>",
        _legend(),
        _coverage_svg(data["requirements"], totals["cards"]),
        "<h2>Score distribution</h2>",
        _histogram_svg(scores["histogram"]),
        _status_table(totals["status"], totals["cards"]),
        "<h2>Most frequent findings</h2>",
        _findings_table(data["findings"], totals["cards"]),
        "<h2>Hub metadata (DCL8xx)</h2>",
        _hub_section(data["hub"], totals["cards"]),
        _generated_section(data.get("generated_content"), totals["cards"]),
        _worst_cards(data["worst_cards"] if "worst_cards" in data else data["cards"]),
        _not_fetched(data["not_fetched"]),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def _tiles(totals: dict[str, Any], scores: dict[str, Any], hub: dict[str, Any]) -> str:
    mean = "–" if scores["mean"] is None else f"{scores['mean']:.1f}"
    median = "–" if scores["median"] is None else f"{scores['median']:.1f}"
    with_block = totals["status"]["with_governance"]
    tiles = [
        ("Cards", f"{totals['cards']:,}"),
        ("Mean score", mean),
        ("Median score", median),
        ("With a governance block", f"{with_block:,} ({_pct(with_block, totals['cards'])})"),
        ("Error findings", f"{totals['findings']['error']:,}"),
        ("Hub metadata errors", f"{hub['errors']:,}"),
    ]
    if totals["not_fetched"]:
        tiles.append(("Not fetched", f"{totals['not_fetched']:,}"))
    cells = "".join(f'<div class="tile"><b>{escape(v)}</b>{escape(k)}</div>' for k, v in tiles)
    return f'<div class="tiles">{cells}</div>'


def _legend() -> str:
    items = "".join(
        f'<span><i style="background:{_LEVEL_COLOURS[level]}"></i>{escape(level.replace("_", " "))}</span>'
        for level in REQUIREMENT_LEVELS
    )
    return f'<p class="legend">{items}</p>'


def _coverage_svg(requirements: dict[str, Any], cards: int) -> str:
    label_w, bar_w, row_h, bar_h = 250, 600, 30, 20
    rows = []
    for index, info in enumerate(requirements.values()):
        y = index * row_h
        rows.append(f'<text x="0" y="{y + 15}">{escape(info["title"])}</text>')
        x = float(label_w)
        for level in REQUIREMENT_LEVELS:
            count = info["levels"].get(level, 0)
            if not count or not cards:
                continue
            width = bar_w * count / cards
            tip = f"{info['title']}: {level.replace('_', ' ')} {count:,} cards ({_pct(count, cards)})"
            rows.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar_h}" fill="{_LEVEL_COLOURS[level]}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            if width > 42:
                colour = "#fff" if level in {"evidenced", "specified"} else "#1f2328"
                rows.append(f'<text x="{x + 4:.1f}" y="{y + 15}" style="fill:{colour}">{_pct(count, cards)}</text>')
            x += width
    height = max(row_h * len(requirements), row_h)
    return _svg(label_w + bar_w + 10, height, "Coverage per requirement", rows)


def _histogram_svg(histogram: list[dict[str, int]]) -> str:
    left, bottom, chart_w, chart_h = 50, 40, 800, 220
    peak = max((b["cards"] for b in histogram), default=0) or 1
    slot = chart_w / max(len(histogram), 1)
    shapes = [
        f'<line x1="{left}" y1="{chart_h}" x2="{left + chart_w}" y2="{chart_h}" stroke="#8c959f"/>',
        f'<text x="0" y="12">{peak:,}</text>',
        f'<text x="0" y="{chart_h}">0</text>',
    ]
    for index, item in enumerate(histogram):
        height = (chart_h - 20) * item["cards"] / peak
        x = left + index * slot + 4
        y = chart_h - height
        label = f"{item['from']}–{item['to']}"
        shapes.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot - 8:.1f}" height="{height:.1f}" fill="#0969da">'
            f"<title>score {label}: {item['cards']:,} cards</title></rect>"
        )
        if item["cards"]:
            shapes.append(f'<text x="{x:.1f}" y="{y - 4:.1f}">{item["cards"]:,}</text>')
        shapes.append(f'<text x="{x:.1f}" y="{chart_h + 16}">{label}</text>')
    shapes.append(f'<text x="{left + chart_w / 2 - 40:.0f}" y="{chart_h + bottom - 4}">overall score</text>')
    return _svg(left + chart_w + 10, chart_h + bottom, "Histogram of overall scores", shapes)


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" aria-label="{escape(title)}"><title>{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def _status_table(status: dict[str, int], cards: int) -> str:
    rows = "".join(
        f'<tr><td>{escape(_STATUS_TITLES[key])}</td><td class="n">{count:,}</td>'
        f'<td class="n">{_pct(count, cards)}</td></tr>'
        for key, count in status.items()
    )
    return f'<table><tr><th>Cards</th><th class="n">count</th><th class="n">share</th></tr>{rows}</table>'


def _findings_table(findings: list[dict[str, Any]], cards: int) -> str:
    if not findings:
        return "<p>No findings.</p>"
    head = ('<tr><th>Rule</th><th>Name</th><th>Severity</th><th class="n">Findings</th>'
            '<th class="n">Cards</th><th class="n">Share of cards</th></tr>')
    rows = "".join(
        f'<tr><td><a href="{escape(rule_url(f["code"]))}">{escape(f["code"])}</a></td><td>{escape(f["name"])}</td>'
        f'<td class="{escape(f["severity"])}">{escape(f["severity"])}</td><td class="n">{f["occurrences"]:,}</td>'
        f'<td class="n">{f["cards"]:,}</td><td class="n">{_pct(f["cards"], cards)}</td></tr>'
        for f in findings
    )
    return f"<table>{head}{rows}</table>"


def _hub_section(hub: dict[str, Any], cards: int) -> str:
    summary = (f"<p>{hub['errors']:,} error-level findings about Hub metadata in "
               f"{hub['cards_with_errors']:,} cards ({_pct(hub['cards_with_errors'], cards)}); "
               f"{hub['findings']:,} DCL8xx findings in all.</p>")
    if not hub["by_code"]:
        return summary
    peak = max(item["occurrences"] for item in hub["by_code"]) or 1
    label_w, bar_w, row_h = 330, 480, 24
    shapes = []
    for index, item in enumerate(hub["by_code"]):
        y = index * row_h
        width = bar_w * item["occurrences"] / peak
        colour = "#cf222e" if item["severity"] == "error" else "#bf8700" if item["severity"] == "warning" else "#0969da"
        shapes.append(f'<text x="0" y="{y + 14}">{escape(item["code"])} {escape(item["name"])}</text>')
        shapes.append(f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="18" fill="{colour}">'
                      f'<title>{item["occurrences"]:,} findings in {item["cards"]:,} cards</title></rect>')
        shapes.append(f'<text x="{label_w + width + 4:.1f}" y="{y + 14}">{item["occurrences"]:,}</text>')
    chart = _svg(label_w + bar_w + 70, row_h * len(hub["by_code"]), "Hub metadata findings per rule", shapes)
    return summary + chart + _findings_table(hub["by_code"], cards)


def _generated_section(generated: dict[str, Any] | None, cards: int) -> str:
    """Cards whose own text shows generated content the governance block does not declare."""
    if not generated:
        return ""
    summary = (f"<h2>Generated content in the cards' own text</h2><p>{generated['cards_undeclared']:,} cards "
               f"({_pct(generated['cards_undeclared'], cards)}) say some data was generated without declaring it "
               f"(DCL613); {generated['cards_declared_human']:,} declare it human (DCL614).</p>")
    if not generated["models"]:
        return summary
    rows = "".join(f'<tr><td>{escape(m["model"])}</td><td class="n">{m["cards"]:,}</td></tr>'
                   for m in generated["models"])
    return summary + f'<table><tr><th>Model named</th><th class="n">Cards</th></tr>{rows}</table>'


def _worst_cards(cards: list[dict[str, Any]], count: int = 20) -> str:
    ranked = sorted((c for c in cards if c["errors"]), key=lambda c: (-c["errors"], c["path"]))[:count]
    if not ranked:
        return ""
    rows = "".join(
        f'<tr><td>{escape(c["path"])}</td><td class="n">{c["errors"]:,}</td><td class="n">{c["warnings"]:,}</td>'
        f'<td class="n">{"–" if c["score"] is None else c["score"]}</td></tr>'
        for c in ranked
    )
    return (f"<h2>Cards with the most errors</h2><table><tr><th>Card</th><th class=\"n\">errors</th>"
            f"<th class=\"n\">warnings</th><th class=\"n\">score</th></tr>{rows}</table>"
            "<p class=\"meta\">Every card's figures are in audit.json.</p>")


def _not_fetched(failures: list[dict[str, str]]) -> str:
    if not failures:
        return ""
    items = "".join(f"<li>{escape(f['reason'])}</li>" for f in failures)
    return f"<h2>Cards not fetched</h2><details><summary>{len(failures):,} cards</summary><ul>{items}</ul></details>"
