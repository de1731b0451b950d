"""Benchmark the query layer on a synthetic civicgraph graph of N triples.

Generates N-Triples in exactly the shape graph/rdf.py writes (entities with
top class, subtype, label, altLabel, mentionedIn; every relation as a direct
triple plus a cg:Statement with a cg:Evidence sentence; partnerOf both ways;
amounts on funding statements), then reports in one run:

* load time (graph.store.load_graph, the path every command uses) beside a raw
  pyoxigraph bulk load;
* a two-hop SPARQL aggregate (funder -> programme -> place) through the
  civicgraph sparql library (graph.sparql.run_query, as ``civicgraph sparql``
  runs it, JSON results and table) beside the same query on raw pyoxigraph;
* RDF -> networkx conversion time (reported separately);
* shortest path and partners at depth 2 (on the converted graph);
* brokers (betweenness, sampled above 3,000 nodes) and communities;
* peak memory (ru_maxrss: Python and Oxigraph's Rust heap together).

Usage::

    uv run python scripts/bench_query.py                  # 1,000,000 triples
    uv run python scripts/bench_query.py --triples 20000  # quick smoke run
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

from graph import analysis  # noqa: E402
from graph.namespace import CG_IRI, ID_IRI  # noqa: E402
from graph.netx import to_networkx  # noqa: E402
from graph.records import PREDICATES, SUBTYPES  # noqa: E402
from graph.sparql import DEFAULT_PREFIXES, run_query  # noqa: E402
from graph.store import load_graph, oxigraph_store  # noqa: E402

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"

TWO_HOP = """
SELECT ?funderLabel (COUNT(DISTINCT ?place) AS ?places) (COUNT(DISTINCT ?programme) AS ?programmes)
WHERE {
  ?funder cg:funds ?programme ; rdfs:label ?funderLabel .
  ?programme cg:operatesIn ?place .
}
GROUP BY ?funder ?funderLabel
ORDER BY DESC(?places) ?funderLabel
LIMIT 20
"""

WORDS = ("Northfield Harbour Riverside Hill Coast Valley Bridge Skills Arts Culture Youth Works "
         "Future Heritage Learning Green Digital Creative Civic Community").split()


def _iri(x: str) -> str:
    return f"<{x}>"


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    """Writes N-Triples lines and counts them."""

    def __init__(self, fh) -> None:
        self.fh = fh
        self.count = 0

    def t(self, s: str, p: str, o: str) -> None:
        self.fh.write(f"{s} {p} {o} .\n")
        self.count += 1


def generate(path: Path, target: int, seed: int = 7) -> dict[str, int]:
    """Write about ``target`` triples of synthetic civicgraph data to ``path``."""
    rnd = random.Random(seed)
    # proportions tuned so entities are ~10% of the triples, relations the rest
    n_org = max(20, target // 85)
    n_prog = max(10, target // 200)
    n_place = max(10, target // 330)
    n_docs = max(2, target // 2000)
    docs = [f"{ID_IRI}document/doc-{i}" for i in range(n_docs)]
    stats = {"organisations": n_org, "programmes": n_prog, "places": n_place, "relations": 0}
    with path.open("w", encoding="utf-8") as fh:
        w = Writer(fh)
        for i, d in enumerate(docs):
            w.t(_iri(d), _iri(RDF + "type"), _iri(CG_IRI + "Document"))
            w.t(_iri(d), _iri(CG_IRI + "fileName"), _lit(f"doc-{i}.txt"))

        def entity(kind: str, top: str, i: int, subs: tuple[str, ...]) -> str:
            name = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {top} {i}"
            e = f"{ID_IRI}{kind}/{kind}-{i}"
            w.t(_iri(e), _iri(RDF + "type"), _iri(CG_IRI + top))
            w.t(_iri(e), _iri(RDF + "type"), _iri(CG_IRI + rnd.choice(subs)))
            w.t(_iri(e), _iri(RDFS + "label"), _lit(name))
            if i % 3 == 0:
                w.t(_iri(e), _iri(SKOS + "altLabel"), _lit(f"{kind[:3].upper()}{i}"))
            w.t(_iri(e), _iri(CG_IRI + "mentionedIn"), _iri(rnd.choice(docs)))
            return e

        orgs = [entity("organisation", "Organisation", i, SUBTYPES["Organisation"]) for i in range(n_org)]
        progs = [entity("programme", "Programme", i, SUBTYPES["Programme"]) for i in range(n_prog)]
        places = [entity("place", "Place", i, SUBTYPES["Place"]) for i in range(n_place)]
        funders = orgs[: max(2, n_org // 25)]
        for f in funders:
            w.t(_iri(f), _iri(RDF + "type"), _iri(CG_IRI + "Funder"))
        regions = places[: max(1, n_place // 20)]
        n = 0

        def relation(s: str, p: str, o: str, amount: int | None = None) -> None:
            nonlocal n
            n += 1
            doc = rnd.choice(docs)
            for a, b in ([(s, o), (o, s)] if p == "partnerOf" else [(s, o)]):
                st = f"{ID_IRI}statement/s{n}{'b' if a == o else ''}"
                ev = f"{ID_IRI}evidence/e{n}{'b' if a == o else ''}"
                w.t(_iri(a), _iri(CG_IRI + p), _iri(b))
                w.t(_iri(st), _iri(RDF + "type"), _iri(CG_IRI + "Statement"))
                w.t(_iri(st), _iri(RDF + "subject"), _iri(a))
                w.t(_iri(st), _iri(RDF + "predicate"), _iri(CG_IRI + p))
                w.t(_iri(st), _iri(RDF + "object"), _iri(b))
                w.t(_iri(st), _iri(PROV + "wasDerivedFrom"), _iri(doc))
                w.t(_iri(st), _iri(CG_IRI + "evidence"), _iri(ev))
                if amount is not None:
                    w.t(_iri(st), _iri(CG_IRI + "amount"), f'"{amount}"^^<{XSD}decimal>')
                    w.t(_iri(st), _iri(CG_IRI + "currency"), _lit("GBP"))
                    w.t(_iri(st), _iri(CG_IRI + "amountText"), _lit(f"£{amount:,}"))
                start = rnd.randrange(0, 50000)
                w.t(_iri(ev), _iri(RDF + "type"), _iri(CG_IRI + "Evidence"))
                w.t(_iri(ev), _iri(OA + "exact"), _lit(f"Sentence {n} says that {a.rsplit('/', 1)[1]} "
                                                         f"{p} {b.rsplit('/', 1)[1]}."))
                w.t(_iri(ev), _iri(OA + "start"), f'"{start}"^^<{XSD}nonNegativeInteger>')
                w.t(_iri(ev), _iri(OA + "end"), f'"{start + 80}"^^<{XSD}nonNegativeInteger>')
                w.t(_iri(ev), _iri(PROV + "wasQuotedFrom"), _iri(doc))
                w.t(_iri(ev), _iri(CG_IRI + "extractedBy"), _lit(f"bench:{p}"))

        for pl in places[len(regions):]:
            relation(pl, "partOf", rnd.choice(regions))
        for pr in progs:
            relation(pr, "operatesIn", rnd.choice(places))
        for o in orgs:
            relation(o, "locatedIn", rnd.choice(places))
        kinds = ["partnerOf"] * 3 + ["delivers"] * 3 + ["participatesIn"] * 2 + ["funds"] * 2 + ["operatesIn"]
        while w.count < target:
            k = rnd.choice(kinds)
            if k == "partnerOf":
                a, b = rnd.sample(orgs, 2)
                relation(a, k, b)
            elif k == "funds":
                relation(rnd.choice(funders), k, rnd.choice(progs),
                         rnd.choice([None, rnd.randrange(10, 5000) * 1000]))
            elif k == "operatesIn":
                relation(rnd.choice(progs), k, rnd.choice(places))
            else:
                relation(rnd.choice(orgs), k, rnd.choice(progs))
        stats["relations"] = n
        stats["triples"] = w.count
    return stats


CPU: dict[str, float] = {}


def timed(fn, repeat: int = 1, name: str | None = None):
    """(best wall seconds, last result) over ``repeat`` runs; CPU seconds of the best run in CPU[name]."""
    best, best_cpu, result = float("inf"), 0.0, None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        if wall < best:
            best, best_cpu = wall, cpu
    if name:
        CPU[name] = best_cpu
    return best, result


def cpu(name: str) -> str:
    v = CPU.get(name, 0.0)
    return f"{v * 1000:.0f} ms CPU" if v < 10 else f"{v:.1f} s CPU"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (best is reported)")
    ap.add_argument("--skip-brokers", action="store_true", help="skip betweenness (slowest step)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        nt = Path(tmp) / "bench.nt"
        t_gen, stats = timed(lambda: generate(nt, args.triples))
        print(f"generated {stats['triples']:,} triples ({stats['organisations']:,} organisations, "
              f"{stats['programmes']:,} programmes, {stats['places']:,} places, "
              f"{stats['relations']:,} relations) in {t_gen:.1f} s")

        t_raw_load, raw = timed(lambda: _raw_store(nt), name="raw")
        t_load, g = timed(lambda: load_graph(nt), name="load")
        store = oxigraph_store(g)
        assert store is not None
        print(f"load: {t_load:.2f} s ({cpu('load')}) with graph.store.load_graph; raw pyoxigraph bulk load "
              f"{t_raw_load:.2f} s ({cpu('raw')}); {len(store):,} triples")
        del raw

        q_raw = "".join(f"PREFIX {k}: <{v}>\n" for k, v in DEFAULT_PREFIXES.items()) + TWO_HOP
        t_ox, ox_out = timed(lambda: store.query(q_raw).serialize(format=ox.QueryResultsFormat.JSON),
                             args.repeat, "ox")
        t_cg, cg_out = timed(lambda: run_query(g, TWO_HOP, fmt="json").serialize("json"), args.repeat, "cg")
        t_tab, table = timed(lambda: run_query(g, TWO_HOP).serialize("table"), args.repeat, "tab")
        assert ox_out.decode("utf-8") == cg_out, "library and raw answers differ"
        print(f"two-hop aggregate (funder -> programme -> place, {table.count(chr(10)) - 3} rows): "
              f"raw pyoxigraph {t_ox * 1000:.0f} ms ({cpu('ox')}); civicgraph sparql JSON {t_cg * 1000:.0f} ms "
              f"({cpu('cg')}; ratio {t_cg / t_ox:.2f}x), table {t_tab * 1000:.0f} ms "
              f"({cpu('tab')}; ratio {t_tab / t_ox:.2f}x)")

        t_nx, G = timed(lambda: to_networkx(g), name="nx")
        print(f"RDF -> networkx: {t_nx:.2f} s ({cpu('nx')}; {G.number_of_nodes():,} nodes, "
              f"{G.number_of_edges():,} edges)")
        t_und, _ = timed(lambda: analysis._undirected(G, frozenset(PREDICATES)), name="und")
        print(f"undirected view for paths (built once, cached): {t_und:.2f} s ({cpu('und')})")

        rnd = random.Random(1)
        orgs = [n for n, t in G.nodes(data="type") if t == "Organisation"]
        t_index, _ = timed(lambda: analysis._node(G, G.nodes[orgs[0]]["label"]))
        pairs = [tuple(rnd.sample(orgs, 2)) for _ in range(10)]
        path_times, path_cpu, hops = [], [], []
        for a, b in pairs:
            t, found = timed(lambda a=a, b=b: analysis.paths(G, a, b, max_len=6), name="path")
            path_times.append(t)
            path_cpu.append(CPU["path"])
            hops.append(len(found[0]) if found else None)
        print(f"shortest path (10 random organisation pairs, max-len 6): median "
              f"{statistics.median(path_times) * 1000:.0f} ms, max {max(path_times) * 1000:.0f} ms "
              f"(CPU median {statistics.median(path_cpu) * 1000:.0f} ms, max {max(path_cpu) * 1000:.0f} ms); "
              f"hops {hops}; name index built once in {t_index * 1000:.0f} ms")
        part_times, part_cpu, counts = [], [], []
        for o in rnd.sample(orgs, 10):
            t, found = timed(lambda o=o: analysis.partners(G, o, depth=2), name="part")
            part_times.append(t)
            part_cpu.append(CPU["part"])
            counts.append(len(found))
        print(f"partners depth 2 (10 random organisations): median {statistics.median(part_times) * 1000:.0f} ms, "
              f"max {max(part_times) * 1000:.0f} ms (CPU max {max(part_cpu) * 1000:.0f} ms); "
              f"entities reached median {int(statistics.median(counts))}")
        t_com, com = timed(lambda: analysis.communities(G), name="com")
        print(f"communities (Louvain): {t_com:.2f} s ({cpu('com')}), {len(com)} communities")
        if not args.skip_brokers:
            t_br, _ = timed(lambda: analysis.brokers(G), name="br")
            print(f"brokers (betweenness, {'sampled' if G.number_of_nodes() > analysis.EXACT_BETWEENNESS_MAX else 'exact'}): "
                  f"{t_br:.2f} s ({cpu('br')})")
        print(f"peak memory (ru_maxrss, Python + Oxigraph): {peak_mb():,.0f} MB")


def _raw_store(path: Path) -> ox.Store:
    s = ox.Store()
    s.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return s


if __name__ == "__main__":
    main()
