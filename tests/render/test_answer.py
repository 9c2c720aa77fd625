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
    assert data["named"] == [record]
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


def _view(kb: KnowledgeBase, question: str, width: int) -> list[str]:
    answer = kb.ask(question)
    text = render_answer(OutputFormat.TABLE, answer, RenderOptions(width=width))
    return [line.rstrip() for line in text.splitlines()]


def test_a_narrow_view_never_splits_an_id_or_a_word(real_kb: KnowledgeBase) -> None:
    question = "where do chongqing school principals get advanced training"
    assert _view(real_kb, question, 40) == [
        "Singapore (Nanyang Technological",
        "University; Deepening Global Cooperation",
        "and Mutual Learning \u00b65)",
        "",
        "Related",
        "principal-training-singapore",
        "  Principal training at Nanyang",
        "  Technological University",
        "principals-trained-at-ntu",
        "  School principals trained at NTU each",
        "  year: 200 principals",
    ]
    answer = real_kb.ask(question)
    for width in (40, 60, 80):
        lines = _view(real_kb, question, width)
        assert all(len(line) <= width for line in lines)
        words_shown = " ".join(lines).split()
        assert all(fact.id in words_shown for fact in answer.related)


def test_related_records_are_a_grid_only_when_every_row_fits_one_line(
    real_kb: KnowledgeBase,
) -> None:
    question = "what is the joint college with leicester"
    assert _view(real_kb, question, 80)[4:] == [
        "Related",
        "university-of-leicester",
        "  University of Leicester",
        "sino-foreign-cooperative-programs",
        "  Sino-foreign cooperative institutions and programs: 78 institutions and",
        "  programs",
    ]
    assert _view(real_kb, question, 120)[3:] == [
        "Related",
        "university-of-leicester                                          University of Leicester",
        "sino-foreign-cooperative-programs  78 institutions and programs  "
        "Sino-foreign cooperative institutions and programs",
    ]


def test_a_list_is_shown_once(real_kb: KnowledgeBase) -> None:
    lines = _view(real_kb, "which countries does chongqing work with", 60)
    # the count the article gives of them is related; the countries are named once
    assert lines == [
        "more than 70 countries and regions (countries and regions in",
        "education cooperation; 2025; Deepening Global Cooperation",
        "and Mutual Learning \u00b61); the article names 7: United",
        "Kingdom, Singapore, Russia, Spain, Thailand, Greece, South",
        "Asia (Deepening Global Cooperation and Mutual Learning \u00b62,",
        "\u00b63, \u00b65)",
        "",
        "Related",
        "cooperation-countries-and-regions",
        "  Countries and regions in education cooperation: more than",
        "  70 countries and regions",
    ]


def test_at_most_three_related_records_are_shown(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("what is the lowest enrolment rate")
    many = answer._replace(related=tuple(real_kb.figures(unit="percent")))
    text = render_answer(OutputFormat.TABLE, many, RenderOptions(width=100))
    related = text.split("Related\n", 1)[1].splitlines()
    assert len([line for line in related if line.strip()]) == 3


def test_an_id_wider_than_the_screen_is_shown_whole(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("which level has the lowest enrollment rate")
    text = render_answer(OutputFormat.TABLE, answer, RenderOptions(width=20))
    lines = text.splitlines()
    assert [line for line in lines if line.endswith("-rate")] == [
        "preschool-enrollment-rate",
        "high-school-enrollment-rate",
        "disability-enrollment-rate",
    ]
    # every other line fits: only an id may run past the screen, for the terminal to wrap
    assert all(len(line) <= 20 for line in lines if not line.endswith("-rate"))


def test_no_line_of_the_view_ends_in_a_space(real_kb: KnowledgeBase) -> None:
    for question in ("which level has the lowest enrollment rate", "who is liu yanbing"):
        for width in (20, 40, 80, 120):
            text = render_answer(
                OutputFormat.TABLE, real_kb.ask(question), RenderOptions(width=width)
            )
            assert [line for line in text.splitlines() if line != line.rstrip()] == []
