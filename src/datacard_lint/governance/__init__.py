"""One model of the governance block, just above `loading/`.

Every consumer (rules, scoring, lineage, exports, authoring) reads the block through this
package: typed readers that tolerate any YAML value (`readers`), the vocabularies restated
from the schema enums (`vocabulary`), the thresholds rules and scores compare against
(`thresholds`), and the views of the block and its parts (`view`). A field added to the
schema is read here, once.
"""

from datacard_lint.governance.thresholds import Thresholds
from datacard_lint.governance.view import (
    Fact,
    GovernanceView,
    PartView,
    Status,
)

__all__ = ["Fact", "GovernanceView", "PartView", "Status", "Thresholds"]
