"""The rules index and one page per rule, from the rule registry and the rules' docstrings."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from .markdown import code, relative, sentence, table

#: Docstring sections every rule must have; "options" is optional.
REQUIRED_SECTIONS = ("why", "failing", "passing", "fix")

#: The hand-written page of each governance requirement.
STANDARD_PAGES = {
    "origin": "standard/origin.md",
    "purpose": "standard/purpose.md",
    "verification": "standard/verification.md",
    "renewal": "standard/renewal.md",
    "tail_evaluations": "standard/tail-evaluations.md",
    "contamination": "standard/contamination.md",
    "public_evidence": "standard/public-evidence.md",
}

INDEX = "rules/index.md"


def load_rules() -> list[Any]:
    """Every registered rule, sorted by code. Deliberately unguarded: if the registry cannot
    be imported, or a rule is undocumented, the build must fail."""
    from datacard_lint.rules.registry import all_rules

    rules = sorted(all_rules(), key=lambda r: r.code)
    if not rules:
        raise PluginError("the rule registry is empty")
    problems = []
    for rule in rules:
        sections = rule.sections()
        missing = [key for key in REQUIRED_SECTIONS if not str(sections.get(key) or "").strip()]
        if missing:
            problems.append(f"{rule.code} ({rule.name}): docstring lacks section(s) {', '.join(missing)}")
    if problems:
        raise PluginError("rule documentation is incomplete:\n  " + "\n  ".join(problems))
    return rules


def page_of(rule: Any) -> str:
    return f"rules/{rule.code}.md"


def severity(rule: Any) -> str:
    return str(getattr(rule.severity, "value", rule.severity))


def fix_label(rule: Any) -> str:
    """`safe`, `unsafe` (with `*` when only some findings have a fix) or `-`, from the fix registry."""
    from datacard_lint.fixes.registry import label

    return label(rule.code) or "-"


def describe_fix(rule: Any) -> str:
    from datacard_lint.fixes.registry import describe

    return describe(rule.code)


def requirement_link(rule: Any, src_uri: str) -> str:
    from datacard_lint.requirements import REQUIREMENT_TITLES

    key = rule.requirement
    if key in STANDARD_PAGES:
        return f"[{REQUIREMENT_TITLES.get(key, key)}]({relative(src_uri, STANDARD_PAGES[key])})"
    return code(key)


def render_index(rules: list[Any]) -> str:
    counts: dict[str, int] = {}
    for rule in rules:
        counts[severity(rule)] = counts.get(severity(rule), 0) + 1
    tally = ", ".join(f"{n} {level}" for level, n in sorted(counts.items()))
    rows = [
        [f"[{r.code}]({relative(INDEX, page_of(r))})", code(r.name), severity(r), fix_label(r),
         requirement_link(r, INDEX), r.summary]
        for r in rules
    ]
    return "\n".join(
        [
            "# Rules",
            "",
            f"{len(rules)} rules ({tally} by default). Each rule has a stable code and a readable "
            "name; either works in `select`, `ignore`, `severity` and `per-file-ignores` "
            f"(see [Configuration]({relative(INDEX, 'configuration.md')})), and the code in inline "
            "suppressions. Codes are grouped by hundreds: `DCL0xx` file and YAML loading "
            "(`DCL05x` schema), `DCL1xx` to `DCL7xx` the seven requirements in order, `DCL8xx` "
            "Hub metadata, `DCL9xx` general.",
            "",
            "`datacard-lint rule CODE` prints a rule's page in the terminal.",
            "",
            "The *Fix* column: `safe` fixes are applied by `datacard-lint check --fix`, `unsafe` ones "
            "only with `--unsafe-fixes` as well (they are guesses to review); `*` means only some "
            "findings of the rule have a fix; `--diff` shows the changes without writing them.",
            "",
            table(["Code", "Name", "Severity", "Fix", "Requirement", "Summary"], rows),
            "",
        ]
    )


def _fenced(text: str, lang: str) -> str:
    text = text.strip("\n")
    return text if text.lstrip().startswith("```") else f"```{lang}\n{text}\n```"


def render_rule(rule: Any) -> str:
    src = page_of(rule)
    sections = rule.sections()
    meta = [
        ["Code", code(rule.code)],
        ["Name", code(rule.name)],
        ["Default severity", severity(rule)],
        ["Fix", fix_label(rule)],
        ["Requirement", requirement_link(rule, src)],
    ]
    options = str(sections.get("options") or "").strip() or (
        "None. The severity can be changed with `severity` in the "
        f"[configuration]({relative(src, 'configuration.md#severity')})."
    )
    return "\n".join(
        [
            f"# {rule.code} {rule.name}",
            "",
            sentence(rule.summary),
            "",
            table(["Property", "Value"], meta),
            "",
            "## Why it matters",
            "",
            sections["why"].strip(),
            "",
            "## Failing example",
            "",
            _fenced(sections["failing"], "yaml"),
            "",
            "## Passing example",
            "",
            _fenced(sections["passing"], "yaml"),
            "",
            "## How to fix",
            "",
            sections["fix"].strip(),
            "",
            f"Automatic fix: {describe_fix(rule)}",
            "",
            "## Options",
            "",
            options,
            "",
            f"[All rules]({relative(src, INDEX)})",
            "",
        ]
    )


def rules_for(requirement: str, rules: list[Any], src_uri: str) -> str:
    """The rules of one requirement, as a table for its page under standard/."""
    from datacard_lint.requirements import REQUIREMENTS

    if requirement not in REQUIREMENTS:
        raise PluginError(f"{src_uri}: no requirement called {requirement!r}")
    mine = [r for r in rules if r.requirement == requirement]
    if not mine:
        return "No rule checks this requirement yet."
    rows = [[f"[{r.code}]({relative(src_uri, page_of(r))})", code(r.name), severity(r), r.summary] for r in mine]
    return table(["Code", "Name", "Severity", "Summary"], rows)
