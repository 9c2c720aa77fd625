"""A which-question that points at a figure ("the names behind the 70% figure") asks names."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

_INDUSTRIES = (
    "the article counts three industries (major industries of the city) but does not name them"
)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "which are the three major industries behind the frontline-worker training figure?",
            _INDUSTRIES,
        ),
        ("what are the three major industries behind the 70% figure", _INDUSTRIES),
        ("which industries are behind the frontline training number", _INDUSTRIES),
        (
            "which enterprises are behind the 3,300 figure",
            "the article counts over 3,300 enterprises helped by university-industry "
            "collaboration but does not name them",
        ),
        (
            "what are the disciplines behind the double first-class figure",
            "the article counts five disciplines in the Double First-Class Initiative but "
            "does not name them",
        ),
        (
            "which are the two universities in the double first class number",
            "the article counts two universities in the Double First-Class Initiative but "
            "does not name them",
        ),
    ],
)
def test_the_names_behind_a_figure_are_asked_not_the_figure(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_the_countries_behind_a_figure_are_those_the_article_names(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("which countries are behind the vocational training figure")
    assert [f.id for f in answer.named] == ["russia", "spain", "thailand"]


def test_rates_asked_for_themselves_are_still_given(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("what are the enrollment rates")
    assert [f.id for f in answer.named] == [
        "preschool-enrollment-rate",
        "high-school-enrollment-rate",
        "higher-education-enrollment-rate",
        "disability-enrollment-rate",
    ]


def test_a_share_asked_for_itself_is_still_given(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("what is the share of basic research done by universities")
    assert answer.record.id == "basic-research-share"
    assert answer.text.startswith("about 90% share of basic research done by universities")
