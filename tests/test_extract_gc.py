"""The rule extractor pauses Python's cycle collector while it runs
(graph.extract.rules.extract_rules): check that it leaves the collector as it
found it, and that the extraction leaves no reference cycles behind, so the
pause never keeps garbage the collector would have freed."""

from __future__ import annotations

import gc
import glob

from graph.extract import extract_document
from graph.extract.names import clear_caches
from graph.ingest import discover, read_document

CORPORA = ["seeds", *sorted(glob.glob("tests/heldout*/docs")), "tests/fixtures/docs"]


def test_the_collector_is_left_as_it_was() -> None:
    files, _ = discover(["seeds"])
    doc = read_document(files[0])
    assert gc.isenabled()
    extract_document(doc)
    assert gc.isenabled()
    gc.disable()
    try:
        extract_document(doc)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_leaves_no_reference_cycles() -> None:
    files, _ = discover(CORPORA)
    docs = [read_document(p) for p in files]
    extract_document(docs[0])  # the gazetteer and the compiled rules, built once
    gc.collect()
    gc.disable()
    try:
        for doc in docs:
            clear_caches()
            extract_document(doc)
        assert gc.collect() == 0
    finally:
        gc.enable()
