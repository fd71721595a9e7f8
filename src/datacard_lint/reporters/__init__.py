"""Reporters turn results into text; the registry maps `--format` names to classes."""

from __future__ import annotations

import importlib

from datacard_lint.reporters.base import Reporter

#: `--format` name -> "module:Class", imported only when chosen (keeps start-up fast).
REPORTERS: dict[str, str] = {
    "text": "datacard_lint.reporters.text:TextReporter",
    "concise": "datacard_lint.reporters.text:ConciseReporter",
    "json": "datacard_lint.reporters.json_report:JsonReporter",
    "sarif": "datacard_lint.reporters.sarif:SarifReporter",
    "github": "datacard_lint.reporters.github:GithubReporter",
    "markdown": "datacard_lint.reporters.markdown:MarkdownReporter",
}


def get_reporter(name: str) -> type[Reporter]:
    module_name, _, attr = REPORTERS[name].partition(":")
    cls: type[Reporter] = getattr(importlib.import_module(module_name), attr)
    return cls
