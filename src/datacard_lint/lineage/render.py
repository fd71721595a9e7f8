"""Lineage reports as text, JSON, a Mermaid flowchart or a Graphviz DOT graph.

Cards are listed in the order the graph found them (the cards named first, then their
parents), so output does not depend on dictionary or file-system order. Graph edges point
from a parent to the card built from it, labelled with the parent entry's `share` and the
share of the card that the parent's records make up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from datacard_lint.lineage.compute import EPSILON, Carry, Figures, LineageReport, fmt
from datacard_lint.lineage.graph import Edge, Node

FORMATS = ("text", "json", "mermaid", "dot")

_BASIS_TEXT = {
    "own": "own grounded share",
    "class": "human-made or crawled by class",
    "assumed": "not readable, taken as 1",
}


def _card_keys(report: LineageReport) -> list[str]:
    return [key for key, node in report.graph.nodes.items() if node.kind == "card"]


def _leaf_keys(report: LineageReport) -> list[str]:
    return [key for key, node in report.graph.nodes.items() if node.kind != "card"]


def _label(report: LineageReport, key: str) -> str:
    return report.graph.nodes[key].label


def _generation_text(figures: Figures) -> str:
    if figures.generation is None:
        return "unknown"
    text = str(figures.generation) if figures.generation_exact else f"at least {figures.generation}"
    if figures.declared_generation is not None:
        text += f" (declared {figures.declared_generation})"
    return text


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


# ---------------------------------------------------------------- text


def render_text(report: LineageReport, allow_external: bool = False) -> str:
    lines: list[str] = []
    cards = _card_keys(report)
    for key in cards:
        node = report.graph.nodes[key]
        figures = report.figures.get(key)
        title = node.label + (f"  ({node.facts.name})" if node.facts and node.facts.name else "")
        lines.append(title)
        if figures is None:
            lines.append("  not analysed")
            lines.append("")
            continue
        lines.append(f"  generation                 {_generation_text(figures)}")
        if figures.non_synthetic is not None:
            shares = f"{fmt(figures.non_synthetic)} (synthetic {fmt(figures.synthetic)})"
            lines.append(f"  non-synthetic share        {shares}")
        if figures.fresh is not None:
            lines.append(f"  fresh grounded share       {fmt(figures.fresh)} ({figures.fresh_source})")
        lines.append(f"  compounded grounded share  {fmt(figures.grounded)}")
        for carry in figures.carries:
            lines.append(f"  parent {carry.edge.ref.label}: {_carry_text(report, carry)}")
        if figures.grounded is not None and len(figures.paths) > 1:
            lines.append("  ancestry paths (share of this card that is grounded, by where it comes from):")
            for path in figures.paths:
                chain = " <- ".join(_label(report, k) for k in path.nodes)
                lines.append(f"    {fmt(path.contribution):>6}  {chain}: {fmt(path.weight)} x {fmt(path.end_share)} "
                             f"({_BASIS_TEXT[path.basis]})")
            if figures.paths_truncated:
                lines.append("    ... more paths not listed")
        for note in figures.notes:
            lines.append(f"  note: {note}")
        for flag in figures.flags:
            lines.append(f"  RISK: {flag.message}")
        for flag, why in figures.waived:
            lines.append(f"  waived: {flag.message}; {why}")
        lines.append("")
    for cycle in report.cycles:
        lines.append("CYCLE: " + " -> ".join(_label(report, k) for k in cycle))
    failing = {id(m) for m in report.unresolved(allow_external)}
    for missing in report.missing:
        status = "MISSING" if id(missing) in failing else "external"
        lines.append(f"{status}: {_label(report, missing.child)} names {_missing_text(missing.node)}")
    if report.cycles or report.missing:
        lines.append("")
    lines.append(_summary(report, allow_external))
    return "\n".join(lines) + "\n"


def _carry_text(report: LineageReport, carry: Carry) -> str:
    node = report.graph.nodes[carry.edge.parent]
    pieces = [f"entry share {fmt(carry.edge.ref.share)}" if carry.edge.ref.share is not None else "no share given"]
    if carry.share > EPSILON:
        suffix = " (parent taken as 1)" if carry.assumed else ""
        pieces.append(f"{fmt(carry.share)} of its records in acquired parts x {fmt(carry.parent_grounded)}{suffix}")
    if carry.by_class > EPSILON:
        pieces.append(f"{fmt(carry.by_class)} human-made or crawled by class")
    if carry.share <= EPSILON and carry.by_class <= EPSILON:
        pieces.append("no records carried into non-synthetic parts")
    if node.kind != "card":
        pieces.append(node.kind)
    return "; ".join(pieces)


def _missing_text(node: Node) -> str:
    if node.kind == "hub":
        return f"Hub dataset `{node.label}`, not available locally"
    return f"`{node.label}`, which {node.reason}"


def _summary(report: LineageReport, allow_external: bool) -> str:
    cards = len(_card_keys(report))
    flags = len(report.flags)
    waived = sum(len(f.waived) for f in report.figures.values())
    unresolved = len(report.unresolved(allow_external))
    accepted = f" ({waived} more waived)" if waived else ""
    return (f"{cards} card{'s' if cards != 1 else ''}, floor {fmt(report.floor)}: "
            f"{flags} risk flag{'s' if flags != 1 else ''}{accepted}, {len(report.cycles)} cycle"
            f"{'s' if len(report.cycles) != 1 else ''}, {unresolved} missing parent"
            f"{'s' if unresolved != 1 else ''}.")


# ---------------------------------------------------------------- JSON


def render_json(report: LineageReport, allow_external: bool = False) -> str:
    return json.dumps(report_data(report, allow_external), indent=2, ensure_ascii=False) + "\n"


def report_data(report: LineageReport, allow_external: bool = False) -> dict[str, Any]:
    """The report as plain data; nodes are named by their display label."""
    failing = {id(m) for m in report.unresolved(allow_external)}
    return {
        "floor": report.floor,
        "cards": [_card_data(report, key) for key in _card_keys(report)],
        "leaves": [{"node": n.label, "kind": n.kind, "reason": n.reason}
                   for n in (report.graph.nodes[k] for k in _leaf_keys(report))],
        "cycles": [[_label(report, k) for k in cycle] for cycle in report.cycles],
        "missing": [
            {"card": _label(report, m.child), "entry": m.ref.index, "parent": m.node.label, "kind": m.node.kind,
             "reason": m.node.reason, "fails": id(m) in failing}
            for m in report.missing
        ],
        "summary": {
            "cards": len(_card_keys(report)),
            "risk_flags": len(report.flags),
            "waived_flags": sum(len(f.waived) for f in report.figures.values()),
            "cycles": len(report.cycles),
            "missing_parents": len(failing),
            "ok": not report.failed(allow_external),
        },
    }


def _card_data(report: LineageReport, key: str) -> dict[str, Any]:
    node = report.graph.nodes[key]
    figures = report.figures.get(key) or Figures(key)
    return {
        "card": node.label,
        "name": node.facts.name if node.facts else None,
        "given": node.given,
        "generation": figures.generation,
        "generation_exact": figures.generation_exact,
        "declared_generation": figures.declared_generation,
        "non_synthetic_share": _round(figures.non_synthetic),
        "synthetic_share": _round(figures.synthetic),
        "fresh_grounded_share": _round(figures.fresh),
        "fresh_grounded_share_source": figures.fresh_source,
        "own_grounded_share": _round(figures.own),
        "compounded_grounded_share": _round(figures.grounded),
        "parents": [_carry_data(report, c) for c in figures.carries] or [
            {"entry": e.ref.index, "parent": _label(report, e.parent), "declared_share": e.ref.share}
            for e in report.graph.parents_of(key)
        ],
        "paths": [
            {"nodes": [_label(report, k) for k in p.nodes], "weight": _round(p.weight),
             "end_share": _round(p.end_share), "contribution": _round(p.contribution), "basis": p.basis}
            for p in figures.paths
        ],
        "paths_truncated": figures.paths_truncated,
        "notes": list(figures.notes),
        "flags": [{"kind": f.kind, "message": f.message} for f in figures.flags],
        "waived": [{"kind": f.kind, "message": f.message, "why": why} for f, why in figures.waived],
    }


def _carry_data(report: LineageReport, carry: Carry) -> dict[str, Any]:
    ref = carry.edge.ref
    return {
        "entry": ref.index,
        "parent": _label(report, carry.edge.parent),
        "parent_kind": report.graph.nodes[carry.edge.parent].kind,
        "declared_share": ref.share,
        "declared_generation": ref.generation,
        "inherited_share": _round(carry.share),
        "parent_grounded_share": _round(carry.parent_grounded),
        "parent_grounded_share_assumed": carry.assumed,
        "human_made_by_class_share": _round(carry.by_class),
        "linked_parts": list(carry.linked_parts),
    }


# ---------------------------------------------------------------- graphs


def _ids(report: LineageReport) -> dict[str, str]:
    return {key: f"n{i}" for i, key in enumerate(report.graph.nodes)}


def _node_lines(report: LineageReport, key: str) -> list[str]:
    node = report.graph.nodes[key]
    if node.kind != "card":
        kind = {"hub": "Hub dataset", "external": "external", "data": "data file", "missing": "missing"}[node.kind]
        return [node.label, kind + (f": {node.reason}" if node.reason else "")]
    figures = report.figures.get(key)
    lines = [node.facts.name] if node.facts and node.facts.name else []
    lines.append(node.label)
    if figures is not None:
        lines.append(f"generation {figures.generation if figures.generation is not None else '?'}"
                     f"{'' if figures.generation_exact else '+'} · grounded {fmt(figures.grounded)}")
    return lines


def _edge_label(report: LineageReport, edge: Edge) -> str:
    figures = report.figures.get(edge.child)
    carry = next((c for c in figures.carries if c.edge is edge), None) if figures else None
    pieces = [f"share {fmt(edge.ref.share)}" if edge.ref.share is not None else "share ?"]
    if carry is not None and carry.share + carry.by_class > EPSILON:
        pieces.append(f"inherited {fmt(carry.share + carry.by_class)}")
    if figures is not None and edge.parent in figures.cyclic_parents:
        pieces.append("cycle")
    return " · ".join(pieces)


def _risky(report: LineageReport, key: str) -> bool:
    figures = report.figures.get(key)
    return bool(figures and figures.flags)


def render_mermaid(report: LineageReport, allow_external: bool = False) -> str:
    ids = _ids(report)

    def quote(text: str) -> str:
        return text.replace('"', "#quot;")

    lines = ["flowchart TD"]
    for key in report.graph.nodes:
        lines.append(f'  {ids[key]}["{"<br/>".join(quote(t) for t in _node_lines(report, key))}"]')
    for edge in report.graph.edges:
        lines.append(f'  {ids[edge.parent]} -->|"{quote(_edge_label(report, edge))}"| {ids[edge.child]}')
    lines.append("  classDef risk stroke:#b91c1c,stroke-width:3px")
    lines.append("  classDef leaf stroke-dasharray:4 3")
    risky = [ids[k] for k in report.graph.nodes if _risky(report, k)]
    leaves = [ids[k] for k in _leaf_keys(report)]
    if risky:
        lines.append(f"  class {','.join(risky)} risk")
    if leaves:
        lines.append(f"  class {','.join(leaves)} leaf")
    return "\n".join(lines) + "\n"


def render_dot(report: LineageReport, allow_external: bool = False) -> str:
    ids = _ids(report)

    def quote(*lines: str) -> str:
        # Escape each line, then join with DOT's own line-break escape.
        return '"' + "\\n".join(t.replace("\\", "\\\\").replace('"', '\\"') for t in lines) + '"'

    lines = ["digraph lineage {", "  rankdir=TB;", '  node [shape=box, style=rounded, fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];']
    for key in report.graph.nodes:
        attributes = [f"label={quote(*_node_lines(report, key))}"]
        if report.graph.nodes[key].kind != "card":
            attributes.append('style="rounded,dashed"')
        if _risky(report, key):
            attributes.append('color="#b91c1c", penwidth=2')
        lines.append(f"  {ids[key]} [{', '.join(attributes)}];")
    for edge in report.graph.edges:
        lines.append(f"  {ids[edge.parent]} -> {ids[edge.child]} [label={quote(_edge_label(report, edge))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[LineageReport, bool], str]] = {
    "text": render_text,
    "json": render_json,
    "mermaid": render_mermaid,
    "dot": render_dot,
}
