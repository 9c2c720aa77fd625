"""Answers written out: the headline, the ASCII answer line, the JSON object, the narrow view."""

from __future__ import annotations

from cqedu.facts.fields import FACT_FIELDS
from cqedu.knowledge import KnowledgeBase
from cqedu.render import OutputFormat, RenderOptions
from cqedu.render.answer import answer_object, answer_text, headline, render_answer


def test_headline_is_the_figure_date_or_names(real_kb: KnowledgeBase) -> None:
    assert headline(real_kb.ask("how many teachers")) == "over 500,000"
    assert headline(real_kb.ask("when was the press conference")) == "October 20"
    assert headline(real_kb.ask("which countries does chongqing work with")) == (
        "United Kingdom, Singapore, Russia, Spain, Thailand, Greece, South Asia"
    )
    assert headline(real_kb.ask("who is the student hero")) == "Wu Yingjie"


def test_answer_text_writes_para_when_the_stream_is_ascii(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("how many special education schools")
    assert answer_text(answer) == "41 schools (special education schools; 2021-2025; " + (
        "Building a Strong Education System \u00b65)"
    )
    assert answer_text(answer, ascii_only=True).endswith(
        "Building a Strong Education System para 5)"
    )


def test_answer_object_carries_every_field_of_record_and_related(real_kb: KnowledgeBase) -> None:
    data = answer_object(real_kb.ask("which level has the lowest enrollment rate"))
    assert data["answer"] == (
        "64.25% higher education enrollment rate (as of 2025; "
        "Building a Strong Education System \u00b61)"
    )
    record = data["record"]
    assert isinstance(record, dict) and list(record) == list(FACT_FIELDS)
    related = data["related"]
    assert isinstance(related, list)
    assert [r["id"] for r in related] == [
        "preschool-enrollment-rate",
        "high-school-enrollment-rate",
        "disability-enrollment-rate",
    ]


def test_the_terminal_view_fits_a_narrow_terminal_in_ascii(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("how many principals train at NTU per year")
    text = render_answer(OutputFormat.TABLE, answer, RenderOptions(width=40, ascii_only=True))
    lines = [line.rstrip() for line in text.splitlines()]
    assert lines[0] == "200"
    assert all(len(line) <= 40 for line in lines)
    assert "para 5)" in text
    assert "\u00b6" not in text
