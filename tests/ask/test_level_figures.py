"""Every figure the article gives on one education level (`cqedu.ask.level_figures`)."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

SPECIAL = ["special-education-schools", "disability-enrollment-rate"]
PRESCHOOL = [
    "preschool-enrollment-rate",
    "inclusive-preschool-coverage",
    "free-preschool-children",
    "free-preschool-year",
]


@pytest.mark.parametrize(
    ("question", "records"),
    [
        ("List the two figures the article gives on special education.", SPECIAL),
        ("what figures does the article give on special education", SPECIAL),
        ("special education figures", SPECIAL),
        ("List the four figures on preschool.", PRESCHOOL),
    ],
)
def test_the_figures_of_the_level(
    real_kb: KnowledgeBase, question: str, records: list[str]
) -> None:
    assert [f.id for f in real_kb.ask(question).named] == records


def test_the_line_gives_each_figure(real_kb: KnowledgeBase) -> None:
    found = real_kb.ask("List the two figures the article gives on special education.")
    assert found.text == (
        "41 schools (special education schools; 2021-2025; Building a Strong Education System "
        "\u00b65); 98.99% enrollment rate of children with disabilities (as of 2025; Building "
        "a Strong Education System \u00b65)"
    )


def test_a_count_the_article_does_not_give_is_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "List the two figures on preschool.") == (
        'the article gives 4 figures on preschool, not "two"; worth a look: '
        "preschool-enrollment-rate, inclusive-preschool-coverage, free-preschool-children"
    )


@pytest.mark.parametrize(
    ("question", "records"),
    [
        ("what is the figure on special education schools", ["special-education-schools"]),
        ("how many special education schools", ["special-education-schools"]),
    ],
)
def test_a_figure_named_is_no_list(
    real_kb: KnowledgeBase, question: str, records: list[str]
) -> None:
    assert [f.id for f in real_kb.ask(question).named] == records


def test_a_level_without_figures_stays_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "List the two figures the article gives on primary education.") == (
        'the article gives no figure for "two figures the article gives on primary education"'
    )
