"""Document layout the rules read: lists of names (places listed with a known
place, members listed after "are:"), tables of names and header tables
(funding announcements): what each row or item is, and the relations it states."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from graph import EXTRACTOR_VERSION
from graph.extract.amounts import find_amounts, parse_amount
from graph.extract.entities import (
    Found,
)
from graph.extract.lexicon import (
    ORG_HEADS,
    PLACE_DIRECTIONS,
    PLACE_NAME_PREFIXES,
    PROGRAMME_HEADS,
    SITE_HEADS,
    STREET_WORDS,
    TITLE_WORDS,
)
from graph.extract.sentences import DASH_ITEM
from graph.extract.tables import (
    TableRow,
    funder_sentences,
    is_row,
    is_separator,
    split_row,
)
from graph.records import Document, Evidence, Relation
from graph.textnorm import norm_key

_CELL_NAME = re.compile(r"^[A-Z0-9][\w’'&.\-]*(?:\s+[\w’'&.\-]+){0,7}$")


_PLACE_SUFFIXES = frozenset(
    "end park hill hills green heath vale town village estate bridge field fields wood moor side "
    "gate cross row lane common marsh".split()
)
# "South Thamesmead", "Upper Norwood", "Old Town": a direction or age word before a place name
_PLACE_PREFIXES = frozenset({w.lower() for w in PLACE_NAME_PREFIXES} | PLACE_DIRECTIONS | {"new", "st", "st."})
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and|&|or)\s*(?:the\s+)?")
_LIST_INTRO = re.compile(r"\b(?:in|across|around|throughout|covering|to)\s+(?:the\s+)?$", re.I)
_AT_NEAR_INTRO = re.compile(r"\b(?:near|from)\s+$", re.I)  # (not "at": "started at Work Club in Tredegar")
# ", in Barnsley", " near Rotherham": what follows a name placed in a known place
_IN_NEAR_AFTER = re.compile(r",?\s+(?:in|near|outside|just\s+outside)\s+(?:the\s+)?(?=[A-Z])")
# "sessions in community venues in A, B and C": a list of unknown names after a place noun
_PEOPLE_IN_INTRO = re.compile(
    r"\b(?:families|people|residents|communities|children|pupils|adults|parents|carers|households|tenants|"
    r"neighbourhoods|estates|wards|villages)\s+(?:living\s+|who\s+live\s+)?(?:in|across|from|of)\s+(?:the\s+)?$",
    re.I,
)
# the same, with list items before the name: "residents of Braunstone, Belgrave, [Highfields and St Matthews]"
_PEOPLE_IN_LIST = re.compile(_PEOPLE_IN_INTRO.pattern[:-1] + r"(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2},\s+){0,6}$", re.I)
_PLACE_NOUN_INTRO = re.compile(
    r"\b(?:venues|neighbourhoods|areas|wards|communities|estates|villages|towns|sites|locations|parishes|districts)\s+"
    r"(?:in|across|around|at|including)\s+(?:the\s+)?$",
    re.I,
)


# ", three neighbourhoods of Gateshead": the names listed before are parts of a place
_PLACE_POSSESSIVE = re.compile(r"\b[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?[’']s\s+$")
_AREA_NOUN_AFTER = re.compile(r"\s+(?:neighbourhoods?|wards?|estates?|districts?|suburbs?|areas?|villages?)\b")
_ONE_WARD_AFTER = re.compile(r"\s+(?:ward|parish|estate)\b(?!s)")
_NEIGHBOURHOODS_OF = re.compile(
    r"\s*(?:,\s*(?:the\s+)?)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)?\s*"
    # "A and B, two other Southside neighbourhoods,", "A, B and C, former mining villages of X"
    r"(?:(?:other|former|mining|coastal|rural|outlying|nearby|neighbouring|[A-Z][\w’'\-]*(?:’s|'s)?)\s+){0,2}"
    r"(?:neighbourhoods|wards|villages|estates|districts|suburbs|parishes|communities|areas)"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z]|\s*[,.;)])"
)


def places_in_lists(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> None:
    """"Sessions take place in Harehills, Chapeltown and Armley": names listed with
    a known place after "in"/"across" are places too (neighbourhoods). In place."""
    # "Chapeltown and Armley" came out as one candidate around a known place: split it
    places_at = {(f.start, f.end) for f in found if f.type == "Place"}
    place_starts = {a for a, _b in places_at}
    for f in [f for f in found if f.type is None and f.rule == "candidate" and " and " in f.name]:
        if _ONE_WARD_AFTER.match(text, f.end) and " and the " not in f.name:
            # "Thornaby's Mandale and Victoria ward": one ward whose name has "and" in it
            f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:named-ward"
            found[:] = [g for g in found if g is f or not (f.start <= g.start and g.end <= f.end)]
            continue
        inner = [p for p in places_at if f.start <= p[0] and p[1] <= f.end]
        placed = (after := _IN_NEAR_AFTER.match(text, f.end)) and after.end() in place_starts and _LIST_INTRO.search(text, max(0, f.start - 12), f.start)
        if not inner and not placed and not _NEIGHBOURHOODS_OF.match(text, f.end) and not _PEOPLE_IN_LIST.search(text, max(0, f.start - 120), f.start) and not (
            _AREA_NOUN_AFTER.match(text, f.end) and text.endswith(("’s ", "'s "), 0, f.start)
            and _PLACE_POSSESSIVE.search(text, max(0, f.start - 40), f.start)
        ):
            continue
        found.remove(f)
        pos = f.start
        for part in f.name.split(" and "):
            a = text.find(part, pos, f.end)
            if a >= 0 and (a, a + len(part)) not in places_at and part[:1].isupper():
                found.append(Found(part, a, a + len(part), None, None, "candidate", f.sentence))
            pos = a + len(part) if a >= 0 else pos
    # "Dundee's Hilltown": one unknown word after a known town's possessive is a part of it
    place_ends = {f.end for f in found if f.type == "Place" and f.subtype in ("Town", "LocalAuthorityArea")}
    for f in found:
        if (
            f.type is None and f.rule == "candidate" and " " not in f.name and not f.name.isupper()
            and f.start - 3 in place_ends and text[f.start - 3 : f.start] in ("’s ", "'s ")
        ):
            f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:town-s-part"
    by_sentence: dict[int, list[Found]] = {}
    typed_at = {(f.start, f.end) for f in found if f.type is not None}
    for f in found:
        if f.type is None and (f.start, f.end) in typed_at:
            continue  # a candidate the gazetteer also found ("Hadley"): one mention in the run
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
            if intro.endswith(("’s ", "'s ")) and _AREA_NOUN_AFTER.match(text, run[-1].end) and _PLACE_POSSESSIVE.search(intro[-60:]):
                # "Peterborough’s Millfield and Gladstone neighbourhoods"
                for f in run:
                    if f.type is None and f.rule == "candidate" and len(f.name.split()) <= 3:
                        f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:neighbourhoods-of"
                continue
            if len(run) >= 2 and _NEIGHBOURHOODS_OF.match(text, run[-1].end):
                # "Felling, Low Fell and Deckham, three neighbourhoods of Gateshead"
                for f in run:
                    if f.type is None and f.rule == "candidate" and len(f.name.split()) <= 3:
                        f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:neighbourhoods-of"
                continue
            if (
                (after := _IN_NEAR_AFTER.match(text, run[-1].end)) and after.end() in place_starts
                and (_LIST_INTRO.search(intro, max(0, len(intro) - 20)) or _AT_NEAR_INTRO.search(intro, max(0, len(intro) - 20)))
            ):
                # "in Goldthorpe, in Barnsley", "moved to Kelby, near Rotherham": names placed in a known place
                for f in run:
                    if f.type is None and f.rule == "candidate" and len(f.name.split()) <= 2 and not f.name.isupper() and not any(
                        w.lower() in ORG_HEADS or w.lower() in PROGRAMME_HEADS or w.lower() in SITE_HEADS for w in f.name.split()
                    ):  # (not "started at Work Club in Tredegar")
                        f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:in-a-place"
                continue
            if len(run) < 2 or not (
                (known and _LIST_INTRO.search(intro)) or (len(run) >= 3 and _PLACE_NOUN_INTRO.search(intro))
                # "for families in Butetown and Grangetown": where the people it serves live
                or _PEOPLE_IN_INTRO.search(intro)
            ):
                continue
            for f in run:
                words = f.name.split()
                if f.type is None and f.rule == "candidate" and (
                    len(words) == 1
                    or (len(words) == 2 and (words[1].lower() in _PLACE_SUFFIXES or words[0].lower() in _PLACE_PREFIXES))
                ):
                    f.type, f.subtype, f.rule = "Place", "Neighbourhood", "context:listed-with-places"


# (plain form "\b(?:are|include|includes|comprise|comprises|members\s+are)\s*:…": the class of the first
# letters first, as references._DEFINITE)
_MEMBER_LIST = re.compile(
    r"[aicm](?<!\w[aicm])(?:(?<=a)re|(?<=i)nclude|(?<=i)ncludes|(?<=c)omprise|(?<=c)omprises|(?<=m)embers\s+are)\s*:\s*(?P<items>[^:]+?;[^:]+?)\s*\.?\s*$"
)


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_MEMBER_SEP = re.compile(r";\s*|\s+and\s+(?=[^;]*$)")
_BRACKETED_ACRONYM_END = re.compile(r"\s*\([A-Z]{2,8}\)$")


def member_lists(
    text: str, sentences: list[tuple[int, int]], found: list[Found]
) -> tuple[list[Found], list[tuple[int, Found, list[Found], Found | None]]]:
    """"The partnerships established in the West Midlands are: A; B; C": the items
    of a semicolon list after a network are its members (partnerships), located in
    the place the sentence names before the colon."""
    specs: list[tuple[int, Found, list[Found], Found | None]] = []
    for si, (s0, s1) in enumerate(sentences):
        m = _MEMBER_LIST.search(text, s0, s1) if text.find(":", s0, s1) >= 0 else None
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
        for part in _MEMBER_SEP.split(text[a : m.end("items")]):
            st = text.find(part, a, m.end("items"))
            if st < 0 or not part.strip():
                continue
            en = st + len(part.rstrip())
            a = en
            name = text[st:en]
            name = _BRACKETED_ACRONYM_END.sub("", name)
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


def entity_keys(found: list[Found], where: dict[int, int], entities) -> Callable[[Found | None], str | None]:  # type: ignore[no-untyped-def]
    """A function from a mention to the key of the local entity it was grouped into
    (None for a mention that is not in any entity)."""
    index = {id(f): i for i, f in enumerate(found)}

    def key(f: Found | None) -> str | None:
        i = index.get(id(f)) if f is not None else None
        return None if i is None or i not in where else entities[where[i]].key

    return key


def member_relations(doc: Document, sentences, found, where, entities, specs) -> list[Relation]:  # type: ignore[no-untyped-def]
    key = entity_keys(found, where, entities)
    out: list[Relation] = []
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


@dataclass
class RowSpec:
    """What one data row of a header table says, cell by cell (see :func:`type_table_cells`)."""

    sentence: int
    by_role: dict[str, Found]
    amount: str | None = None
    role: tuple[int, int] | None = None
    """Span of a "Role" cell ("Lead provider", "Vice-chair; lead for Young Curators")."""
    participants: list[Found] = field(default_factory=list)
    partners: list[Found] = field(default_factory=list)  # "A with B" in the lead's cell: B, A's partner
    places: list[Found] = field(default_factory=list)
    """Every place a place cell lists ("Liverpool and Sefton")."""
    site_town: Found | None = None
    """The town after the site in a site cell ("Kirkby Works Hub, Kirkby")."""
    base_area: Found | None = None
    """The area after the town in a based-in cell ("Tarbert, Kintyre")."""
    cell_funder: Found | None = None
    """The body an amount cell names beside its sum ("Medr £740,000")."""
    purpose: tuple[Found | None, bool] | None = None
    """What a "For" cell names: the programme in it, and whether it says the author's own
    costs ("Our core costs"); None when the table has no such column."""
    member: bool = False
    """The organisation column is headed "Member(s)"."""


_BRACKETS = re.compile(r"\([^()]*\)")
_OWN_COSTS = re.compile(r"\b(?:our|core|running|general)\b", re.I)
_WANT = {"org": "Organisation", "funder": "Organisation", "programme": "Programme", "place": "Place",
         "base": "Place", "site": "Place"}


_TOTAL_CELL = re.compile(r"\s*\**(?:grand\s+)?(?:sub-?)?totals?(?:\s+\w+){0,2}\s*:?\**\s*", re.I)  # "Total", "**Grand total:**"
# "(HALP)" after a name, or a gloss of it: "Sain y Chwarel (Quarry Sound)" (no name has brackets in it)
_CELL_BRACKET = re.compile(r"\s*\((?-i:[A-Z][A-Za-z&]{1,9}|[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,5})\)\s*$")


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_CELL_PART = re.compile(r"[^;,]+")


def type_table_cells(text: str, found: list[Found], rows: list[TableRow]) -> tuple[list[Found], list[RowSpec]]:
    """Give each cell of a header table the type its column names; return the row specs."""
    specs: list[RowSpec] = []
    for row in rows:
        if any(_TOTAL_CELL.fullmatch(c.text(text)) for c in row.cells[:2] if c.end > c.start):
            # "| Total | | | £266,250 |": the sum of the rows above names nothing and gives nothing
            found = [f for f in found if not any(c.start <= f.start and f.end <= c.end for c in row.cells)]
            continue
        spec = RowSpec(row.sentence, {})
        for cell in row.cells:
            a, b = cell.start, cell.end
            if b <= a or cell.role is None or cell.role == "when":
                continue
            # a name run across two cells ("Sailing Club Tide School", one space apart) is no name
            found = [f for f in found if not (f.start < a < f.end or f.start < b < f.end)]
            value = cell.text(text)
            if cell.role == "amount":
                spec.amount = value
                sums = [m.group(0) for m in find_amounts(value)]
                if len(sums) == 1 and sums[0] != value.strip():
                    # "Medr £740,000", "£1.06 million, Department for Communities (DfC)": the sum,
                    # and the body it comes from
                    spec.amount = sums[0]
                    spec.cell_funder = _body_named(found, value.replace(sums[0], " "), ((a, b), *cell.more))
                continue
            if cell.role == "role":
                spec.role = (a, b)
                continue
            if cell.role == "for":
                # "Hidden Stages", "Our core costs": what the row's money pays for
                inner = [f for f in found if a <= f.start and f.end <= b and f.type in ("Programme", "Organisation", None)]
                for g in inner:
                    if g.type is None:
                        g.type, g.subtype, g.rule = "Programme", "Initiative", "table:for-column"
                spec.purpose = (inner[0] if inner else None, _OWN_COSTS.search(value) is not None)
                continue
            if cell.role == "person":
                # "Helen Brook (Chair)": a person, not an entity
                found = [f for f in found if not (a <= f.start and f.end <= b)]
                continue
            if cell.role == "participant" and cell.value is not None:
                # a wrapped cell ("BAE Systems; Walney" over "Precision Engineering" over "Ltd"): its
                # lines are not its names, so each name is the mention of that name elsewhere
                spans = ((a, b), *cell.more)
                found = [f for f in found if not any(p <= f.start and f.end <= q for p, q in spans)]
                for part in _CELL_PART.finditer(value):
                    if (f := _body_named(found, part.group(), spans)) is not None:
                        spec.participants.append(f)
                continue
            if cell.role == "participant":
                # "Brinkburn Primary; Cauldwell Academy": each name in the cell takes part
                for part in _CELL_PART.finditer(text[a:b]):
                    pa, pb = a + part.start() + len(part.group()) - len(part.group().lstrip()), a + part.end()
                    while pb > pa and text[pb - 1].isspace():
                        pb -= 1
                    if (ac := _CELL_BRACKET.search(text, pa, pb)) is not None and ac.end() == pb:
                        pb = ac.start()  # "Arts Council of Northern Ireland (ACNI)": the name, its acronym defined
                    if pb - pa < 3 or not text[pa].isupper():
                        continue
                    f = next((f for f in found if (f.start, f.end) == (pa, pb)), None)
                    if f is None or f.type not in ("Organisation", None):
                        found = [g for g in found if not (pa <= g.start and g.end <= pb)]
                        f = Found(text[pa:pb], pa, pb, None, None, "table:participant-column", row.sentence)
                        found.append(f)
                    if f.type is None:
                        f.type, f.subtype, f.rule = "Organisation", None, "table:participant-column"
                    spec.participants.append(f)
                continue
            if cell.role == "site" and cell.value is None:
                # "Kirkby Works Hub, Kirkby": the site, then the town it is in
                comma = value.rfind(",")
                if comma > 0:
                    town = [f for f in found if a + comma < f.start and f.end <= b and f.type == "Place"]
                    spec.site_town = town[0] if town else None
                    b = a + comma
                    value = text[a:b]
            if cell.role == "member":
                spec.member = True
            if cell.value is None and (ac := _CELL_BRACKET.search(value)) is not None:
                # "Halton Adult Learning Partnership (HALP)": the name, then its acronym defined
                b = a + ac.start()
                value = text[a:b]
            if cell.value is None and cell.role in ("org", "member"):
                # "Rhins Boatbuilding Trust with Loch Ryan Sea School": the lead, and a partner who takes part
                w = _CELL_WITH.search(value)
                if w is not None:
                    pa, pb = a + w.end(), b
                    f = next((f for f in found if (f.start, f.end) == (pa, pb) and f.type in ("Organisation", None)), None)
                    if f is None:
                        found = [g for g in found if not (pa <= g.start and g.end <= pb) and not (g.start < pa < g.end)]
                        f = Found(text[pa:pb], pa, pb, "Organisation", None, "table:org-column-with", row.sentence)
                        found.append(f)
                    f.type = "Organisation"
                    spec.participants.append(f)
                    spec.partners.append(f)
                    b = a + w.start()
                    value = text[a:b]
                    found = [g for g in found if not (g.start < b < g.end)]
            if cell.value is None and cell.role == "programme":
                # "Tideline: twenty young people build … in Stranraer": the name, then what and where
                c = _CELL_NAME_COLON.match(value)
                if c is not None:
                    spec.places.extend(f for f in found if a + c.end() <= f.start and f.end <= b and f.type == "Place")
                    b = a + c.end("name")
                    value = text[a:b]
                    found = [g for g in found if not (g.start < b < g.end)]
            role = {"member": "org", "ward": "place"}.get(cell.role, cell.role)
            whole = cell.role == "ward"  # one place, whatever is in it
            want = _WANT[role]
            exact = next((f for f in found if (f.start, f.end) == (a, b) and f.type == want), None)
            if role == "funder" and exact is None and any(
                    (f.start, f.end) == (a, b) and f.type == "Programme" for f in found):
                continue  # "UK Shared Prosperity Fund" in a column of funding sources: a fund, not a funder
            if cell.value is not None:
                # a cell wrapped over lines: its whole text names it; the span is its first line
                found = [f for f in found if not any(p <= f.start and f.end <= q for p, q in ((a, b), *cell.more))]
                if role == "programme" and (c := _WRAPPED_NAME_COLON.match(value)) is not None:
                    # "Sgiliau Ynni Môn (Anglesey Energy Skills): energy trades training": the name
                    value = c.group("name")
                    if text.startswith(value, a):
                        b = a + len(value)
                exact = Found(value, a, b, want, None, f"table:{role}-column", row.sentence)
                found.append(exact)
            elif exact is None:
                exact = next((f for f in found if (f.start, f.end) == (a, b)), None)
                if exact is not None and want != "Place":
                    exact.type, exact.subtype, exact.rule = want, exact.subtype if exact.type == want else None, f"table:{role}-column"
                elif exact is None or exact.type != want or role == "site":
                    inner = [f for f in found if a <= f.start and f.end <= b and f.type == want]
                    listed = not whole and inner and _places_listed(value, inner)
                    parts = _place_parts(text, a, b) if role == "place" and not whole and not listed else []
                    if role == "base" and len(two := _place_parts(text, a, b)) == 2 and text.find(",", *two[0][1:], two[1][0]) >= 0:
                        # "Tarbert, Kintyre": the town a body is based in, and the area the town is in
                        (ta, tb), (aa, ab) = two
                        found, base_town = _place_at(text, found, ta, tb, "table:base-column", row.sentence)
                        found, spec.base_area = _place_at(text, found, aa, ab, "table:base-column", row.sentence)
                        exact = base_town
                    elif want == "Place" and role != "site" and listed:
                        exact = inner[0]
                        if role == "place":
                            spec.places.extend(inner)
                    elif parts:
                        # "Pepys Estate, Deptford", "Bellingham and Downham": each part is a place
                        for pa, pb in parts:
                            found, part_place = _place_at(text, found, pa, pb, "table:place-column", row.sentence)
                            spec.places.append(part_place)
                        exact = spec.places[0]
                    else:
                        found = [f for f in found if not (a <= f.start and f.end <= b)]
                        exact = Found(value, a, b, want, "Site" if role == "site" else None,
                                      f"table:{role}-column", row.sentence)
                        found.append(exact)
            if role == "place" and not any(p is exact for p in spec.places):
                spec.places.append(exact)  # one place a cell, or a cell of each place a wrapped cell lists
            spec.by_role[role] = exact
        if spec.by_role:
            specs.append(spec)
    return found, specs


def _place_at(text: str, found: list[Found], a: int, b: int, rule: str, sentence: int) -> tuple[list[Found], Found]:
    """The place mention spanning text[a:b], made (and what it covers dropped) if there is none."""
    f = next((f for f in found if (f.start, f.end) == (a, b) and f.type == "Place"), None)
    if f is None:
        found = [g for g in found if not (a <= g.start and g.end <= b)]
        f = Found(text[a:b], a, b, "Place", None, rule, sentence)
        found.append(f)
    return found, f


def _body_named(found: list[Found], words: str, spans: tuple[tuple[int, int], ...]) -> Found | None:
    """The mention of the body a cell's words name, brackets and punctuation aside ("Medr",
    "Department for Communities (DfC)"), typed an organisation: one inside the cell first, else
    the first elsewhere. A wrapped cell's lines are not its names' spans, so the name is looked
    up whole."""
    name = " ".join(_BRACKETS.sub(" ", words).split()).strip(" ,;.-–")
    named = sorted((f for f in found if f.name == name and f.type in ("Organisation", None)),
                   key=lambda f: (not any(p <= f.start and f.end <= q for p, q in spans), f.start))
    if not named:
        return None
    named[0].type = "Organisation"
    return named[0]


# a wrapped programme cell's name before its gloss and colon
_WRAPPED_NAME_COLON = re.compile(r"(?P<name>[A-Z][^:()]{1,60}?)\s*(?:\([^()]{1,60}\))?\s*:(?:\s|$)")
_CELL_WITH = re.compile(r"(?<=[a-z\)])\s+(?:with|and\s+partner)\s+(?=(?:the\s+)?[A-Z])")
_CELL_NAME_COLON = re.compile(r"(?P<name>[A-Z][\w’'&\-]*(?:\s+(?:[A-Z][\w’'&\-]*|of|and|the|&|in|on|for)){0,5})\s*:\s+")
# ("Na h-Eileanan Siar": a Gaelic name has a lower-case prefix on a word)
_PLACE_PART = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|[a-z]{1,2}-[A-Z][\w'’-]*|upon|on|under|in|the|of)){0,4}")


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_PLACE_PIECE = re.compile(r"[^,;/&]+")
_AND_SEP = re.compile(r"\s+and\s+")


def _place_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the parts of a place cell that lists several ("Pepys Estate, Deptford",
    "Bellingham and Downham"), or [] when the cell is not such a list."""
    parts = []
    for m in _PLACE_PIECE.finditer(text[a:b]):
        for piece in _AND_SEP.split(m.group()):
            k = m.group().find(piece)
            pa = a + m.start() + k + len(piece) - len(piece.lstrip())
            pb = a + m.start() + k + len(piece.rstrip())
            if pb > pa:
                parts.append((pa, pb))
    if len(parts) < 2 or not all(_PLACE_PART.fullmatch(text[pa:pb]) for pa, pb in parts):
        return []
    return parts


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_PLACES_SEP = re.compile(r",|;|/|\band\b|&")


