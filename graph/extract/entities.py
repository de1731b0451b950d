"""Entity mentions of one document, typed and grouped into local entities.

Per sentence: capitalised chunks (:mod:`graph.extract.names`) typed by head
noun, gazetteer matches (places, national bodies), acronym definitions in
either direction ("Long Name (LN)", "LN (Long Name)"), quoted programme
names, and context typing for names with no head noun ("X is a project",
"X was launched", "X provides …"). Then, within the document, mentions are
grouped: same normalised name, acronym to expansion, short form to long form
("Arts Council" -> "Arts Council England"), possessives dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

from graph.extract.lexicon import (
    COUNCIL_KINDS,
    LEADING_STOP,
    MONTHS,
    NON_ENTITY_HEADS,
    NOT_NAMES,
    ORG_HEAD_MODIFIERS,
    ORG_HEADS,
    PLACE_DIRECTIONS,
    PLACE_HEADS,
    PLACE_NAME_PREFIXES,
    PROGRAMME_HEADS,
    STREET_WORDS,
    TRADE_NOUNS,
    given_names,
    personal_name,
)
from graph.extract.names import (
    WELSH_HEADS,
    Chunk,
    acronym_matches,
    capitalised,
    chunks,
    classify,
    head_of,
    is_acronym,
    is_description,
    looks_welsh,
    split_coordination,
    split_purpose,
    tokens,
)
from graph.textnorm import fold, norm_key

# Patterns marked "folded" are lower case and match graph.textnorm.fold(text): what
# re.I would match in text, faster.

_IS_A_NOUNS = (
    r"programme|program|project|initiative|scheme|pilot|network|festival|fund|"
    r"partnership|campaign|strategy|plan|collective|charity|company|organisation|organization|"
    r"theatre|venue|museum|gallery|college|university|school|trust|foundation|business|"
    r"employer|social enterprise|provider|consortium|body|agency|institution|centre|hub|venue|space|studio|studios|"
    r"strand|clubs?|sessions|workshops|courses?|classes|residency|residencies|trail|drop-ins|group|co-operative|cooperative|"
    r"choir|band|service|bootcamp|bootcamps|apprenticeship|apprenticeships|series|exhibition|exhibitions|"
    r"traineeship|traineeships|internship|internships|placements|mentoring|scheme|summer\s+schools?|holiday\s+clubs?|"
    r"challenge|season"
)
# "X is a/an [adjectives] programme" -> Programme; "... charity" -> Organisation
# "X, a charity …", "X is the adult numeracy strand of …", and in list items "X – free weekly art clubs"
_IS_A = re.compile(
    # ("X, Kendal College's careers programme": an owner's name before the kind, too)
    r"^\s*(?:,\s*(?:a|an|the|our|their|its|(?-i:[A-Z])[\w\-&]*(?:\s+(?-i:[A-Z&])[\w\-&]*){0,4}(?:’s|'s|(?<=s)[’']))\s+|"
    # a list item "X – free weekly art clubs", "X, £3.8 million: free, flexible courses"
    r"(?P<dash>(?:\s*[–—]|\s+-|\s*,\s*£[\d.,]+\s*(?:m|bn|k|million|billion)?\s*[:–—-])\s+(?:(?:a|an|the|our|their|its)\s+)?)|"
    r"\s+(?:is|was|are|were)\s+(?:a|an|the|our|their|its|(?:(?!(?:by|from|with|for|to)\b)[\w\-&]+\s+){0,4}[\w\-&]+(?:’s|'s|(?<=s)[’']))\s+)(?:(?-i:[a-z])[\w\-’']*,\s+(?!(?:and|or|but|which|who|whose)\b)|[\w\-’']+\s+|£[\d.,]+(?:m|bn|k)?\s+){0,5}?"
    rf"(?P<noun>{_IS_A_NOUNS})\b(?:\s+(?P<noun2>{_IS_A_NOUNS})\b)?"
    r"(?![’']s\b)",  # "X, the Kestrel Trust's programme": the trust owns X, X is no trust
    re.I,
)
_NAME_GOES_ON = re.compile(r"\s(?:in|into|on|at)\s(?:the\s)?(?P<w>[A-Z][\w'’-]*)(?=[,.;:)]|\s+[a-z(–—-]|$)")
_STRAND_BEFORE = re.compile(
    r"\b(?:our|its|their|the|a|an)\s+(?:[\w\-]+\s+){0,3}?(?:strand|programme|project|scheme|initiative|pilot|"
    # "our Wednesday job club, Next Up,", "its annual conference, Small Places, Big Stories"
    r"course|campaign|festival|bootcamp|service|club|drop-in|conference|summit|residency|residencies|"
    r"traineeship|apprenticeship|bursary|award|prize|fund|network|exhibition|trail|series|partnership\s+project|"
    r"plan|strategy|challenge|season)\s*,\s*$",
    re.I,
)
_FUNDED_FOR = re.compile(
    r"(?:£[\d.,]+\s*(?:m|k|bn|million|billion)?|\b(?:awarded|granted|allocated|ring-fenced|earmarked|set\s+aside|grants?|funding))"
    r"\b[^.;£]{0,80}?\b(?:for|towards)\s+(?:the\s+)?$",
    re.I,
)
_AWARD_CUE = re.compile(r"\b(?:award|grant|fund|allocat|invest|ring-fenc|earmark)", re.I)
# the kind nouns of an apposition that make a name a business ("X Works, a Sheffield production company")
_BUSINESS_NOUNS = ("company", "firm", "business", "contractor", "manufacturer", "consultancy", "builder", "developer", "supplier", "retailer")
_CHARITY_COPULA = re.compile(
    # "X Works, a Sheffield production company": any modifiers but function words
    r"\s*(?:,\s*|\s+is\s+|\s+was\s+)(?:a|an)\s+(?:(?!(?:with|of|for|by|and|to|from|in|on|at|a|an|the)\b)[\w\-’']+\s+){0,3}"
    rf"(?:charity|charitable\s+(?:trust|company|incorporated\s+organisation)|social\s+enterprise|community\s+interest\s+company|"
    rf"co-operative|cooperative|{'|'.join(_BUSINESS_NOUNS)})\b",
    re.I,
)
_LAUNCHED = re.compile(r"^\s*(?:was|were|has been|is being)\s+(?:launched|set up|created|established|piloted|delivered|funded|run|commissioned)\b", re.I)
_ORG_VERB = re.compile(
    r"^\s*(?:,[^,]{0,120},\s*)?(?:provides|provided|supports|supported|works|worked|delivers|delivered|"
    r"runs|ran|launched|leads|led|funds|funded|invested|offers|offered|operates|operated|"
    r"commissioned|partnered|drives|drove|hosts|hosted|employs|trains|has\s+(?:worked|launched|delivered|funded|supported)|is\s+working)\b",
    re.I,
)
_NOUN_TYPE = {
    "universitie": ("Organisation", "EducationProvider"),
    # "neighbourhoods such as A, B and C" (the plural's "s" dropped)
    **dict.fromkeys(("neighbourhood", "neighborhood", "ward", "estate", "suburb", "parishe"), ("Place", "Neighbourhood")),
    **dict.fromkeys(("village", "town", "island"), ("Place", "Town")),
    "companie": ("Organisation", "Business"),
    "charitie": ("Organisation", "Charity"),
    "bodie": ("Organisation", None),
    "partner": ("Organisation", None),
    "member": ("Organisation", None),
    "employer": ("Organisation", "Business"),
    "programme": ("Programme", "Initiative"),
    "program": ("Programme", "Initiative"),
    "project": ("Programme", "Initiative"),
    "initiative": ("Programme", "Initiative"),
    "scheme": ("Programme", "Initiative"),
    "pilot": ("Programme", "Initiative"),
    "network": ("Programme", "Network"),
    "festival": ("Programme", "Initiative"),
    "fund": ("Programme", "FundingProgramme"),
    "campaign": ("Programme", "Initiative"),
    "strategy": ("Programme", "Strategy"),
    "plan": ("Programme", "Strategy"),
    "partnership": ("Organisation", "Partnership"),
    "collective": ("Organisation", "Partnership"),
    "consortium": ("Organisation", "Partnership"),
    "charity": ("Organisation", "Charity"),
    "trust": ("Organisation", "Charity"),
    "foundation": ("Organisation", "Charity"),
    "social enterprise": ("Organisation", "Charity"),
    "company": ("Organisation", "Business"),
    "business": ("Organisation", "Business"),
    "theatre": ("Organisation", "CulturalOrganisation"),
    "hub": ("Organisation", "CulturalOrganisation"),
    "space": ("Organisation", "CulturalOrganisation"),
    "studio": ("Organisation", "CulturalOrganisation"),
    "studios": ("Organisation", "CulturalOrganisation"),
    "venue": ("Organisation", "CulturalOrganisation"),
    "museum": ("Organisation", "CulturalOrganisation"),
    "gallery": ("Organisation", "CulturalOrganisation"),
    "centre": ("Organisation", "CulturalOrganisation"),
    "college": ("Organisation", "EducationProvider"),
    "university": ("Organisation", "EducationProvider"),
    "school": ("Organisation", "EducationProvider"),
    "provider": ("Organisation", "EducationProvider"),
    "organisation": ("Organisation", None),
    "organization": ("Organisation", None),
    "body": ("Organisation", None),
    "agency": ("Organisation", "GovernmentBody"),
    "institution": ("Organisation", None),
    "strand": ("Programme", "Initiative"),
    "service": ("Programme", "Initiative"),
    "series": ("Programme", "Initiative"),
    "challenge": ("Programme", "Initiative"),
    "season": ("Programme", "Initiative"),
    "summer school": ("Programme", "Initiative"),
    "summer schools": ("Programme", "Initiative"),
    "holiday club": ("Programme", "Initiative"),
    "holiday clubs": ("Programme", "Initiative"),
    "traineeship": ("Programme", "QualificationRoute"),
    "traineeships": ("Programme", "QualificationRoute"),
    "internship": ("Programme", "Initiative"),
    "internships": ("Programme", "Initiative"),
    "placements": ("Programme", "Initiative"),
    "mentoring": ("Programme", "Initiative"),
    "exhibition": ("Programme", "Initiative"),
    "exhibitions": ("Programme", "Initiative"),
    "bootcamp": ("Programme", "QualificationRoute"),
    "bootcamps": ("Programme", "QualificationRoute"),
    "apprenticeship": ("Programme", "QualificationRoute"),
    "apprenticeships": ("Programme", "QualificationRoute"),
    "club": ("Programme", "Initiative"),
    "clubs": ("Programme", "Initiative"),
    "sessions": ("Programme", "Initiative"),
    "workshops": ("Programme", "Initiative"),
    "course": ("Programme", "Initiative"),
    "courses": ("Programme", "Initiative"),
    "classes": ("Programme", "Initiative"),
    "residency": ("Programme", "Initiative"),
    "residencies": ("Programme", "Initiative"),
    "trail": ("Programme", "Initiative"),
    "drop-ins": ("Programme", "Initiative"),
    "group": ("Organisation", None),
    "co-operative": ("Organisation", "Charity"),
    "cooperative": ("Organisation", "Charity"),
    "choir": ("Organisation", "CulturalOrganisation"),
    "band": ("Organisation", "CulturalOrganisation"),
}
# "twelve Stitch Ready traineeships", "the Kiln Start apprenticeships": a named kind of placement
_PLACEMENT_KINDS = ("traineeship", "apprenticeship", "residenc", "fellowship")
_LOWER_HEAD_AFTER = re.compile(
    r"\s+(programme|project|scheme|pilot|initiative|strategy|network|festival|fund|campaign|"
    r"traineeship|apprenticeship|internship|residenc(?:y|ie)|fellowship)s?\b"
)
# "its Step Up study programme", "the Council's Count Me In numeracy pilot": an owner's
# programme may take a lower-case word or two before its kind
_OWNER_WORD_BEFORE = re.compile(r"(?:\bits|\btheir|\bour|’s|'s)\s+$")
_MODIFIED_HEAD_AFTER = re.compile(r"\s+(?:[a-z][a-z\-]+\s+){1,2}?" + _LOWER_HEAD_AFTER.pattern[3:])
_SUCH_AS = re.compile(
    r"\b(?P<noun>programmes|projects|initiatives|schemes|pilots|funds|networks|festivals|campaigns|"
    r"organisations|charities|companies|employers|businesses|partners|bodies|venues|colleges|universities|"
    r"schools|theatres|museums|trusts|foundations|members|"
    r"neighbourhoods|neighborhoods|wards|villages|estates|towns|suburbs|parishes|islands)\s*,?\s+(?:such\s+as|including|like|include|includes|included|are|were)\s+",
)  # folded; "our three programmes are A, B and C" too


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_LIST_UP_TO_NAME = re.compile(r"(?:[^,.;:!?]+?(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*))*(?:the\s+)?", re.I)


def _such_as_noun(before: str) -> str | None:
    """The noun of "programmes such as A, B and <here>" (lower case), if the name sits in such a list."""
    window = before[-200:]
    folded = fold(window)
    if "such" not in folded and "includ" not in folded and "like" not in folded and " are " not in folded and " were " not in folded:
        return None  # none of the cue words _SUCH_AS needs
    last = None
    for m in _SUCH_AS.finditer(folded):
        last = m
    if last is None:
        return None
    between = window[last.end() :]
    if between and not _LIST_UP_TO_NAME.fullmatch(
        between
    ):
        return None  # not a list continuing up to the name
    if _PLACES_FOLLOW.search(between):
        return None  # "members include X and schools in A, B and <here>": the names after "in" are places
    return last.group("noun")


_PLACES_FOLLOW = re.compile(r"\b(?:in|across|around|throughout)\s+(?:the\s+)?[A-Z]")


_CALLED_BEFORE = re.compile(
    r"\b(?P<noun>programme|project|initiative|scheme|pilot|network|festival|fund|partnership|campaign|"
    r"strategy|plan|charity|company|organisation|trust|foundation|collective|consortium|venue|theatre)s?\s+"
    r"(?:called|named|known\s+as|entitled|dubbed|branded)\s+[‘“\"']?$",
)  # folded
_CALLED_VERBS = ("called", "named", "as", "entitled", "dubbed", "branded")  # how _CALLED_BEFORE's verbs end


def _called_before(folded: str) -> re.Match[str] | None:
    """:data:`_CALLED_BEFORE` in the folded text before a name. A match ends the text with one
    of the verbs, white space and maybe a quote: that end is looked at first, for a search of
    the whole text costs more (it is made for most names)."""
    if not folded.rstrip().rstrip("‘“\"'").rstrip().endswith(_CALLED_VERBS):
        return None
    return _CALLED_BEFORE.search(folded)
_PUBLICATION_BEFORE = re.compile(
    r"\b(?:report|reports|publication|paper|review|(?<!case )study|document|book|article|film|toolkit|guide|briefing|"
    r"white\s+paper|green\s+paper|consultation)\s*(?:,|:)?\s*(?:called|entitled|titled)?\s*$",
    re.I,
)
_PUBLICATION_AFTER = re.compile(r"\s+(?:report|review|paper|publication|study|briefing|toolkit|guide)\b", re.I)
_QUOTED_NOUN_AFTER = re.compile(
    r"\s+(partnership|consortium|collective|charity|company|trust|network|programme|project|scheme|"
    r"initiative|strategy|plan|fund|campaign|festival|pilot)\b",
    re.I,
)
_HEAD_AFTER_ACR = re.compile(r"\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")
_ACR_AFTER = re.compile(r"\s*\((?:the\s+)?(?P<acr>[A-Z][A-Za-z0-9&]{1,7}s?)\)")
_EXP_AFTER = re.compile(r"\s*\((?:the\s+)?(?P<exp>[A-Z][^()]{3,80})\)")
# the closing mark ends a word: not the apostrophe of "Sheffield's" after an opening quote
# an opening bracket, or an earlier quoted alias, just before a quoted short name
_ALIAS_OPEN = re.compile(r"\(\s*(?:[‘“\"'][^‘’“”\"]{1,40}[’”\"']\s*(?:,|or|and)\s*)?[‘“\"']")
_QUOTED = re.compile(r"[‘“\"'](?P<q>[A-Z][^‘’“”\"\n]{2,60}?)[’”\"'](?!\w)")
_AN_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.I)
_TRADE_AFTER = re.compile(rf"\s+(?:[a-z\-’']+\s+){{0,2}}?(?:{TRADE_NOUNS})\b")
_KIND_WORDS = ("charity", "social enterprise", "company", "firm", "co-operative", "cooperative", "collective", "CIC", "trust")
_KIND_NOUNS = "|".join(w.replace(" ", r"\s+") for w in _KIND_WORDS)
# "the Goldthorpe charity X", "the Doncaster wheelset specialist X" (a known kind noun right before the name)
_KIND_BEFORE = re.compile(rf"\b(?:the|a|an)\s+[A-Z][\w\-’']*(?:\s+[a-z\-]+)?\s+(?P<noun>{_KIND_NOUNS})\s+$")
_KIND_ENDINGS = tuple(w.split()[-1].lower() for w in _KIND_WORDS)  # the cheap test before _KIND_BEFORE
_TRADE_THEN_NAME = re.compile(rf"\s+(?:[a-z\-]+\s+)?(?:{_KIND_NOUNS})\s+[A-Z]")
_A_BEFORE = re.compile(r"\b(?:an?)\s+$", re.I)
# "a Dennistoun contractor", "a Bedminster charity", "an Omagh music shop": the trade nouns, less those
# that also head a body's own name ("a Kelby Trust", "the X partnership", "a Y collective")
_NAME_HEAD_TRADES = frozenset({
    "charities", "community\\s+interest\\s+company", "company", "agency", "organisation", "organization", "business",
    "collective", "developer", "theatre\\s+company", "youth\\s+organisation", "arts\\s+organisation", "trust",
    "partnership", "think\\s+tank", "foundation",
})
_KIND_OF_BODY_AFTER = re.compile(
    r"\s+(?:(?!(?:to|of|in|on|at|and|for|with|from|by|the|a|an)\s)[a-z\-’']+\s+)?(?:"
    + "|".join(w for w in TRADE_NOUNS.split("|") if w not in _NAME_HEAD_TRADES) + r"|shop|label)\b"
)
_NOT_A_PLACE_WORD = re.compile(
    r"(?:ian|ish|ese|ic|ean|can|ern|ist|al|ary|ed|ing|ive|ous|Community|Evidence|Arts?|Home|School|Place|Project|Web|Cloud|Faith|"
    r"Land|Team|Skills|Research|Practice|Nature|Volunteer|Campus|Office|Studio|Asset|Needs|Value|Rights|Strengths?|Play|"
    r"Sport|Work|Activity|Group|Plant|Science|Design|Data|Story|Theatre|Music|Family|Youth|Women|Black|Muslim|Sikh|Hindu|"
    r"Jewish|Tudor|Lottery|Council|Government|Trust|Award|Grant|University|College|Food|Farm|Sea|River)$"
)
_PREP_BEFORE = re.compile(r"(?:\b(?:in|at|from|across|near|around|of|to|throughout|within|for|and)\s+(?:the\s+)?)$")


@dataclass(slots=True)
class Found:
    """A mention found in a sentence (mutable while typing; frozen into Mention later)."""

    name: str
    start: int  # document offsets
    end: int
    type: str | None
    subtype: str | None
    rule: str
    sentence: int
    possessive: bool = False
    cue: str | None = None
    acronym: str | None = None
    ids: tuple[tuple[str, str], ...] = ()
    aliases: set[str] = field(default_factory=set)


# the small words of a place name hyphenated one way or spaced the other: "Wath upon Dearne" is
# also "Wath-upon-Dearne", "Blaenau-Ffestiniog" also "Blaenau Ffestiniog", "Berwick-Upon-Tweed"
# also "Berwick-upon-Tweed"
_LINK_WORDS = "upon|on|in|under|le|la|by|over|with|super|next|the|y|yr|juxta|cum|en|de|sub"
_LINK_SET = frozenset(_LINK_WORDS.split("|"))
_HYPHEN_LINK = re.compile(rf"(?<=-)(?:{_LINK_WORDS})(?=-)", re.I)


def _spelling_variants(form: str) -> set[str]:
    """The other spellings of a gazetteer form that documents write (see above)."""
    out: set[str] = set()
    if "-" in form and form.count(" ") == 0:
        parts = form.split("-")
        if all(p[:1].isupper() or p.lower() in _LINK_SET for p in parts[1:]):  # (not "Inverness-shire")
            out.add(form.replace("-", " "))
        out.add(_HYPHEN_LINK.sub(lambda m: m.group(0).lower(), form))
    if " " in form and "-" not in form:
        words = form.split(" ")
        if len(words) >= 3 and all(w.lower() in _LINK_SET for w in words[1:-1]):
            out.add("-".join(words))
    out.discard(form)
    return out


class PlaceLookup:
    """What the entity rules need from the gazetteer (empty when none is installed)."""

    def __init__(self) -> None:
        self.max_words = 0
        self.first_words: dict[str, tuple[int, ...]] = {}
        """First word of every form -> the numbers of words of the forms starting with it, most first."""
        self.forms: dict[str, list[tuple[str, str, str | None, tuple[tuple[str, str], ...], bool]]] = {}
        self.two_places: frozenset[str] = frozenset()

    @classmethod
    def from_gazetteer(cls) -> PlaceLookup:
        lk = cls()
        try:
            from graph.gazetteer import load_gazetteer
        except ImportError:  # pragma: no cover - before the gazetteer exists
            return lk
        gz = load_gazetteer()
        forms: dict[str, list] = defaultdict(list)
        for form, entries in gz.forms().items():
            if len(form) < 3 and not form.isupper():
                continue
            for e in entries:
                forms[form].append((e.name, e.type, e.subtype, e.ids, e.ambiguous and form == e.name))
        for form in list(forms):
            for variant in _spelling_variants(form):
                forms.setdefault(variant, forms[form])
        lk.forms = dict(forms)
        # "Bangor, County Down", "Ashford, Surrey": a name the gazetteer tells apart by the area it
        # is in reads in running text as the town and its area, two places
        lk.two_places = frozenset(f for f, es in forms.items() if f.count(", ") == 1 and all(e[1] == "Place" for e in es)
                                  and any(e[1] == "Place" for e in forms.get(f.split(", ")[1], ())))
        # (the tokens function itself, not its cache: the cache is for the sentences of the
        # documents, and the gazetteer's forms, tokenised once here, would fill it)
        tokenise = tokens.__wrapped__
        form_tokens = {f: tokenise(f) for f in forms}
        lk.max_words = max((len(toks) for toks in form_tokens.values()), default=0)
        counts: dict[str, set[int]] = defaultdict(set)
        for toks in form_tokens.values():
            if toks:
                counts[toks[0][0]].add(len(toks))
        # a form before a possessive ("the … Trust’s team", matches() reads the form without it)
        # has the tokens of the form and "’s" in the sentence
        for f in forms:
            for poss in (f"{f}’s", f"{f}'s"):
                toks = tokenise(poss)
                # (a one-word form and its possessive are one token: "Irvine's")
                if toks and (toks[0][0] in counts or len(toks) == 1):
                    counts[toks[0][0]].add(len(toks))
        lk.first_words = {first: tuple(sorted(ns, reverse=True)) for first, ns in counts.items()}
        return lk

    def matches(self, sentence: str) -> list[tuple[int, int, str]]:
        """Longest gazetteer forms in ``sentence`` as (start, end, form), left to right.

        A lookup of token n-grams in a dict: linear in the sentence, whatever
        the size of the gazetteer.
        """
        if not self.forms:
            return []
        toks = tokens(sentence)
        out: list[tuple[int, int, str]] = []
        first_words = self.first_words
        done = 0  # the tokens before this one are in a match already
        # capitalised words first: it spares hashing the lower-case words (most of them)
        for i in [n for n in capitalised(sentence) if toks[n][0] in first_words]:
            if i < done:
                continue
            t = toks[i]
            # the longest form first; only as many words as some form opening with the word has
            # (the tokens of a form in the sentence are the form's tokens)
            for n in first_words[t[0]]:
                j = i + n - 1
                if j >= len(toks):
                    continue
                form = sentence[t[1] : toks[j][2]]
                if "\n" in form:
                    form = " ".join(form.split())  # "the East Riding of\nYorkshire": a name wrapped over two lines
                if form in self.forms and form not in self.two_places:
                    out.append((t[1], toks[j][2], form))
                    done = j + 1
                    break
                if form.endswith(("’s", "'s")) and form[:-2] in self.forms:
                    # "the Southern Health and Social Care Trust’s team": the name before the possessive
                    out.append((t[1], toks[j][2] - 2, form[:-2]))
                    done = j + 1
                    break
        return out

    def is_place_word(self, word: str) -> bool:
        return any(t == "Place" for _, t, *_ in self.forms.get(word, ()))

    def lookup(self, name: str):  # type: ignore[no-untyped-def]
        return self.forms.get(name, [])


def _names_a_place(name: str, places: PlaceLookup) -> bool:
    """Whether a council's name has a council-kind word ("Borough", "County") or a gazetteer place in it."""
    words = name.split()[:-1]
    if any(w.lower() in _COUNCIL_KINDS for w in words):
        return True
    return any(
        places.is_place_word(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)
    )


