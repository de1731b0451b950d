"""CLI commands: export, validate, ontology-docs (registered on the main group)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.cli._app import echo_err, main

DEFAULT_GRAPH = "outputs/graph.ttl"
FORMAT_NAMES = (
    "turtle",
    "nt",
    "jsonld",
    "trig",
    "nquads",
    "graphml",
    "gexf",
    "csv",
    "kumu",
    "360giving",
)


@main.command("export")
@click.option(
    "--graph",
    "graph_path",
    default=DEFAULT_GRAPH,
    show_default=True,
    type=click.Path(dir_okay=True),
    help="Graph to export (.ttl, .nt, .trig, .nq or a folder holding graph.ttl).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    required=True,
    type=click.Choice(FORMAT_NAMES, case_sensitive=False),
    help="Export format.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(),
    default=None,
    help="File to write, or a stem for two-file formats (csv: OUT-nodes.csv + "
    "OUT-edges.csv; 360giving: OUT.360giving.csv + OUT.360giving.json), or an "
    "existing folder (files named graph*). Default: stdout for one-file "
    "formats, beside the graph for two-file formats.",
)
def export_cmd(graph_path: str, fmt: str, out: str | None) -> None:
    """Export the graph in a standard format.

    \b
    RDF:      turtle, nt, jsonld (with @context), trig, nquads (one named graph
              per source document)
    Networks: graphml, gexf (Gephi, sigma.js)
    Tables:   csv (nodes + edges), kumu (Kumu JSON blueprint),
              360giving (grants with amounts, CSV + JSON)

    \b
    Examples:
      civicgraph export --format jsonld --out outputs/graph.jsonld
      civicgraph export --format csv --out outputs/graph      # graph-nodes.csv, graph-edges.csv
      civicgraph export --format nt | grep funds
    """
    from graph.export import export, target_paths
    from graph.store import load_graph, write_atomic

    graph = load_graph(graph_path)
    files = export(graph, fmt)
    if out is None and len(files) == 1:
        click.echo(next(iter(files.values())), nl=False)
        return
    if out is None:
        gp = Path(graph_path)
        base = (gp / "graph") if gp.is_dir() else gp.with_suffix("")
    elif Path(out).is_dir() or out.endswith(("/", "\\")):
        base = Path(out) / "graph"
    else:
        base = Path(out)
    for suffix, path in target_paths(base, files).items():
        write_atomic(path, files[suffix])
        echo_err(f"wrote {path} ({len(files[suffix]):,} bytes)")


@main.command("validate")
@click.argument("file", required=False, default=DEFAULT_GRAPH, type=click.Path(dir_okay=True))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)
def validate_cmd(file: str, fmt: str) -> None:
    """Check a graph against civicgraph's SHACL shapes (pySHACL).

    Prints each violation (focus node label and IRI, property, message) and
    exits 1 when there is any; exits 0 when the graph conforms.

    \b
    Examples:
      civicgraph validate                       # outputs/graph.ttl
      civicgraph validate my-graph.ttl --format json
    """
    from graph.store import load_graph
    from graph.validate import validate

    report = validate(load_graph(file))
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "conforms": report.conforms,
                    "results": [
                        {
                            "severity": v.severity,
                            "focus": v.focus,
                            "label": v.label,
                            "path": v.path,
                            "value": v.value,
                            "message": v.message,
                            "shape": v.shape,
                        }
                        for v in report.violations
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        click.echo(report.text())
    if not report.conforms:
        click.get_current_context().exit(1)


@main.command("ontology-docs")
@click.option(
    "--out",
    "-o",
    default="outputs/ontology",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to write index.html and sources into.",
)
def ontology_docs_cmd(out: str) -> None:
    """Write HTML documentation of the civicgraph ontology.

    Writes index.html (self-contained, no scripts) with ontology.ttl,
    shapes.ttl and context.jsonld beside it.

    \b
    Example:
      civicgraph ontology-docs --out outputs/ontology
    """
    from graph.ontodoc import write_ontology_docs

    for path in write_ontology_docs(out):
        echo_err(f"wrote {path}")
