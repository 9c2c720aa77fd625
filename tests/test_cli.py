"""The command line through Typer's CliRunner: every command, option and error."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cqedu import __version__
from cqedu.cli import _invoked_command, app
from cqedu.facts.fields import FACT_FIELDS
from cqedu.facts.fields import SEARCH_FIELD_NAMES as SEARCH_FIELDS
from cqedu.facts.loader import parse_facts
from cqedu.facts.model import KIND_TABLES
from tests.conftest import MINI_FACTS, REAL_FACTS

HEADER = "\t".join(FACT_FIELDS)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def mini(*args: str, env: dict[str, str] | None = None) -> Result:
    return run("--facts", str(MINI_FACTS), *args, env=env)


def tsv_ids(result: Result) -> list[str]:
    return [line.split("\t")[0] for line in result.stdout.splitlines()[1:]]


COMMANDS = ["stats", "programs", "partners", "search", "show", "export"]
KINDS = "valid kinds: stat, program, partner, event, person, organization, concept"
UNITS = "units of figures: schools, percent, teachers, pupils, clubs"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Exit codes: 0 results printed; 1 nothing matched; 2 bad usage" in result.stdout
    assert "--format" in result.stdout
    first = app.registered_commands[COMMANDS.index(command)].callback
    assert first is not None and first.__doc__ is not None
    assert first.__doc__.splitlines()[0] in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_ends_with_real_examples_that_run(command: str) -> None:
    """The examples are the last lines of the help, and each runs on the bundled facts."""
    lines = [line.strip() for line in run(command, "--help").stdout.rstrip("\n").splitlines()]
    examples = lines[lines.index("Examples:") + 1 :]
    assert 2 <= len(examples) <= 3
    for example in examples:
        assert example.split()[:2] == ["cqedu", command]
        result = run(*example.split(">")[0].split()[1:])
        assert (result.exit_code, result.stderr) == (0, ""), example
        assert result.stdout.count("\n") >= 2, example


def test_top_level_help_shows_every_summary_whole() -> None:
    text = run("--help").stdout
    for command in app.registered_commands:
        assert command.callback is not None and command.callback.__doc__ is not None
        summary = command.callback.__doc__.splitlines()[0]
        assert summary in " ".join(text.split()), summary


def test_no_arguments_shows_help_and_succeeds() -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: cqedu [OPTIONS] COMMAND [ARGS]...")


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"cqedu {__version__}\n")


def test_stats_defaults_to_tsv_when_not_a_terminal() -> None:
    result = mini("stats")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == HEADER
    assert tsv_ids(result) == [
        "mini-schools",
        "mini-preschool-rate",
        "mini-teachers",
        "mini-club-members",
        "mini-robot-club",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize("level", ["preschool", "kindergarten", "kindergarden", "Preschool"])
def test_stats_level(level: str) -> None:
    result = mini("stats", "--level", level)
    assert result.exit_code == 0, result.output
    assert tsv_ids(result) == ["mini-preschool-rate"]


def test_stats_on_the_real_facts_for_preschool() -> None:
    result = run("stats", "--level", "preschool", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["id"], d["as_written"]) for d in data] == [
        ("preschool-enrollment-rate", "93.5%"),
        ("inclusive-preschool-coverage", "95.2%"),
        ("free-preschool-children", "more than 200,000"),
        ("free-preschool-year", "one"),
    ]


def test_stats_known_level_without_figures_exits_1_with_nothing_on_stdout() -> None:
    result = mini("stats", "--level", "primary")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == 'cqedu: the source gives no figure for level "primary" (Primary)\n'


def test_stats_no_match_without_header_prints_nothing() -> None:
    result = mini("stats", "--level", "primary", "--no-header")
    assert (result.exit_code, result.stdout) == (1, "")


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "jsonl", "toml", "JSON"])
def test_every_format_is_accepted(fmt: str) -> None:
    result = mini("stats", "-f", fmt)
    assert result.exit_code == 0, result.output
    assert "mini-teachers" in result.stdout


@pytest.mark.parametrize(
    ("value", "hint"),
    [("yaml", ""), ("jsn", ' (did you mean "json"?)'), ("tab", ' (did you mean "table"?)')],
)
def test_unknown_format_is_a_usage_error(value: str, hint: str) -> None:
    result = mini("stats", "-f", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    # One line in the words of every other bad value (a kind, a level), not Click's.
    assert result.stderr == (
        f'cqedu: unknown format "{value}"{hint}; valid formats: table, tsv, csv, json, jsonl,'
        " toml\n"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "empty format"),
        (" ", "empty format"),
        ("x" * 41, "unknown format (41 characters)"),
        ("j\x1bson", 'unknown format "j\\x1bson" (did you mean "json"?)'),
    ],
)
@pytest.mark.parametrize("command", ["stats", "search", "show", "export", "sources"])
def test_every_command_refuses_a_bad_format_in_one_line(
    command: str, value: str, message: str
) -> None:
    args = {"search": ["search", "school"], "show": ["show", "mini-schools"]}.get(
        command, [command]
    )
    result = mini(*args, "-f", value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"cqedu: {message}; valid formats: table, tsv, csv, json, jsonl, toml\n"
    )


def test_no_header_with_json_conflicts() -> None:
    result = mini("stats", "-f", "json", "--no-header")
    assert result.exit_code == 2
    assert result.stderr == "cqedu: --no-header applies to table, tsv and csv output, not json\n"


def test_programs_and_field() -> None:
    assert tsv_ids(mini("programs")) == ["mini-robot-club", "mini-club-members"]
    for field in ("robotics", "computer", "-t", "robotcs"):
        args = ("programs", "-t", "robotics") if field == "-t" else ("programs", "--field", field)
        result = mini(*args)
        assert result.exit_code == 0, result.output
        assert tsv_ids(result) == ["mini-robot-club", "mini-club-members"]


@pytest.mark.parametrize("country", ["UK", "United Kingdom", "Britain", "britian", "u.k."])
def test_partners_country_forms(country: str) -> None:
    result = mini("partners", "-c", country)
    assert result.exit_code == 0, result.output
    assert tsv_ids(result) == ["mini-oxbridge"]


def test_partners_all() -> None:
    assert tsv_ids(mini("partners")) == ["mini-oxbridge", "mini-lion-school"]


LEVELS = "valid levels: preschool, primary, system-wide"
COUNTRIES = "partner countries and regions: United Kingdom, Singapore"
FIELDS = "subject fields of programs: robotics, computer science"
SOURCES = "known sources: mini"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["partners", "-c", "India"], f'the facts name no partner in "India"; {COUNTRIES}'),
        (["partners", "-c", "Atlantis"], f'the facts name no partner in "Atlantis"; {COUNTRIES}'),
        (["partners", "-c", "重庆"], f'the facts name no partner in "重庆"; {COUNTRIES}'),
        (["partners", "-c", "اليمن"], f'the facts name no partner in "اليمن"; {COUNTRIES}'),
        (["stats", "-l", "postdoc"], f'the facts know no level "postdoc"; {LEVELS}'),
        (
            ["stats", "-u", "puppies"],
            f'no figure is counted in "puppies" (did you mean "pupils"?); {UNITS}',
        ),
        (["programs", "-t", "poetry"], f'no program is in the subject field "poetry"; {FIELDS}'),
        (
            ["programs", "-t", "e\u0301tudes"],
            f'no program is in the subject field "e\u0301tudes"; {FIELDS}',
        ),
        (["stats", "-S", "nosuch"], f'no source has id "nosuch"; {SOURCES}'),
        (["ask", "how many teachers", "-S", "nosuch"], f'no source has id "nosuch"; {SOURCES}'),
    ],
)
def test_a_well_formed_value_the_facts_do_not_hold_finds_nothing(
    args: list[str], message: str
) -> None:
    # "India" is a country, just not one the article names: nothing matches (exit 1),
    # as for a search word no record holds, not bad usage.
    result = mini(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"cqedu: {message}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["partners", "-c", "!!"], f'country "!!" has no letters or digits; {COUNTRIES}'),
        (["partners", "-c", ""], f"empty country; {COUNTRIES}"),
        (
            ["partners", "-c", "\U0001f642"],
            f'country "\U0001f642" has no letters or digits; {COUNTRIES}',
        ),
        (["stats", "-l", " "], f"empty level; {LEVELS}"),
        (["stats", "-l", "\x1b"], f'level "\\x1b" has no letters or digits; {LEVELS}'),
        (["stats", "-u", "#"], f'unit "#" has no letters or digits; {UNITS}'),
        (["programs", "-t", "--"], f'subject field "--" has no letters or digits; {FIELDS}'),
        (["stats", "-S", ""], f"empty source; {SOURCES}"),
        (
            ["show", "!!"],
            'id "!!" has no letters or digits; give a record id (list them with: cqedu export '
            "-F id)",
        ),
    ],
)
def test_a_value_without_letters_or_digits_is_a_usage_error(args: list[str], message: str) -> None:
    result = mini(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cqedu: {message}\n")


def test_search_json_has_score_and_matched_field() -> None:
    result = mini("search", "robot", "club", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["id"], d["score"], d["matched_field"]) for d in data] == [
        ("mini-robot-club", 100.0, "name"),
        ("mini-club-members", 100.0, "name"),
        ("mini-oxbridge", 85.0, "summary"),
    ]
    assert list(data[0]) == [*FACT_FIELDS, *SEARCH_FIELDS]


def test_search_joins_words_and_forgives_typos() -> None:
    result = mini("search", "oxbrige", "-n", "1")
    assert tsv_ids(result) == ["mini-oxbridge"]
    result = mini("search", "how", "many", "teachers", "-n", "1")
    assert tsv_ids(result) == ["mini-teachers"]


def test_search_on_the_real_facts_finds_leicester() -> None:
    result = run("search", "leicester", "-F", "id,score,matched_field")
    assert result.stdout == (
        "id\tscore\tmatched_field\n"
        "university-of-leicester\t100.0\tname\n"
        "leicester-joint-college\t100.0\tname\n"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", '--limit "abc" is not a whole number; give one from 1 to 10,000'),
        ("1.5", '--limit "1.5" is not a whole number; give one from 1 to 10,000'),
        ("", '--limit "" is not a whole number; give one from 1 to 10,000'),
        ("\u0661\u0660", '--limit "\u0661\u0660" is not a whole number; give one from 1 to 10,000'),
        ("10_000", '--limit "10_000" is not a whole number; give one from 1 to 10,000'),
        ("x" * 41, "--limit (41 characters) is not a whole number; give one from 1 to 10,000"),
        ("0", "--limit 0 is too small; give a whole number from 1 to 10,000"),
        ("-0", "--limit -0 is too small; give a whole number from 1 to 10,000"),
        ("-3", "--limit -3 is too small; give a whole number from 1 to 10,000"),
        ("10001", "--limit 10001 is too large; give a whole number from 1 to 10,000"),
        # Past Python's 4,300 digits int() fails: measured first, never converted.
        ("9" * 5000, "--limit (5,000 digits) is too large; give a whole number from 1 to 10,000"),
        (
            "-" + "9" * 5000,
            "--limit (5,000 digits) is too small; give a whole number from 1 to 10,000",
        ),
    ],
)
def test_a_bad_limit_is_one_line_saying_what_is_wrong(value: str, message: str) -> None:
    result = mini("search", "school", "-n", value)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cqedu: {message}\n")


@pytest.mark.parametrize("value", ["1", " 2 ", "+2", "0002", "10000"])
def test_a_limit_may_be_padded_signed_or_at_the_most(value: str) -> None:
    result = mini("search", "school", "-n", value, "-F", "id", "--no-header")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == min(int(value), 5)  # "school": 5 records


def test_the_cli_limit_is_the_search_limit() -> None:
    from cqedu import cli
    from cqedu.query import search

    assert cli.MAX_LIMIT == search.MAX_LIMIT


def test_search_nothing_found_exits_1() -> None:
    result = mini("search", "zebra", "crossing")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == 'cqedu: nothing matches "zebra crossing"; try other or fewer words\n'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", ""], "cqedu: empty query; give a word or phrase to search for\n"),
        (["search", "   "], "cqedu: empty query; give a word or phrase to search for\n"),
        (
            ["search"],
            "cqedu: error: Missing argument 'QUERY...'.\nTry 'cqedu search --help' for help.\n",
        ),
        (
            ["stats", "--xyzzy"],
            "cqedu: error: No such option: --xyzzy\nTry 'cqedu stats --help' for help.\n",
        ),
        (
            ["statz"],
            "cqedu: error: No such command 'statz'. Did you mean 'stats'?\n"
            "Try 'cqedu --help' for help.\n",
        ),
    ],
)
def test_usage_errors_are_two_plain_lines_and_exit_2(args: list[str], message: str) -> None:
    result = mini(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


def test_hostile_query_text_is_never_interpreted() -> None:
    result = mini("search", "[bold red]x[/] :smile: %s {0} $(rm) \x1b[31m", "-f", "table")
    assert result.exit_code == 1
    assert result.stderr == (
        'cqedu: nothing matches "[bold red]x[/] :smile: %s {0} $(rm) \\x1b[31m"; '
        "try other or fewer words\n"
    )


def test_show_json_is_one_object() -> None:
    result = mini("show", "mini-preschool-rate", "-f", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert list(record) == list(FACT_FIELDS)
    assert (record["as_written"], record["section"], record["paragraph"]) == ("88.5%", "Schools", 2)


def test_show_table_is_field_and_value() -> None:
    table = mini("show", "mini-teachers", "-f", "table")
    assert table.stdout.splitlines()[2:] == [
        "id           mini-teachers",
        "kind         stat",
        "name         Teachers",
        "summary      Teachers in the town, a round figure.",
        "value        2500000",
        "unit         teachers",
        "qualifier    over",
        "as_written   over 2.5 million",
        "level        System-wide",  # the level's name, which its id only spells
        "section      Schools",
        "paragraph    2",
        "source       mini",
    ]


def test_show_unknown_id_suggests() -> None:
    result = mini("show", "mini-teacher")
    assert result.exit_code == 1
    assert result.stderr == 'cqedu: no record has id "mini-teacher"; did you mean mini-teachers?\n'


def test_export_toml_is_a_facts_file_with_the_same_records(tmp_path: Path) -> None:
    result = mini("export", "-f", "toml")
    assert result.exit_code == 0, result.output
    exported = parse_facts(result.stdout.encode(), "export.toml")
    assert exported == parse_facts(MINI_FACTS.read_bytes(), "mini_facts.toml")
    path = tmp_path / "again.toml"
    path.write_text(result.stdout)
    again = run("--facts", str(path), "export", "-f", "toml")
    assert again.stdout == result.stdout


def test_export_json_counts_every_record() -> None:
    data = json.loads(mini("export", "-f", "json").stdout)
    raw = tomllib.loads(MINI_FACTS.read_text())
    assert len(data) == sum(len(raw.get(table, [])) for table in KIND_TABLES) == 8


def test_facts_from_the_environment() -> None:
    result = run("stats", env={"CQEDU_FACTS": str(MINI_FACTS)})
    assert tsv_ids(result)[0] == "mini-schools"


def test_broken_facts_file_gives_the_loader_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\nsources = "x"\n')
    for args, env in (
        (["--facts", str(broken), "stats"], None),
        (["stats"], {"CQEDU_FACTS": str(broken)}),
    ):
        result = run(*args, env=env)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == (
            f'cqedu: {broken}: sources: expected an array of tables ([[sources]]), got "x"\n'
        )


def test_missing_facts_file(tmp_path: Path) -> None:
    result = run("--facts", str(tmp_path / "nope.toml"), "search", "x")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"cqedu: {tmp_path / 'nope.toml'}: no such file; pass an existing facts file\n"
    )


def test_table_on_request_without_colour() -> None:
    result = mini("stats", "-f", "table")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "88.5%" in result.stdout


def test_force_color_colours_tables_but_never_machine_formats() -> None:
    table = mini("stats", "-f", "table", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in table.stdout
    for fmt in ("tsv", "csv", "json", "jsonl", "toml"):
        assert "\x1b" not in mini("stats", "-f", fmt, env={"FORCE_COLOR": "1"}).stdout
    assert (
        "\x1b" not in mini("stats", "-f", "table", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    )


def test_internal_errors_are_short_and_ask_for_a_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        hidden = "local-variable-value"  # noqa: F841 - must not appear in the output
        raise RuntimeError("boom")

    monkeypatch.setattr("cqedu.knowledge.KnowledgeBase.figures", explode)
    result = mini("stats")
    assert result.exit_code == 70
    assert result.stderr == (
        "cqedu: internal error: RuntimeError: boom\n"
        "cqedu: this is a bug; please report it with the command you ran\n"
    )


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cqedu.knowledge.KnowledgeBase.figures", interrupt)
    result = mini("stats")
    assert (result.exit_code, result.stderr) == (130, "cqedu: interrupted\n")


# ---------------------------------------------------------------- --fields, --unit, --kind, --sort

FIELDS_CASES = {
    "tsv": "id\tvalue\nmini-schools\t1234\nmini-teachers\t2500000\n",
    "csv": "id,value\nmini-schools,1234\nmini-teachers,2500000\n",
    "json": '[\n  {\n    "id": "mini-schools",\n    "value": 1234\n  },\n'
    '  {\n    "id": "mini-teachers",\n    "value": 2500000\n  }\n]\n',
    "jsonl": '{"id":"mini-schools","value":1234}\n{"id":"mini-teachers","value":2500000}\n',
    "toml": 'stats = [\n    { id = "mini-schools", value = 1234 },\n'
    '    { id = "mini-teachers", value = 2500000 },\n]\n',
    "table": "Id                Value\n"
    + "─" * 23
    + "\nmini-schools       1234\nmini-teachers   2500000\n",
}


@pytest.mark.parametrize("fmt", list(FIELDS_CASES))
def test_fields_in_every_format(fmt: str) -> None:
    result = mini("stats", "-l", "overall", "--fields", "id,value", "-f", fmt)
    assert (result.exit_code, result.stdout) == (0, FIELDS_CASES[fmt])


def test_fields_follow_the_order_given() -> None:
    result = mini("partners", "-F", "country, id", "--no-header")
    assert result.stdout == "United Kingdom\tmini-oxbridge\nSingapore\tmini-lion-school\n"


def test_a_field_named_twice_is_refused() -> None:
    result = mini("partners", "-F", "country,id,COUNTRY")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == 'cqedu: --fields names "country" twice; name each field once\n'


def test_fields_on_programs_show_export_and_search() -> None:
    assert mini("programs", "-F", "id,fields", "--no-header").stdout == (
        "mini-robot-club\trobotics; computer science\nmini-club-members\t\n"
    )
    shown = json.loads(
        mini("show", "mini-teachers", "-F", "as_written,paragraph", "-f", "json").stdout
    )
    assert shown == {"as_written": "over 2.5 million", "paragraph": 2}
    assert mini("export", "-F", "kind", "--no-header").stdout.split() == [
        "stat", "stat", "stat", "stat", "program", "partner", "partner", "event",
    ]  # fmt: skip
    assert (
        mini("search", "oxbridge", "-F", "score,id").stdout == "score\tid\n100.0\tmini-oxbridge\n"
    )


def test_field_names_fold_case_but_a_misspelling_is_refused_not_guessed() -> None:
    assert mini("stats", "-l", "preschool", "-F", "ID,as-written").stdout == (
        "id\tas_written\nmini-preschool-rate\t88.5%\n"
    )
    result = mini("stats", "-F", "id,vlaue")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith('cqedu: unknown field "vlaue" (did you mean "value"?); ')
    result = mini("stats", "--sort", "valeu")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith('cqedu: unknown field "valeu" (did you mean "value"?); ')


VALID_FIELDS = (
    "id, kind, name, summary, value, unit, qualifier, as_written, level, period, date, "
    "date_as_written, inference, country, category, fields, keywords, related, section, "
    "paragraph, source, measure"
)
SORTABLE = VALID_FIELDS.replace(" fields, keywords, related,", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["stats", "-F", "id,colour"],
            f'unknown field "colour" (did you mean "country"?); valid fields: {VALID_FIELDS}',
        ),
        (["stats", "-F", "id,xyz"], f'unknown field "xyz"; valid fields: {VALID_FIELDS}'),
        (
            ["stats", "-F", " , "],
            f"--fields needs a comma-separated list of fields; valid fields: {VALID_FIELDS}",
        ),
        (
            ["show", "mini-schools", "-F", "score"],
            f'unknown field "score" (did you mean "source"?); valid fields: {VALID_FIELDS}',
        ),
        (["stats", "--sort", "xyz"], f'unknown field "xyz"; fields to sort by: {SORTABLE}'),
        (
            ["partners", "--sort", "keywords"],
            f'cannot sort by "keywords", a list; fields to sort by: {SORTABLE}',
        ),
        (["export", "--desc"], "--desc orders by --sort FIELD; give one, e.g. --sort value --desc"),
        (
            ["export", "-k", "orgs"],
            f'unknown kind "orgs" (did you mean "organizations"?); {KINDS}',
        ),
        (["search", "club", "-k", "ppl"], f'unknown kind "ppl" (did you mean "people"?); {KINDS}'),
        (
            ["stats", "-F", "id,as_wr"],
            f'unknown field "as_wr" (did you mean "as_written"?); valid fields: {VALID_FIELDS}',
        ),
        (
            ["search", "club", "--kind", "organisms"],
            f'unknown kind "organisms" (did you mean "organizations"?); {KINDS}',
        ),
        (
            ["export", "-k", "planets"],
            f'unknown kind "planets" (did you mean "partners"?); {KINDS}',
        ),
    ],
)
def test_bad_fields_sort_unit_and_kind_exit_2(args: list[str], message: str) -> None:
    result = mini(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cqedu: {message}\n")


@pytest.mark.parametrize("unit", ["percent", "Percent", "percnt"])
def test_stats_unit(unit: str) -> None:
    assert tsv_ids(mini("stats", "--unit", unit)) == ["mini-preschool-rate"]


BUNDLED = ("--facts", str(REAL_FACTS))


@pytest.mark.parametrize(
    ("unit", "ids"),
    [
        # "kids" is a synonym of the terms children and students, as `ask` reads it.
        (
            "kids",
            [
                "sino-foreign-annual-enrollment",
                "international-students",
                "students",
                "free-preschool-children",
            ],
        ),
        (
            "KID",
            [
                "sino-foreign-annual-enrollment",
                "international-students",
                "students",
                "free-preschool-children",
            ],
        ),
        ("pupils", ["sino-foreign-annual-enrollment", "international-students", "students"]),
        ("firms", ["enterprises-benefited"]),
        ("nations", ["vocational-cooperation-countries"]),
        # The term "years" names the unit "year": singular and plural are one word.
        ("yrs", ["free-preschool-year"]),
        # A unit as declared wins over a synonym that also names it.
        ("universities", ["double-first-class-universities"]),
    ],
)
def test_a_declared_synonym_names_the_units_of_its_terms(unit: str, ids: list[str]) -> None:
    result = run(*BUNDLED, "stats", "-u", unit, "-F", "id")
    assert (result.exit_code, result.stderr) == (0, "")
    assert tsv_ids(result) == ids


def test_a_synonym_of_two_units_says_both_when_a_level_has_neither() -> None:
    result = run(*BUNDLED, "stats", "-u", "kids", "-l", "vocational")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        'cqedu: the source gives no figure in "children" or "students" for level "vocational"'
        " (Vocational)\n"
    )


def test_a_synonym_of_a_term_that_is_no_unit_names_no_unit() -> None:
    # "colleges" stands for higher education, a level: as a unit it is unknown (exit 1).
    result = run(*BUNDLED, "stats", "-u", "colleges")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith('cqedu: no figure is counted in "colleges"; units of')


def test_stats_unit_and_level_with_nothing_in_common_exits_1() -> None:
    result = mini("stats", "-l", "preschool", "-u", "schools", "--no-header")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        'cqedu: the source gives no figure in "schools" for level "preschool" (Preschool)\n'
    )


def test_sort_numbers_as_numbers_and_desc() -> None:
    ascending = mini("stats", "--sort", "value", "-F", "id,value", "--no-header").stdout
    assert ascending == (
        "mini-robot-club\t3\nmini-club-members\t40\nmini-preschool-rate\t88.5\n"
        "mini-schools\t1234\nmini-teachers\t2500000\n"
    )
    descending = mini("stats", "-s", "value", "--desc", "-F", "id", "--no-header").stdout
    assert descending.split() == [
        "mini-teachers", "mini-schools", "mini-preschool-rate",
        "mini-club-members", "mini-robot-club",
    ]  # fmt: skip


def test_sort_text_ignores_case_and_puts_empty_last() -> None:
    by_level = mini("stats", "--sort", "level", "-F", "id,level", "--no-header").stdout
    assert by_level == (
        "mini-preschool-rate\tpreschool\nmini-schools\tsystem-wide\n"
        "mini-teachers\tsystem-wide\nmini-club-members\t\nmini-robot-club\t\n"
    )
    descending = mini("stats", "--sort", "level", "--desc", "-F", "id", "--no-header").stdout
    assert descending.split() == [
        "mini-schools", "mini-teachers", "mini-preschool-rate",
        "mini-club-members", "mini-robot-club",
    ]  # fmt: skip
    by_name = mini("export", "--sort", "name", "-F", "name", "--no-header").stdout.splitlines()
    assert by_name == sorted(by_name, key=str.casefold)


def test_programs_sort_keeps_figures_under_their_program() -> None:
    assert tsv_ids(mini("programs", "--sort", "name", "--desc")) == [
        "mini-robot-club",
        "mini-club-members",
    ]


@pytest.mark.parametrize("kind", ["event", "events", "Events"])
def test_export_kind(kind: str) -> None:
    assert tsv_ids(mini("export", "--kind", kind)) == ["mini-open-day"]


def test_search_kind_keeps_only_that_kind() -> None:
    assert tsv_ids(mini("search", "robot", "club", "-k", "stats")) == ["mini-club-members"]
    assert tsv_ids(mini("search", "robot", "club", "-k", "partner")) == ["mini-oxbridge"]


def test_export_kind_without_records_exits_1() -> None:
    result = mini("export", "-k", "people")
    assert (result.exit_code, result.stderr) == (
        1,
        'cqedu: the facts file has no record of kind "person"\n',
    )


def test_long_tables_add_summary_and_provenance() -> None:
    result = mini("stats", "-l", "preschool", "--long", "-f", "table")
    assert result.stdout.splitlines()[2:] == [
        "█████████░ 88.5%   Preschool enrollment rate  mini-preschool-rate   preschool",
        "                   Share of small children in preschool.",
        "                   Schools ¶2",
    ]


def test_partners_table_at_40_columns_keeps_the_country() -> None:
    result = mini("partners", "-f", "table", env={"COLUMNS": "40"})
    assert result.stdout == (
        "Oxbridge College\nmini-oxbridge\n  Country: United Kingdom\n  Category: institution\n\n"
        "Lion City School\nmini-lion-school\n  Country: Singapore\n  Category: institution\n\n"
    )


def test_nothing_found_among_a_kind_names_the_kind() -> None:
    result = mini("search", "teachers", "--kind", "peple", "--no-header")
    assert (result.exit_code, result.stdout) == (1, "")
    assert (
        result.stderr
        == 'cqedu: nothing among people matches "teachers"; try other or fewer words\n'
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["stats", "-l", "preschool"], "stats"),
        (["--facts", "stats", "ask", "how", "many"], "ask"),
        (["--facts=my.toml", "search", "x"], "search"),
        (["--version"], None),
        (["--help"], None),
        (["statz"], None),
        ([], None),
    ],
)
def test_a_run_builds_only_the_command_it_runs(args: list[str], expected: str | None) -> None:
    assert _invoked_command(args) == expected


@pytest.mark.parametrize(
    ("command", "word", "option"),
    [
        ("search", "-5", "-5"),
        ("ask", "-1.5", "-1"),  # Click reads "-1.5" as the short option "-1"
        ("ask", "-how", "-o"),  # ... and "-how" as -h, -o, -w (fresh-eyes trial)
        ("ask", "- how", "- "),
    ],
)
def test_a_query_word_read_as_an_option_says_how_to_give_it(
    command: str, word: str, option: str
) -> None:
    result = mini(command, "schools", word)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"cqedu: error: No such option: {option} (put -- before the words when one of them "
        f"starts with -)\nTry 'cqedu {command} --help' for help.\n",
    )
    assert mini(command, "--", "schools", word).exit_code in (0, 1)  # read as a word


def test_a_number_given_to_a_command_without_words_gets_no_such_hint() -> None:
    result = mini("stats", "-9")
    assert result.stderr == "cqedu: error: No such option: -9\nTry 'cqedu stats --help' for help.\n"


def test_draft_says_it_reads_a_file_not_standard_input() -> None:
    result = run("draft", "-")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "cqedu: -: draft reads an article file, not standard input (the facts file names its "
        "file); save the article to a file and give its path\n",
    )


@pytest.mark.parametrize("name", ["article.txt", "article.md"])
def test_an_article_given_as_facts_says_how_to_draft_one(tmp_path: Path, name: str) -> None:
    article = tmp_path / name
    article.write_text("Harbour News\n\nThe harbour has 12 ferries.\n", encoding="utf-8")
    result = run("--facts", str(article), "stats")
    stem = name.split(".", maxsplit=1)[0]
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"cqedu: {article}:1:9: invalid TOML: key with no value, expected `=`; {article} looks "
        f"like an article, not a facts file: draft one from it with cqedu draft {article} > "
        f"{stem}.toml\n",
    )


def test_an_emoji_in_a_query_is_said_to_be_ignored() -> None:
    # Found by a fresh-eyes user: the emoji was dropped without a word.
    result = run(*BUNDLED, "search", "\U0001f393", "football", "-F", "id")
    assert (result.exit_code, result.stdout) == (0, "id\ncampus-football-reform\n")
    assert result.stderr == 'cqedu: ignored "\U0001f393": search reads only letters and digits\n'


WORLD = str(REAL_FACTS.parent / "tests" / "data" / "world_facts.toml")


def test_a_level_whose_id_does_not_say_its_name_is_named() -> None:
    # The id ensino-medio drops the name's accent (written decomposed in the file).
    listing = run("--facts", WORLD, "stats", "-f", "table")
    assert listing.stdout.splitlines()[2].split("   ")[-1] == "Ensino me\u0301dio"
    shown = run("--facts", WORLD, "show", "exchange-students", "-f", "table")
    assert "level        Ensino me\u0301dio (ensino-medio)" in shown.stdout.splitlines()
    # The machine formats keep the id, the key --level takes.
    tsv = run("--facts", WORLD, "show", "exchange-students", "-F", "level", "--no-header")
    assert tsv.stdout == "ensino-medio\n"


def test_a_block_shows_an_id_chosen_by_fields_once() -> None:
    result = run(
        *BUNDLED,
        "search",
        "teachers",
        "-n",
        "1",
        "-F",
        "id,level",
        "-f",
        "table",
        env={"COLUMNS": "40"},
    )
    assert result.stdout == "Teachers\nteachers\n  Level: system-wide\n\n"


def test_a_bidirectional_override_in_a_name_is_shown_escaped(tmp_path: Path) -> None:
    # U+202E printed raw turns the rest of the row round on a terminal, so a name could
    # pass for another; tables and messages show it escaped, machine formats keep it.
    text = MINI_FACTS.read_text(encoding="utf-8")
    facts = tmp_path / "bidi.toml"
    facts.write_text(text.replace('"Lion City School"', '"Lion \\u202eloohcS"'), "utf-8")
    table = run("--facts", str(facts), "partners", "-c", "Singapore", "-f", "table")
    assert table.stdout.splitlines()[2].startswith("Lion \\u202eloohcS  mini-lion-school")
    tsv = run("--facts", str(facts), "partners", "-c", "Singapore", "-F", "name", "--no-header")
    assert tsv.stdout == "Lion \u202eloohcS\n"


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    """A symbolic link that points, through another, back at itself."""
    (tmp_path / "one.toml").symlink_to(tmp_path / "two.toml")
    (tmp_path / "two.toml").symlink_to(tmp_path / "one.toml")
    return tmp_path / "one.toml"


LOOP = "cannot read: Too many levels of symbolic links"
TOO_LONG = "a path of 3,000 characters: a name in it is too long for the system; use a shorter name"


@pytest.mark.parametrize("how", ["--facts", "check", "CQEDU_FACTS"])
def test_a_path_the_system_refuses_is_one_line_not_an_internal_error(loop: Path, how: str) -> None:
    # A name too long for the system and a loop of links raised out of is_dir() and
    # resolve(): "internal error" (exit 70) with the 3,000 characters quoted back.
    for path, message in ((str(loop), f"{loop}: {LOOP}"), ("x" * 3000, TOO_LONG)):
        if how == "--facts":
            result = run("--facts", path, "stats")
        elif how == "check":
            result = run("check", path)
        else:
            result = run("stats", env={"CQEDU_FACTS": path})
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cqedu: {message}\n")


@pytest.mark.parametrize("how", ["--facts", "check", "CQEDU_FACTS"])
def test_a_name_too_long_for_the_system_is_named_by_its_length(tmp_path: Path, how: str) -> None:
    # One name of 300 characters is past the system's 255 in a path far below 1,024: it was
    # quoted back whole; so was a path whose long name sits under a missing folder.
    long_name = str(tmp_path / ("a" * 300 + ".toml"))
    under_missing = str(tmp_path / "missing" / ("a" * 300 + ".toml"))
    for path, message in (
        (long_name, "a name in it is too long for the system; use a shorter name"),
        (under_missing, "no such file; pass an existing facts file"),
    ):
        if how == "--facts":
            result = run("--facts", path, "stats")
        elif how == "check":
            result = run("check", path)
        else:
            result = run("stats", env={"CQEDU_FACTS": path})
        shown = f"a path of {len(path):,} characters"
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"cqedu: {shown}: {message}\n",
        )


def test_an_articles_folder_the_system_refuses_names_no_folder(loop: Path) -> None:
    for path, shown in ((str(loop), str(loop)), ("x" * 3000, "(3,000 characters)")):
        result = run("check", "--articles", path, str(MINI_FACTS))
        assert (result.exit_code, result.stderr) == (
            2,
            f"cqedu: --articles {shown}: no such folder\n",
        )


# ---------------------------------------------------------------- an option given twice


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("stats", "-l", "preschool", "-l", "high"), "--level"),
        (("stats", "--level=preschool", "--level", "preschool"), "--level"),
        (("stats", "-f", "json", "-f", "tsv"), "--format"),
        (("search", "robot", "-n", "2", "--limit", "3"), "--limit"),
        (("programs", "--field", "robotics", "--field", "medicine"), "--field"),
        (("ask", "-f", "json", "how", "many", "schools", "-f", "tsv"), "--format"),
    ],
)
def test_an_option_of_one_value_given_twice_is_a_usage_error(
    args: tuple[str, ...], option: str
) -> None:
    result = mini(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    command = args[0]
    assert result.stderr == (
        f"cqedu: error: {option} given twice; give it once\n"
        f"Try 'cqedu {command} --help' for help.\n"
    )


def test_an_option_given_once_and_a_word_like_it_after_double_dash_still_run() -> None:
    assert tsv_ids(mini("stats", "-l", "preschool", "-f", "tsv")) == tsv_ids(
        mini("stats", "--level", "preschool")
    )
    result = mini("search", "--", "-l", "-l")
    assert result.exit_code == 1
    assert result.stderr == 'cqedu: nothing matches "-l -l"; try other or fewer words\n'


# ---------------------------------------------------------------- found by a fresh-eyes trial


def ids_of(*args: str) -> tuple[int, list[str]]:
    result = run(*args, "-F", "id", "-f", "tsv", "--no-header")
    return result.exit_code, result.stdout.split()


@pytest.mark.parametrize(
    ("typed", "declared"),
    [
        (("stats", "-u", "country"), ("stats", "-u", "countries")),
        (("stats", "-u", "industry"), ("stats", "-u", "industries")),
        (("stats", "-u", "child"), ("stats", "-u", "children")),
        (("stats", "-u", "university"), ("stats", "-u", "universities")),
        (("stats", "-u", "country and region"), ("stats", "-u", "countries and regions")),
        (("stats", "-u", "goal"), ("stats", "-u", "goals")),
        (("stats", "-u", "years"), ("stats", "-u", "year")),
        (("stats", "-l", "high schools"), ("stats", "-l", "high school")),
        (("programs", "-t", "robot"), ("programs", "-t", "robotics")),
        (("programs", "-t", "robots"), ("programs", "-t", "robotics")),
        (("export", "-k", "persons"), ("export", "-k", "people")),
    ],
)
def test_a_name_in_the_singular_or_plural_is_one_name(
    typed: tuple[str, ...], declared: tuple[str, ...]
) -> None:
    # "-u country" was "did you mean countries?" (exit 1) while "-u countrys" worked.
    code, found = ids_of(*typed)
    assert (code, found) == ids_of(*declared)
    assert (code, len(found) > 0) == (0, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stats", "-u", "chair"), 'no figure is counted in "chair" (did you mean "scholars"?)'),
        (("stats", "-u", "ks"), 'no figure is counted in "ks"'),
        (("programs", "-t", "robe"), 'no program is in the subject field "robe"'),
    ],
)
def test_a_word_no_unit_or_field_is_in_any_form_is_still_not_held(
    args: tuple[str, ...], message: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"cqedu: {message}; ")


@pytest.mark.parametrize("sign", ["¥", "€", "£", "₹"])
def test_a_currency_sign_no_figure_has_is_not_held(sign: str) -> None:
    # "--unit ¥" was "has no letters or digits" (exit 2) while "--unit %" works
    result = mini("stats", "--unit", sign)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f'cqedu: no figure is counted in "{sign}"; {UNITS}\n'


def test_a_percent_sign_still_names_percent() -> None:
    assert tsv_ids(mini("stats", "--unit", "%", "-f", "tsv")) == ["mini-preschool-rate"]


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\u2060"])
def test_an_id_with_an_invisible_character_is_the_id_seen(invisible: str) -> None:
    result = mini("show", f"mini-{invisible}schools{invisible}", "-F", "id", "-f", "tsv")
    assert (result.exit_code, result.stdout) == (0, "id\nmini-schools\n")


def test_an_unknown_id_shows_its_invisible_character_escaped() -> None:
    # 'no record has id "teachers​"; did you mean teachers?' read as the same id twice
    result = mini("show", "mini-schoolz\u200b")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        'cqedu: no record has id "mini-schoolz\\u200b"; did you mean mini-schools, '
        "mini-lion-school?\n"
    )
    level = mini("stats", "--level", "nurzery\u200b")
    assert level.stderr.startswith('cqedu: the facts know no level "nurzery\\u200b"; ')


def test_an_id_of_invisible_characters_alone_is_empty() -> None:
    result = mini("show", "\u200b\u200b")
    assert (result.exit_code, result.stderr) == (
        2,
        "cqedu: empty id; give a record id (list them with: cqedu export -F id)\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["stats", "--facts", "x.toml"],
            "--facts is an option of cqedu itself: give it before the command, "
            "cqedu --facts x.toml stats",
        ),
        (
            ["stats", "-l", "preschool", "--facts=my facts.toml", "-f", "json"],
            "--facts is an option of cqedu itself: give it before the command, "
            "cqedu '--facts=my facts.toml' stats -l preschool -f json",
        ),
        (
            ["--facts", "a.toml", "search", "x", "--facts", "b.toml"],
            "--facts is an option of cqedu itself: give it before the command, "
            "cqedu --facts a.toml --facts b.toml search x",
        ),
    ],
)
def test_an_app_option_after_the_command_says_to_give_it_before(
    args: list[str], message: str
) -> None:
    # "No such option: --facts (Possible options: --format)" hinted at another option
    result = run(*args)
    command = next(arg for arg in args if arg in ("stats", "search"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"cqedu: error: {message}\nTry 'cqedu {command} --help' for help.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--level", "preschool", "stats"], "--level is an option of stats"),
        (["-l", "preschool", "stats"], "-l is an option of stats"),
        (["--limit", "3", "search", "x"], "--limit is an option of search"),
        (["--articles", ".", "check"], "--articles is an option of check"),
        (["--format", "json", "show", "x"], "--format is an option of show"),
        (
            ["--format", "json"],
            "--format is an option of stats, programs, partners, search, show, export, ask "
            "and sources",
        ),
    ],
)
def test_a_command_option_before_the_command_says_to_give_it_after(
    args: list[str], message: str
) -> None:
    # "No such option: --level (Possible options: --help)"
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"cqedu: error: {message}: give it after the command\nTry 'cqedu --help' for help.\n"
    )


def test_an_option_no_part_of_cqedu_has_keeps_clicks_words() -> None:
    result = run("--xyzzy", "stats")
    assert (result.exit_code, result.stderr) == (
        2,
        "cqedu: error: No such option: --xyzzy\nTry 'cqedu --help' for help.\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "-l"], "Option '-l' requires an argument."),
        (["--facts"], "Option '--facts' requires an argument."),
        (["stats", "--no-header=1"], "Option '--no-header' does not take a value."),
    ],
)
def test_a_missing_or_unwanted_option_value_is_one_line(args: list[str], message: str) -> None:
    # as the README says: Click gives no "Try ... --help" line for these
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cqedu: error: {message}\n")
