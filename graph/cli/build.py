"""``civicgraph build`` and ``civicgraph evaluate``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from graph.cli._app import echo_err, main
from graph.pipeline import DEFAULT_FORMATS

DEFAULT_SEEDS = "seeds"
DEFAULT_OUT = "outputs"


def _summary_lines(summary: dict[str, object]) -> list[str]:
    ents = summary["entities"]
    rels = summary["relations"]
    assert isinstance(ents, dict) and isinstance(rels, dict)
    lines = [
        f"documents read: {summary['documents']}" + (f" ({summary['failed']} failed)" if summary["failed"] else ""),
        "entities: " + (", ".join(f"{k} {v}" for k, v in ents.items()) or "none")
        + f" (funders {summary['funders']})",
        "relations: " + (", ".join(f"{k} {v}" for k, v in rels.items()) or "none"),
        f"triples: {summary['triples']}",
        f"time: {summary['seconds']} s",
    ]
    return lines


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=DEFAULT_OUT, show_default=True, type=click.Path(path_type=Path),
              help="Folder to write the graph and its companions into.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option("--formats", "formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              help="Exports to write beside graph.ttl (comma-separated; '' for none).")
@click.option("--no-map", is_flag=True, help="Do not write map.html.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the built graph.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Summary format on stdout.")
def build(
    paths: tuple[Path, ...], out_dir: Path, strict: bool, formats: str, no_map: bool, no_validate: bool, fmt: str
) -> None:
    """Build the knowledge graph from documents (files or folders, recursively).

    Reads .txt, .md, .html/.htm and .pdf; writes OUT/graph.ttl (Turtle),
    resolution.json, the exports named by --formats, map.html and the
    ontology documentation (OUT/ontology/); checks the graph against the
    SHACL shapes first; prints a summary. Files that cannot be read are
    reported one line each; the build goes on and exits 1 at the end
    (--strict stops at the first). Every file is written atomically.

    \b
    Example:
      civicgraph build                       # seeds/ -> outputs/
      civicgraph build reports/ extra.pdf --out build/
    """
    from graph.export import check_formats
    from graph.pipeline import build as run_build, render_outputs, validate_result, write_outputs

    started = time.perf_counter()
    wanted = check_formats([f.strip() for f in formats.split(",") if f.strip()])
    result = run_build(list(paths) or [DEFAULT_SEEDS], strict=strict, progress=echo_err)
    for err in result.errors:
        echo_err(f"error: {err}")
    if not result.documents:
        raise click.exceptions.Exit(_fail("no documents could be read; nothing written"))
    if not no_validate:
        validate_result(result)
    files = render_outputs(result, wanted, map_html=not no_map)
    write_outputs(files, out_dir)
    summary = result.summary()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    if fmt == "json":
        click.echo(json.dumps(summary, indent=2))
    else:
        for line in _summary_lines(summary):
            click.echo(line)
        top = sorted({n.split("/")[0] + ("/" if "/" in n else "") for n in files})
        click.echo(f"wrote: {', '.join(str(Path(out_dir) / n) for n in top)}")
    if result.errors:
        raise click.exceptions.Exit(1)


def _fail(message: str) -> int:
    echo_err(f"error: {message}")
    return 1


@main.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path),
              help="Folder of gold JSON files (GUIDELINES.md format).")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=None,
              help="Score this graph file instead of building from DOCUMENTS.")
@click.option("--show", is_flag=True, help="List missed and spurious entities and relations.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def evaluate(documents: tuple[Path, ...], gold_dir: Path, graph_path: Path | None, show: bool, fmt: str) -> None:
    """Score the extractor against gold annotations.

    Builds the graph from DOCUMENTS (default: seeds/) in memory, or reads
    --graph, and prints precision, recall and F1 per entity type and per
    predicate (strict, and lenient with delivers/participatesIn as one), and
    the number of duplicated gold entities.

    \b
    Example:
      civicgraph evaluate --gold ../shared/gold seeds
      civicgraph evaluate --gold tests/gold --graph outputs/graph.ttl --show
    """
    from graph.evaluate import evaluate as run_eval, format_report, load_gold
    from graph.pipeline import build as run_build
    from graph.store import load_graph

    gold = load_gold(gold_dir)
    if graph_path is not None:
        g = load_graph(graph_path)
    else:
        result = run_build(list(documents) or [DEFAULT_SEEDS])
        for err in result.errors:
            echo_err(f"error: {err}")
        g = result.graph
    ev = run_eval(g, gold)
    if fmt == "json":
        click.echo(json.dumps(ev.as_dict(), indent=2))
    else:
        click.echo(format_report(ev, show=show))
