"""Ask the graph: ``sparql``, ``serve``, ``partners``, ``path``, ``brokers``,
``communities``, ``funders``, ``reach`` and ``show``.

Each command loads the graph (``--graph``, default ``outputs/graph.ttl``),
calls one function of :mod:`graph.sparql`, :mod:`graph.server` or
:mod:`graph.analysis`, and prints a readable answer or, with ``--format
json``, JSON for scripts.
"""

from __future__ import annotations

import json
import signal
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from graph import analysis
from graph.cli._app import echo_err, main
from graph.errors import QueryError
from graph.sparql import FORMATS, format_table, get_saved, run_query, run_saved, saved_queries
from graph.store import load_graph

DEFAULT_GRAPH = "outputs/graph.ttl"

_graph_option = click.option(
    "--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True,
    type=click.Path(path_type=Path),
    help="Graph file (.ttl, .nt, .trig, .nq) or a folder holding graph.ttl.",
)
_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="table for people, json for scripts.",
)


def _json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _wrap(text: str, indent: str = "      ", width: int = 100) -> str:
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent,
                         subsequent_indent=indent + " ", break_on_hyphens=False,
                         break_long_words=False)


def _evidence_lines(evidence: list[dict[str, Any]], most: int = 2, indent: str = "      ") -> list[str]:
    lines = []
    for ev in evidence[:most]:
        where = ev.get("file_name") or ev.get("document") or "?"
        span = f":{ev['start']}-{ev['end']}" if ev.get("start") is not None else ""
        lines.append(_wrap(f"“{ev['sentence']}” ({where}{span})", indent=indent))
    if len(evidence) > most:
        more = len(evidence) - most
        lines.append(f"{indent}(+{more} more sentence{'s' if more > 1 else ''})")
    return lines


def _money(r: dict[str, Any]) -> str:
    if r.get("amount_text"):
        return str(r["amount_text"])
    if r.get("amount"):
        return f"{r['amount']} {r.get('currency') or ''}".strip()
    return ""


def _kind(data: dict[str, Any]) -> str:
    sub = data.get("subtype")
    return f"{data.get('type') or '?'}{'/' + sub if sub else ''}"


# ---- sparql -------------------------------------------------------------------------


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"'{item}' is not KEY=VALUE", param_hint="--param")
        out[key.strip()] = value
    return out


def _read_query(query: str) -> tuple[str | None, str | None]:
    """(saved query name, query text) for the QUERY argument."""
    if query == "-":
        return None, sys.stdin.read()
    if query in saved_queries():
        return query, None
    p = Path(query)
    looks_like_text = any(c in query for c in " \n{") or query.upper().startswith(
        ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE"))
    if not looks_like_text:
        if p.suffix == ".rq" or p.is_file():
            try:
                return None, p.read_text(encoding="utf-8")
            except OSError as exc:
                raise QueryError(f"{query}: cannot read query file: {exc.strerror or exc}") from None
        get_saved(query)  # raises "no saved query ... did you mean"
    return None, query


@main.command()
@click.argument("query", required=False)
@_graph_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table; SPARQL 1.1 results json/csv/tsv/xml (SELECT, ASK); "
                   "turtle/ntriples (CONSTRUCT, DESCRIBE; table prints Turtle).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Parameter of a saved query (repeatable), e.g. programme=\"Job Rotation Pilot\".")
@click.option("--list", "list_", is_flag=True, help="List the saved queries and their parameters.")
@click.option("--max-width", default=60, show_default=True, type=click.IntRange(0),
              help="Cut table cells to this many characters (0: never).")
