"""The pair classifier (graph/extract/pairs.py): features, model file, the stage
in the extractor, and the packaged model's provenance.

Sentences here were written for the tests (invented bodies and places)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from blindsets import BLIND

from graph import EXTRACTOR_VERSION
from graph.errors import CivicGraphError
from graph.extract import extract_document
from graph.extract.pairs import (
    ALLOWED,
    GROUPS,
    MODEL_ENV,
    Group,
    PairModel,
    SpanMention,
    candidates,
    classify,
    current_model,
    group_classes,
    masked_tokens,
    pair_features,
    read_model,
)
from graph.extract.sentences import split_sentences
from graph.extract.typer import MODEL_ENV as TYPE_MODEL_ENV
from graph.records import Document, DocumentExtraction

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "graph" / "data" / "relation_model.json"


def _doc(text: str) -> Document:
    return Document("d1", "t.txt", "t.txt", text, "0" * 64, "text")


def _mentions(sentence: str, names: list[tuple[str, str, str | None]]) -> list[SpanMention]:
    out = []
    for i, (name, typ, sub) in enumerate(names):
        start = sentence.index(name)
        out.append(SpanMention(start, start + len(name), f"k{i}", typ, sub))
    return out


# ---------------------------------------------------------------- features


def test_names_never_reach_a_feature():
    sentence = "Quillby Heritage Trust restores mills across Farrowdale with Tenby Makers Guild."
    ms = _mentions(sentence, [("Quillby Heritage Trust", "Organisation", "Charity"),
                              ("Farrowdale", "Place", "Town"), ("Tenby Makers Guild", "Organisation", None)])
    feats = pair_features(sentence, ms, ms[0], ms[1], False)
    joined = " ".join(feats).lower()
    for word in ("quillby", "heritage", "farrowdale", "tenby", "guild"):
        assert word not in joined
    assert "bw:restores" in feats and "bw:mills" in feats and "bw:across" in feats
    assert "r+1:with" in feats and "r+2:ORG" in feats  # the third name is a bare tag
    assert "S=Charity>Town" in feats and "first=True" in feats


def test_masked_tokens_mark_the_pair_and_tag_the_rest():
    sentence = "Funding from Orrin Council lets Brackley Youth Hub open in Sallow."
    ms = _mentions(sentence, [("Orrin Council", "Organisation", "LocalAuthority"),
                              ("Brackley Youth Hub", "Programme", None), ("Sallow", "Place", "Town")])
    toks, ia, ib = masked_tokens(sentence, ms, "k0", "k2")
    assert toks == ["funding", "from", "A_ORG", "lets", "PROG", "open", "in", "B_PLACE"]
    assert (ia, ib) == (2, 7)


def test_far_apart_pairs_do_not_get_between_words():
    sentence = ("Wrenfield College " + "and its many friends " * 4 + "opened a hall in Dunmere.")
    ms = _mentions(sentence, [("Wrenfield College", "Organisation", "EducationProvider"),
                              ("Dunmere", "Place", "Town")])
    feats = pair_features(sentence, ms, ms[0], ms[1], True)
    assert "far" in feats and "d=far" in feats and "sentrule=True" in feats
    assert not any(f.startswith("bw:") for f in feats)


def test_list_separators_only_between():
    sentence = "Members include Ashby Arts, Colne Theatre and Dray Museum."
    ms = _mentions(sentence, [("Ashby Arts", "Organisation", None), ("Colne Theatre", "Organisation", None),
                              ("Dray Museum", "Organisation", None)])
    assert "listsep" in pair_features(sentence, ms, ms[0], ms[1], False)
    assert "listsep" not in pair_features(sentence, ms, ms[0], ms[2], False)  # a name between


# ---------------------------------------------------------------- the model file


def _write(tmp_path: Path, data: object) -> Path:
    p = tmp_path / "m.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    return p


def _group(classes, intercept, weights=None):
    return {"classes": classes, "intercept": intercept, "weights": weights or {}}


def test_read_model_rejects_bad_files_naming_the_file(tmp_path):
    bad = [
        "not json",
        {"groups": {"ORG>PROG": _group(["none", "funds:ab"], [0.0])}, "threshold": 0.3},
        {"groups": {"ORG>PROG": _group(["funds:ab", "delivers:ab"], [0, 0])}, "threshold": 0.3},
        {"groups": {"ORG>PROG": _group(["none", "funds:ab"], [0, 0], {"x": [1]})}, "threshold": 0.3},
        {"groups": {"ORG>PLACE": _group(["none", "funds:ab"], [0, 0])}, "threshold": 0.3},  # not allowed
        {"groups": {"ORG>MOON": _group(["none"], [0])}, "threshold": 0.3},
        {"groups": {"ORG>PROG": _group(["none", "funds:ab"], [0, 0])}},
    ]
    for i, data in enumerate(bad):
        p = tmp_path / f"m{i}.json"
        p.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        with pytest.raises(CivicGraphError, match=f"{p.name}: not a civicgraph relation model"):
            read_model(p)
    with pytest.raises(CivicGraphError, match="absent.json"):
        read_model(tmp_path / "absent.json")


def test_group_classes_follow_the_ontology():
    assert group_classes("Organisation", "Place") == ("none", "locatedIn:ab", "operatesIn:ab")
    assert group_classes("Place", "Programme") == ("none", "operatesIn:ba")
    oo = group_classes("Organisation", "Organisation")
    assert "partnerOf:ab" in oo and "partnerOf:ba" not in oo  # symmetric: one way only
    assert {"funds:ab", "funds:ba", "partOf:ab", "partOf:ba"} <= set(oo)
    for a in ("Organisation", "Programme", "Place"):
        for b in ("Organisation", "Programme", "Place"):
            for c in group_classes(a, b)[1:]:
                pred, way = c.split(":")
                assert (pred, *((a, b) if way == "ab" else (b, a))) in ALLOWED


def test_probabilities_are_a_softmax_over_the_features():
    g = Group(("none", "funds:ab"), (0.0, 0.0), {"bw:funds": (0.0, 2.0)})
    p = g.probabilities(["bw:funds", "bw:funds", "unknown"])  # repeats count once
    assert p[1] == pytest.approx(1 / (1 + 2.718281828459045 ** -2))
    assert sum(p) == pytest.approx(1.0)
    assert g.probabilities([]) == [0.5, 0.5]


# ---------------------------------------------------------------- the stage


def _rules_alone(text: str, monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "none")
    monkeypatch.setenv(TYPE_MODEL_ENV, "none")
    return extract_document(_doc(text))


def test_classifier_adds_an_allowed_relation_with_its_sentence(monkeypatch):
    text = "Pellow Arts Trust brightens the lanes of Redruth every spring.\n"
    ex = _rules_alone(text, monkeypatch)
    names = {e.name: e for e in ex.entities}
    assert {"Pellow Arts Trust", "Redruth"} <= set(names)
    assert not ex.relations, "no rule reads 'brightens the lanes of'"
    # probabilities: none 0.03, locatedIn 0.04, operatesIn 0.93
    model = PairModel({"ORG>PLACE": Group(("none", "locatedIn:ab", "operatesIn:ab"), (0.6, 0.8, 0.0),
                                          {"bw:lanes": (0.0, 0.0, 4.0)})}, 0.5)
    out = classify(ex, split_sentences(text), model)
    (rel,) = out.relations
    assert (rel.subject, rel.predicate, rel.object) == (names["Pellow Arts Trust"].key, "operatesIn",
                                                        names["Redruth"].key)
    assert rel.rule == f"{EXTRACTOR_VERSION}:operatesIn:pair-classifier"
    assert rel.evidence.sentence == text[rel.evidence.start:rel.evidence.end]
    assert "brightens the lanes" in rel.evidence.sentence
    # without the wording's weight: locatedIn 0.44 is likeliest but under the threshold
    plain = PairModel({"ORG>PLACE": Group(model.groups["ORG>PLACE"].classes,
                                          model.groups["ORG>PLACE"].intercept, {})}, 0.5)
    assert classify(ex, split_sentences(text), plain).relations == ()
    # no group for the pair's types: nothing
    assert classify(ex, split_sentences(text), PairModel({}, 0.0)).relations == ()
    # below the threshold: nothing
    high = PairModel(model.groups, 0.99)
    assert classify(ex, split_sentences(text), high).relations == ()


def test_classifier_leaves_pairs_the_rules_related(monkeypatch):
    text = "Pellow Arts Trust is based in Redruth.\n"
    ex = _rules_alone(text, monkeypatch)
    assert [r.predicate for r in ex.relations] == ["locatedIn"]
    always = PairModel({"ORG>PLACE": Group(("none", "locatedIn:ab", "operatesIn:ab"), (0.0, 0.0, 9.0), {})}, 0.1)
    assert classify(ex, split_sentences(text), always).relations == ex.relations


def test_subject_named_second(monkeypatch):
    text = "The Brimsdown Fund, a pot from Tarrow Foundation, opens in May.\n"
    ex = _rules_alone(text, monkeypatch)
    names = {e.name: e for e in ex.entities}
    ex = type(ex)(ex.document, ex.entities, ())  # whatever the rules said, test the stage alone
    model = PairModel({"PROG>ORG": Group(("none", "funds:ba"), (0.0, 3.0), {})}, 0.5)
    (rel,) = classify(ex, split_sentences(text), model).relations
    assert (rel.subject, rel.predicate, rel.object) == (names["Tarrow Foundation"].key, "funds",
                                                        names["Brimsdown Fund"].key)


def test_environment_switches_the_model(monkeypatch, tmp_path):
    monkeypatch.setenv(MODEL_ENV, "none")
    assert current_model() is None
    p = _write(tmp_path, {"groups": {"ORG>PROG": _group(["none", "funds:ab"], [0, 0])}, "threshold": 0.4})
    monkeypatch.setenv(MODEL_ENV, str(p))
    m = current_model()
    assert m is not None and m.threshold == 0.4
    monkeypatch.delenv(MODEL_ENV)
    assert current_model() == read_model(PACKAGED)


@pytest.mark.parametrize(("env_var", "kind"), [(MODEL_ENV, "relation"), (TYPE_MODEL_ENV, "type")])
def test_a_bad_model_file_is_a_one_line_error(tmp_path, env_var, kind):
    """Either learned stage's model file (the pair classifier's, the name typer's)."""
    p = _write(tmp_path, {"groups": []})
    out = tmp_path / "out"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Pellow Arts Trust works in Redruth.\n", encoding="utf-8")
    env = dict(os.environ, **{env_var: str(p)})
    res = subprocess.run([sys.executable, "-m", "graph", "build", str(docs), "--out", str(out)],
                         env=env, capture_output=True, text=True)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert f"{p}: not a civicgraph {kind} model" in res.stderr.strip().splitlines()[-1]
    assert not out.exists()


