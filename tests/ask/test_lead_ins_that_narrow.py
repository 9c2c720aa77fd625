"""Words before a question are dropped only when they narrow nothing: a place typed in
lower case may be what is asked of; "men" names part of who is counted."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # each was answered with Chongqing's figure
        (
            "my cousin from shanghai wonders how many schools are there",
            'the article does not mention "cousin" or "shanghai wonders"',
        ),
        (
            "a friend in beijing asked me: how many teachers are there?",
            'the article does not mention "friend" or "beijing"',
        ),
        ("how many teachers are men", 'the article does not mention "men"'),
        (
            "How many teachers are there? I wonder how many of them are men.",
            'the article does not mention "men"',
        ),
    ],
)
def test_a_lead_in_or_word_that_narrows_is_kept(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # ordinary words of the asker's life, or the records' own terms, are dropped
        ("as a parent im curious - how many kids get free preschool", "free-preschool-children"),
        (
            "as a headteacher im curious - how many principals go to singapore each yr",
            "principals-trained-at-ntu",
        ),
        ("i was wondering how many teachers there are", "teachers"),
    ],
)
def test_a_lead_in_of_the_asker_is_dropped(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
