"""The codes reported outside rule checks: by the loader, the schema validator and the engine.

The loader and the schema validator sit below `rules/` (imports flow one way), so they cannot
take a code from the rule that documents it. Each code is written once, here; the rule in
`rules/file.py`, `rules/schema.py` or `rules/general.py` registers itself with the same
constant, and tests/rules/test_registry.py proves every constant is a registered rule.
Groups of codes (what makes a card unreadable, say) are not kept here: they are read from
the registry (`Rule.reading`), so a new loader code is classified where it is defined.
"""

from __future__ import annotations

from typing import Final

# --- reading the file (rules/file.py) ----------------------------------------------------
FILE_UNREADABLE: Final = "DCL001"
FILE_TOO_LARGE: Final = "DCL002"
NOT_UTF8: Final = "DCL003"
BYTE_ORDER_MARK: Final = "DCL004"
CRLF_LINE_ENDINGS: Final = "DCL005"
BINARY_FILE: Final = "DCL006"
YAML_SYNTAX_ERROR: Final = "DCL010"
DUPLICATE_KEY: Final = "DCL011"
TAB_INDENTATION: Final = "DCL012"
UNSAFE_YAML_TAG: Final = "DCL013"
YAML_ALIAS_LIMIT: Final = "DCL014"
YAML_TOO_DEEP: Final = "DCL015"
TOO_MANY_FINDINGS: Final = "DCL016"
NO_FRONT_MATTER: Final = "DCL020"
EMPTY_FRONT_MATTER: Final = "DCL021"
FRONT_MATTER_NOT_MAPPING: Final = "DCL022"
FRONT_MATTER_NOT_AT_TOP: Final = "DCL023"
FRONT_MATTER_MARKER_MALFORMED: Final = "DCL024"
FRONT_MATTER_LEADING_SPACE: Final = "DCL025"

# --- validating the governance block (rules/schema.py) -----------------------------------
UNKNOWN_SCHEMA_VERSION: Final = "DCL050"
NEWER_SCHEMA_MINOR: Final = "DCL051"
MISSING_PROPERTY: Final = "DCL052"
UNKNOWN_PROPERTY: Final = "DCL053"
WRONG_TYPE: Final = "DCL054"
INVALID_VALUE: Final = "DCL055"
SCHEMA_VIOLATION: Final = "DCL056"

# --- the engine itself (rules/general.py) -------------------------------------------------
UNUSED_SUPPRESSION: Final = "DCL902"
TODO_MARKER: Final = "DCL906"
UNUSED_WAIVER: Final = "DCL909"
INTERNAL_ERROR: Final = "DCL999"
