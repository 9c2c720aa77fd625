"""Issue 15, item 13: small contracts.

An empty path is refused (Path("") would read the current folder). A query that finds
nothing writes nothing to stdout, in every format and for every command (no header, no
`[]`), exits 1, and says why on stderr: the exit code is the one signal.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cqedu.cli import app
from cqedu.render import AnswerFormat, OutputFormat
from tests.conftest import MINI_FACTS, TESTS

EVENTS_ONLY = TESTS / "data" / "events_only.toml"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


# ---------------------------------------------------------------- empty paths

EMPTY_FACTS = (
    "cqedu: --facts: a path is empty; give a facts file or folder (. for the current folder)\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["--facts", "", "stats"],
        ["--facts", str(MINI_FACTS), "--facts", "", "stats"],
        ["--facts", "", "sources"],
        ["--facts", "", "check"],
        ["--facts=", "search", "schools"],
    ],
)
def test_an_empty_facts_path_is_refused(args: list[str]) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", EMPTY_FACTS)


def test_an_empty_check_path_is_refused() -> None:
    result = run("check", str(MINI_FACTS), "")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "cqedu: check: a path is empty; give a facts file or folder (. for the current folder)\n"
    )


@pytest.mark.parametrize(
    "variable",
    [
        f"{MINI_FACTS}{os.pathsep}{os.pathsep}{MINI_FACTS}",
        f"{os.pathsep}{MINI_FACTS}",
        f"{MINI_FACTS}{os.pathsep}",
        os.pathsep,
    ],
)
def test_an_empty_entry_in_cqedu_facts_is_refused(variable: str) -> None:
    result = run("stats", env={"CQEDU_FACTS": variable})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f'cqedu: CQEDU_FACTS holds an empty path ("{variable}"); separate its paths with '
        f'one "{os.pathsep}" and leave none empty\n'
    )


def test_an_empty_cqedu_facts_is_as_if_unset() -> None:
    result = run("sources", "-f", "csv", env={"CQEDU_FACTS": ""})
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("cq-education-2025,")


def test_the_current_folder_is_still_one_dot_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mini.toml").write_bytes(MINI_FACTS.read_bytes())
    result = run("--facts", ".", "stats", "--level", "preschool", "-F", "id")
    assert (result.exit_code, result.stdout) == (0, "id\nmini-preschool-rate\n")


# ---------------------------------------------------------------- results that are empty

#: (facts file, arguments, stderr) of a query that finds nothing, for every command.
NOTHING: dict[str, tuple[str, list[str], str]] = {
    "stats, a level without figures": (
        str(MINI_FACTS),
        ["stats", "--level", "primary"],
        'cqedu: the source gives no figure for level "primary" (Primary)\n',
    ),
    "stats, no figures at all": (str(EVENTS_ONLY), ["stats"], "cqedu: the facts hold no figure\n"),
    "stats, no figures in the source chosen": (
        str(EVENTS_ONLY),
        ["stats", "--source", "fair"],
        "cqedu: the chosen sources hold no figure\n",
    ),
    "programs": (str(EVENTS_ONLY), ["programs"], "cqedu: the facts hold no program\n"),
    "partners": (str(EVENTS_ONLY), ["partners"], "cqedu: the facts name no partner\n"),
    "search": (
        str(MINI_FACTS),
        ["search", "zebra", "crossing"],
        'cqedu: nothing matches "zebra crossing"; try other or fewer words\n',
    ),
    "show": (
        str(EVENTS_ONLY),
        ["show", "spring-fare"],
        'cqedu: no record has id "spring-fare"; did you mean spring-fair?\n',
    ),
    "export": (
        str(EVENTS_ONLY),
        ["export", "--kind", "partners"],
        'cqedu: the facts file has no record of kind "partner"\n',
    ),
    "ask": (
        str(EVENTS_ONLY),
        ["ask", "how", "many", "schools"],
        'cqedu: the article gives no count of "schools"\n',
    ),
}


def formats(command: str) -> list[str | None]:
    chosen = AnswerFormat if command == "ask" else OutputFormat
    return [None, *(fmt.value for fmt in chosen)]


CASES = [
    pytest.param(name, fmt, id=f"{name}-{fmt or 'default'}")
    for name, (_, args, _) in NOTHING.items()
    for fmt in formats(args[0])
]


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_nothing_found_is_nothing_on_stdout_and_exit_1(name: str, fmt: str | None) -> None:
    facts, args, message = NOTHING[name]
    chosen = [] if fmt is None else ["-f", fmt]
    result = run("--facts", facts, *args, *chosen)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv"])
def test_nothing_found_without_a_header_is_the_same(fmt: str) -> None:
    result = run("--facts", str(EVENTS_ONLY), "partners", "-f", fmt, "--no-header")
    assert (result.exit_code, result.stdout) == (1, "")


def test_every_command_that_queries_is_covered() -> None:
    names = {command.callback.__name__ for command in app.registered_commands if command.callback}
    covered = {args[0] for _, args, _ in NOTHING.values()}
    # sources lists the sources (a facts file always has one); check, draft and schema are
    # no queries
    others = {"sources", "check", "draft", "schema"}
    assert names - covered <= others, names - covered - others
