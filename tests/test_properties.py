"""Property-based tests: any input ends in 0, 1 or 2; writing and reading back loses nothing."""

from __future__ import annotations

import copy
import csv
import io
import json
import string
import tomllib
from decimal import Decimal
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import cqedu
from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.loader import check_facts, parse_facts
from cqedu.facts.model import KIND_TABLES, Country, Fact, FactsDocument, Level, Source
from cqedu.facts.tables import TABLES, TOP_LEVEL
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


# ---------------------------------------------------------------- loading and check agree

FIELD_NAMES = sorted({field.name for table in TABLES for field in table.fields})
KEYS = st.one_of(st.sampled_from([*TOP_LEVEL, *FIELD_NAMES]), st.text(min_size=1, max_size=5))
SCALARS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 1, -1, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**40, -0.0]),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["Intro", "Schools", "mini", "preschool", "1,234", "88.5%", "percent", " x"]),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=8,
)
MINI = tomllib.loads(VALID)


@st.composite
def toml_documents(draw: st.DrawFn) -> bytes:
    """Arbitrary TOML documents, most of them near a facts file: the mini file with some
    keys set to any value or removed, anywhere in it; or any document at all."""
    if draw(st.integers(0, 4)) == 0:
        document: dict[str, Any] = draw(st.dictionaries(KEYS, VALUES, max_size=5))
    else:
        document = copy.deepcopy(MINI)
        for _ in range(draw(st.integers(1, 4))):
            target: Any = document
            while True:  # walk down to a table, at random
                if isinstance(target, list) and target:
                    target = target[draw(st.integers(0, len(target) - 1))]
                elif isinstance(target, dict) and target and draw(st.booleans()):
                    child = target[draw(st.sampled_from(sorted(target)))]
                    if not isinstance(child, dict | list):
                        break
                    target = child
                else:
                    break
            if not isinstance(target, dict):
                continue
            key = draw(st.one_of(st.sampled_from(sorted(target) or ["id"]), KEYS))
            if draw(st.integers(0, 3)) == 0:
                target.pop(key, None)
            else:
                target[key] = draw(VALUES)
    return tomli_w.dumps(document).encode()


def assert_load_and_check_agree(data: bytes) -> None:
    checked = check_facts(data, "p.toml")
    assert all(p.line >= 1 and p.column >= 1 for p in checked.problems), checked.problems
    assert all("\n" not in p.message for p in checked.problems), checked.problems
    try:
        parse_facts(data, "p.toml")
    except FactsError as error:
        # refused by both, with the same field named: loading's one message is among check's
        assert str(error) in [problem.message for problem in checked.problems]
        return
    assert checked.problems == []


@settings(max_examples=400, deadline=None)
@given(toml_documents())
def test_any_toml_document_is_loaded_or_refused_by_both(data: bytes) -> None:
    assert_load_and_check_agree(data)


@settings(max_examples=300, deadline=None)
@given(mutated_files())
def test_any_mutant_of_a_facts_file_is_loaded_or_refused_by_both(data: bytes) -> None:
    assert_load_and_check_agree(data)
