"""The packaged gazetteers: completeness of the categories they claim, code formats, loader."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from graph.errors import CivicGraphError
from graph.gazetteer import (
    GSS_RE,
    ISO_RE,
    PLACE_COLUMNS,
    UK_BOUNDS,
    Gazetteer,
    GazetteerError,
    load_gazetteer,
    load_gazetteer_from,
)
from graph.textnorm import norm_key

DATA = Path(__file__).resolve().parents[1] / "graph" / "data"


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


def _gss(gz: Gazetteer) -> list[tuple[str, str]]:
    return [(v, e.name) for e in gz.entries for s, v in e.ids if s == "gss"]


def _one(gz: Gazetteer, name: str, type_: str = "Place"):
    hits = [e for e in gz.lookup(name) if e.type == type_]
    assert len(hits) == 1, (name, hits)
    return hits[0]


# --- identifiers --------------------------------------------------------------------------


def test_every_gss_code_matches_its_entity_pattern_and_is_unique(gz):
    codes = _gss(gz)
    assert len(codes) > 400
    allowed = {
        "E06",
        "E07",
        "E08",
        "E09",
        "E10",
        "E11",
        "E12",
        "E47",
        "E92",
        "K02",
        "K03",
        "K04",
        "N09",
        "N92",
        "S12",
        "S92",
        "W06",
        "W92",
    }
    for code, name in codes:
        assert GSS_RE.match(code) and code[:3] in allowed, (code, name)
    dupes = [c for c, k in Counter(c for c, _ in codes).items() if k > 1]
    assert dupes == []


def test_every_iso_code_is_well_formed_and_unique(gz):
    iso = [v for e in gz.entries for s, v in e.ids if s == "iso3166-2"]
    assert len(iso) == 221  # every GB subdivision in pycountry 26.2.16 is placed on a row
    assert all(ISO_RE.match(c) for c in iso)
    assert len(set(iso)) == len(iso)


def test_gss_prefix_agrees_with_subtype(gz):
    expected = {
        "E06": "LocalAuthorityArea",
        "E07": "LocalAuthorityArea",
        "E08": "LocalAuthorityArea",
        "E09": "LocalAuthorityArea",
        "E10": "LocalAuthorityArea",
        "S12": "LocalAuthorityArea",
        "W06": "LocalAuthorityArea",
        "N09": "LocalAuthorityArea",
        "E12": "Region",
        "E11": "Region",
        "E47": "Region",
        "E92": "Country",
        "S92": "Country",
        "W92": "Country",
        "N92": "Country",
    }
    for e in gz.places():
        for s, v in e.ids:
            if s == "gss" and v[:3] in expected:
                assert e.subtype == expected[v[:3]], (e.name, v)


@pytest.mark.parametrize(
    "name,code",
    [
        ("Wakefield", "E08000036"),
        ("Leeds", "E08000035"),
        ("Birmingham", "E08000025"),
        ("Kent", "E10000016"),
        ("North Yorkshire", "E06000065"),
        ("Cumberland", "E06000063"),
        ("Somerset", "E06000066"),
        ("Kingston upon Hull", "E06000010"),
        ("Glasgow", "S12000049"),
        ("Cardiff", "W06000015"),
        ("Belfast", "N09000003"),
        ("Yorkshire and the Humber", "E12000003"),
        ("England", "E92000001"),
        ("United Kingdom", "K02000001"),
        ("Tyne and Wear", "E11000007"),
        ("Greater Manchester", "E11000001"),
    ],
)
def test_known_codes_resolve(gz, name, code):
    e = _one(gz, name)
    assert code in [v for s, v in e.ids if s == "gss"]
    assert gz.by_id("gss", code) is e


def test_iso_codes_sit_on_the_right_rows(gz):
    assert _one(gz, "Wakefield").id("iso3166-2") == "GB-WKF"
    assert _one(gz, "Scotland").id("iso3166-2") == "GB-SCT"
    assert _one(gz, "County Durham").id("iso3166-2") == "GB-DUR"
    assert _one(gz, "City of London").id("iso3166-2") == "GB-LND"


def test_org_ids_are_unique_and_well_formed(gz):
    ids = [v for e in gz.organisations() for s, v in e.ids if s == "org-id"]
    assert ids and len(set(ids)) == len(ids)
    assert all(re.match(r"^GB-(GOR|CHC|COH|SC|LAE)-[A-Za-z0-9]+$", v) for v in ids)
    assert gz.by_id("org-id", "GB-GOR-D6").name == "Department for Education"


# --- completeness of the categories claimed in graph/data/README.md ------------------------


def test_exactly_nine_english_regions(gz):
    regions = [e for e in gz.places() if (e.id("gss") or "").startswith("E12")]
    assert len(regions) == 9
    assert {e.parent for e in regions} == {"England"}


def test_local_authority_counts_per_nation_april_2023(gz):
    # ONS LAD (April 2023): England 296 (63 UA, 164 non-metropolitan, 36 metropolitan, 33 London),
    # Scotland 32, Wales 22, Northern Ireland 11; plus 21 English counties (E10).
    prefixes = Counter(
        v[:3]
        for e in gz.places()
        if e.subtype == "LocalAuthorityArea"
        for s, v in e.ids
        if s == "gss"
    )
    assert prefixes == {
        "E06": 63,
        "E07": 164,
        "E08": 36,
        "E09": 33,
        "E10": 21,
        "S12": 32,
        "W06": 22,
        "N09": 11,
    }
    assert sum(prefixes[p] for p in ("E06", "E07", "E08", "E09")) == 296


def test_six_metropolitan_counties_and_all_combined_authorities(gz):
    gss = [c for c, _ in _gss(gz)]
    assert sorted(c for c in gss if c.startswith("E11")) == [
        "E11000001",
        "E11000002",
        "E11000003",
        "E11000005",
        "E11000006",
        "E11000007",
    ]
    cas = [e for e in gz.organisations() if e.subtype == "CombinedAuthority"]
    assert len(cas) == 16  # 15 in ONS CAUTH December 2025 + North of Tyne (abolished 2024)
    for acr in (
        "GMCA",
        "WMCA",
        "WYCA",
        "SYMCA",
        "LCRCA",
        "TVCA",
        "WECA",
        "CPCA",
        "NECA",
        "EMCCA",
        "YNYCA",
    ):
        assert _one(gz, acr, "Organisation").subtype == "CombinedAuthority", acr


def test_nations_and_ministerial_departments(gz):
    for n in ("England", "Scotland", "Wales", "Northern Ireland"):
        assert _one(gz, n).subtype == "Country"
    assert _one(gz, "Great Britain").subtype == "Country"
    ministerial = [
        e for e in gz.organisations() if any("ministerial department" == n for n in [_note(e)])
    ]
    assert len(ministerial) == 24  # GOV.UK: 24 ministerial departments (2025)


def _note(e) -> str:
    text = (DATA / "organisations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        cells = line.split("\t")
        if cells[0] == e.name:
            return cells[5].split(";")[0]
    return ""


def test_all_twelve_national_lottery_distributors(gz):
    for n in (
        "Arts Council England",
        "Arts Council of Wales",
        "Creative Scotland",
        "Arts Council of Northern Ireland",
        "British Film Institute",
        "National Lottery Heritage Fund",
        "The National Lottery Community Fund",
        "Sport England",
        "Sport Wales",
        "sportscotland",
        "Sport Northern Ireland",
        "UK Sport",
    ):
        assert _one(gz, n, "Organisation")


def test_the_devolved_enterprise_agencies(gz):
    for n, acronym in (
        ("Scottish Enterprise", None),
        ("Highlands and Islands Enterprise", "HIE"),
        ("South of Scotland Enterprise", "SOSE"),
        ("Invest Northern Ireland", "Invest NI"),
    ):
        e = _one(gz, n, "Organisation")
        assert e.subtype == "GovernmentBody"
        if acronym:
            assert _one(gz, acronym, "Organisation") == e


# --- structure ----------------------------------------------------------------------------


def test_every_parent_names_an_existing_place_and_chains_end_at_the_uk(gz):
    for e in gz.places():
        seen = set()
        cur = e
        while cur.parent:
            parent = gz.parent_of(cur)
            assert parent is not None, (cur.name, cur.parent)
            assert parent.name not in seen
            seen.add(parent.name)
            cur = parent
        assert cur.name == "United Kingdom", e.name


def test_district_parent_is_its_county_and_county_parent_its_region(gz):
    assert gz.parent_of(_one(gz, "Maidstone")).name == "Kent"
    assert gz.parent_of(_one(gz, "Kent")).name == "South East"
    assert gz.parent_of(_one(gz, "Leeds")).name == "Yorkshire and the Humber"
    assert gz.parent_of(_one(gz, "Swansea")).name == "Wales"


def test_coordinates_are_within_uk_bounds(gz):
    with_coords = [e for e in gz.places() if e.lat is not None]
    assert len(with_coords) > 700
    for e in with_coords:
        assert UK_BOUNDS["lat"][0] <= e.lat <= UK_BOUNDS["lat"][1], e.name
        assert UK_BOUNDS["long"][0] <= e.long <= UK_BOUNDS["long"][1], e.name
    wakefield = _one(gz, "Wakefield")
    assert wakefield.lat == pytest.approx(53.68, abs=0.05)


def test_a_town_that_is_also_an_area_is_one_row(gz):
    rows = [e for e in gz.places() if e.name == "Wakefield"]
    assert len(rows) == 1 and rows[0].subtype == "LocalAuthorityArea" and rows[0].lat is not None


def test_files_are_sorted_with_one_entity_per_row():
    for fname in ("places.tsv", "organisations.tsv", "programmes.tsv"):
        names = [
            line.split("\t")[0]
            for line in (DATA / fname).read_text(encoding="utf-8").splitlines()[1:]
        ]
        assert names == sorted(names, key=lambda n: (n.casefold(), n)), fname
        assert len(names) == len(set(names)), fname


# --- lookup -------------------------------------------------------------------------------


def test_lookup_by_alias_and_normalised_case(gz):
    assert _one(gz, "city of bristol").name == "Bristol"
    assert _one(gz, "HULL").name == "Kingston upon Hull"
    assert _one(gz, "Yorkshire & Humber").name == "Yorkshire and the Humber"
    assert _one(gz, "the North East").name == "North East"
    assert (
        _one(gz, "DLUHC", "Organisation").name
        == "Ministry of Housing, Communities and Local Government"
    )
    assert _one(gz, "ACE", "Organisation").name == "Arts Council England"
    # "the Arts Council" is ambiguous across the UK's four arts councils: no alias
    assert [e for e in gz.lookup("Arts Council") if e.type == "Organisation"] == []
    assert (
        _one(gz, "Big Lottery Fund", "Organisation").name == "The National Lottery Community Fund"
    )
    assert gz.lookup("Nowhere-in-particular") == ()


def test_lookup_returns_places_and_organisations_together():
    from graph.gazetteer import GazetteerEntry

    def entry(name, type_, sub, aliases=()):
        return GazetteerEntry(name, type_, sub, (), tuple(aliases), None, None, None, False, None)

    g = Gazetteer(
        [
            entry("Exampleshire", "Place", "Region"),
            entry("Exampleshire Trust", "Organisation", "Charity", ["Exampleshire"]),
        ]
    )
    assert {e.type for e in g.lookup("exampleshire")} == {"Place", "Organisation"}
    assert {e.name for e in g.forms()["Exampleshire"]} == {"Exampleshire", "Exampleshire Trust"}


def test_forms_keep_original_case_and_cover_every_name(gz):
    forms = gz.forms()
    assert "Wakefield" in forms and "wakefield" not in forms
    assert "DfE" in forms
    assert all(e.name in forms for e in gz.entries)


def test_ambiguous_homographs_are_flagged(gz):
    for n in ("Reading", "Bath", "Deal", "Sale", "Wells", "March", "Harrow", "Bury"):
        assert _one(gz, n).ambiguous, n
    for n in ("Wakefield", "Leeds", "Blackburn", "Darlington"):
        assert not _one(gz, n).ambiguous, n


def test_subtypes_are_ontology_subtypes(gz):
    from graph.records import SUBTYPES

    for e in gz.entries:
        assert e.subtype in SUBTYPES[e.type], e


def test_norm_key_collisions_between_places_are_rare(gz):
    keys = Counter(norm_key(e.name) for e in gz.places())
    assert [k for k, n in keys.items() if n > 1] == []


def test_load_is_cached():
    # (how fast it loads is for scripts/bench_extract.py to say: a timed unit test fails on a busy machine)
    load_gazetteer.cache_clear()
    g = load_gazetteer()
    assert load_gazetteer() is g


# --- loader errors ------------------------------------------------------------------------

HEADER = "\t".join(PLACE_COLUMNS) + "\n"


def _write(tmp_path, body: str, header: str = HEADER) -> Path:
    p = tmp_path / "places.tsv"
    p.write_text(header + body, encoding="utf-8")
    return p


def test_loader_reads_a_good_file(tmp_path):
    p = _write(tmp_path, "Testland\tCountry\tE92000001\tGB-ENG\t\t52.0000\t-1.0000\tTL\t0\n")
    g = load_gazetteer_from(places=p)
    assert g.lookup("tl")[0].ids == (("gss", "E92000001"), ("iso3166-2", "GB-ENG"))


@pytest.mark.parametrize(
    "line,problem",
    [
        (
            "Testland\tCountry\tE92000001\tGB-ENG\t\t52.0\t-1.0\n",
            "expected 9 tab-separated columns",
        ),
        ("Testland\tCounty\t\t\t\t\t\t\t0\n", "unknown place subtype"),
        ("Testland\tCountry\tX1234\t\t\t\t\t\t0\n", "bad GSS code"),
        ("Testland\tCountry\t\tGB-ENGLAND\t\t\t\t\t0\n", "bad ISO 3166-2 code"),
        ("Testland\tCountry\t\t\t\t10.0\t-1.0\t\t0\n", "outside the UK"),
        ("Testland\tCountry\t\t\t\tnorth\t-1.0\t\t0\n", "is not a number"),
        ("Testland\tCountry\t\t\t\t52.0\t\t\t0\n", "both lat and long"),
        ("Testland\tCountry\t\t\t\t\t\t\tmaybe\n", "ambiguous must be 0 or 1"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path, line, problem):
    p = _write(tmp_path, "Okland\tCountry\t\t\t\t\t\t\t0\n" + line)
    with pytest.raises(CivicGraphError) as err:
        load_gazetteer_from(places=p)
    assert f"{p}:3:" in str(err.value)
    assert problem in str(err.value)


def test_bad_header_and_cross_row_errors(tmp_path):
    with pytest.raises(GazetteerError, match=r"places\.tsv:1: header"):
        load_gazetteer_from(places=_write(tmp_path, "", header="name\tkind\n"))
    with pytest.raises(GazetteerError, match="parent 'Atlantis' is not a place"):
        load_gazetteer_from(places=_write(tmp_path, "A\tTown\t\t\tAtlantis\t\t\t\t0\n"))
    with pytest.raises(GazetteerError, match="gss E92000001 is given to both"):
        load_gazetteer_from(
            places=_write(
                tmp_path, "A\tCountry\tE92000001\t\t\t\t\t\t0\nB\tCountry\tE92000001\t\t\t\t\t\t0\n"
            )
        )
    with pytest.raises(GazetteerError, match="cannot read"):
        load_gazetteer_from(places=tmp_path / "missing.tsv")


def test_bad_organisation_row(tmp_path):
    p = tmp_path / "organisations.tsv"
    p.write_text(
        "name\tsubtype\taliases\torg_id\thomepage\tnote\nX\tClub\t\t\t\t\n", encoding="utf-8"
    )
    with pytest.raises(
        GazetteerError, match=rf"{re.escape(str(p))}:2: unknown organisation subtype"
    ):
        load_gazetteer_from(organisations=p)


def test_small_towns_of_a_thousand_people_are_places(gz):
    for n in ("Stornoway", "Penryn", "Treorchy", "Tuxford", "Whittlesey"):
        e = _one(gz, n)
        assert e.type == "Place" and e.subtype == "Town" and not e.ambiguous, n
    # a small town that is also a common word needs context in a sentence
    for n in ("Street", "Hope", "Church"):
        assert _one(gz, n).ambiguous, n
    # phrases made only of common words were left out
    assert not gz.lookup("West End") and not gz.lookup("Church End")


def test_national_programmes_are_listed_with_their_owners(gz):
    progs = {e.name: e for e in gz.programmes()}
    assert len(progs) >= 60
    assert progs["UK Shared Prosperity Fund"].subtype == "FundingProgramme"
    assert [e.name for e in gz.lookup("UKSPF")] == ["UK Shared Prosperity Fund"]
    assert [e.name for e in gz.lookup("skills bootcamp")] == ["Skills Bootcamps"]
    orgs = {f for e in gz.organisations() for f in e.forms}
    rows = (DATA / "programmes.tsv").read_text(encoding="utf-8").splitlines()[1:]
    owners = {line.split("\t")[3] for line in rows}
    assert owners - orgs == {"European Commission"}  # every UK owner is a row of organisations.tsv


def test_bad_programme_row(tmp_path):
    p = tmp_path / "programmes.tsv"
    p.write_text("name\tsubtype\taliases\towner\tnote\nX\tCharity\t\t\t\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=rf"{re.escape(str(p))}:2: unknown programme subtype"):
        load_gazetteer_from(programmes=p)


def test_northern_ireland_counties_and_welsh_preserved_counties_are_regions(gz):
    for n in ("County Antrim", "County Armagh", "County Down", "County Fermanagh", "County Londonderry", "County Tyrone",
              "Gwent", "Dyfed", "Clwyd", "Mid Glamorgan", "South Glamorgan", "West Glamorgan"):
        assert _one(gz, n).subtype == "Region"
    assert _one(gz, "Co. Down").name == "County Down"
    assert _one(gz, "County Derry").name == "County Londonderry"
    assert _one(gz, "County Tyrone").parent == "Northern Ireland"


def test_historic_counties_are_regions_of_their_nation():
    from graph.gazetteer import load_gazetteer

    rows = {e.name: e for e in load_gazetteer().entries if e.type == "Place"}
    for name, nation in (("Ayrshire", "Scotland"), ("Caithness", "Scotland"), ("Glamorgan", "Wales"), ("Sussex", "South East")):
        assert rows[name].subtype == "Region" and rows[name].parent == nation


def test_northern_ireland_departments_are_known_and_dfe_stays_englands(gz):
    assert gz.lookup("Department for Communities")[0].subtype == "GovernmentBody"
    assert gz.lookup("DfC")[0].name == "Department for Communities"
    assert [e.name for e in gz.lookup("DfE")] == ["Department for Education"]


def test_districts_abolished_since_2009_are_areas_without_codes_under_their_successor(gz):
    by_name = {e.name: e for e in gz.places()}
    for name, parent in (("South Lakeland", "Westmorland and Furness"), ("Aylesbury Vale", "Buckinghamshire"),
                         ("Penwith", "Cornwall"), ("Tynedale", "Northumberland")):
        e = by_name[name]
        assert (e.subtype, e.parent, e.id("gss")) == ("LocalAuthorityArea", parent, None)
        assert by_name[parent].subtype == "LocalAuthorityArea"
    assert by_name["Eden"].ambiguous and not by_name["South Lakeland"].ambiguous
