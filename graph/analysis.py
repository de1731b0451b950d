"""Partnership, path and funding questions over the networkx view of the graph.

Every function takes the graph first (a MultiDiGraph from
:func:`graph.netx.to_networkx`), checks its inputs up front and raises a named
error (:class:`~graph.errors.EntityNotFound`, :class:`~graph.errors.QueryError`)
rather than returning something odd. Results are plain lists/dicts, sorted
deterministically, ready for a table or JSON.

>>> import sys; sys.path.insert(0, "tests")
>>> import handbuilt
>>> from graph.netx import to_networkx
>>> G = to_networkx(handbuilt.rdf_graph())
>>> [p["label"] for p in partners(G, "Riverside College")]
['Harbour City', 'Harbour City Council', 'Skills Bridge']
>>> [h["to_label"] for h in paths(G, "Hill District Council", "Riverside College")[0]]
['Hill Arts Festival', 'Northfield Trust', 'Skills Bridge', 'Riverside College']
"""

from __future__ import annotations

import os
from collections import defaultdict
from decimal import Decimal
from typing import Any

import networkx as nx

from graph.errors import QueryError
from graph.lookup import find_entity
from graph.netx import to_networkx
from graph.records import PREDICATES
from graph.store import load_graph

#: Above this many nodes, betweenness is estimated from a fixed-seed sample of
#: :data:`BETWEENNESS_PIVOTS` source nodes (Brandes & Pich 2007), as networkx's ``k``.
EXACT_BETWEENNESS_MAX = 2000
BETWEENNESS_PIVOTS = 100
SEED = 42

#: Relations that say "these work together" (used for communities).
WORKING_RELATIONS = ("partnerOf", "funds", "delivers", "participatesIn", "partOf")

#: Words for each predicate, read forward (subject -> object) and backward.
WORDS: dict[str, tuple[str, str]] = {
    "partnerOf": ("is a partner of", "is a partner of"),
    "funds": ("funds", "is funded by"),
    "delivers": ("delivers", "is delivered by"),
    "participatesIn": ("takes part in", "has as participant"),
    "partOf": ("is part of", "includes"),
    "locatedIn": ("is located in", "is the location of"),
    "operatesIn": ("operates in", "hosts"),
}


