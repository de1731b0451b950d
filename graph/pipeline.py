"""The pipeline: paths -> documents -> extractions -> resolved graph -> RDF -> files.

Each stage is a pure function of its inputs; per-document extraction does not
look at other documents (so it can run in parallel and be cached by content
hash); entity resolution is a separate step. Only :func:`write_outputs`
touches the disk, and it writes every file atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from graph.errors import CivicGraphError, InputError
from graph.extract import extract_document
from graph.ingest import discover, load_metadata, read_document
from graph.rdf import build_rdf
from graph.records import Document, DocumentExtraction, ResolvedGraph
from graph.resolve import resolution_report, resolve
from graph.store import to_turtle

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    """What a build produced, and what went wrong on the way."""

    documents: list[Document]
    extractions: list[DocumentExtraction]
    resolved: ResolvedGraph
    graph: Graph
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, object]:
        """Counts for people: documents, entities by type, relations by predicate."""
        by_type = Counter(e.type for e in self.resolved.entities)
        by_pred = Counter(link.predicate for link in self.resolved.links)
        funders = len({link.subject for link in self.resolved.links if link.predicate == "funds"})
        return {
            "documents": len(self.documents),
            "failed": len(self.errors),
            "entities": dict(sorted(by_type.items())),
            "funders": funders,
            "relations": dict(sorted(by_pred.items())),
            "triples": len(self.graph),
            "seconds": round(self.seconds, 2),
        }


def read_documents(
    paths: Sequence[str | os.PathLike[str]], *, strict: bool = False, progress: Progress | None = None
) -> tuple[list[Document], list[InputError]]:
    """Read every supported file under ``paths``; collect (or, if strict, raise) input errors."""
    files, errors = discover(paths)
    if strict and errors:
        raise errors[0]
    meta_cache: dict[Path, dict] = {}
    docs: list[Document] = []
    for n, path in enumerate(files, 1):
        folder = path.parent
        if folder not in meta_cache:
            try:
                meta_cache[folder] = load_metadata(folder)
            except InputError as exc:  # reported once; the folder's documents are still read
                if strict:
                    raise
                errors.append(exc)
                meta_cache[folder] = {}
        try:
            doc = read_document(path, meta_cache[folder])
        except InputError as exc:
            if strict:
                raise
            errors.append(exc)
            continue
        docs.append(doc)
        if progress and len(files) > 20 and n % 10 == 0:
            progress(f"read {n}/{len(files)} documents")
    return _unique_ids(docs), errors


def _unique_ids(docs: list[Document]) -> list[Document]:
    """Make ``doc_id`` unique whatever the input order.

    The first of the documents whose file stems slug the same (in order of
    absolute path) keeps the slug; the others get the next free ``-2``, ``-3``...
    that no other document's slug uses.
    """
    order = sorted(range(len(docs)), key=lambda i: (docs[i].doc_id, os.path.abspath(docs[i].path)))
    used = {d.doc_id for d in docs}
    kept: set[str] = set()
    new_id: dict[int, str] = {}
    for i in order:
        base = docs[i].doc_id
        if base not in kept:
            kept.add(base)
            new_id[i] = base
            continue
        n = 2
        while f"{base}-{n}" in used:
            n += 1
        new_id[i] = f"{base}-{n}"
        used.add(new_id[i])
    return [d if d.doc_id == new_id[i] else replace(d, doc_id=new_id[i]) for i, d in enumerate(docs)]


def build(
    paths: Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
    extractor: str = "rules",
    progress: Progress | None = None,
) -> BuildResult:
    """Run the whole pipeline on ``paths`` and return the result (nothing written)."""
    t0 = time.perf_counter()
    docs, errors = read_documents(paths, strict=strict, progress=progress)
    extractions = []
    for n, doc in enumerate(docs, 1):
        extractions.append(extract_document(doc, extractor))
        if progress and len(docs) > 20 and n % 10 == 0:
            progress(f"extracted {n}/{len(docs)} documents")
    resolved = resolve(extractions)
    graph = build_rdf(resolved)
    return BuildResult(docs, extractions, resolved, graph, errors, time.perf_counter() - t0)


#: Export formats ``build`` writes beside graph.ttl unless told otherwise.
DEFAULT_FORMATS = ("nt", "jsonld", "trig", "graphml", "gexf", "csv", "kumu", "360giving")


def render_outputs(
    result: BuildResult,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    map_html: bool = True,
    docs: bool = True,
) -> dict[str, str]:
    """The output files of a build, by name, as text (all deterministic).

    ``graph.ttl`` (the graph), ``resolution.json`` (every merge and its rule),
    the exports in ``formats`` (``graph.<suffix>``), ``map.html`` (the
    partnership map) and ``ontology/`` (the ontology's HTML documentation).
    """
    from graph.export import render_exports

    files: dict[str, str] = {
        "graph.ttl": to_turtle(result.graph),
        "resolution.json": json.dumps(resolution_report(result.resolved), indent=2, ensure_ascii=False)
        + "\n",
    }
    exports = render_exports(result.graph, [f for f in formats if f != "turtle"])
    files.update({name: data.decode("utf-8") for name, data in exports.items()})
    if map_html:
        from graph.netx import to_networkx
        from graph.render import DEFAULT_TITLE, render_map

        # the same page `civicgraph map` writes with its defaults
        files["map.html"] = render_map(to_networkx(result.graph), title=DEFAULT_TITLE)
    if docs:
        from graph.ontodoc import ontology_docs

        files.update({f"ontology/{name}": data.decode("utf-8") for name, data in ontology_docs().items()})
    # every output is a text file that ends with a newline (POSIX text; clean diffs)
    return {name: data if data.endswith("\n") else data + "\n" for name, data in files.items()}


def validate_result(result: BuildResult) -> None:
    """Check the built graph against the SHACL shapes.

    Raises:
        ValidationFailed: the graph breaks the contract (a bug: nothing is written).
    """
    from graph.validate import check

    check(result.graph)


def write_outputs(files: Mapping[str, str | bytes], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write ``files`` into ``out_dir`` atomically.

    Everything is first written to a temporary folder inside ``out_dir``; only
    when all files are complete are they moved into place (each move is an
    atomic rename), so a failed or interrupted build never leaves a
    half-written file.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CivicGraphError(f"{out}: cannot create output folder ({exc.strerror})") from None
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-build-", dir=out))
    except OSError as exc:
        raise CivicGraphError(f"{out}: cannot write into output folder ({exc.strerror})") from None
    written: list[Path] = []
    try:
        for name, data in files.items():
            p = tmp / name
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
            except OSError as exc:
                raise CivicGraphError(
                    f"{out / name}: cannot write ({exc.strerror}); nothing was replaced"
                ) from None
        for name in files:
            dest = out / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp / name, dest)
            written.append(dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return written