def _places_listed(cell: str, inner: list[Found]) -> bool:
    """Whether a place cell lists the places found in it ("Leeds and Bradford",
    "Leeds") rather than being one name that contains one ("Ossett South",
    "Horbury and South Ossett": ward names)."""
    parts = [p.strip() for p in _PLACES_SEP.split(cell) if p.strip()]
    names = {f.name for f in inner}
    return all(p in names for p in parts)


_RECEIVES_BEFORE = re.compile(
    # (the name may be a tail of the recipient's: "to Fleetwood's Wyre Trawlermen's [Memory Group]")
    r"\bto\s+(?:the\s+)?(?:[A-Z][\w\-’']*\s+){0,4}$"
)
_PAID_BY = re.compile(r"\b(?:funded|paid\s+for|supported|backed|financed|sponsored|match-funded)\s+by\b", re.I)


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_LEAD_ROLE = re.compile(r"\blead|\bdeliver|\bruns?\b|\bprovider\b", re.I)


def table_relations(doc: Document, sentences, found, where, entities, specs, subject: str | None = None, author: str | None = None) -> list[Relation]:  # type: ignore[no-untyped-def]
    """Relations stated by the rows of header tables (see graph.extract.tables).

    A row of a funders table (a "Funder" column) funds the row's project, or
    else ``subject``: what the page is about (its main programme or its author).
    The rows of a grants table are funded by the organisation the nearest
    sentence about awards or grants names; when that sentence names none ("The
    panel recommends the following awards:"), by the document's ``author``, and
    only when that is unknown by an organisation an earlier such sentence names."""
    key = entity_keys(found, where, entities)
    text = doc.text
    out: list[Relation] = []

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
    subject_types = {e.key: (e.type, e.subtype) for e in entities}
    for spec in specs:
        si, by_role, amount = spec.sentence, spec.by_role, spec.amount
        org, prog, site, base = (key(by_role.get(r)) for r in ("org", "programme", "site", "base"))
        for f in spec.participants:
            rel(key(f), "participatesIn", prog, si, "participatesIn:table-row")
        for f in spec.partners:
            rel(org, "partnerOf", key(f), si, "partnerOf:table-cell-with")
        if "funder" in by_role and spec.purpose is not None:
            # "Funder | Programme | For | 2025–26": the funder runs the programme its money comes
            # through, and funds what the "For" cell names (the author, for "Our core costs")
            named, own = spec.purpose
            rel(key(by_role["funder"]), "delivers", prog, si, "delivers:funder-fund-column")
            rel(key(by_role["funder"]), "funds", key(named) if named else (author or subject) if own else None,
                si, "funds:funder-column", amount)
            continue
        if "funder" in by_role:
            rel(key(by_role["funder"]), "funds", prog or org or subject, si, "funds:funder-column", amount)
            continue
        # "Organisation | Area | Amount | Programme" of a grant-maker: the row's body received a
        # grant from the named fund (it takes part in it) and works in the row's area
        # (a table that lists funds first, "Programme | Delivered by | Amount", names who runs each)
        grant_fund = (amount is not None and org is not None and prog is not None
                      and subject_types.get(prog, ("", ""))[1] == "FundingProgramme"
                      and by_role["org"].start < by_role["programme"].start)
        if grant_fund:
            rel(org, "participatesIn", prog, si, "participatesIn:grant-fund-column")
            for p in spec.places:
                rel(org, "operatesIn", key(p), si, "operatesIn:grant-row")
        else:
            rel(org, "delivers", prog, si, "delivers:table-row")
        rel(org, "locatedIn", base, si, "locatedIn:based-in-column")
        rel(base, "partOf", key(spec.base_area), si, "partOf:based-in-column")
        if spec.member and org is not None and prog is None and amount is None and spec.role is None:
            # "Member | Where | Council area": a member body, where it is, and the area that place is in
            rel(org, "partOf", author or subject, si, "partOf:member-table")
            if spec.places:
                rel(org, "locatedIn", key(spec.places[0]), si, "locatedIn:member-table")
            for pa, pb in zip(spec.places, spec.places[1:], strict=False):
                rel(key(pa), "partOf", key(pb), si, "partOf:member-table-places")
            continue
        if not grant_fund:
            for p in spec.places:
                rel(prog or org, "operatesIn", key(p), si, "operatesIn:table-row")
        rel(site, "locatedIn", key(spec.site_town or (spec.places[0] if spec.places else None)), si, "locatedIn:site-column")
        if (prog is None and site is not None and spec.role is None and amount is None and subject is not None
                and subject_types.get(subject, ("",))[0] == "Programme"):
            # "Area | Club and venue | Who runs it" on a programme's page: each row is where it runs, and who runs it there
            for p in spec.places:
                rel(subject, "operatesIn", key(p), si, "operatesIn:venue-table-row")
            rel(subject, "operatesIn", site, si, "operatesIn:venue-table-row")
            rel(org, "participatesIn", subject, si, "participatesIn:venue-table-row")
            for f in spec.participants:
                rel(key(f), "participatesIn", subject, si, "participatesIn:venue-table-row")
        if spec.role is not None and org is not None and prog is None:
            # a partners or members table: the row's body leads what its role names, or else
            # takes part in (or belongs to) what the page is about
            ra, rb = spec.role
            role_text = text[ra:rb]
            named = [key(f) for f in found if ra <= f.start and f.end <= rb and f.type == "Programme"]
            leads = _LEAD_ROLE.search(role_text) is not None
            for p in named:
                rel(org, "delivers" if leads else "participatesIn", p, si, "table:role-names-programme")
            if spec.member and author is not None:
                rel(org, "partOf", author, si, "partOf:member-table")  # "Member | Based in | Role"
            elif not named and subject is not None:
                subject_type = next((e.type for e in entities if e.key == subject), None)
                if subject_type == "Programme":
                    rel(org, "delivers" if leads else "participatesIn", subject, si, "table:role-in-subject")
                elif subject_type == "Organisation":
                    rel(org, "partOf", subject, si, "partOf:member-table")
        if amount is None:
            continue  # a table of partners or members, not of grants: nobody funds its rows
        if spec.cell_funder is not None:
            # the row names where its money comes from
            rel(key(spec.cell_funder), "funds", prog or org, si, "funds:amount-cell-funder", amount)
            if prog is not None:
                rel(key(spec.cell_funder), "funds", org, si, "funds:amount-cell-funder", amount)
            continue
        if si not in funder_cache:
            funder = None
            for n, fs in enumerate(funder_sentences(text, sentences, si)):
                s0, s1 = sentences[fs]
                cands = sorted(
                    (f for f in found if s0 <= f.start < s1 and f.type == "Organisation"
                     # ("Our fund, paid for by A and B, made nine grants": A pays the fund, the author awards)
                     and not _PAID_BY.search(text, s0, f.start)
                     # ("The largest award, £24,000, goes to Fleetwood's X": X receives, it does not give)
                     and not _RECEIVES_BEFORE.search(text, max(s0, f.start - 40), f.start)),
                    key=lambda f: f.start,
                )
                if cands:
                    funder = key(cands[0])
                    break
                if n == 0 and author is not None:
                    funder = author
                    break
            funder_cache[si] = funder
        # "X awarded £232,750 to six organisations": the money goes to the row's
        # organisation for its project; both are stated by the row
        rel(funder_cache[si], "funds", prog or org, si, "funds:table-row", amount)
        if prog is not None:
            rel(funder_cache[si], "funds", org, si, "funds:table-row", amount)
        if subject is not None and subject != prog and subject_types.get(subject) == ("Programme", "FundingProgramme"):
            # a grants table on the page of the fund it awards: each grantee takes part in the fund
            rel(org, "participatesIn", subject, si, "participatesIn:grants-table-row")
    return out


