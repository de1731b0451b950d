"""Find the names in a sentence: capitalised chunks, head nouns, acronyms, quotes.

The rules are plain functions over strings and spans so tests can call them:

* :func:`tokens` splits a sentence into word tokens with spans;
* :func:`chunks` groups capitalised words (with inner connectors such as
  "of", "and", "&") into candidate names, trimming sentence-initial words,
  job titles ("Chief Executive of …") and possessives;
* :func:`split_coordination` splits "A Theatre and B Mill" into two names and
  distributes a plural head ("Babergh and Mid Suffolk District Councils");
* :func:`classify` types a name from its head noun ("… Council" ->
  Organisation/LocalAuthority, "… Fund" -> Programme/FundingProgramme).

>>> [c.text for c in chunks("Working with Leeds City Council and the Arts Council England today.")]
['Leeds City Council and the Arts Council England']
>>> [n for n, _ in split_coordination('Leeds City Council and the Arts Council England')]
['Leeds City Council', 'Arts Council England']
>>> classify("Leeds City Council")
('Organisation', 'LocalAuthority', 'head:council')
>>> [n for n, _ in split_coordination("Babergh and Mid Suffolk District Councils")]
['Babergh District Council', 'Mid Suffolk District Council']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from graph.extract.lexicon import (
    CONNECTORS,
    CONNECTORS_BEFORE_THE,
    COUNCIL_KINDS,
    LEADING_STOP,
    LEGAL_FORMS,
    NON_ENTITY_HEADS,
    NOT_NAMES,
    ORG_HEAD_MODIFIERS,
    ORG_HEADS,
    PLACE_DIRECTIONS,
    PLACE_HEADS,
    PROGRAMME_HEADS,
    STREET_WORDS,
    TITLE_WORDS,
    personal_name,
)
from graph.extract.tables import funder_cues
from graph.textnorm import fold, norm_key

_TOKEN = re.compile(r"[^\W_][\w’'\-]*(?:–[A-Z][\w’'\-]*)*[^\W_]|[^\W_]|&")
# _TOKEN for a sentence with no word character outside ASCII (no "é", no footnote marker
# "¹"), where \w means [A-Za-z0-9_]: spelled so, as one class ahead of the alternatives, which
# lets the regex engine skip to the next letter, digit or "&" by table lookup (with _TOKEN
# it tries a match at every character; tokens() is a tenth of the extraction time). The
# first character is "&" (a token alone) or a letter or digit that goes on
# as in _TOKEN's first alternative, else (nothing after it) a one-letter token
_TOKEN_ASCII = re.compile(r"[A-Za-z0-9&](?:(?<=&)|[A-Za-z0-9_’'\-]*(?:–[A-Z][A-Za-z0-9_’'\-]*)*[A-Za-z0-9]|)")
# a word character outside ASCII ("£", "•", "’", "–" are none)
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")
_HYPHEN_CUE = re.compile(
    r"^(?P<name>.+?)-(?P<cue>based|wide|funded|led|run|backed|supported|headquartered|owned|born)$"
)
# possessives that live inside names: "Mayor's Jobs Taskforce", "Children's Society"
_NAME_POSSESSIVES = frozenset(
    "mayor mayors king queen prince princess children people women men st lord "
    # people-group plurals inside society and trust names: "Gentlemen's Society", "Weavers' Heritage Trust"
    "gentlemen ladies workers friends farmers teachers sailors seamen fishermen miners weavers musicians "
    "artists writers veterans students parents carers citizens traders merchants".split()
)
# lower-case heads that complete a name: "Palmer Park library", "Romsey Mill charity"
_TRAILING_HEADS = frozenset(
    "library charity museum theatre gallery college school trust foundation centre hub".split()
)
_A_BEFORE = re.compile(r"(?:^|\s)an?\s$")
_NATION_ADJECTIVES = frozenset("Scottish Welsh English British Irish Cornish Manx Ulster UK".split())
_KIND_AFTER_HEAD = frozenset("company companies group groups collective network shop project programme service".split())
# the heads after a founder's possessive that make one name: "Kirkland's Bakehouse", "Hope's Trust"
_FOUNDER_HEADS = frozenset(w for w, (_t, sub) in ORG_HEADS.items() if sub in ("Business", "Charity", "CulturalOrganisation"))
# Welsh head nouns, which open a name (the mutated forms after "y"/"yr" too)
WELSH_HEADS: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(("ysgol", "coleg", "prifysgol"), ("Organisation", "EducationProvider")),
    **dict.fromkeys(("amgueddfa", "amgueddfeydd", "llyfrgell", "theatr", "oriel", "canolfan", "archifau"), ("Organisation", "CulturalOrganisation")),
    "cyngor": ("Organisation", "LocalAuthority"),
    **dict.fromkeys(("menter", "ymddiriedolaeth", "cymdeithas", "mudiad"), ("Organisation", "Charity")),
    "cwmni": ("Organisation", "Business"),
    **dict.fromkeys(("grŵp", "grwp"), ("Organisation", None)),
    "partneriaeth": ("Organisation", "Partnership"),
    **dict.fromkeys(("prosiect", "rhaglen", "cynllun", "gŵyl", "gwyl"), ("Programme", "Initiative")),
    "cronfa": ("Programme", "FundingProgramme"),
}
# strong marks of Welsh spelling; weak ones ("Ll", "Rh", "dd": "Lloyd", "Huddersfield") count in twos
_WELSH_STRONG = re.compile(r"[ŵŷâêîôûŴŶÂÊÎÔÛ]|^Ff[a-z]|[’']r$|^(?:cymru|cymraeg|cymreig)$", re.I)
_WELSH_WEAK = re.compile(r"^(?:Ll|Rh)[a-z]|dd")
_WELSH_JOINS = frozenset("a y yr i o ac".split())
_ENGLISH_JOINS = frozenset("and the of for to with & in on at".split())


def looks_welsh(name: str) -> bool:
    """Whether a name reads as Welsh: a Welsh head noun, Welsh spelling ("Llechi’r Byd",
    "Fforwm Ieuenctid", "Gwlân a Gwaith") or a Welsh connector between capitalised words
    ("Afon a Masnach"), and no English connector. An English gloss in brackets beside such a
    name is the same thing's other name.

    >>> [looks_welsh(n) for n in ("Afon a Masnach", "Cyngor Sir Ynys Môn", "River and Trade", "Huddersfield Arts Trust")]
    [True, True, False, False]
    """
    words = name.split()
    if not words or any(w.lower() in _ENGLISH_JOINS for w in words):
        return False
    if words[0].lower() in WELSH_HEADS or any(_WELSH_STRONG.search(w) for w in words):
        return True
    if sum(len(_WELSH_WEAK.findall(w)) for w in words) >= 2:
        return True
    return any(w in _WELSH_JOINS and 0 < k < len(words) - 1 for k, w in enumerate(words))


# a postcode's two halves ("NP4 7PZ", "SW1A 2AA")
_OUTWARD = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?$")
_INWARD = re.compile(r"\d[A-Z]{2}$")
_PLURAL_NOUN_TAIL = re.compile(r"(?:ies|ings|ers|ors|ments|ions|ures|ades)$")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_TAKEN_BEFORE = re.compile(r"\b(?:extend|extends|extended|extending|expand|expands|expanded|take|takes|took|bring|brings|brought|out)\s+(?:the\s+)?$")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+(?:the\s+)?$")
_THE_LEAD = re.compile(r"^[Tt]he\s+")


def _possessive_end(word: str) -> int:
    """The length of the possessive ending of a token, 0 if none: what :data:`_POSSESSIVE`
    matches in it (a token holds no newline for the "$" to stop before), read with two
    ``endswith`` calls, which cost a fraction of a regex search."""
    if word.endswith(("’s", "'s")):
        return 2
    return 1 if word.endswith(("’", "'")) else 0


ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")


#: A word of a sentence with its span in the sentence: (text, start, end). A plain
#: tuple: tokens are built and read a great deal, and a tuple is the cheapest to
#: build (a third of the time of a slotted dataclass) and as quick to read.
Token = tuple[str, int, int]


@dataclass(slots=True)
class Chunk:
    """A candidate name: its text, its span in the sentence and how it was cut."""

    text: str
    start: int
    end: int
    possessive: bool = False
    cue: str | None = None
    """A hyphen cue glued to the name ("Bradford-based" -> cue "based")."""


_SUP = "¹²³⁰⁴⁵⁶⁷⁸⁹"
# heads that take "on" inside a name: "Commission on Neighbourhoods", "Committee on Skills"
_ON_HEADS = frozenset("commission committee panel board inquiry forum conference taskforce council".split())


_TOKEN_SPECIAL = re.compile("[-–" + _SUP + "]")
# _TOKEN for a sentence with no hyphen, dash nor footnote marker: letter and digit runs
# joined by apostrophes (or "_"), matched without the backtracking of _TOKEN's final [^\W_]
_PLAIN_TOKEN = re.compile(r"[^\W_]+(?:[’'_]+[^\W_]+)*|&")
# (spelled for ASCII words as _TOKEN_ASCII is: a letter or digit, then the longest run of
# token characters after it that ends in a letter or digit, if any)
_PLAIN_TOKEN_ASCII = re.compile(r"[A-Za-z0-9&](?:(?<=&)|[A-Za-z0-9_’']*(?<=[A-Za-z0-9]))")


@lru_cache(maxsize=8192)
def tokens(sentence: str) -> tuple[Token, ...]:
    """Split ``sentence`` into word tokens; "X-based" yields the name X and a cue token."""
    if sentence.isascii():  # (reads a flag)
        ascii = True
        special = "-" in sentence  # of _TOKEN_SPECIAL's characters an ASCII sentence can hold only "-"
    else:
        ascii = _NON_ASCII_WORD.search(sentence) is None
        special = _TOKEN_SPECIAL.search(sentence) is not None
    if not special:
        # no hyphen, dash or footnote marker: every match is a plain token (the common case)
        rx = _PLAIN_TOKEN_ASCII if ascii else _PLAIN_TOKEN
        return tuple([(m[0], m.start(), m.end()) for m in rx.finditer(sentence)])
    rx = _TOKEN_ASCII if ascii else _TOKEN
    if _HYPHEN_CUE_WORD.search(sentence) is None and (ascii or _SUP_MARK.search(sentence) is None):
        # "long-term", "2024–25", but no "-based" cue nor footnote marker: every match is a
        # token as it stands (what _general_tokens makes of it)
        return tuple([(m[0], m.start(), m.end()) for m in rx.finditer(sentence)])
    return _general_tokens(sentence, rx)


# where _general_tokens changes a match: a hyphen cue that may end one (_HYPHEN_CUE), a footnote marker
_HYPHEN_CUE_WORD = re.compile(r"-(?:based|wide|funded|led|run|backed|supported|headquartered|owned|born)")
_SUP_MARK = re.compile("[" + _SUP + "]")


def _general_tokens(sentence: str, rx: re.Pattern[str] = _TOKEN) -> tuple[Token, ...]:
    """:func:`tokens` for any sentence: footnote markers cut off, hyphen cues split."""
    out: list[Token] = []
    for m in rx.finditer(sentence):
        word = m[0]
        start, end = m.span()
        if "-" not in word and word[-1] not in _SUP:
            out.append((word, start, end))  # most words of any sentence
            continue
        if word[-1] in _SUP:
            # a footnote marker glued to a word ("Foundation¹") is not part of it
            word = word.rstrip(_SUP)
            if not word:
                continue
            end = start + len(word)
        hm = _HYPHEN_CUE.match(word) if "-" in word else None
        if hm and hm.group("name")[:1].isupper():
            n = hm.group("name")
            out.append((n, start, start + len(n)))
            out.append(("-" + hm.group("cue"), start + len(n), end))
        else:
            out.append((word, start, end))
    return tuple(out)


def clear_caches() -> None:
    """Empty the caches of the pure functions of a sentence or a name (:func:`tokens`,
    :func:`capitalised`, :func:`head_of`, :func:`classify`, :func:`is_acronym`,
    :func:`graph.textnorm.norm_key`, :func:`graph.extract.tables.funder_cues`).

    They are bounded and keep their entries from one document to the next, which
    helps a corpus where names recur; a benchmark that repeats its documents clears
    them before each one, so repeats are not served from memory.
    """
    for f in (tokens, capitalised, head_of, classify, is_acronym, norm_key, funder_cues):
        f.cache_clear()


@lru_cache(maxsize=1024)
def capitalised(sentence: str) -> tuple[int, ...]:
    """The indices of the capitalised tokens of ``sentence`` (:func:`is_cap`), where names
    start: :func:`chunks` and the gazetteer lookup both start from them."""
    return tuple([n for n, t in enumerate(tokens(sentence)) if t[0][0].isupper()])  # is_cap, inlined; no token is empty


def is_cap(word: str) -> bool:
    """A word that can be part of a proper name (capitalised, or an acronym)."""
    return word[:1].isupper()


def _dated_row(sentence: str, b: Token) -> bool:
    """``b`` opens a dated row on a new line: "…the Department for Communities\nJun 2025 …",
    "Coleg X\n  Thu 10.00 …" (a day or month and a number; "Boston Polish\nSaturday School" is none)."""
    return b[0] in _DATE_WORDS and _DATE_NUMBER_AFTER.match(sentence, b[2]) is not None


def _joinable(sentence: str, a: Token, b: Token) -> bool:
    gap = sentence[a[2] : b[1]]
    if gap == " " or gap == "":
        return True
    if gap == "\n":
        return not _dated_row(sentence, b)
    if gap in ("’ ", "' ", "’\n", "'\n") and a[0].endswith("s") and b[0][:1].isupper():
        return True  # a plural possessive inside a name: "Sandford Weavers’ Guild", "Residents' Association"
    if gap.strip() or "\n\n" in gap:
        return False
    # a line break with the next line's indent goes on with the name ("Work and\n     Pensions");
    # on one line, a run of three or more spaces parts the columns of a table, and so do two
    # after a line's first word ("Magherafelt  Moyola Youth Centre": a fixed-width row's cells)
    if "\n" in gap:
        # "…Council\n   The Passport"; "Coleg Aberconwy\n  Thu 10.00 …": a timetable's next row
        # "…Co-operative, Limavady\n   B. Routes into …": a lettered item opens the next line
        if len(b[0]) == 1 and sentence[b[2] : b[2] + 1] in (".", ")"):
            return False
        return not (b[0][:1].isupper() and (b[0].lower() in LEADING_STOP or _dated_row(sentence, b)))
    return len(gap) <= 1 or (len(gap) == 2 and bool(sentence[sentence.rfind("\n", 0, a[1]) + 1 : a[1]].strip()))


# "Healthy Futures at Work", "Learning at Home": the common nouns a headless name may end
# "at …" with (any other word after "at" is a place or a venue: "Thames at Deptford")
# "Support from the Council", "Figures from the Trust's …": no name goes on "from" into these
_FROM_STOP = NOT_NAMES | frozenset(ORG_HEADS)
_AT_NOUNS = frozenset("work home school heart scale play night sea college university".split())
_NOT_AFTER_IN = frozenset(
    "january february march april may june july august september october november december "
    "spring summer autumn winter england scotland wales britain uk".split()
)


def chunks(sentence: str, is_place: Callable[[str], bool] | None = None) -> list[Chunk]:
    """Return the capitalised-name chunks of ``sentence`` (see module docstring).

    ``is_place`` tells which sentence-initial "-ing" words are places ("Reading",
    "Ealing"), so they are not dropped as gerunds.
    """
    toks = list(tokens(sentence))
    out: list[Chunk] = []
    done = 0  # the tokens before this one are in a chunk already
    for i in capitalised(sentence):  # a name starts capitalised
        if i < done:
            continue
        j = i
        k = i + 1
        while k < len(toks):
            w = toks[k]
            # _joinable, its commonest case (one space) inlined: this loop runs for every capitalised word
            if sentence[toks[k - 1][2] : w[1]] != " " and not _joinable(sentence, toks[k - 1], w):
                break
            prev = toks[k - 1][0]
            if (
                prev.endswith(("’s", "'s"))  # a possessive ending (tokens hold no newline for a "$" to skip)
                and k - 1 >= i
                and prev[:-2].lower() not in _NAME_POSSESSIVES
                # "St Hugh's Academy": a saint's name is part of the name
                and not (k - 2 >= i and toks[k - 2][0].rstrip(".") == "St" and is_cap(w[0]))
                # "Kirkland's Bakehouse": a founder's name and a body's head are one name
                and not (k - 1 == i and w[0].lower() in _FOUNDER_HEADS
                         and prev[:-2].lower() not in ORG_HEADS and not (is_place and is_place(prev[:-2]))
                         and not is_acronym(prev[:-2])
                         and (k + 1 >= len(toks) or not is_cap(toks[k + 1][0]) or sentence[w[2] : toks[k + 1][1]] != " "))
            ):
                break  # "Barnsley Council's Stronger Communities Programme": two names
            if w[0][:1].isupper() and not w[0].startswith("-"):  # (is_cap, inlined)
                # (an outward code has two to four characters: most words are longer)
                if len(w[0]) <= 4 and _OUTWARD.match(w[0]) and k + 1 < len(toks) and _INWARD.match(toks[k + 1][0]):
                    break  # "Pontypool NP4 7PZ": a postcode ends the town's name
                j = k
                k += 1
                continue
            if (
                w[0] in ("-based", "-led")
                and w[1] == toks[k - 1][2]
                and all(t[0].lower() in LEADING_STOP for t in toks[i : k - 1])
                and not (is_place and is_place(toks[k - 1][0]))
                and not is_acronym(toks[k - 1][0])
                and k + 1 < len(toks)
                and is_cap(toks[k + 1][0])
                and _joinable(sentence, w, toks[k + 1])
            ):
                # "Sector-based Work Academy Programme", "Community-led Housing Fund": the
                # hyphenated word opens the name (but "Leeds-based Kestrel Arts" is a place cue)
                k += 1
                continue
            if w[0].lower() in ("in", "into", "on", "from", "at"):
                # "Bridges into Work", "Heritage in Common", "Stories on the Shelf", "Voices from
                # the Drains": a headless name, not "X in Leeds" or "Support from the Council"
                m = k + 1
                if m + 1 < len(toks) and toks[m][0] == "the" and _joinable(sentence, toks[m], toks[m + 1]):
                    m += 1
                if (
                    m < len(toks)
                    and is_cap(toks[m][0])
                    and _joinable(sentence, toks[m - 1], toks[m])
                    and head_of(sentence[toks[i][1] : toks[k - 1][2]]) is None
                    and not (is_place and is_place(_POSSESSIVE.sub("", toks[m][0])))  # (nor "… on Sheringham's seafront")
                    and not (k - i == 1 and toks[i][0] in _DATE_WORDS)  # "each August on X": a date, then a place
                    and toks[m][0].lower() not in _NOT_AFTER_IN
                    and (w[0].lower() != "at" or toks[m][0].lower() in _AT_NOUNS)
                    and not (w[0].lower() == "from" and _POSSESSIVE.sub("", toks[m][0].lower()) in _FROM_STOP)
                    and toks[k - 1][0].lower() not in CONNECTORS
                    # the name ends there: "Learners on Universal Credit" is a phrase
                    and not (m + 1 < len(toks) and is_cap(toks[m + 1][0]) and _joinable(sentence, toks[m], toks[m + 1]))
                ):
                    k = m
                    continue
            if (
                w[0].lower() in CONNECTORS
                and w[0].lower() != "the"
                # "Commission on Culture", but not "Skills Centre on Pendleton"
                and not (w[0].lower() in ("on", "upon") and toks[k - 1][0].lower() not in _ON_HEADS)
                # a legal form ends a name: "Slate Crafts CIC of Bodmin" is the CIC, then where it is
                and toks[k - 1][0] not in LEGAL_FORMS
            ):
                # connectors only inside a name: look ahead for a capitalised word
                m = k + 1
                if (
                    m < len(toks)
                    and toks[m][0].lower() == "the"
                    and w[0].lower() in CONNECTORS_BEFORE_THE
                ):
                    m += 1
                if (
                    m < len(toks)
                    and m - k <= 2
                    and is_cap(toks[m][0])
                    and _joinable(sentence, toks[m - 1], toks[m])
                    # "Loxley Foods and the Doncaster-based firm X": a place cue, not more of the name
                    and not (m + 1 < len(toks) and toks[m + 1][0] in ("-based", "-led") and toks[m + 1][1] == toks[m][2])
                    # "extend the Tarn Tales Festival to Whitby": a headed name does not go on "to" a place
                    and not (w[0].lower() == "to" and is_place is not None and is_place(toks[m][0])
                             and (head_of(sentence[toks[i][1] : toks[k - 1][2]]) is not None
                                  # "will extend Creative Prescriptions to Hartlepool": taken there
                                  or _TAKEN_BEFORE.search(sentence, max(0, toks[i][1] - 16), toks[i][1]) is not None))
                    # "from Morecambe Bay to the Pennine valleys", "from the Rhins to Upper Nithsdale": a range
                    # (not "came from Pathways to Work": a range joins places, or "to the" something)
                    and not (w[0].lower() == "to" and _FROM_BEFORE.search(sentence, max(0, toks[i][1] - 10), toks[i][1]) is not None
                             and (m - k == 2 or (is_place is not None and (is_place(toks[m][0]) or is_place(toks[i][0])))))
                    # "Carrick Institute of Arts and the Network itself": "the" and a lone head noun
                    # refer back to a body; they are no more of a headed name
                    and not (m - k == 2 and w[0].lower() == "and" and toks[m][0].lower() in ORG_HEADS
                             and not (m + 1 < len(toks) and is_cap(toks[m + 1][0]) and _joinable(sentence, toks[m], toks[m + 1]))
                             and head_of(sentence[toks[i][1] : toks[k - 1][2]]) is not None)
                ):
                    k = m
                    continue
            break
        if (
            j + 1 < len(toks)
            and toks[j + 1][0] in _TRAILING_HEADS
            and _joinable(sentence, toks[j], toks[j + 1])
            and not _possessive_end(toks[j][0])  # "the Council's museum team": its unit, not a name
            # "a Wirral theatre company": the lower-case word is a modifier of the kind after it
            and not (j + 2 < len(toks) and toks[j + 2][0] in _KIND_AFTER_HEAD and _joinable(sentence, toks[j + 1], toks[j + 2]))
            # "a Stoke-on-Trent charity", "a Walsall charity": a place describing a body, not its name
            and not (is_place is not None and is_place(_THE_LEAD.sub("", sentence[toks[i][1] : toks[j][2]])))
            # "a Bedminster charity", "(Scottish charity SC012345)": after "a" or a nation's adjective
            # the lower-case head is the body's kind (a name's own head follows "the" or nothing)
            and not _A_BEFORE.search(sentence, max(0, toks[i][1] - 4), toks[i][1])
            and not (i == j and toks[i][0] in _NATION_ADJECTIVES)
            # "the Goldthorpe charity Dearne Works": the kind noun premodifies the name after it
            and not (j + 2 < len(toks) and is_cap(toks[j + 2][0]) and sentence[toks[j + 1][2] : toks[j + 2][1]] == " ")
        ):
            j += 1
        # "Goldsmiths, University of London": a name in apposition to its university
        if (
            j + 3 < len(toks)
            and sentence[toks[j][2] : toks[j + 1][1]] == ", "
            and toks[j + 1][0] == "University"
            and toks[j + 2][0] == "of"
            and is_cap(toks[j + 3][0])
            and head_of(sentence[toks[i][1] : toks[j][2]]) is None
        ):
            j += 3
        # "Department for Culture, Media and Sport": a department's remit list
        if toks[i][0] in ("Department", "Ministry") and j > i:
            j = _remit_list_end(sentence, toks, j)
        span_toks = toks[i : j + 1]
        cue = None
        if j + 1 < len(toks) and toks[j + 1][0].startswith("-") and toks[j + 1][1] == toks[j][2]:
            cue = toks[j + 1][0][1:]
        if i == 0 or sentence[: toks[i][1]].strip() in ("", "•", "-", "|", "“", "‘", '"'):
            # sentence-initial gerunds and verbs are not names: "Improving skills in Leeds"
            # ("Volunteering for Veterans" keeps its gerund: a connector follows it)
            while (
                span_toks
                and span_toks[0][0].lower().endswith(("ing", "ed"))
                and not (len(span_toks) > 1 and span_toks[1][0].lower() in CONNECTORS)
                # "Making Waves is organised by …": a gerund opening a name in title case
                # ("Fired Up Longton was a five-year scheme": a participle likewise)
                and not (len(span_toks) > 1 and span_toks[0][0].endswith(("ing", "ed")) and _NAME_VERB_AFTER.match(sentence, span_toks[-1][2]))
                and not (len(span_toks) == 1 and is_place and is_place(span_toks[0][0]))
            ):
                span_toks = span_toks[1:]
        out.extend(_clean(sentence, span_toks, cue, is_place))
        done = j + 1
    return _merge_comma_lists(sentence, out, is_place)


# what follows a name that opens a sentence: "Making Waves is organised by", "Making Waves 2026 is supported by"
# (or an apposition saying what it is: "Working Wales, the Welsh Government's careers service")
_NAME_VERB_AFTER = re.compile(
    r"(?:\s+\d{4})?\s+(?:is|was|has|will|returns|runs|takes|brings|:)\b|(?:\s+\d{4})?\s*:"
    r"|,\s+(?:the|our|its|their)\s+(?:[\w\-’']+\s+){0,4}?(?:programme|project|scheme|service|initiative|festival|network|fund)\b"
)
_REMIT_LIST_NAME = re.compile(r"(?:[A-Z]\w+, )+[A-Z]\w+ (?:and|&) [A-Z]\w+ [A-Z]\w+")


def _merge_comma_lists(sentence: str, out: list[Chunk], is_place: Callable[[str], bool] | None = None) -> list[Chunk]:
    """ "Culture, Place and Policy Institute": one name whose remit is a list.

    Also "Barnsley, Doncaster and Rotherham Borough Councils": places listed before a
    plural head share it (``split_coordination`` gives each place its council).
    """
    merged: list[Chunk] = []
    for ch in out:
        if is_place is not None and " and " in ch.text and ch.text.endswith("s") and ch.text.rsplit(None, 1)[-1].lower() in ORG_HEADS:
            while (
                merged
                and sentence[merged[-1].end : ch.start] == ", "
                and is_place(merged[-1].text)
            ):
                place = merged.pop()
                ch = Chunk(sentence[place.start : ch.end], place.start, ch.end, ch.possessive, ch.cue)
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and sentence[prev.end : ch.start] == ", "
            and len(prev.text.split()) == 1
            and head_of(prev.text) is None
            and " and " in ch.text
            and len(ch.text.split()) <= 5
            and ch.text.split()[-1].lower() in ORG_HEADS
        ):
            merged[-1] = Chunk(sentence[prev.start : ch.end], prev.start, ch.end, ch.possessive, ch.cue)
            continue
        merged.append(ch)
    return merged


def _remit_list_end(sentence: str, toks: list[Token], j: int) -> int:
    """Extend a department's name over ", Media and Sport"; return the new last index."""
    end = j
    k = j
    while k + 1 < len(toks) and sentence[toks[k][2] : toks[k + 1][1]] == ", " and is_cap(toks[k + 1][0]):
        k += 1
        saw_and = False
        while k + 1 < len(toks) and _joinable(sentence, toks[k], toks[k + 1]) and (
            is_cap(toks[k + 1][0]) or toks[k + 1][0] in ("and", "&")
        ):
            saw_and = saw_and or toks[k + 1][0] in ("and", "&")
            k += 1
        if toks[k][0] in ("and", "&"):
            break
        if saw_and:
            return k  # the list closed with "and X"
    return end


