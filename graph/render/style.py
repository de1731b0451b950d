"""How each kind of entity and relation looks on a map (colours, shapes, sizes).

Colours are chosen so the three top types read as families (organisations
blue-green-purple, programmes orange, places grey) and each subtype is a
distinct shade; funders are drawn as diamonds with a thick gold border.
"""

from __future__ import annotations

import math

from graph.records import ENTITY_TYPES, PREDICATES, SUBTYPES, SYMMETRIC

#: Fill colour per subtype, and per top type for entities without a subtype.
KIND_COLOURS: dict[str, str] = {
    "Organisation": "#4e79a7",
    "LocalAuthority": "#1f77b4",
    "CombinedAuthority": "#17becf",
    "GovernmentBody": "#3b4cc0",
    "EducationProvider": "#2ca02c",
    "CulturalOrganisation": "#9467bd",
    "Charity": "#e377c2",
    "Business": "#8c564b",
    "HealthBody": "#d62728",
    "Partnership": "#7f9f1f",
    "Programme": "#f28e2b",
    "Initiative": "#ff9f40",
    "FundingProgramme": "#e8a33d",
    "Strategy": "#f5c26b",
    "Network": "#d9622b",
    "QualificationRoute": "#c9a227",
    "Place": "#8a8a8a",
    "Country": "#4d4d4d",
    "Region": "#666666",
    "LocalAuthorityArea": "#7f7f7f",
    "Town": "#9a9a9a",
    "Neighbourhood": "#b0b0b0",
    "Site": "#c4c4c4",
}
#: vis-network shape per top type (funders override it).
TYPE_SHAPES = {"Organisation": "dot", "Programme": "square", "Place": "triangle"}
FUNDER_SHAPE = "diamond"
FUNDER_BORDER = "#b8860b"
HIGHLIGHT = "#e6007e"

#: Colour, dashes and arrows per predicate.
PREDICATE_STYLES: dict[str, dict[str, object]] = {
    "partnerOf": {"color": "#2b7bb9", "dashes": False},
    "funds": {"color": "#c9a227", "dashes": False},
    "delivers": {"color": "#e15759", "dashes": False},
    "participatesIn": {"color": "#59a14f", "dashes": False},
    "partOf": {"color": "#8c8c8c", "dashes": True},
    "locatedIn": {"color": "#a8a8a8", "dashes": True},
    "operatesIn": {"color": "#7aa6d6", "dashes": True},
}
OTHER_PREDICATE = {"color": "#999999", "dashes": False}


def kind_of(attrs: dict) -> str:
    """The legend key of a node: its subtype, else its top type, else ``Other``."""
    sub = attrs.get("subtype")
    if sub in KIND_COLOURS:
        return str(sub)
    top = attrs.get("type")
    return str(top) if top in KIND_COLOURS else "Other"


def kind_order() -> list[str]:
    """Legend order: each top type followed by its subtypes."""
    out = []
    for top in ENTITY_TYPES:
        out.append(top)
        out.extend(SUBTYPES[top])
    return out


def type_of_kind(kind: str) -> str:
    """The top type a legend key belongs to (``Other`` if none)."""
    for top in ENTITY_TYPES:
        if kind == top or kind in SUBTYPES[top]:
            return top
    return "Other"


def node_size(degree: int) -> float:
    """Node radius in pixels, growing with the square root of the degree."""
    return round(min(10 + 5 * math.sqrt(degree), 60), 1)


def label_size(degree: int) -> int:
    """Label font size: hubs get larger labels so they stay readable zoomed out."""
    return int(min(14 + 3 * math.sqrt(degree), 30))


def edge_width(weight: int) -> float:
    """Edge width in pixels: 1 for one supporting sentence, thicker for more."""
    return round(min(1 + 1.5 * math.log2(max(weight, 1)), 8), 2)


def is_directed(predicate: str) -> bool:
    """False for symmetric relations (drawn without arrows)."""
    return predicate not in SYMMETRIC


def predicate_order() -> list[str]:
    """Legend order of predicates."""
    return list(PREDICATES)
