"""datacard-lint: lint Hugging Face dataset cards against a governance standard for synthetic data.

The public Python API is re-exported lazily so that `import datacard_lint` stays cheap for
pre-commit runs that only need the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "lint_path", "lint_text", "lint_card", "score_card"]

if TYPE_CHECKING:  # pragma: no cover
    from datacard_lint.api import lint_card, lint_path, lint_text, score_card


def __getattr__(name: str) -> Any:
    # Lazy: the engine pulls in jsonschema, which costs tens of milliseconds.
    if name in {"lint_path", "lint_text", "lint_card", "score_card"}:
        from datacard_lint import api

        return getattr(api, name)
    raise AttributeError(name)
