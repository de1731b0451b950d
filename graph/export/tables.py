"""Table exports: CSV nodes and edges, and Kumu's JSON blueprint.

CSV (UTF-8, RFC 4180 quoting, header row):

* nodes: ``id, label, type, subtype, funder, aliases, documents,
  identifiers, same_as, lat, long`` (one row per entity; lists joined with
  ``"; "``);
* edges: ``source, target, source_label, target_label, predicate, directed,
  amount, currency, amount_text, evidence, documents, statements`` (one row
  per relation; ``partnerOf`` once, undirected; several evidence sentences
  joined with ``" | "``).

Kumu (https://docs.kumu.io/guides/import/blueprints): ``{"elements":
[...], "connections": [...]}``; an element has ``label``, ``type``, ``tags``
and ``description``; a connection has ``from``, ``to`` (element labels),
``type`` and ``direction``. Kumu keys elements by label, so a label shared by
two entities is made unique with the entity's type in brackets.
"""

from __future__ import annotations

import csv
import io
import json

from graph.export.view import Edge, Node, View, local_id

NODE_COLUMNS = (
    "id",
    "label",
    "type",
    "subtype",
    "funder",
    "aliases",
    "documents",
    "identifiers",
    "same_as",
    "lat",
    "long",
)
EDGE_COLUMNS = (
    "source",
    "target",
    "source_label",
    "target_label",
    "predicate",
    "directed",
    "amount",
    "currency",
    "amount_text",
    "evidence",
    "documents",
    "statements",
)


def _csv(header: tuple[str, ...], rows: list[dict[str, object]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def node_row(n: Node) -> dict[str, object]:
    """One CSV row for a node."""
    return {
        "id": n.iri,
        "label": n.label,
        "type": n.type,
        "subtype": n.subtype or "",
        "funder": "true" if n.funder else "false",
        "aliases": "; ".join(n.aliases),
        "documents": "; ".join(local_id(d) for d in n.documents),
        "identifiers": "; ".join(n.identifiers),
        "same_as": "; ".join(n.same_as),
        "lat": n.lat or "",
        "long": n.long or "",
    }


def edge_row(e: Edge, labels: dict[str, str]) -> dict[str, object]:
    """One CSV row for an edge."""
    return {
        "source": e.source,
        "target": e.target,
        "source_label": labels.get(e.source, local_id(e.source)),
        "target_label": labels.get(e.target, local_id(e.target)),
        "predicate": e.predicate,
        "directed": "true" if e.directed else "false",
        "amount": "" if e.amount is None else str(e.amount),
        "currency": e.currency or "",
        "amount_text": e.amount_text or "",
        "evidence": " | ".join(q.exact for q in e.evidence),
        "documents": "; ".join(local_id(d) for d in e.documents),
        "statements": "; ".join(e.statements),
    }


def to_csv(view: View) -> dict[str, bytes]:
    """Return ``{"-nodes.csv": ..., "-edges.csv": ...}`` for the view."""
    labels = {n.iri: n.label for n in view.nodes}
    return {
        "-nodes.csv": _csv(NODE_COLUMNS, [node_row(n) for n in view.nodes]),
        "-edges.csv": _csv(EDGE_COLUMNS, [edge_row(e, labels) for e in view.edges]),
    }


def kumu_labels(view: View) -> dict[str, str]:
    """Return a unique Kumu label for every node IRI."""
    count: dict[str, int] = {}
    for n in view.nodes:
        count[n.label.casefold()] = count.get(n.label.casefold(), 0) + 1
    out: dict[str, str] = {}
    seen: set[str] = set()
    for n in view.nodes:
        label = n.label if count[n.label.casefold()] == 1 else f"{n.label} ({n.type})"
        if label.casefold() in seen:
            label = f"{n.label} ({local_id(n.iri)})"
        seen.add(label.casefold())
        out[n.iri] = label
    return out


def _describe(n: Node) -> str:
    parts = [f"{n.subtype or n.type}"]
    if n.aliases:
        parts.append("also called " + ", ".join(n.aliases))
    if n.identifiers:
        parts.append("identifiers " + ", ".join(n.identifiers))
    return "; ".join(parts) + f". {n.iri}"


def to_kumu(view: View) -> dict[str, bytes]:
    """Return ``{".kumu.json": ...}``: a Kumu blueprint of elements and connections."""
    labels = kumu_labels(view)
    elements = []
    for n in view.nodes:
        tags = [t for t in (n.subtype, "Funder" if n.funder else None) if t]
        el: dict[str, object] = {
            "label": labels[n.iri],
            "type": n.type,
            "tags": tags,
            "description": _describe(n),
            "civicgraph id": n.iri,
        }
        if n.identifiers:
            el["identifiers"] = "; ".join(n.identifiers)
        elements.append(el)
    connections = []
    for e in view.edges:
        c: dict[str, object] = {
            "from": labels.get(e.source, e.source),
            "to": labels.get(e.target, e.target),
            "type": e.predicate,
            "direction": "directed" if e.directed else "undirected",
            "description": " | ".join(q.exact for q in e.evidence),
        }
        if e.amount is not None:
            c["amount"] = float(e.amount)
            c["currency"] = e.currency or ""
        connections.append(c)
    doc = {"elements": elements, "connections": connections}
    return {".kumu.json": (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")}
