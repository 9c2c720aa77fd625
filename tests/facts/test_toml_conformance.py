"""TOML 1.0 conformance of the parser cqedu reads facts files with, and of its fallback.

Every case runs against both parsers `cqedu.facts.toml` knows: toml-rs (the one used when
installed, a runtime dependency) and tomllib (the fallback). Valid documents must give
exactly the values the TOML 1.0 specification gives; invalid ones must be refused with a
TomlError that says where (line and column from 1). benchmarks/parsers.py runs the same
cases against the other parsers that were considered.
"""

from __future__ import annotations

import datetime
import importlib
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cqedu.facts import toml
from cqedu.facts.toml import TomlError, parse_with

PARSERS = ("toml-rs", "tomllib")
UTC = datetime.UTC
D = datetime.datetime


def offset(hours: int, minutes: int = 0) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=hours, minutes=minutes))


# (name, document, the tables it must parse to)
VALID: list[tuple[str, str, dict[str, Any]]] = [
    ("empty document", "", {}),
    ("comments only", "# a comment\n\n   # another\n", {}),
    ("bare keys", "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4", {
        "key": 1, "bare_key": 2, "bare-key": 3, "1234": 4}),
    ("quoted keys", '"127.0.0.1" = "v"\n"ʎǝʞ" = 1\n\'quoted "value"\' = 2\n"" = 3', {
        "127.0.0.1": "v", "ʎǝʞ": 1, 'quoted "value"': 2, "": 3}),
    ("dotted keys", 'name.first = "A"\nsite."google.com" = true\na . b . c = 1', {
        "name": {"first": "A"}, "site": {"google.com": True}, "a": {"b": {"c": 1}}}),
    ("dotted keys then a sub-table", 'fruit.apple.color = "red"\n[fruit.banana]\nx = 1', {
        "fruit": {"apple": {"color": "red"}, "banana": {"x": 1}}}),
    ("basic string escapes", r'a = "\b\t\n\f\r\"\\ /"', {"a": "\b\t\n\f\r\"\\ /"}),
    ("unicode escapes", r'a = "\u00E9\U0001F600\u0000"', {"a": "é\U0001f600\x00"}),
    ("literal string", "a = 'C:\\Users\\nodejs\\templates'", {"a": "C:\\Users\\nodejs\\templates"}),
    ("tab in a string", 'a = "x\ty"', {"a": "x\ty"}),
    ("non-ASCII text", 'a = "Chongqing 重庆 \u2013 café"', {"a": "Chongqing 重庆 \u2013 café"}),
    ("multi-line basic string, first newline trimmed", 'a = """\nRoses\nViolets"""', {
        "a": "Roses\nViolets"}),
    ("line-ending backslash", 'a = """\\\n   The quick \\\n   fox."""', {"a": "The quick fox."}),
    ("quotes inside multi-line strings", 'a = """""two"" and five"""""', {
        "a": '""two"" and five""'}),
    ("multi-line literal string", "a = '''\nfirst\n  \\n kept'''", {"a": "first\n  \\n kept"}),
    ("CRLF line endings", 'a = 1\r\nb = """x\r\ny"""\r\n', {"a": 1, "b": "x\ny"}),
    ("integers", "a = +99\nb = -17\nc = 0\nd = -0\ne = 1_000\nf = 5_349_221", {
        "a": 99, "b": -17, "c": 0, "d": 0, "e": 1000, "f": 5349221}),
    ("hex, octal and binary", "a = 0xDEADBEEF\nb = 0xdead_beef\nc = 0o755\nd = 0b1101_0110", {
        "a": 0xDEADBEEF, "b": 0xDEADBEEF, "c": 0o755, "d": 0b11010110}),
    ("64-bit integer limits", "a = 9223372036854775807\nb = -9223372036854775808", {
        "a": 2**63 - 1, "b": -(2**63)}),
    ("floats", "a = 3.1415\nb = -0.01\nc = 5e+22\nd = 1e06\ne = -2E-2\nf = 6.626e-34\n"
     "g = 224_617.445_991_228\nh = -0.0", {
        "a": 3.1415, "b": -0.01, "c": 5e22, "d": 1e6, "e": -0.02, "f": 6.626e-34,
        "g": 224617.445991228, "h": -0.0}),
    ("inf", "a = inf\nb = +inf\nc = -inf", {"a": math.inf, "b": math.inf, "c": -math.inf}),
    ("booleans", "a = true\nb = false", {"a": True, "b": False}),
    ("offset date-times", "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00-07:00\n"
     "c = 1979-05-27T00:32:00.999999+05:30\nd = 1979-05-27 07:32:00z\ne = 1979-05-27t07:32:00Z", {
        "a": D(1979, 5, 27, 7, 32, tzinfo=UTC),
        "b": D(1979, 5, 27, 0, 32, tzinfo=offset(-7)),
        "c": D(1979, 5, 27, 0, 32, 0, 999999, tzinfo=offset(5, 30)),
        "d": D(1979, 5, 27, 7, 32, tzinfo=UTC),
        "e": D(1979, 5, 27, 7, 32, tzinfo=UTC)}),
    ("fractions past microseconds are truncated", "a = 1979-05-27T00:32:00.9999999Z", {
        "a": D(1979, 5, 27, 0, 32, 0, 999999, tzinfo=UTC)}),
    ("local date-time", "a = 1979-05-27T07:32:00\nb = 1979-05-27T00:32:00.5", {
        "a": D(1979, 5, 27, 7, 32), "b": D(1979, 5, 27, 0, 32, 0, 500000)}),
    ("local date", "a = 1979-05-27\nb = 2000-02-29", {
        "a": datetime.date(1979, 5, 27), "b": datetime.date(2000, 2, 29)}),
    ("local time", "a = 07:32:00\nb = 00:32:00.999999", {
        "a": datetime.time(7, 32), "b": datetime.time(0, 32, 0, 999999)}),
    ("arrays", 'a = [1, 2, 3]\nb = ["x", \'y\']\nc = [[1, 2], ["a"]]\nd = []\ne = [1, 2.0, "x"]', {
        "a": [1, 2, 3], "b": ["x", "y"], "c": [[1, 2], ["a"]], "d": [], "e": [1, 2.0, "x"]}),
    ("multi-line array with comments and a trailing comma", "a = [\n  1, # one\n  2,\n]\n", {
        "a": [1, 2]}),
    ("tables", '[table-1]\nkey1 = "some string"\n[table-2]\nkey1 = 1\n[dog."tater.man"]\n'
     "type.name = 'pug'", {
        "table-1": {"key1": "some string"}, "table-2": {"key1": 1},
        "dog": {"tater.man": {"type": {"name": "pug"}}}}),
    ("super-table defined after its sub-table", "[x.y.z]\na = 1\n[x]\nb = 2", {
        "x": {"y": {"z": {"a": 1}}, "b": 2}}),
    ("inline tables", 'a = { first = "Tom", last = "P" }\nb = { x = { y = 1 }, z = [] }\nc = {}', {
        "a": {"first": "Tom", "last": "P"}, "b": {"x": {"y": 1}, "z": []}, "c": {}}),
    ("arrays of tables", '[[stats]]\nid = "a"\n[[stats]]\n[[stats]]\nid = "c"', {
        "stats": [{"id": "a"}, {}, {"id": "c"}]}),
    ("nested arrays of tables", '[[fruits]]\nname = "apple"\n[fruits.physical]\ncolor = "red"\n'
     '[[fruits.varieties]]\nname = "red delicious"\n[[fruits.varieties]]\nname = "granny"\n'
     '[[fruits]]\nname = "banana"', {
        "fruits": [
            {"name": "apple", "physical": {"color": "red"},
             "varieties": [{"name": "red delicious"}, {"name": "granny"}]},
            {"name": "banana"}]}),
    ("whitespace around keys and values", '  a  =  1  \n\tb\t=\t"x"\t# c', {"a": 1, "b": "x"}),
]  # fmt: skip

