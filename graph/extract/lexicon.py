"""Word lists the rules use: head nouns, connectors, cue words.

These are general English and UK public-sector vocabulary (not names from
any document). A head noun decides an entity's type and subtype: "X Council"
is a local authority, "X College" an education provider, "X Fund" a funding
programme. Sources: the entity types of the annotation guidelines and the
ONS/GOV.UK naming conventions for public bodies.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources

# head word (lower case) -> (type, subtype)
ORG_HEADS: dict[str, tuple[str, str | None]] = {}
for _w, _sub in {
    "council": "LocalAuthority",
    "councils": "LocalAuthority",
    "authority": "LocalAuthority",
    "authorities": "LocalAuthority",
    "college": "EducationProvider",
    "colleges": "EducationProvider",
    "university": "EducationProvider",
    "universities": "EducationProvider",
    "school": "EducationProvider",
    "schools": "EducationProvider",
    "academy": "EducationProvider",
    "academies": "EducationProvider",
    "institute": "EducationProvider",
    "polytechnic": "EducationProvider",
    "museum": "CulturalOrganisation",
    "museums": "CulturalOrganisation",
    "gallery": "CulturalOrganisation",
    "galleries": "CulturalOrganisation",
    "theatre": "CulturalOrganisation",
    "theatres": "CulturalOrganisation",
    "library": "CulturalOrganisation",
    "libraries": "CulturalOrganisation",
    "archives": "CulturalOrganisation",
    "orchestra": "CulturalOrganisation",
    "opera": "CulturalOrganisation",
    "ballet": "CulturalOrganisation",
    "playhouse": "CulturalOrganisation",
    "studio": "CulturalOrganisation",
    "studios": "CulturalOrganisation",
    "trust": "Charity",
    "trusts": "Charity",
    "foundation": "Charity",
    "charity": "Charity",
    "society": "Charity",
    "cic": "Charity",
    "association": "Charity",
    "federation": "Charity",
    "alliance": "Partnership",
    "consortium": "Partnership",
    "compact": "Partnership",
    "forum": "Partnership",
    "board": "Partnership",
    "commission": "GovernmentBody",
    "department": "GovernmentBody",
    "ministry": "GovernmentBody",
    "agency": "GovernmentBody",
    "office": "GovernmentBody",
    "executive": "GovernmentBody",
    "ltd": "Business",
    "limited": "Business",
    "plc": "Business",
    "llp": "Business",
    "group": "Business",
    "company": "Business",
    "bank": "Business",
    "systems": "Business",
    "industries": "Business",
    "nhs": "HealthBody",
    "hospital": "HealthBody",
    "hospitals": "HealthBody",
    "icb": "HealthBody",
    "centre": "CulturalOrganisation",
    "center": "CulturalOrganisation",
    "hub": "Partnership",
    "chamber": "Business",
    "union": "Charity",
    "service": "LocalAuthority",
    "partnership": "Partnership",
    "partnerships": "Partnership",
    "unit": "GovernmentBody",
    "commissioners": "GovernmentBody",
    "taskforce": "Partnership",
    "coalition": "Partnership",
    "alliances": "Partnership",
    "collective": "CulturalOrganisation",
    # "Lakes Arts Network", "Ribble Youth Network": a named network is a body of members (the
    # text can still make one a programme: "the X Network programme", "networks such as X")
    "network": "Partnership",
    "networks": "Partnership",
    "guild": "Charity",
    "league": "Charity",
    "movement": "Charity",
    "observatory": "EducationProvider",
    "catapult": "Business",
    "government": "GovernmentBody",
    "ports": "Business",
    "co-operative": "Charity",
    "cooperative": "Charity",
    "lab": "Business",
    "labs": "Business",
    "freeport": "Partnership",
    "police": "GovernmentBody",
    "constabulary": "GovernmentBody",
    "jobcentre": "GovernmentBody",
    "coleg": "EducationProvider",
    "prison": "GovernmentBody",
    # trading names' heads: "Bann Meadow Foods", "Dalziel Freight", "Roker Marine Engineering"
    # (not "Construction", a field of training in course names, nor "Services", as often a
    # council's service as a firm); over the development gold every name ending "Engineering"
    # (10), "Logistics" (6), "Castings" (4) or "Software" (2) is a business
    **{w: "Business" for w in (
        "foods", "freight", "hotels", "bakehouse", "bakery", "brewery", "brewing", "builders", "consulting",
        "consultancy", "solutions", "haulage", "architects", "associates", "motors", "developments", "distillery",
        "creamery", "castings", "fabrication", "fabrications", "insulation", "logistics", "pictures", "engineering", "software")},
}.items():
    ORG_HEADS[_w] = ("Organisation", _sub)

PROGRAMME_HEADS: dict[str, tuple[str, str | None]] = {}
for _w, _sub in {
    "programme": "Initiative",
    "programmes": "Initiative",
    "program": "Initiative",
    "project": "Initiative",
    "projects": "Initiative",
    "initiative": "Initiative",
    "scheme": "Initiative",
    "pilot": "Initiative",
    "pilots": "Initiative",
    "festival": "Initiative",
    "summit": "Initiative",
    "conference": "Initiative",
    "symposium": "Initiative",
    "fair": "Initiative",
    "showcase": "Initiative",
    "challenge": "Initiative",
    "campaign": "Initiative",
    "accelerator": "Initiative",
    "bootcamp": "QualificationRoute",
    "bootcamps": "QualificationRoute",
    "apprenticeship": "QualificationRoute",
    "apprenticeships": "QualificationRoute",
    "traineeship": "QualificationRoute",
    "traineeships": "QualificationRoute",
    "fellowship": "Initiative",
    "residency": "Initiative",
    "award": "FundingProgramme",
    "awards": "FundingProgramme",
    "fund": "FundingProgramme",
    "funds": "FundingProgramme",
    "grant": "FundingProgramme",
    "grants": "FundingProgramme",
    "bursary": "FundingProgramme",
    "deal": "Strategy",
    "strategy": "Strategy",
    "plan": "Strategy",
    "masterplan": "Strategy",
    "guarantee": "Initiative",
    "zone": "Initiative",
    "zones": "Initiative",
    "week": "Initiative",
    # event series: over the development gold every name ending "Days", "Month", "Lates" or
    # "Nights" is a programme ("Doors Open Days"); not weekdays ("Open Saturdays", "Tuesdays and
    # Thursdays" are times as often as names) nor "Sessions" (a heading's word as often)
    **{w: "Initiative" for w in ("days", "month", "lates", "nights")},
    "trail": "Initiative",
    "offer": "Initiative",
    "pathway": "QualificationRoute",
    "pathways": "QualificationRoute",
    "route": "QualificationRoute",
    "routes": "QualificationRoute",
    "baccalaureate": "QualificationRoute",
    "charter": "Initiative",
    "levy": "FundingProgramme",
    "credit": "Initiative",
    "works": "Initiative",
    "pledge": "Initiative",
    "mission": "Initiative",
    "prospectus": "Strategy",
}.items():
    PROGRAMME_HEADS[_w] = ("Programme", _sub)

PLACE_HEADS: dict[str, tuple[str, str | None]] = {
    "park": ("Place", "Site"),
    "campus": ("Place", "Site"),
    "estate": ("Place", "Neighbourhood"),
    "ward": ("Place", "Neighbourhood"),
    "site": ("Place", "Site"),
    "quarter": ("Place", "Neighbourhood"),
    "valley": ("Place", "Region"),
    "region": ("Place", "Region"),
    "mills": ("Place", "Site"),
    # buildings where things happen (over the development gold: 8 of 9 "... Mill", 14 of 15
    # "... Rooms", 7 of 7 "... Room", 7 of 9 "... Yard", 5 of 5 "... Pavilion" are sites)
    "mill": ("Place", "Site"),
    "rooms": ("Place", "Site"),
    "room": ("Place", "Site"),
    "yard": ("Place", "Site"),
    "pavilion": ("Place", "Site"),
    "inn": ("Place", "Site"),
    "baths": ("Place", "Site"),
    "arcade": ("Place", "Site"),
    "warehouse": ("Place", "Site"),
    "house": ("Place", "Site"),
    "waterfront": ("Place", "Neighbourhood"),
    "quay": ("Place", "Site"),
    "wharf": ("Place", "Site"),
    "docks": ("Place", "Site"),
    "canal": ("Place", "Site"),  # "the Chesterfield Canal", "the Leeds and Liverpool Canal"
    "pier": ("Place", "Site"),
    "square": ("Place", "Site"),
    "corridor": ("Place", "Region"),
    "hall": ("Place", "Site"),
    "gateway": ("Place", "Site"),
    "interchange": ("Place", "Site"),
    "wolds": ("Place", "Region"),
    "dales": ("Place", "Region"),
    "moors": ("Place", "Region"),
    "fens": ("Place", "Region"),
}

# Legal forms that end a registered body's name ("Slate Crafts CIC", "Tarn Foods Ltd")
LEGAL_FORMS = frozenset("CIC Ltd Ltd. Limited plc PLC LLP CIO".split())

# Words that qualify a head on its left inside an organisation name.
ORG_HEAD_MODIFIERS = frozenset(
    "county district borough city metropolitan town parish unitary combined "
    "royal national regional community sixth form further higher".split()
)

# Words that say what kind of council a name is ("Borough", "County"): "the County Council"
# is a description, "Harbourside Borough Council" names a local authority.
COUNCIL_KINDS = frozenset("county city borough district metropolitan town parish unitary".split())

# Lower-case words allowed inside a proper name between capitalised words.
CONNECTORS = frozenset("of for and & the on upon de la le du to y yr i o a".split())  # y, yr, i: Welsh ("Oriel y Graig", "Llechi i Bawb"); o: Scots ("Tongues o the Toun")

# Connectors that may be followed by "the" inside a name ("Yorkshire and the Humber").
CONNECTORS_BEFORE_THE = frozenset("of for and & on upon to o".split())

# Capitalised words that begin sentences or headings but never begin a name.
LEADING_STOP = frozenset(
    """a an the this that these those our their its his her my your we they it
    in at on by for from with to of and or but as if when while where how what who
    which why about above after before during since until across through into over
    under between among all both each every some many most more other such no not
    also however although though there here then thus so yet only just
    search visit find read see click contact explore learn join welcome
    chair commissioners foreword introduction annex theme summary conclusion case study
    is are was were be been has have had will would can could should may might must do does did""".split()
)

# Capitalised words that are never names on their own.
NOT_NAMES = frozenset(
    """i we you he she they it the a an monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september
    october november december mr mrs ms dr cllr sir dame lord lady professor prof
    mayor chair chief executive director head manager officer minister secretary
    obe mbe cbe rt hon baroness councillor deputy vice president ceo
    table contents figure chapter section page part annex appendix note notes
    source sources yes no tbc tba etc summary local national regional network support
    government council programme project partnership partners community communities
    tv gp fe he key facts glance member members""".split()
)

# Job-title words: "Chief Executive of X" -> X, never the title.
TITLE_WORDS = frozenset(
    """chair chairman chairwoman chief executive director head manager officer
    minister secretary mayor president founder trustee trustees deputy vice
    lead leader principal dean professor councillor cllr ceo coordinator
    member members senior associate fellow chancellor vice-chancellor""".split()
)

PLACE_DIRECTIONS = frozenset(
    "north south east west central north-east north-west south-east south-west "
    "northern southern eastern western greater inner outer upper lower".split()
)

# the adverbs a passive verb and its "by" may have between them ("is coordinated nationally by",
# "is run each year by"): a regular-expression alternation, each with its trailing space
SCOPE_ADVERBS = r"(?:jointly|nationally|locally|regionally|each\s+year|every\s+year|annually)\s+"

MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)

# Last words that make a capitalised phrase a document, law, award or title, not an entity.
NON_ENTITY_HEADS = frozenset(
    """act acts bill bills licence license report reports review reviews paper papers survey
    surveys index chronicle journal gazette magazine newsletter bulletin year years
    conference seminar symposium webinar lecture speech statement guidance framework
    white green agenda article chapter appendix annex table figure""".split()
)

# Words that begin two-word place names ("Great Horton", "Upper Norwood", "Old Town").
PLACE_NAME_PREFIXES = frozenset("Great Little Upper Lower Nether Higher Middle Far Long Old".split())


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """People's given names, lower case (``graph/data/given_names.txt``: US Census 1990 lists)."""
    text = (resources.files("graph") / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# words of headless organisation and programme names ("Kent Arts", "Chester Zoo", "Grace Notes
# Music"): a name with one of them is not a person's, whatever its first word
_NOT_IN_PERSON_NAMES = frozenset(
    """art arts youth young music sound sounds dance theatre zoo energy games digital media creative
    learning skills futures works studio studios kitchen cafe press books radio film films heritage
    community communities careers enterprise enterprises design homes housing care health sport
    sports farm gardens garden group voices""".split()
)


def personal_name(name: str, is_place: Callable[[str], bool] | None = None, given: bool = True) -> bool:
    """ "Tom Jago", "Ruth Anne Penrose": two or three capitalised words, a given name first,
    and no word that names a kind of body or programme ("Ruth Penrose Studio", "Chester Zoo");
    ``is_place`` tells a place word, which the first word must not be ("Devon Youth Arts").
    With ``given=False`` the first word need not be in the list of given names (a caller
    whose context already says "a person": "Ailsa Doig of Perth College")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return False
    if given and (words[0].lower() not in given_names() or (len(words) == 3 and words[1].lower() not in given_names())):
        return False  # a middle word is a given name too ("Ruth Anne Penrose", not "Kingsley Impact Consulting")
    return not any(
        w.lower() in ORG_HEADS or w.lower() in PROGRAMME_HEADS or w.lower() in PLACE_HEADS
        or w.lower() in ORG_HEAD_MODIFIERS or w.lower() in NON_ENTITY_HEADS or w.lower() in _NOT_IN_PERSON_NAMES
        for w in words
    ) and not (is_place is not None and is_place(words[0]))  # "Devon Youth Arts"; a surname may be a town ("Moss")

# nouns that say what trade or kind of body a name that follows is ("the Stamford care provider
# X", "Plymouth boatbuilder X", "the charity X"): a regular-expression alternation
# the last words of a named building or site ("Holt Fellowship Hall", "Argyle Street Studios"):
# a venue line's or a "based at" clause's name with one of them is a site, whatever its head made it
#: the last words of street names ("Station Road", "Lemon Quay"): address lines, not places or bodies
# Names of money sources that are not bodies: the National Lottery is a lottery; its money reaches
# good causes through its distributors (Arts Council England, the National Lottery Heritage Fund, The
# National Lottery Community Fund, …), which are the organisations ("£28,000 from the National Lottery",
# "funded by National Lottery players"). Source: the National Lottery's own description of its good-cause
# distributors (www.national-lottery.co.uk/life-changing/where-the-money-goes).
NOT_BODIES = frozenset({"national lottery"})
STREET_WORDS = frozenset(
    "road street lane avenue way close drive quay terrace crescent walk parade grove place boulevard".split()
)
SITE_HEADS = frozenset(
    "campus house centre center park hall building wharf yard works mill quarter library museum hub studios studio "
    "pavilion rooms".split()
)

TRADE_NOUNS = (
    r"charity|charities|social\s+enterprise|community\s+interest\s+company|company|firm|"
    r"housebuilder|housing\s+association|employer|consultancy|agency|organisation|organization|business|collective|"
    r"boatbuilder|shipbuilder|manufacturer|retailer|developer|contractor|brewery|publisher|broadcaster|supplier|provider|operator|"
    r"theatre\s+company|youth\s+organisation|arts\s+organisation|trust|partnership|think\s+tank|foundation|"
    r"bakery|processor|haulier|printer|caterer|toolmaker|engineers|architects"
)
#: Words that name what a body is or does, for "the Belfast lighting designers X" and
#: "X, a Dundalk artists' group": the trade nouns, any agent noun ("-er", "-ist", "-or",
#: "-maker", plural too) that is no common word of another kind, and the nouns of
#: groups, workplaces and crafts.
AGENT_NOUNS = (
    TRADE_NOUNS
    + r"|(?!(?:after|over|under|other|another|whether|never|together|either|neither|rather|however|later|"
    r"number|order|summer|winter|september|october|november|december|member|members|corner|border|water|"
    r"paper|letter|power|centre|center|major|minor|junior|senior|prior|floor|door|for|or|poor|doctor|sector|actor)\b)"
    r"[a-z][a-z\-]*(?:er|ist|or|maker)s?"
    r"|group|co-operative|cooperative|studio|studios|boatyard|yard|foundry|workshop|label|specialists?|practice|"
    r"collection|archive|gallery|museum|venue|space|warehouse|mill|club|choir|orchestra|ensemble|network|forum|"
    r"association|society|academy|school|college|university|hub|centre|center|library|theatre|"
    r"shop|station|bank|store|caf[eé]|pub|hotel|farm|salon"
)