# "Royal Borough of …", "London Borough of …" name their places too
_COUNCIL_KINDS = COUNCIL_KINDS | {"royal", "london"}


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_JOINER = re.compile(r"\s+(?:and|&|for)\s+")


def _known_pair(name: str, places: PlaceLookup) -> tuple[str, str] | None:
    """ "Free Courses for Jobs and Skills Bootcamps": two gazetteer names joined by
    "and" are two names (not a plural head shared by both), unless the whole is one;
    so are a gazetteer name and what follows its "for"."""
    if places.lookup(name):
        return None
    for m in _JOINER.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if places.lookup(left) and (places.lookup(right) or (m.group().strip() == "for" and len(right.split()) >= 2)):
            # "UK Shared Prosperity Fund for Creative Careers Week": a known fund and what it paid for
            return left, right
        bare = right[4:] if right.startswith(("the ", "The ")) else right  # "… and the National Lottery Heritage Fund"
        if (m.group().strip() == "and" and bare is not right and len(bare.split()) >= 2 and bare[:1].isupper()
                and any(t == "Organisation" for _n, t, *_r in places.lookup(left))):
            # "Historic Environment Scotland and the Forth Maritime Collection": a known body, then "and the" another
            return left, bare
        if m.group().strip() == "and" and len(bare.split()) >= 2 and any(t == "Organisation" for _n, t, *_r in places.lookup(bare)):
            # "Hollandbush Engineering at Eurocentral and NHS Lanarkshire": a known body's whole
            # name closes a list (its "and" joins two names)
            return left, bare
    return None


