"""Run SPARQL 1.1 queries over a civicgraph graph, and the saved queries.

Queries run on the Oxigraph store under the rdflib graph
(:func:`graph.store.oxigraph_store`), with civicgraph's prefixes
(``cg:``, ``organisation:``, ``rdfs:``, ``skos:`` ...) declared by default.
Results come back as a :class:`Result` that renders a readable table or the
W3C formats: SPARQL 1.1 Query Results JSON, CSV, TSV and XML for
SELECT/ASK, Turtle (or N-Triples) for CONSTRUCT/DESCRIBE.

Saved queries are ``graph/queries/*.rq`` files that start with comment lines::

    # name: funders-of
    # description: Who funds a programme, with the amounts.
    # param: programme entity:Programme  the programme (name or alias)

A ``# param:`` line is ``NAME TYPE [required] DESCRIPTION``; TYPE is one of
:data:`PARAM_TYPES` (``entity`` may name a top type: ``entity:Programme``).

Parameters are never pasted into the query text. Each ``# param:`` names a
variable of the query's SELECT; the value given is turned into an RDF term
(an entity name is looked up to its IRI, a ``string`` becomes a literal, a
``subtype`` a ``cg:`` class) and bound with Oxigraph's variable
substitution (SPARQL-dev SEP-0007). A parameter left out stays unbound, so
the query answers for every value.

>>> import sys; sys.path.insert(0, "tests")
>>> import handbuilt
>>> g = handbuilt.rdf_graph()
>>> r = run_saved(g, "funders-of", {"programme": "Skills Bridge"})
>>> [(row["funderLabel"], row["amount"]) for row in r.records()]
[('Northfield Trust', '250000')]
>>> run_query(g, "ASK { organisation:northfield-trust a cg:Funder }").boolean
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from graph.errors import QueryError
from graph.lookup import find_entity
from graph.namespace import CG_IRI, PREFIXES
from graph.netx import select
from graph.records import SUBTYPES
from graph.store import ntriples_to_turtle, oxigraph_store

#: Output formats of :meth:`Result.serialize`.
FORMATS = ("table", "json", "csv", "tsv", "xml", "turtle", "ntriples")

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}

#: Parameter types of saved queries.
PARAM_TYPES = ("entity", "document", "string", "integer", "subtype")

DEFAULT_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_POSITION = re.compile(r"^error at (\d+):(\d+): ?")


def _store(graph: Graph | ox.Store) -> ox.Store:
    if isinstance(graph, ox.Store):
        return graph
    store = oxigraph_store(graph)
    if store is None:  # pragma: no cover - only for non-Oxigraph rdflib stores
        store = ox.Store()
        store.load(graph.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def syntax_message(exc: BaseException, query: str) -> str:
    """One-line message for an Oxigraph SPARQL syntax error, with line, column and text."""
    raw = " ".join(str(exc).split())
    m = _POSITION.match(raw)
    if not m:
        return f"SPARQL syntax error: {raw}"
    line, col = int(m.group(1)), int(m.group(2))
    problem = raw[m.end():]
    if problem.startswith("expected one of"):
        # keep the literal tokens Oxigraph lists, not its character classes
        tokens = re.findall(r'"([^"]+)"', problem)
        if tokens:
            problem = "expected one of " + " ".join(tokens[:12]) + (" ..." if len(tokens) > 12 else "")
    if "Prefix not found" in problem:
        problem = "unknown prefix (declare it with PREFIX, or use one of: " + ", ".join(
            sorted(DEFAULT_PREFIXES)) + ")"
    elif len(problem) > 160:
        problem = problem[:157] + "..."
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    near = text[max(col - 1, 0):].strip()[:30]
    if near:
        where = f" near '{near}'"
    elif line >= len(lines):
        where = " (end of the query)"
    else:
        where = ""
    return f"SPARQL syntax error at line {line}, column {col}{where}: {problem}"


@dataclass
class Result:
    """The answer to a query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str
    """"select", "ask" or "graph"."""
    variables: list[str] = field(default_factory=list)
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None]] = field(
        default_factory=list
    )
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    prerendered: dict[str, str] = field(default_factory=dict)
    """Formats already written by Oxigraph straight from the query (format -> text)."""

    def records(self) -> list[dict[str, str | None]]:
        """SELECT rows as dicts of plain strings (IRIs and literal values)."""
        return [
            {v: (None if t is None else t.value if hasattr(t, "value") else str(t))
             for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def _solutions(self) -> ox.QuerySolutions | ox.QueryBoolean:
        # rebuild an Oxigraph result to serialise it with Oxigraph's own writers
        store = ox.Store()
        res: Any
        if self.kind == "ask":
            res = store.query("ASK {}" if self.boolean else "ASK { FILTER(false) }")
        elif not self.variables:
            res = store.query("SELECT * WHERE {}")
        else:
            names = " ".join(f"?{v}" for v in self.variables)
            body = " ".join(
                "(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")" for row in self.rows
            )
            res = store.query(f"SELECT {names} WHERE {{ VALUES ({names}) {{ {body} }} }}"
                              if self.rows else f"SELECT {names} WHERE {{ FILTER(false) }}")
        return res

    def serialize(self, fmt: str = "table", max_width: int = 60) -> str:
        """Render as ``table`` or a standard format (json/csv/tsv/xml; turtle/ntriples)."""
        if fmt not in FORMATS:
            raise QueryError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")
        if self.kind == "graph":
            if fmt == "ntriples":
                return "".join(f"{t} .\n" for t in self.triples)
            if fmt not in ("table", "turtle"):
                raise QueryError(f"CONSTRUCT/DESCRIBE give a graph: use --format turtle or "
                                 f"ntriples, not {fmt}")
            if not self.triples:
                return ""
            lines = sorted({f"{t} ." for t in self.triples})
            text = "\n".join(lines)
            used: dict[str, object] = {
                k: v for k, v in DEFAULT_PREFIXES.items() if f"<{v}" in text
            }
            return ntriples_to_turtle(lines, used)
        if fmt in ("turtle", "ntriples"):
            raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; use table, json, csv, tsv or xml")
        if fmt == "table":
            return self.table(max_width)
        if fmt in self.prerendered:
            return self.prerendered[fmt]
        data = self._solutions().serialize(format=_RESULT_FORMATS[fmt])
        return (data or b"").decode("utf-8")

    def table(self, max_width: int = 60) -> str:
        """A plain-text table; IRIs shortened with civicgraph's prefixes."""
        if self.kind == "ask":
            return "yes\n" if self.boolean else "no\n"
        header = self.variables
        body = [[_short(t, max_width) for t in row] for row in self.rows]
        return format_table(header, body) + f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})\n"


