"""`check` survives any shape of TOML document and places each fault at `path:line:col`
as TOML counts lines (issue 15, items 2 and 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cqedu.facts.toml import PARSER
from tests.facts.helpers import HEADER, STAT, check_lines, load_fault, refused_by_both

SOURCE_TABLE = HEADER.removeprefix("schema = 1\n\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('schema = 1\nsources = ["s"]\n' + STAT,
         '2:1: sources: expected an array of tables ([[sources]]), got an array'),
        ("schema = 1\nsources = 5\n" + STAT,
         "2:1: sources: expected an array of tables ([[sources]]), got 5"),
        ("schema = 1\nsources = [1, \"a\", { id = \"s\" }]\n" + STAT,
         "2:1: sources: expected an array of tables ([[sources]]), got an array of tables "
         "and other values"),
        ("schema = 1\n[sources]\nid = \"s\"\n" + STAT,
         "2:1: sources: expected an array of tables ([[sources]]), got a table"),
        (HEADER.replace("\n\n", "\nstats = 1979-05-27T07:32:00Z\n\n", 1),
         "2:1: stats: expected an array of tables ([[stats]]), got a TOML date/time "
         "(1979-05-27T07:32:00+00:00); write it as a string"),
        (HEADER.replace("\n\n", '\nlevels = "preschool"\n\n', 1) + STAT,
         '2:1: levels: expected an array of tables ([[levels]]), got "preschool"'),
        (HEADER.replace("\n\n", '\ncountries = [[1, 2], ["a"]]\n\n', 1) + STAT,
         "2:1: countries: expected an array of tables ([[countries]]), got an array"),
        (HEADER + "[stats]\nid = \"x\"\n",
         "10:1: stats: expected an array of tables ([[stats]]), got a table"),
        (HEADER + STAT + "[stats.extra]\nid = 1\n",
         '11:1: stats[0] (id "schools"): extra: unknown field'),
        (HEADER + STAT + "[[stats.more]]\nid = 1\n",
         '11:1: stats[0] (id "schools"): more: unknown field (did you mean "source"?)'),
        (HEADER + STAT.replace('name = "Schools"', "name = { a = [1, { b = 2 }] }"),
         '13:1: stats[0] (id "schools"): name: expected a string, got a table'),
        (HEADER + STAT.replace('name = "Schools"', 'name.first = "Schools"'),
         '13:1: stats[0] (id "schools"): name: expected a string, got a table'),
        (HEADER + STAT.replace('section = "Intro"', 'section = ["Intro", 1, 2.5, true]'),
         '18:1: stats[0] (id "schools"): section: expected a string, got an array'),
        (HEADER + STAT.replace('name = "Schools"', 'keywords = [["a"], {}]'),
         '11:1: stats[0] (id "schools"): name: missing required field'),
        (HEADER + STAT + '"weird\\u0007key" = 1\n',
         "11:1: stats[0] (id \"schools\"): weird?key: unknown field"),
        (HEADER + STAT.replace('id = "schools"', 'id = "a\\nb"'),
         '12:1: stats[0] (id "a?b"): id: contains control character U+000A; remove it'),
    ],
)  # fmt: skip
def test_check_survives_any_shape(tmp_path: Path, text: str, expected: str) -> None:
    code, lines = check_lines(tmp_path / "f.toml", text)
    assert code == 1
    assert expected in lines
    assert expected.split(": ", 1)[1] == load_fault(text) or load_fault(text) in [
        line.split(": ", 1)[1] for line in lines
    ]


def test_a_document_of_nothing_but_wrong_types(tmp_path: Path) -> None:
    text = 'schema = "one"\nsources = 1\nstats = [1]\nlevels = {}\n'
    code, lines = check_lines(tmp_path / "f.toml", text)
    assert code == 1
    assert lines == [
        '1:1: schema: expected 1, got "one"',
        "1:1: no records; add at least one of [[stats]], [[programs]], [[partners]], "
        "[[events]], [[people]], [[organizations]], [[concepts]]",
        "2:1: sources: expected an array of tables ([[sources]]), got 1",
        "3:1: stats: expected an array of tables ([[stats]]), got an array",
        "4:1: levels: expected an array of tables ([[levels]]), got a table",
    ]


# Text pasted from a web page brings characters str.splitlines() takes for line ends.
@pytest.mark.parametrize("pasted", ["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e"])
def test_only_a_newline_ends_a_line(tmp_path: Path, pasted: str) -> None:
    comment = f"# from a page:{pasted}more{pasted}and more\n"
    if pasted in "\x1c\x1d\x1e":  # TOML refuses ASCII controls in comments: a syntax error
        assert refused_by_both(tmp_path, HEADER + comment + STAT) == (
            "10:15: invalid TOML: invalid comment character, expected printable characters"
            if PARSER == "toml-rs"
            else f"10:15: invalid TOML: Found invalid character {pasted!r}"
        )
        return
    text = HEADER + comment + STAT.replace("value = 1234", 'value = "x"')
    assert refused_by_both(tmp_path, text) == (
        '16:1: stats[0] (id "schools"): value: expected a number, got "x"'
    )
    text = HEADER + STAT.replace('"How many schools."', f'"How many{pasted}schools."')
    text = text.replace("paragraph = 1", "paragraph = 0")
    code, lines = check_lines(tmp_path / "f.toml", text)
    assert code == 1
    assert lines == [
        f'14:1: stats[0] (id "schools"): summary: contains control character '
        f"U+{ord(pasted):04X}; remove it",
        '19:1: stats[0] (id "schools"): paragraph: expected 1 or more, got 0',
    ]


@pytest.mark.parametrize("control", ["\r", "\f", "\v"])
def test_controls_toml_refuses_are_placed_on_their_line(tmp_path: Path, control: str) -> None:
    text = HEADER + f"# a comment{control}with a control\n" + STAT
    if PARSER == "tomllib":
        expected = f"10:12: invalid TOML: Found invalid character {control!r}"
    elif control == "\r":  # toml-rs points past it, where the newline should be
        expected = (
            "10:13: invalid TOML: carriage return must be followed by newline, expected newline"
        )
    else:
        expected = "10:12: invalid TOML: invalid comment character, expected printable characters"
    assert refused_by_both(tmp_path, text) == expected


def test_windows_line_ends_keep_the_lines(tmp_path: Path) -> None:
    text = (HEADER + STAT.replace("value = 1234", "value = true")).replace("\n", "\r\n")
    assert refused_by_both(tmp_path, text) == (
        '15:1: stats[0] (id "schools"): value: expected a number, got true'
    )


def test_a_multiline_string_that_looks_like_tables_misleads_no_line(tmp_path: Path) -> None:
    summary = 'summary = """\\\n[[stats]]\\\nvalue = 1\\\n"""'
    text = HEADER + STAT.replace('summary = "How many schools."', summary)
    text = text.replace("paragraph = 1", "paragraph = 0")
    assert refused_by_both(tmp_path, text) == (
        '22:1: stats[0] (id "schools"): paragraph: expected 1 or more, got 0'
    )
