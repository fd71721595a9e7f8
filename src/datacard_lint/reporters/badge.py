"""A small flat SVG badge ("governance | 87") coloured by the profile's score bands."""

from __future__ import annotations

from xml.sax.saxutils import escape

_GREEN, _YELLOW, _RED, _GREY = "#3c1", "#db1", "#e43", "#555"


def _width(text: str) -> int:
    # Verdana 11px averages about 6.5 px per character; padding 10 px.
    return int(len(text) * 6.5) + 10


def badge_svg(score: float, good: float, fair: float, label: str = "governance") -> str:
    value = f"{score:.0f}"
    colour = _GREEN if score >= good else _YELLOW if score >= fair else _RED
    left, right = _width(label), _width(value)
    total = left + right
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" '
        f'aria-label="{escape(label)}: {value}">'
        f"<title>{escape(label)}: {value}</title>"
        f'<rect width="{left}" height="20" fill="{_GREY}"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="{left / 2:.1f}" y="14">{escape(label)}</text>'
        f'<text x="{left + right / 2:.1f}" y="14">{value}</text>'
        "</g></svg>\n"
    )