_INNER_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])\s+(?=[A-Z])")  # (and a plural's: "Department for Communities' X")


_TITLE_OF = re.compile(
    r"(?:[A-Z][\w’'\-]*\s+){0,3}(?:Chair|Chairman|Chairwoman|Director|Head|Manager|Officer|Minister|Secretary|President|"
    r"Trustee|Leader|Principal|Dean|Coordinator|Co-ordinator|Commissioner|Chief\s+Executive|Vice-Chancellor)\s+(?:of|for)\s+(?:[Tt]he\s+)?"
)


_CAMPUS_AFTER = re.compile(r" campus\b")
_OWNER_BEFORE = re.compile(r"(?:’s|'s|\bits|\btheir|\bour)\s+$")
_UNIT_OF = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:and\s+[A-Z][\w’'-]*\s+)?)?(?:Team|Service|Unit|Directorate)\s+(?:of|at)\s+(?:[Tt]he\s+)?(?=[A-Z])")
# "Cabinet Member for Culture and Libraries", "Portfolio Holder for Culture": a councillor's
# portfolio names a subject, not a body
_PORTFOLIO = re.compile(r"(?:(?:Cabinet|Executive|Lead|Deputy|Assistant|Portfolio)\s+)*(?:Member|Holder|Lead|Spokesperson|Champion)\s+for\s+[A-Z]")


def _only_places(name: str, places: PlaceLookup) -> bool:
    """Whether the gazetteer knows ``name`` as a place and as nothing else (and, for one word,
    not as a place whose name is also a common word: "Bridge to Uni" is no stretch from a village)."""
    known = places.lookup(name)
    one_word = " " not in name and "-" not in name
    return bool(known) and all(e[1] == "Place" and not (one_word and e[4]) for e in known)


# "Mandale and Victoria ward": one area's name, "and" and all
_AREA_NOUN_AFTER = re.compile(r"\s+(?:ward|wards|estate|division|parish|quarter)\b")


def _place_pair(left: str, right: str, places: PlaceLookup) -> bool:
    """Two places joined by "and": both known, or one known and the other one or two capitalised
    words that name nothing else ("Fenton and Longton")."""
    kl, kr = _only_places(left, places), _only_places(right, places)
    if kl and kr:
        return True
    other = right if kl else left if kr else None
    return other is not None and len(other.split()) <= 2 and classify(other) is None and not places.lookup(other)


def _known_body(name: str, places: PlaceLookup) -> bool:
    """Whether the gazetteer knows ``name`` as an organisation or a programme."""
    return any(t in ("Organisation", "Programme") for _n, t, *_ in places.lookup(name))


def _split_at(ch: Chunk, at: int, word: str) -> tuple[Chunk, Chunk]:
    """The chunk's two names either side of ``word`` (at ``at``), a "the" after it left out."""
    right = at + len(word) + (4 if ch.text.startswith("the ", at + len(word)) else 0)
    return (Chunk(ch.text[:at], ch.start, ch.start + at, False, None),
            Chunk(ch.text[right:], ch.start + right, ch.end, ch.possessive, ch.cue))


def _area_across(left: str, right: str, places: PlaceLookup) -> bool:
    """Whether the words either side of an "and" make one known area ("Culture [Perth and
    Kinross]", "Culture [Brighton and Hove]"): a name that ends with an area's name, not two
    places."""
    lw, rw = left.split(), right.split()
    return any(places.lookup(" ".join(lw[-a:]) + " and " + " ".join(rw[:b]))
               for a in (1, 2) if a < len(lw) for b in (1, 2, 3) if b <= len(rw))


def _owner_split(chs: list[Chunk], places: PlaceLookup, sentence: str) -> list[Chunk]:
    """ "Department for Culture, Media and Sport’s Libraries Improvement Fund": a known
    body's possessive inside a chunk ends the body's name; what follows is its own name."""
    out: list[Chunk] = []
    for ch in chs:
        if " for " in ch.text and _PORTFOLIO.match(ch.text):
            continue
        um = _UNIT_OF.match(ch.text) if " of " in ch.text else None
        if um is not None:
            # "the Culture and Heritage Team of City of Doncaster Council": the body the unit is of
            out.append(Chunk(ch.text[um.end() :], ch.start + um.end(), ch.end, ch.possessive, ch.cue))
            continue
        tm = _TITLE_OF.match(ch.text) if (" of " in ch.text or " for " in ch.text) else None
        if tm is not None:
            # "Northern Ireland Chair of The National Lottery Community Fund": a job title names
            # the body after "of"; the title itself names nothing ("Head of Partnerships")
            rest = ch.text[tm.end() :]
            if len(rest.split()) >= 2 or places.lookup(rest):
                out.append(Chunk(rest, ch.start + tm.end(), ch.end, ch.possessive, ch.cue))
            continue
        fo, an, to = ch.text.find(" for "), ch.text.find(" and "), ch.text.find(" to ")
        at = None
        if fo > 0 and _known_body(ch.text[:fo], places) and not places.lookup(ch.text):
            at = (fo, " for ")  # "UK Shared Prosperity Fund for Creative Careers Week": a known fund, then what it pays for
        elif an > 0 and _place_pair(ch.text[:an], ch.text[an + 5 :].removeprefix("the "), places) and not places.lookup(ch.text) \
                and classify(ch.text) is None and not _AREA_NOUN_AFTER.match(sentence, ch.end) \
                and not _area_across(ch.text[:an], ch.text[an + 5 :], places):
            at = (an, " and ")  # "Bridlington and Driffield", "Fenton and Longton": two places, not one name
        elif to > 0 and (classify(ch.text) or ("",))[0] not in ("Organisation", "Programme") and (
                _only_places(ch.text[:to], places) or ch.text[:to].lower() in MONTHS or ch.text[:to].lower() in _SEASONS
                or (classify(ch.text) is None and _only_places(ch.text[to + 4 :].removeprefix("the "), places))):
            # "from Caernarfon to Cardiff Bay", "Easter to October": a stretch between two places
            # (or times), not one name ("Broadland to Breckland Creative Health Network" is one)
            at = (to, " to ")
        elif to > 0 and _known_body(ch.text[:to], places) and not places.lookup(ch.text):
            at = (to, " to ")  # "£20,000 from the UK Shared Prosperity Fund to Fare Start": a known name, then another
        if at is not None:
            out.extend(_split_at(ch, *at))
            continue
        m = _INNER_POSSESSIVE.search(ch.text) if ("’" in ch.text or "'" in ch.text) else None
        if m is not None and _known_body(ch.text[: m.start()], places):
            out.append(Chunk(ch.text[: m.start()], ch.start, ch.start + m.start(), True, None))
            out.append(Chunk(ch.text[m.end() :], ch.start + m.end(), ch.end, ch.possessive, ch.cue))
        else:
            out.append(ch)
    return out


def _sentence_mentions(
    text: str, s0: int, s1: int, si: int, places: PlaceLookup
) -> list[Found]:
    sentence = text[s0:s1]
    found: list[Found] = []
    covered: list[tuple[int, int, str | None]] = []
    prev_end = -1
    for ch in _owner_split(chunks(sentence, is_place=places.is_place_word), places, sentence):
        after_comma = sentence[prev_end : ch.start] == ", " or (
            # "employers such as Dunluce Precision and Bann Foods": a list begins
            ch.start >= 8 and sentence[ch.start - 1] == " " and _LIST_OPENER.search(sentence, max(0, ch.start - 12), ch.start) is not None
        )
        prev_end = ch.end
        purpose = split_purpose(ch.text, "£" in sentence[: ch.start] or _AWARD_CUE.search(sentence, 0, ch.start) is not None,
                                places.is_place_word) if " for " in ch.text or " on the " in ch.text else None
        known = _known_pair(ch.text, places) if " and " in ch.text or " & " in ch.text or " for " in ch.text else None
        if known:
            parts = [(known[0], True), (known[1], True)]
        elif purpose and not places.lookup(ch.text):
            # "… CIC for Maths in the Market, numeracy drop-ins": the project's name goes on
            tail = _NAME_GOES_ON.match(sentence, ch.end)
            if tail and not (places.is_place_word(tail.group("w")) or tail.group("w").lower() in LEADING_STOP):
                purpose[-1] += sentence[ch.end : tail.end()]
                ch = Chunk(sentence[ch.start : tail.end()], ch.start, tail.end(), ch.possessive, ch.cue)
            parts = [p for part in purpose for p in split_coordination(part, places.is_place_word)]
        elif " a " in ch.text and (not sentence[: ch.start].strip(" \t•*-–·>#") or sentence[: ch.start].rstrip().endswith(":")) and head_of(
            ch.text.partition(" a ")[2]
        ):
            # "Introduce a National Rural Mobility Fund": a sentence-initial verb, then a name with
            # its own head ("a" joins Welsh and Gaelic names: "Sgwrs a Sgrin", "Loch a Tuath Arts Trust")
            right = ch.text.partition(" a ")[2]
            parts = split_coordination(right, places.is_place_word)
        else:
            parts = split_coordination(ch.text, places.is_place_word)
            if len(parts) == 1 and after_comma and _LAST_AND.search(ch.text) and "," not in ch.text and not places.lookup(ch.text):
                # "… 31 businesses, including Wearside Logistics, Northlight Software and Roker
                # Marine Engineering": the last two items of a list of names
                last_and = _LAST_AND.search(ch.text)  # (" and\n" in text wrapped over lines)
                left, right = (ch.text[: last_and.start()], ch.text[last_and.end() :]) if last_and else ("", "")
                if ((len(left.split()) >= 2 and len(right.split()) >= 2)
                        or (" " not in left and " " not in right and _ONE_WORD_ITEM_BEFORE.search(sentence, max(0, ch.start - 40), ch.start))
                        ) and right[:1].isupper() and " and " not in left:
                    # ("… such as Ore, Hollington and Broomgrove": two one-word names end a list too)
                    parts = [(left, True), (right, True)]
            elif (len(parts) == 1 and "and" in ch.text and _IN_BEFORE.search(sentence, max(0, ch.start - 4), ch.start)
                    and (wand := _WRAPPED_AND.search(ch.text)) and not places.lookup(ch.text)):
                # "Tarnbeck College in Middlesbrough and Coatham Vale College in Redcar": after "in",
                # a town, then the next name with its own head (the "and" may end a wrapped line)
                left, right = ch.text[: wand.start()], " ".join(ch.text[wand.end() :].split())
                if places.is_place_word(left) and len(right.split()) >= 2 and head_of(right) is not None and not places.lookup(right):
                    parts = [(left, True), (right, True)]
        if len(parts) == 1 and sentence.startswith(" campus", ch.end):
            # "the Forth Valley College Falkirk campus": the college, then the town of its campus
            ws = ch.text.split()
            for k in range(max(1, len(ws) - 3), len(ws)):
                right = " ".join(ws[k:])
                if ws[k - 1].lower() in _CAMPUS_OWNERS and any(t == "Place" for _n, t, *_r in places.lookup(right)):
                    parts = [(" ".join(ws[:k]), True), (right, True)]
                    break
        offset = 0
        for name, _was_split in parts:
            if len(parts) > 1:
                # locate the part inside the chunk when it is verbatim, else keep the chunk span
                k = sentence.find(name, ch.start + offset, ch.end + 1)
                if k >= 0:
                    st, en = k, k + len(name)
                    offset = en - ch.start
                else:
                    st, en = ch.start, ch.end
            else:
                st, en = ch.start, ch.end
            if "\n" in name or "  " in name:
                name = " ".join(name.split())  # a name wrapped over two lines, or spaced out
            cm = _CAMPUS_AFTER.match(sentence, en) if en == ch.end and sentence.startswith(" campus", en) else None
            if (cm is not None and _OWNER_BEFORE.search(sentence, max(0, st - 30), st)
                    and (classify(name) or ("Place",))[0] == "Place" and not places.lookup(name)):
                # "the college's Dearne Valley campus", "at its Yale campus": the campus is a site
                # (a known town's name, "its Lampeter campus", names the town)
                f = Found(f"{name} campus", st, cm.end(), "Place", "Site", "context:campus", 0)
                en = cm.end()
            else:
                f = _type_name(name, sentence, st, en, places)
            if f.type is None and len(parts) == 1:
                # "Kestrel Trust Annual Report 2024": the body a title is about
                head = _body_before_title(name)
                if head:
                    typed = classify(head)
                    if typed and typed[0] == "Organisation" and head.split()[-1].lower() in ORG_HEADS:
                        f = Found(head, st, st + len(head), typed[0], typed[1], "head:before-title", 0)
                        en = st + len(head)
            words = f.name.split()
            if len(words) >= 3 and words[-1] == words[-2]:
                # "Kent Council Council": a doubled head is a typo; keep the form as written
                f.aliases.add(f.name)
                f.name = " ".join(words[:-1])
            f.start, f.end, f.sentence = s0 + st, s0 + en, si
            f.possessive = ch.possessive and en == ch.end
            f.cue = ch.cue if en == ch.end else None
            # acronym definitions after the name: "Long Name (LN)"
            m = _ACR_AFTER.match(sentence, en) if en == ch.end and "(" in sentence else None
            if m and is_acronym(m.group("acr")) and m.group("acr") != name:
                f.acronym = m.group("acr")
                # "Cultural Development Fund (CDF) Network": the name goes on after the acronym
                hm = _HEAD_AFTER_ACR.match(sentence, m.end())
                if hm and f.type is not None:
                    head = hm.group(1)
                    typed = classify(f"{name} {head}")
                    if typed:
                        whole = Found(f"{name} {head}", s0 + st, s0 + hm.end(), typed[0], typed[1],
                                      "head:after-acronym", si,
                                      aliases={sentence[st : hm.end()], f"{f.acronym} {head}"})
                        found.append(whole)
                        covered.append((st, hm.end(), typed[0]))
                if f.type is None and len(name.split()) >= 2 and f.rule != "person":
                    # "Tarn Futures (TF), the Council's skills programme": what follows the acronym
                    # says what the name is; a name that defines one is otherwise a body's
                    wm = _IS_A.match(sentence[m.end() :])
                    noun = " ".join((wm.group("noun2") or wm.group("noun")).lower().split()) if wm else ""
                    t, sub = _NOUN_TYPE.get(noun, ("Organisation", None))
                    f.type, f.subtype = t, sub
                    f.rule = f"context:is-a-{noun.replace(' ', '-')}" if t == "Programme" else "context:defines-acronym"
            found.append(f)
            covered.append((st, en, f.type))
            if f.type is None and name.split()[-1].lower() in NON_ENTITY_HEADS:
                covered.append((st, en, "Other"))  # "Manchester Symposium": the place is in a title
            elif f.type is None and _named_for_nation(name, places):
                # "Ladder Cymru", "Working Wales": a body's or a programme's name, not the nation
                covered.append((st, en, "Other"))
    # gazetteer matches not inside an organisation or programme name
    if places.forms:
        gz_matches = places.matches(sentence)
        n_places: int | None = None  # the sentence's unambiguous places, counted when an ambiguous name asks
        for st, en, form in gz_matches:
            if any(
                c[0] <= st and en <= c[1] and (c[2] in ("Organisation", "Programme", "Other", "Place") if (c[0], c[1]) != (st, en) else c[2])
                for c in covered
            ):
                continue  # inside a typed name, or the very name a rule typed already
            if _PEERAGE_BEFORE.search(sentence, max(0, st - 40), st):
                continue  # "Baroness Stowell of Beeston": a title, not a place the text is about
            if sentence[en : en + 1] == " " and (sm := _STREET_AFTER.match(sentence, en)) and sm.group(1).lower() in STREET_WORDS:
                continue  # "Mostyn Street", "Station Road": a street named after a place is no place
            for gname, gtype, gsub, gids, ambiguous in places.lookup(form):
                if ambiguous:
                    if n_places is None:
                        n_places = sum(
                            1 for _st, _en, form_ in gz_matches
                            if any(t == "Place" and not amb for _n, t, _s, _i, amb in places.lookup(form_))
                        )
                    if not _ambiguous_ok(sentence, st, en, n_places):
                        continue
                if ("," in form or " and " in form) and gtype == "Place" and (cm := _COUNCIL_AFTER.match(sentence, en)):
                    # "Newry, Mourne and Down District Council": a council named for an area whose
                    # name has a comma (the chunks stop at the comma)
                    over = [f for f in found if s0 + st <= f.start < s0 + cm.end()]
                    found = [f for f in found if not (s0 + st <= f.start < s0 + cm.end())]
                    for f in over:
                        # "… Glens Borough Council and Mid Ulster District Council": a chunk that ran on
                        # past the council joins a second name, which stays
                        rest = _AND_REST.match(sentence, cm.end(), f.end - s0)
                        if rest and (typed := classify(rest.group("n"))):
                            found.append(Found(rest.group("n"), s0 + rest.start("n"), f.end, typed[0], typed[1],
                                               f"head:{rest.group('n').split()[-1].lower()}", si))
                    found.append(_with_acronym(Found(" ".join(sentence[st : cm.end()].split()), s0 + st, s0 + cm.end(),
                                                     "Organisation", "LocalAuthority", "gazetteer:area-council", si), sentence, cm.end()))
                    break
                # "Newcastle upon Tyne": the whole known name, not the chunk "Newcastle" inside it
                # ("Department for Culture, Media and Sport", not "Department for Culture")
                # (and any part a split at "and" made of a known body's name: "Southern Health and
                # Social Care Trust" is no "Social Care Trust")
                found = [f for f in found if not (
                    s0 + st <= f.start and f.end <= s0 + en and (f.end - f.start) < en - st
                    and (f.type in (None, "Place") or (("," in form or " and " in form) and gtype != "Place"))
                )]
                gf = Found(gname, s0 + st, s0 + en, gtype, gsub, "gazetteer", si, ids=gids,
                           aliases={form} if form != gname else set())
                found.append(_with_acronym(gf, sentence, en) if gtype != "Place" else gf)
                break
    # "central London", "north Wales": an informal part of a known place
    for f in found:
        if f.type == "Place" and f.rule == "gazetteer":
            st = f.start - s0
            dm = _LOWER_DIRECTION.search(sentence, max(0, st - 12), st)
            if dm and dm.end() == st:
                f.name = sentence[dm.start() : f.end - s0]
                f.start, f.subtype, f.rule, f.ids = s0 + dm.start(), "Region", "context:direction+place", ()
                f.aliases = set()
    # quoted names: ‘Bristol One City’ partnership (a match opens with one of four quote marks:
    # most sentences have none, and a test for each costs less than the pattern's scan)
    quoted = _QUOTED.finditer(sentence) if ("'" in sentence or '"' in sentence or "‘" in sentence or "“" in sentence) else ()
    for m in quoted:
        q = m.group("q").strip()
        words = q.split()
        # 'Tynebank Young Arts Trust ("Tynebank", "the Trust")': a short name the text defines
        opener = _ALIAS_OPEN.search(sentence, max(0, m.start() - 40), m.start() + 1)
        if opener and opener.end() == m.start() + 1:
            named = [f for f in found if f.end - s0 <= opener.start() and f.type in ("Organisation", "Programme")
                     and not sentence[f.end - s0 : opener.start()].strip()]
            if named and len(words) <= 4:
                owner = named[-1]
                owner.aliases.add(q)
                found.append(Found(owner.name, s0 + m.start("q"), s0 + m.end("q"), owner.type, owner.subtype,
                                   "quoted-alias", si, ids=owner.ids, aliases={q}))
                continue
        if _PUBLICATION_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) or _PUBLICATION_AFTER.match(
            sentence, m.end()
        ):
            continue  # a report's or a film's title, not a programme
        if 1 <= len(words) <= 8 and sum(w[:1].isupper() for w in words) >= max(1, len(words) // 2):
            typed = classify(q)
            t, sub = (typed[0], typed[1]) if typed else ("Programme", "Initiative")
            nxt = _QUOTED_NOUN_AFTER.match(sentence, m.end())
            if nxt and not typed:
                t, sub = _NOUN_TYPE.get(nxt.group(1).lower(), (t, sub))
            found.append(Found(q, s0 + m.start("q"), s0 + m.end("q"), t, sub, "quoted", si))
    return found


def _with_acronym(f: Found, sentence: str, en: int) -> Found:
    """``f`` with the acronym a bracket after it defines: a known name found whole where the
    chunks stopped inside it ("Causeway Coast and Glens Borough Council (CCGBC)") is read
    here, not where the chunk's definitions are."""
    m = _ACR_AFTER.match(sentence, en) if "(" in sentence else None
    if m is not None and is_acronym(m.group("acr")):
        f.acronym = m.group("acr")
    return f


_STREET_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_AND_CO = re.compile(r"\S\s+(?:&|and)\s+(?:Co|Sons|Son|Partners|Daughters)$")
# what a name that _AND_CO matches ends with ("$" may stand before a final newline): tested first, as most names do not
_AND_CO_TAILS = tuple(t + nl for t in ("Co", "Sons", "Son", "Partners", "Daughters") for nl in ("", "\n"))
_PROGRAMME_NOUN_AFTER = re.compile(r"\s+(?:programme|scheme|project|initiative|service)\b", re.I)
_CREATIVE_TRADES = frozenset("print sound film media design pixel digital video audio games screen".split())
_PEERAGE_BEFORE = re.compile(
    r"\b(?:Baron|Baroness|Lord|Lady|Earl|Countess|Viscount|Viscountess|Duke|Duchess|Marquess|Bishop)\s+(?:[A-Z][\w\-]+\s+)?of\s+$"
)
_LIST_BEFORE = re.compile(r"(?:[;,]|\band|&)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:[;,.]|and\b|&|$)")


# "Area: Dudley", "Location: Reading": a label that says a place follows
_PLACE_LABEL_BEFORE = re.compile(r"(?:^|\n)\W*(?:areas?|location|places?|region|county|borough|district|town|city)\W*:\W*$", re.I)


_VENUE_LABEL_AFTER = re.compile(r"\s*\**:\**\s+[^\n]*?\s[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


# "Kingsmere University, Stafford, will …": a body's name, a comma, its town, a stop
_BODY_COMMA_BEFORE = re.compile(r"\b(?P<head>[A-Z][a-z]+)(?:’s|'s)?,\s+$")
_TOWN_STOP_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")


_POSS_PLACE_KIND_AFTER = re.compile(
    r"(?:’s|'s)\s+(?:[a-z][\w\-]*\s+){0,3}?(?:charity|charities|council|college|university|museums?|theatres?|librar(?:y|ies)|schools|"
    r"hospital|town\s+centre|city\s+centre|high\s+street|waterfront|seafront|harbour|neighbourhoods|estates|residents|"
    r"young\s+people|communities|businesses|employers|economy)\b"
)


def _ambiguous_ok(sentence: str, st: int, en: int, other_places: int) -> bool:
    """A homograph place name ("Reading", "Dudley") counts only after a
    preposition ("in Reading"), inside a list of other places, or after a
    body's name and a comma ("the University, Stafford,")."""
    before = sentence[:st]
    if st > 0 and (_PREP_BEFORE.search(before) or _PLACE_LABEL_BEFORE.search(before)):
        return True
    if (b := _BODY_COMMA_BEFORE.search(sentence, max(0, st - 40), st)) and b.group("head").lower() in ORG_HEADS and _TOWN_STOP_AFTER.match(sentence, en):
        return True
    if sentence.startswith(("’s ", "'s "), en) and _POSS_PLACE_KIND_AFTER.match(sentence, en):
        return True  # "Irvine's community arts charity", "Reading's town centre": a place's own
    if not before.strip(" \t•*-–·") and _VENUE_LABEL_AFTER.match(sentence, en):
        return True  # "• Holt: Brimble Hall, Station Road, Holt NR25 6BS": a town labelling a venue's address
    if other_places >= 1 and (
        (st > 0 and _LIST_BEFORE.search(before)) or (st == 0 and _LIST_AFTER.match(sentence, en))
    ):
        return True
    return False


def _body_before_title(name: str) -> str | None:
    """The organisation name before a publication title's words, if any."""
    words = name.split()
    k = len(words)
    while k > 1 and (words[k - 1].lower() in _TITLE_WORDS or words[k - 1].lower() in ("and", "&")
                     or _NUMBER_WORD.fullmatch(words[k - 1])):
        k -= 1
    return " ".join(words[:k]) if 1 < k < len(words) else None


_NUMBER_WORD = re.compile(r"[\d\-–/]+")
_TITLE_WORDS = frozenset(
    "annual accounts impact review report reports strategy summary update newsletter bulletin prospectus".split()
)


_LOWER_DIRECTION = re.compile(r"\b(?:central|north|south|east|west|inner|outer|greater|rural|coastal|northern|southern|eastern|western)\s+$")
_NEIGHBOURHOOD_BEFORE = re.compile(
    r"(?:(?P<site>\b(?:site|sites|based|located|estate|ward|wards|neighbourhood|neighbourhoods|village|villages))\s+)?\bin\s+$"
)
_IN_KNOWN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?P<p>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")
_VENUE_HEADS = frozenset({"head:hub", "head:centre", "head:center"})
# heads that name bodies and programmes alike ("Tarn Skills Academy", "Ideas Lab", "Open Studio")
WEAK_BODY_HEADS = frozenset({"head:academy", "head:lab", "head:labs", "head:hub", "head:exchange", "head:studio", "head:collective"})
_PROGRAMME_AFTER = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:sponsored|programmed|curated)\s+by\b"
    r"|\s*:\s+(?:a|an)\s+(?:[\w\-]+\s+){0,8}?(?:programme|apprenticeship|course|scheme|project|bootcamp|traineeship|pilot)\b"
    # "its Open Studio traineeships", "the Kelby Hub apprenticeship scheme" (not "Kelby Hub sessions": held there)
    r"|\s+(?:[a-z]+\s+)?(?:traineeships?|apprenticeships?|internships?|placements|scheme|programme|campaign|initiative)\b"
)
_AT_BEFORE = re.compile(r"\b(?:at|from)\s+(?:the\s+)?$")