def sparql(query: str | None, graph_path: Path, fmt: str, params: tuple[str, ...], list_: bool,
           max_width: int) -> None:
    """Run a SPARQL query: a query string, a .rq file, '-' for stdin, or a saved query name.

    Prefixes cg:, organisation:, programme:, place:, rdfs:, skos:, dcterms:,
    prov:, oa: ... are declared for you. Updates are refused.

    \b
    Examples:
      civicgraph sparql --list
      civicgraph sparql funders-of --param programme="Job Rotation Pilot"
      civicgraph sparql 'SELECT ?l WHERE { ?o a cg:LocalAuthority ; rdfs:label ?l }'
      civicgraph sparql most-partners --format csv > partners.csv
    """
    if list_:
        qs = saved_queries()
        if fmt == "json":
            _json([{"name": q.name, "description": q.description,
                    "params": [{"name": p.name, "type": p.type + (f":{p.entity_type}" if p.entity_type else ""),
                                "required": p.required, "description": p.description} for p in q.params]}
                   for q in qs.values()])
            return
        rows = [[q.name, ", ".join(p.name + ("" if p.required else "?") for p in q.params) or "-",
                 q.description] for q in qs.values()]
        click.echo(format_table(["name", "params", "description"], rows), nl=False)
        click.echo("(param? = optional; run: civicgraph sparql NAME --param KEY=VALUE)")
        return
    if not query:
        raise click.UsageError("give a QUERY (text, FILE.rq, '-' or a saved query name) or --list")
    values = _parse_params(params)
    name, text = _read_query(query)
    graph = load_graph(graph_path)
    streamed = fmt if fmt in ("json", "csv", "tsv", "xml") else None
    if name is not None:
        result = run_saved(graph, name, values, fmt=streamed)
    else:
        if values:
            raise click.UsageError("--param only applies to saved queries (see --list)")
        assert text is not None
        result = run_query(graph, text, fmt=streamed)
    click.echo(result.serialize(fmt, max_width=max_width), nl=False)


# ---- serve --------------------------------------------------------------------------


@main.command()
@_graph_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--timeout", default=30, show_default=True, type=click.IntRange(1),
              help="Per-query time limit in seconds.")
@click.option("--limit", default=10000, show_default=True, type=click.IntRange(1),
              help="Most results (rows or triples) one query returns.")