# the label cell of a key-facts row ("| Lead | X |", "| Funded by | Y |")
_FACT_CELL = re.compile(
    r"(?i:key\s+facts|project|programme|scheme|course|lead(?:\s+(?:partner|organisation|body|provider))?|providers?|employers?|"
    r"partners?|funders?|funded\s+by|funding|"
    r"where|location|areas?|dates?|duration|base|venue|site|delivery(?:\s+partners?)?|delivered\s+by|budget|cost|contact|years?)"
)


# a column's label in a table's first row
_HEADER_CELL = re.compile(
    r"\s*(?i:time|times|date|dates|day|session|sessions|venue|venues|speakers?|chair(?:\s+and\s+speakers?)?|"
    r"role|roles|area|areas|amount|town|location|when|where|what|event|events|name|organisation|partner|partners|"
    r"funder|funders|hub|project|programme|award|grant)\s*"
)


# a cell giving a day, a date or a time: "Sat 14 Feb", "11am-3pm", "10.00-12.00", "14:30", "3 March"
_WHEN_CELL = re.compile(
    r"\s*(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\b"
    r"|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b|\d{1,2}[.:]\d\d\b"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b)"
)


# the line above is a listing's entry: "• 18:00 – Opening night: Songs of the Coast"
_LISTING_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[•*\-–][ \t]+)?\d{1,2}[:.]\d\d\b[^\n]*\n$")