def load_network(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Load a graph file (``.ttl``, ``.nt``, ``.trig``, ``.nq``) as a networkx graph."""
    return to_networkx(load_graph(path))


def _node(G: nx.MultiDiGraph, name_or_node: str, type_: str | None = None) -> str:
    if name_or_node in G and (type_ is None or G.nodes[name_or_node].get("type") == type_):
        return name_or_node
    return find_entity(G, name_or_node, type_=type_)


def _check_via(via: str | list[str] | tuple[str, ...] | None) -> frozenset[str]:
    if via is None:
        return frozenset(PREDICATES)
    items = [v.strip() for v in (via.split(",") if isinstance(via, str) else via) if v.strip()]
    bad = [v for v in items if v not in PREDICATES]
    if bad or not items:
        raise QueryError(
            f"unknown relation {', '.join(repr(b) for b in bad) or '(none given)'}; "
            f"use one or more of: {', '.join(PREDICATES)}"
        )
    return frozenset(items)


def _check_int(name: str, value: int, low: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise QueryError(f"{name} must be a whole number >= {low} (got {value!r})")


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else format(amount, "f")


def _relation(G: nx.MultiDiGraph, u: str, v: str, key: str, here: str) -> dict[str, Any]:
    """Describe edge (u, v, key) as seen from node ``here`` (one of u, v)."""
    d = G.edges[u, v, key]
    other = v if here == u else u
    if d["symmetric"]:
        direction = "both"
    else:
        direction = "out" if here == u else "in"
    forward, backward = WORDS.get(d["predicate"], (d["predicate"], d["predicate"]))
    return {
        "predicate": d["predicate"],
        "direction": direction,
        "words": backward if direction == "in" else forward,
        "other": other,
        "other_label": G.nodes[other].get("label"),
        "other_type": G.nodes[other].get("type"),
        "amount": _money(d.get("amount")),
        "currency": d.get("currency"),
        "amount_text": d.get("amount_text"),
        "evidence": d.get("evidence", []),
    }


def relations(G: nx.MultiDiGraph, node: str, via: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Every relation of ``node`` (both directions), sorted by predicate then other label."""
    out = [
        _relation(G, node, v, k, node)
        for _, v, k in G.out_edges(node, keys=True)
        if via is None or k in via
    ]
    out += [
        _relation(G, u, node, k, node)
        for u, _, k in G.in_edges(node, keys=True)
        if (via is None or k in via) and u != node
    ]
    return sorted(out, key=lambda r: (r["predicate"], r["direction"], r["other_label"] or "", r["other"]))


def partners(
    G: nx.MultiDiGraph,
    node: str,
    depth: int = 1,
    via: str | list[str] | tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    """Entities connected to ``node`` within ``depth`` hops (any direction).

    Args:
        G: graph from :func:`graph.netx.to_networkx`.
        node: a node id or any name/alias of an entity.
        depth: 1 for direct partners; 2 adds partners of partners; and so on.
        via: only follow these relations (names from :data:`graph.records.PREDICATES`,
            as a list or comma-separated string); default all.

    Returns:
        One dict per entity reached, in breadth-first order: ``node``, ``label``,
        ``type``, ``subtype``, ``depth``, ``through`` (the entity it was reached
        from) and ``relations`` (every relation linking it to ``through``, with
        evidence).

    Raises:
        EntityNotFound: unknown or ambiguous name.
        QueryError: bad depth or relation name.
    """
    _check_int("depth", depth, 1)
    preds = _check_via(via)
    start = _node(G, node)
    seen = {start}
    frontier = [start]
    found: list[dict[str, Any]] = []
    for level in range(1, depth + 1):
        nxt: list[str] = []
        for here in frontier:
            rels = relations(G, here, preds)
            by_other: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for r in rels:
                by_other[r["other"]].append(r)
            for other in sorted(by_other, key=lambda x: (G.nodes[x].get("label") or "", x)):
                if other in seen:
                    continue
                seen.add(other)
                nxt.append(other)
                data = G.nodes[other]
                found.append({
                    "node": other,
                    "label": data.get("label"),
                    "type": data.get("type"),
                    "subtype": data.get("subtype"),
                    "depth": level,
                    "through": here,
                    "through_label": G.nodes[here].get("label"),
                    "relations": [
                        {k: v for k, v in r.items() if k not in ("other", "other_label", "other_type")}
                        for r in by_other[other]
                    ],
                })
        frontier = nxt
        if not frontier:
            break
    return found


def _undirected(G: nx.MultiDiGraph, preds: frozenset[str]) -> nx.Graph:
    """The undirected simple graph of ``G`` over relations ``preds`` (cached on ``G``)."""
    cache = G.graph.setdefault("_undirected", {})
    key = (preds, G.number_of_nodes(), G.number_of_edges())
    if key not in cache:
        cache.clear()
        cache[key] = _build_undirected(G, preds)
    return cache[key]


def _build_undirected(G: nx.MultiDiGraph, preds: frozenset[str]) -> nx.Graph:
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    for u, v, k in G.edges(keys=True):
        if k in preds and u != v:
            U.add_edge(u, v)
    return U


def _hops(G: nx.MultiDiGraph, path: list[str], preds: frozenset[str]) -> list[dict[str, Any]]:
    hops = []
    for a, b in zip(path, path[1:], strict=False):
        rels = [r for r in relations(G, a, preds) if r["other"] == b]
        hops.append({
            "from": a,
            "from_label": G.nodes[a].get("label"),
            "to": b,
            "to_label": G.nodes[b].get("label"),
            "relations": [
                {k: v for k, v in r.items() if k not in ("other", "other_label", "other_type")}
                for r in rels
            ],
        })
    return hops


def paths(
    G: nx.MultiDiGraph,
    a: str,
    b: str,
    max_len: int = 4,
    all: bool = False,  # noqa: A002 - networkx-like keyword, mirrors the CLI flag
    via: str | list[str] | tuple[str, ...] | None = None,
    limit: int = 100,
) -> list[list[dict[str, Any]]]:
    """Connections between ``a`` and ``b``, following relations in either direction.

    Args:
        G: graph from :func:`graph.netx.to_networkx`.
        a, b: node ids or names of the two entities.
        max_len: the longest connection considered, in hops.
        all: every simple connection up to ``max_len`` hops (shortest first,
            at most ``limit``) instead of one shortest connection.
        via: only follow these relations.
        limit: the most connections returned with ``all``.

    Returns:
        A list of paths (empty when there is no connection within ``max_len``);
        each path is a list of hops ``{from, from_label, to, to_label,
        relations}``, where each relation has ``predicate``, ``direction``
        (``out`` = from -> to, ``in`` = to -> from, ``both`` for partnerOf),
        ``words`` and ``evidence``.

    Raises:
        EntityNotFound: unknown or ambiguous name.
        QueryError: bad max_len/limit/relation, or ``a`` and ``b`` are the same entity.
    """
    _check_int("max_len", max_len, 1)
    _check_int("limit", limit, 1)
    preds = _check_via(via)
    src, dst = _node(G, a), _node(G, b)
    if src == dst:
        raise QueryError(f"'{a}' and '{b}' are the same entity; give two different entities")
    U = _undirected(G, preds)
    if not all:
        try:
            p = nx.shortest_path(U, src, dst)
        except nx.NetworkXNoPath:
            return []
        return [_hops(G, p, preds)] if len(p) - 1 <= max_len else []
    # Yen's k-shortest simple paths yields shortest first, so stopping at max_len
    # or limit never enumerates the (possibly huge) set of longer paths.
    found: list[list[str]] = []
    try:
        for p in nx.shortest_simple_paths(U, src, dst):
            if len(p) - 1 > max_len or len(found) >= limit:
                break
            found.append(list(p))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: (len(p), [G.nodes[x].get("label") or "" for x in p], p))
    return [_hops(G, p, preds) for p in found]


def describe_hop(hop: dict[str, Any]) -> str:
    """One hop in words, e.g. ``Northfield Trust funds Skills Bridge (£250,000)``."""
    parts = []
    for r in hop["relations"]:
        if r["direction"] == "in":
            s, o, words = hop["to_label"], hop["from_label"], WORDS.get(r["predicate"], ("", ""))[0]
            text = f"{s} {words} {o}"
        else:
            text = f"{hop['from_label']} {r['words']} {hop['to_label']}"
        if r.get("amount_text") or r.get("amount"):
            text += f" ({r.get('amount_text') or r['amount'] + ' ' + (r.get('currency') or '')})"
        parts.append(f"{text} [cg:{r['predicate']}]")
    return "; ".join(parts)


def brokers(G: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """Organisations that bridge the network, by betweenness centrality.

    Betweenness (Freeman 1977; Brandes 2001, as in networkx) is computed on
    the undirected graph of every entity and relation (programmes and places
    are how organisations meet), then only organisations are ranked. Above
    :data:`EXACT_BETWEENNESS_MAX` nodes it is estimated from a fixed-seed
    sample of :data:`BETWEENNESS_PIVOTS` pivots, so answers stay deterministic.

    Returns:
        Up to ``top`` dicts ``{node, label, subtype, betweenness, degree}``,
        highest first; organisations with zero betweenness are left out.
    """
    _check_int("top", top, 1)
    U = _undirected(G, frozenset(PREDICATES))
    k = BETWEENNESS_PIVOTS if U.number_of_nodes() > EXACT_BETWEENNESS_MAX else None
    bc = nx.betweenness_centrality(U, k=k, seed=SEED, normalized=True)
    rows = [
        {
            "node": n,
            "label": G.nodes[n].get("label"),
            "subtype": G.nodes[n].get("subtype"),
            "betweenness": round(score, 6),
            "degree": U.degree(n),
        }
        for n, score in bc.items()
        if G.nodes[n].get("type") == "Organisation" and score > 0
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"] or "", r["node"]))
    return rows[:top]


def communities(G: nx.MultiDiGraph, min_size: int = 2) -> list[dict[str, Any]]:
    """Clusters of organisations that work together.

    Louvain modularity communities (Blondel et al. 2008; networkx
    ``louvain_communities`` with a fixed seed) on the undirected graph of
    organisations and programmes joined by :data:`WORKING_RELATIONS`, weighted
    by the number of supporting sentences. Places are left out: sharing a
    region is not working together.

    Returns:
        Communities with at least ``min_size`` organisations, largest first:
        ``{id, organisations: [{node, label}], programmes: [{node, label}]}``.
    """
    _check_int("min_size", min_size, 1)
    U = nx.Graph()
    keep = [n for n, t in G.nodes(data="type") if t in ("Organisation", "Programme")]
    U.add_nodes_from(keep)
    for u, v, k, w in G.edges(keys=True, data="weight"):
        if k in WORKING_RELATIONS and u in U and v in U and u != v:
            U.add_edge(u, v, weight=U.get_edge_data(u, v, {"weight": 0})["weight"] + (w or 1))
    U.remove_nodes_from([n for n in list(U) if U.degree(n) == 0])
    if U.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(U, weight="weight", seed=SEED)

    def members(nodes: set[str], type_: str) -> list[dict[str, str]]:
        ms = [{"node": n, "label": G.nodes[n].get("label")} for n in nodes if G.nodes[n].get("type") == type_]
        return sorted(ms, key=lambda m: (m["label"] or "", m["node"]))

    found = []
    for part in parts:
        orgs = members(part, "Organisation")
        if len(orgs) >= min_size:
            found.append((orgs, members(part, "Programme")))
    found.sort(key=lambda c: (-len(c[0]), c[0][0]["label"] or ""))
    return [{"id": i, "organisations": orgs, "programmes": progs}
            for i, (orgs, progs) in enumerate(found, 1)]


def _totals(amounts: list[tuple[Decimal | None, str | None]]) -> dict[str, str]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for amount, currency in amounts:
        if amount is not None:
            totals[currency or "GBP"] += amount
    return {c: format(v, "f") for c, v in sorted(totals.items())}


def funders(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every funder with what it funds, the amounts and the known total.

    Returns:
        ``{node, label, subtype, funds: [{node, label, type, amount, currency,
        amount_text, evidence}], total: {currency: amount}}``, most recipients first.
    """
    rows = []
    for n in sorted(G.nodes):
        funded = [
            _relation(G, n, v, k, n) for _, v, k in G.out_edges(n, keys=True) if k == "funds"
        ]
        if not funded and not G.nodes[n].get("funder"):
            continue
        funded.sort(key=lambda r: (r["other_label"] or "", r["other"]))
        rows.append({
            "node": n,
            "label": G.nodes[n].get("label"),
            "subtype": G.nodes[n].get("subtype"),
            "funds": [
                {"node": r["other"], "label": r["other_label"], "type": r["other_type"],
                 "amount": r["amount"], "currency": r["currency"], "amount_text": r["amount_text"],
                 "evidence": r["evidence"]}
                for r in funded
            ],
            "total": _totals([(G.edges[n, r["other"], "funds"].get("amount"), r["currency"]) for r in funded]),
        })
    rows.sort(key=lambda r: (-len(r["funds"]), r["label"] or "", r["node"]))
    return rows


#: How a funded entity passes money on: relations *into* it (who delivers it, who
#: takes part, which programmes are part of it) and *out of* it (where it runs).
REACH_IN = ("delivers", "participatesIn", "partOf")
REACH_OUT = ("operatesIn", "locatedIn", "delivers", "funds")


def reach(G: nx.MultiDiGraph, funder: str) -> dict[str, Any]:
    """What ``funder`` reaches: what it funds directly and, through each of
    those, who delivers or takes part in it, its parts, and where it runs.

    Returns:
        ``{node, label, direct: [...], through: [...], total, reached}`` where
        ``direct`` lists funded entities with amounts and evidence, and
        ``through`` lists ``{via, via_label, node, label, type, predicate,
        direction, words, evidence}`` (second-level reach), and ``reached``
        counts the distinct entities reached.

    Raises:
        EntityNotFound: unknown or ambiguous name.
        QueryError: the entity funds nothing in the graph.
    """
    src = _node(G, funder)
    direct = [
        _relation(G, src, v, k, src) for _, v, k in G.out_edges(src, keys=True) if k == "funds"
    ]
    if not direct:
        raise QueryError(
            f"'{G.nodes[src].get('label')}' funds nothing in this graph "
            "(see 'civicgraph funders' for the funders)"
        )
    direct.sort(key=lambda r: (r["other_label"] or "", r["other"]))
    through = []
    for d in direct:
        x = d["other"]
        for r in relations(G, x):
            if r["other"] == src:
                continue
            inbound = r["direction"] == "in" and r["predicate"] in REACH_IN
            outbound = r["direction"] == "out" and r["predicate"] in REACH_OUT
            if not (inbound or outbound or r["predicate"] == "partnerOf"):
                continue
            through.append({
                "via": x,
                "via_label": d["other_label"],
                "node": r["other"],
                "label": r["other_label"],
                "type": r["other_type"],
                "predicate": r["predicate"],
                "direction": r["direction"],
                "words": r["words"],
                "evidence": r["evidence"],
            })
    reached = {d["other"] for d in direct} | {t["node"] for t in through}
    return {
        "node": src,
        "label": G.nodes[src].get("label"),
        "direct": [
            {"node": d["other"], "label": d["other_label"], "type": d["other_type"],
             "amount": d["amount"], "currency": d["currency"], "amount_text": d["amount_text"],
             "evidence": d["evidence"]}
            for d in direct
        ],
        "through": through,
        "total": _totals([(G.edges[src, d["other"], "funds"].get("amount"), d["currency"]) for d in direct]),
        "reached": len(reached),
    }


def card(G: nx.MultiDiGraph, entity: str) -> dict[str, Any]:
    """One entity's card: names, type, subtype, identifiers, documents, relations.

    Raises:
        EntityNotFound: unknown or ambiguous name.
    """
    n = _node(G, entity)
    data = G.nodes[n]
    docs = G.graph.get("documents", {})
    return {
        "node": n,
        "label": data.get("label"),
        "type": data.get("type"),
        "subtype": data.get("subtype"),
        "funder": bool(data.get("funder")),
        "aliases": list(data.get("aliases", [])),
        "ids": list(data.get("ids", [])),
        "documents": [
            {"document": d, "file_name": docs.get(d, {}).get("file_name"),
             "title": docs.get(d, {}).get("title")}
            for d in data.get("documents", [])
        ],
        "relations": relations(G, n),
    }
