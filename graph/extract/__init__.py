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
from graph.extract.amounts import parse_amount
from graph.extract.entities import (
    Found,
    PlaceLookup,
    acronym_index,
    drop_covered_places,
    find_mentions,
    group_mentions,
    place_bodies,
)
from graph.extract.lexicon import TITLE_WORDS
from graph.extract.names import is_acronym
from graph.extract.relations import SentMention, sentence_relations
from graph.extract.sentences import split_sentences
from graph.extract.tables import (
    TableRow,
    funder_sentences,
    header_tables,
    is_row,
    is_separator,
    split_row,
)
from graph.records import Document, DocumentExtraction, Evidence, LocalEntity, Mention, Relation

_ORG_SLOT = re.compile(
    r"(?:\bby|\bwith|\bfrom|\balongside|\bincluding|\bsuch as|\bpartners?|\bled by|\bsupport of)\s+(?:the\s+)?$",
    re.I,
)
_LIST_MATE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and|&)\s*(?:the\s+)?")
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
    r"partnership|network|festival|strategy)\b(?P<poss>’s|'s)?(?!\s+[A-Z]\w*\s+[a-z])"
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
            poss = m.group("poss")
            out.append(
                Found(ref.name, m.start(), m.end() - (len(poss) if poss else 0), ref.type, ref.subtype,
                      f"anaphor:the-{noun.replace(' ', '-')}", si, ids=ref.ids, possessive=bool(poss))
            )
    return out


