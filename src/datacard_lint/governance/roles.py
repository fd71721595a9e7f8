"""What the dataset is for, and so whether the grounded-share floor applies to it.

The floor protects against model collapse, which happens to a model trained on data that
recursively replaced real data with generated data (Shumailov et al., Nature 2024); it is
avoided when real data accumulates beside the generated data (Gerstgrasser et al., 2024).
A fully synthetic *component*, published to be mixed downstream, does not decide what a
model is trained on; a *training mix* does, and so does any dataset generated from models
that were themselves trained on generated data (generation 2 and above). Evaluation sets
are not trained on.
"""

from __future__ import annotations

from typing import Final

from datacard_lint.governance.view import GovernanceView
from datacard_lint.governance.vocabulary import DATASET_ROLES, GROUNDED_CLASSES

COMPONENT: Final = "component"
TRAINING_MIX: Final = "training_mix"
EVALUATION: Final = "evaluation"


def stated_role(view: GovernanceView) -> str | None:
    dataset = view.dataset
    role = dataset.role if dataset is not None else None
    return role if role in DATASET_ROLES else None


def dataset_role(view: GovernanceView) -> str:
    """`dataset.role`, or by default: a training mix when the card itself mixes grounded and
    synthetic parts, a component otherwise (a purely synthetic set is made to be mixed)."""
    role = stated_role(view)
    if role is not None:
        return role
    parts = view.parts
    grounded = any(p.origin_class in GROUNDED_CLASSES and not p.synthetic for p in parts)
    synthetic = any(p.synthetic for p in parts)
    return TRAINING_MIX if grounded and synthetic else COMPONENT


def floor_applies(role: str, generation: int | None) -> bool:
    """The grounded-share floor judges training mixes from generation 1 and every
    non-evaluation dataset from generation 2 on."""
    if generation is None or generation < 1 or role == EVALUATION:
        return False
    return generation >= 2 or role == TRAINING_MIX
