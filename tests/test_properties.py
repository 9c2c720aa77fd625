"""Property-based tests: any input ends in 0, 1 or 2; writing and reading back loses nothing."""

from __future__ import annotations

import csv
import io
import json
import string
import tomllib
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import cqedu
from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.loader import parse_facts
from cqedu.facts.model import KIND_TABLES, Country, Fact, FactsDocument, Level, Source
from cqedu.knowledge import KnowledgeBase
from cqedu.render import OutputFormat, RenderOptions, Results, render
from cqedu.render.rows import number_text
from tests.conftest import MINI_FACTS

PROPERTY_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# ---------------------------------------------------------------- the CLI

TOKENS = st.sampled_from(
    [
        "stats",
        "programs",
        "partners",
        "search",
        "show",
        "export",
        "--level",
        "-l",
        "--field",
        "--country",
        "--format",
        "-f",
        "--limit",
        "-n",
        "--no-header",
        "--help",
        "--version",
        "--facts",
        str(MINI_FACTS),
        "table",
        "tsv",
        "csv",
        "json",
        "jsonl",
        "toml",
        "xml",
        "preschool",
        "primary",
        "kindergarden",
        "UK",
        "robotics",
        "leicester",
        "mini-schools",
        "0",
        "-1",
        "3",
        "abc",
        "",
        " ",
        "[bold]",
        ":smile:",
        "%s",
        "{0}",
        "\x1b[31m",
        "重庆",
        "😀",
        "--",
        "-",
    ]
)
ARGUMENTS = st.lists(st.one_of(TOKENS, st.text(max_size=12)), max_size=7)


@PROPERTY_SETTINGS
@given(ARGUMENTS)
def test_any_argument_list_ends_in_0_1_or_2(args: list[str]) -> None:
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    if result.exit_code == 2:
        assert result.stderr.startswith("cqedu: "), (args, result.stderr)
        assert len(result.stderr.splitlines()) <= 2, (args, result.stderr)


# ---------------------------------------------------------------- documents

TEXT = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x7f"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
SECTIONS = ("Intro", "Body")
LEVELS = (Level("preschool", "Preschool", ("kindergarten",)), Level("primary", "Primary", ()))
COUNTRIES = (Country("Greece", ("GR",)), Country("South Asia", ()))


@st.composite
def figures(draw: st.DrawFn) -> tuple[int | float, str, str | None, str]:
    """(value, unit, qualifier, as_written) that agree with each other."""
    qualifier = draw(st.sampled_from([None, "over", "more than", "about", "surpassed"]))
    percent = draw(st.booleans())
    if draw(st.booleans()):
        value: int | float = draw(st.integers(0, 10**9))
        written = f"{value:,}"
    else:
        value = draw(st.decimals(0, 10**6, places=2).map(float))
        written = number_text(value)
    prefix = f"{qualifier} " if qualifier else ""
    return (
        value,
        "percent" if percent else "things",
        qualifier,
        prefix + written + ("%" if percent else ""),
    )


@st.composite
def documents(draw: st.DrawFn) -> FactsDocument:
    ids = draw(st.lists(SLUG, min_size=1, max_size=6, unique=True))
    facts = []
    for fact_id in ids:
        kind = draw(st.sampled_from(list(KIND_TABLES.values())))
        figure = draw(st.one_of(st.none(), figures())) if kind != "stat" else draw(figures())
        value, unit, qualifier, as_written = figure if figure else (None, None, None, None)
        partner = kind == "partner"
        facts.append(
            Fact(
                id=fact_id,
                kind=kind,
                name=draw(TEXT),
                summary=draw(TEXT),
                section=draw(st.sampled_from(SECTIONS)),
                paragraph=draw(st.integers(1, 50)),
                source="src",
                value=value,
                unit=unit,
                qualifier=qualifier,
                as_written=as_written,
                level=draw(st.sampled_from([None, "preschool", "primary"])),
                period=draw(st.one_of(st.none(), TEXT)),
                country=draw(st.sampled_from(["Greece", "South Asia"]))
                if partner
                else draw(st.sampled_from([None, "Greece"])),
                category=draw(st.sampled_from(["institution", "country", "centre"]))
                if partner
                else None,
                fields=tuple(draw(st.lists(TEXT, max_size=2, unique=True))),
                keywords=tuple(draw(st.lists(TEXT, max_size=3, unique=True))),
                related=tuple(
                    r
                    for r in draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
                    if r != fact_id
                ),
            )
        )
    # The loader groups records by kind, in KIND_TABLES order.
    order = list(KIND_TABLES.values())
    facts.sort(key=lambda f: order.index(f.kind))
    source = Source("src", "Title", "a.txt", "2025-10-20", "Summary", SECTIONS)
    return FactsDocument((source,), LEVELS, COUNTRIES, tuple(facts))


