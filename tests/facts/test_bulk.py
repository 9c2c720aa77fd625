"""Records checked a column at a time (facts/bulk.py) give what checking them one by one gives.

`bulk_facts` only says whether every record is valid; a file with any fault must go the
record-by-record way, which words its first message.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from cqedu.core.errors import FactsError
from cqedu.facts import loader
from cqedu.facts.bulk import _figures_hold, bulk_facts
from cqedu.facts.figures import (
    FIGURE_PATTERN,
    QUALIFIERS,
    Figure,
    figure_of,
    parse_figure,
    same_number,
)
from cqedu.facts.model import Fact
from cqedu.facts.problems import Reporter
from cqedu.facts.read import parse_toml
from cqedu.facts.rules import Vocabularies
from cqedu.facts.shape import ShapeChecker
from cqedu.facts.tables import COUNTRIES, LEVELS, SOURCES
from tests.conftest import MINI_FACTS
from tests.facts.helpers import HEADER, STAT

ROOT = Path(__file__).resolve().parents[2]

#: Declarations to name: two sources, a level and a country with aliases.
DECLARED = """schema = 1

[[sources]]
id = "s"
title = "T"
file = "t.txt"
date = "2025-01-02"
summary = "S."
sections = ["Intro", "Später"]

[[sources]]
id = "t"
title = "U"
file = "u.txt"
date = "2025-01-03"
summary = "U."
sections = ["Other"]

[[levels]]
id = "preschool"
name = "Preschool"
aliases = ["kindergarten"]

[[countries]]
name = "United Kingdom"
aliases = ["UK"]
"""

#: Valid records with every kind of value the checks treat apart.
RECORDS = """
[[stats]]
id = "zero"
name = "Zero point zero"
summary = "A float zero, a level by its alias and a country by its alias."
value = 0.0
unit = "points"
as_written = "0.0"
level = "Kindergarten"
country = "uk"
measure = "count"
section = "Intro"
paragraph = 1
source = "s"

[[stats]]
id = "share"
name = "Share\u00a0of children"
summary = "A percentage in words, with a qualifier."
value = 93.5
unit = "percent"
as_written = "about 93.5%"
qualifier = "about"
keywords = ["enrolment", "kinder garten"]
related = ["zero", "club"]
date = "2025-10-20"
date_as_written = "20 October"
section = "Später"
paragraph = 2
source = "s"

[[stats]]
id = "six"
name = "Six"
summary = "A number word, negative paragraphs are not allowed but large ones are."
value = 6
unit = "schools"
as_written = "six"
section = "Other"
paragraph = 9223372036854775807
source = "t"

[[programs]]
id = "club"
name = "重庆 robotics club"
summary = "A program without a figure, with fields."
fields = ["robotics", "coding"]
keywords = []
period = "2021-2025"
inference = "The year is inferred."
section = "Other"
paragraph = 3
source = "t"