def _type_name(name: str, sentence: str, st: int, en: int, places: PlaceLookup) -> Found:
    if name.endswith(("ouncil", "uthority", "OUNCIL", "UTHORITY")) and is_description(name):
        return Found(name, st, en, None, None, "description", 0)
    gz = places.lookup(name)
    # a named public body or national programme in the gazetteer keeps its curated subtype and identifiers
    for gname, gtype, gsub, gids, _amb in gz:
        if gtype in ("Organisation", "Programme"):
            return Found(gname, st, en, gtype, gsub, "gazetteer", 0, ids=gids,
                         aliases={name} if name != gname else set())
    # (_STRAND_BEFORE ends with a comma before the name: looked for first, at the cost of a slice)
    if sentence[en : en + 1] in (",", ".", ";") and sentence[max(0, st - 80) : st].rstrip().endswith(",") and _STRAND_BEFORE.search(
        sentence, max(0, st - 80), st
    ):
        # "Our newest strand, Future Ready Schools, brings …": the apposition says what it is
        return Found(name, st, en, "Programme", "Initiative", "context:strand-apposition", 0)
    typed = classify(name)
    if typed and typed[0] == "Place":
        # "Liverpool City Region": the gazetteer's entry (with its codes) beats the head noun
        for gname, gtype, gsub, gids, ambiguous in gz:
            if gtype == "Place" and not ambiguous:
                return Found(gname, st, en, gtype, gsub, "gazetteer", 0, ids=gids,
                             aliases={name} if name != gname else set())
    if typed and typed[0] == "Organisation" and typed[2] in _VENUE_HEADS and _AT_BEFORE.search(sentence[:st]):
        # "sessions at Thornaby Hub": a venue named as where something happens is a site
        return Found(name, st, en, "Place", "Site", "context:at-venue", 0)
    if typed is not None and typed[2] == "head:works" and not _PROGRAMME_NOUN_AFTER.match(sentence, en):
        # "West Midlands Works", "ABZ Works": a place's or an acronym's works is an employment
        # programme; "Clifton Print Works", "Tayside Sound Works" are trades; "Liff Road Works",
        # "Pathhead Linoleum Works" are buildings
        lead = name[: -len(" Works")] if name.endswith(" Works") else ""
        area = lead.removeprefix("The ").removeprefix("the ").split()
        if area and area[0].lower() in PLACE_DIRECTIONS:
            area = area[1:]  # "Central London Works"
        if lead and not (is_acronym(lead) or places.lookup(" ".join(area))):
            if lead.split()[-1].lower() in _CREATIVE_TRADES:
                return Found(name, st, en, "Organisation", "Business", "head:works+trade", 0)
            return Found(name, st, en, "Place", "Site", "head:works+site", 0)
    if typed is None and name.endswith(_AND_CO_TAILS) and _AND_CO.search(name):
        # "Forth Floorcloth & Co", "Whitlam & Sons", "Ogilvie Beaton & Partners": a firm
        return Found(name, st, en, "Organisation", "Business", "head:and-co", 0)
    words = name.split()
    # ("Little Hulton", but "the Little Notes programme" is named by its head noun after it)
    # ("Little Listeners", "Little Makers": a plural of people who do something names a group or a session)
    if typed is None and len(words) == 2 and words[0] in PLACE_NAME_PREFIXES and words[1][:1].isupper() and not _LOWER_HEAD_AFTER.match(sentence, en) \
            and not words[1].endswith(("ers", "ors")) and words[1].lower() not in STREET_WORDS:  # ("Nether Street" is a street)
        return Found(name, st, en, "Place", "Town", "context:place-prefix", 0)
    if typed and typed[0] == "Programme" and typed[2].startswith("head:") and (cc := _CHARITY_COPULA.match(sentence, en)):
        # "Heron Pathways is a registered charity", "Fargate Film Works, a Sheffield production
        # company": the text says what the name is
        business = cc.group(0).rstrip().lower().endswith(_BUSINESS_NOUNS) and "interest" not in cc.group(0).lower()
        return Found(name, st, en, "Organisation", "Business" if business else "Charity",
                     "context:is-a-business" if business else "context:is-a-charity", 0)
    if typed and typed[0] == "Organisation" and typed[2] in WEAK_BODY_HEADS:
        # a head noun that names bodies and programmes alike yields to what the text says the name
        # is: "The Kingdom Skills Academy is Fife Council's learning programme", "Ideas Lab is
        # sponsored by …", "the Tarn Engineering Academy: a three-year apprenticeship"
        wm = _IS_A.match(sentence[en:])
        said = " ".join((wm.group("noun2") or wm.group("noun")).lower().split()) if wm and not wm.group("dash") else ""
        if _NOUN_TYPE.get(said, ("Organisation",))[0] == "Programme":
            return Found(name, st, en, *_NOUN_TYPE[said], f"context:is-a-{said.replace(' ', '-')}", 0)
        if _PROGRAMME_AFTER.match(sentence, en):
            return Found(name, st, en, "Programme", "Initiative", "context:is-a-programme", 0)
    if typed and typed[0] == "Place":
        # "the Art House, a cultural hub": an apposition says what the name is
        m = _IS_A.match(sentence[en:])
        if m and m.group("dash") and sentence[:st].strip():
            m = None  # "Watershed, Canon's Road - our festival hub": the dash describes the item, not the street
        noun = (m.group("noun2") or m.group("noun")).lower() if m else ""
        if m and _NOUN_TYPE.get(noun, ("Place",))[0] != "Place":
            t, sub = _NOUN_TYPE[noun]
            return Found(name, st, en, t, sub, f"context:is-a-{noun}", 0)
    if typed and typed[1] == "LocalAuthority" and typed[2] == "head:council" and not _names_a_place(name, places):
        # "Scottish Library and Information Council", "Crafts Council": a council named for a
        # remit, not for a place, is no local authority
        return Found(name, st, en, typed[0], None, typed[2], 0)
    if (typed is None or typed[0] == "Programme") and not gz and sentence[max(0, st - 20) : st].rstrip().lower().endswith(_KIND_ENDINGS) and (
            km := _KIND_BEFORE.search(sentence, max(0, st - 60), st)):
        # "the Goldthorpe charity Dearne Works Together": the kind noun before the name says what it is
        t, sub = _NOUN_TYPE.get(km.group("noun").lower(), ("Organisation", None))
        return Found(name, st, en, t, sub, f"context:kind-before-{km.group('noun').lower().replace(' ', '-')}", 0)
    if typed is None and not gz and st > 0 and (
        sentence.startswith("-based", en)
        or (sentence[st - 2 : st] in ("a ", "n ") and _A_BEFORE.search(sentence, max(0, st - 8), st)
            and _KIND_OF_BODY_AFTER.match(sentence, en) and not _TRADE_THEN_NAME.match(sentence, en))
    ) and len(name.split()) <= 2 and name[:1].isupper() and not _NOT_A_PLACE_WORD.search(name):
        # "a Hanley-based music charity", "McAllister Build, a Dennistoun contractor": a name that
        # places a body (not "a Victorian bank", "a Christian charity": adjectives of time and faith)
        return Found(name, st, en, "Place", "Town", "context:place-of-a-body", 0)
    if typed is None and not gz and _TRADE_THEN_NAME.match(sentence, en) and _AN_BEFORE.search(sentence, max(0, st - 8), st):
        # "the Goldthorpe charity Dearne Works": a name between an article and a kind noun that a
        # name follows is where the body is
        return Found(name, st, en, "Place", "Town", "context:place-before-kind", 0)
    if typed:
        return Found(name, st, en, typed[0], typed[1], typed[2], 0)
    for gname, gtype, gsub, gids, ambiguous in gz:
        if ambiguous and (st == 0 or not _PREP_BEFORE.search(sentence[:st])) and not (
            gtype == "Place" and _AN_BEFORE.search(sentence, 0, st) and _TRADE_AFTER.match(sentence, en)
        ):
            continue  # "Reading the report, ..." is not the town ("a Hamilton charity" is)
        return Found(gname, st, en, gtype, gsub, "gazetteer", 0, ids=gids,
                     aliases={name} if name != gname else set())
    after = sentence[en:]
    ap = (_ACRONYM_AFTER.match(after) or _OTHER_NAME_AFTER.match(after)) if "(" in after else None  # (each opens a bracket)
    if ap:
        after = after[ap.end() :]  # "WorkWise Tarn (WWT) is the programme …": the acronym defined, then the cue
    before = sentence[:st]
    words = name.split()
    if len(words) >= 2 and is_acronym(words[0]) and any(
        t == "Place" for _n, t, *_r in places.lookup(" ".join(words[1:]))
    ):
        # "TUC North West", "NHS Knowsley": a body's branch named by place
        return Found(name, st, en, "Organisation", None, "context:acronym+place", 0)
    if typed is None and before.endswith("the ") and _AT_THE_BEFORE.search(before[-12:]) and (
            tm := _TOWN_AFTER.match(after)) and any(t == "Place" for _n, t, *_r in places.lookup(tm.group("p"))):
        # "held at the Beach Ballroom, Aberdeen": a named place where something happens, in a town
        return Found(name, st, en, "Place", "Site", "context:at-the-venue-in-town", 0)
    if len(words) >= 2 and before.endswith(("based ", "headquartered ")) and _BASED_BEFORE.search(before[-40:]) and not _LOWER_HEAD_AFTER.match(after):
        # "Nottingham-headquartered Trentlight Energy Services", "a Bentley-based X": a body
        return Found(name, st, en, "Organisation", None, "context:x-based", 0)
    noun = _such_as_noun(before)
    if noun:
        t, sub = _NOUN_TYPE.get(noun.lower().rstrip("s"), ("Organisation", None))
        return Found(name, st, en, t, sub, f"context:{noun.lower()}-such-as", 0)
    # _NEIGHBOURHOOD_BEFORE ends "in\s+$" and _TITLE_BEFORE ",\s*$": try them only when the text does
    tail = before.rstrip()
    nb = _NEIGHBOURHOOD_BEFORE.search(before) if len(words) == 1 and tail.endswith("in") else None
    if nb and not _looks_like_person(name, after):
        # "a pilot site in Toxteth", "Cradle to Career in Northwood in Kirkby"
        ik = _IN_KNOWN_PLACE.match(after)
        if nb.group("site") or (ik and any(t == "Place" for _n, t, *_r in places.lookup(ik.group("p")))):
            return Found(name, st, en, "Place", "Neighbourhood", "context:in-neighbourhood", 0)
    folded_before = fold(before)
    cm = _called_before(folded_before)
    if cm:
        t, sub = _NOUN_TYPE.get(cm.group("noun").lower(), ("Programme", "Initiative"))
        return Found(name, st, en, t, sub, f"context:{cm.group('noun').lower()}-called", 0)
    hm = _LOWER_HEAD_AFTER.match(after) or (_OWNER_WORD_BEFORE.search(before[-8:]) and _MODIFIED_HEAD_AFTER.match(after))
    if hm and hm.group(1).lower().startswith(_PLACEMENT_KINDS) and len(words) < 2:
        hm = None  # "Paid traineeships": one capitalised word opening a sentence names nothing
    if hm:
        t, sub = _NOUN_TYPE.get(hm.group(1).lower(), ("Programme", "Initiative"))
        return Found(name, st, en, t, sub, f"context:followed-by-{hm.group(1).lower()}", 0)
    m = _IS_A.match(after)
    if m and m.group("dash") and before.strip():
        m = None  # only a list item's opening name is described by "– a spoken word project"
    if m:
        # "a partnership project": the last noun is the head
        noun = " ".join((m.group("noun2") or m.group("noun")).lower().split())
        t, sub = _NOUN_TYPE.get(noun, ("Organisation", None))
        return Found(name, st, en, t, sub, f"context:is-a-{noun.replace(' ', '-')}", 0)
    if _LAUNCHED.match(after):
        return Found(name, st, en, "Programme", "Initiative", "context:was-launched", 0)
    if tail.endswith(("for", "towards")) and (len(words) >= 2 or (
            _ONE_WORD_PROJECT_AFTER.match(after) and name.lower() not in MONTHS and name.lower() not in _SEASONS
            and not places.is_place_word(name)
            and "£" in before[-60:])) and _FUNDED_FOR.search(before[-120:]):
        # ("receives £98,500 for Mixdown, training young people …": one word, then what it is)
        # "£96,000 to Kestrel Learning CIC for Maths in the Market", "ring-fenced for Set Up"
        return Found(name, st, en, "Programme", "Initiative", "context:funded-for", 0)
    words = name.split()
    if (
        len(words) >= 2
        and words[0].lower() in PLACE_DIRECTIONS
        and places.is_place_word(" ".join(words[1:]))
    ):
        return Found(name, st, en, "Place", "Neighbourhood", "context:direction+place", 0)
    if _PERSON_TITLE.match(name) or _looks_like_person(name, after) or (
        tail.endswith(",") and _TITLE_BEFORE.search(folded_before) and 2 <= len(name.split()) <= 3 and not classify(name)
        and name.split()[0].lower() in given_names()  # "Director, Jo Smith," (not "HR Director, Filton Aero Components")
    ):
        return Found(name, st, en, None, None, "person", 0)
    if (st == 0 and len(words) >= 2 and words[-1].lower() not in _BODY_LIKE_TAILS and _SERVES_PEOPLE_AFTER.match(after)
            and not _looks_like_person(name, after)):
        # "Stage Door gave 280 pupils a first visit …", "Severn Stories took Year 8 pupils …": a
        # headless name whose sentence opens with it doing something for a count of people
        return Found(name, st, en, "Programme", "Initiative", "context:serves-people", 0)
    if len(name.split()) >= 2 and _ORG_VERB.match(after):
        return Found(name, st, en, "Organisation", None, "context:subject-of-org-verb", 0)
    return Found(name, st, en, None, None, "candidate", 0)