def table_cells(text: str, sentences: list[tuple[int, int]], found: list[Found], skip: set[int] = frozenset()) -> list[Found]:  # type: ignore[assignment]
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
        if (si + 1 < len(sentences) and is_separator(text[sentences[si + 1][0] : sentences[si + 1][1]])) or (
                not (si > 0 and is_row(text[sentences[si - 1][0] : sentences[si - 1][1]]))
                and any(_HEADER_CELL.fullmatch(text, a, b) for a, b in split_row(text, s0, s1))):
            continue  # "| Time | Session | Chair and speakers |": a header (over "|---|", or first with a column's label)
        cells = [(a, b) for a, b in split_row(text, s0, s1) if b > a]
        if not cells or any(not _CELL_NAME.match(text[a:b]) or text[a:b].isdigit() for a, b in cells):
            continue
        if any(_WHEN_CELL.match(text, a, b) for a, b in cells):
            continue  # "| Sat 14 Feb | 11am-3pm | …": a listing's row (its cells are times, places, activities)
        if len(cells) <= 2 and _FACT_CELL.fullmatch(text, *cells[0]):
            continue  # "| Project | Unit 7 |": a key-facts row, a label and its value
        rows[si] = cells
    if not rows:
        return found
    out = [f for f in found if not (f.sentence in rows and f.type is None)]
    typed_spans = {(f.start, f.end) for f in out if f.sentence in rows}
    in_row: dict[int, list[Found]] = {}
    for f in out:
        if f.sentence in rows:
            in_row.setdefault(f.sentence, []).append(f)
    dropped: set[int] = set()  # ids of mentions inside a cell that becomes one name
    added: list[Found] = []
    for si, cells in rows.items():
        row_found = in_row.get(si, [])
        for a, b in cells:
            if (a, b) in typed_spans:
                continue
            if any(f.type and f.type != "Place" and a <= f.start and f.end <= b for f in row_found):
                continue
            inside = {id(f) for f in row_found if a <= f.start and f.end <= b and (f.start, f.end) != (a, b)}
            dropped |= inside
            cell = Found(text[a:b], a, b, "Organisation", None, "context:name-table", si)
            row_found = [f for f in row_found if id(f) not in inside] + [cell]
            added.append(cell)
    return [f for f in out + added if id(f) not in dropped]


# ------------------------------------------------------------ list items

_ITEM_MARK = re.compile(r"[ \t]*(?:[•●▪◦‣∙·*\-–—]|\d{1,2}[.)])[ \t]+")
# "(lead provider)", "(delivery partner)", "(funder)", "(curriculum advice)"
_ROLE = re.compile(r"\s*\((?P<role>[^()]*[a-z][^()]*)\)\s*\.?\s*$")
_ROLE_DELIVERS = re.compile(r"\b(?:lead|deliver\w*|provider|commissioner|commissioning|organiser|producer|operator|coordinator|manager)\b", re.I)
_ROLE_FUNDS = re.compile(r"\b(?:fund\w*|sponsor\w*|grant\w*|investor|donor)\b", re.I)
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)")
_SEP_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")
# an address segment: "Old Mill Lane campus", "Wath-upon-Dearne", "Fife House"
_SEGMENT = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|upon|on|in|by|the|of|le|campus))*")
_STREET = STREET_WORDS
_SITE = SITE_HEADS
# a line of its own giving a date ("Thursday 11 June 2026, 09:15–16:00") just before
_DATE_LINE_BEFORE = re.compile(
    r"(?:^|\n)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d\d\b[^\n]{0,40}\n$"
)
# (a dotted leader to an amount: "Department for Communities ........ £211,000")
_DESCRIPTION = re.compile(r"\s+[-–—]\s+\S|\s*[:(,]|\s*$|\s*\.{3,}\s*£|\s{3,}£")


