"""Three kinds the fifth kept-apart set showed `ask` answering though the article cannot:
names asked by a request ("tell me the names of ..."), an ordinal the records do not
write ("the 15th plan"), and a figure asked of what will be ("will it be extended to two
years"); and "what is the <name> college", a description, not a partner."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "could you give me the names of the five double first-class disciplines",
            "the article counts five disciplines in the Double First-Class Initiative but does"
            " not name them",
        ),
        (
            "i need the names of the ten international vocational platforms",
            "the article counts 10 platforms (international vocational education platforms)"
            " but does not name them",
        ),
        (
            "please tell me the names of the 6 brands",
            "the article counts six brands (globally promoted education brands) but does not"
            " name them",
        ),
        (
            "names of the universities in the double first class initiative",
            "the article counts two universities in the Double First-Class Initiative but"
            " does not name them",
        ),
    ],
)
def test_a_request_for_the_names_of_a_counted_noun_is_refused_with_the_count(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert refused(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("tell me the names of the role models", "Shi Tingmao, Wu Yingjie"),
        ("what are the names of the role models", "Shi Tingmao, Wu Yingjie"),
        (
            "give me the names of the vocational partner countries",
            "more than 50 countries (countries in vocational training cooperation; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3); the article names 3: Russia, "
            "Spain, Thailand",
        ),
    ],
)
def test_a_request_for_names_the_article_gives_lists_them(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).text.startswith(f"{expected} (")


def test_a_name_typed_before_names_of_is_no_request(real_kb: KnowledgeBase) -> None:
    # "brand names of X" is no request for names: the brand itself answers
    assert real_kb.ask("what are the brand names of study in chongqing").record.id == (
        "study-in-chongqing"
    )


@pytest.mark.parametrize(
    "question",
    [
        "what did the 13th five-year plan achieve",
        "what was achieved in the 12th five-year plan",
        "how many goals did the 15th five-year plan meet",
        "which targets were set under the 15th five year plan",
        "who was the 13th go champion",
    ],
)
def test_an_ordinal_the_records_do_not_write_is_refused(
    real_kb: KnowledgeBase, question: str
) -> None:
    # not the 12 goals, nor the Go lesson of October 13: an ordinal says which one
    assert refused(real_kb, question).startswith(f'the article does not answer "{question}"')


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many core goals were met in the 14th five-year plan", "core-goals-met"),
        ("what is the 14th five year plan", "fourteenth-five-year-plan"),
        ("when was the 14th fyp", "fourteenth-five-year-plan"),
    ],
)
def test_the_ordinal_the_records_write_is_answered(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).record.id == expected


@pytest.mark.parametrize(
    "question",
    [
        "Will the free preschool be extended to three years after 2025?",
        "will free preschool be extended to 2 years",
        "would free preschool grow to four years",
    ],
)
def test_a_figure_asked_of_what_will_be_is_refused(real_kb: KnowledgeBase, question: str) -> None:
    assert refused(real_kb, question) == (
        "the article gives one year (one year of free preschool) from 2025, not whether it"
        " will change; worth a look: free-preschool-year"
    )


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("will free preschool be one year", "Yes"), ("is free preschool two years", "No")],
)
def test_the_article_s_own_figure_still_answers_a_claim(
    real_kb: KnowledgeBase, question: str, verdict: str
) -> None:
    # of what is, the article's figure answers the claim; of what will be, its own figure;
    # the number word claimed is checked against it, as a figure in digits is
    assert real_kb.ask(question).text == (
        f"{verdict}: the article gives one year (one year of free preschool; from 2025; "
        "Building a Strong Education System \u00b64)"
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is the joint college with leicester", "leicester-joint-college"),
        ("what is the china-uk joint college", "leicester-joint-college"),
        ("what is the Leicester joint college", "leicester-joint-college"),
        ("what's the south asian poverty centre", "south-asia-poverty-alleviation-center"),
        # a partner asked by its country or role is still the partner
        ("what is the singapore university", "nanyang-technological-university"),
        ("what is the british university that runs a joint college", "university-of-leicester"),
        ("what is the partner university of the joint college", "university-of-leicester"),
        (
            "what is the university in singapore that trains principals",
            "nanyang-technological-university",
        ),
    ],
)
def test_what_is_the_named_college_describes_it_not_its_partner(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).record.id == expected