def _clean(sentence: str, toks: list[Token], cue: str | None, is_place: Callable[[str], bool] | None = None) -> list[Chunk]:
    """Trim leading stop words and job titles, trailing connectors, possessives."""
    changed = True
    while toks and changed:
        changed = False
        while toks and (toks[0][0].lower() in LEADING_STOP or toks[0][0].lower() in CONNECTORS):
            toks = toks[1:]
            changed = True
        # "Part of Tawe Futures", "Sessions for Reading Rebels": what a listing says of a name, not its start
        if len(toks) > 2 and toks[0][0].lower() in _LISTING_LEADS and toks[1][0].lower() in _LISTING_LINKS:
            toks = toks[2:]
            changed = True
        # "Chief Executive of X", "Head of Policy at X": keep X
        if toks and toks[0][0].lower() in TITLE_WORDS:
            cut = next(
                (n for n, t in enumerate(toks) if t[0].lower() in ("of", "at", "for")), None
            )
            if cut is not None and all(
                t[0].lower() in TITLE_WORDS or t[0][:1].isupper() for t in toks[:cut]
            ):
                rest = toks[cut + 1 :]
                if rest and any(t[0].lower() in TITLE_WORDS for t in toks[:cut]):
                    toks = rest
                    changed = True
    # "Calum Reid of Perth College": a person and the body they are from; keep the body
    # (a given name first, or two words that name no kind of thing before a body's name: its
    # head noun or acronym; "Royal Society of Edinburgh" has a head before "of")
    if len(toks) >= 4 and toks[2][0] == "of" or len(toks) >= 5 and toks[3][0] == "of":
        cut = 2 if toks[2][0] == "of" else 3
        person = " ".join(t[0] for t in toks[:cut])
        end_word = toks[-1][0]
        end_word = end_word[: len(end_word) - _possessive_end(end_word)]
        if personal_name(person) or (
            cut == 2 and personal_name(person, given=False) and (end_word.lower() in ORG_HEADS or is_acronym(end_word))
            # "East Riding of Yorkshire Council", "Vale Royal of Cheshire …": a place's name
            and not any(t[0].lower() in PLACE_DIRECTIONS or (is_place is not None and is_place(t[0])) for t in toks[:cut])
            and not (is_place is not None and is_place(person))
        ):
            toks = toks[cut + 1 :]
    # "Shell Group Executive Vice President": a job title after a named body ends the name
    for n in range(1, len(toks)):
        if toks[n][0].lower() in TITLE_WORDS and head_of(" ".join(t[0] for t in toks[:n])):
            toks = toks[:n]
            break
    while toks and toks[-1][0].lower() in CONNECTORS:
        toks = toks[:-1]
    if not toks:
        return []
    # "Scottish Charity No. SC039174", "Company Number 04567890": a registration label, no name
    if toks[-1][0] in ("No", "Number") and _REGISTRATION_AFTER.match(sentence, toks[-1][2]):
        return []
    possessive = False
    last = toks[-1]
    n = _possessive_end(last[0])
    if n == 2 and len(toks) == 2 and toks[0][0] in ("St", "St."):
        n = 0  # "St Mary's", "St Mungo's": a saint's name is the whole name (an island, a charity)
    if n and len(last[0]) > 2 and not last[0].endswith("s'") or n == 2:
        toks = toks[:-1] + [(last[0][:-n], last[1], last[2] - n)]
        possessive = True
    elif not n and last[0].endswith("s") and sentence[last[2] : last[2] + 2] in ("’ ", "' ") and len(toks) >= 2:
        possessive = True  # "Brightwire Youth Arts’ programme": a plural name's possessive, the mark left out of the word
    text = sentence[toks[0][1] : toks[-1][2]]
    if len(toks) == 1 and toks[0][0].lower() in NOT_NAMES:
        return []
    return [Chunk(text, toks[0][1], toks[-1][2], possessive, cue)]


