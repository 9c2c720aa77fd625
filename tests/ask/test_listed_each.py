""" "every" after an imperative says all of what it asks for ("list *every* enrollment
rate", "list every school" as "list all schools"), no ratio per a noun ("how many students
does *each* school have"); "each" stays a ratio's word, as records say "each year"."""

from __future__ import annotations

import pytest

from cqedu.ask.reading import _listed
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

RATES = [
    "preschool-enrollment-rate",
    "high-school-enrollment-rate",
    "higher-education-enrollment-rate",
    "disability-enrollment-rate",
]


@pytest.mark.parametrize(
    ("tokens", "at", "listed"),
    [
        (("list", "every", "enrollment", "rate"), 1, True),
        (("give", "me", "each", "enrollment", "rate"), 2, False),
        (("give", "me", "every", "enrollment", "rate"), 2, True),
        (("can", "you", "list", "every", "rate"), 3, True),
        (("how", "many", "students", "does", "each", "school", "have"), 4, False),
        (("what", "does", "each", "school", "get"), 2, False),
        (("each", "school"), 0, False),
    ],
)
def test_each_after_an_imperative_is_listed(tokens: tuple[str, ...], at: int, listed: bool) -> None:
    assert _listed(tokens, at) is listed


@pytest.mark.parametrize(
    "question",
    [
        "list every enrollment rate in the article",
        "give me every enrollment rate",
        "can you list every enrollment rate",
    ],
)
def test_every_rate_listed_names_all_the_rates(real_kb: KnowledgeBase, question: str) -> None:
    assert [f.id for f in real_kb.ask(question).named] == RATES


def test_a_figure_per_each_noun_stays_refused(real_kb: KnowledgeBase) -> None:
    assert (
        refused(real_kb, "how many students does each school have")
        == 'the article gives 6.4 million students, but no figure per "school"'
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # "every school" is every school, as "all schools": no crash, no figure per school
        ("list every school", "the article counts 9,177 schools but does not name them"),
        ("list every schools", "the article counts 9,177 schools but does not name them"),
        ("list every teacher", "the article counts over 500,000 teachers but does not name them"),
        (
            "list each school",
            "the article gives 200 principals (school principals trained at NTU each year), "
            'but no figure per "school"',
        ),
    ],
)
def test_every_one_of_what_is_only_counted_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_every_partner_university_is_named(real_kb: KnowledgeBase) -> None:
    named = [f.id for f in real_kb.ask("name every partner university").named]
    assert named == ["university-of-leicester", "nanyang-technological-university"]


def test_a_list_of_all_partners_names_them(real_kb: KnowledgeBase) -> None:
    # "all partners" once read "all" as the system-wide level, and the best record found
    # counted enterprises; "all" after "list" says every one, as "the" does
    named = [f.id for f in real_kb.ask("list all partners").named]
    assert named[:2] == ["university-of-leicester", "nanyang-technological-university"]
    assert len(named) == 7
