"""A quantity split along something (`cqedu.ask.breakdown`): "by country" asks one figure
per part, which one record never gives."""

from __future__ import annotations

import pytest

from cqedu.ask.breakdown import split_along
from cqedu.ask.reading import CLOSED_CLASS
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "at"),
    [
        ("international students by country", 3),
        ("teachers by level", 2),
        ("how many pupils by district in 2024", 4),
        # an agent: after a participle, a plural, a name
        ("what share of research is done by universities", None),
        ("how many students were taught by li xuanhao", None),
        ("how many subjects rank in the top 1% by ESI", None),
        ("pupils by 2030", None),
    ],
)
def test_the_noun_split_along(question: str, at: int | None) -> None:
    typed = question.split()
    assert split_along(tuple(w.lower() for w in typed), typed, CLOSED_CLASS) == at


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "international students by country",
            # a fair is no total of the students: nothing "given only" to name
            'the article gives no split "by country"; worth a look: world-culture-fair',
        ),
        (
            "teachers by level",
            'the article gives no split "by level"; it gives only over 500,000 teachers as of '
            "2025; worth a look: teachers",
        ),
    ],
)
def test_one_record_is_no_split(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message


def test_several_records_are_one(real_kb: KnowledgeBase) -> None:
    found = real_kb.ask("give me all the enrollment rates by level")
    assert [f.id for f in found.named][:3] == [
        "preschool-enrollment-rate",
        "high-school-enrollment-rate",
        "higher-education-enrollment-rate",
    ]
