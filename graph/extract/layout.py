"""Document layout the rules read: lists of names (places listed with a known
place, members listed after "are:"), tables of names and header tables
(funding announcements): what each row or item is, and the relations it states."""

from __future__ import annotations

import re

from graph import EXTRACTOR_VERSION
from graph.extract.amounts import parse_amount
from graph.extract.entities import (
    Found,
)
from graph.extract.tables import (
    TableRow,
    funder_sentences,
    is_row,
    is_separator,
    split_row,
)
from graph.records import Document, Evidence, Relation

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


def places_in_lists(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> None:
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


def member_lists(
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


def member_relations(doc: Document, sentences, found, where, entities, specs) -> list[Relation]:  # type: ignore[no-untyped-def]
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


def type_table_cells(
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


def table_relations(doc: Document, sentences, found, where, entities, specs) -> list[Relation]:  # type: ignore[no-untyped-def]
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
        # "X awarded £232,750 to six organisations": the money goes to the row's
        # organisation for its project; both are stated by the row
        rel(funder_cache[si], "funds", prog or org, si, "funds:table-row", amount)
        if prog is not None:
            rel(funder_cache[si], "funds", org, si, "funds:table-row", amount)
    return out


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