def format_table(header: list[str], rows: list[list[str]]) -> str:
    """Left-aligned columns separated by two spaces, with a dashed rule under the header."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def _short(term: Any, max_width: int) -> str:
    if term is None:
        text = ""
    elif isinstance(term, ox.NamedNode):
        text = shorten_iri(term.value)
    elif isinstance(term, ox.Literal):
        text = term.value
    else:
        text = str(term)
    text = " ".join(text.split())
    if max_width and len(text) > max_width:
        text = text[: max_width - 1] + "…"
    return text


def shorten_iri(iri: str) -> str:
    """``https://w3id.org/civicgraph/id/organisation/x`` -> ``organisation:x``."""
    best = ""
    for prefix, ns in DEFAULT_PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best) and "/" not in iri[len(ns):]:
            best = ns
            name = f"{prefix}:{iri[len(ns):]}"
    return name if best else f"<{iri}>"


def is_update(query: str) -> bool:
    """True for a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR ...)."""
    text = re.sub(r"#[^\n]*", "", query)
    return bool(_UPDATE.match(text))


def run_query(
    graph: Graph | ox.Store,
    query: str,
    substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None,
    fmt: str | None = None,
) -> Result:
    """Run one SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on ``graph``.

    With ``fmt`` one of json/csv/tsv/xml, SELECT/ASK results are written by
    Oxigraph's streaming writer straight from the query (no Python rows are
    built): ``result.serialize(fmt)`` returns that text.

    Raises:
        QueryError: syntax error (with line and column), an update, or a failure while running.
    """
    if not query.strip():
        raise QueryError("the query is empty")
    if is_update(query):
        raise QueryError("SPARQL updates are not allowed: the graph is read-only; use SELECT, "
                         "ASK, CONSTRUCT or DESCRIBE")
    store = _store(graph)
    subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(k): v for k, v in (substitutions or {}).items()
    }
    try:
        res = store.query(query, prefixes=DEFAULT_PREFIXES, substitutions=subs or None)
    except SyntaxError as exc:
        raise QueryError(syntax_message(exc, query)) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    try:
        if fmt in _RESULT_FORMATS and not isinstance(res, ox.QueryTriples):
            kind = "ask" if isinstance(res, ox.QueryBoolean) else "select"
            variables = [v.value for v in res.variables] if isinstance(res, ox.QuerySolutions) else []
            text = (res.serialize(format=_RESULT_FORMATS[fmt]) or b"").decode("utf-8")
            return Result(kind, variables=variables, prerendered={fmt: text})
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = [[sol[v] for v in variables] for sol in res]
            return Result("select", variables=variables, rows=rows)
        return Result("graph", triples=list(res))
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None


# ---- saved queries -----------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: a SELECT variable bound to a user value."""

    name: str
    type: str
    """entity, document, string, integer or subtype."""
    entity_type: str | None
    """For ``entity``: Organisation, Programme or Place (None: any)."""
    description: str
    required: bool = False


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file of :mod:`graph.queries`."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: str


_HEAD = re.compile(r"^#\s*(name|description|param):\s*(.*)$")


