"""`cqedu ask` on the command line, and names typed to --level resolving as in questions."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from cqedu.cli import app
from cqedu.facts.fields import FACT_FIELDS
from tests.conftest import MINI_FACTS, REPO, subprocess_env
from tests.test_ask import EXTRA_RECORDS

TEACHERS_LINE = "over 2.5 million teachers (Schools \u00b62)"


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    """The mini facts plus the records the ask tests add, as a file."""
    path = tmp_path / "mini-ask.toml"
    path.write_bytes(MINI_FACTS.read_bytes() + EXTRA_RECORDS)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def ask(facts: Path, *args: str) -> Result:
    return run("--facts", str(facts), "ask", *args)


def test_in_a_pipe_the_answer_line_is_all_that_is_written(facts: Path) -> None:
    result = ask(facts, "how", "many", "teachers?")
    assert (result.exit_code, result.stdout, result.stderr) == (0, TEACHERS_LINE + "\n", "")


def test_json_has_the_question_answer_record_and_related(facts: Path) -> None:
    result = ask(facts, "how many pupils joined the robot club", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["question", "answer", "record", "named", "related"]
    assert data["named"] == [data["record"]]
    assert data["question"] == "how many pupils joined the robot club"
    assert data["answer"] == "about 40 pupils (robot club members; Intro \u00b61)"
    assert list(data["record"]) == list(FACT_FIELDS)
    assert (data["record"]["id"], data["record"]["value"]) == ("mini-club-members", 40)
    assert data["record"]["related"] == ["mini-robot-club"]
    assert [r["id"] for r in data["related"]] == ["mini-robot-club"]
    assert list(data["related"][0]) == list(FACT_FIELDS)
    assert data["related"][0]["fields"] == ["robotics", "computer science"]


def test_jsonl_is_the_same_object_on_one_line(facts: Path) -> None:
    result = ask(facts, "how many teachers", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1
    data = json.loads(result.stdout)
    assert (data["answer"], data["record"]["id"], data["related"]) == (
        TEACHERS_LINE,
        "mini-teachers",
        [],
    )


def test_tsv_is_the_record_columns_plus_answer(facts: Path) -> None:
    result = ask(facts, "how many teachers", "-f", "tsv")
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()
    assert header.split("\t") == [*FACT_FIELDS, "answer"]
    cells = dict(zip([*FACT_FIELDS, "answer"], row.split("\t"), strict=True))
    assert (cells["id"], cells["as_written"], cells["answer"]) == (
        "mini-teachers",
        "over 2.5 million",
        TEACHERS_LINE,
    )


COUNTRIES_QUESTION = "which countries get vocational training"
COUNTRIES_LINE = (
    "more than 50 countries (countries in vocational training cooperation; as of 2025; "
    "Deepening Global Cooperation and Mutual Learning \u00b63); the article names 3: Russia, "
    "Spain, Thailand (Deepening Global Cooperation and Mutual Learning \u00b63)"
)


def test_every_format_carries_every_record_a_list_answer_names() -> None:
    # A list answer named three countries, and -f tsv wrote the first alone.
    base = ("--facts", str(REPO / "facts.toml"), "ask", COUNTRIES_QUESTION, "-f")
    tsv = run(*base, "tsv").stdout.splitlines()
    assert [line.split("\t")[0] for line in tsv] == ["id", "russia", "spain", "thailand"]
    assert {line.split("\t")[-1] for line in tsv[1:]} == {COUNTRIES_LINE}
    rows = list(csv.reader(io.StringIO(run(*base, "csv").stdout)))
    assert [(row[0], row[-1]) for row in rows[1:]] == [
        ("russia", COUNTRIES_LINE),
        ("spain", COUNTRIES_LINE),
        ("thailand", COUNTRIES_LINE),
    ]
    for fmt in ("json", "jsonl"):
        data = json.loads(run(*base, fmt).stdout)
        assert data["answer"] == COUNTRIES_LINE
        assert [r["id"] for r in data["named"]] == ["russia", "spain", "thailand"]
        assert data["record"]["id"] == "russia"
        # the other members are named, not related; the count of them is related
        assert [r["id"] for r in data["related"]] == ["vocational-cooperation-countries"]
    table = run(*base, "table").stdout
    assert table.count("Spain") == 1


def test_tsv_has_a_row_for_each_source_an_answer_names() -> None:
    chengdu = REPO / "tests" / "data" / "chengdu_facts.toml"
    args = ("--facts", str(REPO / "facts.toml"), "--facts", str(chengdu), "ask")
    result = run(*args, "how many teachers", "-f", "tsv", "--no-header")
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "teachers",
        "cd-teachers",
    ]


def test_tsv_without_header_is_one_row(facts: Path) -> None:
    result = ask(facts, "how many teachers", "-f", "tsv", "--no-header")
    assert result.stdout.split("\t")[0] == "mini-teachers"
    assert result.stdout.count("\n") == 1


def test_csv_is_the_record_columns_plus_answer(facts: Path) -> None:
    result = ask(facts, "what is the robot club", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [*FACT_FIELDS, "answer"]
    assert (rows[1][0], rows[1][-1]) == (
        "mini-robot-club",
        "Robot club: After-school club building robots with a partner abroad. (Intro \u00b61)",
    )


def test_table_shows_the_figure_the_line_and_related(facts: Path) -> None:
    result = ask(facts, "which enrollment rate is highest", "-f", "table")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:5] == [
        "88.5%",
        "88.5% preschool enrollment rate (Schools \u00b62)",
        "",
        "Related",
        "mini-adult-enrollment-rate  12.5%  Adult enrollment rate",
    ]


def test_a_refusal_exits_1_with_one_line_and_nothing_on_stdout(facts: Path) -> None:
    for fmt in ("tsv", "csv", "json", "table"):
        result = ask(facts, "how many teachers does Shanghai have", "-f", fmt)
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == 'cqedu: the article does not mention "Shanghai" (it covers Mini)\n'


def test_a_known_level_without_the_figure_is_refused(facts: Path) -> None:
    result = ask(facts, "what is the elementary enrollment rate")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "cqedu: the article gives no enrollment figure for primary; "
        "worth a look: mini-preschool-rate, mini-adult-enrollment-rate\n"
    )


def test_never_answers_with_chongqings_figure_for_another_city() -> None:
    result = run("ask", "how many teachers does Shanghai have")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        'cqedu: the article does not mention "Shanghai" (it covers Chongqing)\n'
    )
    result = run("ask", "how many hospitals does Chongqing have?")
    assert result.stderr == 'cqedu: the article does not mention "hospitals"\n'


def test_the_issue_example_on_the_real_facts() -> None:
    result = run("ask", "how many teachers does Chongqing have?")
    assert result.stdout == (
        "over 500,000 teachers (as of 2025; Building a Strong Education System \u00b61)\n"
    )


EXAMPLE = 'ask one, such as: cqedu ask "how many teachers?"'


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["  "], f"empty question; {EXAMPLE}"),
        (["?!", "..."], f"question has no letters or digits; {EXAMPLE}"),
    ],
)
def test_empty_and_wordless_questions_exit_2(facts: Path, words: list[str], message: str) -> None:
    result = ask(facts, *words)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cqedu: {message}\n")


def test_no_question_at_all_is_a_usage_error(facts: Path) -> None:
    result = ask(facts)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("cqedu: error: Missing argument 'QUESTION...'.")


def test_toml_is_not_an_answer_format(facts: Path) -> None:
    result = ask(facts, "how many teachers", "-f", "toml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'cqedu: format "toml" does not apply to ask; valid formats: table, tsv, csv, json, jsonl\n'
    )


def test_no_header_with_json_is_a_usage_error(facts: Path) -> None:
    result = ask(facts, "how many teachers", "-f", "json", "--no-header")
    assert result.exit_code == 2
    assert result.stderr == "cqedu: --no-header applies to table, tsv and csv output, not json\n"


def test_help_names_the_command_and_exit_codes() -> None:
    result = run("ask", "--help")
    assert result.exit_code == 0
    assert "One direct answer to a question, with where the article says it" in result.stdout
    assert "Exit codes: 0 results printed; 1 nothing matched; 2 bad usage" in result.stdout


def test_a_real_pipe_gets_one_line_and_ascii_gets_para() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "cqedu", "ask", "how", "many", "schools"],
        capture_output=True,
        env=subprocess_env(PYTHONIOENCODING="ascii"),
        cwd=REPO,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout == (
        b"9,177 schools (as of 2025; Building a Strong Education System para 1)\n"
    )
    assert completed.stderr == b""


# ---------------------------------------------------------------- --level names


def test_level_high_begins_high_school_only() -> None:
    result = run("stats", "--level", "high", "--no-header")
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "high-school-enrollment-rate"
    ]


def test_level_secondary_names_two_levels_and_exits_2() -> None:
    result = run("stats", "--level", "secondary")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'cqedu: level "secondary" could mean junior-secondary or high-school; '
        "type one of them (or more of its name)\n"
    )


ASK_WORDS = st.lists(
    st.one_of(
        st.sampled_from(
            "how many what which when who teachers Shanghai rate highest each year -f json"
            " tsv table --no-header ? [bold] \x1b[31m".split(" ")
        ),
        st.text(max_size=6),
    ),
    max_size=8,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ASK_WORDS)
def test_any_words_end_in_an_answer_a_refusal_or_a_usage_error(
    facts: Path, words: list[str]
) -> None:
    result = ask(facts, *words)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 0:
        assert result.stderr == ""
    else:
        assert result.stdout == ""
        assert result.stderr.startswith("cqedu: ")
        assert "\x1b" not in result.stderr