_TITLED_ITEM_REST = re.compile(r"(?:\s+[-–—]|:)\s+(?:a\s+|an\s+|our\s+|the\s+)?[a-z]")
# the first words of an item's description saying the name is a body's
_BODY_WORD = re.compile(
    r"\b(?:sponsors?|partners?|funders?|supporters?|providers?|hosts?|charity|company|firm|business|employers?|college|"
    r"school|trust|council|organisation|group|association|society|agency|consultancy|manufacturer|operator|cic|social\s+enterprise)\b"
)


def is_list_item(text: str, start: int) -> bool:
    """True when the sentence starting at ``start`` is a bulleted or numbered list item, or
    an indented "Name – what it is" line (a list without bullets, as PDF text has them)."""
    line = text.rfind("\n", 0, start) + 1
    if _ITEM_MARK.fullmatch(text, line, start) is not None:
        return True
    if start == line and _hanging_term(text, line):
        return True
    if start - line < 2 or text[line:start].strip():
        return False
    return DASH_ITEM.match(text, line) is not None or _under_lead_in(text, line)


# "Next Steps       Our employability programme for 16 to 19 year olds, run": a term, a wide gap,
# then what it is, wrapped under itself (a definition list as PDF text has it)
_TERM_GAP = re.compile(r"[A-Z][^\n]{0,45}?\S(?P<gap> {3,})\S")


def _hanging_term(text: str, line: int) -> bool:
    """Whether the line at ``line`` opens a hanging-indent entry: a term, three or more spaces,
    its description, and the next line indented to the description's column."""
    m = _TERM_GAP.match(text, line)
    if m is None:
        return False
    col = m.end("gap") - line
    nl = text.find("\n", line)
    if nl < 0:
        return False
    nxt = text[nl + 1 : nl + 1 + col + 1]
    return len(nxt) == col + 1 and nxt[:col] == " " * col and not nxt[col].isspace()


def _lead_in_line(line: str) -> bool:
    """A line that introduces a list: it ends with a colon, or it is a short heading that says
    what the items are ("Thank you to our funders", "Our partners")."""
    line = line.rstrip()
    return line.endswith(":") or (len(line.split()) <= 8 and not line.endswith(".") and _heading_kind(line.lower()) is not None)


_GAP_AMOUNT = re.compile(r"\s{3,}£\d[\d,.]*(?:k|m|bn)?$")


def _under_lead_in(text: str, line: int) -> bool:
    """ "Our steering group in 2024–25:" over indented lines of names (a list whose bullets
    the PDF lost): each short indented line of the run under a line that ends with a colon
    (not a table row: no wide gaps inside it)."""
    end = text.find("\n", line)
    body = text[line : end if end >= 0 else len(text)].strip()
    # (a right-aligned amount after a wide gap is the line's figure, as a dotted leader's is:
    # "BBC Children in Need                 £29,700")
    body = _GAP_AMOUNT.sub("", body)
    if not body or len(body.split()) > 12 or body.endswith(".") or "   " in body:
        return False
    while line > 0:
        prev = text.rfind("\n", 0, line - 1) + 1
        above = text[prev : line - 1]
        if not above.strip():
            # one blank line may part the lead-in from its list
            if prev == 0:
                return False
            prev2 = text.rfind("\n", 0, prev - 1) + 1
            return _lead_in_line(text[prev2 : prev - 1]) and not text[prev2 : prev2 + 1].isspace()
        if not above.startswith((" ", "\t")):
            return _lead_in_line(above)
        if "   " in _GAP_AMOUNT.sub("", above.strip()) or above.rstrip().endswith("."):
            return False
        line = prev
    return False


def _mid_item(text: str, start: int) -> bool:
    """ "• Next Rung – mentoring for 300 pupils. 71% progressed.": the second sentence of a
    list item starts inside the item's lines (after text on its line, or on an indented
    line that goes on from an item)."""
    line = text.rfind("\n", 0, start) + 1
    if not text[line:start].strip() and start > line and not _ITEM_MARK.match(text, line) and not DASH_ITEM.match(text, line):
        # a sentence that opens a wrapped line of an item ("  Midlothian) found most of …")
        return _item_above(text, line)
    if not text[line:start].strip() or _ITEM_MARK.fullmatch(text, line, start):
        return False  # the item's (or a numbered heading's) own first sentence
    if _ITEM_MARK.match(text, line) or DASH_ITEM.match(text, line) or _hanging_term(text, line):
        return True
    return text[line : line + 1] in (" ", "\t") and _item_above(text, line)


def _item_above(text: str, line: int) -> bool:
    """Whether the lines above ``line`` (an indented run) go back to a list item."""
    while line > 0:
        prev = text.rfind("\n", 0, line - 1) + 1
        body = text[prev : line - 1]
        if not body.strip():
            return False
        if _ITEM_MARK.match(body):
            return True
        if not body.startswith((" ", "\t")):
            return _hanging_term(text, prev)
        line = prev
    return False


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_NUMBER_MARK = re.compile(r"\s*\d{1,2}\.?\s*")


def _numbered_heading(text: str, s0: int, s1: int) -> bool:
    """ "2. Our programmes", "3. We worked with": a numbered heading, not a list item."""
    line_start = text.rfind("\n", 0, s0) + 1
    body = text[s0:s1].strip()
    return (
        _NUMBER_MARK.fullmatch(text[line_start:s0]) is not None
        and 0 < len(body.split()) <= 6
        and not body.endswith((".", ";", ",", ":"))
    )


def _lead_in(text: str, sentences: list[tuple[int, int]], si: int) -> int:
    """The index of the sentence a run of list items (with item ``si``) hangs from, or -1."""
    k = si - 1
    while k >= 0 and (
        (is_list_item(text, sentences[k][0]) and not _numbered_heading(text, *sentences[k]))
        or _mid_item(text, sentences[k][0])
        or _page_furniture(text, sentences, k)
    ):
        k -= 1
    return k


_RULE_LINE = re.compile(r"[ \t]*[-=_—–]{10,}[ \t]*")


def _page_furniture(text: str, sentences: list[tuple[int, int]], k: int) -> bool:
    """A PDF page break's furniture between a list's items: a rule line of dashes, or the
    running header between two of them ("Brigs Trust  -  Impact Report 2024-25     4")."""
    lines = [ln for ln in text[sentences[k][0] : sentences[k][1]].split("\n") if ln.strip()]
    rules = sum(1 for ln in lines if _RULE_LINE.fullmatch(ln))
    if rules and len(lines) - rules <= 1 and len(lines) <= 3 and all(len(ln.split()) <= 14 for ln in lines):
        return True  # a rule, or a rule and the running header under or over it
    return (0 < k < len(sentences) - 1 and _RULE_LINE.fullmatch(text, *sentences[k - 1]) is not None
            and _RULE_LINE.fullmatch(text, *sentences[k + 1]) is not None)


def _heading(text: str, sentences: list[tuple[int, int]], si: int) -> str:
    """The short line a run of list items hangs from ("Venues", "Partners", "Where you can train")."""
    k = _lead_in(text, sentences, si)
    if k < 0:
        return ""
    line = text[sentences[k][0] : sentences[k][1]]
    if line.rstrip().endswith(":") or (line.rstrip().endswith(".") and len(line.split()) <= 16):
        # (a short lead-in sentence too: "Our work is only possible because of the organisations below.")
        # "Delivery partners\n\nOur delivery partners run sessions every week:" – the lead-in and its heading
        before = text[sentences[k - 1][0] : sentences[k - 1][1]] if k > 0 else ""
        return (before + " " if len(before.split()) <= 8 and not before.rstrip().endswith(".") else "") + line
    return line if len(line.split()) <= 8 and not line.rstrip().endswith(".") else ""


# "The members are:", "Its founding members include:" (whose members the lead-in does not say)
_MEMBERS_ARE = re.compile(r"\b(?:(?:the|its|their)\s+)?(?:(?:founding|current|full|member)\s+)?members\s+(?:are|include|includes|were)\s*:\s*$")
_PRONOUN_START = re.compile(r"(?:It|Its|They|Their|This)\b")


def _made_of_owner(text: str, sentences: list[tuple[int, int]], found: list[Found], si: int) -> Found | None:
    """The organisation a list's lead-in says is made of its items ("The X Consortium brought
    together:", "The steering group is made up of:"), or None."""
    k = _lead_in(text, sentences, si)
    if k < 0:
        return None
    s0, s1 = sentences[k]
    lead = text[s0:s1].lower()
    cue = _MADE_OF.search(lead) or _MEMBERS_ARE.search(lead)
    if cue is None:
        return None
    orgs = [f for f in found if s0 <= f.start and f.end <= s0 + cue.start() and f.type == "Organisation"]
    if orgs or cue.re is _MADE_OF:
        return orgs[-1] if orgs else None
    # "X is a partnership of four colleges. It is led by A. The members are:": the body the
    # paragraph is about (its first sentence to open with one; "It …" sentences between)
    for j in range(k - 1, -1, -1):
        a, b = sentences[j]
        if "\n\n" in text[b : sentences[j + 1][0]]:
            break
        head = _THE_LEAD.match(text, a)
        start = head.end() if head else a
        first = next((f for f in found if f.start == start and f.type == "Organisation"), None)
        if first is not None:
            return first
        if not _PRONOUN_START.match(text, a):
            break
    return None