_LISTING_LEADS = frozenset(
    "part sessions workshops readings talks events activities tickets tours performances screenings "
    "classes courses".split()
)
# days and months, as they open a timetable's or a chronology's rows
_DATE_WORDS = frozenset(
    "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March April May June July August "
    "September October November December".split()
)
_DATE_NUMBER_AFTER = re.compile(r"\s+\d")
_LISTING_LINKS = frozenset("of for in from with at on by".split())
_REGISTRATION_AFTER = re.compile(r"\.?:?\s*[A-Z]{0,3}\d")


def _words(name: str) -> list[str]:
    """The words of ``tokens(name)``. A name in ASCII with no hyphen takes the plain
    path of :func:`tokens`, whose words ``findall`` gives with no spans to build."""
    if name.isascii() and "-" not in name:
        return _PLAIN_TOKEN_ASCII.findall(name)
    return [t[0] for t in tokens(name)]


_BOROUGH_OF = re.compile(r"(?:The\s+)?(?:London\s+|Royal\s+|Metropolitan\s+|County\s+)?Borough\s+of\s+[A-Z]")


# "Combined Authority", "Local Authority", "County Council": kinds of council, no names
_COUNCIL_KIND = COUNCIL_KINDS | {"combined", "local"}


def is_description(name: str) -> bool:
    """ "Combined Authority", "County Council", "Council": a kind of council, not a name
    (in a report, "the County Council" refers back to the one named before)."""
    if not name.endswith(("ouncil", "uthority", "ouncils", "uthorities", "OUNCIL", "UTHORITY")):
        return False  # most names: one cheap test
    low = [w.lower() for w in _words(name)]
    return bool(low) and low[-1] in ("council", "authority", "councils", "authorities") and all(
        w in _COUNCIL_KIND for w in low[:-1]
    )