# (name, document) that TOML 1.0 refuses
INVALID: list[tuple[str, str]] = [
    ("a key given twice", "a = 1\na = 2"),
    ("a table given twice", "[a]\nb = 1\n[a]\nc = 2"),
    ("a table over a dotted key", '[fruit]\napple.color = "red"\n[fruit.apple]'),
    ("an inline table extended", "a = {b = 1}\na.c = 2"),
    ("an array of tables over an array", "a = []\n[[a]]"),
    ("a table over an array of tables", "[[a]]\n[a]"),
    ("a missing value", "a = "),
    ("a key without a value", "a"),
    ("a bare key with a space", "a b = 1"),
    ("an empty dotted key part", "a..b = 1"),
    ("two key/values on one line", "a = 1 b = 2"),
    ("an unquoted string", "a = hello"),
    ("an unterminated string", 'a = "hello'),
    ("an unterminated multi-line string", 'a = """hello\n'),
    ("a newline in a basic string", 'a = "hel\nlo"'),
    ("an invalid escape", r'a = "\q"'),
    ("a TOML 1.1 escape: \\e", r'a = "\e"'),
    ("a TOML 1.1 escape: \\x", r'a = "\x41"'),
    ("a surrogate escape", r'a = "\uD800"'),
    ("a control character in a string", 'a = "x\x01y"'),
    ("DEL in a string", 'a = "x\x7fy"'),
    ("a lone carriage return", "a = 1\rb = 2"),
    ("a leading zero", "a = 01"),
    ("a trailing underscore", "a = 1_"),
    ("a double underscore", "a = 1__0"),
    ("a leading-dot float", "a = .5"),
    ("a trailing-dot float", "a = 5."),
    ("an exponent without digits", "a = 1e"),
    ("capitalised nan", "a = NaN"),
    ("capitalised inf", "a = Inf"),
    ("a capitalised boolean", "a = True"),
    ("February 30th", "a = 1979-02-30"),
    ("month 13", "a = 1979-13-01"),
    ("second 60", "a = 1979-05-27T07:32:60Z"),
    ("an offset of 25 hours", "a = 1979-05-27T07:32:00+25:00"),
    ("a TOML 1.1 time without seconds", "a = 07:32"),
    ("a TOML 1.1 trailing comma in an inline table", "a = {b = 1,}"),
    ("a TOML 1.1 newline in an inline table", "a = {\nb = 1}"),
    ("an unclosed array", "a = [1, 2\nb = 3"),
    ("an array without commas", "a = [1 2]"),
    ("an unclosed table header", "[a\nb = 1"),
    ("an unclosed array-of-tables header", "[[stats]\nid = 1"),
]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(("name", "text", "expected"), VALID, ids=[case[0] for case in VALID])
def test_valid_documents_parse_to_the_specified_values(
    parser: str, name: str, text: str, expected: dict[str, Any]
) -> None:
    parsed = parse_with(parser, text)
    assert parsed == expected
    assert _types(parsed) == _types(expected)  # True is not 1, 1.0 is not 1, date not datetime


