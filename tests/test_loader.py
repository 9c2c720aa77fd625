"""Validation of facts files: every fault is reported with file, record and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from cqedu.core.errors import FactsError
from cqedu.facts.loader import MAX_FILE_BYTES, parse_facts, read_facts, read_open_facts
from tests.conftest import MINI_FACTS

HEADER = """schema = 1

[[sources]]
id = "src"
title = "T"
file = "a.txt"
date = "2025-10-20"
summary = "S"
sections = ["Intro"]

[[levels]]
id = "preschool"
name = "Preschool"

[[countries]]
name = "Greece"
"""

STAT = """
[[stats]]
id = "preschool-enrollment"
name = "Preschool enrollment"
summary = "Share enrolled."
value = 93.5
unit = "percent"
as_written = "93.5%"
level = "preschool"
section = "Intro"
paragraph = 1
"""


def load_text(text: str) -> None:
    parse_facts(text.encode("utf-8"), "facts.toml")


def failure(text: str) -> str:
    with pytest.raises(FactsError) as caught:
        load_text(text)
    return str(caught.value)


def test_a_valid_file_loads_into_typed_records() -> None:
    document = parse_facts((HEADER + STAT).encode(), "facts.toml")
    (fact,) = document.facts
    assert (fact.id, fact.kind, fact.value, fact.unit, fact.source) == (
        "preschool-enrollment",
        "stat",
        93.5,
        "percent",
        "src",
    )
    assert document.levels[0].aliases == ()


def test_the_mini_test_file_loads() -> None:
    assert len(read_facts(MINI_FACTS).facts) == 8


def test_wrong_type_names_file_record_and_field() -> None:
    assert failure(HEADER + STAT.replace("value = 93.5", 'value = "ninety"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): value: expected a number, got "ninety"'
    )


def test_the_record_index_counts_within_its_table() -> None:
    second = STAT.replace('id = "preschool-enrollment"', 'id = "x"').replace(
        "paragraph = 1", 'paragraph = "1"'
    )
    assert failure(HEADER + STAT + second) == (
        'facts.toml: stats[1] (id "x"): paragraph: expected an integer, got "1"'
    )


def test_toml_syntax_error_has_line_and_column() -> None:
    assert failure(HEADER + "\n[[stats]]\nid = \n") == (
        "facts.toml:19:6: invalid TOML: string values must be quoted, expected literal string"
    )


def test_not_utf8_is_refused_with_offset() -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(HEADER.encode() + "# caf\u00e9\n".encode("latin-1"), "facts.toml")
    assert str(caught.value) == (
        "facts.toml:17: not UTF-8 (byte 0xe9 at offset 201); save the file as UTF-8"
    )


def test_utf16_is_named() -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts((HEADER + STAT).encode("utf-16"), "facts.toml")
    assert str(caught.value) == "facts.toml: file is UTF-16; save it as UTF-8"


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(b"\x00\x01\x02binary", "facts.toml")
    assert str(caught.value) == "facts.toml: file contains NUL bytes and is not a text file"


def test_utf8_bom_is_accepted() -> None:
    document = parse_facts(b"\xef\xbb\xbf" + (HEADER + STAT).encode(), "facts.toml")
    assert document.facts[0].id == "preschool-enrollment"


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_empty_file(text: str) -> None:
    assert failure(text) == 'facts.toml: file is empty; a facts file starts with "schema = 1"'


def test_file_without_records() -> None:
    assert failure(HEADER) == (
        "facts.toml: no records; add at least one of "
        "[[stats]], [[programs]], [[partners]], [[events]], [[people]], "
        "[[organizations]], [[concepts]]"
    )


def test_missing_schema() -> None:
    assert failure(HEADER.replace("schema = 1\n", "") + STAT) == (
        'facts.toml: schema: missing; a facts file starts with "schema = 1"'
    )


def test_wrong_schema_version() -> None:
    assert failure(HEADER.replace("schema = 1", "schema = 2") + STAT) == (
        "facts.toml: schema: expected 1, got 2"
    )


def test_missing_required_field() -> None:
    assert failure(HEADER + STAT.replace('summary = "Share enrolled."\n', "")) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): summary: missing required field'
    )


def test_unknown_field_suggests_the_right_one() -> None:
    assert failure(HEADER + STAT.replace("value = 93.5", "vaule = 93.5")) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): vaule: unknown field '
        '(did you mean "value"?)'
    )


def test_unknown_table_is_an_unknown_kind() -> None:
    assert failure(HEADER + STAT.replace("[[stats]]", "[[stat]]")) == (
        'facts.toml: stat: unknown table (did you mean "stats"?)'
    )


def test_duplicate_ids() -> None:
    program = STAT.replace("[[stats]]", "[[programs]]")
    assert failure(HEADER + STAT + program) == (
        'facts.toml: programs[0] (id "preschool-enrollment"): id: "preschool-enrollment" '
        'is already used by stats[0] (id "preschool-enrollment")'
    )


def test_unknown_level() -> None:
    assert failure(HEADER + STAT.replace('level = "preschool"', 'level = "preschol"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): level: unknown level "preschol" '
        '(did you mean "preschool"?); valid levels: preschool'
    )


def test_as_written_must_match_value() -> None:
    assert failure(HEADER + STAT.replace('as_written = "93.5%"', 'as_written = "93.8%"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): as_written: "93.8%" reads as 93.8, '
        "but value is 93.5"
    )


def test_as_written_qualifier_must_match() -> None:
    assert failure(HEADER + STAT.replace('as_written = "93.5%"', 'as_written = "over 93.5%"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): qualifier: "over 93.5%" implies '
        '"over", got none'
    )


def test_as_written_must_be_a_figure() -> None:
    assert failure(HEADER + STAT.replace('as_written = "93.5%"', 'as_written = "lots"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): as_written: "lots" is not a figure '
        'like "over 8,000", "93.5%" or "six"'
    )


def test_percent_figures_need_the_percent_unit() -> None:
    assert failure(HEADER + STAT.replace('unit = "percent"', 'unit = "pupils"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): unit: "93.5%" is a percentage, '
        'so unit must be "percent"'
    )


def test_a_stat_needs_a_value() -> None:
    text = STAT.replace("value = 93.5\n", "").replace('unit = "percent"\n', "")
    text = text.replace('as_written = "93.5%"\n', "")
    assert failure(HEADER + text) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): value: missing required field '
        "(every stat has a figure)"
    )


def test_partial_figure() -> None:
    assert failure(HEADER + STAT.replace('unit = "percent"\n', "")) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): unit: missing; a figure needs value, '
        "unit and as_written"
    )


def test_related_must_name_a_record() -> None:
    assert failure(HEADER + STAT.replace("paragraph = 1", 'paragraph = 1\nrelated = ["nope"]')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): related[0]: no record has id "nope"'
    )


def test_partners_need_country_and_known_category() -> None:
    partner = """
