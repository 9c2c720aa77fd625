"""The command line through Typer's CliRunner: every command, option and error."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cqedu import __version__
from cqedu.cli import app
from cqedu.fields import FACT_FIELDS
from cqedu.fields import SEARCH_FIELD_NAMES as SEARCH_FIELDS
from cqedu.loader import parse_facts
from cqedu.model import KIND_TABLES
from tests.conftest import MINI_FACTS, REAL_FACTS

HEADER = "\t".join(FACT_FIELDS)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def mini(*args: str, env: dict[str, str] | None = None) -> Result:
    return run("--facts", str(MINI_FACTS), *args, env=env)


def tsv_ids(result: Result) -> list[str]:
    return [line.split("\t")[0] for line in result.stdout.splitlines()[1:]]


COMMANDS = ["stats", "programs", "partners", "search", "show", "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Exit codes: 0 results printed; 1 nothing matched; 2 bad usage" in result.stdout
    assert "--format" in result.stdout
    first = app.registered_commands[COMMANDS.index(command)].callback
    assert first is not None and first.__doc__ is not None
    assert first.__doc__.splitlines()[0] in result.stdout


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


def test_stats_known_level_without_figures_exits_1_with_header_only() -> None:
    result = run("stats", "--level", "primary")
    assert result.exit_code == 1
    assert result.stdout == HEADER + "\n"
    assert result.stderr == 'cqedu: the source gives no figure for level "primary" (Primary)\n'


def test_stats_no_match_without_header_prints_nothing() -> None:
    result = run("stats", "--level", "primary", "--no-header")
    assert (result.exit_code, result.stdout) == (1, "")


def test_stats_unknown_level_exits_2_listing_levels() -> None:
    result = run("stats", "--level", "postdoc")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        'cqedu: unknown level "postdoc"; valid levels: preschool, primary, junior-secondary, '
        "high-school, higher-education, vocational, special-education, system-wide\n"
    )


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "jsonl", "toml", "JSON"])
def test_every_format_is_accepted(fmt: str) -> None:
    result = mini("stats", "-f", fmt)
    assert result.exit_code == 0, result.output
    assert "mini-teachers" in result.stdout


def test_unknown_format_is_a_usage_error() -> None:
    result = mini("stats", "-f", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "cqedu: error: Invalid value for '--format' / '-f': 'xml' is not one of "
        "'table', 'tsv', 'csv', 'json', 'jsonl', 'toml'.\n"
        "Try 'cqedu stats --help' for help.\n"
    )


def test_no_header_with_json_conflicts() -> None:
    result = mini("stats", "-f", "json", "--no-header")
    assert result.exit_code == 2
    assert result.stderr == "cqedu: --no-header applies to table, tsv and csv output, not json\n"


def test_programs_and_field() -> None:
    assert tsv_ids(mini("programs")) == ["mini-robot-club", "mini-club-members"]
    result = run("programs", "--field", "robotics")
    assert result.exit_code == 0, result.output
    assert tsv_ids(result) == [
        "sino-foreign-cooperative-programs",
        "sino-foreign-annual-enrollment",
    ]
    medicine = run("programs", "--field", "medicine")
    assert tsv_ids(medicine) == [
        "sino-foreign-cooperative-programs",
        "sino-foreign-annual-enrollment",
        "leicester-joint-college",
    ]


def test_programs_unknown_field() -> None:
    result = mini("programs", "--field", "poetry")
    assert result.exit_code == 2
    assert result.stderr == (
        'cqedu: unknown field "poetry"; fields of programs: robotics, computer science\n'
    )


@pytest.mark.parametrize("country", ["UK", "United Kingdom", "Britain", "britian", "u.k."])
def test_partners_country_forms(country: str) -> None:
    result = run("partners", "--country", country)
    assert result.exit_code == 0, result.output
    assert tsv_ids(result) == ["university-of-leicester"]


def test_partners_all_and_unknown_country() -> None:
    assert tsv_ids(run("partners")) == [
        "university-of-leicester",
        "nanyang-technological-university",
        "russia",
        "spain",
        "thailand",
        "chinese-greek-civilizations-center",
        "south-asia-poverty-alleviation-center",
    ]
    result = run("partners", "--country", "Atlantis")
    assert result.exit_code == 2
    assert result.stderr.startswith('cqedu: unknown country "Atlantis"')


def test_search_leicester_json_has_score_and_matched_field() -> None:
    result = run("search", "leicester", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["id"], d["score"], d["matched_field"]) for d in data] == [
        ("university-of-leicester", 100.0, "name"),
        ("leicester-joint-college", 100.0, "name"),
    ]
    assert list(data[0]) == [*FACT_FIELDS, *SEARCH_FIELDS]


def test_search_joins_words_and_forgives_typos() -> None:
    result = run("search", "leicster", "-n", "1")
    assert tsv_ids(result) == ["university-of-leicester"]
    result = run("search", "how", "many", "teachers", "-n", "1")
    assert tsv_ids(result) == ["teachers"]


def test_search_nothing_found_exits_1() -> None:
    result = run("search", "zebra", "crossing")
    assert result.exit_code == 1
    assert result.stdout == "\t".join((*FACT_FIELDS, *SEARCH_FIELDS)) + "\n"
    assert result.stderr == 'cqedu: nothing matches "zebra crossing"; try other or fewer words\n'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", ""], "cqedu: empty query; give a word or phrase to search for\n"),
        (["search", "   "], "cqedu: empty query; give a word or phrase to search for\n"),
        (
            ["search", "x", "--limit", "0"],
            "cqedu: error: Invalid value for '--limit' / '-n': 0 is not in the range 1<=x<=10000.\n"
            "Try 'cqedu search --help' for help.\n",
        ),
        (
            ["search", "x", "--limit", "abc"],
            "cqedu: error: Invalid value for '--limit' / '-n': 'abc' is not a valid int range.\n"
            "Try 'cqedu search --help' for help.\n",
        ),
        (
            ["search", "x", "--limit", "-3"],
            "cqedu: error: Invalid value for '--limit' / '-n': -3 is not in the range "
            "1<=x<=10000.\nTry 'cqedu search --help' for help.\n",
        ),
        (
            ["search"],
            "cqedu: error: Missing argument 'QUERY...'.\nTry 'cqedu search --help' for help.\n",
        ),
        (
            ["stats", "--bogus"],
            "cqedu: error: No such option: --bogus\nTry 'cqedu stats --help' for help.\n",
        ),
        (
            ["statz"],
            "cqedu: error: No such command 'statz'. Did you mean 'stats'?\n"
            "Try 'cqedu --help' for help.\n",
        ),
    ],
)
def test_usage_errors_are_two_plain_lines_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


def test_hostile_query_text_is_never_interpreted() -> None:
    result = run("search", "[bold red]x[/] :smile: %s {0} $(rm) \x1b[31m", "-f", "table")
    assert result.exit_code == 1
    assert result.stderr == (
        'cqedu: nothing matches "[bold red]x[/] :smile: %s {0} $(rm) \\x1b[31m"; '
        "try other or fewer words\n"
    )


def test_show_one_record_in_full() -> None:
    result = run("show", "preschool-enrollment-rate", "-f", "json")
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert (record["as_written"], record["section"], record["paragraph"]) == (
        "93.5%",
        "Building a Strong Education System",
        1,
    )
    table = run("show", "teachers", "-f", "table")
    assert "over 500,000" in table.stdout
    assert "Building a Strong Education System" in table.stdout


def test_show_unknown_id_suggests() -> None:
    result = run("show", "teacher")
    assert result.exit_code == 1
    assert result.stderr == 'cqedu: no record has id "teacher"; did you mean teachers?\n'


def test_export_toml_is_a_facts_file_with_the_same_records(tmp_path: Path) -> None:
    result = run("export", "-f", "toml")
    assert result.exit_code == 0, result.output
    exported = parse_facts(result.stdout.encode(), "export.toml")
    assert exported == parse_facts(REAL_FACTS.read_bytes(), "facts.toml")
    path = tmp_path / "again.toml"
    path.write_text(result.stdout)
    again = run("--facts", str(path), "export", "-f", "toml")
    assert again.stdout == result.stdout


def test_export_json_counts_every_record() -> None:
    data = json.loads(run("export", "-f", "json").stdout)
    raw = tomllib.loads(REAL_FACTS.read_text())
    assert len(data) == sum(len(raw[table]) for table in KIND_TABLES) == 67


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
    result = run("stats")
    assert result.exit_code == 70
    assert result.stderr == (
        "cqedu: internal error: RuntimeError: boom\n"
        "cqedu: this is a bug; please report it with the command you ran\n"
    )


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cqedu.knowledge.KnowledgeBase.figures", interrupt)
    result = run("stats")
    assert (result.exit_code, result.stderr) == (130, "cqedu: interrupted\n")
