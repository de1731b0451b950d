"""Turn a :class:`~graph.render.select.MapView` into one self-contained HTML page.

The page is pyvis's vis-network build inlined (``cdn_resources="in_line"``)
under civicgraph's own Jinja template (``map.html``, ``map.css``, ``map.js``
in this folder), rendered with pyvis ``Network.generate_html()``. pyvis's
stock template links Bootstrap from a CDN and its menus pull Tom Select, so
neither is used: the search box, filters, legend and hover card are plain
DOM code in ``map.js``.

Escaping: the template environment autoescapes, so the title and summary
are HTML-escaped; node and edge data go into the page through Jinja's
``tojson`` (which escapes ``<``, ``>``, ``&`` and ``'``), and ``map.js``
only ever puts document text into the page with ``textContent``. Nodes and
edges carry no vis ``title``, so vis-network never renders document text as
HTML.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network

from graph.render import style
from graph.render.layout import layout
from graph.render.select import MapView, predicate_name

HERE = Path(__file__).resolve().parent
#: Above this many nodes, positions are computed in Python and physics is off.
PHYSICS_MAX = 300
#: Above this many edges, edge labels are left out (the legend names the colours).
EDGE_LABEL_MAX = 600
#: Evidence sentences kept per edge, and their maximum length.
EVIDENCE_MAX = 5
SENTENCE_MAX = 600


def _environment() -> Environment:
    import pyvis

    pyvis_templates = Path(pyvis.__file__).resolve().parent / "templates"
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(HERE)), FileSystemLoader(str(pyvis_templates))]),
        autoescape=True,
        keep_trailing_newline=True,
    )


def _short(text: object, limit: int = SENTENCE_MAX) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _doc_name(doc: object, documents: dict | None = None) -> str:
    """A readable document name: its title and file name when known."""
    text = str(doc)
    meta = (documents or {}).get(text) or {}
    title, file_name = meta.get("title"), meta.get("file_name")
    if title and file_name:
        return _short(f"{title} ({file_name})", 200)
    if title or file_name:
        return _short(str(title or file_name), 200)
    return text.rsplit("/", 1)[-1] if text.startswith(("http://", "https://")) else text


def _evidence(items: object, documents: dict) -> tuple[list[dict[str, object]], int]:
    rows: list[dict[str, object]] = []
    for item in list(items or []):  # type: ignore[call-overload]
        if isinstance(item, dict):
            doc = item.get("document")
            if doc in documents or not item.get("file_name"):
                name = _doc_name(doc or "", documents)
            else:
                name = _short(item["file_name"], 200)
            rows.append({
                "s": _short(item.get("sentence", "")),
                "d": name,
                "r": [item.get("start"), item.get("end")],
            })
        else:
            rows.append({"s": _short(item), "d": "", "r": [None, None]})
    return rows[:EVIDENCE_MAX], max(len(rows) - EVIDENCE_MAX, 0)


def _nodes(view: MapView, ids: dict, positions: dict | None) -> list[dict]:
    G = view.graph
    docs = G.graph.get("documents") or {}
    highlight = bool(view.highlight_nodes)
    out = []
    for n, attrs in G.nodes(data=True):
        kind = style.kind_of(attrs)
        top = style.type_of_kind(kind)
        funder = bool(attrs.get("funder"))
        hl = n in view.highlight_nodes
        fill = style.KIND_COLOURS.get(kind, "#999999")
        border = style.HIGHLIGHT if hl else (style.FUNDER_BORDER if funder else fill)
        degree = G.degree(n)
        node = {
            "id": ids[n],
            "label": _short(attrs.get("label") or n, 80),
            "shape": style.FUNDER_SHAPE if funder else style.TYPE_SHAPES.get(top, "dot"),
            "size": style.node_size(degree),
            "font": {"size": style.label_size(degree)},
            "color": {"background": fill, "border": border,
                      "highlight": {"background": fill, "border": "#222222"},
                      "hover": {"background": fill, "border": "#222222"}},
            "borderWidth": 5 if hl else (4 if funder else 1),
            "kind": kind,
            "top": top,
            "sub": attrs.get("subtype") or "",
            "funder": funder,
            "aliases": sorted({_short(a, 200) for a in attrs.get("aliases") or ()}),
            "docs": sorted({_doc_name(d, docs) for d in attrs.get("documents") or ()}),
            "deg": degree,
        }
        if highlight and not hl and view.mode == "path":
            node["opacity"] = 0.45
        if positions is not None:
            node["x"], node["y"] = positions[n]
        out.append(node)
    return out


def _edges(view: MapView, ids: dict, labels: bool) -> list[dict]:
    G = view.graph
    docs = G.graph.get("documents") or {}
    out = []
    for i, (u, v, k, attrs) in enumerate(G.edges(keys=True, data=True)):
        pred = predicate_name(attrs.get("predicate", ""))
        look = style.PREDICATE_STYLES.get(pred, style.OTHER_PREDICATE)
        evidence, more = _evidence(attrs.get("evidence"), docs)
        weight = int(attrs.get("weight") or len(attrs.get("evidence") or ()) or 1)
        hl = (u, v, k) in view.highlight_edges
        colour = style.HIGHLIGHT if hl else look["color"]
        edge = {
            "id": i,
            "from": ids[u],
            "to": ids[v],
            "pred": pred,
            "color": {"color": colour, "highlight": "#222222", "hover": "#222222"},
            "dashes": look["dashes"],
            "width": style.edge_width(weight) + (3 if hl else 0),
            "arrows": {"to": {"enabled": style.is_directed(pred) and not attrs.get("symmetric"),
                              "scaleFactor": 0.6}},
            "ev": evidence,
            "more": more,
            "n": weight,
        }
        amount = attrs.get("amount_text") or attrs.get("amount")
        if amount is not None:
            edge["amount"] = _short(amount, 60)
        if labels:
            edge["label"] = pred
        if view.mode == "path" and view.highlight_edges and not hl:
            edge["color"]["opacity"] = 0.35
        out.append(edge)
    return out


def _summary(G: nx.MultiDiGraph) -> str:
    tops = Counter(style.type_of_kind(style.kind_of(a)) for _, a in G.nodes(data=True))
    funders = sum(1 for _, f in G.nodes(data="funder") if f)
    docs = {d for _, ds in G.nodes(data="documents") for d in (ds or ())}
    parts = [
        f"{tops[t]:,} {name}" for t, name in (
            ("Organisation", "organisations"), ("Programme", "programmes"),
            ("Place", "places"), ("Other", "other"))
        if tops[t]
    ]
    n, m = G.number_of_nodes(), G.number_of_edges()
    text = f"{n:,} entit{'y' if n == 1 else 'ies'} ({', '.join(parts)}; {funders:,} funder"
    text += f"{'' if funders == 1 else 's'}) · {m:,} relation{'' if m == 1 else 's'}"
    return text + f" · {len(docs):,} document{'' if len(docs) == 1 else 's'}"


def _legend(nodes: list[dict], edges: list[dict]) -> dict[str, object]:
    kinds = Counter(n["kind"] for n in nodes)
    preds = Counter(e["pred"] for e in edges)
    order = style.kind_order()
    return {
        "kinds": [
            {"kind": k, "top": style.type_of_kind(k), "color": style.KIND_COLOURS.get(k, "#999"),
             "count": kinds[k], "shape": style.TYPE_SHAPES.get(style.type_of_kind(k), "dot")}
            for k in sorted(kinds, key=lambda k: (order.index(k) if k in order else 99, k))
        ],
        "predicates": [
            {"pred": p, "count": preds[p],
             "color": style.PREDICATE_STYLES.get(p, style.OTHER_PREDICATE)["color"],
             "dashes": style.PREDICATE_STYLES.get(p, style.OTHER_PREDICATE)["dashes"],
             "directed": style.is_directed(p)}
            for p in sorted(preds, key=lambda p: (style.predicate_order() + [p]).index(p))
        ],
        "funders": sum(1 for n in nodes if n["funder"]),
    }


def _options(physics: bool) -> dict:
    options: dict = {
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": False,
                        "hideEdgesOnDrag": not physics, "hideEdgesOnZoom": not physics},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"},
                  "scaling": {"label": {"drawThreshold": 5}}},
        "edges": {"font": {"size": 10, "align": "middle", "color": "#555555"},
                  "smooth": {"type": "continuous"} if physics else False,
                  "selectionWidth": 2},
        "layout": {"improvedLayout": physics},
    }
    if physics:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


def render_view(view: MapView, *, title: str, physics_max: int = PHYSICS_MAX) -> str:
    """Return the HTML page drawing ``view`` (see module docs for the escaping rules)."""
    G = view.graph
    ids = {n: i for i, n in enumerate(G)}
    physics = G.number_of_nodes() <= physics_max
    positions = None if physics else layout(G)
    nodes = _nodes(view, ids, positions)
    edges = _edges(view, ids, labels=G.number_of_edges() <= EDGE_LABEL_MAX)

    net = Network(height="100%", width="100%", directed=True, heading=title,
                  cdn_resources="in_line")
    net.templateEnv = _environment()
    net.path = "map.html"
    # pyvis's add_node/add_edge check for duplicates with linear scans
    # (quadratic for large maps); the ids here are unique by construction.
    net.nodes, net.node_ids, net.edges = nodes, [n["id"] for n in nodes], edges
    net.node_map = {n["id"]: n for n in nodes}
    net.options = _options(physics)
    data = {
        "title": title,
        "summary": _summary(G),
        "notes": list(view.notes),
        "legend": _legend(nodes, edges),
        "physics": physics,
        "mode": view.mode,
        "focus": sorted(ids[n] for n in view.highlight_nodes if n in ids),
    }
    net.templateEnv.globals["cg"] = data
    return net.generate_html(name="map.html")