_PERSON_AFTER = re.compile(
    r"^\s*(?::|,\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:chief|head|director|chair|founder|ceo|manager|leader|lead|"
    r"principal|professor|minister|secretary|mayor|councillor|cllr|deputy|senior|curator|artist|"
    r"teacher|student|learner|participant|resident|coordinator|co-ordinator|officer|adviser|advisor|"
    r"trustee|member|consultant|producer|editor)\b|\s+(?:said|says|explained|added|told|noted))",
    re.I,
)


_PERSON_TITLE = re.compile(
    r"(?:Mayor|Cllr|Councillor|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Baron|Mr|Mrs|Ms|Miss|Rev|Revd)\.?\s+[A-Z]\w+(?:\s+[A-Z][\w\-’']+){0,2}$"
)
_TITLE_BEFORE = re.compile(
    r"\b(?:chief executive|executive director|director|chair|chairman|chairwoman|founder|ceo|manager|"
    r"principal|head teacher|headteacher|curator|coordinator|co-ordinator|leader|mayor|minister|councillor|cllr)\s*,\s*$",
)  # folded


def _looks_like_person(name: str, after: str = "") -> bool:
    """A speaker label ("Jo Smith: ..."), a name with a job title in apposition, or "X said"."""
    words = name.split()
    if not (1 <= len(words) <= 3) or any(w.isupper() for w in words):
        return False
    m = _PERSON_AFTER.match(after)
    if m is not None and m.group(0).rstrip().endswith(":"):
        # a speaker label is a person's name ("Jo Smith:"); "Digital Doorstep: help with
        # phones" is a list item's name and its description
        # ("Young Doors: drawing challenges …": a name with a word no person's name has is no speaker)
        return (words[0].lower() in given_names() and (len(words) == 1 or personal_name(name))) or words[0].lower().rstrip(".") in _HONORIFICS
    return m is not None


