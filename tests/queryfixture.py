"""The hand-built graph plus two entities for the query tests.

* "Hill Community Centre" (alias "HCC") makes the alias "HCC" ambiguous
  (Harbour City Council is also "HCC"); it takes part in the Hill Arts Festival.
* "Lonely Museum" is mentioned but linked to nothing: no path reaches it.
"""

from __future__ import annotations

import dataclasses

import handbuilt

from graph.records import ResolvedGraph

CENTRE = handbuilt._ent("Hill Community Centre", "Organisation", "Charity", ("HCC",))
MUSEUM = handbuilt._ent("Lonely Museum", "Organisation", "CulturalOrganisation")
CENTRE_LINK = handbuilt._link(CENTRE, "participatesIn", handbuilt.FESTIVAL, "run by Hill District Council")


def resolved() -> ResolvedGraph:
    """The extended graph as a ResolvedGraph."""
    base = handbuilt.resolved()
    extra = (CENTRE, MUSEUM)
    return dataclasses.replace(
        base,
        entities=base.entities + extra,
        links=base.links + (CENTRE_LINK,),
        mentions=base.mentions + tuple((e.entity_id, handbuilt.DOC_ID) for e in extra),
    )


def rdf_graph():
    """The extended graph as RDF."""
    from graph.rdf import build_rdf

    return build_rdf(resolved())