def _types(value: Any) -> Any:
    """The shape of a value with each leaf's type and any time zone offset."""
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.time):
        return (type(value), value.utcoffset())
    if isinstance(value, float):
        return (float, math.copysign(1, value))  # -0.0 keeps its sign
    return type(value)


@pytest.mark.parametrize("parser", PARSERS)
def test_nan_in_every_spelling(parser: str) -> None:
    parsed = parse_with(parser, "a = nan\nb = +nan\nc = -nan")
    assert [math.isnan(value) for value in parsed.values()] == [True, True, True]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(("name", "text"), INVALID, ids=[case[0] for case in INVALID])
def test_invalid_documents_are_refused_with_a_position(parser: str, name: str, text: str) -> None:
    with pytest.raises(TomlError) as caught:
        parse_with(parser, text)
    lines = text.split("\n")
    assert 1 <= caught.value.line <= len(lines)
    assert 1 <= caught.value.column <= len(lines[caught.value.line - 1]) + 1
    assert caught.value.problem
    assert "\n" not in caught.value.problem


# (document, parser, line, column, problem): each parser's own words, one line each.
POSITIONS = [
    ('x = 1\n[[stats]]\nid = \n', "toml-rs", 3, 6,
     "string values must be quoted, expected literal string"),
    ('x = 1\n[[stats]]\nid = \n', "tomllib", 3, 6, "Invalid value"),
    ("a = 1\na = 2", "toml-rs", 2, 1, "duplicate key"),
    ("a = 1\na = 2", "tomllib", 2, 6, "Cannot overwrite a value"),
    # A column counts characters, not bytes.
    ('k = "é"\nb = "ü" x', "toml-rs", 2, 9, "unexpected key or value, expected newline, `#`"),
    ('k = "é"\nb = "ü" x', "tomllib", 2, 9,
     "Expected newline or end of document after a statement"),
    # A fault at the very end of the text.
    ('a = 1\nname = "unfinished', "toml-rs", 2, 19, 'invalid basic string, expected `"`'),
    ('a = 1\nname = "unfinished', "tomllib", 2, 19, "Unterminated string"),
    # Python refuses the value toml-rs read: placed by tomllib.
    ("a = 1979-05-27T07:32:60Z", "toml-rs", 1, 15,
     "Expected newline or end of document after a statement"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "parser", "line", "column", "problem"), POSITIONS)
