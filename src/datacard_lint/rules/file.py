"""Rules about the card file itself: reading, decoding and parsing its front matter.

These findings come from the loader, before any governance check runs, so the rules here
document codes rather than run checks of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from datacard_lint import codes
from datacard_lint.diagnostics import Severity
from datacard_lint.rules.base import CheckFn, Hit, Reading, rule
from datacard_lint.rules.context import RuleContext

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _loader(code: str, name: str, severity: Severity, reading: Reading | None = None) -> Callable[[CheckFn], CheckFn]:
    return rule(code, name, severity, "file", runs_check=False, needs_governance=False, reading=reading)


@_loader(codes.FILE_UNREADABLE, "file-unreadable", E, "unreadable")
def file_unreadable(ctx: RuleContext) -> Iterable[Hit]:
    """The file cannot be read as a card.

    Why it matters
    --------------
    A missing, unreadable or special file (a directory named `README.md`, a FIFO, a
    socket, a dangling or looping symlink) cannot be a dataset card. The linter reports it
    and moves on to the next file instead of hanging or crashing.

    Failing example
    ---------------
    ```text
    $ mkfifo README.md && datacard-lint check README.md
    README.md:1:1: DCL001 README.md is a FIFO; only regular files are read
    ```

    Passing example
    ---------------
    ```text
    A regular file the current user may read.
    ```

    How to fix
    ----------
    Point the linter at the real card, fix permissions, or exclude the path.
    """
    return ()


@_loader(codes.FILE_TOO_LARGE, "file-too-large", E, "unreadable")
def file_too_large(ctx: RuleContext) -> Iterable[Hit]:
    """The file is larger than the configured size limit.

    Why it matters
    --------------
    Real dataset cards stay under about 1 MB. A much larger file is usually a data file
    picked up by mistake, and reading it would cost memory on every commit.

    Failing example
    ---------------
    ```text
    A 50 MB README.md with the default limit of 16 MiB.
    ```

    Passing example
    ---------------
    ```text
    Any card below the limit.
    ```

    How to fix
    ----------
    Exclude the file, or raise `max-file-bytes` in the configuration if it is a genuine card.

    Options
    -------
    `max-file-bytes` (default 16777216).
    """
    return ()


@_loader(codes.NOT_UTF8, "not-utf8", E, "unreadable")
def not_utf8(ctx: RuleContext) -> Iterable[Hit]:
    """The file is not valid UTF-8.

    Why it matters
    --------------
    The Hub and `huggingface_hub` read cards as UTF-8. A Latin-1 or UTF-16 file fails to
    load there, or shows mangled characters in the card's metadata.

    Failing example
    ---------------
    ```text
    A card saved as Windows-1252 with a byte 0xE9 for "é" on line 4.
    ```

    Passing example
    ---------------
    ```text
    The same card saved as UTF-8.
    ```

    How to fix
    ----------
    Re-encode the file as UTF-8 (for example `iconv -f cp1252 -t utf-8`).
    """
    return ()


@_loader(codes.BYTE_ORDER_MARK, "byte-order-mark", W, "cosmetic")
def byte_order_mark(ctx: RuleContext) -> Iterable[Hit]:
    """The file starts with a UTF-8 byte-order mark.

    Why it matters
    --------------
    `huggingface_hub` strips the mark, but other YAML tools and some editors read it as
    part of the first line, so the opening `---` is not recognised and the metadata vanishes.

    Failing example
    ---------------
    ```text
    EF BB BF 2D 2D 2D 0A ...   (BOM, then ---)
    ```

    Passing example
    ---------------
    ```text
    2D 2D 2D 0A ...            (--- at the first byte)
    ```

    How to fix
    ----------
    Save the file as "UTF-8 without BOM".
    """
    return ()


@_loader(codes.CRLF_LINE_ENDINGS, "crlf-line-endings", INFO, "cosmetic")
def crlf_line_endings(ctx: RuleContext) -> Iterable[Hit]:
    """The file uses CRLF or mixed line endings.

    Why it matters
    --------------
    The Hub tolerates CRLF, but mixed endings produce noisy diffs and confuse tools that
    split front matter on `\\n---`.

    Failing example
    ---------------
    ```text
    ---\\r\\nlicense: mit\\r\\n---\\n
    ```

    Passing example
    ---------------
    ```text
    ---\\nlicense: mit\\n---\\n
    ```

    How to fix
    ----------
    Convert the file to LF line endings (`dos2unix`), or add a `.gitattributes` rule.
    """
    return ()


@_loader(codes.BINARY_FILE, "binary-file", E, "unreadable")
def binary_file(ctx: RuleContext) -> Iterable[Hit]:
    """The file contains NUL bytes and looks binary.

    Why it matters
    --------------
    A card is text. NUL bytes mean an archive, an image or a corrupted file was named as a
    card; parsing it would only produce noise.

    Failing example
    ---------------
    ```text
    A README.md that is really a Parquet file.
    ```

    Passing example
    ---------------
    ```text
    A UTF-8 Markdown card.
    ```

    How to fix
    ----------
    Check what the file is; exclude it or replace it with the real card.
    """
    return ()


@_loader(codes.YAML_SYNTAX_ERROR, "yaml-syntax-error", E, "unreadable")
def yaml_syntax_error(ctx: RuleContext) -> Iterable[Hit]:
    """The front matter is not valid YAML.

    Why it matters
    --------------
    The Hub cannot read any metadata from a card whose YAML does not parse: the whole
    card shows a metadata error and none of its governance block counts.

    Failing example
    ---------------
    ```yaml
    license: mit
    language: [en, fr   # <- DCL010
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en, fr]
    ```

    How to fix
    ----------
    Fix the YAML at the reported line and column; quote values that contain `: ` or `#`.
    """
    return ()


@_loader(codes.DUPLICATE_KEY, "duplicate-key", E)
def duplicate_key(ctx: RuleContext) -> Iterable[Hit]:
    """A mapping defines the same key twice.

    Why it matters
    --------------
    YAML loaders keep only the last value, silently. A governance claim written twice is
    a claim someone will read and the Hub will not.

    Failing example
    ---------------
    ```yaml
    license: mit
    license: apache-2.0  # <- DCL011
    ```

    Passing example
    ---------------
    ```yaml
    license: apache-2.0
    ```

    How to fix
    ----------
    Keep one of the two keys.
    """
    return ()


@_loader(codes.TAB_INDENTATION, "tab-indentation", E, "unreadable")
def tab_indentation(ctx: RuleContext) -> Iterable[Hit]:
    """A tab is used for indentation in the front matter.

    Why it matters
    --------------
    YAML forbids tabs for indentation; the card fails to parse on the Hub.

    Failing example
    ---------------
    ```text
    dataset_info:
    <TAB>features: ...
    ```

    Passing example
    ---------------
    ```yaml
    dataset_info:
      features: []
    ```

    How to fix
    ----------
    Replace tabs with spaces (two per level is the Hub's own style).
    """
    return ()


@_loader(codes.UNSAFE_YAML_TAG, "unsafe-yaml-tag", E, "unreadable")
def unsafe_yaml_tag(ctx: RuleContext) -> Iterable[Hit]:
    """The front matter uses a YAML tag outside the safe core schema.

    Why it matters
    --------------
    Tags such as `!!python/object` ask a loader to construct arbitrary objects. The Hub's
    safe loader rejects them, and the linter refuses them without constructing anything.

    Failing example
    ---------------
    ```yaml
    license: !!python/object/apply:os.system ["echo hi"]  # <- DCL013
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    ```

    How to fix
    ----------
    Remove the tag and write a plain value.
    """
    return ()


@_loader(codes.YAML_ALIAS_LIMIT, "yaml-alias-limit", E, "unreadable")
def yaml_alias_limit(ctx: RuleContext) -> Iterable[Hit]:
    """Aliases expand beyond the size limit, or an alias contains itself.

    Why it matters
    --------------
    A few lines of anchors and aliases can expand to billions of values ("billion laughs")
    and exhaust memory in any tool that walks the metadata.

    Failing example
    ---------------
    ```text
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    ... nine more levels ...
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    ```

    How to fix
    ----------
    Write the values out, or raise `max-nodes` if the card is genuine.

    Options
    -------
    `max-nodes` (default 250000).
    """
    return ()


@_loader(codes.YAML_TOO_DEEP, "yaml-too-deep", E, "unreadable")
def yaml_too_deep(ctx: RuleContext) -> Iterable[Hit]:
    """Collections are nested deeper than the limit.

    Why it matters
    --------------
    Real cards nest a dozen levels at most. Very deep nesting is either an accident or an
    attack on recursive parsers, and is refused before it can exhaust the stack.

    Failing example
    ---------------
    ```text
    x: [[[[[[[[ ... 100,000 levels ... ]]]]]]]]
    ```

    Passing example
    ---------------
    ```yaml
    x: [[1, 2], [3]]
    ```

    How to fix
    ----------
    Flatten the structure, or raise `max-depth` if the card is genuine.

    Options
    -------
    `max-depth` (default 100, at most 1000).
    """
    return ()


@_loader(codes.TOO_MANY_FINDINGS, "too-many-findings", INFO)
def too_many_findings(ctx: RuleContext) -> Iterable[Hit]:
    """One rule found more problems in this card than the per-rule limit shows.

    Why it matters
    --------------
    A generated or corrupted card can repeat one mistake thousands of times (every item of
    a long list written as a number, say). A report of thousands of identical findings
    buries everything else and costs time in every tool that reads it; the first ones,
    with their positions, show what to fix. This finding counts the ones left out, at the
    first of them.

    Failing example
    ---------------
    ```text
    governance:
      schema_version: "1.0"
      parts:
      - 1
      - 2
      ... 200 more numbers ...
    README.md:105:5: DCL016 102 more DCL054 findings in this card (the first 100 are shown)
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    ```

    How to fix
    ----------
    Fix the findings shown (usually one mistake repeated), then run the linter again; or
    raise `max-findings-per-rule` to see them all.

    Options
    -------
    `max-findings-per-rule` (default 100).
    """
    return ()


@_loader(codes.NO_FRONT_MATTER, "no-front-matter", W, "no-metadata")
def no_front_matter(ctx: RuleContext) -> Iterable[Hit]:
    """The card has no YAML front matter.

    Why it matters
    --------------
    Without front matter a card carries no machine-readable license, language or
    governance information; the Hub shows an empty metadata panel.

    Failing example
    ---------------
    ```text
    # My dataset
    Some description.
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en]
    ```

    How to fix
    ----------
    Start the file with a `---` block (`datacard-lint init` writes one).
    """
    return ()


@_loader(codes.EMPTY_FRONT_MATTER, "empty-front-matter", W, "no-metadata")
def empty_front_matter(ctx: RuleContext) -> Iterable[Hit]:
    """The front matter block is empty.

    Why it matters
    --------------
    An empty block looks like metadata but declares nothing; the Hub warns about it.

    Failing example
    ---------------
    ```text
    ---
    ---
    # My dataset
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    ```

    How to fix
    ----------
    Fill the block or remove it.
    """
    return ()


@_loader(codes.FRONT_MATTER_NOT_MAPPING, "front-matter-not-mapping", E, "unreadable")
def front_matter_not_mapping(ctx: RuleContext) -> Iterable[Hit]:
    """The front matter is a list or a single value, not a mapping.

    Why it matters
    --------------
    `huggingface_hub` raises "repo card metadata block should be a dict" and the Hub
    rejects the card.

    Failing example
    ---------------
    ```yaml
    - license: mit  # <- DCL022
    - language: en
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: en
    ```

    How to fix
    ----------
    Write `key: value` lines at the top level, without leading `- `.
    """
    return ()


@_loader(codes.FRONT_MATTER_NOT_AT_TOP, "front-matter-not-at-top", E, "no-metadata")
def front_matter_not_at_top(ctx: RuleContext) -> Iterable[Hit]:
    """A metadata block exists, but not at the top of the file.

    Why it matters
    --------------
    The Hub reads front matter only at the very start of the file. A block after a title
    or a comment is ignored, so the card silently has no metadata.

    Failing example
    ---------------
    ```text
    # My dataset
    ---
    license: mit
    ---
    ```

    Passing example
    ---------------
    ```text
    ---
    license: mit
    ---
    # My dataset
    ```

    How to fix
    ----------
    Move the `---` block to the first line.
    """
    return ()


@_loader(codes.FRONT_MATTER_MARKER_MALFORMED, "front-matter-marker-malformed", E, "no-metadata")
def front_matter_marker_malformed(ctx: RuleContext) -> Iterable[Hit]:
    """The front matter's `---` line carries trailing characters.

    Why it matters
    --------------
    The Hub recognises front matter only when the opening line is exactly `---`. With a
    trailing space (`--- `) the whole block is read as Markdown and the card has no
    metadata, although it looks right in an editor.

    Failing example
    ---------------
    ```text
    ---·            (a trailing space)
    license: mit
    ---
    ```

    Passing example
    ---------------
    ```text
    ---
    license: mit
    ---
    ```

    How to fix
    ----------
    Delete the trailing characters after `---`.
    """
    return ()


@_loader(codes.FRONT_MATTER_LEADING_SPACE, "front-matter-leading-space", W, "cosmetic")
def front_matter_leading_space(ctx: RuleContext) -> Iterable[Hit]:
    """Blank lines or spaces come before the opening `---`.

    Why it matters
    --------------
    `huggingface_hub` skips leading whitespace, but most other front-matter readers
    (static-site generators, editors' previews, many YAML tools) require the opening
    `---` on the very first line, so they show the card without metadata.

    Failing example
    ---------------
    ```text
    (an empty first line)
    ---
    license: mit
    ---
    ```

    Passing example
    ---------------
    ```text
    ---
    license: mit
    ---
    ```

    How to fix
    ----------
    Delete everything before the opening `---`.
    """
    return ()
