"""The name typer (graph/extract/typer.py): which names it looks at, their features,
the model file, the stage in the extractor, and the packaged model's provenance.

Sentences here were written for the tests (invented bodies and places)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from blindsets import BLIND

from graph.errors import CivicGraphError
from graph.extract import extract_document
from graph.extract.entities import Found
from graph.extract.pairs import MODEL_ENV as PAIR_MODEL_ENV, Group
from graph.extract.rules import untyped_names_of
from graph.extract.typer import (
    CLASSES,
    MODEL_ENV,
    RULE,
    TypeModel,
    best_type,
    current_model,
    document_names,
    name_features,
    read_model,
    type_names,
    untyped_names,
)
from graph.records import Document

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "graph" / "data" / "type_model.json"


def _doc(text: str) -> Document:
    return Document("d1", "t.txt", "t.txt", text, "0" * 64, "text")


def _found(text: str, name: str, type_: str | None = None, rule: str = "candidate", nth: int = 0) -> Found:
    start = [m.start() for m in re.finditer(re.escape(name), text)][nth]
    return Found(name, start, start + len(name), type_, None, rule, 0)


@pytest.fixture(autouse=True)
def _no_pair_classifier(monkeypatch):
    monkeypatch.setenv(PAIR_MODEL_ENV, "none")


# ---------------------------------------------------------------- which names, which features


def test_untyped_names_leave_out_what_the_rules_decided():
    text = ("Quillby Trust met Tarrow Road residents, Ann Pellow, the NWBC board and Farrowdale Makers "
            "in Penhallow. Farrowdale Makers again; quillby trust.")
    found = [
        _found(text, "Quillby Trust", "Organisation", "head:trust"),
        _found(text, "quillby trust", None),  # the typed name, differently cased: not asked again
        _found(text, "Tarrow Road"),  # a street's head: the rules turned it down
        _found(text, "Ann Pellow"),  # left to the model ("given" is a feature)
        _found(text, "NWBC"),  # an acronym: the acronym rules decide
        _found(text, "Farrowdale Makers"),
        _found(text, "Farrowdale Makers", nth=1),
        _found(text, "Penhallow"),
        _found(text, "Penhallow", rule="person"),  # only plain candidates
    ]
    names = untyped_names(found)
    assert list(names) == ["Ann Pellow", "Farrowdale Makers", "Penhallow"]
    # an honour ends a person's name; words that are never names make no name together
    more = "Mara Quillby OBE opened it; see the Table of Contents and Notes and Sources."
    assert untyped_names([_found(more, "Mara Quillby OBE"), _found(more, "Table of Contents"),
                          _found(more, "Notes and Sources")]) == {}
    assert [f.start for f in names["Farrowdale Makers"]] == [f.start for f in found[5:7]]
    assert len(names["Penhallow"]) == 1


def test_features_are_the_words_and_the_neighbours():
    text = "Workshops run in Tremar Green every week.\nTremar Green\n"
    ms = [_found(text, "Tremar Green"), _found(text, "Tremar Green", nth=1)]
    f = name_features("Tremar Green", ms, text, lambda w: w == "Tremar", {"workshops", "green"})
    assert {"h:green", "w1:tremar", "w:tremar", "w:green", "nw=2", "nm=2", "gazword", "gazfirst",
            "lcword_in_doc", "p1:in", "p2:run in", "n1:every", "n2:every week", "linestart", "lineend",
            "p1:week", "n1:$"} <= set(f)
    assert "caps" not in f and "given" not in f
    assert f == sorted(set(f))
    one = name_features("Yearling", [_found("Yearling on yearling it grew.", "Yearling")], "Yearling on yearling it grew.",
                        lambda w: False, {"yearling", "on", "it", "grew"})
    assert "lcword_in_doc" in one and "p1:^" in one


def test_one_word_names_the_document_writes_in_lower_case_are_not_scored():
    text = "Year on year the Trust grew. Tremarrow joined. Trust matters."
    found = [_found(text, "Year"), _found(text, "Tremarrow"), _found(text, "Trust", nth=1)]
    places = type("P", (), {"is_place_word": staticmethod(lambda w: False)})()
    assert [name for name, _, _ in document_names(found, text, places)] == ["Tremarrow"]


# ---------------------------------------------------------------- the model


def _model(weights: dict[str, tuple[float, ...]], threshold: float = 0.5) -> TypeModel:
    classes = ("Organisation", "Place", "Programme", "none")
    return TypeModel(Group(classes, (0.0, 0.0, 0.0, 1.0), weights), threshold)


def test_best_type_needs_the_threshold():
    m = _model({"p1:in": (0.0, 4.0, 0.0, 0.0)})
    assert best_type(m, ["p1:in"]) == "Place"  # 0.91
    assert best_type(m, ["p1:at"]) is None  # none is likeliest, and no type reaches 0.5
    assert best_type(_model({"p1:in": (0.0, 4.0, 0.0, 0.0)}, 0.95), ["p1:in"]) is None


def test_type_names_types_every_mention_of_a_name():
    text = "Classes meet in Tremar Green. Tremar Green has a hall. Farrowdale Makers sell bread."
    found = [_found(text, "Tremar Green"), _found(text, "Tremar Green", nth=1), _found(text, "Farrowdale Makers")]
    places = type("P", (), {"is_place_word": staticmethod(lambda w: False)})()
    type_names(found, text, places, _model({"p1:in": (0.0, 4.0, 0.0, 0.0)}))
    assert [(f.type, f.subtype, f.rule) for f in found] == [("Place", None, RULE)] * 2 + [(None, None, "candidate")]


def _write(tmp_path: Path, data: object, name: str = "m.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return p


def _file(classes: list[str], intercept: list[float], weights: dict | None = None, threshold: float | None = 0.5) -> dict:
    data: dict = {"groups": {"NAME": {"classes": classes, "intercept": intercept, "weights": weights or {}}}}
    if threshold is not None:
        data["threshold"] = threshold
    return data


def test_read_model_rejects_bad_files_naming_the_file(tmp_path):
    four = ["Organisation", "Place", "Programme", "none"]
    bad = [
        "not json",
        {"groups": {}},
        _file(["Organisation", "none"], [0, 0]),
        _file([*four, "Funder"], [0] * 5),
        _file(four, [0, 0, 0]),
        _file(four, [0] * 4, {"x": [1, 2]}),
        _file(four, [0] * 4, threshold=None),
    ]
    for i, data in enumerate(bad):
        p = _write(tmp_path, data, f"m{i}.json")
        with pytest.raises(CivicGraphError, match=f"{p.name}: not a civicgraph type model"):
            read_model(p)
    with pytest.raises(CivicGraphError, match="absent.json"):
        read_model(tmp_path / "absent.json")
    assert read_model(_write(tmp_path, _file(four, [0] * 4))).threshold == 0.5


def test_environment_switches_the_model(monkeypatch, tmp_path):
    monkeypatch.setenv(MODEL_ENV, "none")
    assert current_model() is None
    p = _write(tmp_path, _file(["none", "Place", "Programme", "Organisation"], [0, 0, 0, 0], threshold=0.7))
    monkeypatch.setenv(MODEL_ENV, str(p))
    m = current_model()
    assert m is not None and m.threshold == 0.7
    monkeypatch.delenv(MODEL_ENV)
    assert current_model() == read_model(PACKAGED)
    # (a bad model file given to the CLI: tests/test_pairs.py, for both learned stages)


# ---------------------------------------------------------------- the stage in the extractor


def test_the_stage_types_a_name_the_rules_leave_untyped(monkeypatch, tmp_path):
    text = "Pellow Arts Trust runs weekly workshops in Tremarrow for local families.\n"
    monkeypatch.setenv(MODEL_ENV, "none")
    alone = {e.name for e in extract_document(_doc(text)).entities}
    assert "Tremarrow" not in alone, "no rule or gazetteer knows the invented village"
    assert [n for n, _, _ in untyped_names_of(_doc(text))] == ["Tremarrow"]
    p = _write(tmp_path, _file(["Organisation", "Place", "Programme", "none"], [0, 0, 0, 1],
                               {"p1:in": [0, 4, 0, 0]}))
    monkeypatch.setenv(MODEL_ENV, str(p))
    ex = extract_document(_doc(text))
    (place,) = [e for e in ex.entities if e.name == "Tremarrow"]
    assert place.type == "Place" and [m.rule for m in place.mentions] == [RULE]
    # the rules' own names are as they were
    assert {e.name for e in ex.entities} == alone | {"Tremarrow"}


def test_the_packaged_model_reads_villages_and_skips_sentence_openers(monkeypatch):
    """What the packaged weights make of invented names in wordings common in the genre
    (each asserted probability has a wide margin over the threshold)."""
    monkeypatch.delenv(MODEL_ENV, raising=False)
    model = current_model()
    assert model is not None
    text = ("The final workshop was held at Tremarrow, a fishing village on the coast.\n"
            "Sessions were held at St Keverne community hall.\n"
            "Last year the Trust also worked with Year 9 pupils.\n")
    probs = {name: dict(zip(model.group.classes, model.group.probabilities(f), strict=True))
             for name, _, f in untyped_names_of(_doc(text))}
    assert probs["Tremarrow"]["Place"] > 0.75 and probs["St Keverne"]["Place"] > 0.75
    assert "Year" not in probs  # "year" is in the text in lower case: not scored at all
    assert all(probs[n]["none"] > 0.9 for n in ("Sessions", "Last"))
    types = {e.name: e.type for e in extract_document(_doc(text)).entities}
    assert types == {"Tremarrow": "Place", "St Keverne": "Place"}


# ---------------------------------------------------------------- the packaged model


def test_packaged_model_never_saw_the_seeds_or_the_blind_sets():
    data = json.loads(PACKAGED.read_text(encoding="utf-8"))
    trained = set(data["trained_on"])
    assert trained and not (trained & BLIND) and "gold" not in trained and "seeds" not in trained
    assert all(ROOT.joinpath("tests", s, "gold").is_dir() for s in trained)
    m = read_model(PACKAGED)
    assert 0 < m.threshold < 1 and set(m.group.classes) == CLASSES


def test_packaged_model_knows_no_word_of_fewer_than_min_sets_sets():
    """A name's words are features, so the model could learn a name by heart: the training
    keeps only features seen in at least ``min_sets`` development sets, and this checks
    that every word feature of the packaged model occurs in that many sets' documents."""
    data = json.loads(PACKAGED.read_text(encoding="utf-8"))
    words = {f.split(":", 1)[1] for f in data["groups"]["NAME"]["weights"] if f.startswith(("w:", "h:", "w1:"))}
    assert words
    seen: dict[str, int] = dict.fromkeys(words, 0)
    for s in data["trained_on"]:
        text = " ".join(p.read_text(encoding="utf-8", errors="replace").lower()
                        for p in ROOT.joinpath("tests", s, "docs").iterdir() if p.is_file())
        present = set(re.findall(r"[\w'’&£-]+", text))
        for w in words:
            if w in present:
                seen[w] += 1
    rare = sorted(w for w, n in seen.items() if n < data["min_sets"])
    assert not rare, rare


def test_training_reproduces_the_packaged_model(tmp_path):
    """The committed weights are exactly what scripts/train_types.py makes from the current
    rules and development sets (retrain after changing either)."""
    out = tmp_path / "model.json"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_types.py"), "--out", str(out)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert out.read_text(encoding="utf-8") == PACKAGED.read_text(encoding="utf-8"), (
        "graph/data/type_model.json is stale: run `uv run python scripts/train_types.py`, "
        "then `uv run python scripts/train_relations.py`")
