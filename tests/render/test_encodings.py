"""Tables on streams that cannot encode every character (issue 15, item 11).

Under PYTHONIOENCODING=ascii or latin-1 a name such as 重庆医科大学附属第一医院 is written
escaped (\\u91cd...), six columns a character instead of two: every table design measures
its cells as they will be written, so no line is wider than the terminal and the `|`
separators line up.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len

import cqedu
from cqedu.knowledge import KnowledgeBase
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, render
from cqedu.render.answer import render_answer
from cqedu.render.console import writable
from cqedu.render.sources import render_sources
from tests.conftest import TESTS, subprocess_env

WIDE_FACTS = TESTS / "data" / "wide_facts.toml"
WIDTHS = [40, 80, 120]
ENCODINGS = ["ascii", "iso8859-1", "cp1252"]
DESIGNS = ["stats", "programs", "partners", "search", "show", "export", "sources", "ask"]


@pytest.fixture(scope="module")
def wide_kb() -> Iterator[KnowledgeBase]:
    kb = cqedu.load(WIDE_FACTS, cache=False)
    yield kb
    kb.close()


def options(width: int, encoding: str) -> RenderOptions:
    ascii_only = encoding != "utf-8"  # none of these can write the bar's block characters
    return RenderOptions(width=width, ascii_only=ascii_only, encoding=encoding)


def shown(kb: KnowledgeBase, design: str, width: int, encoding: str) -> str:
    """The table `design` draws for the wide facts, as text for the stream."""
    opts = options(width, encoding)
    if design == "sources":
        return render_sources(OutputFormat.TABLE, kb.source_list(), opts)
    if design == "ask":
        return render_answer(OutputFormat.TABLE, kb.ask("how many teaching beds"), opts)
    if design == "search":
        hits = tuple(kb.search("hospital beds program", 10))
        results = Results(tuple(h.fact for h in hits), VIEWS["search"], hits=hits)
    elif design == "show":
        results = Results((kb.get("wide-hospital"),), VIEWS["show"])
    else:
        found = {
            "stats": kb.figures,
            "programs": kb.programs,
            "partners": kb.partners,
            "export": kb.facts,
        }[design]()
        results = Results(tuple(found), VIEWS[design])
    return render(OutputFormat.TABLE, results, opts)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("design", DESIGNS)
def test_every_line_fits_and_encodes(
    wide_kb: KnowledgeBase, design: str, width: int, encoding: str
) -> None:
    text = shown(wide_kb, design, width, encoding)
    text.encode(encoding)  # nothing left for the stream to escape (and so widen)
    too_wide = [line for line in text.splitlines() if cell_len(line) > width]
    assert too_wide == []


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("design", ["stats", "programs", "partners", "search", "show", "export"])
def test_column_separators_line_up(
    wide_kb: KnowledgeBase, design: str, width: int, encoding: str
) -> None:
    """In every ASCII-boxed table, each row's `|` stand where the header's stand."""
    text = shown(wide_kb, design, width, encoding)
    tables = [part for part in text.split("\n\n") if " | " in part]
    for part in tables:
        lines = [line for line in part.splitlines() if "|" in line or "+" in line]
        header = [i for i, char in enumerate(lines[0]) if char == "|"]
        for line in lines[1:]:
            mark = "+" if set(line) <= {"-", "+"} else "|"
            assert [i for i, char in enumerate(line) if char == mark] == header, line


def test_partners_at_80_columns_under_ascii(wide_kb: KnowledgeBase) -> None:
    """The escaped name is one word wider than any column: blocks, each line whole."""
    assert shown(wide_kb, "partners", 80, "ascii").splitlines() == [
        "\\u91cd\\u5e86\\u533b\\u79d1\\u5927\\u5b66\\u9644\\u5c5e\\u7b2c\\u4e00\\u533b\\u9662",
        "wide-hospital",
        "  Country: \\u4e2d\\u56fd",
        "  Category: institution",
        "",
        "Universidade de S\\xe3o Paulo",
        "wide-usp",
        "  Country: Brasil",
        "  Category: institution",
        "",
    ]


def test_programs_at_80_columns_under_ascii(wide_kb: KnowledgeBase) -> None:
    """Fields fold under the name; a figure's lines stay under its text, right of `- ."""
    assert shown(wide_kb, "programs", 80, "ascii").splitlines() == [
        "Name, id                      |           Figure | Level            | Period",
        "------------------------------+------------------+------------------+-----------",
        "\\u91cd\\u5e86\\u5927\\u5b66      |     12 exchanges |                  |",
        "  exchange program            |                  |                  |",
        "  wide-program                |                  |                  |",
        "  Fields: \\u533b\\u5b66;       |                  |                  |",
        "    engenharia el\\xe9trica    |                  |                  |",
        "`- Share of graduates from    | #####----- 45.5% | higher education | as of 2025",
        "   S\\xe3o Paulo programs      |                  |                  |",
        "   wide-share                 |                  |                  |",
    ]


def test_latin_1_writes_accents_as_they_are(wide_kb: KnowledgeBase) -> None:
    """Latin-1 holds "ã" and "é": only what it cannot hold is escaped."""
    lines = shown(wide_kb, "programs", 80, "iso8859-1").splitlines()
    assert lines[6] == "    engenharia elétrica       |                  |                  |"
    assert lines[8] == "   São Paulo programs         |                  |                  |"


def test_writable_escapes_only_what_the_encoding_cannot_hold() -> None:
    assert writable("重庆 São\x1b", "ascii") == "\\u91cd\\u5e86 S\\xe3o\\x1b"
    assert writable("重庆 São\x1b", "iso8859-1") == "\\u91cd\\u5e86 São\\x1b"
    assert writable("重庆 São\x1b", "utf-8") == "重庆 São\\x1b"
    assert writable("重庆", "no-such-encoding") == "\\u91cd\\u5e86"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_the_command_writes_a_table_that_fits(encoding: str, tmp_path: Path) -> None:
    """End to end: the stream's encoding reaches the table (PYTHONIOENCODING)."""
    done = subprocess.run(
        [sys.executable, "-m", "cqedu", "--facts", str(WIDE_FACTS), "programs", "-f", "table"],
        capture_output=True,
        env=subprocess_env(
            PYTHONIOENCODING=encoding,
            COLUMNS="80",
            CQEDU_CACHE_DIR=str(tmp_path),
            PATH=os.environ.get("PATH", ""),
        ),
        check=True,
    )
    lines = done.stdout.decode(encoding).splitlines()
    assert max(len(line) for line in lines) == 80
    assert lines[2] == "\\u91cd\\u5e86\\u5927\\u5b66      |     12 exchanges |                  |"