def item_heading_kind(text: str, sentences: list[tuple[int, int]], si: int) -> str | None:
    """What the heading over list item ``si`` says its items are (see :func:`_heading_kind`),
    or None when the sentence is not a list item or its heading says nothing."""
    if not is_list_item(text, sentences[si][0]):
        return None
    return _heading_kind(_heading(text, sentences, si).lower())


_NAMES_THEN_ROLE = re.compile(r"(?:\s*(?:,|\band\b|&)\s*[A-Z][\w’'\-]*(?:\s+[A-Z&][\w’'\-]*)*)*" + _ROLE.pattern)
_HEAD_WORDS = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|and|the|&))*")


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_THE_LEAD = re.compile(r"[Tt]he\s+")
_AFTER_ITEM_HEAD = re.compile(r"\s*(?:,|[-–—]\s|\(|$)")
_STREET_AFTER_COMMA = re.compile(r"\s*,\s*[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*\s+(\w+)")
_COMMA_LEAD = re.compile(r"\s*,")


def _item_head(text: str, fs: list[Found], si: int, span: tuple[int, int], heading: str) -> Found | None:
    """The organisation an item starts with: a typed organisation, an untyped
    name followed by a role or an address, or (under a "Venues" heading, or
    before a street) a capitalised name no rule found."""
    s0, s1 = span
    lead = _THE_LEAD.match(text[s0:s1])
    at = s0 + (lead.end() if lead else 0)  # "• The Ark Studios, Peterborough"
    first = fs[0] if fs and fs[0].start in (s0, at) else None
    if first is not None and first.type == "Organisation":
        return first
    if first is not None and first.type is not None:
        return None
    m = _HEAD_WORDS.match(text, s0, s1)
    if m is None or (first is not None and first.end != m.end()):
        return None
    rest = text[m.end() : s1]
    if first is not None and first.rule != "person" and len(first.name.split()) >= 2 and _NAMES_THEN_ROLE.fullmatch(rest):
        return first  # "Wessex Heat Pumps, Tidewater Homes (employer partners)"
    if first is not None and _heading_kind(heading) and _AFTER_ITEM_HEAD.match(rest):
        return first  # "• Lynn Youth Arts, King's Lynn – songwriting groups" under "Delivery partners"
    street = _STREET_AFTER_COMMA.match(rest)
    if _COMMA_LEAD.match(rest) and ("venue" in heading or (street and street.group(1).lower() in _STREET)):
        return first or Found(m.group(0), m.start(), m.end(), None, None, "layout:item-head", si)
    return None


def list_items(
    text: str, sentences: list[tuple[int, int]], found: list[Found]
) -> tuple[list[Found], list[tuple[int, str, list[Found], list[Found]]]]:
    """Read list items that state relations by layout alone.

    * "Barnsley College (lead provider)", "A, B and C (employer partners)": a
      role in brackets after one or more organisations;
    * "Steelway Training Ltd, Attercliffe, Sheffield", "Watershed, Canon's
      Road - our festival hub": an organisation and its address; address parts
      that are not known places become places (sites or neighbourhoods), street
      names are left out.

    Returns the mentions (with the new places) and one spec per item:
    (sentence, kind, organisations, places) where kind is ``role:<predicate>``
    or ``address`` / ``heading:<predicate>`` (an item under a heading that says
    what its items are: "Venues", "Delivery partners", "Funders").
    """
    specs: list[tuple[int, str, list[Found], list[Found]]] = []
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for si, (s0, s1) in enumerate(sentences):
        if not is_list_item(text, s0):
            continue
        fs = sorted(by_sentence.get(si, []), key=lambda f: f.start)
        heading = _heading(text, sentences, si).lower()
        if fs and fs[0].type in ("Programme", None) and fs[0].start <= s0 + 2 and _heading_kind(heading) == "heading:delivers:our":
            if fs[0].type is None:  # "What we ran" / "• Open Foot – paid work tasters": a programme of ours
                fs[0].type, fs[0].subtype, fs[0].rule = "Programme", "Initiative", "layout:our-programmes-item"
            specs.append((si, "heading:delivers:our", [fs[0]], []))  # "Our programmes" / "• Make Your Mark – …"
            continue
        if (
            fs and fs[0].type is None and fs[0].rule == "candidate" and fs[0].start <= s0 + 2
            and len(fs[0].name.split()) >= 2 and (rest := _TITLED_ITEM_REST.match(text, fs[0].end, s1))
            # "• Fenfield Foods – headline sponsor of the show", "• Tarn Arts: a charity that …": a body
            and not _BODY_WORD.search(text, rest.end() - 1, min(s1, rest.end() + 40))
            and _heading_kind(heading) is None  # (under "Partners", "Venues", "Funders" an item names a body)
        ):
            # "• Little Makers - clay and stories for under-fives", "• Open Studio: a weekly drop-in":
            # a name in title case heading an item that goes on to say what it is, lower case, is
            # the name of an activity (a strand, an event, a scheme), not a body's
            fs[0].type, fs[0].subtype, fs[0].rule = "Programme", "Initiative", "layout:titled-item"
            continue
        label = _LABELLED_ITEM.match(text, s0, s1)
        kind = _heading_kind(heading) if label else None
        if label and kind is not None and kind.startswith("heading:participatesIn"):
            # "• four founding employers: A, B and C" under the members' lead-in: each is one
            named = [f for f in fs if f.start >= label.end() and f.type in ("Organisation", None) and text[f.start].isupper()]
            if len(named) >= 2 and all(_SEP_LIST.fullmatch(text[x.end : y.start]) for x, y in zip(named, named[1:], strict=False)):
                for f in named:
                    if f.type is None:
                        f.type, f.subtype, f.rule = "Organisation", None, "layout:labelled-item"
                specs.append((si, kind + ":all", named, []))
            continue
        head = _item_head(text, fs, si, (s0, s1), heading)
        if head is None:
            continue
        if head not in found:
            found = [f for f in found if not (head.start <= f.start and f.end <= head.end)] + [head]
            fs = [f for f in fs if not (head.start <= f.start and f.end <= head.end)] + [head]
            fs.sort(key=lambda f: f.start)
        # the organisations at the head of the item: "A, B and C (employer partners)"
        orgs = [head]
        pos = head.end
        for f in fs[fs.index(head) + 1 :]:
            if f.type in ("Organisation", None) and _SEP_LIST.fullmatch(text[pos : f.start]):
                orgs.append(f)
                pos = f.end
            else:
                break
        acr = _ACRONYM_AFTER.match(text, pos, s1)
        role = _ROLE.fullmatch(text, acr.end() if acr else pos, s1)
        if role:
            r = role.group("role")
            pred = "delivers" if _ROLE_DELIVERS.search(r) else "funds" if _ROLE_FUNDS.search(r) else "participatesIn"
            for f in orgs:
                if f.type is None:
                    f.type, f.subtype, f.rule = "Organisation", None, "layout:role-item"
            # under "Our funders and supporters" the item's role is towards the author
            our = ":our" if (_heading_kind(heading) or "").endswith(":our") else ""
            specs.append((si, f"role:{pred}{our}", orgs, []))
            continue
        acr = _ACRONYM_AFTER.match(text, head.end, s1)
        pos = acr.end() if acr else head.end
        places, new, pos = _address_parts(text, fs, si, pos, s1)
        by_heading = _heading_kind(heading)
        if not (places or by_heading) or not _DESCRIPTION.match(text, pos, s1):
            if head.rule == "layout:item-head":
                found.remove(head)
            continue
        if head.type is None:
            head.type, head.subtype, head.rule = "Organisation", None, "layout:item-head"
        if new:
            spans = [(p.start, p.end) for p in new]
            found = [f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)] + new
        specs.append((si, by_heading or "address", [head], places))
    return found, specs


_COMMA = re.compile(r"\s*,\s*")
# "• four founding employers: A, B and C": a lower-case label, then the names
_LABELLED_ITEM = re.compile(r"\s*(?:[-•*–·]\s+)?(?:[a-z0-9][\w\-]*\s+){0,4}[a-z][\w\-]*\s*:\s+")
_POSTCODE = re.compile(r"\s\s*[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")  # (\s+ opening with a class: the engine skips to a space)
_HOUSE_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?(?:\s*[-–]\s*\d{1,4}[A-Za-z]?)?\s+(?=[A-Z])")