[[partners]]
id = "p"
name = "P"
summary = "S"
category = "club"
country = "Greece"
section = "Intro"
paragraph = 1
"""
    assert failure(HEADER + partner) == (
        'facts.toml: partners[0] (id "p"): category: expected one of institution, country, '
        'centre, got "club"'
    )
    assert failure(HEADER + partner.replace('country = "Greece"\n', "")) == (
        'facts.toml: partners[0] (id "p"): country: missing required field (partners need it)'
    )
    assert failure(HEADER + partner.replace('"Greece"', '"Grece"')) == (
        'facts.toml: partners[0] (id "p"): country: unknown country "Grece"; declare it in '
        '[[countries]] (did you mean "Greece"?)'
    )


def test_unknown_section() -> None:
    assert failure(HEADER + STAT.replace('section = "Intro"', 'section = "Intra"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): section: "Intra" is not a section '
        'of source "src" (did you mean "Intro"?)'
    )


def test_bad_slug_and_bad_date() -> None:
    assert failure(HEADER + STAT.replace('"preschool-enrollment"', '"Preschool Enrollment"')) == (
        'facts.toml: stats[0] (id "Preschool Enrollment"): id: "Preschool Enrollment" is not a '
        "slug; use lowercase letters, digits and single hyphens"
    )
    assert failure(
        HEADER + STAT.replace("paragraph = 1", 'paragraph = 1\ndate = "2025-02-30"')
    ) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): date: expected a date as '
        '"YYYY-MM-DD", got "2025-02-30"'
    )


def test_toml_dates_are_refused_with_a_hint() -> None:
    assert failure(HEADER + STAT.replace("paragraph = 1", "paragraph = 1\ndate = 2025-01-01")) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): date: expected a string, got a TOML '
        "date/time (2025-01-01); write it as a string"
    )


def test_control_characters_in_values_are_refused() -> None:
    assert failure(HEADER + STAT.replace('"Share enrolled."', '"Share\\u001b[31m"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): summary: contains control '
        "character U+001B; remove it"
    )


def test_records_must_be_arrays_of_tables() -> None:
    assert failure(HEADER.replace("schema = 1", 'schema = 1\nstats = "x"')) == (
        'facts.toml: stats: expected an array of tables ([[stats]]), got "x"'
    )


def test_deep_nesting_is_a_facts_error() -> None:
    depth = 100_000
    # toml-rs parses it on a deep enough stack (tomllib, the fallback, refuses it as
    # "values are nested too deeply"); either way a FactsError, never a crash.
    assert failure("x = " + "[" * depth + "]" * depth + "\n") == "facts.toml: x: unknown table"


def test_booleans_are_not_numbers() -> None:
    assert failure(HEADER + STAT.replace("value = 93.5", "value = true")) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): value: expected a number, got true'
    )


def test_missing_file_directory_and_permission(tmp_path: Path) -> None:
    with pytest.raises(FactsError) as caught:
        read_facts(tmp_path / "none.toml")
    assert (
        str(caught.value) == f"{tmp_path / 'none.toml'}: no such file; pass an existing facts file"
    )
    with pytest.raises(FactsError) as caught:
        read_facts(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a directory; pass a facts file (.toml)"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(HEADER + STAT)

    def deny(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(FactsError) as caught:
        read_facts(path)
    assert str(caught.value) == f"{path}: permission denied; make the file readable"


def test_huge_file_is_refused_before_parsing() -> None:
    chunks = [b"x" * (MAX_FILE_BYTES + 1)]

    def read(size: int) -> bytes:
        assert size == MAX_FILE_BYTES + 1
        return chunks.pop()

    with pytest.raises(FactsError) as caught:
        read_open_facts(read, "big.toml")
    assert (
        str(caught.value)
        == "big.toml: file is larger than 256 MiB; split it or pass the right file"
    )


def test_a_level_or_country_alias_in_a_record_is_stored_as_its_canonical_name() -> None:
    header = HEADER.replace('name = "Preschool"', 'name = "Preschool"\naliases = ["kindergarten"]')
    header = header.replace('name = "Greece"', 'name = "Greece"\naliases = ["Hellas"]')
    partner = """