def parse_saved(text: str, path: str = "<string>") -> SavedQuery:
    """Parse a saved query file (its leading ``# name:``/``# description:``/``# param:`` lines)."""
    name = description = None
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEAD.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "name":
            name = value
        elif key == "description":
            description = value if description is None else f"{description} {value}"
        else:
            pname, ptype, *rest = value.split(None, 2)
            base, _, etype = ptype.partition(":")
            if base not in PARAM_TYPES:
                raise QueryError(f"{path}: parameter '{pname}' has unknown type '{ptype}'")
            desc = rest[0] if rest else ""
            required = desc.startswith("required")
            if required:
                desc = desc[len("required"):].strip()
            params.append(Param(pname, base, etype or None, desc, required))
    if not name or not description:
        raise QueryError(f"{path}: a saved query must start with '# name:' and '# description:' lines")
    return SavedQuery(name, description, tuple(params), text, path)


def _queries_dir() -> Path:
    return Path(str(resources.files("graph") / "queries"))


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query shipped in ``graph/queries``, by name."""
    out = {}
    for p in sorted(_queries_dir().glob("*.rq")):
        q = parse_saved(p.read_text(encoding="utf-8"), str(p))
        out[q.name] = q
    return out


def get_saved(name: str) -> SavedQuery:
    """Return the saved query ``name``.

    Raises:
        QueryError: no such saved query (with close names).
    """
    queries = saved_queries()
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"did you mean: {', '.join(close)}?" if close else "see 'civicgraph sparql --list'"
    raise QueryError(f"no saved query '{name}'; {hint}")


_NAMES_QUERY = """
SELECT ?e ?top ?label ?alt WHERE {
  VALUES ?top { cg:Organisation cg:Programme cg:Place }
  ?e a ?top .
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e skos:altLabel ?alt }
}
"""


def _name_graph(store: ox.Store) -> nx.MultiDiGraph:
    """A node-only graph of entity names, enough for :func:`graph.lookup.find_entity`."""
    G = nx.MultiDiGraph()
    for row in select(store, _NAMES_QUERY, prefixes=DEFAULT_PREFIXES):
        e = row["e"].value
        if e not in G:
            G.add_node(e, label=None, type=row["top"].value[len(CG_IRI):], aliases=[])
        data = G.nodes[e]
        if row["label"] is not None:
            data["label"] = row["label"].value
        if row["alt"] is not None and row["alt"].value not in data["aliases"]:
            data["aliases"].append(row["alt"].value)
    return G


def _document_term(store: ox.Store, value: str) -> ox.NamedNode:
    docs = {}
    for row in select(store, "SELECT ?d ?f WHERE { ?d a cg:Document OPTIONAL { ?d cg:fileName ?f } }",
                      prefixes=DEFAULT_PREFIXES):
        d = row["d"].value
        docs[d] = d
        docs[d.rsplit("/", 1)[-1]] = d
        if row["f"] is not None:
            docs[row["f"].value] = d
            docs[Path(row["f"].value).stem] = d
    if value in docs:
        return ox.NamedNode(docs[value])
    import difflib

    close = difflib.get_close_matches(value, sorted({k for k in docs if "/" not in k}), n=3)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise QueryError(f"no document '{value}' in the graph{hint}")


def bind_params(
    graph: Graph | ox.Store, saved: SavedQuery, values: dict[str, str]
) -> dict[str, ox.NamedNode | ox.Literal]:
    """Turn user values into RDF terms for the saved query's parameters.

    Raises:
        QueryError: unknown parameter or a value of the wrong form.
        EntityNotFound: an entity name that matches nothing (or several things).
    """
    known = {p.name: p for p in saved.params}
    unknown = [k for k in values if k not in known]
    if unknown:
        allowed = ", ".join(known) or "none"
        raise QueryError(
            f"saved query '{saved.name}' has no parameter '{unknown[0]}' (parameters: {allowed})"
        )
    missing = [p.name for p in saved.params if p.required and p.name not in values]
    if missing:
        raise QueryError(
            f"saved query '{saved.name}' needs --param {missing[0]}=... "
            f"({known[missing[0]].description})"
        )
    store = _store(graph)
    names: nx.MultiDiGraph | None = None
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for key, value in values.items():
        p = known[key]
        if p.type == "entity":
            if names is None:
                names = _name_graph(store)
            out[key] = ox.NamedNode(find_entity(names, value, type_=p.entity_type))
        elif p.type == "document":
            out[key] = _document_term(store, value)
        elif p.type == "integer":
            if not re.fullmatch(r"[0-9]{1,9}", value.strip()):
                raise QueryError(f"parameter '{key}' must be a whole number (got '{value}')")
            out[key] = ox.Literal(value.strip(), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer"))
        elif p.type == "subtype":
            classes = [c for subs in SUBTYPES.values() for c in subs] + ["Funder"]
            chosen = [c for c in classes if c.lower() == value.strip().removeprefix("cg:").lower()]
            if not chosen:
                raise QueryError(f"parameter '{key}' must be one of: {', '.join(classes)}")
            out[key] = ox.NamedNode(CG_IRI + chosen[0])
        else:
            out[key] = ox.Literal(value)
    return out


def run_saved(
    graph: Graph | ox.Store, name: str, values: dict[str, str] | None = None, fmt: str | None = None
) -> Result:
    """Run the saved query ``name`` with parameter ``values`` (name -> text)."""
    saved = get_saved(name)
    subs = bind_params(graph, saved, values or {})
    return run_query(graph, saved.text, subs, fmt=fmt)
