"""A string of keywords has no clause (`cqedu.ask.checks`): an uninflected word of it the
records never use is of the noun phrase asked about, no verb said aside, and vetoes."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("international students origin countries", 'the article does not mention "origin"'),
        ("teachers breakdown by level", 'the article does not mention "breakdown"'),
        ("schools breakdown by district", 'the article does not mention "breakdown"'),
    ],
)
def test_a_word_the_records_never_use_vetoes(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("chongqing teachers", "teachers"),
        ("international students attracted", "international-students"),
    ],
)
def test_keywords_the_records_use_are_answered(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert answered(real_kb, question)[0] == record