#: the kinds of centre that are buildings, not bodies
_SITE_CENTRE_KINDS = frozenset(
    "community youth shopping business enterprise skills learning conference leisure sports civic resource "
    "collections record training innovation visitor".split()
)


@lru_cache(maxsize=4096)
def head_of(name: str) -> tuple[str, str | None, str] | None:
    """Type a name by its head noun: (type, subtype, rule) or None when headless."""
    words = _words(name)
    if not words:
        return None
    if "Borough" in name and _BOROUGH_OF.match(name):
        return ("Organisation", "LocalAuthority", "head:borough-of")  # a council's legal name
    low = [w.lower() for w in words]
    if low[-1] in NON_ENTITY_HEADS:
        return None
    last = low[-1]
    if is_description(name):
        return None  # "the Combined Authority", "the County Council": a description, not a name
    if last in ("partnerships",):
        if len(words) == 1:
            return None  # "Head of Partnerships": a bare head noun is a generic word
        return ("Programme", "Network", "head:partnerships")
    for table in (PROGRAMME_HEADS, ORG_HEADS, PLACE_HEADS):
        if last in table and (len(words) > 1 or table is not PLACE_HEADS):
            t, sub = table[last]
            if len(words) == 1:
                return None  # a bare head noun is a generic word, not a name
            if len(low) >= 2 and ((last in ("centre", "center") and low[-2] in _SITE_CENTRE_KINDS)
                                  or (last == "studios" and low[-2] in STREET_WORDS)):
                # "Deepings Community Centre", "Moorfoot Skills Centre", "Feeder Road Studios": a building
                # where things happen (an "Arts Centre" or "Volunteer Centre" is a body)
                return ("Place", "Site", f"head:{low[-2]}-{last}")
            if last == "project" and len(low) >= 3 and low[-2] in ("youth", "play"):
                return ("Organisation", "Charity", f"head:{low[-2]}-project")  # "Manton Youth Project"
            if last in ("network", "networks") and (len(words) == 2 or "fund" in low or "programme" in low):
                # "Lakes Arts Network" is a body of members; a one-word brand ("Bee Network") or a
                # programme's network ("Cultural Development Fund Network") is the programme
                return ("Programme", "Network", f"head:{last}")
            return (t, sub, f"head:{last}")
    # Welsh names put the head first: "Ysgol Gymraeg Bro Tillery", "Cyngor Gwynedd", "Canolfan Pontio"
    if low[0] in WELSH_HEADS and len(words) > 1:
        t, sub = WELSH_HEADS[low[0]]
        return (t, sub, f"head:{low[0]}")
    # "University of X", "Department for X", "Museum of X", "Commission on X"
    for n, w in enumerate(low[:-1]):
        if low[n + 1] in ("of", "for", "on", "to") and n + 2 < len(low):
            for table in (ORG_HEADS, PROGRAMME_HEADS):
                if w in table:
                    t, sub = table[w]
                    return (t, sub, f"head:{w}-of")
    # "Arts Council England", "Skills Fund North": a head followed by a place word
    for n in range(len(low) - 2, 0, -1):
        if low[n] in ORG_HEADS or low[n] in PROGRAMME_HEADS:
            if low[n] in ("summit", "conference", "symposium"):
                break  # "Walton Summit Training": a place name inside a body's name
            tail = words[n + 1 :]
            # (not "Pot Bank Memories", "Trust Stories": a plural common noun after the head is no place)
            if len(tail) <= 2 and all(w[:1].isupper() for w in tail) and not _PLURAL_NOUN_TAIL.search(tail[-1]):
                t, sub = (ORG_HEADS.get(low[n]) or PROGRAMME_HEADS[low[n]])
                return (t, sub, f"head:{low[n]}+place")
            break
    return None


