"""Graphs for the map tests and benchmark: a hostile one and synthetic large ones.

* :func:`evil_rdf_graph`: entities whose names, aliases, evidence and document
  title contain HTML/JS payloads (``<script>``, ``<img onerror>``, quotes,
  ``</script>``), built as RDF so the map goes through ``to_networkx`` like a
  real build. Every payload sets ``window.__xss`` if it ever runs.
* :func:`synthetic_graph`: a networkx graph shaped like ``graph.netx.to_networkx``
  output (typed nodes, hubs, evidence on edges) with any number of nodes.
"""

from __future__ import annotations

import hashlib
import random
from decimal import Decimal

import networkx as nx

from graph.iri import entity_id
from graph.records import PREDICATES, SUBTYPES, Document, Entity, Evidence, Link, ResolvedGraph

SCRIPT = "<script>window.__xss=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__xss=2;alert(2)">'
QUOTES = "O'Brien \"&\" Sons </script><script>window.__xss=3</script>"
SVG = "<svg onload=window.__xss=4>"
PAYLOADS = (SCRIPT, IMG, QUOTES, SVG)

SENTENCES = (
    f"The {SCRIPT} Trust funds the {IMG} Programme.",
    f"{QUOTES} works in partnership with the {SCRIPT} Trust.",
    f"The {IMG} Programme runs in {SVG} Town.",
)
EVIL_TEXT = " ".join(SENTENCES)
EVIL_DOC = "evil-report"


def _ev(fragment: str) -> Evidence:
    start = EVIL_TEXT.index(fragment)
    return Evidence(EVIL_DOC, start, start + len(fragment), fragment)


def _ent(name: str, type_: str, subtype: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        entity_id=entity_id(type_, name),
        label=name,
        type=type_,
        subtype=subtype,
        aliases=frozenset(aliases),
        documents=frozenset({EVIL_DOC}),
    )


TRUST = _ent(f"{SCRIPT} Trust", "Organisation", "Charity", (IMG + " alias", "EVIL-ALIAS"))
PROGRAMME = _ent(f"{IMG} Programme", "Programme", "Initiative", (SVG,))
SONS = _ent(QUOTES, "Organisation", "Business")
TOWN = _ent(f"{SVG} Town", "Place", "Town")


def evil_resolved() -> ResolvedGraph:
    """The hostile graph as records (title and publisher are payloads too)."""
    sentences = SENTENCES
    links = (
        Link(TRUST.entity_id, "funds", PROGRAMME.entity_id, ((_ev(sentences[0]), "test:funds"),),
             amount=Decimal("1000"), currency="GBP", amount_text=f"£1,000 {SCRIPT}"),
        Link(SONS.entity_id, "partnerOf", TRUST.entity_id, ((_ev(sentences[1]), "test:partner"),)),
        Link(PROGRAMME.entity_id, "operatesIn", TOWN.entity_id, ((_ev(sentences[2]), "test:op"),)),
    )
    doc = Document(
        doc_id=EVIL_DOC,
        path=f"tests/{EVIL_DOC}.txt",
        file_name=f"{EVIL_DOC}.txt",
        text=EVIL_TEXT,
        sha256=hashlib.sha256(EVIL_TEXT.encode()).hexdigest(),
        format="txt",
        title=f"Report {SCRIPT} {IMG}",
        publisher=QUOTES,
        year=2024,
    )
    return ResolvedGraph(
        documents=(doc,),
        entities=(TRUST, PROGRAMME, SONS, TOWN),
        links=links,
        mentions=tuple((e.entity_id, EVIL_DOC) for e in (TRUST, PROGRAMME, SONS, TOWN)),
    )


def evil_rdf_graph():
    """The hostile graph as RDF."""
    from graph.rdf import build_rdf

    return build_rdf(evil_resolved())


_TYPE_SHARE = (("Organisation", 0.6), ("Programme", 0.25), ("Place", 0.15))
_SENTENCE = (
    "{a} and {b} announced that they will work together on skills, culture and "
    "social mobility across the region, according to the annual report."
)


def _predicate(ta: str, tb: str, rng: random.Random) -> str:
    if ta == "Place" and tb == "Place":
        return "partOf"
    if tb == "Place":
        return rng.choice(("locatedIn", "operatesIn"))
    if tb == "Programme":
        return rng.choice(("funds", "delivers", "participatesIn"))
    if ta == "Organisation" and tb == "Organisation":
        return "partnerOf"
    return rng.choice(PREDICATES[1:4])


def synthetic_graph(n: int, seed: int = 1, edges_per_node: float = 1.3) -> nx.MultiDiGraph:
    """A random graph of ``n`` entities shaped like ``to_networkx`` output.

    Preferential attachment gives a few hubs (councils, big funders) and many
    small partners, about ``edges_per_node`` relations per entity, each with
    one to three evidence sentences.
    """
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        f"doc{i}": {"file_name": f"report-{i}.pdf", "title": f"Annual report {i}"} for i in range(50)
    }
    targets: list[int] = []
    for i in range(n):
        r, acc, top = rng.random(), 0.0, "Organisation"
        for t, share in _TYPE_SHARE:
            acc += share
            if r < acc:
                top = t
                break
        sub = rng.choice(SUBTYPES[top])
        label = f"{sub} {i}"
        G.add_node(
            f"n{i}", label=label, type=top, subtype=sub,
            aliases=[f"ALIAS{i}"] if i % 3 == 0 else [],
            documents=[f"doc{i % 50}"], funder=(top == "Organisation" and i % 40 == 0), ids=[],
        )
        links = int(edges_per_node) + (1 if rng.random() < edges_per_node % 1 else 0)
        for _ in range(links if i else 0):
            j = rng.choice(targets) if targets and rng.random() < 0.7 else rng.randrange(i)
            a, b = f"n{i}", f"n{j}"
            pred = _predicate(top, G.nodes[b]["type"], rng)
            weight = rng.choice((1, 1, 1, 2, 3))
            sentence = _SENTENCE.format(a=label, b=G.nodes[b]["label"])
            evidence = [
                {"sentence": sentence, "document": f"doc{(i + k) % 50}",
                 "file_name": f"report-{(i + k) % 50}.pdf", "start": 100 * k,
                 "end": 100 * k + len(sentence), "rule": "synthetic"}
                for k in range(weight)
            ]
            G.add_edge(a, b, key=pred, predicate=pred, symmetric=pred == "partnerOf",
                       evidence=evidence, amount=None, currency=None, amount_text=None,
                       weight=weight)
            targets.extend((i, j))
    return G
