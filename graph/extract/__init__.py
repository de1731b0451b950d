"""Extractors: one document in, its entities and relations (with evidence) out.

Per-document work is independent of every other document, so documents can be
extracted in parallel and cached by content hash. ``EXTRACTORS`` is the
registry; the default ``rules`` extractor needs nothing but this package.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from graph import EXTRACTOR_VERSION
from graph.extract.entities import (
    Found,
    PlaceLookup,
    acronym_index,
    drop_covered_places,
    find_mentions,
    place_bodies,
    group_mentions,
)
from graph.extract.names import is_acronym
from graph.extract.relations import SentMention, sentence_relations
from graph.extract.sentences import split_sentences
from graph.records import Document, DocumentExtraction, Evidence, LocalEntity, Mention, Relation

_ORG_SLOT = re.compile(
    r"(?:\bby|\bwith|\bfrom|\balongside|\bincluding|\bsuch as|\bpartners?|\bled by|\bsupport of)\s+(?:the\s+)?$",
    re.I,
)
_LIST_SLOT = re.compile(r"(?:,|\band|&)\s+(?:the\s+)?$", re.I)
_ANAPHOR = re.compile(
    r"^(?:The|This|That|Their|Its|Our)\s+(?P<noun>council|authority|combined authority|trust|college|university|"
    r"charity|organisation|museum|theatre|programme|project|scheme|initiative|fund|pilot|partnership|network)\b|^(?P<pron>It|They|Their|Its)\b"
)
_ANAPHOR_TYPE = {
    "programme": "Programme",
    "project": "Programme",
    "scheme": "Programme",
    "initiative": "Programme",
    "fund": "Programme",
    "pilot": "Programme",
    "network": "Programme",
}


@lru_cache(maxsize=1)
def _places() -> PlaceLookup:
    return PlaceLookup.from_gazetteer()


def _slot_type(f: Found, text: str, sentence_start: int, typed_before: bool) -> bool:
    left = text[sentence_start : f.start]
    if _ORG_SLOT.search(left[-40:]):
        return True
    return bool(typed_before and _LIST_SLOT.search(left[-12:]))


_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hese)\s+(?P<noun>programmes|projects|schemes|initiatives|combined\s+authority|council|local\s+authority|authority|trust|college|university|"
    r"charity|museum|theatre|commission|department|programme|project|scheme|initiative|pilot|fund|"
    r"partnership|network|festival|strategy)\b(?!\s+[A-Z])"
)
_DEF_SUBTYPE = {
    "combined authority": ("Organisation", ("CombinedAuthority",)),
    "council": ("Organisation", ("LocalAuthority",)),
    "local authority": ("Organisation", ("LocalAuthority",)),
    "authority": ("Organisation", ("LocalAuthority", "CombinedAuthority")),
    "trust": ("Organisation", ("Charity", "CulturalOrganisation", "HealthBody")),
    "college": ("Organisation", ("EducationProvider",)),
    "university": ("Organisation", ("EducationProvider",)),
    "charity": ("Organisation", ("Charity",)),
    "museum": ("Organisation", ("CulturalOrganisation",)),
    "theatre": ("Organisation", ("CulturalOrganisation",)),
    "commission": ("Organisation", ("GovernmentBody",)),
    "department": ("Organisation", ("GovernmentBody",)),
    "partnership": ("Organisation", ("Partnership",)),
}


def _definite_descriptions(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """"The council invested £3.5m", "funded by the combined authority": a definite
    description refers to the nearest preceding entity of its kind (within a few
    sentences); the description becomes a mention of that entity."""
    typed = sorted((f for f in found if f.type), key=lambda f: f.start)
    out: list[Found] = []
    for si, (s0, s1) in enumerate(sentences):
        for m in _DEFINITE.finditer(text, s0, s1):
            noun = " ".join(m.group("noun").lower().split())
            if noun in ("programmes", "projects", "schemes", "initiatives"):
                noun = noun[:-1]
            want_type, subs = _DEF_SUBTYPE.get(noun, ("Programme", ()))
            window_start = sentences[max(0, si - 10)][0]
            cands = [
                f for f in typed
                if window_start <= f.start < m.start()
                and f.type == want_type
                and (not subs or f.subtype in subs)
                and not (f.start <= m.start() < f.end)
                and not (f.name.endswith("s") and not noun.endswith("s") and f.name.split()[-1].lower().rstrip("s") == noun.split()[-1])
            ]
            if want_type == "Programme" and noun not in ("programme", "project", "scheme", "initiative", "pilot"):
                cands = [f for f in cands if noun in f.name.lower()] or []
            if not cands:
                continue
            ref = cands[-1]
            out.append(
                Found(ref.name, m.start(), m.end(), ref.type, ref.subtype, f"anaphor:the-{noun.replace(' ', '-')}", si,
                      ids=ref.ids)
            )
    return out


_CELL_NAME = re.compile(r"^[A-Z0-9][\w’'&.\-]*(?:\s+[\w’'&.\-]+){0,7}$")


def _table_cells(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """In a table whose cells are all names (a list of partners, stakeholders …),
    every cell is an organisation unless a rule typed it otherwise."""
    rows: dict[int, list[tuple[int, int]]] = {}
    for si, (s0, s1) in enumerate(sentences):
        row = text[s0:s1]
        if not row.startswith("|") or set(row) <= set("|-: "):
            continue
        cells = []
        pos = s0
        for part in row.split("|"):
            st = pos + len(part) - len(part.lstrip())
            en = pos + len(part.rstrip())
            pos += len(part) + 1
            if en > st:
                cells.append((st, en))
        if not cells or any(not _CELL_NAME.match(text[a:b]) or text[a:b].isdigit() for a, b in cells):
            continue
        rows[si] = cells
    if not rows:
        return found
    out = [f for f in found if not (f.sentence in rows and f.type is None)]
    typed_spans = {(f.start, f.end) for f in out if f.sentence in rows}
    for si, cells in rows.items():
        for a, b in cells:
            if (a, b) in typed_spans:
                continue
            if any(
                f.sentence == si and f.type and f.type != "Place" and a <= f.start and f.end <= b
                for f in out
            ):
                continue
            out = [f for f in out if not (f.sentence == si and a <= f.start and f.end <= b and (f.start, f.end) != (a, b))]
            out.append(Found(text[a:b], a, b, "Organisation", None, "context:name-table", si))
    return out


def extract_rules(doc: Document) -> DocumentExtraction:
    """The default extractor: rules, patterns and gazetteers (no model weights)."""
    text = doc.text
    places = _places()
    sentences = split_sentences(text)
    found = find_mentions(text, sentences, places)

    # type name candidates by their slot: "funded by X", "with A, B and C"
    last_typed_org_end: dict[int, int] = {}
    for f in sorted(found, key=lambda f: f.start):
        s0 = sentences[f.sentence][0]
        if f.type is None:
            prev_end = last_typed_org_end.get(f.sentence)
            typed_before = prev_end is not None and f.start - prev_end < 12
            if f.rule != "person" and _slot_type(f, text, s0, typed_before) and (
                len(f.name.split()) >= 2 or f.name.isupper()
            ):
                f.type, f.subtype, f.rule = "Organisation", None, "context:agent-slot"
        if f.type == "Organisation":
            last_typed_org_end[f.sentence] = f.end

    found = _table_cells(text, sentences, found)
    found = drop_covered_places(found)
    place_bodies(found, text)
    found = found + _definite_descriptions(text, sentences, found)
    acronyms = acronym_index(found, text)
    groups, where = group_mentions(found, text, acronyms)

    entities: list[LocalEntity] = []
    for gi, g in enumerate(groups):
        mentions = tuple(
            Mention(doc.doc_id, f.start, f.end, text[f.start : f.end], g.type, g.subtype, f.rule)
            for f in sorted(g.mentions, key=lambda f: f.start)
        )
        entities.append(
            LocalEntity(
                key=f"{doc.doc_id}#{gi}",
                doc_id=doc.doc_id,
                name=g.name,
                type=g.type,
                subtype=g.subtype,
                aliases=frozenset(a for a in g.aliases if a != g.name),
                mentions=mentions,
                ids=g.ids,
            )
        )

    by_sentence: dict[int, list[SentMention]] = {}
    for i, f in enumerate(found):
        if i not in where:
            continue
        gi = where[i]
        s0 = sentences[f.sentence][0]
        by_sentence.setdefault(f.sentence, []).append(
            SentMention(i, gi, groups[gi].type, groups[gi].subtype, f.start - s0, f.end - s0, f.possessive, f.cue)
        )

    relations: list[Relation] = []
    recent: list[SentMention] = []
    for si, (s0, s1) in enumerate(sentences):
        sentence = text[s0:s1]
        ms = sorted(by_sentence.get(si, []), key=lambda m: m.start)
        topic = None
        am = _ANAPHOR.match(sentence)
        if am and recent:
            want = "Programme" if _ANAPHOR_TYPE.get((am.group("noun") or "").lower()) else "Organisation"
            if not (ms and ms[0].start <= am.end() + 1):
                cand = next((m for m in reversed(recent) if m.type == want), None)
                if cand is not None:
                    topic = SentMention(-1 - si, cand.group, cand.type, cand.subtype, 0, 0)
        recent_prog = next((m for m in reversed(recent) if m.type == "Programme"), None)
        for r in sentence_relations(sentence, ms, topic, recent_prog):
            relations.append(
                Relation(
                    subject=f"{doc.doc_id}#{r.subject}",
                    predicate=r.predicate,
                    object=f"{doc.doc_id}#{r.object}",
                    evidence=Evidence(doc.doc_id, s0, s1, sentence),
                    rule=f"{EXTRACTOR_VERSION}:{r.rule}",
                    amount=r.amount,
                    currency=r.currency,
                    amount_text=r.amount_text,
                )
            )
        if ms:
            recent = (recent + ms)[-12:]
    relations.extend(_name_prefix_parts(doc, sentences, groups, entities, places))
    relations.extend(_place_in_name(doc, sentences, groups, entities))
    return DocumentExtraction(doc, tuple(entities), tuple(relations))


def _place_in_name(doc: Document, sentences: list[tuple[int, int]], groups, entities: list[LocalEntity]) -> list[Relation]:  # type: ignore[no-untyped-def]
    """"Coventry Job Rotation Pilot" runs in Coventry; "West of England Cultural
    Compact" works across the West of England: a programme or partnership named
    after a place the document also names operates in it."""
    places: dict[str, int] = {}
    for gi, g in enumerate(groups):
        if g.type == "Place":
            for form in {g.name, *g.aliases}:
                places.setdefault(form, gi)
    out: list[Relation] = []
    for gi, g in enumerate(groups):
        if not (g.type == "Programme" or (g.type == "Organisation" and g.subtype == "Partnership")):
            continue
        for form in sorted(places, key=len, reverse=True):
            rest = g.name[len(form):] if g.name.startswith(form + " ") else None
            if rest is None and g.name.lower().startswith(form.lower() + " ") and form[:1].islower():
                rest = g.name[len(form):]
            if rest:
                f = min(g.mentions, key=lambda f: f.start)
                s0, s1 = sentences[f.sentence]
                out.append(
                    Relation(
                        subject=entities[gi].key,
                        predicate="operatesIn",
                        object=entities[places[form]].key,
                        evidence=Evidence(doc.doc_id, s0, s1, doc.text[s0:s1]),
                        rule=f"{EXTRACTOR_VERSION}:operatesIn:place-in-name",
                    )
                )
                break
    return out


def _name_prefix_parts(doc: Document, sentences: list[tuple[int, int]], groups, entities: list[LocalEntity], places: PlaceLookup) -> list[Relation]:  # type: ignore[no-untyped-def]
    """"WMCA Homelessness Taskforce" is part of WMCA; "BBC Radio Leeds" of the BBC:
    an organisation whose name starts with another organisation's name or acronym
    (an acronym the document defines, or a national body's acronym in the gazetteer)."""
    names: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for gi, g in enumerate(groups):
        if g.type == "Organisation":
            by_name.setdefault(g.name, gi)
            for form in {g.name, *g.aliases}:
                if len(form) >= 3:
                    names.setdefault(form, gi)
    for g in groups:
        first = g.name.split()[0] if g.type == "Organisation" and g.name.split() else ""
        if is_acronym(first) and first not in names:
            for gname, gtype, *_rest in places.lookup(first):
                if gtype == "Organisation" and gname in by_name:
                    names[first] = by_name[gname]
    out: list[Relation] = []
    for gi, g in enumerate(groups):
        if g.type != "Organisation":
            continue
        for form in sorted(names, key=len, reverse=True):
            pj = names[form]
            rest = g.name[len(form) + 1 :] if g.name.startswith(form + " ") else ""
            if pj != gi and len(rest) > 2 and rest.split()[0] not in ("and", "&", "of", "for") and rest[:1].isupper():
                f = min(g.mentions, key=lambda f: f.start)
                s0, s1 = sentences[f.sentence]
                out.append(
                    Relation(
                        subject=entities[gi].key,
                        predicate="partOf",
                        object=entities[pj].key,
                        evidence=Evidence(doc.doc_id, s0, s1, doc.text[s0:s1]),
                        rule=f"{EXTRACTOR_VERSION}:partOf:name-prefix",
                    )
                )
                break
    return out


#: Registry of extractors by name; each maps a Document to a DocumentExtraction.
EXTRACTORS: dict[str, Callable[[Document], DocumentExtraction]] = {"rules": extract_rules}


def extract_document(doc: Document, extractor: str = "rules") -> DocumentExtraction:
    """Run the named extractor on one document."""
    return EXTRACTORS[extractor](doc)
