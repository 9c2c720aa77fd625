"""Nouns that only classify or frame what is asked (`cqedu.ask.shells`): a shell noun whose
clause picks one record ("the *scheme* that gives school heads training") needs no record
word, while an attribute asked of the thing ("the *budget* of the scheme"), or a thing
tied to one the clause names ("the *budget* that funds the sponsorship"), still vetoes."""

from __future__ import annotations

import pytest

from cqedu.ask.shells import finite_verb, in_relative_clause, shell_noun
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "at", "shell"),
    [
        ("tell me about the scheme that gives school heads training", 4, True),
        ("the arrangement which sent scholars abroad", 1, True),
        ("the effort that is sending academics abroad", 1, True),
        # "who" opens a clause about a person, whom a noun of people says more of
        ("the woman who heads the commission", 1, False),
        # an object relative: the students pay the tuition, which is what is asked
        ("what is the tuition that students pay", 3, False),
        ("what is the budget of the scheme", 3, False),
        ("the fee for the college", 1, False),
        # a topic is no clause: what is said about it is asked ("the controversy about")
        ("what is the controversy about the college", 3, False),
    ],
)
def test_shell_noun(question: str, at: int, shell: bool) -> None:
    assert shell_noun(question.split(), at) is shell


@pytest.mark.parametrize(
    ("question", "at", "inside"),
    [
        ("the program that sends nurses abroad", 4, True),
        ("the scheme which trained nurses", 4, True),
        ("the program that students attend", 3, False),
        ("the nurses that the program sends", 1, False),
    ],
)
def test_in_relative_clause(question: str, at: int, inside: bool) -> None:
    assert in_relative_clause(question.split(), at) is inside


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("gives", True),
        ("trains", True),
        ("sent", True),
        ("carried", True),
        ("studies", True),
        ("planned", True),
    ],
)
def test_finite_verb(word: str, verb: bool) -> None:
    assert finite_verb(word) is verb


@pytest.mark.parametrize("word", ["students", "principals", "tuition", "scholars"])
def test_no_finite_verb(word: str) -> None:
    assert not finite_verb(word)


@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "Tell me about the scheme that gives school heads advanced training abroad",
            "principal-training-singapore",
        ),
        (
            "tell me about the scheme that gives school heads training in Singapore",
            "principal-training-singapore",
        ),
        ("tell me about the effort that sends academics abroad", "overseas-study-sponsorship"),
        ("what's the scheme that sends scholars abroad to study", "overseas-study-sponsorship"),
        # of the records that say it, those in their own words, not in passing ("kids")
        ("what is the policy that gives kids a free year of preschool", "free-preschool-year"),
        # the shell is the thing, not the count its clause names (200 principals)
        ("what's the scheme which trains principals in Singapore", "principal-training-singapore"),
        (
            "what is the name of the scheme that trains principals abroad",
            "principal-training-singapore",
        ),
        # the pronoun "I" is typed in capitals and is no name
        (
            "In what fields could I study in one of the Sino-foreign cooperative programs?",
            "sino-foreign-cooperative-programs",
        ),
    ],
)
def test_answered(real_kb: KnowledgeBase, question: str, record: str) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what is the budget of the scheme that trains principals",
            'the article does not mention "budget" or "scheme"',
        ),
        (
            "tell me about the scheme that gives nurses advanced training abroad",
            'the article does not mention "scheme" or "nurses"',
        ),
        ("which scheme trains nurses abroad", 'the article does not mention "scheme" or "nurses"'),
        (
            "tell me about the scheme that sends nurses abroad",
            'the article does not mention "scheme" or "nurses"',
        ),
        # the object of a relative clause's verb names what the clause says
        (
            "tell me about the program that sends nurses abroad",
            'the article does not mention "nurses"',
        ),
        (
            "tell me about the scheme that gives school heads advanced training in Germany",
            'the article does not mention "scheme" or "Germany" (it covers Chongqing)',
        ),
        (
            "what is the controversy about the joint college with Leicester",
            'the article does not mention "controversy"',
        ),
        (
            "what is the salary of the principals that train in Singapore",
            'the article does not mention "salary"',
        ),
        ("tell me about the hotel that hosts school heads in Singapore", None),
        (
            "what is the policy that gives kids free lunches",
            'the article does not mention "policy" or "lunches"',
        ),
        ("what is the tuition for the Leicester joint college", None),
        # a person is no thing: a noun of people says more ("woman")
        (
            "who is the woman that heads the education commission",
            'the article does not mention "woman"',
        ),
        (
            "what's the name of the woman that heads the education commission",
            'the article does not mention "woman"',
        ),
        # a clause that names a thing of the records makes the shell another thing
        (
            "what's the budget that funds the overseas study sponsorship",
            'the article does not mention "budget"',
        ),
        (
            "tell me about the hospital that partners with the Leicester joint college",
            'the article does not mention "hospital"',
        ),
        (
            "tell me about the lawsuit that involved the World Culture Fair",
            'the article does not mention "lawsuit"',
        ),
        (
            "what's the textbook that teaches Go to children",
            'the article does not mention "textbook"',
        ),
        (
            "give me the criticism about the Leicester joint college",
            'the article does not mention "criticism"',
        ),
        ("what is the tuition that students pay at the Leicester joint college", None),
        ("what is the salary of the education commission director", None),
        ("how many women teachers", None),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str | None) -> None:
    said = refused(real_kb, question)
    if message is not None:
        assert said == message
