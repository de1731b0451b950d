"""Score a built graph against gold annotations (``GUIDELINES.md`` format).

Entity match: a system entity's label or any alternative label equals a gold
entity's name or alias after :func:`graph.textnorm.norm_key`, and the top
types are equal. Gold entities are merged across documents the same way
(same type, a shared normalised form). Relation match: both ends match and
the predicate is equal (``partnerOf`` either way round); the lenient score
reads ``delivers`` and ``participatesIn`` as one predicate. Duplicates: gold
entities matched by more than one system node.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graph.errors import CivicGraphError
from graph.records import ENTITY_TYPES, PREDICATES
from graph.store import oxigraph_store
from graph.textnorm import norm_key

LENIENT = {"participatesIn": "delivers"}


@dataclass
class GoldEntity:
    gid: str
    type: str
    forms: set[str]
    name: str
    docs: set[str] = field(default_factory=set)


@dataclass
class Gold:
    entities: list[GoldEntity]
    relations: set[tuple[int, str, int]]
    evidence: dict[tuple[int, str, int], str]
    documents: set[str]


def load_gold(folder: str | Path) -> Gold:
    """Read every ``*.json`` gold file in ``folder`` and merge entities across documents."""
    folder = Path(folder)
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        raise CivicGraphError(f"{folder}: no gold files (*.json) found")
    entities: list[GoldEntity] = []
    index: dict[tuple[str, str], int] = {}
    relations: set[tuple[int, str, int]] = set()
    evidence: dict[tuple[int, str, int], str] = {}
    documents: set[str] = set()
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
            doc = data["document"]
            local: dict[str, int] = {}
            for e in data["entities"]:
                forms = {norm_key(x) for x in [e["name"], *e.get("aliases", [])] if x.strip()}
                hit = next((index[(e["type"], k)] for k in sorted(forms) if (e["type"], k) in index), None)
                if hit is None:
                    hit = len(entities)
                    entities.append(GoldEntity(f"{doc}#{e['id']}", e["type"], set(), e["name"]))
                entities[hit].forms |= forms
                entities[hit].docs.add(doc)
                for k in forms:
                    index.setdefault((e["type"], k), hit)
                local[e["id"]] = hit
            for r in data["relations"]:
                s, o, p = local[r["subject"]], local[r["object"]], r["predicate"]
                if p == "partnerOf" and o < s:
                    s, o = o, s
                relations.add((s, p, o))
                evidence.setdefault((s, p, o), r.get("evidence", ""))
            documents.add(doc)
        except (KeyError, TypeError, ValueError) as exc:
            raise CivicGraphError(f"{f}: not a gold file in the guidelines' format ({exc})") from None
    return Gold(entities, relations, evidence, documents)


@dataclass
class SysEntity:
    iri: str
    type: str
    label: str
    forms: set[str]


def system_from_graph(graph: Graph, documents: set[str] | None = None) -> tuple[list[SysEntity], set[tuple[str, str, str]]]:
    """Entities and relations of a civicgraph RDF graph (restricted to ``documents`` file names)."""
    q_ent = """
        PREFIX cg: <https://w3id.org/civicgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?e ?type ?label ?alt ?file WHERE {
          VALUES ?type { cg:Organisation cg:Programme cg:Place }
          ?e a ?type ; rdfs:label ?label .
          OPTIONAL { ?e skos:altLabel ?alt }
          OPTIONAL { ?e cg:mentionedIn/cg:fileName ?file }
        }"""
    q_rel = """
        PREFIX cg: <https://w3id.org/civicgraph/ontology#>
        SELECT ?s ?p ?o WHERE {
          VALUES ?p { cg:partnerOf cg:funds cg:delivers cg:participatesIn cg:partOf cg:locatedIn cg:operatesIn }
          ?s ?p ?o .
        }"""
    ents: dict[str, SysEntity] = {}
    files: dict[str, set[str]] = defaultdict(set)
    for e, t, label, alt, file in _rows(graph, q_ent):
        if e is None or t is None or label is None:
            continue
        t = t.rsplit("#", 1)[1]
        se = ents.setdefault(e, SysEntity(e, t, label, {norm_key(label)}))
        if alt:
            se.forms.add(norm_key(alt))
        if file:
            files[e].add(file)
    if documents is not None:
        ents = {k: v for k, v in ents.items() if files[k] & documents}
    rels: set[tuple[str, str, str]] = set()
    for s, p, o in _rows(graph, q_rel):
        if s is None or p is None or o is None:
            continue
        p = p.rsplit("#", 1)[1]
        if s in ents and o in ents:
            if p == "partnerOf" and o < s:
                s, o = o, s
            rels.add((s, p, o))
    return list(ents.values()), rels


def _rows(graph: Graph, query: str) -> list[list[str | None]]:
    """SELECT rows as lists of strings (None for unbound), via Oxigraph when available."""
    store = oxigraph_store(graph)
    out: list[list[str | None]] = []
    if store is not None:
        result = store.query(query)
        assert isinstance(result, ox.QuerySolutions)
        for sol in result:
            out.append([None if v is None else str(v.value) for v in sol])
        return out
    for row in graph.query(query):  # pragma: no cover - other stores
        out.append([None if v is None else str(v) for v in row])  # type: ignore[union-attr]
    return out


@dataclass
class Score:
    tp_p: int = 0
    n_sys: int = 0
    tp_r: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_p / self.n_sys if self.n_sys else 0.0

    @property
    def recall(self) -> float:
        return self.tp_r / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "system": self.n_sys,
            "gold": self.n_gold,
        }


@dataclass
class Evaluation:
    entities: dict[str, Score]
    relations: dict[str, Score]
    lenient: Score
    duplicates: int
    missed_entities: list[str]
    spurious_entities: list[str]
    missed_relations: list[str]
    spurious_relations: list[str]
    duplicate_entities: list[str]

    def as_dict(self) -> dict[str, object]:
        return {
            "entities": {k: v.as_dict() for k, v in self.entities.items()},
            "relations": {k: v.as_dict() for k, v in self.relations.items()},
            "relations_lenient": self.lenient.as_dict(),
            "duplicates": self.duplicates,
        }


def match_entities(sys_ents: list[SysEntity], gold: Gold) -> tuple[dict[str, set[int]], dict[int, set[str]]]:
    """Which gold entities each system entity matches (label or alias form equal, same
    type), and the other way round: (system IRI -> gold indices, gold index -> system IRIs)."""
    by_form: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, g in enumerate(gold.entities):
        for f in g.forms:
            by_form[(g.type, f)].add(i)
    match: dict[str, set[int]] = {}
    matched_by: dict[int, set[str]] = defaultdict(set)
    for se in sys_ents:
        hits: set[int] = set()
        for f in se.forms:
            hits |= by_form.get((se.type, f), set())
        match[se.iri] = hits
        for h in hits:
            matched_by[h].add(se.iri)
    return match, matched_by


def relation_right(match: dict[str, set[int]], gold: Gold, s: str, p: str, o: str) -> bool:
    """Whether a system relation between IRIs ``s`` and ``o`` is one of the gold's (strict
    predicate; ``partnerOf`` either way)."""
    return any(
        (gs, p, go) in gold.relations or (p == "partnerOf" and (go, p, gs) in gold.relations)
        for gs in match.get(s, ())
        for go in match.get(o, ())
    )


def evaluate(graph: Graph, gold: Gold) -> Evaluation:
    """Score ``graph`` against ``gold``."""
    sys_ents, sys_rels = system_from_graph(graph, gold.documents)
    match, matched_by = match_entities(sys_ents, gold)

    entities: dict[str, Score] = {}
    for t in ("all", *ENTITY_TYPES):
        sc = Score()
        sc.n_sys = sum(1 for se in sys_ents if t in ("all", se.type))
        sc.tp_p = sum(1 for se in sys_ents if t in ("all", se.type) and match[se.iri])
        sc.n_gold = sum(1 for g in gold.entities if t in ("all", g.type))
        sc.tp_r = sum(1 for i, g in enumerate(gold.entities) if t in ("all", g.type) and matched_by[i])
        entities[t] = sc

    def rel_scores(norm: dict[str, str]) -> dict[str, Score]:
        gold_rels = {(s, norm.get(p, p), o) for s, p, o in gold.relations}
        out: dict[str, Score] = {}
        sys_norm = {(s, norm.get(p, p), o) for s, p, o in sys_rels}

        def sys_ok(s: str, p: str, o: str) -> bool:
            for gs in match.get(s, ()):
                for go in match.get(o, ()):
                    if (gs, p, go) in gold_rels or (p == "partnerOf" and (go, p, gs) in gold_rels):
                        return True
            return False

        def gold_ok(gs: int, p: str, go: int) -> bool:
            for s in matched_by.get(gs, ()):
                for o in matched_by.get(go, ()):
                    if (s, p, o) in sys_norm or (p == "partnerOf" and (o, p, s) in sys_norm):
                        return True
            return False

        preds = sorted({p for _, p, _ in gold_rels} | {p for _, p, _ in sys_norm})
        for pred in ("all", *preds):
            sc = Score()
            srs = [r for r in sys_norm if pred in ("all", r[1])]
            grs = [r for r in gold_rels if pred in ("all", r[1])]
            sc.n_sys, sc.tp_p = len(srs), sum(1 for r in srs if sys_ok(*r))
            sc.n_gold, sc.tp_r = len(grs), sum(1 for r in grs if gold_ok(*r))
            out[pred] = sc
        return out

    strict = rel_scores({})
    lenient = rel_scores(LENIENT)["all"]
    label = {se.iri: se.label for se in sys_ents}
    missed_e = sorted(f"{g.type}: {g.name}" for i, g in enumerate(gold.entities) if not matched_by[i])
    spurious_e = sorted(f"{se.type}: {se.label}" for se in sys_ents if not match[se.iri])
    dup = sorted(
        f"{g.type}: {g.name} <- {', '.join(sorted(label[s] for s in matched_by[i]))}"
        for i, g in enumerate(gold.entities)
        if len(matched_by[i]) > 1
    )
    gname = {i: g.name for i, g in enumerate(gold.entities)}
    missed_r, spurious_r = [], []
    sys_set = sys_rels
    for gs, p, go in sorted(gold.relations):
        ok = any(
            (s, p, o) in sys_set or (p == "partnerOf" and (o, p, s) in sys_set)
            for s in matched_by.get(gs, ())
            for o in matched_by.get(go, ())
        )
        if not ok:
            missed_r.append(f"{gname[gs]} --{p}--> {gname[go]}   | {gold.evidence.get((gs, p, go), '')[:100]}")
    for s, p, o in sorted(sys_rels):
        if not relation_right(match, gold, s, p, o):
            spurious_r.append(f"{label.get(s, s)} --{p}--> {label.get(o, o)}")
    return Evaluation(entities, strict, lenient, len(dup), missed_e, spurious_e, missed_r, spurious_r, dup)


def format_report(ev: Evaluation, show: bool = False) -> str:
    """A plain-text report: P/R/F1 per type and per predicate, duplicates, and optionally the errors."""
    lines = [f"{'entities':<22}{'P':>7}{'R':>7}{'F1':>7}{'sys':>6}{'gold':>6}"]
    for k, sc in ev.entities.items():
        lines.append(f"  {k:<20}{sc.precision:7.3f}{sc.recall:7.3f}{sc.f1:7.3f}{sc.n_sys:6d}{sc.n_gold:6d}")
    lines.append(f"{'relations (strict)':<22}{'P':>7}{'R':>7}{'F1':>7}{'sys':>6}{'gold':>6}")
    for k, sc in ev.relations.items():
        if k in PREDICATES or k == "all":
            lines.append(f"  {k:<20}{sc.precision:7.3f}{sc.recall:7.3f}{sc.f1:7.3f}{sc.n_sys:6d}{sc.n_gold:6d}")
    sc = ev.lenient
    lines.append(f"  {'all (lenient)':<20}{sc.precision:7.3f}{sc.recall:7.3f}{sc.f1:7.3f}{sc.n_sys:6d}{sc.n_gold:6d}")
    lines.append(f"duplicates (gold entities split over >1 node): {ev.duplicates}")
    if show:
        for title, items in (
            ("missed entities", ev.missed_entities),
            ("spurious entities", ev.spurious_entities),
            ("duplicate entities", ev.duplicate_entities),
            ("missed relations", ev.missed_relations),
            ("spurious relations", ev.spurious_relations),
        ):
            lines.append(f"\n{title} ({len(items)}):")
            lines.extend(f"  {x}" for x in items)
    return "\n".join(lines)
