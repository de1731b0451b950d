"""References the rules resolve: definite descriptions ("the council",
"the combined authority", "the programme") and "we"/"our" (the document's
author)."""

from __future__ import annotations

import re
from bisect import bisect_left

from graph.extract.entities import (
    Found,
)
from graph.records import Document

# "\b(?:[Tt]he|[Tt]his|[Tt]hese)", written "[Tt](?<!\w[Tt])h(?:e|is|ese)": the look-behind after
# the first letter is the \b before it, and a pattern that opens with a character class lets
# the regex engine skip from one "t" to the next (one that opens with \b is tried at every
# character); tests/test_regex_fast_paths.py checks the two forms find the same
_DEFINITE = re.compile(
    r"[Tt](?<!\w[Tt])h(?:e|is|ese)\s+(?P<noun>programmes|projects|schemes|initiatives|"
    # a council report's "the Council", "the Combined Authority", "the County Council": capitals too
    r"(?i:combined\s+(?:county\s+)?authority|(?:county|city|borough|district|metropolitan\s+borough)\s+council|council|local\s+authority|authority)|"
    r"trust|college|university|"
    r"charity|museum|theatre|commission|department|programme|project|scheme|initiative|pilot|fund|"
    r"partnership|network|festival|strategy|bootcamp|course|hub|campaign|challenge|trail|fellowship|residency|accelerator|lab)\b(?:(?P<poss>’s|'s)|(?!\s+[A-Z]))"  # not "the charity Children North East": a name follows
)
_DEF_SUBTYPE = {
    "combined authority": ("Organisation", ("CombinedAuthority",)),
    "combined county authority": ("Organisation", ("CombinedAuthority",)),
    "county council": ("Organisation", ("LocalAuthority",)),
    "city council": ("Organisation", ("LocalAuthority",)),
    "borough council": ("Organisation", ("LocalAuthority",)),
    "district council": ("Organisation", ("LocalAuthority",)),
    "metropolitan borough council": ("Organisation", ("LocalAuthority",)),
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


_HEAD_NAMED = frozenset({"partnership", "trust", "charity", "museum", "theatre", "college", "university"})
_PREDICATE_NOMINAL = re.compile(r"\b(?:is|was)\s+(?:the|an?)\s+$")


def definite_descriptions(text: str, sentences: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """"The council invested £3.5m", "funded by the combined authority": a definite
    description refers to the nearest preceding entity of its kind (within a few
    sentences); the description becomes a mention of that entity."""
    typed = sorted((f for f in found if f.type), key=lambda f: f.start)
    typed_starts = [f.start for f in typed]
    out: list[Found] = []
    for si, (s0, s1) in enumerate(sentences):
        for m in _DEFINITE.finditer(text, s0, s1):
            noun = " ".join(m.group("noun").lower().split())
            if noun in ("programmes", "projects", "schemes", "initiatives"):
                noun = noun[:-1]
            want_type, subs = _DEF_SUBTYPE.get(noun, ("Programme", ()))
            window_start = sentences[max(0, si - 10)][0]
            before = typed[bisect_left(typed_starts, window_start) : bisect_left(typed_starts, m.start())]
            cands = [
                f for f in before
                if f.type == want_type
                # (or a name with the noun's head: "the partnership" is the Youth Arts Partnership)
                # (not "the Council": a local authority, not the Library and Information Council)
                and (not subs or f.subtype in subs or (noun in _HEAD_NAMED and f.name.rsplit(None, 1)[-1].lower() == noun))
                and not (f.start <= m.start() < f.end)
                and not (f.name.endswith("s") and not noun.endswith("s") and f.name.split()[-1].lower().rstrip("s") == noun.split()[-1])
                # "X is the Local Cultural Education Partnership for …": a name after "is the"
                # describes the subject; "the partnership" then is the subject
                and not (_PREDICATE_NOMINAL.search(text, max(0, f.start - 12), f.start) and text[f.end : f.end + 1] not in "’'")
            ]
            if want_type == "Programme" and noun not in ("programme", "project", "scheme", "initiative", "pilot"):
                cands = [f for f in cands if noun in f.name.lower()] or []
            elif want_type == "Programme":
                # "funded through the UK Shared Prosperity Fund … to join the programme": a fund
                # is "the fund", seldom "the programme"
                cands = [f for f in cands if f.subtype != "FundingProgramme"] or cands
            elif noun.endswith("council"):
                # "the County Council" is the county council named last, not the district;
                # "the Council" a council, not the Greater London Authority named since
                cands = [f for f in cands if noun in f.name.lower()] or cands
            elif noun == "partnership":
                # "the partnership" is a body named a partnership (the Skills Partnership, not the
                # Skills Hub named since), however long ago, when the document names one
                named = [f for f in cands if f.name.rsplit(None, 1)[-1].lower() == noun] or _one_entity(
                    [f for f in typed[: bisect_left(typed_starts, m.start())]
                     if f.type == want_type and f.name.rsplit(None, 1)[-1].lower() == noun])
                cands = named or cands
            elif noun in ("college", "university", "museum", "theatre", "trust"):
                # "the university" is a university, not the school named last
                cands = [f for f in cands if noun[:-1] in f.name.lower()]
            if not cands and noun in ("programme", "project", "scheme", "initiative", "pilot"):
                # "Next Steps Mentoring matches young people … The programme is funded by …":
                # a headless name that opened one of the last three sentences is the programme
                starts = {sentences[k][0] for k in range(max(0, si - 3), si + 1)}
                opener = next(
                    (f for f in reversed(found)
                     if f.type is None and f.rule == "candidate" and len(f.name.split()) >= 2
                     and f.start in starts and f.start < m.start()),
                    None,
                )
                if opener is not None:
                    opener.type, opener.subtype, opener.rule = "Programme", "Initiative", "context:the-programme"
                    cands = [opener]
            if not cands and want_type == "Organisation" and noun.endswith(("council", "authority")):
                # "the Council" ten paragraphs after the one council the document names: it still
                # means that council (only when the document names one of its kind before)
                before = typed[: bisect_left(typed_starts, m.start())]
                kind = [f for f in before if f.type == want_type and (not subs or f.subtype in subs)
                        and noun.split()[-1] in f.name.lower()]
                # ("the county council" after a city council and a county council: the county's)
                cands = _one_entity([f for f in kind if noun in f.name.lower()]) or _one_entity(kind)
            if not cands:
                continue
            ref = cands[-1]
            if noun in ("programme", "project", "scheme", "initiative", "pilot") and ref.sentence != si:
                # "… launched Thamesmead Creates, a programme backed by the Good Growth Fund. The
                # programme …": the first programme of the last sentence naming one is its topic
                ref = next(f for f in cands if f.sentence == ref.sentence)
            poss = m.group("poss")
            out.append(
                Found(ref.name, m.start(), m.end() - (len(poss) if poss else 0), ref.type, ref.subtype,
                      f"anaphor:the-{noun.replace(' ', '-')}", si, ids=ref.ids, possessive=bool(poss))
            )
    out.extend(_possessive_descriptions(text, sentences, typed, found))
    return out


def _one_entity(mentions: list[Found]) -> list[Found]:
    """``mentions`` when they all name one entity, else []: a description far from its referent
    still means it when the document names only one of its kind before it."""
    return mentions if len({f.name for f in mentions}) == 1 else []


_POSS_NOUNS = ("programme", "scheme", "project", "initiative", "pilot")
_POSS_NOUN = re.compile("|".join(_POSS_NOUNS))
_POSS_DESCRIPTION = re.compile(
    # (plain form "(?:’s|'s|\b[Ii]ts|\b[Tt]heir)\s+…": the class of the first characters first, as _DEFINITE)
    r"[’'IiTt](?:(?<=[’'])s|(?<=[Ii])(?<!\w[Ii])ts|(?<=[Tt])(?<!\w[Tt])heir)\s+(?P<np>(?:[a-z][a-z\-]*\s+){0,3}?(?:" + "|".join(_POSS_NOUNS) + r"))\b"
    r"(?!\s*,?\s*(?:called|named|known\s+as)\b)(?!\s+[A-Z\"“‘])"
)


def _possessive_descriptions(text: str, sentences: list[tuple[int, int]], typed: list[Found], found: list[Found]) -> list[Found]:
    """"UWC's outreach programme", "its skills scheme": with no name after it, such a
    phrase refers to the programme named just before (in this or the last
    sentence); the phrase becomes a mention of it."""
    out: list[Found] = []
    for si, (s0, s1) in enumerate(sentences):
        if not _POSS_NOUN.search(text, s0, s1):
            continue  # no programme noun: nothing to match (and the pattern is slow to scan)
        for m in _POSS_DESCRIPTION.finditer(text, s0, s1):
            a, b = m.start("np"), m.end("np")
            if any(f.start < b and a < f.end for f in typed):
                continue
            if m.group(0)[0] in "’'" and not any(f.end == m.start() and f.type in ("Organisation", None) for f in found):
                continue  # not "Hampshire's skills plan": an organisation's (or an acronym's) programme
            window = sentences[max(0, si - 1)][0]
            cands = [f for f in typed if window <= f.start < a and f.type == "Programme"]
            if not cands:
                continue
            ref = cands[-1]
            out.append(Found(ref.name, a, b, ref.type, ref.subtype, "anaphor:possessive-programme", si, ids=ref.ids))
    return out


# "\b(?:[Ww]e|[Oo]ur)\b(?!['’])|(?<![\w-])us\b(?!['’])", opening with a character class as
# _DEFINITE does (and so checked too): the class of the first letters of "we", "our" and "us", each
# alternative then looking behind it for which letter it was and for the boundary before it (the
# plain form's second alternative opens with a look-behind, so the regex engine tried a match at
# every character of the text)
WE = re.compile(r"[WwOou](?:(?<=[WwOo])(?<!\w[WwOo])(?:(?<=[Ww])e|(?<=[Oo])ur)|(?<=u)(?<![\w-]u)s)\b(?!['’])")


def sentence_index(sentences: list[tuple[int, int]], pos: int) -> int | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(sentences) and sentences[lo][0] <= pos < sentences[lo][1] else None


def author(doc: Document, sentences, groups, found, where) -> int | None:  # type: ignore[no-untyped-def]
    """The organisation that speaks as "we" in this document, if it can be told:
    the publisher its metadata names, or else the organisation named in the
    title (twice in the document, or the title line is its name alone), or
    the one the opening sentences name that the document mentions most (at
    least three times)."""
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
    # the publisher a title names ("Kingfisher Routes Annual Review 2024"), else a body named in
    # the title and again below it
    cands = [gi for gi in orgs if gi in title and any(f.rule == "context:is-a-publisher" for f in groups[gi].mentions)]
    cands = cands or [gi for gi in orgs if gi in title and len(groups[gi].mentions) >= 2]
    if not cands:
        # "Northern Pathways Trust\nAnnual Review 2024-25", "KITESTRING FUTURES\nAnnual Review":
        # a title line that is the name itself (in capitals, the name is no mention there)
        first = norm_key(doc.text[sentences[0][0] : sentences[0][1]].strip().lower())
        cands = [gi for gi in orgs if first in {norm_key(a.lower()) for a in {groups[gi].name, *groups[gi].aliases}}]
    if not cands:
        cands = [gi for gi in orgs if gi in opening and len(groups[gi].mentions) >= 3]
    if not cands:
        return None
    return max(cands, key=lambda gi: (len(groups[gi].mentions), -min(f.start for f in groups[gi].mentions)))