# ---------------------------------------------------------------- the packaged model


def test_packaged_model_never_saw_the_seeds_or_the_blind_sets():
    data = json.loads(PACKAGED.read_text(encoding="utf-8"))
    trained = set(data["trained_on"])
    assert trained and not (trained & BLIND) and "gold" not in trained and "seeds" not in trained
    assert all(ROOT.joinpath("tests", s, "gold").is_dir() for s in trained)
    m = read_model(PACKAGED)
    assert 0 < m.threshold < 1 and set(m.groups) == set(GROUPS)
    for g in m.groups.values():
        assert "none" in g.classes and len(g.classes) >= 2
        prefixes = ("S=", "d=", "nm=", "listsep", "far", "bw:", "bb:", "bs:", "b1:", "bL:",
                    "l-1:", "l-2:", "r+1:", "r+2:", "sw:", "sentrule=", "first=")
        assert all(f.startswith(prefixes) for f in g.weights)


def test_training_reproduces_the_packaged_model(tmp_path):
    """The committed weights are exactly what scripts/train_relations.py makes from the
    current rules and development sets (retrain after changing either)."""
    out = tmp_path / "model.json"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_relations.py"), "--out", str(out)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert out.read_text(encoding="utf-8") == PACKAGED.read_text(encoding="utf-8"), (
        "graph/data/relation_model.json is stale: run `uv run python scripts/train_relations.py`")


