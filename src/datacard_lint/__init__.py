"""datacard-lint: lint Hugging Face dataset cards against a governance standard for synthetic data.

The public Python API is re-exported lazily so that `import datacard_lint` stays cheap for
pre-commit runs that only need the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__", "lint_path", "lint_text", "lint_card", "score_card",
    "CardResult", "CardScore", "Diagnostic", "RequirementScore", "Severity", "Settings", "Span",
]

if TYPE_CHECKING:  # pragma: no cover
    from datacard_lint.api import lint_card, lint_path, lint_text, score_card
    from datacard_lint.config.settings import Settings
    from datacard_lint.diagnostics import Diagnostic, Severity, Span
    from datacard_lint.engine import CardResult
    from datacard_lint.scoring.model import CardScore, RequirementScore

#: Public name -> the module that defines it, imported on first use.
_LAZY = {
    "lint_path": "datacard_lint.api", "lint_text": "datacard_lint.api", "lint_card": "datacard_lint.api",
    "score_card": "datacard_lint.api", "CardResult": "datacard_lint.engine",
    "CardScore": "datacard_lint.scoring.model", "RequirementScore": "datacard_lint.scoring.model",
    "Diagnostic": "datacard_lint.diagnostics", "Severity": "datacard_lint.diagnostics",
    "Span": "datacard_lint.diagnostics", "Settings": "datacard_lint.config.settings",
}


def __getattr__(name: str) -> Any:
    # Lazy: the engine pulls in jsonschema, which costs tens of milliseconds.
    module = _LAZY.get(name)
    if module is not None:
        import importlib

        return getattr(importlib.import_module(module), name)
    raise AttributeError(name)
