"""Every output format: exact shapes, escaping, and round trips."""

from __future__ import annotations

import csv
import io
import json
import tomllib

import pytest

from cqedu.facts.fields import FACT_FIELDS
from cqedu.facts.fields import SEARCH_FIELD_NAMES as SEARCH_FIELDS
from cqedu.facts.loader import parse_facts
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from cqedu.render import VIEWS, OutputFormat, RenderOptions, Results, View, render, renderer_for
from cqedu.render.rows import number_text

PLAIN = RenderOptions()


def test_every_format_has_its_own_renderer() -> None:
    assert {fmt: renderer_for(fmt).__module__ for fmt in OutputFormat} == {
        OutputFormat.TABLE: "cqedu.render.table",
        OutputFormat.TSV: "cqedu.render.tsv",
        OutputFormat.CSV: "cqedu.render.csvfmt",
        OutputFormat.JSON: "cqedu.render.jsonfmt",
        OutputFormat.JSONL: "cqedu.render.jsonfmt",
        OutputFormat.TOML: "cqedu.render.tomlfmt",
    }
    assert renderer_for(OutputFormat.JSONL).__name__ == "render_lines"


def test_every_format_renders_every_record(real_kb: KnowledgeBase) -> None:
    facts = tuple(real_kb.facts())
    for fmt in OutputFormat:
        text = render(fmt, Results(facts), RenderOptions(width=200))
        for fact in facts:
            assert fact.id in text, (fmt, fact.id)


def odd_fact() -> Fact:
    return Fact(
        id="odd",
        kind="stat",
        name="Tab\there [bold]x[/] :smile:",
        summary='Line one\nline two, "quoted" \\ back',
        section="Intro",
        paragraph=1,
        source="mini",
        value=93.5,
        unit="percent",
        as_written="93.5%",
        keywords=("a", "b"),
    )


def test_tsv_header_columns_and_escapes() -> None:
    text = render(OutputFormat.TSV, Results((odd_fact(),)), PLAIN)
    header, line = text.splitlines()
    assert header.split("\t") == list(FACT_FIELDS)
    cells = line.split("\t")
    assert len(cells) == len(FACT_FIELDS)
    row = dict(zip(FACT_FIELDS, cells, strict=True))
    assert row["name"] == "Tab\\there [bold]x[/] :smile:"
    assert row["summary"] == 'Line one\\nline two, "quoted" \\\\ back'
    assert row["value"] == "93.5"
    assert row["qualifier"] == ""
    assert row["keywords"] == "a; b"


@pytest.mark.parametrize(
    ("summary", "escaped"),
    [
        ("tab\there", "tab\\there"),
        ("new\nline", "new\\nline"),
        ("carriage\rreturn", "carriage\\rreturn"),
        ("back \\ slash", "back \\\\ slash"),
        ("plain", "plain"),
    ],
)
def test_tsv_escapes_a_cell_among_plain_rows(summary: str, escaped: str) -> None:
    plain = odd_fact()._replace(name="Plain", summary="Plain")
    facts = (plain, plain._replace(id="other", summary=summary), plain)
    text = render(OutputFormat.TSV, Results(facts), PLAIN)
    lines = text.split("\n")
    assert lines[-1] == ""  # every line ends with a newline
    summaries = [
        dict(zip(FACT_FIELDS, line.split("\t"), strict=True))["summary"] for line in lines[1:-1]
    ]
    assert summaries == ["Plain", escaped, "Plain"]


def test_tsv_without_header(mini_kb: KnowledgeBase) -> None:
    text = render(OutputFormat.TSV, Results(tuple(mini_kb.figures())), RenderOptions(header=False))
    assert text.splitlines()[0].split("\t")[:3] == ["mini-schools", "stat", "Schools"]
    assert len(text.splitlines()) == 5


def test_search_results_add_score_and_matched_field(mini_kb: KnowledgeBase) -> None:
    hits = tuple(mini_kb.search("oxbridge"))
    results = Results(tuple(h.fact for h in hits), VIEWS["search"], hits=hits)
    header, line = render(OutputFormat.TSV, results, PLAIN).splitlines()
    assert header.split("\t")[-2:] == list(SEARCH_FIELDS)
    assert line.split("\t")[-2:] == ["100.0", "name"]


def test_csv_quotes_and_reads_back() -> None:
    text = render(OutputFormat.CSV, Results((odd_fact(),)), PLAIN)
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == list(FACT_FIELDS)
    assert row[2] == "Tab\there [bold]x[/] :smile:"
    assert row[3] == 'Line one\nline two, "quoted" \\ back'
    assert row[FACT_FIELDS.index("keywords")] == "a; b"


def test_json_objects_have_every_field_with_nulls(mini_kb: KnowledgeBase) -> None:
    data = json.loads(render(OutputFormat.JSON, Results(tuple(mini_kb.facts())), PLAIN))
    assert [list(obj) for obj in data] == [list(FACT_FIELDS)] * len(data)
    schools = data[0]
    assert schools["value"] == 1234 and isinstance(schools["value"], int)
    assert schools["qualifier"] is None
    assert schools["keywords"] == ["campuses"]
    assert data[1]["value"] == 88.5


