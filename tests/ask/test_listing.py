"""A list question names records that ARE of its noun (`cqedu.ask.listing`): "list all
partner universities" the partner universities, "list the people" every person, "list the
institutions" the partners of that category; a record that only uses the noun's word (a
conference whose keywords say officials spoke) is none, and the list is refused."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

PARTNER_UNIVERSITIES = ["university-of-leicester", "nanyang-technological-university"]
ALL_UNIVERSITIES = [
    *PARTNER_UNIVERSITIES,
    "southwest-university-of-political-science-and-law",
    "southwest-university",
]
PARTNERS = [
    *PARTNER_UNIVERSITIES,
    "russia",
    "spain",
    "thailand",
    "chinese-greek-civilizations-center",
    "south-asia-poverty-alleviation-center",
]
PEOPLE = ["liu-yanbing", "shi-tingmao", "wu-yingjie", "li-xuanhao"]


def named(kb: KnowledgeBase, question: str) -> list[str]:
    return [fact.id for fact in kb.ask(question).named]


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        # "all" after "list" or "name" says every one, as "the" does
        ("list all partner universities", PARTNER_UNIVERSITIES),
        ("name all partner universities", PARTNER_UNIVERSITIES),
        ("list all of the partner universities", PARTNER_UNIVERSITIES),
        ("list the partner universities", PARTNER_UNIVERSITIES),
        ("list all universities", ALL_UNIVERSITIES),
        ("list all partners", PARTNERS),
        ("name all partners", PARTNERS),
        # a kind asked by its plain noun: every record of it
        ("list the people", PEOPLE),
        ("name the people mentioned", PEOPLE),
        ("who are the people mentioned", PEOPLE),
        (
            "list the events",
            [
                "press-conference",
                "world-culture-fair",
                "southwest-university-presentations",
                "go-lesson",
                "changan-factory-photo",
            ],
        ),
        (
            "list the organisations",
            [
                "chongqing-municipal-education-commission",
                "southwest-university-of-political-science-and-law",
                "southwest-university",
            ],
        ),
        # a partner category: no country is an institution
        ("list the institutions", PARTNER_UNIVERSITIES),
        # what a summary opens by calling its record, or a person's keywords
        (
            "which platforms has chongqing founded to contribute to global educational dialogue",
            ["chinese-greek-civilizations-center", "south-asia-poverty-alleviation-center"],
        ),
        ("list the role models", ["shi-tingmao", "wu-yingjie"]),
        ("list the champions", ["shi-tingmao", "li-xuanhao"]),
        # a program's own subject fields
        ("list the fields", ["sino-foreign-cooperative-programs"]),
        # a caption's note says what its record is drawn from
        (
            "list the photos",
            [
                "world-culture-fair",
                "southwest-university-presentations",
                "go-lesson",
                "changan-factory-photo",
            ],
        ),
    ],
)
def test_a_list_names_the_records_of_its_noun(
    real_kb: KnowledgeBase, question: str, ids: list[str]
) -> None:
    assert named(real_kb, question) == ids


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a conference whose keywords say officials spoke is no official
        ("list the officials", 'the article does not answer "list the officials"'),
        # a program that trains people is no person
        (
            "list all the people trained at ntu",
            'the article does not answer "list all the people trained at ntu"',
        ),
        # counted, not named: the count's refusal stays
        ("list all schools", "the article counts 9,177 schools but does not name them"),
        (
            "list all programs",
            "the article counts 22 programs (overseas vocational programs) but does not name them",
        ),
        (
            "list all 50 countries in vocational training cooperation",
            "the article counts more than 50 countries in vocational training cooperation but "
            "does not name them",
        ),
    ],
)
def test_a_list_of_records_not_of_its_noun_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        (
            "list the 78 sino-foreign programs",
            "78 institutions and programs (sino-foreign cooperative institutions and programs)",
        ),
        (
            "name the sino-foreign programs",
            "78 institutions and programs (sino-foreign cooperative institutions and programs)",
        ),
        ("list the 22 overseas programs", "22 programs (overseas vocational programs)"),
        ("list all the platforms", "10 platforms (international vocational education platforms)"),
    ],
)
def test_a_list_of_what_a_figure_counts_is_refused_with_the_count(
    real_kb: KnowledgeBase, question: str, counted: str
) -> None:
    # was the count itself, exit 0, as if it were the list asked for
    assert refused(real_kb, question) == f"the article counts {counted} but does not name them"


def test_a_list_of_figures_is_still_the_figures(real_kb: KnowledgeBase) -> None:
    assert named(real_kb, "list the enrollment rates") == [
        "preschool-enrollment-rate",
        "high-school-enrollment-rate",
        "higher-education-enrollment-rate",
        "disability-enrollment-rate",
    ]


@pytest.mark.parametrize(
    "question",
    ["list the five educations", "name the 5 educations", "list the five educations in one"],
)
def test_a_count_and_noun_of_a_records_name_ask_that_record(
    real_kb: KnowledgeBase, question: str
) -> None:
    # was four records about education ("Modern education system ...", "Emerging hub
    # ..."), exit 0: none of them is one of the five
    found, line = answered(real_kb, question)
    assert found == "five-educations-in-one"
    assert line.startswith(
        "Five Educations in One: Philosophy of all-round education: moral, intellectual,"
    )