def _address_parts(text: str, fs: list[Found], si: int, pos: int, s1: int) -> tuple[list[Found], list[Found], int]:
    """The places of an address after ``pos`` (", Old Mill Lane campus, Barnsley"):
    known places, new places for unknown parts (sites by their head word, else
    neighbourhoods), streets skipped; returns (places, new places, end)."""
    places: list[Found] = []
    new: list[Found] = []
    pc = _POSTCODE.search(text, pos, s1)
    end = pc.start() if pc else s1  # "…, Rotherham S60 1AE": the postcode ends the address
    while True:
        comma = _COMMA.match(text, pos, end)
        if not comma:
            break
        num = _HOUSE_NUMBER.match(text, comma.end(), end)
        seg = _SEGMENT.match(text, num.end() if num else comma.end(), end)
        if not seg or not _DESCRIPTION.match(text, seg.end(), end):
            break
        a, b = seg.start(), seg.end()
        words = text[a:b].split()
        known = next((f for f in fs if f.start == a and f.end == b and f.type == "Place"), None)
        if num and words[-1].lower() not in _STREET:
            break  # "12 Harbour Road" is a street; a number before anything else is no address part
        if known is not None:
            places.append(known)
        elif words[-1].lower() in _STREET:
            pass  # a street is an address line, not a place the graph keeps
        elif words[-1].lower() in TITLE_WORDS:
            break  # "Jo Smith, Director, …" is a person and a job, not an address
        elif len(words) <= 5 and not any(
            f.start < b and a < f.end and f.type in ("Organisation", "Programme") and not f.rule.startswith("context:")
            for f in fs
        ):
            sub = "Site" if words[-1].lower() in _SITE else "Neighbourhood"
            place = Found(text[a:b], a, b, "Place", sub, "layout:address", si)
            new.append(place)
            places.append(place)
        else:
            break
        pos = b
    if pc and pos == pc.start():
        pos = pc.end()
    return places, new, pos


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_OPTIONAL_THE = re.compile(r"(?:[Tt]he\s+)?")
_COLUMN_GAP = re.compile(r"\s{3}|\t")


_INDENT_BEFORE = re.compile(r"(?:^|\n)[ \t]{1,6}$")  # an indented line ("  Llandudno Library, Mostyn Street, Llandudno")


def address_lines(
    text: str, sentences: list[tuple[int, int]], found: list[Found]
) -> tuple[list[Found], list[tuple[int, str, list[Found], list[Found]]]]:
    """Stand-alone address lines of contact blocks and venue notes, not bulleted:
    "The Corn Exchange, High Street, Rochester", "Riverside House, Main Street,
    Rotherham S60 1AE". The first part (a site, or an organisation) is in the
    place the line ends with, which must be a known place. Same specs as
    :func:`list_items` (kind ``address``)."""
    specs: list[tuple[int, str, list[Found], list[Found]]] = []
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for si, (s0, s1) in enumerate(sentences):
        if "," not in text[s0:s1] or is_list_item(text, s0) or text[s1 - 1] in ".:;!?":
            continue
        if not ((s0 == 0 or text[s0 - 1] == "\n" or text.endswith("· ", 0, s0) or _INDENT_BEFORE.search(text, max(0, s0 - 8), s0))
                and (s1 == len(text) or text[s1] == "\n" or text.startswith(" ·", s1))):
            continue  # the whole line (or a field of a "·" line), not a sentence inside a paragraph
        fs = sorted(by_sentence.get(si, []), key=lambda f: f.start)
        lead = _OPTIONAL_THE.match(text[s0:s1])
        head_m = _HEAD_WORDS.match(text, s0 + lead.end(), s1) if lead else None
        if head_m is None or len(head_m.group(0).split()) > 5 or _COLUMN_GAP.search(head_m.group(0)):
            continue  # (not "Location       Old Chester Road": a label and its value)
        a, b = head_m.span()
        head = next((f for f in fs if (f.start, f.end) == (a, b) and f.type in ("Organisation", "Place")), None)
        places, new, pos = _address_parts(text, fs, si, b, s1)
        if not places or places[-1].rule == "layout:address" or text[pos:s1].strip():
            continue  # it must end at a known place (and nothing after it)
        if head is None:
            if any(f.start < b and a < f.end and f.type for f in fs):
                continue
            # "The Word, Market Place, South Shields": a venue line names a site,
            # unless the document names an organisation so elsewhere
            name = head_m.group(0)
            is_org = any(f.type == "Organisation" and norm_key(f.name) == norm_key(name) for f in found)
            typ, sub = ("Organisation", None) if is_org else ("Place", "Site")
            head = Found(name, a, b, typ, sub, "layout:address-line", si)
            new.append(head)
        if (head.type == "Organisation" and head.rule.startswith("head:") and s0 < 300
                and (text.startswith(" ·", s1) or _DATE_LINE_BEFORE.search(text, max(0, s0 - 80), s0))
                and head.name.split()[-1].lower() in _SITE):
            # "12 June 2025 · Boyd Mill Centre, Kilmarnock · …" under a page's title, or the line
            # under a date line ("Thursday 11 June 2026, 09:15–16:00"): the venue
            head.type, head.subtype, head.rule = "Place", "Site", "layout:venue-line"
        spans = [(p.start, p.end) for p in new]
        found = [f for f in found if not any(x <= f.start and f.end <= y for x, y in spans)] + new
        if head.type == "Place":
            specs.append((si, "address", [], [head, *places]))
        else:
            specs.append((si, "address", [head], places))
    return found, specs


# "• Cromer: The Tide Room, 14 Garden Street, Cromer NR27 9HN": a town label, then a venue's address
_VENUE_ITEM = re.compile(r"(?P<label>[A-Z][\w’'\-]*(?:[ \-][A-Z][\w’'\-]*){0,3})\s*\**:\**\s+(?:[Tt]he\s+)?")
_VENUE_NAME = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|and|the|&)){0,5}")


def venue_items(
    text: str, sentences: list[tuple[int, int]], found: list[Found]
) -> tuple[list[Found], list[tuple[int, str, list[Found], list[Found]]]]:
    """Venue lists by town: "Cromer: The Tide Room, 14 Garden Street, Cromer NR27 9HN".
    The label is a known place; the first name after it is a venue (a site) in that place,
    where the page's programme runs (kind ``venue``; places: the venue, then the town)."""
    specs: list[tuple[int, str, list[Found], list[Found]]] = []
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for si, (s0, s1) in enumerate(sentences):
        pc = _POSTCODE.search(text, s0, s1) if ":" in text[s0:s1] else None
        if pc is None:
            continue
        line = text.rfind("\n", 0, s0) + 1
        if text[line:s0].strip(" \t•*-–·") or text[pc.end() : s1].strip(" .;,") and not text[pc.end() : s1].lstrip().startswith("("):
            continue  # a line of its own (bulleted or not) that the address ends (opening hours may follow)
        m = _VENUE_ITEM.match(text, s0, s1)
        fs = sorted(by_sentence.get(si, []), key=lambda f: f.start)
        town = next((f for f in fs if m and (f.start, f.end) == (m.start("label"), m.end("label")) and f.type == "Place"), None)
        if m is None or town is None:
            continue
        v = _VENUE_NAME.match(text, m.end(), s1)
        if v is None or not _COMMA.match(text, v.end(), s1):
            continue
        a, b = v.span()
        if any(f.start < b and a < f.end and f.type in ("Organisation", "Programme") and not f.rule.startswith("context:")
               and text[a:b].split()[-1].lower() not in _SITE for f in fs):
            continue  # a body's own address, not a venue ("Wharfside Enterprise Centre" is one)
        venue = Found(text[a:b], a, b, "Place", "Site", "layout:venue", si)
        found = [f for f in found if not (a <= f.start and f.end <= b)] + [venue]
        specs.append((si, "venue", [], [venue, town]))
    return found, specs


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_OUR = re.compile(r"\b(?:our|we|us)\b")
_FUNDERS_HEADING = re.compile(r"\b(?:funders?|sponsors?|supporters|funded\s+by|supported\s+by|funding|who\s+paid|paid\s+for\s+by|grateful\s+to)\b")
_MADE_OF = re.compile(r"\b(?:made\s+up\s+of|consists\s+of|consisted\s+of|comprises|comprised|is\s+formed\s+of|"
                      r"brings\s+together|brought\s+together)\s*:?\s*$")
_MEMBERS_HEADING = re.compile(r"\b(?:venues?|partners?|members?|membership|steering\s+(?:group|committee)|employers|participating|schools|worked\s+with|work\s+with)\b")
_MEMBERSHIP = re.compile(r"\b(?:members?|membership|steering)\b")
_PARTNERS_WORD = re.compile(r"\bpartners?\b")
_OUR_WORK = re.compile(r"\b(?:programmes?|projects?|work|activities|services|what\s+we\s+(?:do|did|ran|run|offer|offered|deliver|delivered))\b")


def _heading_kind(heading: str) -> str | None:
    """What a list's heading says its items are to the document's subject:
    "Venues", "Delivery partners" (they take part), "Funders", "Sponsors" (they fund),
    "Our programmes", "What we do" (the author runs them). A heading that speaks as
    the author ("Thank you to our funders", "We worked with") ends in ":our": its
    subject is the author, not the page's programme."""
    our = ":our" if _OUR.search(heading) else ""
    if _FUNDERS_HEADING.search(heading):
        return "heading:funds" + our
    made_of = _MADE_OF.search(heading)
    if made_of or _MEMBERS_HEADING.search(heading):
        # "Our members", "Our steering group", "The partnership is made up of:": of an organisation
        # (a partnership, a network) they are part
        members = ":members" if made_of or (_MEMBERSHIP.search(heading) and not _PARTNERS_WORD.search(heading)) else ""
        return "heading:participatesIn" + members + our
    if our and _OUR_WORK.search(heading):
        return "heading:delivers:our"
    return None


