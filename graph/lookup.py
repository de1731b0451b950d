"""Find an entity of a networkx civicgraph by name, alias or IRI.

Names are compared by :func:`graph.textnorm.norm_key` (case, punctuation, a
leading "the" and "&"/"and" do not matter). An unknown name raises
:class:`~graph.errors.EntityNotFound` with the closest names (difflib's
ratio, plus names that contain the query as words); a name shared by several
entities raises it with ``ambiguous=True`` and each candidate written so that
it can be passed back unambiguously (``label [place/harbour-city]``).

>>> import sys; sys.path.insert(0, "tests")
>>> import handbuilt
>>> from graph.netx import to_networkx
>>> G = to_networkx(handbuilt.rdf_graph())
>>> find_entity(G, "the northfield trust").rsplit("/", 1)[1]
'northfield-trust'
>>> find_entity(G, "NFT").rsplit("/", 1)[1]
'northfield-trust'
>>> find_entity(G, "Northfeld Trust")
Traceback (most recent call last):
...
graph.errors.EntityNotFound: 'Northfeld Trust' matches no entity; did you mean: Northfield Trust, North Coast?
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

import networkx as nx

from graph.errors import EntityNotFound
from graph.namespace import ID_IRI
from graph.textnorm import norm_key

_BRACKET_ID = re.compile(r"^(?P<name>.*?)\s*\[(?P<local>[a-z]+/[^\]\s]+)\]\s*$")


def name_index(G: nx.Graph) -> dict[str, set[str]]:
    """Return norm_key(name) -> node ids, over every label and alias of ``G``."""
    cached = G.graph.get("_name_index")
    if cached is not None and cached[0] == G.number_of_nodes():
        return cached[1]
    built: dict[str, set[str]] = defaultdict(set)
    for n, data in G.nodes(data=True):
        for name in [data.get("label") or "", *data.get("aliases", ())]:
            key = norm_key(name)
            if key:
                built[key].add(n)
    index = dict(built)
    G.graph["_name_index"] = (G.number_of_nodes(), index)  # rebuilt if nodes are added
    return index


def display_name(G: nx.Graph, node: str) -> str:
    """Return ``label [kind/slug]``: a name :func:`find_entity` resolves uniquely."""
    local = node[len(ID_IRI):] if node.startswith(ID_IRI) else node
    return f"{G.nodes[node].get('label')} [{local}]"


def _suggest(G: nx.Graph, key: str, index: dict[str, set[str]], n: int) -> list[str]:
    keys = list(index)
    words = f" {key} "
    # names that contain the query as whole words first (shortest first), then look-alikes
    contains = sorted((k for k in keys if words in f" {k} "), key=lambda k: (len(k), k))
    close = [k for k in difflib.get_close_matches(key, keys, n=n, cutoff=0.6) if k not in contains]
    nodes: list[str] = []
    for k in [*contains, *close]:
        for node in sorted(index[k]):
            if node not in nodes:
                nodes.append(node)
    labels = [G.nodes[x].get("label") for x in nodes[:n]]
    # show the id only where two suggestions share a label
    return [
        display_name(G, x) if labels.count(G.nodes[x].get("label")) > 1 else str(G.nodes[x].get("label"))
        for x in nodes[:n]
    ]


def find_entity(G: nx.Graph, name: str, type_: str | None = None, max_suggestions: int = 5) -> str:
    """Return the node id of the entity called ``name`` (label or alias).

    Args:
        G: a graph from :func:`graph.netx.to_networkx`.
        name: a label, an alias, an IRI, an id local part (``place/harbour-city``)
            or ``label [local/part]`` as printed in suggestions.
        type_: only consider entities of this top type (Organisation, Programme, Place).
        max_suggestions: how many close matches to report on failure.

    Raises:
        EntityNotFound: no entity has that name, or several do (``ambiguous=True``).
    """
    text = name.strip()
    if not text:
        raise EntityNotFound(name, [])
    m = _BRACKET_ID.match(text)
    if m:
        text = m.group("local")
    for candidate in (text, ID_IRI + text):
        if candidate in G and (type_ is None or G.nodes[candidate].get("type") == type_):
            return candidate

    index = name_index(G)
    key = norm_key(text)
    found = sorted(
        x for x in index.get(key, ()) if type_ is None or G.nodes[x].get("type") == type_
    )
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        # a label match beats alias matches ("Harbour City" the place vs an alias)
        by_label = [x for x in found if norm_key(G.nodes[x].get("label") or "") == key]
        if len(by_label) == 1:
            return by_label[0]
        raise EntityNotFound(name, [display_name(G, x) for x in found], ambiguous=True)
    if type_ is not None:
        index = {
            k: kept
            for k, v in index.items()
            if (kept := {x for x in v if G.nodes[x].get("type") == type_})
        }
    raise EntityNotFound(name, _suggest(G, key, index, max_suggestions))