def serve(graph_path: Path, host: str, port: int, timeout: int, limit: int) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint with a browser query page.

    Queries go to /query (or /sparql), by GET or POST; answers follow the
    Accept header (JSON, XML, CSV, TSV results; Turtle, N-Triples, RDF/XML
    graphs). Updates are refused (403). Each request is logged on stderr.
    Stop with Ctrl-C.

    \b
    Example:
      civicgraph serve --port 7878
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/query' \\
           --data-urlencode 'query=SELECT * WHERE { ?s a cg:Funder }'
    """
    from graph.server import SparqlServer

    server = SparqlServer(graph_path, host=host, port=port, timeout=timeout, limit=limit,
                          log=echo_err)
    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)  # stop cleanly on kill/terminate too
    try:
        url = server.start()
        echo_err(f"SPARQL endpoint: {url}/query   query page: {url}/   (Ctrl-C to stop)")
        server.serve_forever()
    except KeyboardInterrupt:
        echo_err("stopped")
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)


# ---- networkx questions -------------------------------------------------------------


@main.command()
@click.argument("organisation")
@_graph_option
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1),
              help="1: direct partners; 2: and their partners; ...")
@click.option("--via", default=None, metavar="REL,...",
              help="Only these relations: partnerOf,funds,delivers,participatesIn,partOf,locatedIn,operatesIn.")
@_format_option
def partners(organisation: str, graph_path: Path, depth: int, via: str | None, fmt: str) -> None:
    """Who an entity works with: its relations, and theirs to --depth, with evidence.

    \b
    Example:
      civicgraph partners "Coventry City Council" --depth 2 --via partnerOf,delivers
    """
    G = analysis.load_network(graph_path)
    found = analysis.partners(G, organisation, depth=depth, via=via)
    node = analysis._node(G, organisation)
    if fmt == "json":
        _json({"node": node, "label": G.nodes[node]["label"], "depth": depth, "partners": found})
        return
    label = G.nodes[node]["label"]
    click.echo(f"{label}: {len(found)} connected entit{'y' if len(found) == 1 else 'ies'} "
               f"within {depth} hop{'s' if depth > 1 else ''}"
               + (f" (via {via})" if via else ""))
    for p in found:
        click.echo(f"  [{p['depth']}] {p['label']} ({_kind(p)})")
        for r in p["relations"]:
            who = p["through_label"]
            if r["direction"] == "in":
                text = f"{p['label']} {analysis.WORDS[r['predicate']][0]} {who}"
            else:
                text = f"{who} {r['words']} {p['label']}"
            money = _money(r)
            click.echo(f"      {text}{' (' + money + ')' if money else ''}  [cg:{r['predicate']}]")
            for line in _evidence_lines(r["evidence"], most=1, indent="        "):
                click.echo(line)


@main.command()
@click.argument("a")
@click.argument("b")
@_graph_option
@click.option("--max-len", default=4, show_default=True, type=click.IntRange(1),
              help="Longest connection considered, in hops.")
@click.option("--all", "all_", is_flag=True, help="Every simple connection up to --max-len (shortest first).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1),
              help="With --all, show at most this many connections.")
@click.option("--via", default=None, metavar="REL,...", help="Only follow these relations.")
@_format_option
def path(a: str, b: str, graph_path: Path, max_len: int, all_: bool, limit: int, via: str | None,
         fmt: str) -> None:
    """How two entities are connected: each hop in words with its source sentence.

    No connection within --max-len hops is an answer, not an error: it is
    printed and the exit code is 0.

    \b
    Example:
      civicgraph path "Arts Council England" "Coventry City Council" --max-len 5
    """
    G = analysis.load_network(graph_path)
    found = analysis.paths(G, a, b, max_len=max_len, all=all_, via=via, limit=limit)
    src, dst = analysis._node(G, a), analysis._node(G, b)
    la, lb = G.nodes[src]["label"], G.nodes[dst]["label"]
    if fmt == "json":
        _json({"from": src, "to": dst, "max_len": max_len, "paths": found})
        return
    if not found:
        click.echo(f"No connection between {la} and {lb} within {max_len} hops.")
        return
    for i, hops in enumerate(found, 1):
        title = f"{la} -> {lb}: {len(hops)} hop{'s' if len(hops) > 1 else ''}"
        click.echo(f"{'Connection ' + str(i) + ': ' if all_ else ''}{title}")
        for j, hop in enumerate(hops, 1):
            click.echo(f"  {j}. {analysis.describe_hop(hop)}")
            for r in hop["relations"][:1]:
                for line in _evidence_lines(r["evidence"], most=1):
                    click.echo(line)
        if all_ and i < len(found):
            click.echo("")


@main.command()
@_graph_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many to list.")
@_format_option
def brokers(graph_path: Path, top: int, fmt: str) -> None:
    """Organisations that bridge the network (betweenness centrality).

    \b
    Example:
      civicgraph brokers --top 5
    """
    G = analysis.load_network(graph_path)
    rows = analysis.brokers(G, top=top)
    if fmt == "json":
        _json(rows)
        return
    if not rows:
        click.echo("No organisation lies between others in this graph.")
        return
    click.echo(format_table(
        ["rank", "organisation", "subtype", "betweenness", "links"],
        [[str(i), r["label"], r["subtype"] or "", f"{r['betweenness']:.4f}", str(r["degree"])]
         for i, r in enumerate(rows, 1)],
    ), nl=False)


@main.command()
@_graph_option
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(1),
              help="Only communities with at least this many organisations.")
@_format_option
def communities(graph_path: Path, min_size: int, fmt: str) -> None:
    """Clusters of organisations that work together (Louvain, fixed seed).

    \b
    Example:
      civicgraph communities --min-size 3
    """
    G = analysis.load_network(graph_path)
    rows = analysis.communities(G, min_size=min_size)
    if fmt == "json":
        _json(rows)
        return
    if not rows:
        click.echo(f"No community of {min_size} or more organisations.")
        return
    for c in rows:
        orgs = c["organisations"]
        click.echo(f"Community {c['id']}: {len(orgs)} organisations")
        click.echo(_wrap(", ".join(m["label"] for m in orgs), indent="  "))
        if c["programmes"]:
            click.echo(_wrap("around: " + ", ".join(m["label"] for m in c["programmes"]), indent="  "))


@main.command()
@_graph_option
@_format_option
def funders(graph_path: Path, fmt: str) -> None:
    """Every funder, what it funds and the amounts where known.

    \b
    Example:
      civicgraph funders --format json
    """
    G = analysis.load_network(graph_path)
    rows = analysis.funders(G)
    if fmt == "json":
        _json(rows)
        return
    if not rows:
        click.echo("No funding relations in this graph.")
        return
    for r in rows:
        total = ", ".join(f"{v} {k}" for k, v in r["total"].items())
        click.echo(f"{r['label']} funds {len(r['funds'])}" + (f" (stated total {total})" if total else ""))
        for f in r["funds"]:
            money = _money(f)
            click.echo(f"  - {f['label']} ({f['type']})" + (f": {money}" if money else ""))


@main.command()
@click.argument("funder")
@_graph_option
@_format_option
def reach(funder: str, graph_path: Path, fmt: str) -> None:
    """What a funder reaches: what it funds, and who delivers or takes part in that, and where.

    \b
    Example:
      civicgraph reach "Arts Council England"
    """
    G = analysis.load_network(graph_path)
    r = analysis.reach(G, funder)
    if fmt == "json":
        _json(r)
        return
    total = ", ".join(f"{v} {k}" for k, v in r["total"].items())
    click.echo(f"{r['label']} reaches {r['reached']} entities"
               + (f"; stated funding {total}" if total else ""))
    for d in r["direct"]:
        money = _money(d)
        click.echo(f"  funds {d['label']} ({d['type']})" + (f": {money}" if money else ""))
        for line in _evidence_lines(d["evidence"], most=1):
            click.echo(line)
        for t in r["through"]:
            if t["via"] == d["node"]:
                click.echo(f"    -> {d['label']} {t['words']} {t['label']} ({t['type']})  [cg:{t['predicate']}]")


@main.command()
@click.argument("entity")
@_graph_option
@_format_option
def show(entity: str, graph_path: Path, fmt: str) -> None:
    """One entity's card: names, type, documents, every relation with evidence.

    \b
    Example:
      civicgraph show "Job Rotation Pilot"
    """
    G = analysis.load_network(graph_path)
    c = analysis.card(G, entity)
    if fmt == "json":
        _json(c)
        return
    click.echo(f"{c['label']}  ({_kind(c)}{', funder' if c['funder'] else ''})")
    click.echo(f"  id: {c['node']}")
    if c["aliases"]:
        click.echo(f"  also called: {', '.join(c['aliases'])}")
    if c["ids"]:
        click.echo(f"  identifiers: {', '.join(c['ids'])}")
    docs = [d["file_name"] or d["document"] for d in c["documents"]]
    click.echo(f"  mentioned in: {', '.join(docs) or '-'}")
    click.echo(f"  relations: {len(c['relations'])}")
    for r in c["relations"]:
        if r["direction"] == "in":
            text = f"{r['other_label']} {analysis.WORDS[r['predicate']][0]} {c['label']}"
        else:
            text = f"{c['label']} {r['words']} {r['other_label']}"
        money = _money(r)
        click.echo(f"    {text}{' (' + money + ')' if money else ''}  [cg:{r['predicate']}]")
        for line in _evidence_lines(r["evidence"], most=2):
            click.echo(line)
