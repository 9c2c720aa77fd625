"""A keyword string whose last noun is "countries" asks for the countries, as "which
countries" does (`cqedu.ask.reading`): its last noun is its head."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    "question",
    ["chongqing vocational training abroad countries", "vocational cooperation countries"],
)
def test_the_countries_are_listed(real_kb: KnowledgeBase, question: str) -> None:
    assert [f.id for f in real_kb.ask(question).named] == ["russia", "spain", "thailand"]


@pytest.mark.parametrize(
    "question", ["international students countries", "foreign students home countries"]
)
def test_countries_a_record_only_mentions_are_refused(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert refused(real_kb, question) == (
        "the article gives no partner country for World Culture Fair; worth a look: "
        "world-culture-fair"
    )


def test_a_count_of_countries_stays_a_figure(real_kb: KnowledgeBase) -> None:
    assert real_kb.ask("number of countries").record.id == "cooperation-countries-and-regions"