[[partners]]
id = "p"
name = "P"
summary = "S."
category = "institution"
country = "hellas"
section = "Intro"
paragraph = 1
"""
    stat = STAT.replace('level = "preschool"', 'level = "Kindergarten"')
    document = parse_facts((header + stat + partner).encode(), "facts.toml")
    assert [(f.level, f.country) for f in document.facts] == [
        ("preschool", None),
        (None, "Greece"),
    ]


def test_an_unknown_level_offers_an_alias_and_lists_the_valid_ones() -> None:
    header = HEADER.replace('name = "Preschool"', 'name = "Preschool"\naliases = ["kindergarten"]')
    assert failure(header + STAT.replace('level = "preschool"', 'level = "kindergarden"')) == (
        'facts.toml: stats[0] (id "preschool-enrollment"): level: unknown level "kindergarden" '
        '(did you mean "kindergarten"?); valid levels: preschool'
    )


def test_a_syntax_error_at_the_end_of_the_file_has_line_and_column() -> None:
    assert failure(HEADER + '\n[[stats]]\nid = "x\n'.rstrip("\n")) == (
        'facts.toml:19:8: invalid TOML: invalid basic string, expected `"`'
    )
    assert failure(HEADER + "\n[[stats]]\nvalue = [1,\n") == (
        "facts.toml:19:12: invalid TOML: unclosed array, expected `]`"
    )


# ---------------------------------------------------------------- repeated declarations

TERM = """
[[terms]]
term = "children"
synonyms = ["kids"]
"""


def test_a_file_repeating_declarations_gets_them_whole_and_keeps_its_own_source() -> None:
    first = parse_facts((HEADER + TERM + STAT).encode(), "a.toml")
    second = parse_facts((HEADER.replace('"src"', '"other"') + TERM + STAT).encode(), "b.toml")
    assert (second.levels, second.countries, second.terms) == (
        first.levels,
        first.countries,
        first.terms,
    )
    assert [s.id for s in second.sources] == ["other"]
    assert second.facts[0].source == "other"


def test_a_fault_in_repeated_declarations_is_found_every_time() -> None:
    faulty = HEADER.replace('name = "Preschool"', "name = 5") + STAT
    message = 'facts.toml: levels[0] (id "preschool"): name: expected a string, got 5'
    assert failure(faulty) == message
    assert failure(faulty) == message


def test_a_faulty_source_beside_declarations_seen_before_is_reported() -> None:
    load_text(HEADER + STAT)
    text = (HEADER + STAT).replace('date = "2025-10-20"', 'date = "20 October"')
    assert failure(text).startswith('facts.toml: sources[0] (id "src"): date: ')


def test_levels_declared_by_an_earlier_file_do_not_carry_over_to_one_that_lacks_them() -> None:
    load_text(HEADER + STAT)
    without = HEADER.replace('[[levels]]\nid = "preschool"\nname = "Preschool"\n', "")
    assert failure(without + STAT).startswith(
        'facts.toml: stats[0] (id "preschool-enrollment"): level: unknown level "preschool"'
    )