# matched against the folded name (graph.textnorm.fold): what re.I would match, faster
_SUBTYPE_REFINE = (
    (re.compile(r"\bcombined (?:county )?authority\b"), "CombinedAuthority"),
    (re.compile(r"\bnhs\b|\bhealth\b|\bhospital|\bintegrated care\b"), "HealthBody"),
    (re.compile(r"\b(?:arts|museums?|galler(?:y|ies)|theatres?|librar(?:y|ies)|archives|heritage|music|film|screen|dance|opera|orchestra)\b"), "CulturalOrganisation"),
    (re.compile(r"\b(?:ltd|limited|plc|llp)\b"), "Business"),
    (re.compile(r"\bdepartment (?:for|of)\b|\bministry\b|\bhm \w+|\bcommission\b"), "GovernmentBody"),
)


_LOCAL_AUTHORITY = re.compile(r"\bcouncils?\b|\bauthority\b")


@lru_cache(maxsize=4096)
def classify(name: str) -> tuple[str, str | None, str] | None:
    """Return (type, subtype, rule) for a name with a head noun, else None.

    >>> classify("London Borough of Bexley")
    ('Organisation', 'LocalAuthority', 'head:borough-of')
    """
    h = head_of(name)
    if h is None:
        return None
    t, sub, rule = h
    if t == "Organisation":
        low = name.lower()
        if _LOCAL_AUTHORITY.search(low):
            sub = "LocalAuthority"
        folded = fold(name)
        for rx, refined in _SUBTYPE_REFINE:
            if rx.search(folded):
                if refined == "CulturalOrganisation" and (sub in (
                    "LocalAuthority",
                    "EducationProvider",
                    "GovernmentBody",
                    "HealthBody",
                ) or rule in ("head:network", "head:networks")):  # "Lakes Arts Network": a partnership
                    continue
                if refined == "GovernmentBody" and sub == "LocalAuthority":
                    continue
                sub = refined
                break
    return (t, sub, rule)


