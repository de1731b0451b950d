"""Network exports for Gephi, sigma.js and friends: GraphML and GEXF.

The RDF -> networkx conversion is :func:`graph.netx.to_networkx` (one place
converts RDF to networkx); this module only makes every attribute a
GraphML/GEXF-safe scalar (str, int, float, bool): lists and sets are joined
with ``"; "``, decimals become floats, missing values are dropped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

import networkx as nx
from rdflib import Graph

from graph.errors import CivicGraphError


def _scalar(value: object) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}={_scalar(v)}" for k, v in sorted(value.items(), key=str))
    if isinstance(value, Iterable):
        items = [_scalar(v) for v in value]
        return "; ".join(sorted(str(v) for v in items if v is not None and v != ""))
    return str(value)


def _clean(attrs: Mapping[str, object]) -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in attrs.items():
        if key == "evidence" and isinstance(value, list | tuple):
            # list of {"sentence", "document", ...}: the sentences, and where they come from
            quotes = [q for q in value if isinstance(q, Mapping)]
            out["evidence"] = " | ".join(str(q.get("sentence", "")) for q in quotes)
            out["evidence_documents"] = "; ".join(
                sorted({str(q.get("document", "")) for q in quotes} - {""})
            )
            continue
        v = _scalar(value)
        if v is not None and v != "":
            out[{"ids": "identifiers"}.get(str(key), str(key))] = v
    return out


def network(graph: Graph) -> nx.Graph:
    """Return the graph as networkx with GraphML/GEXF-safe attributes.

    Raises:
        CivicGraphError: the networkx converter (graph.netx) is not installed.
    """
    try:
        from graph.netx import to_networkx
    except ImportError as exc:  # pragma: no cover - until graph.netx lands
        raise CivicGraphError(f"network export needs graph.netx ({exc})") from None
    g = to_networkx(graph)
    out = g.__class__()
    out.graph.update({k: v for k, v in g.graph.items() if isinstance(v, str | int | float | bool)})
    for n, attrs in g.nodes(data=True):
        out.add_node(str(n), **_clean(attrs))
    if g.is_multigraph():
        for u, v, k, attrs in g.edges(keys=True, data=True):
            out.add_edge(str(u), str(v), key=k, **_clean(attrs))
    else:
        for u, v, attrs in g.edges(data=True):
            out.add_edge(str(u), str(v), **_clean(attrs))
    return out


def to_graphml(graph: Graph) -> dict[str, bytes]:
    """Return ``{".graphml": ...}``."""
    buf = io.BytesIO()
    nx.write_graphml(network(graph), buf, encoding="utf-8", named_key_ids=True)
    return {".graphml": buf.getvalue()}


def to_gexf(graph: Graph) -> dict[str, bytes]:
    """Return ``{".gexf": ...}``.

    networkx stamps ``<meta lastmodifieddate=...>`` with today's date; the
    attribute is optional in GEXF 1.2 and is dropped so that the same graph
    always gives the same bytes.
    """
    buf = io.BytesIO()
    nx.write_gexf(network(graph), buf, encoding="utf-8")
    data = re.sub(rb'(<meta)\s+lastmodifieddate="[^"]*"', rb"\1", buf.getvalue(), count=1)
    return {".gexf": data}
