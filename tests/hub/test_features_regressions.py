"""Feature shapes found by fuzzing that once made a Hub rule fail."""

from __future__ import annotations

from datacard_lint.api import lint_text


def test_a_feature_name_that_is_a_list_is_reported_not_a_crash() -> None:
    text = ("---\ndataset_info:\n  features:\n    - name: id\n      dtype: string\n"
            "    - name: []\n      dtype: string\n---\n# Card\n")
    codes = [(d.code, d.line) for d in lint_text(text).diagnostics]
    assert ("DCL999", 1) not in codes and not [c for c, _ in codes if c == "DCL999"]
    assert ("DCL823", 6) in codes
