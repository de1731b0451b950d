"""Extraction throughput beside spaCy's bare tokenizer, measured in one run.

Reads the seed documents (or the files given), repeats their text to reach
``--words`` words, and reports words per second on one core for:

* spaCy's blank English pipeline tokenizer (``spacy.blank("en")``), the
  reference rate;
* the full civicgraph rule extractor (sentences, names, gazetteer, relations);

and the ratio extractor / tokenizer (target: >= 0.5).

The two sides run in turns, ``--rounds`` times each, so a burst of load on a
shared machine hits both alike. The headline ratio is the median of the
per-round ratios (each compares the two sides timed back to back); the ratio of
each side's best round is printed beside it.

A second measure, less moved by load on a shared machine, runs the two sides in
turns document by document (``--rounds`` times over all documents) and keeps
each document's best time on each side: the ratio of the sums of those bests is
printed on its own line, beside the figures above.

The extractor's caches (per-sentence tokens, per-name types: see
``graph.extract.names.clear_caches``) are cleared before every document (the
default, and the honest figure): the bench repeats the seed documents to reach
``--words``, so with the caches kept (``--warm``) repeated sentences are
tokenised once only, which a real corpus rarely allows.

    uv run python scripts/bench_extract.py
    uv run python scripts/bench_extract.py --words 200000 --rounds 7 seeds/
    uv run python scripts/bench_extract.py --warm
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time

from graph.extract import extract_document
from graph.extract.names import clear_caches
from graph.ingest import discover, read_document
from graph.records import Document


def _docs(paths: list[str], words: int) -> list[Document]:
    files, _ = discover(paths)
    base = [read_document(p) for p in files]
    out: list[Document] = []
    n = 0
    i = 0
    while n < words:
        d = base[i % len(base)]
        out.append(
            Document(f"{d.doc_id}-{i}", d.path, d.file_name, d.text,
                     hashlib.sha256(d.text.encode()).hexdigest(), d.format)
        )
        n += len(d.text.split())
        i += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["seeds"])
    ap.add_argument("--words", type=int, default=120_000)
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds of each side, in turns")
    ap.add_argument("--warm", action="store_true",
                    help="keep the extractor's caches across the repeated documents (flatters the extractor)")
    args = ap.parse_args()

    docs = _docs(args.paths, args.words)
    n_words = sum(len(d.text.split()) for d in docs)

    import spacy

    nlp = spacy.blank("en")
    extract_document(docs[0])  # warm caches (gazetteer regex) outside the timing
    t_tok: list[float] = []
    t_ext: list[float] = []
    for _ in range(max(1, args.rounds)):
        t0 = time.perf_counter()
        for d in docs:
            nlp.tokenizer(d.text)
        t_tok.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        for d in docs:
            if not args.warm:
                clear_caches()
            extract_document(d)
        t_ext.append(time.perf_counter() - t0)

    # turns document by document: a burst of load hits one document of each side, and each
    # document's best time on each side is kept
    best_tok = [float("inf")] * len(docs)
    best_ext = [float("inf")] * len(docs)
    for _ in range(max(1, args.rounds)):
        for k, d in enumerate(docs):
            t0 = time.perf_counter()
            nlp.tokenizer(d.text)
            t1 = time.perf_counter()
            if not args.warm:
                clear_caches()
            extract_document(d)
            t2 = time.perf_counter()
            best_tok[k] = min(best_tok[k], t1 - t0)
            best_ext[k] = min(best_ext[k], t2 - t1)

    tok_rate = n_words / min(t_tok)
    ext_rate = n_words / min(t_ext)
    median = statistics.median(a / b for a, b in zip(t_tok, t_ext, strict=True))
    print(f"words: {n_words} in {len(docs)} documents, {len(t_tok)} rounds{' (warm caches)' if args.warm else ' (cold caches)'}")
    print(f"spaCy blank tokenizer: {tok_rate:,.0f} words/s (best round)")
    print(f"civicgraph extractor:  {ext_rate:,.0f} words/s (best round)")
    print(f"ratio extractor/tokenizer: {median:.2f} median of rounds, {ext_rate / tok_rate:.2f} best rounds (target >= 0.5)")
    print(f"ratio extractor/tokenizer: {sum(best_tok) / sum(best_ext):.2f} document by document, best of rounds "
          f"({n_words / sum(best_ext):,.0f} and {n_words / sum(best_tok):,.0f} words/s)")


if __name__ == "__main__":
    main()
