"""Which way a question crosses the border ("from abroad", "study overseas") is the record's."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # was the scholars Chongqing sends abroad
        (
            "how many scholars from abroad study in chongqing",
            "the article gives over 1,000 scholars sponsored for study abroad each year, but "
            "none coming from abroad",
        ),
        # was the international students drawn to the city
        (
            "how many students study overseas",
            "the article gives over 10,000 students (international students attracted) as of "
            "2025, but none going abroad",
        ),
    ],
)
def test_a_record_of_the_other_way_across_the_border_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("how many students from overseas", "international-students"),
        ("how many overseas students", "international-students"),
        ("how many scholars go overseas", "scholars-sponsored-abroad"),
        ("how many vocational programs run overseas", "overseas-vocational-programs"),
        # trained at a university in Singapore: abroad, though the record never says so
        ("how many principals train abroad", "principals-trained-at-ntu"),
    ],
)
def test_a_record_of_the_same_way_is_given(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
