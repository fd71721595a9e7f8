"""Signs of generated content anywhere in a card, for rules that judge exemptions and labels.

A card can show that some of its content was generated in places other than an origin
class: the Hub `tags` and creators lists, or a generator list naming a model that wrote
content. Rules use these signs to tell an honest "not applicable" from a hidden synthetic
part. Generator roles fall in two groups: roles that write the content, and roles that
label, rate or judge it.
"""

from __future__ import annotations

from typing import Final

from datacard_lint.governance.readers import texts
from datacard_lint.governance.view import GeneratorView, GovernanceView, PartView

#: Generator roles whose model wrote or rewrote the content itself.
WRITING_ROLES: Final = frozenset({"generator", "rewriter", "editor"})
#: Generator roles whose model produced labels, ratings or preferences about the content.
LABELLING_ROLES: Final = frozenset({"labeler", "rater", "judge"})
#: Hub tags that say the dataset is synthetic.
SYNTHETIC_TAGS: Final = frozenset({"synthetic", "synthetic-data", "synthetic_data"})
CREATOR_KEYS: Final = ("annotations_creators", "language_creators")
MACHINE: Final = "machine-generated"


def writing_generators(part: PartView) -> list[GeneratorView]:
    """Generators of the part (and its components) that wrote content, by their stated role."""
    return [g for g in part.generators if g.role in WRITING_ROLES]


def labelling_generators(part: PartView) -> list[GeneratorView]:
    return [g for g in part.generators if g.role in LABELLING_ROLES]


def creators(view: GovernanceView, key: str) -> list[str]:
    """The values of a Hub creators list (`annotations_creators` or `language_creators`)."""
    return texts(view.metadata.get(key))


def says_machine_generated(view: GovernanceView) -> bool:
    return any(MACHINE in creators(view, key) for key in CREATOR_KEYS)


def tagged_synthetic(view: GovernanceView) -> bool:
    return any(t.strip().lower() in SYNTHETIC_TAGS for t in texts(view.metadata.get("tags")))


def generated_content_signals(view: GovernanceView) -> list[str]:
    """Every sign, in words for a message, that the card holds generated content."""
    signs: list[str] = []
    synthetic = view.synthetic_parts
    if synthetic:
        names = ", ".join(f"`{p.id}`" for p in synthetic)
        signs.append(f"{names} {'is' if len(synthetic) == 1 else 'are'} synthetic")
    for part in view.parts:
        if part in synthetic:
            continue
        for generator in writing_generators(part):
            signs.append(f"part `{part.id}` names `{generator.name}` with role {generator.role}")
    if tagged_synthetic(view):
        signs.append("the Hub `tags` say synthetic")
    for key in CREATOR_KEYS:
        if MACHINE in creators(view, key):
            signs.append(f"`{key}` lists machine-generated")
    return signs