_SHARED_AREA_BODY = re.compile(r"\bNHS(?:\s+Foundation)?\s+Trust$|\bChamber\s+of\s+Commerce$|\bHealth\s+Board$|\bICB$")


def split_coordination(name: str, is_place: Callable[[str], bool] | None = None) -> list[tuple[str, bool]]:
    """Split coordinated names; return [(name, was_split)].

    "A and B Councils" -> two councils (plural head distributed);
    "HighRise Theatre and Romsey Mill" -> two names when the left part is a
    whole name (two or more words with its own head, or both sides long);
    "Blackpool and The Fylde College", "Tyne & Wear Archives & Museums" stay whole.
    """
    if "&" not in name and "and" not in name.lower():
        return [(name, False)]  # no "and" or "&" word: nothing to split (most names; spares tokenising)
    words = _words(name)
    low = [w.lower() for w in words]
    idx = [n for n, w in enumerate(low) if w in ("and", "&")]
    if idx and is_place is not None and low[-1].endswith("s") and (low[-1] in ORG_HEADS or low[-1] in PROGRAMME_HEADS):
        # "Hartlepool, Darlington and Stockton-on-Tees Borough Councils", "Middlesbrough and
        # Redcar and Cleveland Borough Councils": a list of places sharing one plural head
        distributed = _distribute_over_places(name, is_place)
        if distributed:
            return [(n, True) for n in distributed]
    if not idx or _REMIT_LIST_NAME.fullmatch(name):
        return [(name, False)]  # "Culture, Place and Policy Institute" is one name
    if (len(idx) == 1 and low[idx[0]] == "and" and _SHARED_AREA_BODY.search(name) and is_place is not None
            and is_place(" ".join(words[: idx[0]])) and idx[0] + 1 < len(words) and is_place(words[idx[0] + 1])):
        # "South Tyneside and Sunderland NHS Foundation Trust", "Barnsley and Rotherham Chamber of
        # Commerce": one body for two areas
        return [(name, False)]
    head = low[-1]
    # distribute a plural head: "Babergh and Mid Suffolk District Councils"
    left_has_head = head_of(" ".join(words[: idx[0]])) is not None
    right_words = words[idx[0] + 1 :]
    if right_words and right_words[0].lower() == "the":
        right_words = right_words[1:]
    if (
        len(idx) == 1 and (left_has_head or (low[idx[0] + 1] == "the" and idx[0] >= 2))
        and right_words and is_place is not None and is_place(" ".join(right_words))
        and not is_place(" ".join(words[idx[0] - 1 :]))  # "London Borough of Barking and Dagenham"
    ):
        # "Kestrel Fields Ltd and the Stamford [care provider X]", "Tarn Boat Services of Amble and
        # the Newcastle [software firm X]": a body, then a place
        tokens_ = tokens(name)
        return [(name[: tokens_[idx[0] - 1][2]], True), (name[tokens_[len(words) - len(right_words)][1] :], True)]
    if (
        head.endswith("s")
        and (head in ORG_HEADS or head in PROGRAMME_HEADS)
        and len(idx) == 1
        and low[idx[0]] == "and"  # "Sound & Light Studios": '&' joins words of one name
        and not left_has_head
        and low[idx[0] + 1] != "the"
    ):
        singular = words[-1][:-1] if not head.endswith("ies") else words[-1][:-3] + "y"
        if singular.lower() in ORG_HEADS or singular.lower() in PROGRAMME_HEADS:
            k = len(words) - 1
            while k > idx[0] + 1 and low[k - 1] in ORG_HEAD_MODIFIERS:
                k -= 1
            suffix = " ".join(words[k:-1] + [singular])
            left_s = " ".join(words[: idx[0]])
            right_s = " ".join(words[idx[0] + 1 : k])
            if left_s and right_s:
                return [(f"{left_s} {suffix}", True), (f"{right_s} {suffix}", True)]
    # "the Council and OnFife": a bare head noun (a definite description) and a name
    if (
        len(idx) == 1 and idx[0] == 1 and low[0] in ORG_HEADS and len(words) >= 3 and words[2][:1].isupper()
        and not (low[0].endswith("s") and (low[0][:-1] in ORG_HEADS or low[0][:-3] + "y" in ORG_HEADS))
    ):  # (a plural head opens a remit: "Libraries and Heritage Service")
        toks0 = tokens(name)
        return [(words[0], True), *split_coordination(name[toks0[2][1] :], is_place)]
    # "Hawick and the Ettrick Weave Company": a town (ending "X Ltd of Hawick"), then a body with its own head
    if (
        len(idx) == 1 and low[idx[0]] == "and" and len(words) >= idx[0] + 4 and words[idx[0] + 1] == "the"
        and is_place is not None and is_place(" ".join(words[: idx[0]])) and not is_place(name)
        and (rh := head_of(" ".join(words[idx[0] + 2 :]))) is not None and rh[0] == "Organisation"
    ):
        toks_ = tokens(name)
        return [(name[: toks_[idx[0] - 1][2]], True), (name[toks_[idx[0] + 2][1] :], True)]
    # "Ballymacarrett and the Titanic Quarter", "Llanfyllin and the Vyrnwy Valley": a place, then
    # a place named by its head ("Yorkshire and the Humber" is one known name)
    if (
        len(idx) == 1 and len(words) >= idx[0] + 4 and low[idx[0] + 1] == "the"
        and (idx[0] == 1 or (is_place is not None and is_place(" ".join(words[: idx[0]]))))
        and words[0][:1].isupper() and not (is_place is not None and is_place(name))
        and (rh := head_of(" ".join(words[idx[0] + 2 :]))) is not None and rh[0] == "Place"
    ):
        toks_ = tokens(name)
        return [(name[: toks_[idx[0] - 1][2]], True), (name[toks_[idx[0] + 2][1] :], True)]
    # two acronyms: "NAT and HBC", "SYMCA and the BFI"
    if len(idx) == 1 and idx[0] == 1 and is_acronym(words[0]) and is_acronym(words[-1]) and (
        len(words) == 3 or (len(words) == 4 and low[2] == "the")
    ):
        return [(words[0], True), (words[-1], True)]
    toks = tokens(name)
    for n in idx:
        left, right = words[:n], words[n + 1 :]
        if low[n] == "&" and not (head_of(" ".join(left)) and head_of(" ".join(right))):
            continue  # "Arts & Heritage Trust": '&' joins words inside one name
        r0 = n + 1
        if len(left) >= 2 and len(right) >= 2 and right[0].lower() == "the" and (
            head_of(" ".join(left)) or head_of(" ".join(right[1:]))
        ):
            right = right[1:]
            r0 += 1
        if (len(left) >= 2 or (len(left) == 1 and is_acronym(left[0]))) and len(right) >= 1 and right[0][:1].isupper() and right[0].lower() != "the":
            # cut the original text, so punctuation inside a part is kept
            left_name = name[: toks[n - 1][2]]
            right_name = name[toks[r0][1] :]
            left_head = head_of(left_name)
            right_head = head_of(right_name)
            if (
                left_head is not None
                and left_head[2].endswith("-of")
                and right_head is None
                and not (is_place and is_place(" ".join(left[-1:])))
            ):
                continue  # "School for Oriental and African Studies": one remit (but "University of Hull and X": two)
            if (
                left_head is not None and len(left) >= 3 and left[-2].lower() == "of" and len(right) >= 3 and right[-2].lower() == "of"
                and right[0].lower() not in ORG_HEADS and right[0].lower() not in PROGRAMME_HEADS
                and not (is_place and is_place(left[-1]))
            ):
                continue  # "Federation of Museums and Art Galleries of Wales": one remit, then the place
            if (
                left_head is not None
                and not left_head[2].startswith("head:council")
                and len(right) == 2
                and right[1].lower() == "council"
                and is_place is not None
                and not is_place(right[0])
            ):
                continue  # "Scottish Library and Information Council": a remit, not a second council
            if left_head is not None and (len(right) >= 2 or right_head):
                return [(left_name, True), *split_coordination(right_name, is_place)]
            if r0 > n + 1 and right_head is not None and right_head[0] == "Organisation" and len(right) >= 2:
                # "Seven Kings Community Archive and the Aldborough Hatch History Group": "and the"
                # opens a second body
                return [(left_name, True), *split_coordination(right_name, is_place)]
            if (len(left) >= 3 and len(right) >= 3 and right_head is not None and right_head[0] == "Organisation"
                    and left_head is None and left[-1].lower() not in ORG_HEAD_MODIFIERS and "of" not in low[:n]):
                # "Kelby Community Archive and Marsh Lane History Group": two long names, the right
                # one a body by its head, the left one ending in a noun of its own
                return [(left_name, True), *split_coordination(right_name, is_place)]
            if len(right) >= 2 and right_head is not None and left_head is None:
                if right_head[0] == "Programme" and len(right) == 2:
                    continue  # "Green Construction and Retrofit Bootcamp": a remit, one programme
                if len(right) == 2 and len(left) <= 3 and is_place is not None and not any(is_place(w) for w in (*left, right[0])):
                    continue  # "Adult Skills and Learning Service": a remit, one body
                if not any(w.lower() in ORG_HEAD_MODIFIERS for w in left) or (
                    left[-1].lower() not in ORG_HEAD_MODIFIERS and is_place is not None and is_place(right[0])
                ):
                    # "Dearne Community Learning and Rotherham … Council" is two bodies (the right
                    # one opens with a place); "Regional Learning and Skills Partnership" is one
                    return [(left_name, True), (right_name, True)]
    return [(name, False)]