def find_mentions(text: str, sentences: list[tuple[int, int]], places: PlaceLookup) -> list[Found]:
    """All mentions of the document, typed where a rule could type them."""
    out: list[Found] = []
    for si, (s0, s1) in enumerate(sentences):
        if text[s0 : s0 + 1] in _FOOTNOTE_FIRST and _FOOTNOTE.match(text, s0) and _CITATION.search(text, s0, s1):
            continue  # footnote-only citations of a source are not mentions
        if s0 < 300 and BREADCRUMB.fullmatch(text, s0, s1):
            continue  # "Home › About us › Annual review": a site's breadcrumb trail names pages, not bodies
        ms = _sentence_mentions(text, s0, s1, si, places)
        # (only where a known place opens with a direction: "… and South Ayrshire")
        if any(f.type == "Place" and f.name[:1] in _DIRECTION_INITIALS and f.name.split(" ", 1)[0] in _DIRECTIONS for f in ms):
            ms = _elliptical_places(text, s0, s1, si, ms, places)
        out.extend(ms)
    return out


_DIRECTIONS = frozenset("North South East West Mid Central Upper Lower".split())
_DIRECTION_INITIALS = "".join(sorted({d[0] for d in _DIRECTIONS}))  # (a first test that skips most names)
_DIRECTION = "(?:" + "|".join(sorted(_DIRECTIONS)) + ")"
# "East, North and South Ayrshire", "North and South Lanarkshire": directions sharing one place name
_ELLIPTICAL = re.compile(
    rf"\b(?P<dirs>(?:{_DIRECTION}\s*,\s*)*{_DIRECTION})\s*,?\s+(?:and|&|or)\s+{_DIRECTION}\s+(?P<base>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)
_DIRECTION_WORD = re.compile(_DIRECTION)


def _elliptical_places(text: str, s0: int, s1: int, si: int, ms: list[Found], places: PlaceLookup) -> list[Found]:
    """Each direction of "East, North and South Ayrshire" names the known place it makes with
    the shared name ("East Ayrshire", "North Ayrshire"): a mention at the direction's word."""
    for m in _ELLIPTICAL.finditer(text, s0, s1):
        for d in _DIRECTION_WORD.finditer(text, m.start("dirs"), m.end("dirs")):
            for gname, gtype, gsub, gids, _amb in places.lookup(f"{d.group()} {m.group('base')}"):
                if gtype == "Place":
                    ms = [f for f in ms if not (f.start < d.end() and d.start() < f.end)]
                    ms.append(Found(gname, d.start(), d.end(), "Place", gsub, "gazetteer:elliptical", si, ids=gids))
                    break
    return ms


def _named_for_nation(name: str, places: PlaceLookup) -> bool:
    """"Ladder Cymru", "Youth Scotland", "Working Wales": a name that ends in a nation's name and
    that no gazetteer knows names something working there, not the nation ("Rural Wales", "North
    Wales" do name a part of it)."""
    nw = name.split()
    return (len(nw) >= 2 and nw[-1] in _NATIONS and nw[0] not in ("The", "the") and not places.lookup(name)
            and not any(w.lower() in _NOT_BODY_BEFORE_NATION or places.is_place_word(w) for w in nw[:-1]))


_NATIONS = frozenset({"Cymru", "Wales", "Scotland", "England", "Alba", "Éireann"})
_NOT_BODY_BEFORE_NATION = frozenset(
    "rural urban north south east west mid central northern southern eastern western modern post-war medieval "
    "industrial coastal upland lowland greater inner outer old new all across throughout in of for to from and "
    "devolved independent post-industrial contemporary victorian georgian historic".split()
)
_COUNCIL_AFTER = re.compile(r"\s+(?:(?:City|District|Borough|County|County\s+Borough)\s+)?Council\b")
_AND_REST = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?(?P<n>[A-Z].*)")
_SEASONS = frozenset("christmas easter summer winter spring autumn halloween diwali eid ramadan hanukkah vaisakhi".split())
_ONE_WORD_PROJECT_AFTER = re.compile(r",\s+(?:an?\s|the\s|which\s|[a-z]+ing\s)")
_AT_THE_BEFORE = re.compile(r"\bat\s+the\s+$")
_TOWN_AFTER = re.compile(r",\s*(?P<p>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})(?![\w’'\-])")
_WRAPPED_AND = re.compile(r"\s+and\s+")
_CAMPUS_OWNERS = frozenset({"college", "university", "colleges", "academy"})
_ACRONYM_AFTER = re.compile(r"\s*\((?:the\s+)?[A-Z][A-Za-z0-9&]{1,9}\)(?=\s)")
# "Llwybrau Tarn (Tarn Pathways) is a charity", "Cyswllt Tarn (Tarn Link), a partnership": a
# name's other-language or other name in brackets, then what the name is
_OTHER_NAME_AFTER = re.compile(
    r"\s*\((?P<alt>[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|a|and|of|the|for|yr|y|an|na|nan|&)){1,6})\)"
    r"(?=\s+(?:is|was)\s+(?:a|an|the)\s|,\s+(?:a|an|the|our|its|their)\s)"
)
_SHORT_FORM_AFTER = re.compile(r"\s*\((?P<alt>[A-Z][\w’'&\-]*\s+[A-Z][a-z]+)\)")


def _short_form(alt: str, name: str) -> bool:
    """Whether ``alt`` is ``name`` shortened to its initials and its head noun ("D&A College" for
    "Dundee and Angus College"), not another name ("Small Collections Fund")."""
    first, head = alt.split()
    words = name.split()
    return len(words) >= 3 and words[-1] == head and is_acronym(first) and acronym_matches(first, " ".join(words[:-1]))
def _gloss_after(joins: str, more: str) -> re.Pattern[str]:
    """ "(the Cefni Trust)" after a name: a bracketed name of capitalised words and ``joins``."""
    return re.compile(rf"\s*\((?:the\s+)?(?P<alt>[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|{joins})){{{more}}})\)")


_GLOSS_AFTER = _gloss_after("and|of|for|&", "1,6")
# (either language's connectors, and a one-word gloss: "Ffiniau (Borderlands)")
_WELSH_GLOSS_AFTER = _gloss_after("and|of|for|to|the|in|on|at|with|&|a|y|yr|i|o", "0,6")
_CRUMB = r"[^\n›»>/|]{1,40}?"
# "Home › About us › Annual review", "[News](/news) › X", "Home / About us / …" ('/' and '>' only after "Home")
BREADCRUMB = re.compile(rf"\s*(?:{_CRUMB}(?:\s+[›»]\s+{_CRUMB}){{1,6}}|Home(?:\s+[>/]\s+{_CRUMB}){{1,6}})\s*")
# the last words of headless names that are most often bodies' ("Teme Valley Arts", "Kessock Digital")
_BODY_LIKE_TAILS = frozenset("arts music dance media digital works productions creative learning education".split())
_SERVES_PEOPLE_AFTER = re.compile(
    r"\s+(?:gave|gives|took|takes|placed|places|brought|brings|offered|offers|reached|paired|matched|introduced|"
    r"welcomed|invited|sent|put)\s+(?:more\s+than\s+|over\s+|around\s+|nearly\s+|almost\s+|some\s+)?"
    r"(?:(?:\d[\d,]*|every|all|each|twenty|thirty|forty|fifty|sixty|a\s+hundred|hundreds\s+of)\s+|(?=Year\s+\d))"
    r"(?:(?:[a-z\-]+|Year\s+\d+)\s+){0,2}?"
    r"(?:pupils|young\s+people|children|students|learners|residents|families|adults|artists|people|trainees|participants|teenagers|schools|women|men)\b"
)
_FOOTNOTE = re.compile(r"[¹²³⁰⁴⁵⁶⁷⁸⁹]+\s|\[\d{1,3}\]\s")
_FOOTNOTE_FIRST = "¹²³⁰⁴⁵⁶⁷⁸⁹["  # the characters a _FOOTNOTE match opens with (looked at first)
# what makes a footnote a citation of a source: a year in brackets, a link, "available at"
_CITATION = re.compile(r"\((?:19|20)\d\d\)|https?://|www\.|\]\(|available at|accessed|retrieved|p\.\s?\d", re.I)


def _bad_name(name: str) -> bool:
    words = name.split()
    if not words or len(name) < 2:
        return True
    low = name.lower()
    if low in NOT_NAMES or all(w.lower() in NOT_NAMES or w.lower() in MONTHS for w in words):
        return True
    if words[-1].lower() in NON_ENTITY_HEADS:
        return True
    if len(words) == 1 and low in _NUMBER_NAMES:
        return True  # "Five projects in Halton …", "Three projects to watch": a count, not a name
    if len(words) >= 2 and words[0].rstrip(".").lower() in _HONORIFICS and words[-1].lower() not in ORG_HEADS:
        return True  # "Professor Helen Ward": a person (but "Sir James Knott Trust" is a trust)
    if name.isupper() and len(words) >= 3 and any(w in _CAPS_HEADING_WORDS for w in words):
        return True  # "SUPPORT AFTER THE FAIR": a heading in capitals, not a name
    if _BODY_ORGAN.fullmatch(low):
        return True  # "Board of Trustees", "the Strategic Board": an organ of a body, not a body
    if all(w in _REMIT_WORDS for w in low.replace("-", " ").split()):
        return True  # "Economy and Skills", "Culture and Libraries": a job's or a directorate's remit
    return bool(_NO_LETTERS.fullmatch(name))


# the words of a remit ("Director of Economy and Skills", "Head of Culture and Libraries"): a name
# made of them alone names no body and no programme
_REMIT_WORDS = frozenset(
    "and & culture cultural libraries library economy economic skills leisure inclusion learning development "
    "research jobs benefits creative adult heritage tourism sport education employment "
    "housing health wellbeing regeneration planning environment innovation work based growth place "
    "engagement arts".split()
)


_BODY_ORGAN = re.compile(
    r"(?:the\s+|our\s+)?(?:board\s+of\s+(?:trustees|directors|governors|management)"
    r"|(?:strategic|advisory|programme|project|steering|management|partnership|employer|executive|trustee)\s+(?:board|group|committee)"
    # "the Youth Service", "the Culture and Heritage Team", "Civic Office": a council's unit named by its work
    r"|[a-z]+\s+(?:service|team|unit|directorate))"
)


_BASED_BEFORE = re.compile(r"[A-Za-z]-(?:based|headquartered)\s+$")
_LIST_OPENER = re.compile(r"\b(?:such\s+as|including|includes|include)\s+$")
_NO_LETTERS = re.compile(r"[\d\W]+")
_NUMBER_NAMES = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty hundred dozen several many both".split()
)
_HONORIFICS = frozenset("professor prof dr cllr councillor sir dame mr mrs ms rev revd baroness".split())
_CAPS_HEADING_WORDS = frozenset("THE AFTER BEFORE WITH YOUR OUR HOW WHAT WHO WHERE WHEN WHY TO IN AT ON BY FROM IS ARE".split())


