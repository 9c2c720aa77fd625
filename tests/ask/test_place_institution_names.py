"""A source's place before "university" typed in lower case is one institution's name."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


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
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # the city's universities, plural, are no one institution
        ("what share of basic research do chongqing universities do", "basic-research-share"),
        ("leicester college", "leicester-joint-college"),
    ],
)
def test_the_places_universities_and_named_colleges_are_still_found(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