def _distribute_over_places(name: str, is_place: Callable[[str], bool]) -> list[str]:
    """Names for each place of "A, B and C <modifiers> <plural head>", or [] when a part is no place.

    Parts are cut at commas, "and" and "&"; two neighbouring parts join again when
    the joined form is itself a place ("Redcar and Cleveland").
    """
    toks = tokens(name)
    words = [t[0] for t in toks]
    low = [w.lower() for w in words]
    singular = words[-1][:-3] + "y" if low[-1].endswith("ies") else words[-1][:-1]
    if singular.lower() not in ORG_HEADS and singular.lower() not in PROGRAMME_HEADS:
        return []
    k = len(words) - 1
    while k > 0 and low[k - 1] in ORG_HEAD_MODIFIERS:
        k -= 1
    if k == 0:
        return []
    suffix = " ".join(words[k:-1] + [singular])
    prefix = name[: toks[k - 1][2]]
    pieces = [" ".join(p.split()) for p in _LIST_SEP.split(prefix) if p.strip()]
    merged: list[str] = []
    i = 0
    while i < len(pieces):
        if i + 1 < len(pieces) and is_place(f"{pieces[i]} and {pieces[i + 1]}"):
            merged.append(f"{pieces[i]} and {pieces[i + 1]}")
            i += 2
            continue
        merged.append(pieces[i])
        i += 1
    if len(merged) < 2 or not all(is_place(p) for p in merged):
        return []
    return [f"{p} {suffix}" for p in merged]


