"""The kind of thing "which X" asks for ranks the records (`cqedu.ask.kind_asked`)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from cqedu.ask.kind_asked import noun_asked, of_kind
from cqedu.ask.reading import CLOSED_CLASS
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered

SCHEME = Fact(
    id="green-schools",
    kind="program",
    name="Green Schools Scheme",
    summary="A national scheme for greener school buildings.",
    section="S",
    paragraph=1,
    source="s",
)
RATE = Fact(
    id="recycling-rate",
    kind="stat",
    name="Recycling rate",
    summary="Share of school waste recycled, above the national average.",
    section="S",
    paragraph=1,
    source="s",
)


def _nothing(positions: Iterable[int]) -> set[str]:
    return set()


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("which national program are schools part of", 2),
        ("what scheme is it", 1),
        ("what is the scheme", None),
        ("how many schools", None),
    ],
)
def test_the_noun_asked_for(question: str, noun: int | None) -> None:
    tokens = tuple(question.split())
    assert noun_asked(tokens, 0, CLOSED_CLASS) == noun


@pytest.mark.parametrize(("noun", "kind"), [("program", True), ("scheme", True), ("rate", False)])
def test_a_record_is_of_its_kind_or_its_names_last_word(noun: str, kind: bool) -> None:
    tokens = ("which", "national", noun)
    assert of_kind(SCHEME, 2, tokens, _nothing) is kind
    assert of_kind(RATE, 2, tokens, _nothing) is (noun == "rate")


@pytest.mark.parametrize(
    "question",
    [
        "Which national program are two of Chongqing's universities part of?",
        "Which national program are Chongqing's universities part of?",
    ],
)
def test_the_programme_answers_before_a_figure(real_kb: KnowledgeBase, question: str) -> None:
    assert answered(real_kb, question)[0] == "double-first-class-initiative"
