"""Extraction throughput beside spaCy's bare tokenizer, measured in one run.

Reads the seed documents (or the files given), repeats their text to reach
``--words`` words, and reports words per second on one core for:

* spaCy's blank English pipeline tokenizer (``spacy.blank("en")``), the
  reference rate;
* the full civicgraph rule extractor (sentences, names, gazetteer, relations);

and the ratio extractor / tokenizer (target: >= 0.5).

    uv run python scripts/bench_extract.py
    uv run python scripts/bench_extract.py --words 200000 seeds/
"""

from __future__ import annotations

import argparse
import hashlib
import time

from graph.extract import extract_document
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
    args = ap.parse_args()

    docs = _docs(args.paths, args.words)
    n_words = sum(len(d.text.split()) for d in docs)

    import spacy

    nlp = spacy.blank("en")
    extract_document(docs[0])  # warm caches (gazetteer regex) outside the timing
    t0 = time.perf_counter()
    for d in docs:
        nlp.tokenizer(d.text)
    t_tok = time.perf_counter() - t0

    t0 = time.perf_counter()
    for d in docs:
        extract_document(d)
    t_ext = time.perf_counter() - t0

    tok_rate = n_words / t_tok
    ext_rate = n_words / t_ext
    print(f"words: {n_words} in {len(docs)} documents")
    print(f"spaCy blank tokenizer: {tok_rate:,.0f} words/s")
    print(f"civicgraph extractor:  {ext_rate:,.0f} words/s")
    print(f"ratio extractor/tokenizer: {ext_rate / tok_rate:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
