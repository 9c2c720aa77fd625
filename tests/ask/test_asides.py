"""What the asker says around a question (`cqedu.ask.asides`): their life, an aside.

A clause of the asker's own before the question, an aside in brackets and a sentence after
it are read away from a refused question when what they say narrows nothing the answer's
record does not say; a figure or thing the asker holds, asked of with "that", is put in
the pro-form's place.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from cqedu.ask.asides import of_antecedent, readings
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


def test_the_asked_clause_is_read_without_the_askers_clause_before_it() -> None:
    assert list(readings("My boy loves sport, I read about it, what is the reform?")) == [
        ("I read about it, what is the reform?", "My boy loves sport, "),
        ("what is the reform?", "My boy loves sport, I read about it, "),
    ]


def test_an_aside_in_brackets_and_a_sentence_after_the_question_are_left_out() -> None:
    assert list(readings("How many teachers (my sister is one!) are there? Asking for me.")) == [
        ("How many teachers are there?", "my sister is one!. Asking for me.")
    ]


@pytest.mark.parametrize(
    "question",
    [
        # a clause that is not the asker's: it may say which
        "Counting only the private ones, how many kindergartens are there?",
        "How many teachers are there? Only the private-school ones, I mean.",
        "How many teachers are there (part-time ones)?",
        "How many teachers are there (they're private ones)?",
        "For the private schools my kids attend, how many teachers are there?",
        "I only care about private kindergartens; what share of kindergartens are inclusive?",
        "What is the enrollment rate? I mean the one for private schools.",
    ],
)
def test_words_not_of_the_asker_are_never_read_away(question: str) -> None:
    assert all(len(asked) == len(question) for asked, _ in readings(question))


def test_a_clause_after_the_question_goes_only_when_it_asks_nothing() -> None:
    asked = [a for a, _ in readings("How many schools are there, and I wonder which ones?")]
    assert "How many schools are there?" not in asked


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        (
            "I've got 98.47% in my notes, which enrollment rate is that one?",
            "which enrollment rate is 98.47%?",
        ),
        ("My notes say 95.2%, what rate is that?", "what rate is 95.2%?"),
        (
            "I jotted down 1.85 million somewhere, which figure is that?",
            "which figure is 1.85 million?",
        ),
        (
            "I heard there's a college tied to a British university, which university is that?",
            "which university is a college tied to a British university?",
        ),
        ("there's a Go champion at a school, who is that?", "who is a Go champion at a school?"),
    ],
)
def test_a_pro_form_stands_for_what_the_clause_before_introduced(question: str, meant: str) -> None:
    assert of_antecedent(question) == meant


@pytest.mark.parametrize(
    "question",
    [
        # another figure, a name in the asker's clause: it would be left out
        "I've got 93.5% in my 2020 notes, which rate is that one?",
        "My friend in Chengdu says there's a college, which college is that?",
        "I've got 93.5% and 95.2% in my notes, which rate is that one?",
    ],
)
def test_a_pro_form_keeps_a_clause_that_names_anything_else(question: str) -> None:
    assert of_antecedent(question) == question


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "My late husband played Go every evening (he never beat me, mind you), so I must "
            "ask who taught the little ones at a primary school in Dadukou?",
            "Li Xuanhao: Go world champion who gave children a lesson at a Dadukou District "
            "primary school. (Building a Strong Education System \u00b63)",
        ),
        (
            "I remember when preschool cost families dearly; from 2025, how many children "
            "are expected to benefit from the free year?",
            "more than 200,000 children (children benefiting from free preschool; from 2025; "
            "Building a Strong Education System \u00b64)",
        ),
        (
            "I've got 98.47% in my notes, which enrollment rate is that one?",
            "98.47% high school enrollment rate (as of 2025; Building a Strong Education "
            "System \u00b61)",
        ),
        (
            "Is it 1.85 million skilled graduates over the five years? Just double-checking.",
            "Yes: the article gives 1.85 million graduates (skilled graduates supplied to "
            "society; higher education; 2021-2025; Integrating Education with Industry and "
            "Innovation \u00b61)",
        ),
    ],
)
def test_the_asked_part_is_answered(real_kb: KnowledgeBase, question: str, answer: str) -> None:
    assert real_kb.ask(question).text == answer


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "My cousin lives in Chengdu, and I wonder how many schools are there?",
            'the article does not mention "cousin lives" or "Chengdu" (it covers Chongqing)',
        ),
        (
            "I studied there back in 2010; how many teachers were there then?",
            "the article gives over 500,000 teachers as of 2025, not for 2010",
        ),
        (
            "My niece goes to a vocational school, so how many teachers are there?",
            'the article does not mention "niece"',
        ),
        (
            "I've got 88% in my notes, which rate is that one?",
            'the article does not answer "which rate is 88%?"; no record covers all its words',
        ),
        (
            # the 12 goals of the 14th plan are no figure of 14
            "I've got 14 in my notes, which figure is that one?",
            "the article gives no figure of 14",
        ),
    ],
)
def test_what_the_askers_clause_narrows_is_still_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_a_question_answered_as_typed_never_loads_the_module() -> None:
    code = (
        "import sys, cqedu; kb = cqedu.load('facts.toml', cache=False); "
        "kb.ask('how many teachers, roughly, are there?'); "
        "print('cqedu.ask.asides' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