def test_every_set_marked_blind_in_its_readme_is_left_out_of_training():
    # a blind set's README opens "# tests/heldoutN: BLIND evaluation set": this file's list, the
    # training scripts' list and the READMEs must agree, or a model could train on a blind set
    marked = {d.name for d in (ROOT / "tests").glob("heldout*")
              if (d / "README.md").is_file()
              and "BLIND" in (d / "README.md").read_text(encoding="utf-8").split("\n", 1)[0]}
    assert marked == BLIND
    out = subprocess.run([sys.executable, "-c", "import training; print(sorted(training.BLIND))"],
                         cwd=ROOT / "scripts", capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(sorted(BLIND))


def test_a_set_still_being_written_is_never_a_development_set(tmp_path):
    # a writer creates docs/ and gold/ before the README that marks the set blind: until the
    # README lands the set must stay out of training
    for name, readme in (("heldout90", "# tests/heldout90: development set\n"), ("heldout91", None),
                         ("heldout92", "# tests/heldout92: BLIND evaluation set\n")):
        d = tmp_path / "tests" / name
        (d / "docs").mkdir(parents=True)
        (d / "gold").mkdir()
        if readme is not None:
            (d / "README.md").write_text(readme, encoding="utf-8")
    code = ("import training, pathlib, sys; training.ROOT = pathlib.Path(sys.argv[1]); "
            "training.BLIND = training.BLIND | training.marked_blind(); "
            "print(training.development_sets())")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT / "scripts",
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['heldout90']"


def _rules_only(x: DocumentExtraction) -> DocumentExtraction:
    """An extraction without the classifier's own relations: the pairs it scored are then
    candidates again (else a pair it related would look left out by the filter under test)."""
    return DocumentExtraction(x.document, x.entities, tuple(r for r in x.relations if "pair-classifier" not in r.rule))


def test_a_table_of_names_gives_the_classifier_no_pairs():
    # an annex listing stakeholders three to a row: names side by side state nothing about each
    # other, so no row (even one with a place in brackets) gives the classifier a pair; a prose
    # sentence naming the same bodies still does
    text = ("Annex: stakeholders\n\n| | | |\n|--|--|--|\n"
            "| Kestrel Borough Council | Brimble College | Tarn Valley Trust |\n"
            "| Harbour Arts CIC | Kestrel Chamber of Commerce | Jobs Taskforce (Leeds) |\n\n"
            "Staff from Harbour Arts CIC talked to students at Brimble College about the summer.\n")
    x = _rules_only(extract_document(_doc(text)))
    sentences = split_sentences(text)
    rows = {i for i, (s, e) in enumerate(sentences) if text[s:e].startswith("| ") and "Co" in text[s:e]}
    assert len(rows) == 2
    seen = {si for si, _, _, _ in candidates(x, sentences, GROUPS)}
    assert seen and not (seen & rows)


def test_items_of_one_list_of_names_give_the_classifier_no_pair():
    # "we thank A, B, C and D": items of one list state nothing about each other; two names
    # joined by a comma alone ("Kestrel College, Leeds") may still be a pair
    text = ("We would like to thank Kestrel Borough Council, Leeds, Brimble College and Tarn Valley Trust for their time.\n"
            "Students at Brimble College, Leeds started in June.\n")
    x = _rules_only(extract_document(_doc(text)))
    sentences = split_sentences(text)
    pairs = {(si, frozenset((a.key, b.key))) for si, _, todo, _ in candidates(x, sentences, GROUPS) for a, b, _ in todo}
    assert not any(si == 0 for si, _ in pairs)
    assert any(si == 1 for si, _ in pairs)
