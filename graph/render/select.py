"""Choose what a map shows: the whole network, an ego map, a path map, filters, a cap.

Works on the networkx view of the graph (:func:`graph.netx.to_networkx`: node
attributes ``label``, ``type``, ``subtype``, ``aliases``, ``documents``,
``funder``; edge attributes ``predicate``, ``evidence``, ``weight``;
``partnerOf`` as one edge with ``symmetric=True``). Nothing here renders, so
the same selection serves the HTML map, tests and other outputs.

Order of work: filters first (types, predicates, place), then the mode (ego
or path, traversing only what the filters kept), then the cap (top N by
number of connections, the focus or path always kept).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from graph.errors import CivicGraphError
from graph.records import ENTITY_TYPES, PREDICATES, SUBTYPES

#: Largest map drawn in full; above it only the best-connected entities are kept.
MAX_NODES = 5000

#: Names accepted by ``types``: top types, subtypes and ``Funder``.
TYPE_NAMES: tuple[str, ...] = (
    *ENTITY_TYPES,
    *(s for subs in SUBTYPES.values() for s in subs),
    "Funder",
)

#: Predicates whose parts count as "in" a place (``x partOf place``).
_IN_PLACE = ("locatedIn", "operatesIn")


class MapError(CivicGraphError):
    """A map cannot be made as asked (unknown type or predicate, no path, empty map)."""


EdgeKey = tuple[object, object, object]


@dataclass(frozen=True)
class MapView:
    """What one map shows, with the numbers the page reports.

    Attributes:
        graph: the subgraph to draw (the source graph itself when nothing was
            filtered out: treat it as read-only).
        mode: ``"network"``, ``"ego"`` or ``"path"``.
        highlight_nodes: the focus entity, or the path's entities.
        highlight_edges: the path's edges as ``(u, v, key)``.
        selected_nodes: entities the filters and mode selected, before the cap.
        selected_edges: relations among them, before the cap.
        notes: plain-text lines describing the selection (shown on the page).
    """

    graph: nx.MultiDiGraph
    mode: str = "network"
    highlight_nodes: frozenset = frozenset()
    highlight_edges: frozenset = frozenset()
    selected_nodes: int = 0
    selected_edges: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def left_out_nodes(self) -> int:
        """Entities selected but not drawn because of the cap."""
        return self.selected_nodes - self.graph.number_of_nodes()

    @property
    def left_out_edges(self) -> int:
        """Relations selected but not drawn because of the cap."""
        return self.selected_edges - self.graph.number_of_edges()


def predicate_name(value: object) -> str:
    """The local name of a predicate (``cg:funds`` or its IRI -> ``funds``)."""
    text = str(value)
    for sep in ("#", "/", ":"):
        text = text.rsplit(sep, 1)[-1]
    return text


def _canonical(names: Iterable[str], allowed: Iterable[str], what: str) -> set[str]:
    by_key = {a.lower(): a for a in allowed}
    out = set()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if name.lower() not in by_key:
            raise MapError(f"unknown {what} '{name}'; choose from: {', '.join(by_key.values())}")
        out.add(by_key[name.lower()])
    return out


def _find(G: nx.MultiDiGraph, name: str, type_: str | None = None) -> object:
    """Resolve a name to a node with :func:`graph.lookup.find_entity`."""
    from graph.lookup import find_entity

    return find_entity(G, name, type_=type_)


def _node_matches(attrs: dict, wanted: set[str]) -> bool:
    if attrs.get("type") in wanted or attrs.get("subtype") in wanted:
        return True
    return "Funder" in wanted and bool(attrs.get("funder"))


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    types: Iterable[str] | None = None,
    place: str | None = None,
    predicates: Iterable[str] | None = None,
) -> tuple[nx.MultiDiGraph, list[str]]:
    """Return the subgraph kept by the filters (``G`` itself if none) and a note per filter.

    Args:
        G: the networkx graph.
        types: keep entities whose type, subtype (or ``Funder``) is listed.
        place: keep the place, its parts (``partOf``, transitively) and every
            entity located or operating in any of them.
        predicates: keep only relations with these predicates (and the
            entities they connect).

    Raises:
        MapError: an unknown type or predicate name.
        EntityNotFound: ``place`` matches no entity.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="A", type="Organisation")
    >>> G.add_node("p", label="P", type="Programme")
    >>> _ = G.add_edge("a", "p", predicate="delivers")
    >>> H, notes = filter_graph(G, types=["programme"])
    >>> list(H), notes
    (['p'], ['types: Programme'])
    """
    notes: list[str] = []
    if not (types or place or predicates):
        return G, notes
    keep_nodes = set(G)
    if types:
        wanted = _canonical(types, TYPE_NAMES, "type")
        keep_nodes = {n for n in keep_nodes if _node_matches(G.nodes[n], wanted)}
        notes.append("types: " + ", ".join(sorted(wanted)))
    if place:
        where = _find(G, place, type_="Place")
        keep_nodes &= _place_members(G, where)
        notes.append(f"place: {G.nodes[where].get('label', place)} and its parts")
    H = G.subgraph(keep_nodes)
    if predicates:
        wanted_p = _canonical(predicates, PREDICATES, "predicate")
        edges = [
            (u, v, k) for u, v, k, p in H.edges(keys=True, data="predicate")
            if predicate_name(p) in wanted_p
        ]
        H = H.edge_subgraph(edges)
        notes.append("relations: " + ", ".join(sorted(wanted_p)))
    return H.copy(), notes


def _place_members(G: nx.MultiDiGraph, place: object) -> set:
    """The place, its parts (partOf, transitively) and what is located/operating in them."""
    places = {place}
    frontier = [place]
    while frontier:
        nxt = []
        for target in frontier:
            for u, _, p in G.in_edges(target, data="predicate"):
                if predicate_name(p) == "partOf" and u not in places:
                    places.add(u)
                    nxt.append(u)
        frontier = nxt
    members = set(places)
    for target in places:
        for u, _, p in G.in_edges(target, data="predicate"):
            if predicate_name(p) in _IN_PLACE:
                members.add(u)
    return members


def _undirected(G: nx.MultiDiGraph) -> nx.Graph:
    return nx.Graph(G.to_undirected(as_view=True))


def select_map(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    path: tuple[str, str] | list[str] | None = None,
    types: Iterable[str] | None = None,
    place: str | None = None,
    predicates: Iterable[str] | None = None,
    max_nodes: int | None = MAX_NODES,
) -> MapView:
    """Select what a map shows, without rendering it.

    Args:
        G: the networkx graph (:func:`graph.netx.to_networkx`).
        focus: name of the entity at the centre of an ego map.
        depth: how many relations away from ``focus`` to go (≥ 1).
        path: two names; the map shows a shortest path between them, the
            path highlighted, with the path entities' neighbours as context.
        types, place, predicates: filters (see :func:`filter_graph`).
        max_nodes: draw at most this many entities (the best connected;
            the focus or path always kept); None for no cap.

    Returns:
        A :class:`MapView`.

    Raises:
        MapError: bad arguments, no path, or nothing left to draw.
        EntityNotFound: a name matches no entity.
    """
    if focus and path:
        raise MapError("choose either a focus entity or a path, not both")
    if depth < 1:
        raise MapError(f"depth must be at least 1 (got {depth})")
    if max_nodes is not None and max_nodes < 1:
        raise MapError(f"max_nodes must be at least 1 (got {max_nodes})")
    H, notes = filter_graph(G, types=types, place=place, predicates=predicates)
    mode, hl_nodes, hl_edges = "network", set(), set()
    if focus:
        node = _in_filtered(G, H, focus)
        ego = nx.ego_graph(_undirected(H), node, radius=depth)
        H = H.subgraph(ego).copy()
        mode, hl_nodes = "ego", {node}
        notes.insert(0, f"around {G.nodes[node].get('label', focus)}, depth {depth}")
    elif path:
        if len(path) != 2:
            raise MapError("a path needs exactly two entities")
        a, b = (_in_filtered(G, H, name) for name in path)
        try:
            nodes = nx.shortest_path(_undirected(H), a, b)
        except nx.NetworkXNoPath:
            hint = "; try without filters" if H is not G else ""
            raise MapError(f"no path between '{path[0]}' and '{path[1]}'{hint}") from None
        hl_nodes = set(nodes)
        hl_edges = {
            (u, v, k)
            for x, y in zip(nodes, nodes[1:], strict=False)
            for u, v in ((x, y), (y, x))
            for k in (H[u][v] if H.has_edge(u, v) else ())
        }
        context = set(nodes)
        for n in nodes:
            context.update(nx.all_neighbors(H, n))
        H = H.subgraph(context).copy()
        mode = "path"
        labels = [G.nodes[n].get("label", str(n)) for n in nodes]
        notes.insert(0, f"path ({len(nodes) - 1} steps): " + " → ".join(labels))
    if H.number_of_nodes() == 0:
        hint = (
            " (--types applies to both ends of a relation: no relation of those kinds "
            "joins entities of those types)" if types and predicates else ""
        )
        raise MapError(f"nothing to draw: the filters leave no entities{hint}")
    selected_nodes, selected_edges = H.number_of_nodes(), H.number_of_edges()
    if max_nodes is not None and selected_nodes > max_nodes:
        H = _cap(H, max_nodes, keep=hl_nodes)
        notes.append(
            f"showing the {H.number_of_nodes():,} best-connected of {selected_nodes:,} entities; "
            f"{selected_nodes - H.number_of_nodes():,} entities and "
            f"{selected_edges - H.number_of_edges():,} relations left out"
        )
    return MapView(
        graph=H,
        mode=mode,
        highlight_nodes=frozenset(hl_nodes),
        highlight_edges=frozenset(e for e in hl_edges if H.has_edge(*e)),
        selected_nodes=selected_nodes,
        selected_edges=selected_edges,
        notes=tuple(notes),
    )


def _in_filtered(G: nx.MultiDiGraph, H: nx.MultiDiGraph, name: str) -> object:
    node = _find(G, name)
    if node not in H:
        raise MapError(f"'{G.nodes[node].get('label', name)}' is not in the filtered map")
    return node


def _cap(H: nx.MultiDiGraph, max_nodes: int, keep: set) -> nx.MultiDiGraph:
    """Keep ``keep`` plus the best-connected entities, up to ``max_nodes``."""
    degree = dict(H.degree())
    ranked = sorted(H, key=lambda n: (-degree[n], str(H.nodes[n].get("label", n)), str(n)))
    chosen = list(keep)[:max_nodes]
    chosen_set = set(chosen)
    for n in ranked:
        if len(chosen) >= max_nodes:
            break
        if n not in chosen_set:
            chosen.append(n)
            chosen_set.add(n)
    return H.subgraph(chosen).copy()