def test_jsonl_is_one_object_a_line(mini_kb: KnowledgeBase) -> None:
    text = render(OutputFormat.JSONL, Results(tuple(mini_kb.figures())), PLAIN)
    lines = text.splitlines()
    assert len(lines) == 5
    assert [json.loads(line)["id"] for line in lines][:2] == ["mini-schools", "mini-preschool-rate"]


def test_json_ascii_only_escapes_non_ascii() -> None:
    fact = odd_fact()._replace(name="España \u2013 重庆")
    text = render(OutputFormat.JSON, Results((fact,)), RenderOptions(ascii_only=True))
    assert text.isascii()
    assert json.loads(text)[0]["name"] == "España \u2013 重庆"


def test_toml_export_is_a_facts_file_with_the_same_records(real_kb: KnowledgeBase) -> None:
    document = real_kb.document()
    text = render(OutputFormat.TOML, Results(document.facts, document=document), PLAIN)
    assert parse_facts(text.encode(), "export.toml") == document


def test_toml_ascii_only_stays_loadable(mini_kb: KnowledgeBase) -> None:
    document = mini_kb.document()
    facts = (document.facts[0]._replace(summary="España \u2013 重庆 😀"), *document.facts[1:])
    document = document._replace(facts=facts)
    text = render(
        OutputFormat.TOML, Results(facts, document=document), RenderOptions(ascii_only=True)
    )
    assert text.isascii()
    assert parse_facts(text.encode(), "x.toml").facts[0].summary == "España \u2013 重庆 😀"


def test_toml_of_search_results_groups_by_kind_with_scores(mini_kb: KnowledgeBase) -> None:
    hits = tuple(mini_kb.search("robot club"))
    results = Results(tuple(h.fact for h in hits), VIEWS["search"], hits=hits)
    data = tomllib.loads(render(OutputFormat.TOML, results, PLAIN))
    assert [(r["id"], r["score"]) for r in data["programs"]] == [("mini-robot-club", 100.0)]
    assert [r["id"] for r in data["stats"]] == ["mini-club-members"]
    assert "kind" not in data["stats"][0]


def test_number_text_never_uses_exponents() -> None:
    assert number_text(6400000) == "6400000"
    assert number_text(93.5) == "93.5"
    assert number_text(1e20) == "100000000000000000000"
    assert number_text(1.5e-7) == "0.00000015"


@pytest.mark.parametrize("fmt", [OutputFormat.TSV, OutputFormat.CSV, OutputFormat.JSON])
def test_empty_results(fmt: OutputFormat) -> None:
    text = render(fmt, Results(()), PLAIN)
    assert (
        text
        == {
            "tsv": "\t".join(FACT_FIELDS) + "\n",
            "csv": ",".join(FACT_FIELDS) + "\n",
            "json": "[]\n",
        }[fmt]
    )


CHOSEN = View().with_fields(("value", "id", "keywords"))


def test_chosen_fields_shape_every_machine_format(mini_kb: KnowledgeBase) -> None:
    results = Results((mini_kb.get("mini-schools"),), CHOSEN)
    assert (
        render(OutputFormat.TSV, results, PLAIN)
        == "value\tid\tkeywords\n1234\tmini-schools\tcampuses\n"
    )
    assert (
        render(OutputFormat.CSV, results, PLAIN)
        == "value,id,keywords\n1234,mini-schools,campuses\n"
    )
    assert json.loads(render(OutputFormat.JSON, results, PLAIN)) == [
        {"value": 1234, "id": "mini-schools", "keywords": ["campuses"]}
    ]
    assert render(OutputFormat.JSONL, results, PLAIN) == (
        '{"value":1234,"id":"mini-schools","keywords":["campuses"]}\n'
    )
    assert tomllib.loads(render(OutputFormat.TOML, results, PLAIN)) == {
        "stats": [{"value": 1234, "id": "mini-schools", "keywords": ["campuses"]}]
    }


def test_one_chosen_field_is_still_a_row(mini_kb: KnowledgeBase) -> None:
    results = Results(tuple(mini_kb.figures("overall")), View().with_fields(("as_written",)))
    assert render(OutputFormat.TSV, results, PLAIN) == "as_written\n1,234\nover 2.5 million\n"


def test_search_fields_can_be_chosen(mini_kb: KnowledgeBase) -> None:
    hits = tuple(mini_kb.search("oxbridge"))
    view = VIEWS["search"].with_fields(("score", "id", "matched_field"))
    text = render(OutputFormat.TSV, Results(tuple(h.fact for h in hits), view, hits=hits), PLAIN)
    assert text == "score\tid\tmatched_field\n100.0\tmini-oxbridge\tname\n"


def test_a_record_view_writes_one_json_object(mini_kb: KnowledgeBase) -> None:
    results = Results((mini_kb.get("mini-teachers"),), VIEWS["show"].with_fields(("id", "value")))
    assert json.loads(render(OutputFormat.JSON, results, PLAIN)) == {
        "id": "mini-teachers",
        "value": 2500000,
    }
