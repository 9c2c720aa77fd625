"""Plain counts take the record named for the noun alone; short forms; figures typed as written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.core.errors import NoMatchError
from cqedu.knowledge import KnowledgeBase
from tests.conftest import REAL_FACTS

BROOKFIELD = Path(__file__).parent / "data" / "brookfield_facts.toml"


@pytest.fixture(scope="module")
def town() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(BROOKFIELD, cache=False)
    yield knowledge
    knowledge.close()


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(REAL_FACTS, cache=False)
    yield knowledge
    knowledge.close()


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("how many teachers", "more than 21,000 teachers (Schools ¶3)"),
        ("how many teachers are there", "more than 21,000 teachers (Schools ¶3)"),
        ("number of teachers", "more than 21,000 teachers (Schools ¶3)"),
        ("how many teachers does Brookfield have", "more than 21,000 teachers (Schools ¶3)"),
        ("total teachers", "more than 21,000 teachers (Schools ¶3)"),
        ("brookfield teachers", "more than 21,000 teachers (Schools ¶3)"),
        ("how many new teachers", "up to 900 new teachers (by 2028; Schools ¶3)"),
        ("how many schools", "480 schools (Schools ¶1)"),
        ("how many new schools", "12 new schools (since 2023; Schools ¶1)"),
        ("how many students", "about 310,000 students (Schools ¶2)"),
        (
            "how many international students",
            "2,400 students (international students; Schools ¶2)",
        ),
        ("how many buses", "150 buses (Transport ¶1)"),
        ("how many new buses", "up to 40 new buses (by 2027; Transport ¶1)"),
        (
            "how many teachers train abroad each year",
            "around 120 teachers (teachers trained abroad each year; per year; Schools ¶3)",
        ),
    ],
)
def test_plain_count_takes_the_record_named_for_the_noun(
    town: KnowledgeBase, question: str, line: str
) -> None:
    assert town.ask(question).text == line


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("what does BTI stand for", "brookfield-technical-institute"),
        ("what is bti short for", "brookfield-technical-institute"),
        ("what does STEP stand for", "step-pupils"),
    ],
)
def test_a_short_form_is_answered_by_the_record_that_spells_it_out(
    town: KnowledgeBase, question: str, record: str
) -> None:
    assert town.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what does PISA stand for",
            "the article does not spell out PISA; worth a look: pisa-schools",
        ),
        ("what does PISA mean", "the article does not spell out PISA; worth a look: pisa-schools"),
    ],
)
def test_a_short_form_never_spelt_out_is_refused(
    town: KnowledgeBase, question: str, message: str
) -> None:
    with pytest.raises(NoMatchError) as caught:
        town.ask(question)
    assert str(caught.value) == message


def test_short_forms_of_the_bundled_facts(kb: KnowledgeBase) -> None:
    assert kb.ask("what does NTU stand for").record.id == "nanyang-technological-university"
    assert kb.ask("what's NTU short for").record.id == "nanyang-technological-university"
    with pytest.raises(NoMatchError) as caught:
        kb.ask("what does ESI stand for")
    assert str(caught.value) == (
        "the article does not spell out ESI; worth a look: esi-top-subjects, esi-top-threshold"
    )
    # a description is still asked of a name that is no short form
    assert kb.ask("what does Chongqing wisdom mean").record.id == "chongqing-wisdom"


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("what is 88.25%", "completion-rate"),
        ("what does 2.75 million refer to", "library-books"),
        ("what does 2,400 refer to", "international-students"),
    ],
)
def test_a_figure_typed_as_written_finds_its_record(
    town: KnowledgeBase, question: str, record: str
) -> None:
    assert town.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("what is 64.25%", "higher-education-enrollment-rate"),
        ("what does 98.99% refer to", "disability-enrollment-rate"),
        ("what is 1.85 million", "skilled-graduates"),
        ("what does 9,177 refer to", "schools"),
    ],
)
def test_bundled_figures_typed_as_written(kb: KnowledgeBase, question: str, record: str) -> None:
    assert kb.ask(question).record.id == record


def test_a_figure_the_article_does_not_print_is_refused(town: KnowledgeBase) -> None:
    with pytest.raises(NoMatchError):
        town.ask("what is 88.3%")