# "Partners: Gateshead Council; Northumberland County Council; …": a labelled list in one line
_LABEL = re.compile(
    r"\s*(?P<label>(?:delivery\s+|key\s+|project\s+|strategic\s+|host\s+|festival\s+|event\s+|programme\s+|our\s+|other\s+"
    # "Headline sponsor: X", "Media partner: Y"
    r"|headline\s+|lead\s+|main\s+|principal\s+|title\s+|media\s+|official\s+|major\s+|core\s+|venue\s+)?"
    r"(?:partners?|funders?|sponsors?|supporters?|members|schools|colleges|universities|venues|employers)"
    r"(?:\s+(?:and|&)\s+(?:colleges|schools|universities|academies|employers|partners))?)\s*:\s+",
    re.I,
)


# "Schools: six secondary schools in A, B and C": a label's list of places, not of its kind
_LOCATIVE = re.compile(r"\b(?:in|across|around|throughout)\s")


def label_lists(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> list[tuple[int, str, list[Found], list[Found]]]:
    """Specs (like :func:`list_items`') for one-line labelled lists: "Partners: A; B; C."
    under a heading ("We worked with"): each name is an organisation of the label's kind."""
    specs: list[tuple[int, str, list[Found], list[Found]]] = []
    for si, (s0, s1) in enumerate(sentences):
        m = _LABEL.match(text, s0, s1) if ":" in text[s0:s1] else None  # (a label ends with a colon)
        if m is None:
            continue
        k = si - 1
        while k >= 0 and _LABEL.match(text, *sentences[k]):
            k -= 1  # "Schools: …" then "Partners: …" under one heading
        above = text[sentences[k][0] : sentences[k][1]] if k >= 0 else ""
        heading = (above if len(above.split()) <= 8 and not above.rstrip().endswith(".") else _heading(text, sentences, si)).lower()
        kind = _heading_kind(m.group("label").lower() + " " + heading)
        own = _heading_kind(m.group("label").lower())
        if own is not None and kind is not None and own.split(":")[1] != kind.split(":")[1]:
            # the label says what its items are ("Festival partners:" under "Funded by …" lists
            # partners); the heading may still say whose they are ("our")
            kind = own + (":our" if kind.endswith(":our") and not own.endswith(":our") else "")
        if kind is None:
            continue
        orgs = [f for f in found if s0 <= f.start < s1 and f.start >= m.end() and f.type in ("Organisation", None)
                and text[f.start : f.start + 1].isupper()
                and text.count("(", m.end(), f.start) <= text.count(")", m.end(), f.start)]  # not "(who referred … to X)"
        for f in orgs:
            if f.type is None and not _LOCATIVE.search(text, m.end(), f.start):  # not "Schools: six schools in A, B and C"
                f.type, f.subtype, f.rule = "Organisation", None, "layout:label-list"
        if orgs:
            specs.append((si, kind + ":all", orgs, []))
    return specs


def item_relations(doc: Document, sentences, found, where, entities, specs, main: str | None, main_is_programme: bool = True, author: str | None = None) -> list[Relation]:  # type: ignore[no-untyped-def]
    """Relations stated by the list items :func:`list_items` read.

    A role item relates its organisations to the document's main programme
    (``main``: the entity key, or None when the document has none; when it is
    an organisation, the page's author, partners are its partners); an address
    item locates the organisation in its first place (in the next one when the
    first is the organisation's own campus) and each place in the next; an
    item under a "Venues"/"Partners" heading takes part in the main programme,
    one under "Funders"/"Sponsors" funds it.
    """
    key = entity_keys(found, where, entities)
    programmes = ({norm_key(n): e.key for e in entities if e.type == "Programme" for n in (e.name, *e.aliases)}
                  if any(kind.startswith(("heading:funds", "role:funds")) for _si, kind, _o, _p in specs) else {})
    out: list[Relation] = []
    for si, kind, orgs, places in specs:
        s0, s1 = sentences[si]
        ev = Evidence(doc.doc_id, s0, s1, doc.text[s0:s1])

        def rel(s: str | None, p: str, o: str | None, rule: str, ev: Evidence = ev) -> None:
            if s is not None and o is not None and s != o:
                out.append(Relation(s, p, o, ev, f"{EXTRACTOR_VERSION}:{rule}"))

        if kind.startswith("role:"):
            pred, *flags = kind[5:].split(":")
            subject, subject_is_programme = (author, False) if "our" in flags and author is not None else (main, main_is_programme)
            if pred == "funds" and len(orgs) == 1 and subject is not None:
                # "Irish Sea Wind Ltd (sponsor of Ropewalk Lates)": the author, and the programme named
                out.extend(_funder_item(doc, ev, orgs[0], found, key, s1, subject, programmes))
                continue
            for org in orgs:
                p = "partnerOf" if pred in ("participatesIn", "delivers") and not subject_is_programme else pred
                rel(key(org), p, subject, f"{p}:list-item-role")
            continue
        if kind == "venue":
            venue, town = places
            rel(key(venue), "locatedIn", key(town), "locatedIn:venue-item")
            if main is not None and main_is_programme:
                rel(main, "operatesIn", key(venue), "operatesIn:venue-item")
                rel(main, "operatesIn", key(town), "operatesIn:venue-item")
            continue
        org = key(orgs[0]) if orgs else None
        if places and org is not None:
            # "Barnsley College, Old Mill Lane campus, Barnsley": the college's own
            # campus is part of it; the college is in the town
            own_campus = "campus" in places[0].name.lower() and len(places) > 1
            rel(org, "locatedIn", key(places[1 if own_campus else 0]), "locatedIn:address-item")
        if kind == "address" and not orgs and places and main is not None and main_is_programme and (
                s0 < 300 or _LISTING_LINE_BEFORE.search(doc.text, max(0, s0 - 160), s0)):
            # a venue's address under the title of an event's (a programme's) page, or under a
            # listing's time line ("• 18:00 – Opening night"): it is held there
            rel(main, "operatesIn", key(places[0]), "operatesIn:page-venue")
        for pa, pb in zip(places, places[1:], strict=False):
            # a district ("Attercliffe, Sheffield") is part of the town; a named
            # building, quarter or campus is located in it
            area = pa.rule == "gazetteer" or (pa.rule == "layout:address" and pa.subtype == "Neighbourhood")
            pred = "partOf" if area else "locatedIn"
            rel(key(pa), pred, key(pb), f"{pred}:address-item")
        if kind.startswith("heading:"):
            pred, *flags = kind[8:].split(":")
            subject, subject_is_programme = (author, False) if "our" in flags and author is not None else (main, main_is_programme)
            if "members" in flags and (owner := _made_of_owner(doc.text, sentences, found, si)) is not None:
                # "The Hillfoots Consortium brought together:" over its members: they are part of it
                subject, subject_is_programme = key(owner), False
            if subject is None:
                continue
            if pred == "delivers":
                # "Our programmes" / "• Make Your Mark – free weekly art clubs": the author runs each
                # (a programme runs no programme: with no author known, nobody is named)
                for f in orgs if not subject_is_programme else ():
                    if f.type == "Programme":
                        rel(subject, "delivers", key(f), "delivers:our-programmes-item")
                continue
            if pred == "participatesIn" and not subject_is_programme:
                # a partner of an organisation (the page's author) is its partner; a member, part of it
                pred = "partOf" if "members" in flags else "partnerOf"
            firsts = orgs if "all" in flags else orgs[:1]
            if pred == "funds" and len(firsts) == 1 and firsts[0].type == "Organisation":
                out.extend(_funder_item(doc, ev, firsts[0], found, key, s1, subject, programmes))
                continue
            for f in firsts:
                if f.type == "Organisation":
                    rel(key(f), pred, subject, f"{pred}:list-heading")
    return out


# "• Northfield Trust – £40,000 for Open Lines", "• Saltmarsh Ltd – sponsor of Open Lines"
_FOR_PROGRAMME = re.compile(r"(?:\bfor|\btowards|\bsponsors?\s+of|\bsponsorship\s+of|\bsponsoring|\bin\s+support\s+of|\bsupporting)\s+(?:the\s+|our\s+)?(?:(?:running\s+|core\s+)?costs?\s+of\s+(?:the\s+|our\s+)?)?$", re.I)


def _funder_item(doc: Document, ev: Evidence, funder: Found, found: list[Found], key, s1: int, subject: str, programmes: dict[str, str]) -> list[Relation]:  # type: ignore[no-untyped-def]
    """The amount a funders-list item gives its page's subject, and the programme
    it names as what the money is for: the funder funds both."""
    text = doc.text
    prog = next((f for f in sorted(found, key=lambda f: f.start)
                 if funder.end <= f.start < s1 and f.type in ("Programme", None) and norm_key(f.name) in programmes
                 and _FOR_PROGRAMME.search(text, max(funder.end, f.start - 48), f.start)), None)
    stop = prog.start if prog is not None else s1
    am = next(find_amounts(text[funder.end : stop]), None)
    parsed = parse_amount(am.group(0)) if am else None
    amount = (parsed[0], parsed[1], am.group(0)) if am and parsed else (None, None, None)
    f_key = key(funder)
    out = []
    if f_key is not None and f_key != subject:
        out.append(Relation(f_key, "funds", subject, ev, f"{EXTRACTOR_VERSION}:funds:list-heading", *amount))
    p_key = programmes[norm_key(prog.name)] if prog is not None else None
    if f_key is not None and p_key not in (None, f_key, subject):
        out.append(Relation(f_key, "funds", p_key, ev, f"{EXTRACTOR_VERSION}:funds:funders-list-item", *amount))
    return out