def test_faults_name_their_line_and_column(
    text: str, parser: str, line: int, column: int, problem: str
) -> None:
    with pytest.raises(TomlError) as caught:
        parse_with(parser, text)
    assert (caught.value.line, caught.value.column, caught.value.problem) == (
        line,
        column,
        problem,
    )


@pytest.mark.parametrize("parser", PARSERS)
def test_integers_past_64_bits_are_read_exactly(parser: str) -> None:
    # TOML 1.0 asks for 64 bits at least; both parsers give Python's exact int.
    assert parse_with(parser, "a = 9223372036854775808\nb = -9223372036854775809") == {
        "a": 2**63,
        "b": -(2**63) - 1,
    }


def test_huge_integers() -> None:
    huge = "x = 1\na = " + "9" * 5000
    # tomllib is bound by Python's limit on converting digits to an int, and is placed:
    with pytest.raises(TomlError) as caught:
        parse_with("tomllib", huge)
    assert (caught.value.line, caught.value.column, caught.value.problem) == (
        2,
        5,
        f"an integer has more than {sys.get_int_max_str_digits()} digits",
    )
    # toml-rs reads it exactly (the facts validator decides whether a value makes sense).
    assert parse_with("toml-rs", huge)["a"] == 10**5000 - 1


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_never_crashes_the_process(depth: int) -> None:
    arrays = "a = " + "[" * depth + "]" * depth
    tables = "a = " + "{b=" * depth + "1" + "}" * depth
    for text in (arrays, tables):
        # Rust's stack would overflow here without the parsing thread's deep stack.
        parsed = parse_with("toml-rs", text)
        assert isinstance(parsed["a"], list | dict)
        with pytest.raises(TomlError) as caught:
            parse_with("tomllib", text)
        assert (caught.value.problem, caught.value.line) == ("values are nested too deeply", 0)


def test_toml_rs_is_the_parser_when_installed() -> None:
    assert toml.PARSER == "toml-rs"
    assert toml.loads("a = 1979-05-27") == {"a": datetime.date(1979, 5, 27)}


def test_tomllib_is_the_fallback_when_toml_rs_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "toml_rs", None)  # import toml_rs now fails
    try:
        fallback = importlib.reload(toml)
        assert fallback.PARSER == "tomllib"
        assert fallback.loads("a = [1, 2]") == {"a": [1, 2]}
        with pytest.raises(fallback.TomlError) as caught:
            fallback.loads("a = 1\na = 2")
        assert caught.value.problem == "Cannot overwrite a value"
        with pytest.raises(ImportError, match="toml-rs is not installed"):
            fallback.parse_with("toml-rs", "a = 1")
    finally:
        monkeypatch.undo()
        importlib.reload(toml)
    assert toml.PARSER == "toml-rs"


def test_the_parsing_thread_is_made_again_in_a_forked_child() -> None:
    code = (
        "import os\n"
        "from cqedu.facts.toml import loads\n"
        "assert loads('a = 1') == {'a': 1}\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os._exit(0 if loads('b = [2]') == {'b': [2]} else 1)\n"
        "print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))\n"
    )
    if not hasattr(__import__("os"), "fork"):
        pytest.skip("no fork on this platform")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.stdout, result.returncode) == ("0\n", 0)


def test_a_query_served_from_the_cache_never_imports_the_parser(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env["CQEDU_CACHE_DIR"] = str(tmp_path / "cache")
    command = [sys.executable, "-X", "importtime", "-m", "cqedu", "stats", "--level", "preschool"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    modules = {line.rsplit("|", 1)[-1].strip() for line in again.stderr.splitlines()}
    assert {"toml_rs", "tomllib", "cqedu.facts.toml", "cqedu.facts.loader"} & modules == set()
    # The first run did parse, with toml-rs: the check above can fail.
    assert "toml_rs" in {line.rsplit("|", 1)[-1].strip() for line in first.stderr.splitlines()}
