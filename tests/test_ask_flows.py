"""An increase asked ("new", "added", "in five years") is never answered by a running total."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from tests.conftest import REAL_FACTS, refused

KUNMING = Path(__file__).parent / "data" / "kunming_facts.toml"
LAKESIDE = Path(__file__).parent / "data" / "lakeside_facts.toml"

_SCHOOLS = (
    "the article gives 9,177 schools as of 2025, a running total, no count of new schools "
    "but of a narrower kind: 41 schools (special education schools) 2021-2025"
)
_TEACHERS = "the article gives over 500,000 teachers as of 2025, a running total, not how many"


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(REAL_FACTS, cache=False)
    yield knowledge
    knowledge.close()


@pytest.fixture(scope="module")
def with_kunming() -> Iterator[KnowledgeBase]:
    """The bundled facts and a made-up city with a total of teachers and a yearly intake."""
    knowledge = cqedu.load([REAL_FACTS, KUNMING], cache=False)
    yield knowledge
    knowledge.close()


@pytest.fixture(scope="module")
def with_lakeside() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load([REAL_FACTS, LAKESIDE], cache=False)
    yield knowledge
    knowledge.close()


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("how many new teachers", f"{_TEACHERS} are new"),
        ("how many teachers were added", f"{_TEACHERS} were added"),
        ("how many added teachers", f"{_TEACHERS} were added"),
        ("new teachers chongqing", f"{_TEACHERS} are new"),
        (
            "how many new universities",
            "the article gives two universities in the Double First-Class Initiative as of "
            "2025, a running total, not how many are new",
        ),
        (
            "how many new platforms",
            "the article gives 10 platforms (international vocational education platforms) as "
            "of 2025, a running total, not how many are new",
        ),
        (
            "how many new programs",
            "the article gives 22 programs (overseas vocational programs) as of 2025, a "
            "running total, not how many are new",
        ),
    ],
)
def test_new_or_added_is_not_answered_by_a_running_total(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(kb, question) == message


@pytest.mark.parametrize(
    "question",
    [
        "how many new schools were built",
        "how many new schools",
        "how many schools were added",
        "how many schools did chongqing add",
        "number of new schools",
        "new schools",
        # a span asked is what came in it, as "new" is: no narrower kind answers it
        "how many schools were built in five years",
        "how many schools in the last 5 years",
    ],
)
def test_new_schools_are_not_answered_by_new_ones_of_a_narrower_kind(
    kb: KnowledgeBase, question: str
) -> None:
    assert refused(kb, question) == _SCHOOLS


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many new students",
            "the article gives 6.4 million students as of 2025, a running total, no count of "
            "new students but of a narrower kind: over 8,000 students enrolled each year in "
            "Sino-foreign programs",
        ),
        (
            "how many new graduates",
            "the article gives no count of new graduates but of a narrower kind: 1.85 million "
            "graduates (skilled graduates supplied to society) 2021-2025",
        ),
    ],
)
def test_a_count_of_new_ones_narrowed_by_its_name_is_no_answer(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # controls: a figure of new ones, or over the span asked, of what is named
        ("how many new special education schools", "special-education-schools"),
        ("new special education schools", "special-education-schools"),
        ("how many special education schools has the city built", "special-education-schools"),
        (
            "how many special education schools were built in five years",
            "special-education-schools",
        ),
        ("how many graduates in five years", "skilled-graduates"),
        (
            "how many new students enroll in sino-foreign programs each year",
            "sino-foreign-annual-enrollment",
        ),
        ("how many new students enroll in sino-foreign programs", "sino-foreign-annual-enrollment"),
        ("how many students enroll in sino-foreign programs", "sino-foreign-annual-enrollment"),
        # a share of new workers is no count of new ones
        (
            "what share of new frontline workers were trained by local vocational schools",
            "frontline-employees-trained-locally",
        ),
        # a running total answers what there is, and what has been set up
        ("how many schools", "schools"),
        (
            "how many international vocational education platforms were set up",
            "international-vocational-platforms",
        ),
    ],
)
def test_figures_of_new_ones_and_totals_still_answer(
    kb: KnowledgeBase, question: str, record: str
) -> None:
    assert kb.ask(question).record.id == record


def test_the_answer_of_new_special_education_schools_is_exact(kb: KnowledgeBase) -> None:
    assert kb.ask("how many new special education schools").text == (
        "41 schools (special education schools; 2021-2025; Building a Strong Education "
        "System \u00b65)"
    )


_KM_TOTAL = "Kunming: about 79,000 teachers (as of 2025; Teachers \u00b61)"
_KM_NEW = "Kunming: 3,500 teachers (new teachers; system wide; per year; Teachers \u00b62)"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # a total asked: the total, never the yearly intake
        ("how many teachers does kunming have", _KM_TOTAL),
        ("how many teachers are in kunming", _KM_TOTAL),
        ("kunming teachers", _KM_TOTAL),
        ("teachers in kunming", _KM_TOTAL),
        # new ones asked: the intake, and no other city's running total beside it
        ("how many new teachers per year", _KM_NEW),
        ("how many new teachers", _KM_NEW),
        ("how many new teachers does kunming have", _KM_NEW),
    ],
)
def test_a_yearly_intake_and_a_total_each_answer_their_own_question(
    with_kunming: KnowledgeBase, question: str, text: str
) -> None:
    assert with_kunming.ask(question).text == text


def test_a_city_with_only_a_total_of_schools_gives_no_count_of_added_ones(
    with_kunming: KnowledgeBase,
) -> None:
    assert refused(with_kunming, "how many schools were added in kunming") == (
        "the source on Kunming gives 2,100 schools as of 2025, a running total, not how "
        "many were added"
    )


def test_new_vocational_schools_answer_no_question_about_new_schools(
    with_lakeside: KnowledgeBase,
) -> None:
    assert refused(with_lakeside, "how many new schools") == (
        "the source on Lakeside gives 900 schools as of 2025, a running total, no count of new "
        "schools but of a narrower kind: 14 schools (new vocational schools opened) since 2021"
    )
    assert with_lakeside.ask("how many new vocational schools").text == (
        "Lakeside: 14 schools (new vocational schools opened; since 2021; Schools \u00b61)"
    )
