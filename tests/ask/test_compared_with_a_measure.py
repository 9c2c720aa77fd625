""" "How does X compare with Y" is X's description when it sets X against Y in words."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "how does the preschool enrollment rate compare to the national average",
            "Preschool enrollment rate: Share of preschool-age children enrolled, above the "
            "national average. (Building a Strong Education System ¶1)",
        ),
        (
            "how does the high school enrollment rate compare with the national average",
            "High school enrollment rate: Share of high-school-age young people enrolled, above "
            "the national average. (Building a Strong Education System ¶1)",
        ),
        (
            "how does the preschool rate measure up to the national average",
            "Preschool enrollment rate: Share of preschool-age children enrolled, above the "
            "national average. (Building a Strong Education System ¶1)",
        ),
    ],
)
def test_a_figure_set_against_a_measure_its_description_names_is_described(
    real_kb: KnowledgeBase, question: str, text: str
) -> None:
    assert real_kb.ask(question).text == text


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a measure the description does not name, or a time: no comparison given
        (
            "how does the preschool enrollment rate compare with 2020",
            'the article does not say "how does the preschool enrollment rate compare with 2020"',
        ),
        (
            "how does the preschool enrollment rate compare with shanghai",
            'the article does not mention "shanghai"',
        ),
        # the national average is what the rate is set against, not a figure of its own
        (
            "what is the national average preschool enrollment rate",
            'the article gives 93.5% preschool enrollment rate, but no figure for "national '
            'average"',
        ),
    ],
)
def test_a_measure_the_article_does_not_set_it_against_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