_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b(?!['’])")


def _sentence_index(sentences: list[tuple[int, int]], pos: int) -> int | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(sentences) and sentences[lo][0] <= pos < sentences[lo][1] else None


def _author(doc: Document, sentences, groups, found, where) -> int | None:  # type: ignore[no-untyped-def]
    """The organisation that speaks as "we" in this document, if it can be told:
    the publisher its metadata names, or else the organisation named in the
    opening sentences that the document mentions most (at least three times)."""
    from graph.textnorm import norm_key

    orgs = [gi for gi, g in enumerate(groups) if g.type == "Organisation"]
    if doc.publisher:
        want = norm_key(doc.publisher)
        for gi in orgs:
            if want in {norm_key(a) for a in {groups[gi].name, *groups[gi].aliases}}:
                return gi
    if not sentences:
        return None
    title = {where[i] for i, f in enumerate(found) if i in where and f.start < sentences[0][1]}
    opening_end = sentences[min(2, len(sentences) - 1)][1]
    opening = {where[i] for i, f in enumerate(found) if i in where and f.start < opening_end}
    cands = [gi for gi in orgs if gi in title and len(groups[gi].mentions) >= 2]
    if not cands:
        cands = [gi for gi in orgs if gi in opening and len(groups[gi].mentions) >= 3]
    if not cands:
        return None
    return max(cands, key=lambda gi: (len(groups[gi].mentions), -min(f.start for f in groups[gi].mentions)))


_CELL_NAME = re.compile(r"^[A-Z0-9][\w’'&.\-]*(?:\s+[\w’'&.\-]+){0,7}$")


_PLACE_SUFFIXES = frozenset(
    "end park hill hills green heath vale town village estate bridge field fields wood moor side "
    "gate cross row lane common marsh".split()
)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and|&|or)\s*")
_LIST_INTRO = re.compile(r"\b(?:in|across|around|throughout|covering|to)\s+(?:the\s+)?$", re.I)
# "sessions in community venues in A, B and C": a list of unknown names after a place noun
_PLACE_NOUN_INTRO = re.compile(
    r"\b(?:venues|neighbourhoods|areas|wards|communities|estates|villages|towns|sites|locations|parishes|districts)\s+"
    r"(?:in|across|around|at|including)\s+(?:the\s+)?$",
    re.I,
)


def _places_in_lists(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> None:
    """"Sessions take place in Harehills, Chapeltown and Armley": names listed with
    a known place after "in"/"across" are places too (neighbourhoods). In place."""
    # "Chapeltown and Armley" came out as one candidate around a known place: split it
    places_at = {(f.start, f.end) for f in found if f.type == "Place"}
    for f in [f for f in found if f.type is None and f.rule == "candidate" and " and " in f.name]:
        inner = [p for p in places_at if f.start <= p[0] and p[1] <= f.end]
        if not inner:
            continue
        found.remove(f)
        pos = f.start
        for part in f.name.split(" and "):
            a = text.find(part, pos, f.end)
            if a >= 0 and (a, a + len(part)) not in places_at and part[:1].isupper():
                found.append(Found(part, a, a + len(part), None, None, "candidate", f.sentence))
            pos = a + len(part) if a >= 0 else pos
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for si, fs in by_sentence.items():
        fs.sort(key=lambda f: f.start)
        # runs of mentions joined by list separators
        runs: list[list[Found]] = [[fs[0]]] if fs else []
        for fa, fb in zip(fs, fs[1:], strict=False):
            if _LIST_SEP.fullmatch(text[fa.end : fb.start]):
                runs[-1].append(fb)
            else:
                runs.append([fb])
        for run in runs:
            intro = text[sentences[si][0] : run[0].start]
            known = any(f.type == "Place" for f in run)
            if len(run) < 2 or not (
                (known and _LIST_INTRO.search(intro)) or (len(run) >= 3 and _PLACE_NOUN_INTRO.search(intro))
            ):
                continue
            for f in run:
                words = f.name.split()
                if f.type is None and f.rule == "candidate" and (
                    len(words) == 1 or (len(words) == 2 and words[1].lower() in _PLACE_SUFFIXES)
                ):
                    f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:listed-with-places"


_MEMBER_LIST = re.compile(
    r"\b(?:are|include|includes|comprise|comprises|members\s+are)\s*:\s*(?P<items>[^:]+?;[^:]+?)\s*\.?\s*$"
)


def _member_lists(
    text: str, sentences: list[tuple[int, int]], found: list[Found]
) -> tuple[list[Found], list[tuple[int, Found, list[Found], Found | None]]]:
    """"The partnerships established in the West Midlands are: A; B; C": the items
    of a semicolon list after a network are its members (partnerships), located in
    the place the sentence names before the colon."""
    specs: list[tuple[int, Found, list[Found], Found | None]] = []
    for si, (s0, s1) in enumerate(sentences):
        m = _MEMBER_LIST.search(text, s0, s1)
        if not m:
            continue
        colon = m.start()
        defined = {f.acronym: f for f in found if f.acronym and f.type}
        pre = sorted(
            (defined.get(f.name.rstrip("s"), defined.get(f.name, f)) if f.type is None else f
             for f in found if s0 <= f.start < colon),
            key=lambda f: f.start,
        )
        network = next(
            (f for f in pre if f.type == "Programme" and (f.subtype == "Network" or f.name.endswith(("Partnerships", "Networks")))),
            None,
        )
        if network is not None and network.start < s0:
            # the acronym stands for a network named earlier: use the mention in this sentence
            network = next(f for f in found if s0 <= f.start < colon and f.type is None and network.acronym in (f.name, f.name.rstrip("s")))
        if network is None:
            continue
        place = next((f for f in reversed(pre) if f.type == "Place"), None)
        items: list[Found] = []
        a = m.start("items")
        for part in re.split(r";\s*|\s+and\s+(?=[^;]*$)", text[a : m.end("items")]):
            st = text.find(part, a, m.end("items"))
            if st < 0 or not part.strip():
                continue
            en = st + len(part.rstrip())
            a = en
            name = text[st:en]
            name = re.sub(r"\s*\([A-Z]{2,8}\)$", "", name)
            en = st + len(name)
            if not name[:1].isupper() or len(name.split()) > 6:
                items = []
                break
            inside = [f for f in found if st <= f.start and f.end <= en]
            if any(f.type in ("Organisation", "Programme") and (f.start, f.end) != (st, en) for f in inside):
                continue
            found = [f for f in found if f not in inside or f.type in ("Organisation",)]
            exact = next((f for f in found if (f.start, f.end) == (st, en) and f.type == "Organisation"), None)
            if exact is None:
                exact = Found(name, st, en, "Organisation", "Partnership", "context:member-list", si)
                found.append(exact)
            items.append(exact)
        if len(items) >= 2:
            specs.append((si, network, items, place))
    return found, specs


def _member_relations(doc: Document, sentences, found, where, entities, specs) -> list[Relation]:  # type: ignore[no-untyped-def]
    index = {id(f): i for i, f in enumerate(found)}
    out: list[Relation] = []

    def key(f: Found | None) -> str | None:
        if f is None or id(f) not in index or index[id(f)] not in where:
            return None
        return entities[where[index[id(f)]]].key

    for si, network, items, place in specs:
        s0, s1 = sentences[si]
        if key(network) is None:
            continue
        ev = Evidence(doc.doc_id, s0, s1, doc.text[s0:s1])
        for item in items:
            k = key(item)
            if k is None:
                continue
            for p, o, rule in (("participatesIn", key(network), "participatesIn:member-list"),
                               ("locatedIn", key(place), "locatedIn:member-list")):
                if o is not None and o != k:
                    out.append(Relation(k, p, o, ev, f"{EXTRACTOR_VERSION}:{rule}"))
    return out


def _type_table_cells(
    text: str, found: list[Found], rows: list[TableRow]
) -> tuple[list[Found], list[tuple[int, dict[str, Found], str | None]]]:
    """Give each cell of a header table the type its column names; return the row specs."""
    specs: list[tuple[int, dict[str, Found], str | None]] = []
    for row in rows:
        by_role: dict[str, Found] = {}
        amount = None
        for cell in row.cells:
            a, b = cell.start, cell.end
            if b <= a or cell.role is None:
                continue
            if cell.role == "amount":
                amount = text[a:b]
                continue
            want = {"org": "Organisation", "programme": "Programme", "place": "Place"}[cell.role]
            exact = next((f for f in found if (f.start, f.end) == (a, b) and f.type == want), None)
            if exact is None:
                exact = next((f for f in found if (f.start, f.end) == (a, b)), None)
                if exact is not None and want != "Place":
                    exact.type, exact.subtype, exact.rule = want, exact.subtype if exact.type == want else None, f"table:{cell.role}-column"
                elif exact is None or exact.type != want:
                    inner = [f for f in found if a <= f.start and f.end <= b and f.type == want]
                    if want == "Place" and inner:
                        exact = inner[0]
                    else:
                        found = [f for f in found if not (a <= f.start and f.end <= b)]
                        exact = Found(text[a:b], a, b, want, None, f"table:{cell.role}-column", row.sentence)
                        found.append(exact)
            by_role[cell.role] = exact
        if by_role:
            specs.append((row.sentence, by_role, amount))
    return found, specs


def _table_relations(doc: Document, sentences, found, where, entities, specs) -> list[Relation]:  # type: ignore[no-untyped-def]
    """Relations stated by the rows of header tables (see graph.extract.tables)."""
    index = {id(f): i for i, f in enumerate(found)}
    text = doc.text
    out: list[Relation] = []

    def key(f: Found | None) -> str | None:
        if f is None or id(f) not in index or index[id(f)] not in where:
            return None
        return entities[where[index[id(f)]]].key

    def rel(s: str | None, p: str, o: str | None, si: int, rule: str, amount: str | None = None) -> None:
        if s is None or o is None or s == o:
            return
        s0, s1 = sentences[si]
        parsed = parse_amount(amount) if amount else None
        out.append(
            Relation(s, p, o, Evidence(doc.doc_id, s0, s1, text[s0:s1]), f"{EXTRACTOR_VERSION}:{rule}",
                     parsed[0] if parsed else None, parsed[1] if parsed else None,
                     amount if parsed else None)
        )

    funder_cache: dict[int, str | None] = {}
    for si, by_role, amount in specs:
        org, prog, place = (key(by_role.get(r)) for r in ("org", "programme", "place"))
        rel(org, "delivers", prog, si, "delivers:table-row")
        rel(prog or org, "operatesIn", place, si, "operatesIn:table-row")
        if si not in funder_cache:
            funder = None
            for fs in funder_sentences(text, sentences, si):
                s0, s1 = sentences[fs]
                cands = sorted(
                    (f for f in found if s0 <= f.start < s1 and f.type == "Organisation"),
                    key=lambda f: f.start,
                )
                if cands:
                    funder = key(cands[0])
                    break
            funder_cache[si] = funder
        rel(funder_cache[si], "funds", prog or org, si, "funds:table-row", amount)
    return out


def _table_cells(text: str, sentences: list[tuple[int, int]], found: list[Found], skip: set[int] = frozenset()) -> list[Found]:  # type: ignore[assignment]
    """In a table whose cells are all names (a list of partners, stakeholders …),
    every cell is an organisation unless a rule typed it otherwise."""
    rows: dict[int, list[tuple[int, int]]] = {}
    for si, (s0, s1) in enumerate(sentences):
        row = text[s0:s1]
        if si in skip or not is_row(row) or is_separator(row):
            continue
        neighbours = [sentences[k] for k in (si - 1, si + 1) if 0 <= k < len(sentences)]
        if not any(is_row(text[a:b]) for a, b in neighbours):
            continue  # one line with a "|" in it is not a table
        cells = [(a, b) for a, b in split_row(text, s0, s1) if b > a]
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
    # a name seen as a person anywhere ("Jo Smith, Chief Executive") is a person everywhere
    people = {f.name for f in found if f.rule == "person"}
    for f in found:
        if f.type is None and f.name in people:
            f.rule = "person"
    last_typed_org_end: dict[int, int] = {}
    for f in sorted(found, key=lambda f: f.start):
        s0 = sentences[f.sentence][0]
        if f.type is None:
            prev_end = last_typed_org_end.get(f.sentence)
            typed_before = prev_end is not None and f.start - prev_end < 12
            if f.rule != "person" and f.name.split()[-1].lower() not in TITLE_WORDS and _slot_type(f, text, s0, typed_before) and (
                len(f.name.split()) >= 2 or f.name.isupper()
            ):
                f.type, f.subtype, f.rule = "Organisation", None, "context:agent-slot"
        if f.type == "Organisation":
            last_typed_org_end[f.sentence] = f.end
    # "Hartlepool Youth Link and the Stockton Youth Forum": a name listed with an organisation
    ordered = sorted(found, key=lambda f: f.start)
    for fa, fb in zip(ordered, ordered[1:], strict=False):
        if (
            fa.type is None
            and fa.rule == "candidate"
            and fb.type == "Organisation"
            and fa.sentence == fb.sentence
            and len(fa.name.split()) >= 2
            and fa.name.split()[-1].lower() not in TITLE_WORDS
            and _LIST_MATE.fullmatch(text[fa.end : fb.start])
        ):
            fa.type, fa.subtype, fa.rule = "Organisation", None, "context:listed-with-organisation"

    _places_in_lists(text, sentences, found)
    table_rows, header_rows = header_tables(text, sentences)
    found = _table_cells(text, sentences, found, skip=header_rows | {r.sentence for r in table_rows})
    found, row_specs = _type_table_cells(text, found, table_rows)
    found, member_specs = _member_lists(text, sentences, found)
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

    author = _author(doc, sentences, groups, found, where)
    if author is not None:
        for m in _WE.finditer(text):
            si = _sentence_index(sentences, m.start())
            if si is None:
                continue
            s0 = sentences[si][0]
            poss = m.group(0).lower() == "our"
            by_sentence.setdefault(si, []).append(
                SentMention(-1_000_000 - m.start(), author, "Organisation", groups[author].subtype,
                            m.start() - s0, m.end() - s0, cue="poss" if poss else None)
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
    relations.extend(_table_relations(doc, sentences, found, where, entities, row_specs))
    relations.extend(_member_relations(doc, sentences, found, where, entities, member_specs))
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
                places.setdefault(form.lower(), gi)
    out: list[Relation] = []
    for gi, g in enumerate(groups):
        if not (g.type == "Programme" or (g.type == "Organisation" and g.subtype == "Partnership")):
            continue
        words = g.name.split(" ")
        for form in (" ".join(words[:k]).lower() for k in range(len(words) - 1, 0, -1)):
            if form in places:
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
            for form in {g.name, *(a for a in g.aliases if is_acronym(a))}:
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
        words = g.name.split(" ")
        for form in (" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)):
            if form not in names:
                continue
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