_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")

_PURPOSE = re.compile(r"(?P<a>.+?)\s+(?:(?P<for>for)|on\s+the)\s+(?P<b>(?!the\b)[A-Z].*)")


def split_purpose(name: str, award_context: bool, is_place: Callable[[str], bool] | None = None) -> list[str] | None:
    """Split "A for B" / "A on the B" where A is a whole organisation name and B what it does.

    "£96,000 to Kestrel Learning CIC for Maths in the Market" gives the body and
    its project (only where the sentence speaks of money: ``award_context``);
    "… with Harbourside Borough Council on the Count Me In campaign" gives the
    council and the campaign. Names that carry a remit after "for" keep it:
    one word before it ("Department for Education"), "for the …" ("Royal Society
    for the Protection of Birds"), a one-word remit after a short name ("National
    Centre for Writing") or a place ("Trust for London").
    """
    if " for " not in name and " on the " not in name:
        return None
    m = _PURPOSE.fullmatch(name)
    if m is None or (m.group("for") and not award_context):
        return None
    a, b = m.group("a"), m.group("b")
    left = _words(a)
    if len(left) < 2 or left[-1].lower() not in ORG_HEADS or len(_words(b)) < (2 if len(left) < 3 else 1):
        return None
    if is_place is not None and is_place(b):
        return None
    return [a, b]


_MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z]?$")


@lru_cache(maxsize=4096)
def is_acronym(word: str) -> bool:
    """An all-capitals token of 2-8 characters (optionally a plural ``s``), or a
    short mixed-case one with a lower-case connector letter ("DfE", "UoS").

    >>> [is_acronym(w) for w in ("DCMS", "DfE", "UoS", "DfES", "Leeds", "McD", "NatWest")]
    [True, True, True, True, False, False, False]
    """
    if len(word) > 10:
        return False  # longer than both patterns allow (9, and a final newline "$" lets by)
    if ACRONYM.match(word):
        return word.upper() != word.lower()
    return (
        bool(_MIXED_ACRONYM.match(word))
        and not word.startswith("Mc")
        and sum(c.isupper() for c in word) >= 2
        and word[1].islower() != word[-1].islower()
    )


_FINAL_S = re.compile(r"s$")
_WORD_BREAK = re.compile(r"[\s\-]+")


def acronym_matches(acronym: str, name: str) -> bool:
    """True when ``acronym`` is made of initials of ``name`` (function words optional).

    >>> acronym_matches("BMT", "Birmingham Museum Trust")
    True
    >>> acronym_matches("DfE", "Department for Education")
    True
    >>> acronym_matches("XYZ", "Birmingham Museum Trust")
    False
    """
    acr = _FINAL_S.sub("", acronym).upper().replace("&", "")
    words = [w for w in _WORD_BREAK.split(name) if w]
    initials_all = "".join(w[0].upper() for w in words if w[0].isalnum())
    initials_content = "".join(
        w[0].upper() for w in words if w[0].isalnum() and w.lower() not in CONNECTORS
    )
    if acr in (initials_all, initials_content) or (
        len(acr) >= 2 and _subsequence(acr, initials_all) and acr[0] == initials_all[:1]
        and len(acr) >= len(initials_content) - 1
    ):
        return True
    # "CRNI" for "Community Repair Network NI": a word in capitals gives all its letters
    spelled = "".join(w if is_acronym(w) else w[0].upper() for w in words
                      if w[0].isalnum() and w.lower() not in CONNECTORS)
    return (spelled != initials_content and len(acr) >= len(initials_content) - 1
            and acr[0] == spelled[:1] and _subsequence(acr, spelled))


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)
