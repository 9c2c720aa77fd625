"""Every number a facts file can hold is valid, stored and printed exactly, or refused by
both `check` and loading with its field named (issue 15, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cqedu
from cqedu.cli import app
from tests.facts.helpers import HEADER, STAT, refused_by_both

INT_RANGE = "integers go from -9223372036854775808 to 9223372036854775807"
VALUE_LINE = 15  # `value = ` in HEADER + STAT
PARAGRAPH_LINE = 19


def stat(**fields: str) -> str:
    """HEADER + STAT with some fields' right-hand sides replaced, or added at its end."""
    text = STAT
    for key, value in fields.items():
        line = next((line for line in text.splitlines() if line.startswith(f"{key} = ")), None)
        text = text.replace(line, f"{key} = {value}") if line else f"{text}{key} = {value}\n"
    return HEADER + text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # tomllib raises ValueError past 4,300 digits (Python's int conversion limit)
        ("9" * 4301, f"an integer of more than 40 digits is out of range; {INT_RANGE}"),
        (
            "-" + "9" * 5000,
            f"a negative integer of more than 40 digits is out of range; {INT_RANGE}",
        ),
        ("1_" + "0" * 4400, f"an integer of more than 40 digits is out of range; {INT_RANGE}"),
        # past 64 bits: SQLite cannot store them
        ("9223372036854775808", f"9223372036854775808 is out of range; {INT_RANGE}"),
        ("-9223372036854775809", f"-9223372036854775809 is out of range; {INT_RANGE}"),
        ("0x" + "f" * 5000, f"an integer of more than 40 digits is out of range; {INT_RANGE}"),
        ("0o" + "7" * 30, f"1237940039285380274899124223 is out of range; {INT_RANGE}"),
        ("0b1" + "0" * 64, f"18446744073709551616 is out of range; {INT_RANGE}"),
        # floats that are no figure
        ("inf", "expected a finite number, got inf (a number past 1.8e308 is infinite)"),
        ("-inf", "expected a finite number, got -inf (a number past 1.8e308 is infinite)"),
        ("1e400", "expected a finite number, got inf (a number past 1.8e308 is infinite)"),
        ("-1.5e999", "expected a finite number, got -inf (a number past 1.8e308 is infinite)"),
        ("nan", "expected a finite number, got nan"),
        ("-nan", "expected a finite number, got nan"),
        ("-0.0", "-0.0 is negative zero; write 0"),
        ("-0e5", "-0.0 is negative zero; write 0"),
        ("true", "expected a number, got true"),
        (
            "1979-05-27",
            "expected a number, got a TOML date/time (1979-05-27); write it as a string",
        ),
    ],
)
def test_a_value_no_store_can_hold_is_refused_with_its_field(
    tmp_path: Path, value: str, message: str
) -> None:
    assert refused_by_both(tmp_path, stat(value=value)) == (
        f'{VALUE_LINE}:1: stats[0] (id "schools"): value: {message}'
    )


@pytest.mark.parametrize(
    ("paragraph", "message"),
    [
        ("11111111111111111111", f"11111111111111111111 is out of range; {INT_RANGE}"),
        ("9" * 4400, f"an integer of more than 40 digits is out of range; {INT_RANGE}"),
        ("0", "expected 1 or more, got 0"),
        ("-0", "expected 1 or more, got 0"),
        ("-3", "expected 1 or more, got -3"),
        ("-9223372036854775808", "expected 1 or more, got -9223372036854775808"),
        ("1.0", "expected an integer, got 1.0"),
        ("1e0", "expected an integer, got 1.0"),
        ("inf", "expected an integer, got inf"),
        ("nan", "expected an integer, got nan"),
        ('"1"', 'expected an integer, got "1"'),
        ("false", "expected an integer, got false"),
    ],
)
def test_a_paragraph_that_is_no_paragraph_is_refused(
    tmp_path: Path, paragraph: str, message: str
) -> None:
    assert refused_by_both(tmp_path, stat(paragraph=paragraph)) == (
        f'{PARAGRAPH_LINE}:1: stats[0] (id "schools"): paragraph: {message}'
    )


@pytest.mark.parametrize(
    ("schema", "shown"),
    [("1.0", "1.0"), ("2", "2"), ("0x1_0000_0000_0000_0001", "18446744073709551617"),
     ("true", "true"), ('"1"', '"1"'), ("[1]", "an array"), ("{ v = 1 }", "a table")],
)  # fmt: skip
def test_the_schema_version_is_the_integer_1(tmp_path: Path, schema: str, shown: str) -> None:
    text = (HEADER + STAT).replace("schema = 1", f"schema = {schema}")
    assert refused_by_both(tmp_path, text) == f"1:1: schema: expected 1, got {shown}"


def test_a_long_integer_elsewhere_is_named_where_it_stands(tmp_path: Path) -> None:
    long = "7" * 4301
    assert refused_by_both(tmp_path, stat(keywords=f"[{long}]")) == (
        '20:1: stats[0] (id "schools"): keywords: expected a list of strings, got an array'
    )
    assert refused_by_both(tmp_path, HEADER + STAT + f"vaule = {long}\n") == (
        '20:1: stats[0] (id "schools"): vaule: unknown field (did you mean "value"?)'
    )
    # digits in a string are text, whatever their number: this one only misses its figure
    text = stat(as_written=f'"{long}"')
    assert refused_by_both(tmp_path, text) == (
        f'17:1: stats[0] (id "schools"): as_written: "{long}" reads as {long}, but value is 1234'
    )


@pytest.mark.parametrize(
    ("value", "as_written", "stored", "json_value"),
    [
        ("9223372036854775807", "9,223,372,036,854,775,807", 9223372036854775807,
         "9223372036854775807"),
        ("0", "0", 0, "0"),
        ("0x10", "16", 16, "16"),
        ("+1_000", "1,000", 1000, "1000"),
        ("0.0", "0", 0.0, "0.0"),
        ("1e16", "10,000,000,000,000,000", 1e16, "1e+16"),
        ("123456789.125", "123,456,789.125", 123456789.125, "123456789.125"),
        ("93.5", "93.5%", 93.5, "93.5"),
        ("1e300", "1" + "0" * 300, 1e300, "1e+300"),
    ],
)  # fmt: skip
def test_every_valid_number_is_stored_and_printed_exactly(
    tmp_path: Path, value: str, as_written: str, stored: float, json_value: str
) -> None:
    unit = '"percent"' if as_written.endswith("%") else '"schools"'
    path = tmp_path / "f.toml"
    path.write_text(stat(value=value, as_written=f'"{as_written}"', unit=unit), encoding="utf-8")
    (fact,) = cqedu.load(path).facts()  # through the SQLite store and its cache
    assert (fact.value, type(fact.value)) == (stored, type(stored))
    result = CliRunner().invoke(app, ["--facts", str(path), "show", "schools", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert f'"value": {json_value},' in result.stdout
    assert json.loads(result.stdout)["as_written"] == as_written


def test_the_largest_paragraph_is_stored_exactly(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_text(stat(paragraph="9223372036854775807"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--facts", str(path), "stats", "-f", "tsv", "--no-header", "-F", "paragraph,source"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "9223372036854775807\ts\n"
