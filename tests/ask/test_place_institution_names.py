"""A source's place before "university" typed in lower case is one institution's name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from tests.conftest import REAL_FACTS, refused


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(REAL_FACTS, cache=False)
    yield knowledge
    knowledge.close()


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # was Liu Yanbing, who heads the education commission
        ("who leads chongqing university", 'the article does not mention "chongqing university"'),
        # was the ESI band of 83 subjects
        (
            "what is the ranking of chongqing university",
            'the article does not mention "chongqing university"',
        ),
        (
            "is there a chongqing college of medicine",
            'the article does not mention "chongqing college"',
        ),
        # capitalised, as before
        (
            "who leads Chongqing University",
            'the article does not mention "Chongqing University" (it covers Chongqing)',
        ),
    ],
)
def test_a_lower_case_institution_of_the_place_is_a_name_the_records_must_hold(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # the city's universities, plural, are no one institution
        ("what share of basic research do chongqing universities do", "basic-research-share"),
        ("leicester college", "leicester-joint-college"),
    ],
)
def test_the_places_universities_and_named_colleges_are_still_found(
    kb: KnowledgeBase, question: str, record: str
) -> None:
    assert kb.ask(question).record.id == record
