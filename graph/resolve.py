"""Entity resolution across documents: one node per real thing.

A separate, pure step over the per-document extractions, so curated
corrections can feed it later without re-extracting. Merges are conservative
and explained: two local entities merge only when they have the same top type
and either

* ``same-name``: a full name (label or non-acronym alias) has the same
  normalised key (:func:`graph.textnorm.norm_key`);
* ``same-identifier``: the gazetteer gave both the same identifier (GSS code,
  org-id);
* ``acronym``: one is known only by an acronym that the other defines.

Two councils never merge for sharing "Council": keys are whole names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from graph.extract.entities import preferred_name
from graph.extract.lexicon import ORG_HEAD_MODIFIERS, ORG_HEADS
from graph.extract.names import is_acronym
from graph.iri import entity_id
from graph.records import (
    SYMMETRIC,
    DocumentExtraction,
    Entity,
    Evidence,
    Link,
    LocalEntity,
    ResolvedGraph,
)
from graph.textnorm import norm_key


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}
        self.why: dict[str, set[str]] = defaultdict(set)

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, rule: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.why[ra] |= self.why.pop(rb, set()) | {rule}


def variant_keys(key: str) -> set[str]:
    """Shorter keys a name is also known by, under rules safe across documents.

    >>> sorted(variant_keys("barnsley metropolitan borough council"))
    ['barnsley council']
    >>> sorted(variant_keys("arts council of england"))
    ['arts council england']
    """
    out = set()
    words = key.split()
    if len(words) >= 3 and words[-1] in ORG_HEADS:
        core = [w for w in words[:-1] if w not in ORG_HEAD_MODIFIERS]
        if core and len(core) < len(words) - 1:
            out.add(" ".join([*core, words[-1]]))
    if " of " in key:
        out.add(key.replace(" of ", " "))
    return out - {key}


def _full_forms(e: LocalEntity) -> set[str]:
    return {f for f in (e.name, *e.aliases) if not is_acronym(f)}


def _label(forms: Counter[str]) -> str:
    return preferred_name(forms)


def resolve(extractions: Iterable[DocumentExtraction]) -> ResolvedGraph:
    """Merge the local entities of every document and map relations onto them."""
    exts = sorted(extractions, key=lambda x: x.document.doc_id)
    local: dict[str, LocalEntity] = {e.key: e for x in exts for e in x.entities}
    uf = _UnionFind(sorted(local))

    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_id: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key in sorted(local):
        e = local[key]
        for form in _full_forms(e):
            by_name[(e.type, norm_key(form))].append(key)
        for scheme, value in e.ids:
            by_id[(e.type, scheme, value)].append(key)
    for (_t, name), keys in sorted(by_name.items()):
        for k in keys[1:]:
            uf.union(keys[0], k, f"same-name:{name}")
    for (_t, scheme, value), keys in sorted(by_id.items()):
        for k in keys[1:]:
            uf.union(keys[0], k, f"same-identifier:{scheme}={value}")
    # a short form joins its one long form ("Barnsley Council" -> "... Metropolitan Borough Council")
    by_variant: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t, name in by_name:
        for v in variant_keys(name):
            by_variant[(t, v)].add(name)
    for (t, name), keys in sorted(by_name.items()):
        longs = sorted(by_variant.get((t, name), set()) - {name})
        if len(longs) == 1:
            uf.union(by_name[(t, longs[0])][0], keys[0], f"short-form:{name}->{longs[0]}")
    # an entity known only by an acronym joins the one entity defining that acronym
    defines: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, e in local.items():
        if not is_acronym(e.name):
            for a in e.aliases:
                if is_acronym(a):
                    defines[(e.type, a)].add(uf.find(key))
    for key in sorted(local):
        e = local[key]
        if is_acronym(e.name):
            roots = {uf.find(k) for k in defines.get((e.type, e.name), set())}
            if len(roots) == 1:
                uf.union(roots.pop(), key, f"acronym:{e.name}")

    clusters: dict[str, list[str]] = defaultdict(list)
    for key in sorted(local):
        clusters[uf.find(key)].append(key)

    entities: list[Entity] = []
    local_to_id: dict[str, str] = {}
    used: set[str] = set()
    for root in sorted(clusters, key=lambda r: min(clusters[r])):
        members = [local[k] for k in clusters[root]]
        forms: Counter[str] = Counter()
        subtypes: Counter[str] = Counter()
        ids: dict[tuple[str, str], None] = {}
        for m in members:
            forms[m.name] += max(1, len(m.mentions))
            for a in m.aliases:
                forms[a] += 1
            if m.subtype:
                subtypes[m.subtype] += 1
            for i in m.ids:
                ids[i] = None
        label = _label(forms)
        t = members[0].type
        eid = entity_id(t, label)
        n = 2
        base = eid
        while eid in used:
            eid = f"{base}-{n}"
            n += 1
        used.add(eid)
        subtype = max(sorted(subtypes), key=lambda s: subtypes[s]) if subtypes else None
        entities.append(
            Entity(
                entity_id=eid,
                label=label,
                type=t,
                subtype=subtype,
                aliases=frozenset(f for f in forms if f != label),
                documents=frozenset(m.doc_id for m in members),
                ids=tuple(sorted(ids)),
                merged_by=tuple(sorted(uf.why.get(root, ()))),
            )
        )
        for m in members:
            local_to_id[m.key] = eid

    grouped: dict[tuple[str, str, str], list] = defaultdict(list)
    for x in exts:
        for r in x.relations:
            s, o = local_to_id[r.subject], local_to_id[r.object]
            if s == o:
                continue
            if r.predicate in SYMMETRIC and o < s:
                s, o = o, s
            grouped[(s, r.predicate, o)].append(r)
    links: list[Link] = []
    for (s, p, o), rels in sorted(grouped.items()):
        # one evidence per sentence; rules that found the same sentence are joined ("a+b")
        rules_by_ev: dict[Evidence, set[str]] = defaultdict(set)
        for r in rels:
            rules_by_ev[r.evidence].add(r.rule)
        ev = {
            (e, "+".join(sorted(rules_by_ev[e]))): None
            for e in sorted(rules_by_ev, key=lambda e: (e.doc_id, e.start, e.end))
        }
        with_amount = [r for r in rels if r.amount is not None]
        first = min(with_amount, key=lambda r: (r.evidence.doc_id, r.evidence.start)) if with_amount else None
        links.append(
            Link(
                subject=s,
                predicate=p,
                object=o,
                evidence=tuple(ev),
                amount=first.amount if first else None,
                currency=first.currency if first else None,
                amount_text=first.amount_text if first else None,
            )
        )
    mentions = sorted({(local_to_id[e.key], e.doc_id) for e in local.values()})
    return ResolvedGraph(
        documents=tuple(x.document for x in exts),
        entities=tuple(sorted(entities, key=lambda e: e.entity_id)),
        links=tuple(links),
        mentions=tuple(mentions),
    )


def resolution_report(resolved: ResolvedGraph) -> list[dict[str, object]]:
    """Explain every merge: the entity, the forms merged and the rules that merged them."""
    return [
        {
            "entity": e.entity_id,
            "label": e.label,
            "type": e.type,
            "forms": sorted({e.label, *e.aliases}),
            "documents": sorted(e.documents),
            "rules": list(e.merged_by),
        }
        for e in resolved.entities
        if e.merged_by
    ]
