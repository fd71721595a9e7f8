"""Crosswalk exports: the card's Hub metadata and governance block in other standards' shapes.

`croissant` writes Croissant 1.1 JSON-LD with the RAI vocabulary and W3C PROV; `eu_ai_act`
writes the synthetic-data and crawled-data sections of the EU AI Act training-content
summary. Both read the front matter defensively: a value of the wrong type is left out,
never guessed.
"""