def acronym_index(found: list[Found], text: str, places: PlaceLookup | None = None) -> dict[str, Found]:
    """Acronym -> the mention that defines it ("Long Name (LN)" or "LN (Long Name)")."""
    index: dict[str, Found] = {}
    for f in found:
        if f.acronym and f.type is not None:
            index.setdefault(f.acronym, f)
    _other_names(found, text, index, places)
    # reverse definitions: "DWP (Department for Work and Pensions)"
    by_start = {f.start: f for f in found}
    for f in found:
        first = f.name.split()[0] if f.name.split() else ""
        # "DWP (Department for ...)", and "TUC Midlands (Trades Union Congress)"
        acr = f.name if is_acronym(f.name) else first if is_acronym(first) else None
        if acr:
            m = _EXP_AFTER.match(text, f.end)
            if m:
                inner = by_start.get(m.start("exp"))
                if inner is None:
                    inner = by_start.get(m.start("exp") + 4)
                if inner is not None and inner.type is not None and acronym_matches(acr, inner.name):
                    index.setdefault(acr, inner)
                    inner.aliases.add(acr)
    return index


def _other_names(found: list[Found], text: str, index: dict[str, Found], places: PlaceLookup | None) -> None:
    """A name's other name in brackets before what it is ("Llwybrau Tarn (Tarn Pathways) is a
    charity"): one entity. The bracketed form is an alias, and its later uses stand for the name
    (entered in ``index`` as an acronym would be). Place names in brackets are where, not names."""
    by_start = {f.start: f for f in found}
    for f in found:
        if f.type is None or f.type == "Place" or text[f.end : f.end + 2].lstrip()[:1] != "(":
            continue
        m = _OTHER_NAME_AFTER.match(text, f.end)
        if m is None and (s := _SHORT_FORM_AFTER.match(text, f.end)) is not None and _short_form(s.group("alt"), f.name):
            m = s  # "Dundee and Angus College (D&A College)": its initials, then the name's head noun
        if m is None and f.rule.startswith("head:") and f.rule[5:] in WELSH_HEADS:
            # "Ymddiriedolaeth Cefni (the Cefni Trust)": a Welsh name and its English gloss
            m = _GLOSS_AFTER.match(text, f.end)
        if m is None and (g := _WELSH_GLOSS_AFTER.match(text, f.end)) is not None and looks_welsh(f.name) != looks_welsh(g.group("alt")):
            # "Gwlân a Gwaith (Wool and Work)", "Isle of Anglesey County Council (Cyngor Sir Ynys Môn)":
            # a name and its other-language form, one Welsh and one not
            m = g
        if m is None:
            continue
        alt = m.group("alt")
        inner = by_start.get(m.start("alt"))
        if (inner is not None and inner.type == "Place") or is_acronym(alt) or (places is not None and places.lookup(alt)):
            continue
        f.aliases.add(alt)
        if inner is not None and inner.end == m.end("alt") and not inner.ids:
            index.setdefault(alt, f)