@PROPERTY_SETTINGS
@given(documents(), st.booleans())
def test_toml_export_reads_back_to_equal_records(document: FactsDocument, ascii_only: bool) -> None:
    text = render(
        OutputFormat.TOML,
        Results(document.facts, document=document),
        RenderOptions(ascii_only=ascii_only),
    )
    assert parse_facts(text.encode(), "export.toml") == document


@PROPERTY_SETTINGS
@given(documents())
def test_every_format_renders_every_record(document: FactsDocument) -> None:
    kb = cqedu.from_document(document)
    facts = tuple(kb.facts())
    count = len(facts)
    shown = {fmt: render(fmt, Results(facts), RenderOptions(width=120)) for fmt in OutputFormat}
    assert len(shown[OutputFormat.TSV].splitlines()) == count + 1
    assert len(json.loads(shown[OutputFormat.JSON])) == count
    assert len(shown[OutputFormat.JSONL].splitlines()) == count
    assert sum(len(rows) for rows in tomllib.loads(shown[OutputFormat.TOML]).values()) == count
    assert len(list(csv.reader(io.StringIO(shown[OutputFormat.CSV])))) == count + 1
    on_screen = shown[OutputFormat.TABLE].split()
    assert [fact.id for fact in facts if fact.id not in on_screen] == []
    assert kb.document() == document


@PROPERTY_SETTINGS
@given(documents())
def test_as_written_always_agrees_with_value(document: FactsDocument) -> None:
    from cqedu.facts.figures import parse_figure, same_number

    for fact in document.facts:
        if fact.as_written is not None and fact.value is not None:
            figure = parse_figure(fact.as_written)
            assert figure is not None and same_number(figure.value, fact.value)
            assert isinstance(figure.value, Decimal)


# ---------------------------------------------------------------- search


@PROPERTY_SETTINGS
@given(st.text(min_size=1, max_size=40), st.integers(1, 20))
def test_search_never_exceeds_its_limit(real_kb: KnowledgeBase, query: str, limit: int) -> None:
    try:
        hits = real_kb.search(query, limit)
    except cqedu.QueryError:
        return
    assert len(hits) <= limit
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(60.0 <= h.score <= 100.0 for h in hits)


@PROPERTY_SETTINGS
@given(st.data())
def test_an_exact_name_or_id_ranks_its_record_first(
    real_kb: KnowledgeBase, data: st.DataObject
) -> None:
    fact = data.draw(st.sampled_from(real_kb.facts()))
    query = data.draw(
        st.sampled_from([fact.name, fact.id, fact.name.upper(), fact.id.replace("-", " ")])
    )
    assert real_kb.search(query, 1)[0].fact.id == fact.id


# ---------------------------------------------------------------- hostile files

VALID = MINI_FACTS.read_text()


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID.encode())
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        chunk = draw(
            st.one_of(
                st.binary(min_size=1, max_size=4),
                st.sampled_from([b"[", b"]", b"=", b'"', b"\n", b"[[stats]]\n", b"value = ", b"#"]),
            )
        )
        if action == "delete":
            del data[position : position + len(chunk)]
        elif action == "insert":
            data[position:position] = chunk
        else:
            data[position : position + len(chunk)] = chunk
    return bytes(data)


@settings(max_examples=300, deadline=None)
@given(mutated_files())
def test_mutated_files_load_or_fail_with_the_project_error(data: bytes) -> None:
    try:
        parse_facts(data, "mutant.toml")
    except FactsError as error:
        assert str(error).startswith("mutant.toml")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable + "é重[]{}=\"'", max_size=200))
def test_arbitrary_text_loads_or_fails_with_the_project_error(text: str) -> None:
    try:
        parse_facts(text.encode(), "random.toml")
    except FactsError as error:
        assert str(error).startswith("random.toml")
