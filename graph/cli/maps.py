"""CLI commands: map (registered on the main group)."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli._app import echo_err, main
from graph.render import DEFAULT_TITLE

DEFAULT_GRAPH = "outputs/graph.ttl"


def _split(values: tuple[str, ...]) -> list[str] | None:
    """``("a,b", "c")`` -> ``["a", "b", "c"]``; None when nothing was given."""
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def _default_out(graph_path: str, focus: str | None, path: tuple[str, ...], filtered: bool) -> Path:
    from graph.iri import slugify

    gp = Path(graph_path)
    folder = gp if gp.is_dir() else gp.parent
    if focus:
        return folder / f"map-{slugify(focus, 40)}.html"
    if path:
        return folder / f"map-{slugify(path[0], 30)}-to-{slugify(path[1], 30)}.html"
    return folder / ("map-filtered.html" if filtered else "map.html")


@main.command("map")
@click.option(
    "--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True,
    type=click.Path(dir_okay=True),
    help="Graph to draw (.ttl, .nt, .trig, .nq or a folder holding graph.ttl).",
)
@click.option("--focus", metavar="ENTITY", help="Ego map around this entity (any of its names).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=1),
              help="With --focus: how many relations away to go.")
@click.option("--path", "path", nargs=2, metavar="A B", default=None,
              help="Path map: a shortest path between two entities, highlighted in context.")
@click.option("--types", multiple=True, metavar="T1,T2",
              help="Keep these types/subtypes (Organisation, Programme, Place, "
              "LocalAuthority, Charity, Funder, ...).")
@click.option("--place", metavar="PLACE",
              help="Keep what is located or operating in this place and its parts.")
@click.option("--predicates", multiple=True, metavar="P1,P2",
              help="Keep only these relations (partnerOf, funds, delivers, participatesIn, "
              "partOf, locatedIn, operatesIn).")
@click.option("--max-nodes", default=None, type=click.IntRange(min=0), metavar="N",
              help="Draw at most N entities, the best connected (default 5000; 0 = no cap).")
@click.option("--title", default=None, help=f"Page title (default: '{DEFAULT_TITLE}').")
@click.option("--out", "-o", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write (default: map.html beside the graph; "
              "map-ENTITY.html for --focus, map-A-to-B.html for --path, "
              "map-filtered.html for filters).")
def map_cmd(
    graph_path: str,
    focus: str | None,
    depth: int,
    path: tuple[str, str] | None,
    types: tuple[str, ...],
    place: str | None,
    predicates: tuple[str, ...],
    max_nodes: int | None,
    title: str | None,
    out: str | None,
) -> None:
    """Draw an interactive partnership map as one offline HTML file.

    The page needs no internet connection: hover a node or a line for its
    names, documents and evidence sentences; search by any name; tick the
    legend to show or hide types and relations.

    \b
    Examples:
      civicgraph map                                      # whole network -> outputs/map.html
      civicgraph map --focus "Harbour City Council" --depth 2
      civicgraph map --path "Northfield Trust" "Riverside College"
      civicgraph map --types Organisation --predicates partnerOf --out partners.html
      civicgraph map --place "North Coast"
    """
    from graph.netx import to_networkx
    from graph.render import MAX_NODES, render_view, select_map
    from graph.store import load_graph, write_atomic

    G = to_networkx(load_graph(graph_path))
    cap = MAX_NODES if max_nodes is None else (max_nodes or None)
    type_list, pred_list = _split(types), _split(predicates)
    view = select_map(
        G, focus=focus, depth=depth, path=path, types=type_list, place=place,
        predicates=pred_list, max_nodes=cap,
    )
    if view.left_out_nodes:
        echo_err(view.notes[-1])
    html = render_view(view, title=title or DEFAULT_TITLE)
    target = Path(out) if out else _default_out(
        graph_path, focus, path or (), bool(type_list or pred_list or place)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, html)
    H = view.graph
    click.echo(
        f"wrote {target} ({H.number_of_nodes():,} entities, {H.number_of_edges():,} relations, "
        f"{len(html.encode('utf-8')) / 1e6:.1f} MB)"
    )