[[partners]]
id = "oxford"
name = "Oxford"
summary = "A partner."
category = "institution"
country = "United Kingdom"
section = "Intro"
paragraph = 1
source = "s"
"""


def vocabularies(raw: dict[str, object]) -> Vocabularies:
    reporter = Reporter("f.toml")
    shape = ShapeChecker(reporter)
    declared = Vocabularies(reporter)
    declared.declare(
        *(
            [shape.fields(where, table, spec) for where, table in shape.listing(raw, spec)]
            for spec in (SOURCES, LEVELS, COUNTRIES)
        )
    )
    return declared


def bulk_of(text: str, *, related_elsewhere: bool = False) -> list[Fact] | None:
    raw = parse_toml(text, "f.toml")
    return bulk_facts(raw, vocabularies(raw), related_elsewhere=related_elsewhere)


def one_by_one(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Fact, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(loader, "bulk_facts", lambda *_args, **_kwargs: None)
        return loader.parse_facts(text.encode("utf-8"), "f.toml").facts


@pytest.mark.parametrize(
    "text",
    [
        DECLARED + RECORDS,
        (ROOT / "facts.toml").read_text(encoding="utf-8"),
        MINI_FACTS.read_text(encoding="utf-8"),
        HEADER + STAT,
    ],
    ids=["every kind of value", "bundled facts", "mini facts", "one stat"],
)
def test_valid_records_checked_a_column_at_a_time_are_those_checked_one_by_one(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = bulk_of(text)
    assert found is not None
    assert tuple(found) == one_by_one(text, monkeypatch)
    assert loader.parse_facts(text.encode("utf-8"), "f.toml").facts == tuple(found)
    assert [type(fact) for fact in found] == [Fact] * len(found)


def test_the_aliases_and_the_only_source_are_resolved() -> None:
    found = bulk_of(DECLARED + RECORDS)
    assert found is not None
    zero = found[0]
    assert (zero.level, zero.country, zero.source, zero.value) == (
        "preschool",
        "United Kingdom",
        "s",
        0.0,
    )
    only = bulk_of(HEADER + STAT)
    assert only is not None
    assert only[0].source == "s"  # the one source, named by no record


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("paragraph = 1\n", "paragraph = 0\n"),
        ("paragraph = 1\n", "paragraph = true\n"),
        ("paragraph = 1\n", "paragraph = 1.0\n"),
        ("paragraph = 1\n", "paragraph = 9223372036854775808\n"),
        ("value = 1234\n", "value = -0.0\n"),
        ("value = 1234\n", "value = inf\n"),
        ("value = 1234\n", "value = nan\n"),
        ("value = 1234\n", "value = true\n"),
        ("value = 1234\n", 'value = "1234"\n'),
        ("value = 1234\n", "value = 1235\n"),
        ('unit = "schools"', 'unit = " schools"'),
        ('unit = "schools"', 'unit = ""'),
        ('unit = "schools"', 'unit = "school\\u0007s"'),
        ('unit = "schools"', 'unit = "percent"'),
        ('unit = "schools"\n', ""),
        ('name = "Schools"', 'name = ["Schools"]'),
        ('name = "Schools"\n', ""),
        ('id = "schools"', 'id = "Schools"'),
        ('id = "schools"', 'id = "schools-"'),
        ('section = "Intro"', 'section = "Outro"'),
        ('section = "Intro"', 'section = "Intro"\nsource = "nowhere"'),
        ('as_written = "1,234"', 'as_written = "over 1,234"'),
        ('as_written = "1,234"', 'as_written = "1,234"\nqualifier = "over"'),
        ('as_written = "1,234"', 'as_written = "a lot"'),
        ('as_written = "1,234"', 'as_written = "1,234"\nunitt = "x"'),
        ('as_written = "1,234"', 'as_written = "1,234"\nlevel = "nowhere"'),
        ('as_written = "1,234"', 'as_written = "1,234"\ncountry = "Atlantis"'),
        ('as_written = "1,234"', 'as_written = "1,234"\ncategory = "institution"'),
        ('as_written = "1,234"', 'as_written = "1,234"\nmeasure = "size"'),
        ('as_written = "1,234"', 'as_written = "1,234"\ndate = "2025-02-30"'),
        ('as_written = "1,234"', 'as_written = "1,234"\ndate = 2025-02-03'),
        ('as_written = "1,234"', 'as_written = "1,234"\nkeywords = ["a", "a"]'),
        ('as_written = "1,234"', 'as_written = "1,234"\nkeywords = ["a", 1]'),
        ('as_written = "1,234"', 'as_written = "1,234"\nkeywords = [" a"]'),
        ('as_written = "1,234"', 'as_written = "1,234"\nkeywords = "a"'),
        ('as_written = "1,234"', 'as_written = "1,234"\nrelated = ["schools"]'),
        ('as_written = "1,234"', 'as_written = "1,234"\nrelated = ["nowhere"]'),
    ],
)
def test_a_record_with_a_fault_is_left_to_the_checks_one_by_one(old: str, new: str) -> None:
    text = HEADER + STAT.replace(old, new, 1)
    assert text != HEADER + STAT
    assert bulk_of(text) is None
    with pytest.raises(FactsError):
        loader.parse_facts(text.encode("utf-8"), "f.toml")


def test_faults_across_records_are_left_to_the_checks_one_by_one() -> None:
    twice = HEADER + STAT + STAT
    assert bulk_of(twice) is None  # an id used twice
    program = STAT.replace("[[stats]]", "[[programs]]").replace('id = "schools"', 'id = "p"')
    assert bulk_of(HEADER + program.replace("value = 1234\n", "")) is None  # unit, no value
    partner = program.replace("[[programs]]", "[[partners]]")
    assert bulk_of(HEADER + STAT + partner) is None  # a partner needs a country
    assert bulk_of(HEADER) is None  # no records
    assert bulk_of(HEADER.replace("schema = 1\n", "schema = 1\nstats = 3\n")) is None
    related = HEADER + STAT.replace('unit = "schools"', 'unit = "schools"\nrelated = ["x"]')
    assert bulk_of(related) is None
    assert bulk_of(related, related_elsewhere=True) is not None  # a part of a file
    several = DECLARED + STAT  # two sources: a record must name its own
    assert bulk_of(several) is None


def test_plain_numerals_read_as_the_whole_grammar_reads_them() -> None:
    def grammar(written: str) -> Figure | None:
        match = FIGURE_PATTERN.fullmatch(" ".join(written.strip().split()))
        return None if match is None else figure_of(match)

    numerals = ["0", "5", "12", "1,234", "12,345.5", "1234", "1,23", "1,2345", "93.5", "٣"]
    numerals += [".5", "1.", "08", "1,000,000", "10 000", "1,234%", "$5"]
    qualifiers = ["", *QUALIFIERS, "Over", "MORE THAN", "\u017fome", "mor than", "between"]
    for qualifier, numeral in itertools.product(qualifiers, numerals):
        for written in (
            f"{qualifier} {numeral}",
            f"{qualifier}{numeral}",
            f" {qualifier}\t{numeral} ",
        ):
            assert parse_figure(written) == grammar(written), written


@pytest.mark.parametrize(
    ("figure", "valid"),
    [
        ('value = 5\nas_written = "Over 5"\nqualifier = "over"', True),
        ('value = 3\nas_written = "\u0663"', True),
        ('value = 1234\nas_written = "more than 1,234"\nqualifier = "more than"', True),
        ('value = 1234\nas_written = "more  than 1,234"\nqualifier = "more than"', True),
        ('value = 12\nas_written = "a dozen"', True),
        ('value = 5\nas_written = "over 5"', False),
        ('value = 5\nas_written = "5"\nqualifier = "over"', False),
        ('value = 5\nas_written = "Over 5"\nqualifier = "Over"', False),
        ('value = 5\nas_written = "lots 5"\nqualifier = "lots"', False),
        ('value = 1234\nas_written = "1234,5"', False),
        ('value = 6\nas_written = "5"', False),
    ],
)
def test_whole_numbers_are_checked_as_the_grammar_reads_them(
    figure: str, valid: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    stat = STAT.replace(
        'value = 1234\nunit = "schools"\nas_written = "1,234"', f'unit = "schools"\n{figure}'
    )
    assert stat != STAT
    found = bulk_of(HEADER + stat)
    assert (found is not None) is valid
    if valid:
        assert tuple(found or ()) == one_by_one(HEADER + stat, monkeypatch)
    else:
        with pytest.raises(FactsError):
            loader.parse_facts((HEADER + stat).encode("utf-8"), "f.toml")


def test_figures_written_as_their_values_print_are_checked_as_the_grammar_reads_them() -> None:
    def grammar(value: float, unit: str, written: str, qualifier: str | None) -> bool:
        figure = parse_figure(written)
        return (
            figure is not None
            and same_number(figure.value, value)
            and figure.qualifier == qualifier
            and figure.percent == (unit == "percent")
        )

    values: list[float] = [0, 5, 1234, 1234567, 93.5, 12.0, 0.25, -5, -0.5, 1e16, 1e-05]
    heads = ["", *QUALIFIERS, "Over", "MORE THAN", "lots", "over  "]
    checked = 0
    for value, unit, head, qualifier in itertools.product(
        values, ["schools", "percent"], heads, [None, *QUALIFIERS]
    ):
        for numeral in {repr(value), f"{value:,}", f"{value:,}".replace(",", " ")}:
            for written in (f"{head} {numeral}".lstrip(" "), f"{head} {numeral}%".lstrip(" ")):
                columns = {
                    "value": [value],
                    "unit": [unit],
                    "as_written": [written],
                    "qualifier": [qualifier],
                }
                verdict = grammar(value, unit, written, qualifier)
                assert _figures_hold(columns, 1) is verdict, (value, unit, written, qualifier)
                checked += verdict
    assert checked == 522
