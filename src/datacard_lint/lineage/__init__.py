"""Lineage: the graph of cards and their parents, generations and compounded grounded shares.

`graph` loads cards and resolves `renewal.parents`, `compute` turns the graph into numbers
and risk flags, `render` writes them as text, JSON, Mermaid or Graphviz DOT. The `check`
rules in `datacard_lint.rules.lineage` use the same graph and computation.
"""
