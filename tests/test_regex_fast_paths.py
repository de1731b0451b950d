"""Patterns rewritten to open with a character class (so that the regex engine can
skip to the places where a match may start) find what their plain forms find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from graph.extract import layout, references, rules, sentences

ROOT = Path(__file__).resolve().parent.parent

PLAIN = {
    "_DEFINITE": (references._DEFINITE, r"\b(?:[Tt]he|[Tt]his|[Tt]hese)\s+"),
    "WE": (references.WE, r"\b(?:[Ww]e|[Oo]ur)\b(?!['’])|(?<![\w-])us\b(?!['’])"),
    "_GENERIC_PLURAL": (rules._GENERIC_PLURAL, r"\b(?:the\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten)|both(?:\s+the)?)\s+"
                        r"(?:partner\s+|constituent\s+|participating\s+|member\s+)?(?P<noun>councils|local\s+authorities|colleges|universities)\b"),
    "_ENDS_CAPITALISED": (sentences._ENDS_CAPITALISED, r"(?<![\w'’-])[A-Z][\w'’&-]*$"),
    "_PLAN": (rules._PLAN, r"\b(?:we|they|it)\s+(?:also\s+)?(?:hope|plan|aim|intend|would\s+like|are\s+hoping|are\s+planning|want)\s+to\b"),
    "_ORG_SLOT": (rules._ORG_SLOT, r"(?:\bby|\bwith|\bfrom|\balongside|\bincluding|\bsuch as|\bpartners?|\bled by|\bsupport of)\s+(?:the\s+)?$"),
    "_POSS_DESCRIPTION": (references._POSS_DESCRIPTION, r"(?:’s|'s|\b[Ii]ts|\b[Tt]heir)\s+" + references._POSS_DESCRIPTION.pattern.split(r"heir)\s+", 1)[1]),
    "_MEMBER_LIST": (layout._MEMBER_LIST, r"\b(?:are|include|includes|comprise|comprises|members\s+are)\s*:" + layout._MEMBER_LIST.pattern.split(r"are)\s*:", 1)[1]),
}
CASE_BLIND = {"_GENERIC_PLURAL"}  # the plain form is compiled with re.I


def _plain(name: str) -> re.Pattern[str]:
    fast, opening = PLAIN[name]
    if name in CASE_BLIND:
        return re.compile(opening, re.I)
    rest = fast.pattern.split(r"h(?:e|is|ese)\s+", 1)[1] if name == "_DEFINITE" else ""
    return re.compile(opening + rest, fast.flags)


def _texts() -> list[str]:
    docs = [p.read_text(encoding="utf-8", errors="replace") for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    rng = random.Random(7)
    alphabet = "tTheisWwOour _-'’x1\n"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    words = ["the", "The", "THE", "both", "Both", "bOTH", "three", "two", "councils", "Colleges", "local authorities", "member",
             "x", "_", "é", "ſ", "İ", "K",
             # (_PLAN, _ORG_SLOT, _POSS_DESCRIPTION, _MEMBER_LIST, _ENDS_CAPITALISED)
             "we", "They", "it", "ıt", "also", "hope", "plan", "to", "are planning", "by", "with", "from", "such as", "led by",
             "partners", "support of", "’s", "'s", "its", "Its", "their", "Their", "programme", "new scheme", "include",
             "includes", ":", ";", "members are", "comprise", "Xy", "O’Neil", "A-B", "’", "-"]
    phrases = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    return docs + noise + phrases + ["the", "The council", "xthe the", "our", "Our’s our'", "we", "swe we", "us", "bus us", "-us us’", "_the the",
                                     "Both the Councils", "xboth colleges", "THE TWO UNIVERSITIES", "éthe two councils"]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_form_finds_what_the_plain_form_finds(name: str) -> None:
    fast, plain = PLAIN[name][0], _plain(name)
    for text in _texts():
        for pos in (0, 1, 5):
            assert [(m.span(), m.groups()) for m in fast.finditer(text, pos)] == [
                (m.span(), m.groups()) for m in plain.finditer(text, pos)
            ], (name, text[:80])


def test_called_before_looks_at_the_end_first() -> None:
    from graph.extract import entities

    rng = random.Random(11)
    words = ["a", "project", "programmes", "charity", "called", "named", "known", "as", "entitled", " ", "\n", "  ", "‘", "'", '"', "x"]
    texts = ["".join(rng.choice(words) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    texts += [p.read_text(encoding="utf-8", errors="replace")[:i] for p in (ROOT / "seeds").glob("*.txt") for i in range(0, 3000, 7)]
    found = 0
    for text in texts:
        plain, fast = entities._CALLED_BEFORE.search(text), entities._called_before(text)
        found += plain is not None
        assert (fast and fast.span()) == (plain and plain.span()), text
    assert found


def test_ascii_token_patterns_find_the_unicode_tokens() -> None:
    """graph.extract.names reads a sentence with no word character outside ASCII with its
    ASCII token patterns (spelled out, one class first): they find what the Unicode ones find."""
    from graph.extract import names

    rng = random.Random(11)
    alphabet = "AbZcé ’'&.,-–_¹£•·—\n0x"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += [line for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")
              for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    for text in texts:
        if names._NON_ASCII_WORD.search(text):
            continue  # (read with the Unicode patterns)
        for fast, plain in ((names._TOKEN_ASCII, names._TOKEN), (names._PLAIN_TOKEN_ASCII, names._PLAIN_TOKEN)):
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (fast.pattern, text)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        ("graph.extract.sentences._BOUNDARY", r"(?<!\.\.)[.!?][\"”’)\]¹²³⁰⁴⁵⁶⁷⁸⁹]*\s+(?=[\"“‘(\[]?[A-Z0-9£•])| ·\s+(?=\S)"),
        ("graph.extract.layout._POSTCODE", r"\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
    ],
)
def test_patterns_opening_with_a_class_find_what_their_plain_forms_find(fast: str, plain: str) -> None:
    import importlib

    module, name = fast.rsplit(".", 1)
    rx, plain_rx = getattr(importlib.import_module(module), name), re.compile(plain)
    rng = random.Random(5)
    alphabet = "aZ .!?·’”)(\"“A1£•\n\t,NP47Z"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    for text in texts:
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain_rx.finditer(text)], (fast, text[:200])


def test_words_of_a_name_are_the_words_of_its_tokens() -> None:
    """names._words reads a name in ASCII with no hyphen with ``findall``: the words of its tokens."""
    from graph.extract import names

    rng = random.Random(7)
    alphabet = "AbZcé ’'&.,-–_¹£•·—\n0x"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += [line for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")
              for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    for text in texts:
        assert names._words(text) == [t[0] for t in names.tokens.__wrapped__(text)], text


def test_stop_boundary_finds_what_the_boundary_finds_without_a_middle_dot() -> None:
    """split_sentences scans a text with no "·" with _STOP_BOUNDARY (no alternative opening with a space)."""
    from graph.extract import sentences

    rng = random.Random(11)
    alphabet = "aZ .!?’”)(\"“A1£•\n\t,."
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    for text in texts:
        text = text.replace("·", " ")
        assert [m.span() for m in sentences._STOP_BOUNDARY.finditer(text)] == [
            m.span() for m in sentences._BOUNDARY.finditer(text)
        ], text[:200]


def test_tokens_of_a_sentence_with_no_cue_nor_footnote_marker_are_its_matches() -> None:
    """tokens() reads a sentence whose hyphens and dashes end no "-based" cue, with no footnote
    marker, from the token pattern's matches as they stand: what _general_tokens makes of them."""
    from graph.extract import names

    rng = random.Random(13)
    alphabet = "AbZcé ’'&.,-–_¹£•·—\n0x"
    cues = ["-based", "-led", "-wide", "-run", "Leeds-based", "x-owned"]
    texts = ["".join(rng.choice(alphabet) if rng.random() > 0.05 else rng.choice(cues) for _ in range(rng.randint(0, 30)))
             for _ in range(20000)]
    texts += [line for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")
              for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    for text in texts:
        assert names.tokens.__wrapped__(text) == names._general_tokens(text), text


def test_partner_cue_finds_what_its_plain_form_finds() -> None:
    """_PARTNER_CUE's alternatives open with a letter (so the regex engine skips to those letters)."""
    from graph.extract import relations

    plain = re.compile(
        r"(?:in partnership with|in collaboration with|working in partnership with|working closely with|working with|worked with|work with|works with|"
        r"together with|alongside|collaborating with|collaborated with|collaborates with|partnered with|partnering with|partners with|"
        r"joined forces with|teamed up with|in conjunction with|jointly with|in association with|(?:a\s+)?joint\s+bid\s+with|"
        r"(?:work|works|worked|working)\s+(?:closely|directly|together|jointly|hand\s+in\s+hand)\s+with|co-produced\s+with|"
        r"(?:hand\s+in\s+hand|side\s+by\s+side)\s+with|"
        r"(?:worked|have\s+worked)\s+(?:this|last|over\s+the\s+(?:past|last))\s+(?:year|season|summer|term)\s+with|co-produces\s+with|co-delivered\s+with)"
    )
    fast = re.compile(relations._PARTNER_CUE)
    rng = random.Random(17)
    words = ["work", "works", "worked", "working", "with", "closely", "a", "joint", "bid", "hand", "in", "side", "by",
             "have", "this", "year", "together", "partnership", "co-produced", "  ", "\n", "x"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += [p.read_text(encoding="utf-8", errors="replace").lower() for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text[:200]


def test_placeholders_from_mask_are_those_a_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """sentence_relations hands Sentence the placeholders mask() wrote: those a scan of the masked text finds."""
    from graph.extract import extract_document, relations
    from graph.extract.names import clear_caches
    from graph.ingest import discover, read_document

    given = []
    init = relations.Sentence.__init__

    def checked(self, masked, mentions, ents=None):  # type: ignore[no-untyped-def]
        init(self, masked, mentions)
        if ents is not None:
            given.append(ents)
            assert ents == self.ents, masked
        init(self, masked, mentions, ents)

    monkeypatch.setattr(relations.Sentence, "__init__", checked)
    files, _ = discover([str(ROOT / "seeds")])
    for p in files:
        clear_caches()
        extract_document(read_document(p))
    assert given


def test_gazetteer_matches_try_every_length_that_can_match() -> None:
    """PlaceLookup.matches tries after a word only the lengths of the forms opening with it: it
    finds what trying every length up to the longest finds (possessives and wrapped names too)."""
    from graph.extract.entities import PlaceLookup
    from graph.extract.names import capitalised, tokens
    from graph.extract.sentences import split_sentences

    lk = PlaceLookup.from_gazetteer()
    longest = {w: ns[0] for w, ns in lk.first_words.items()}

    def every_length(sentence: str) -> list[tuple[int, int, str]]:
        toks = tokens(sentence)
        out: list[tuple[int, int, str]] = []
        done = 0
        for i in [n for n in capitalised(sentence) if toks[n][0] in longest]:
            if i < done:
                continue
            t = toks[i]
            for j in range(min(len(toks), i + longest[t[0]]) - 1, i - 1, -1):
                form = sentence[t[1] : toks[j][2]]
                if "\n" in form:
                    form = " ".join(form.split())
                if form in lk.forms and form not in lk.two_places:
                    out.append((t[1], toks[j][2], form))
                    done = j + 1
                    break
                if form.endswith(("’s", "'s")) and form[:-2] in lk.forms:
                    out.append((t[1], toks[j][2] - 2, form[:-2]))
                    done = j + 1
                    break
        return out

    texts = [p.read_text(encoding="utf-8", errors="replace") for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    sentences = [t[a:b] for t in texts for a, b in split_sentences(t)]
    rng = random.Random(19)
    forms = sorted(lk.forms)
    for _ in range(5000):
        picked = [rng.choice(forms) for _ in range(rng.randint(1, 4))]
        glue = [rng.choice([" and ", "’s ", "'s ", ", ", " in\n", " ", "-based "]) for _ in picked]
        sentences.append("".join(f + g for f, g in zip(picked, glue, strict=True)))
    for sentence in sentences:
        assert lk.matches(sentence) == every_length(sentence), sentence


def testletter_runs_and_cue_gates_find_what_their_regexes_find() -> None:
    """graph.extract.relations reads a text's a-z runs with bytes.translate and split, and its
    cue gates with ``in``: they tell what the regex ``[a-z]+`` and the alternation of the cues tell."""
    from graph.extract import relations

    rng = random.Random(13)
    alphabet = "az fund with set up <<1>> ’s £·é—AZ\n"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    gates = [(cues, re.compile("|".join(map(re.escape, cues))))
             for cues in (relations._FUND_CUES, relations._PARTICIPATE_CUES, relations._PARTNER_CUES)]
    for text in texts:
        assert relations.letter_runs(text) == frozenset(re.findall("[a-z]+", text)), text[:200]
        for cues, rx in gates:
            assert relations._holds_any(text, cues) == (rx.search(text) is not None), text[:200]


def test_cheap_guards_pass_whatever_their_regexes_match() -> None:
    """The cheap tests made before a regex (a string it must hold, the characters it opens
    with) let by every text the regex matches, so the guarded regex finds what it found."""
    from graph.extract import entities, names

    texts = _texts() + ["Smith & Sons", "Smith and Co\n", "A and Daughters", "The Borough of Poole", "London Borough of X",
                        "¹ See", "[12] Ibid", " (ACE)", "  They include", "These are", "Its museum", "Last year's fund",
                        "Partners: A", "It runs"]
    lines = [line for t in texts for line in t.splitlines()] + texts
    for s in lines:
        if names._BOROUGH_OF.match(s):
            assert "Borough" in s
        if entities._AND_CO.search(s):
            assert s.endswith(entities._AND_CO_TAILS)
        for pos in range(min(len(s), 40)):
            if entities._ACR_AFTER.match(s, pos) or entities._ACRONYM_AFTER.match(s[pos:]) or entities._OTHER_NAME_AFTER.match(s[pos:]):
                assert "(" in s[pos:]
            if entities._FOOTNOTE.match(s, pos):
                assert s[pos : pos + 1] in entities._FOOTNOTE_FIRST
            if rules._THEY_INCLUDE.match(s, pos):
                assert s.startswith("The", pos) or s[pos : pos + 1].isspace()
            if layout._LABEL.match(s, pos):
                assert ":" in s[pos:]
        if rules._ANAPHOR.match(s):
            assert s[:1] in "TIOL"
