"""Questions as people say them aloud (issue 14, set G): years in words, lead-ins.

Each kind is pinned by phrasings of our own, with the exact answer or refusal, and a
control of the same shape.
"""

from __future__ import annotations

import pytest

from cqedu.ask.spoken import spoken_numbers, spoken_years
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

# ------------------------------------------------ years said aloud


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("in twenty twenty five", "in 2025"),
        ("Twenty-Twenty-One to twenty twenty five", "2021 to 2025"),
        ("since twenty ten", "since 2010"),
        ("in nineteen ninety nine", "in 1999"),
        ("two thousand and nineteen", "2019"),
        ("two thousand nine", "2009"),
        ("twenty oh five", "2005"),
        # numbers that are no year stay as typed
        ("twenty five schools", "twenty five schools"),
        ("twenty schools", "twenty schools"),
        ("two thousand five hundred students", "two thousand five hundred students"),
        ("two thousand students", "two thousand students"),
        ("nineteen", "nineteen"),
    ],
)
def test_a_year_said_in_words_is_written_as_digits(said: str, written: str) -> None:
    assert spoken_years(said) == written


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many teachers were there in twenty eighteen",
            "the article gives over 500,000 teachers as of 2025, not for 2018",
        ),
        (
            "how many special education schools in two thousand and twenty",
            "the article gives 41 schools (special education schools) 2021-2025, not for 2020",
        ),
        (
            "where was the go lesson in twenty twenty four",
            "the article describes Go lesson by Li Xuanhao but gives nothing of it in 2024; "
            "worth a look: go-lesson",
        ),
    ],
)
def test_a_year_said_aloud_that_no_record_gives_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_a_year_said_aloud_that_the_record_gives_is_answered(real_kb: KnowledgeBase) -> None:
    found = real_kb.ask("how many kids get free preschool from twenty twenty five")
    assert found.record.id == "free-preschool-children"
    assert found.text.startswith("more than 200,000 children")


# ------------------------------------------------ figures said in words


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("top one percent", "top 1 percent"),
        ("top one per cent", "top 1 per cent"),
        ("Seventy countries", "70 countries"),
        ("more than fifty countries", "more than 50 countries"),
        ("eighty-three subjects", "83 subjects"),
        ("half a million teachers", "500,000 teachers"),
        ("a quarter of a million children", "250,000 children"),
        ("half a year", "half a year"),
        ("ninety-three point five percent", "93.5 percent"),
        ("sixty-four point two five%", "64.25%"),
        ("over a thousand scholars", "over 1000 scholars"),
        ("two hundred and forty students", "240 students"),
        ("nine thousand one hundred seventy seven schools", "9177 schools"),
        ("six point four million students", "6.4 million students"),
        ("older than ten years", "older than 10 years"),
        # a number below ten is printed in words: it stays as typed, as do names
        ("the three major industries", "the three major industries"),
        ("Five Educations in One", "Five Educations in One"),
        ("one of them", "one of them"),
        ("one in five", "one in five"),
        ("a third of them", "a third of them"),
        ("a point of view", "a point of view"),
    ],
)
def test_a_figure_said_in_words_is_written_as_digits(said: str, written: str) -> None:
    assert spoken_numbers(said) == written


@pytest.mark.parametrize(
    ("question", "expected", "answer"),
    [
        (
            "so basically how many subjects are in the ESI global top one percent",
            "esi-top-subjects",
            "83 subjects (subjects in the ESI global top 1%; higher education; as of 2025; "
            "Integrating Education with Industry and Innovation ¶2)",
        ),
        (
            "does chongqing cooperate with seventy countries and regions on education",
            "cooperation-countries-and-regions",
            "Yes: the article gives more than 70 countries and regions (countries and regions "
            "in education cooperation; 2025; Deepening Global Cooperation and Mutual Learning ¶1)",
        ),
        (
            "is it true that chongqing works with more than fifty countries on vocational training",
            "vocational-cooperation-countries",
            "Yes: the article gives more than 50 countries (countries in vocational training "
            "cooperation; as of 2025; Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
        (
            "are eighty-three subjects in the ESI top one percent",
            "esi-top-subjects",
            "Yes: the article gives 83 subjects (subjects in the ESI global top 1%; higher "
            "education; as of 2025; Integrating Education with Industry and Innovation ¶2)",
        ),
        (
            # a fact-check said in words is answered with the article's own figure
            "is the preschool enrollment rate ninety-four percent",
            "preschool-enrollment-rate",
            "No: the article gives 93.5% preschool enrollment rate (as of 2025; Building a "
            "Strong Education System ¶1)",
        ),
    ],
)
def test_a_figure_said_in_words_finds_the_record_written_in_digits(
    real_kb: KnowledgeBase, question: str, expected: str, answer: str
) -> None:
    assert answered(real_kb, question) == (expected, answer)


def test_a_figure_said_in_words_that_no_record_gives_is_refused(real_kb: KnowledgeBase) -> None:
    # as "top 2 percent" is: the article ranks subjects in the top 1% only
    assert refused(real_kb, "how many subjects are in the ESI global top two percent") == (
        'the article does not answer "how many subjects are in the ESI global top two '
        'percent"; no record covers all its words; worth a look: esi-top-subjects, '
        "esi-top-threshold, cooperation-countries-and-regions"
    )


# ------------------------------------------------ a year of the related record named


def test_a_year_is_the_time_of_the_related_record_the_question_names(
    real_kb: KnowledgeBase,
) -> None:
    # the university has no date; the fair it hosted, which the question names, does
    found = real_kb.ask("which university hosted the world culture fair in twenty twenty four")
    assert found.record.id == "southwest-university-of-political-science-and-law"
    assert refused(real_kb, "which university hosted the world culture fair in 2023") == (
        "the article describes Southwest University of Political Science and Law but gives "
        "nothing of it in 2023; worth a look: southwest-university-of-political-science-and-law"
    )
    # a year of a record the question does not name is no year of the answer
    assert refused(real_kb, "which university took the stage in 2024") == (
        "the article describes Southwest University but gives nothing of it in 2024; worth a "
        "look: southwest-university"
    )


# ------------------------------------------------ lead-ins before the question word


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("i was curious when the press conference was", "press-conference"),
        (
            "i was wondering which university hosted the world culture fair",
            "southwest-university-of-political-science-and-law",
        ),
        ("hey so who is wu yingjie", "wu-yingjie"),
        ("so basically how many special education schools are there", "special-education-schools"),
        (
            "we'd love to know what share of kindergartens are inclusive",
            "inclusive-preschool-coverage",
        ),
    ],
)
def test_words_that_only_lead_up_to_the_question_word_are_dropped(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).record.id == expected


def test_a_record_word_before_the_question_word_is_kept(real_kb: KnowledgeBase) -> None:
    # "scholars" is what is asked about: no lead-in, and no names to give
    assert refused(real_kb, "scholars who study abroad each year") == (
        "the article counts over 1,000 scholars sponsored for study abroad each year but does "
        "not name them"
    )


# ------------------------------------------------ a typo keeps its number


@pytest.mark.parametrize(
    "question",
    [
        "which role modles does the article name",
        "role modles from chongqing",
        "Which role modles from the city does the article point to?",
    ],
)
def test_a_plural_typo_read_as_a_singular_record_word_stays_plural(
    real_kb: KnowledgeBase, question: str
) -> None:
    # the records write "role model"; "modles" asks for every one
    found = real_kb.ask(question)
    assert [f.id for f in found.named] == ["shi-tingmao", "wu-yingjie"]
    assert found.text == "Shi Tingmao, Wu Yingjie (Building a Strong Education System ¶2)"
