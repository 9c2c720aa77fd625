""" "Other" and "else" ask for what the article does not name; a singular after a number."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cqedu
from cqedu.ask.others import other_asked
from cqedu.ask.plurals import counted_plural
from cqedu.knowledge import KnowledgeBase
from tests.conftest import REAL_FACTS, refused


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(REAL_FACTS, cache=False)
    yield knowledge
    knowledge.close()


_BRANDS = (
    "the article counts six brands (globally promoted education brands) but names only "
    "Study in Chongqing"
)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("what is the other five brand", _BRANDS),
        ("what are the other five brands of chongqing", _BRANDS),
        ("what other brand does chongqing promote", _BRANDS),
        ("what are the other brands", _BRANDS),
        (
            "which other countries work with chongqing on vocational training",
            "the article counts more than 50 countries in vocational training cooperation but "
            "names only Russia, Spain, Thailand",
        ),
        (
            "which other universities does chongqing cooperate with",
            "the article names University of Leicester, Nanyang Technological University; ask "
            'for them without "other"',
        ),
        ("who else is a role model", 'the article names Shi Tingmao; ask for them without "else"'),
        # a singular after a number is a plural
        (
            "what are the six brand",
            "the article counts six brands (globally promoted education brands) but does not "
            "name them",
        ),
        (
            "which two university are double first class",
            "the article counts two universities in the Double First-Class Initiative but does "
            "not name them",
        ),
        (
            "what are the 12 core goal",
            "the article counts 12 goals (core goals of the 14th Five-Year Plan met) but does "
            "not name them",
        ),
    ],
)
def test_others_the_article_does_not_name_are_refused_saying_what_it_names(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(kb, question) == message


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # controls: a name left out by "besides", "others" after "from", a number's plural
        (
            "which countries besides thailand work with chongqing on vocational training",
            "Russia, Spain (Deepening Global Cooperation and Mutual Learning \u00b63)",
        ),
        (
            "name the three country that work with chongqing on vocational training",
            "more than 50 countries (countries in vocational training cooperation; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3); the article names 3: Russia, "
            "Spain, Thailand (Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
        (
            "how many core goal",
            "12 goals (core goals of the 14th Five-Year Plan met; system wide; 2021-2025; "
            "Opening \u00b63)",
        ),
        (
            "when was the 14th Five-Year Plan",
            "2021-2025 (14th Five-Year Plan (education); Opening \u00b63)",
        ),
    ],
)
def test_questions_without_others_still_answer(kb: KnowledgeBase, question: str, text: str) -> None:
    assert kb.ask(question).text == text


def test_stand_apart_from_others_asks_for_no_others(kb: KnowledgeBase) -> None:
    question = "what makes the leicester joint college stand apart from others in central china"
    assert kb.ask(question).record.id == "leicester-joint-college"


@pytest.mark.parametrize(
    ("tokens", "asked"),
    [
        (("what", "are", "the", "other", "brands"), True),
        (("who", "else", "spoke"), True),
        (("countries", "other", "than", "russia"), False),
        (("schools", "help", "each", "other"), False),
        (("on", "the", "other", "hand"), False),
    ],
)
def test_other_asked(tokens: tuple[str, ...], asked: bool) -> None:
    assert other_asked(tokens) is asked


@pytest.mark.parametrize(
    ("tokens", "read"),
    [
        (("the", "five", "brand"), ("the", "five", "brands")),
        (("12", "core", "goal"), ("12", "core", "goals")),
        (("two", "university", "are"), ("two", "universities", "are")),
        # a number and a noun before another noun modify it; a year, an ordinal, one
        (("a", "five", "year", "plan"), ("a", "five", "year", "plan")),
        (("the", "2025", "goal"), ("the", "2025", "goal")),
        (("the", "14", "th", "goal"), ("the", "14", "th", "goal")),
        (("one", "brand"), ("one", "brand")),
    ],
)
def test_counted_plural(tokens: tuple[str, ...], read: tuple[str, ...]) -> None:
    known = {"brands", "goals", "universities", "years", "plans"}
    assert counted_plural(tokens, known, {"are", "the", "a"}) == read
