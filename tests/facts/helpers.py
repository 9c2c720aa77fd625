"""Loading and checking one facts text both ways, for tests that need them to agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.loader import parse_facts

#: The file of issue 15: one source and one stat, each field on its own line.
HEADER = """schema = 1

[[sources]]
id = "s"
title = "T"
file = "t.txt"
date = "2025-01-02"
summary = "S."
sections = ["Intro"]
"""
STAT = """
[[stats]]
id = "schools"
name = "Schools"
summary = "How many schools."
value = 1234
unit = "schools"
as_written = "1,234"
section = "Intro"
paragraph = 1
"""


def load_fault(text: str, label: str = "f.toml") -> str:
    """The message loading raises, less the file name."""
    with pytest.raises(FactsError) as caught:
        parse_facts(text.encode("utf-8"), label)
    return str(caught.value).removeprefix(f"{label}:").removeprefix(" ")


def check_lines(path: Path, text: str) -> tuple[int, list[str]]:
    """`cqedu check`'s exit code and its lines, each less the file name, for `text`."""
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)], catch_exceptions=False)
    return result.exit_code, [line.removeprefix(f"{path}:") for line in result.stdout.splitlines()]


def refused_by_both(tmp_path: Path, text: str) -> str:
    """The one problem of `text`: loading and `check` (exit 1) give the same message.

    Returned as check gives it, `line:column: message`.
    """
    loaded = load_fault(text)
    code, lines = check_lines(tmp_path / "f.toml", text)
    assert code == 1
    assert len(lines) == 1, lines
    # a syntax error's message carries its place: loading and check then read alike
    assert loaded in {lines[0], lines[0].split(": ", 1)[1]}
    return lines[0]


def drafted(tmp_path: Path, text: str) -> list[tuple[object, ...]]:
    """(as_written, value, unit, id) of each stat drafted from a short article holding
    `text` under a headline, dated 2025-01-01."""
    # deferred: only the drafting tests need the drafter
    import tomllib

    from cqedu.facts.draft import draft_file

    article = tmp_path / "article.txt"
    article.write_text("Harbour Notes\n\n" + text + "\n", encoding="utf-8")
    stats = tomllib.loads(draft_file(article, date="2025-01-01"))["stats"]
    return [(s["as_written"], s["value"], s["unit"], s["id"]) for s in stats]
