"""Interactive partnership maps: one self-contained, offline HTML page per map.

:func:`render_map` is the one call: select (whole network, ego map, path
map, filters, cap; :mod:`graph.render.select`), lay out (in Python above
:data:`~graph.render.page.PHYSICS_MAX` nodes; :mod:`graph.render.layout`)
and render with pyvis (:mod:`graph.render.page`). It returns the HTML; the
caller writes it (``graph.store.write_atomic``).

>>> import sys; sys.path.insert(0, "tests")
>>> import handbuilt
>>> from graph.netx import to_networkx
>>> html = render_map(to_networkx(handbuilt.rdf_graph()), title="Hand-built")
>>> "Northfield Trust" in html and "cdn.jsdelivr" not in html
True
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.render.page import PHYSICS_MAX, render_view
from graph.render.select import MAX_NODES, MapError, MapView, filter_graph, select_map

#: The page title of a map unless the caller gives one (``map`` and ``build`` alike).
DEFAULT_TITLE = "civicgraph partnership map"

__all__ = [
    "DEFAULT_TITLE",
    "MAX_NODES",
    "PHYSICS_MAX",
    "MapError",
    "MapView",
    "filter_graph",
    "render_map",
    "render_view",
    "select_map",
]


def render_map(
    G: nx.MultiDiGraph,
    *,
    title: str,
    focus: str | None = None,
    depth: int = 1,
    path: tuple[str, str] | list[str] | None = None,
    types: Iterable[str] | None = None,
    place: str | None = None,
    predicates: Iterable[str] | None = None,
    max_nodes: int | None = MAX_NODES,
) -> str:
    """Return a self-contained HTML partnership map of ``G``.

    Args:
        G: the networkx graph (:func:`graph.netx.to_networkx`).
        title: page title (escaped; may come from a document).
        focus, depth: ego map around the entity named ``focus``.
        path: two entity names; the map highlights a shortest path between them.
        types: keep entities of these types/subtypes (``Organisation``,
            ``LocalAuthority``, ``Funder``...).
        place: keep what is located or operating in this place and its parts.
        predicates: keep only these relations (``partnerOf``, ``funds``...).
        max_nodes: draw at most this many entities (best connected first);
            None draws everything.

    Raises:
        MapError: impossible selection (unknown type, no path, nothing left).
        EntityNotFound: a name matches no entity.
    """
    view = select_map(
        G, focus=focus, depth=depth, path=path, types=types, place=place,
        predicates=predicates, max_nodes=max_nodes,
    )
    return render_view(view, title=title)
