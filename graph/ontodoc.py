"""Human-readable HTML documentation of ``ontology.ttl``.

A small, dependency-free generator (pyLODE 3.6 needs Python 3.12 and 3.4 does
not import from a wheel, so civicgraph writes its own): one self-contained
``index.html`` (inline CSS, no scripts, every string escaped) with the
ontology's metadata, namespace policy, prefixes, a class tree, and one entry
per class and property (label, IRI, comment, super/sub classes, domain,
range, characteristics, alignments to external vocabularies). The Turtle, the
SHACL shapes and the JSON-LD context are published beside it.

>>> files = ontology_docs()
>>> sorted(files)
['context.jsonld', 'index.html', 'ontology.ttl', 'shapes.ttl']
>>> b"cg:partnerOf" in files["index.html"]
True
"""

from __future__ import annotations

import html
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from graph.namespace import CG_IRI, ID_IRI, ONTOLOGY_IRI, ontology_path

PREFIXES = {
    "cg": CG_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": str(DCTERMS),
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
}

NAMESPACE_POLICY = (
    f"Ontology terms live under {CG_IRI} (prefix cg:); data (entities, documents, "
    f"statements, evidence) lives under {ID_IRI}. Terms are never renamed or removed "
    "within a major version; new terms may be added in a minor version. Meaning is "
    "aligned to W3C ORG, schema.org, PROV-O, SKOS, DCTERMS and Web Annotation by "
    "rdfs:subClassOf / rdfs:subPropertyOf / owl:inverseOf links, never by copying their "
    "terms. Entity IRIs are slugs of the preferred label, stable across rebuilds and "
    "input order; statement and evidence IRIs are content hashes."
)

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
.entity{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.entity h3{margin:.2rem 0}.iri{font-family:monospace;color:#555;font-size:.9rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}code{background:#f5f5f5;padding:0 .2rem}ul.tree{list-style:none;padding-left:1rem}
"""


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(term: object) -> str:
    iri = str(term)
    if iri.startswith(CG_IRI):
        name = iri[len(CG_IRI) :]
        return f'<a href="#{_e(name)}"><code>{_e(_curie(iri))}</code></a>'
    return f'<a href="{_e(iri)}"><code>{_e(_curie(iri))}</code></a>'


def _text(g: Graph, s: URIRef, p: URIRef) -> str:
    vals = sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal))
    return " ".join(vals)


def _row(name: str, values: list) -> str:
    if not values:
        return ""
    cells = ", ".join(_link(v) for v in sorted(values, key=str))
    return f"<tr><th>{_e(name)}</th><td>{cells}</td></tr>"


def ontology_html(ttl: str | None = None) -> str:
    """Return the HTML documentation page for the ontology (``ttl`` defaults to ontology.ttl)."""
    g = Graph()
    g.parse(
        data=ttl if ttl is not None else ontology_path().read_text(encoding="utf-8"),
        format="turtle",
    )
    ont = URIRef(ONTOLOGY_IRI)
    classes: list[Any] = sorted(
        (s for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(CG_IRI)), key=str
    )
    props: list[Any] = sorted(
        {
            s
            for t in (OWL.ObjectProperty, OWL.DatatypeProperty)
            for s in g.subjects(RDF.type, t)
            if str(s).startswith(CG_IRI)
        },
        key=str,
    )
    sub_of: dict[Any, list] = defaultdict(list)
    for c in classes:
        for sup in g.objects(c, RDFS.subClassOf):
            sub_of[sup].append(c)
    disjoint: dict[Any, set] = defaultdict(set)
    for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
        head = g.value(group, OWL.members)
        members = list(Collection(g, head)) if head is not None else []
        for m in members:
            disjoint[m].update(x for x in members if x != m)
    for a, b in g.subject_objects(OWL.disjointWith):
        disjoint[a].add(b)
        disjoint[b].add(a)
    domain_of: dict[object, list] = defaultdict(list)
    range_of: dict[object, list] = defaultdict(list)
    for p in props:
        for d in g.objects(p, RDFS.domain):
            domain_of[d].append(p)
        for r in g.objects(p, RDFS.range):
            range_of[r].append(p)

    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(_text(g, ont, DCTERMS.title) or 'civicgraph ontology')}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{_e(_text(g, ont, DCTERMS.title))}</h1>",
        "<table>",
        f"<tr><th>IRI</th><td><code>{_e(ONTOLOGY_IRI)}</code></td></tr>",
        _row("Version IRI", list(g.objects(ont, OWL.versionIRI))),
        f"<tr><th>Version</th><td>{_e(_text(g, ont, OWL.versionInfo))}</td></tr>",
        _row("Licence", list(g.objects(ont, DCTERMS.license))),
        f"<tr><th>Creator</th><td>{_e(_text(g, ont, DCTERMS.creator))}</td></tr>",
        "</table>",
        f"<p>{_e(_text(g, ont, DCTERMS.description))}</p>",
        f"<p>{_e(_text(g, ont, RDFS.comment))}</p>",
        '<h2 id="policy">Namespace policy</h2>',
        f"<p>{_e(NAMESPACE_POLICY)}</p>",
        '<p>Published beside this page: <a href="ontology.ttl">ontology.ttl</a> (the '
        'ontology), <a href="shapes.ttl">shapes.ttl</a> (SHACL shapes of the data '
        'contract), <a href="context.jsonld">context.jsonld</a> (JSON-LD context).</p>',
        '<h2 id="prefixes">Prefixes</h2><table><tr><th>prefix</th><th>namespace</th></tr>',
        *(
            f"<tr><td><code>{_e(k)}:</code></td><td><code>{_e(v)}</code></td></tr>"
            for k, v in sorted(PREFIXES.items())
        ),
        "</table>",
        '<h2 id="tree">Class tree</h2>',
        _tree(g, classes, sub_of),
        '<h2 id="classes">Classes</h2>',
    ]
    for c in classes:
        name = str(c)[len(CG_IRI) :]
        out += [
            f'<div class="entity" id="{_e(name)}">',
            f"<h3>{_e(_text(g, c, RDFS.label) or name)} <code>{_e(_curie(str(c)))}</code></h3>",
            f'<div class="iri">{_e(c)}</div>',
            f"<p>{_e(_text(g, c, RDFS.comment))}</p><table>",
            _row("Subclass of", list(g.objects(c, RDFS.subClassOf))),
            _row("Superclass of", sub_of.get(c, [])),
            _row("Disjoint with", sorted(disjoint.get(c, set()), key=str)),
            _row("In domain of", domain_of.get(c, [])),
            _row("In range of", range_of.get(c, [])),
            "</table></div>",
        ]
    out.append('<h2 id="properties">Properties</h2>')
    for p in props:
        name = str(p)[len(CG_IRI) :]
        kinds = sorted(_curie(str(t)) for t in g.objects(p, RDF.type))
        out += [
            f'<div class="entity" id="{_e(name)}">',
            f"<h3>{_e(_text(g, p, RDFS.label) or name)} <code>{_e(_curie(str(p)))}</code></h3>",
            f'<div class="iri">{_e(p)}</div>',
            f"<p>{_e(_text(g, p, RDFS.comment))}</p><table>",
            f"<tr><th>Kind</th><td>{_e(', '.join(kinds))}</td></tr>",
            _row("Subproperty of", list(g.objects(p, RDFS.subPropertyOf))),
            _row("Inverse of", list(g.objects(p, OWL.inverseOf))),
            _row("Domain", list(g.objects(p, RDFS.domain))),
            _row("Range", list(g.objects(p, RDFS.range))),
            "</table></div>",
        ]
    out += [
        '<h2 id="alignments">Alignments to external vocabularies</h2>',
        "<table><tr><th>civicgraph term</th><th>link</th><th>external term</th></tr>",
    ]
    for s, p, o in sorted(g):
        if (
            str(s).startswith(CG_IRI)
            and isinstance(o, URIRef)
            and not str(o).startswith(CG_IRI)
            and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf)
        ):
            out.append(
                f"<tr><td>{_link(s)}</td><td><code>{_e(_curie(str(p)))}</code></td>"
                f"<td>{_link(o)}</td></tr>"
            )
    out += ["</table>", "</body></html>", ""]
    return "\n".join(x for x in out if x != "")


def _tree(g: Graph, classes: list, sub_of: dict) -> str:
    internal = set(classes)
    roots = [
        c for c in classes if not any(sup in internal for sup in g.objects(c, RDFS.subClassOf))
    ]

    def branch(c: URIRef, seen: frozenset) -> str:
        kids = sorted(k for k in sub_of.get(c, []) if k not in seen)
        inner = "".join(branch(k, seen | {k}) for k in kids)
        return f"<li>{_link(c)}" + (f'<ul class="tree">{inner}</ul>' if inner else "") + "</li>"

    return '<ul class="tree">' + "".join(branch(r, frozenset({r})) for r in roots) + "</ul>"


def _package_text(name: str) -> str:
    return (resources.files("graph") / name).read_text(encoding="utf-8")


def ontology_docs() -> dict[str, bytes]:
    """Return the documentation files: ``{file name: content}`` (index.html and sources)."""
    ttl = Path(ontology_path()).read_text(encoding="utf-8")
    return {
        "index.html": ontology_html(ttl).encode("utf-8"),
        "ontology.ttl": ttl.encode("utf-8"),
        "shapes.ttl": _package_text("shapes.ttl").encode("utf-8"),
        "context.jsonld": _package_text("context.jsonld").encode("utf-8"),
    }


def write_ontology_docs(out_dir: str | Path = "outputs/ontology") -> list[Path]:
    """Write :func:`ontology_docs` into ``out_dir`` atomically; return the paths.

    This is what ``civicgraph ontology-docs`` and ``civicgraph build`` call.
    """
    from graph.store import write_atomic

    paths = []
    for name, data in ontology_docs().items():
        p = Path(out_dir) / name
        write_atomic(p, data)
        paths.append(p)
    return paths
