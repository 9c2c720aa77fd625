"""A length of time asked of a record whose period is a span of years is that span."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

_PLAN = "2021-2025 (14th Five-Year Plan (education); Opening ¶3)"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("how long is the 14th five-year plan", _PLAN),
        ("how many years does the 14th five-year plan cover", _PLAN),
        ("how long did the plan last", _PLAN),
        # a length the records give as a figure is that figure
        (
            "how long is free preschool",
            "one year (one year of free preschool; from 2025; Building a Strong Education "
            "System ¶4)",
        ),
    ],
)
def test_a_length_asked_is_the_records_span_of_years(
    real_kb: KnowledgeBase, question: str, text: str
) -> None:
    assert real_kb.ask(question).text == text


def test_a_record_without_a_span_still_gives_no_length(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "how long have international students studied in chongqing") == (
        "the article gives no length of time; worth a look: international-students"
    )
