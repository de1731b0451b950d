"""Fixed-width tables in text converted from PDF (graph/extract/tables.py).

Every table here is invented for its test: a rule each, on the smallest table
that shows it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_extract_rules import extract, sentences

from graph.extract.tables import fixed_row_cells, fixed_width_tables, is_rule_line, table_roles


def rows(text: str) -> list[list[tuple[str | None, str]]]:
    """(role, text) of the cells of every row of the one table of ``text``."""
    (table,) = fixed_width_tables(text)
    return [[(c.role, c.text(text)) for c in fixed_row_cells(text, table, r)] for r in table.rows]


def column(text: str, role: str) -> list[str]:
    return [t for row in rows(text) for r, t in row if r == role]


_GRANTS = (
    "The Marlow Vale Trust has awarded five grants.\n\n"
    "Grantee                 Project                  Area            Award\n"
    "----------------------  -----------------------  --------------  -------\n"
    "Orchard Lane Pottery    Clay Days                Thornby         £9,000\n"
    "Collective\n"
    "Kettle Street Youth     Stage Fright             Wexcombe and    £12,500\n"
    "Theatre Company                                  Eastholme\n"
    "Brackwater Sailing Club Tide School (sailing     Upper           £4,000\n"
    "                        for beginners)           Brackwater\n"
    "                                                                 -------\n"
    "                                                 TOTAL           £25,500\n\n"
    "Note: the panel met in May.\n"
)


def test_a_rule_under_the_header_is_no_row() -> None:
    assert is_rule_line("----------------------  -----------------------")
    assert is_rule_line("=====================")
    assert not is_rule_line("Orchard Lane - Pottery")
    assert len(rows(_GRANTS)) == 3


def test_one_rule_across_the_whole_table_does_not_end_it() -> None:
    text = (
        "Ref   Organisation          Award\n"
        "---------------------------------\n"
        "A1    Fenbridge Arts Trust  £3,000\n"
        "A2    Holloway Singers      £2,000\n"
    )
    assert column(text, "org") == ["Fenbridge Arts Trust", "Holloway Singers"]


def test_in_a_table_of_amounts_a_line_without_an_amount_goes_on_with_the_row_above() -> None:
    # the second line of the name starts in the first column, but gives no amount
    assert column(_GRANTS, "org") == [
        "Orchard Lane Pottery Collective",
        "Kettle Street Youth Theatre Company",
        "Brackwater Sailing Club",
    ]
    assert column(_GRANTS, "amount") == ["£9,000", "£12,500", "£4,000"]


def test_a_line_indented_inside_the_first_column_goes_on_with_the_name_above() -> None:
    text = (
        "Partner                    Role                      Wards\n"
        "Eastgate Community         Outreach and              Castle,\n"
        "  Anchor Trust             coaching                  Northmoor\n"
        "Weir Street Youth CIC      Under-25s strand          Ferrybank\n"
    )
    assert column(text, "org") == ["Eastgate Community Anchor Trust", "Weir Street Youth CIC"]
    # a ward cell wrapped after a comma lists two wards
    assert column(text, "ward") == ["Castle", "Northmoor", "Ferrybank"]


def test_a_numbered_first_column_is_not_read_as_indented() -> None:
    text = (
        "No.   Organisation          Award\n"
        "10    Fenbridge Arts Trust  £3,000\n"
        " 9    Holloway Singers      £2,000\n"
    )
    assert column(text, "org") == ["Fenbridge Arts Trust", "Holloway Singers"]


def test_a_total_line_ends_the_table() -> None:
    assert not any("TOTAL" in t for row in rows(_GRANTS) for _r, t in row)
    assert "£25,500" not in column(_GRANTS, "amount")
    text = (
        "Source                                 Amount\n"
        "Harrowgate Foundation                  £40,000\n"
        "Total                                  £40,000\n"
    )
    assert len(rows(text)) == 1


def test_a_place_cell_wrapped_after_and_lists_two_places_and_one_wrapped_without_is_one_name() -> None:
    assert column(_GRANTS, "place") == ["Thornby", "Wexcombe", "Eastholme", "Upper Brackwater"]


def test_a_description_after_a_project_name_is_not_part_of_the_name() -> None:
    text = (
        "Organisation            Project                          Amount\n"
        "Fenbridge Arts Trust    Clay Days oral history           £3,000\n"
        "Holloway Singers        Harbour Songs (see note 2)       £2,000\n"
        "Mossley Makers          Print the Town                   £1,000\n"
        "Ravel Street Guild      Ravel Lights winter fair         £1,500\n"
    )
    assert column(text, "programme") == ["Clay Days", "Harbour Songs", "Print the Town", "Ravel Lights"]
    assert column(_GRANTS, "programme") == ["Clay Days", "Stage Fright", "Tide School"]


def test_an_acronym_after_an_organisation_is_not_part_of_its_name() -> None:
    text = (
        "Partner                     Role\n"
        "Fenbridge Job Shop (DWP)    Referrals\n"
        "Holloway College            Courses\n"
    )
    assert column(text, "org") == ["Fenbridge Job Shop", "Holloway College"]


def test_a_cell_that_is_no_name_gives_no_entity() -> None:
    text = (
        "Partner                     Role                   Area\n"
        "Holloway College            Courses                City-wide\n"
        "council outreach team       Referrals              All wards\n"
    )
    assert column(text, "org") == ["Holloway College"]
    assert column(text, "place") == []


def test_an_amount_right_aligned_one_space_from_a_long_cell_is_cut_off_it() -> None:
    text = (
        "Organisation      Area              Award\n"
        "Fenbridge Trust   Thornby          £9,800\n"
        "Holloway Players  Wexcombe and    £15,000\n"
        "                  Eastholme\n"
    )
    assert column(text, "amount") == ["£9,800", "£15,000"]
    assert column(text, "place") == ["Thornby", "Wexcombe", "Eastholme"]


def test_a_place_with_a_part_of_it_in_brackets_is_two_places() -> None:
    text = (
        "Organisation      Area                 Award\n"
        "Fenbridge Trust   Thornby (Eastfield)  £9,800\n"
        "Holloway Players  Wexcombe             £1,500\n"
    )
    assert column(text, "place") == ["Thornby", "Eastfield", "Wexcombe"]


def test_rows_set_apart_by_blank_lines_end_only_at_the_blank_lines() -> None:
    text = (
        "Partner                 Role                  Area\n\n"
        "Eastgate Community      Outreach and          Thornby\n"
        "Anchor Trust            coaching\n\n"
        "Weir Street Youth       Under-25s strand      Ferrybank\n"
        "Forum CIC\n\n"
        "The partners met monthly.\n"
    )
    assert column(text, "org") == ["Eastgate Community Anchor Trust", "Weir Street Youth Forum CIC"]
    assert column(text, "place") == ["Thornby", "Ferrybank"]


def test_a_blank_line_before_prose_ends_the_table() -> None:
    text = (
        "Organisation            Area          Award\n"
        "Fenbridge Arts Trust    Thornby       £3,000\n\n"
        "Holloway Singers said  the grant      helps.\n"
    )
    assert len(rows(text)) == 1


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        (["Source", "Amount"], ("funder", "amount")),
        (["Funding source", "Amount (£)"], ("funder", "amount")),
        # without amounts, a "Source" column names no funders
        (["Source", "Title"], (None, "programme")),
        (["Ref", "Organisation", "Award", "Months"], (None, "org", "amount", None)),
    ],
)
def test_column_roles_from_header_words(headers: list[str], roles: tuple[str | None, ...]) -> None:
    assert table_roles(headers) == roles


def test_a_months_column_does_not_stop_the_header_being_read() -> None:
    text = (
        "Ref    Organisation          Award    Months\n"
        "F301   Fenbridge Arts Trust  £3,000       12\n"
    )
    assert rows(text) == [[(None, "F301"), ("org", "Fenbridge Arts Trust"), ("amount", "£3,000"), (None, "12")]]


def test_a_funder_cell_names_the_funder_before_what_it_funds_through() -> None:
    text = (
        "5.1 The capital cost is met as follows:\n\n"
        "    Source                                  Amount\n"
        "    Harrowgate Foundation, Green Streets    £40,000\n"
        "    Council capital programme               £10,000\n"
    )
    assert column(text, "funder") == ["Harrowgate Foundation"]


def test_a_wrapped_grants_table_gives_whole_names_and_the_rows_relations() -> None:
    x = extract(_GRANTS)
    assert "Orchard Lane Pottery Collective" in x.entities
    assert "Collective" not in x.entities and "Theatre Company" not in x.entities
    grant = x.relation("Marlow Vale Trust", "funds", "Kettle Street Youth Theatre Company")
    assert grant.amount == Decimal("12500")
    assert ("Kettle Street Youth Theatre Company", "delivers", "Stage Fright") in x.triples
    assert ("Stage Fright", "operatesIn", "Wexcombe") in x.triples
    assert ("Stage Fright", "operatesIn", "Eastholme") in x.triples
    assert ("Tide School", "operatesIn", "Upper Brackwater") in x.triples
    assert not any("TOTAL" in name for name in x.entities)
    # a name the finder ran across two cells one space apart is cut at the column
    assert "Brackwater Sailing Club Tide School" not in x.entities
    assert ("Brackwater Sailing Club", "delivers", "Tide School") in x.triples
    # each row is one sentence, its wrapped lines with it
    assert ("Kettle Street Youth     Stage Fright             Wexcombe and    £12,500\n"
            "Theatre Company                                  Eastholme") in sentences(_GRANTS)