@dataclass(slots=True)
class Group:
    """A local entity under construction."""

    name: str
    type: str
    subtype: str | None
    mentions: list[Found]
    aliases: set[str]
    ids: tuple[tuple[str, str], ...] = ()


def group_mentions(found: list[Found], text: str, acronyms: dict[str, Found]) -> tuple[list[Group], dict[int, int]]:
    """Group typed mentions into local entities; return groups and mention-index -> group-index."""
    groups: list[Group] = []
    by_key: dict[tuple[str, str], int] = {}
    where: dict[int, int] = {}

    # a document names an entity many times: normalise and check each name once
    keys: dict[str, str] = {}
    bad: dict[str, bool] = {}

    def key_of(f: Found) -> tuple[str, str]:
        if f.name not in keys:
            keys[f.name] = norm_key(f.name)
        return (f.type or "", keys[f.name])

    def bad_name(name: str) -> bool:
        if name not in bad:
            bad[name] = _bad_name(name)
        return bad[name]

    # a name the text says outright is a programme or a body ("Next Chapter, a reading
    # programme") stands, whatever its last word ("Chapter" mostly heads no name)
    vouched = {f.name for f in found if f.rule.startswith("context:is-a-") and " " in f.name}
    # 1. full names (not bare acronyms) by normalised key
    for i, f in enumerate(found):
        if f.type is None or (bad_name(f.name) and f.name not in vouched):
            continue
        if f.name in acronyms and acronyms[f.name] is not f:
            continue  # an acronym (or a bracketed other name) used for its definition
        k = key_of(f)
        if k not in by_key:
            by_key[k] = len(groups)
            groups.append(Group(f.name, f.type, f.subtype, [], set(), f.ids))
        g = groups[by_key[k]]
        g.mentions.append(f)
        g.aliases.add(f.name)
        g.aliases.update(f.aliases)
        if f.acronym:
            g.aliases.add(f.acronym)
        if g.subtype is None and f.subtype:
            g.subtype = f.subtype
        if not g.ids and f.ids:
            g.ids = f.ids
        where[i] = by_key[k]
    # 2. acronyms used alone -> their definition
    for i, f in enumerate(found):
        if i in where:
            continue
        target = acronyms.get(f.name) or acronyms.get(f.name.rstrip("s")) or acronyms.get(f.name + "s")
        if target is not None and target.type is not None:
            k = key_of(target)
            if k in by_key:
                gi = by_key[k]
                groups[gi].mentions.append(f)
                groups[gi].aliases.add(f.name)
                where[i] = gi
    # 3. short forms -> long forms of the same type ("Arts Council" -> "Arts Council England")
    merged: dict[int, int] = {}
    # candidates share the first or the last word, or are equal without "of"
    by_word: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for (t, long_), gj in by_key.items():
        words = long_.split()
        if words:
            for w in {words[0], words[-1]}:
                by_word[(t, w)].append((long_, gj))
    for (t, short), gi in sorted(by_key.items(), key=lambda kv: len(kv[0][1])):
        words = short.split()
        if not words:
            continue
        cands = by_word.get((t, words[0]), []) + by_word.get((t, words[-1]), [])
        targets = {gj for long_, gj in cands if gj != gi and variant_rule(short, long_) is not None}
        if len(targets) == 1:
            merged[gi] = targets.pop()
    for gi, gj in merged.items():
        while gj in merged and merged[gj] != gi:
            gj = merged[gj]
        groups[gj].mentions.extend(groups[gi].mentions)
        groups[gj].aliases.update(groups[gi].aliases)
        for i, gk in list(where.items()):
            if gk == gi:
                where[i] = gj
    keep = sorted(set(where.values()))
    remap = {old: new for new, old in enumerate(keep)}
    out_groups = [groups[g] for g in keep]
    for g in out_groups:
        counts: dict[str, int] = defaultdict(int)
        for f in g.mentions:
            counts[f.name] += 1
        for a in g.aliases:
            counts[a] += 0
        other = [a for a in counts if a in acronyms and acronyms[a].name != a and not is_acronym(a)]
        if 0 < len(other) < len(counts):
            for a in other:
                del counts[a]  # "Heron Steps (Tarn Pathways)": the name before the brackets is the name
        g.name = preferred_name(counts)
    return out_groups, {i: remap[g] for i, g in where.items()}


def preferred_name(counts: dict[str, int]) -> str:
    """The preferred label among the forms seen (with mention counts).

    Acronyms and short forms of another form seen are passed over; among the
    rest the most mentioned wins, then the longest, then the first in order.

    >>> preferred_name({"Barnsley Council": 5, "Barnsley Metropolitan Borough Council": 1})
    'Barnsley Metropolitan Borough Council'
    >>> preferred_name({"Arts Council England": 1, "Arts Council of England": 1, "ACE": 3})
    'Arts Council England'
    >>> preferred_name({"KESTREL VALE COUNCIL": 2, "Kestrel Vale Council": 1})
    'Kestrel Vale Council'
    """
    forms = [f for f in counts if not is_acronym(f)] or list(counts)
    forms = [f for f in forms if not (f.startswith("The ") and f[4:] in counts)] or forms
    # "HARBOURSIDE BOROUGH COUNCIL" (a title in capitals) gives way to the name as written in the text
    forms = [f for f in forms if not f.isupper()] or forms
    if len(forms) == 1:
        return forms[0]
    keys = {f: norm_key(f) for f in forms}
    maximal = [
        f for f in forms
        if not any(g != f and variant_rule(keys[f], keys[g]) for g in forms)
    ] or forms
    return max(sorted(maximal), key=lambda f: (counts[f], len(f.split()), len(f)))


def variant_rule(short: str, long_: str) -> str | None:
    """Name why normalised name ``short`` is a short form of ``long_`` (or None).

    >>> variant_rule("arts council", "arts council england")
    'generic-tail'
    >>> variant_rule("barnsley council", "barnsley metropolitan borough council")
    'dropped-modifiers'
    >>> variant_rule("job rotation pilot", "coventry job rotation pilot")
    'place-prefix'
    >>> variant_rule("reading room", "fielden square reading room")
    'place-prefix'
    >>> variant_rule("arts council of england", "arts council england")
    'without-of'
    >>> variant_rule("leeds city council", "bradford city council") is None
    True
    >>> variant_rule("tarnbeck college", "tarnbeck college group") is None
    True
    """
    if short == long_:
        return None
    sw, lw = short.split(), long_.split()
    if long_.startswith(short + " "):
        rest = lw[len(sw) :]
        if rest[0] in ("group", "network") and sw[-1] in ORG_HEADS:
            return None  # "Tarnbeck College Group" brings the college together with others
        if len(rest) <= 2 and all(w in _GENERIC_TAILS for w in rest):
            return "generic-tail"
        if len(rest) == 1 and (rest[0] in ORG_HEADS or rest[0] in PROGRAMME_HEADS) and len(sw) <= 2:
            return "head-added"
    if (
        len(sw) >= 2
        and len(lw) > len(sw)
        and lw[-1] == sw[-1]
        and lw[: len(sw) - 1] == sw[:-1]
        and all(w in ORG_HEAD_MODIFIERS for w in lw[len(sw) - 1 : -1])
    ):
        return "dropped-modifiers"
    if (
        len(sw) >= 2
        and long_.endswith(" " + short)
        and len(lw) - len(sw) <= 4  # "Combined Authority" of "Liverpool City Region Combined Authority"
        and (sw[-1] in PROGRAMME_HEADS or sw[-1] in ORG_HEADS or sw[-1] in PLACE_HEADS)  # (and "Reading Room")
    ):
        return "place-prefix"
    if " of " in f" {short} " and short.replace(" of ", " ") == long_:
        return "without-of"
    return None


_IN_BEFORE = re.compile(r"\bin\s$")
_LAST_AND = re.compile(r"\s+and\s+(?!.*\sand\s)", re.S)
# "such as Ore, [Hollington and Broomgrove]": one-word items listed before (not "In Burnley, [Looms and Lives]")
_ONE_WORD_ITEM_BEFORE = re.compile(r"(?:\b(?:such\s+as|including|like|includes?)|,)\s+[A-Z][\w’'\-]+,\s+$")
_GENERIC_TAILS = frozenset(
    "charity trust ltd limited plc cic group england uk network programme project".split()
)


_AGENTIVE_AFTER = re.compile(
    r"(?:’s|'s)|\s+(?:are|have|work|works|worked|aims?|will|also|want|wants|"
    r"provides?|supports?|delivers?|funds?|funded|invests?|invested|launched|runs?|leads?|commissioned|says?|said)\b"
)
_PLACE_BODY_HEADS = ("council", "authority")
_PLACE_PREP_BEFORE = re.compile(r"\b(?:across|in|throughout|around|from|of|for|to|near|at|within|between|into|covering)\s+(?:the\s+)?$", re.I)


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*")


def place_bodies(found: list[Found], text: str) -> None:
    """Place names used for the body that governs them ("Hampshire's skills
    strategy", "Tees Valley aims to …") become mentions of that body when the
    document names it ("Hampshire County Council"). In place."""
    orgs = [f for f in found if f.type == "Organisation" and f.name.split()[-1].lower() in _PLACE_BODY_HEADS]
    places = sorted((f for f in found if f.type == "Place"), key=lambda f: f.start)
    agentive: set[int] = set()
    # runs of places joined by commas and "and": "A and B work with" makes both A and B agents,
    # but not "adults across A, B and C will be able to": a place after a preposition is a place
    runs: list[list[Found]] = []
    for f in places:
        if runs and _LIST_GAP.fullmatch(text[runs[-1][-1].end : f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    for run in runs:
        if _AGENTIVE_AFTER.match(text, run[-1].end) and not _PLACE_PREP_BEFORE.search(text, max(0, run[0].start - 20), run[0].start):
            agentive.update(id(f) for f in run)
    for f in places:
        if id(f) not in agentive:
            continue  # (most places: looked at first, before the organisations are)
        bodies = {o.name for o in orgs if o.name.startswith(f.name + " ")}
        if len(bodies) != 1:
            continue
        body = next(o for o in orgs if o.name in bodies)
        f.aliases = {f.name}
        f.name, f.type, f.subtype, f.ids, f.rule = body.name, body.type, body.subtype, (), "context:place-for-body"


def drop_covered_places(found: list[Found]) -> list[Found]:
    """A place inside a typed organisation or programme name is part of that
    name, not a mention of the place ("Transport for Greater Manchester")."""
    spans = sorted((f.start, f.end) for f in found if f.type in ("Organisation", "Programme"))
    starts = [a for a, _b in spans]
    # reach[k]: the furthest end of the first k spans (by start)
    reach = [-1, *accumulate((b for _a, b in spans), max)]

    def covered(s: int, e: int) -> bool:
        # a span (a, b) other than (s, e) with a <= s and e <= b: one that starts
        # before s and reaches e, or one that starts at s and reaches past e
        return reach[bisect_left(starts, s)] >= e or reach[bisect_right(starts, s)] > e

    return [f for f in found if not (f.type == "Place" and covered(f.start, f.end))]
