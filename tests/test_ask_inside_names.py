"""An ordinary word a record holds only inside a name of several pieces is not its subject."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cqedu
from cqedu.ask.inside_names import only_inside_names
from cqedu.core.errors import NoMatchError
from cqedu.knowledge import KnowledgeBase
from tests.conftest import REAL_FACTS


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(REAL_FACTS, cache=False)
    yield knowledge
    knowledge.close()


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what is the class size",
            'the article does not answer "what is the class size"; no record covers all its words',
        ),
        (
            "how big are the classes",
            'the article does not answer "how big are the classes"; no record covers all its words',
        ),
        (
            "what size are classes in chongqing",
            'the article does not answer "what size are classes in chongqing"; no record covers '
            "all its words",
        ),
        (
            "how many classes are there",
            'the article does not answer "how many classes are there"; no record covers all its '
            "words",
        ),
    ],
)
def test_class_inside_first_class_is_no_subject(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    with pytest.raises(NoMatchError) as caught:
        kb.ask(question)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # controls: another piece of the name said, the name's head alone, a compound typed
        ("how many first class universities", "double-first-class-universities"),
        ("how many world class universities", "double-first-class-universities"),
        ("what is the double first class initiative", "double-first-class-initiative"),
        ("what is the commission", "chongqing-municipal-education-commission"),
        ("who heads the commission", "liu-yanbing"),
        ("when was the fair", "world-culture-fair"),
        ("where is the factory", "changan-factory-photo"),
        ("where is leicester", "university-of-leicester"),
        ("where is nanyang", "nanyang-technological-university"),
        ("whats the college enrollment rate in chongqing", "higher-education-enrollment-rate"),
        (
            "How many students enrol each year in Chinese-foreign joint programmes?",
            "sino-foreign-annual-enrollment",
        ),
    ],
)
def test_a_name_said_by_more_than_one_ordinary_piece_still_answers(
    kb: KnowledgeBase, question: str, record: str
) -> None:
    assert kb.ask(question).record.id == record


def test_only_inside_names_reads_compounds_capitalised_runs_and_heads(kb: KnowledgeBase) -> None:
    fact = kb.get("double-first-class-universities")
    assert only_inside_names(fact, {"class"}, ["what", "is", "the", "class", "size"])
    assert not only_inside_names(fact, {"class"}, ["first", "class"])
    # a word said loose (in the name, summary or keywords) is the record's own
    assert not only_inside_names(fact, {"universities"}, ["universities"])
    # the head of a capitalised name refers to it alone ("the initiative")
    assert not only_inside_names(fact, {"initiative"}, ["initiative"])
