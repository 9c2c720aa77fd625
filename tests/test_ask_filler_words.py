"""Ordinary words the records never use, of a kind that says nothing of what is asked, no
longer veto; beside each, a question of the same shape about something else is refused.

- a singular after "how many" is read as the plural it asks (`ask/plurals.py`): "how many
  company get benefit";
- a common verb before "to" and a verb the records use is a catenative (`ask/checks.py`):
  "students coming to study"; "coming from Shanghai" still vetoes;
- a compound whose head is a count noun ("headcount") and a derivative of "percent"
  ("percentile") ask as their base does (`ask/reading.py`);
- "cumulative" and "aggregate" before a count noun ask a total (`ask/totals.py`);
- one synonym of a declared verb term says what its other synonyms the records write
  say, in any form ("established", "establish": "founded") (`ask/candidates.py`).

Phrasings are our own.
"""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


def named(kb: KnowledgeBase, question: str) -> list[str]:
    return [fact.id for fact in kb.ask(question).named]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "how many company get benefit from the university industry collaboration",
            ["enterprises-benefited"],
        ),
        ("how many foreign student is coming to study in chongqing", ["international-students"]),
        ("how many teacher work in chongqing", ["teachers"]),
        ("Total student headcount in Chongqing's education system, in millions?", ["students"]),
        ("what is the headcount of teaching staff", ["teachers"]),
        (
            "What cumulative number of skilled graduates did Chongqing's universities and"
            " vocational colleges supply over the past five years?",
            ["skilled-graduates"],
        ),
        ("how many skilled graduates cumulatively", ["skilled-graduates"]),
        (
            "what percent of young people goes to university in chongqing",
            ["higher-education-enrollment-rate"],
        ),
        ("how many kids get the free preschool yr", ["free-preschool-children"]),
        ("how many principals go to singapore each yr for training", ["principals-trained-at-ntu"]),
        (
            "what centres has chongqing established",
            ["chinese-greek-civilizations-center", "south-asia-poverty-alleviation-center"],
        ),
        (
            "which centres did chongqing establish",
            ["chinese-greek-civilizations-center", "south-asia-poverty-alleviation-center"],
        ),
        # a plural further on is the head: nothing is made plural before it
        (
            "how many international vocational education platforms are there",
            ["international-vocational-platforms"],
        ),
    ],
)
def test_filler_and_paraphrase_do_not_veto(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many students are coming from Shanghai",
            'the article does not mention "coming" or "Shanghai" (it covers Chongqing)',
        ),
        (
            "how many teachers are leaving to study",
            'the article gives over 500,000 teachers, but no figure for "leaving"',
        ),
        ("what is the hospital headcount", 'the article does not mention "hospital"'),
        # "percentile" asks a share; a verb said aside in a figure question still vetoes
        # ("sit" is a verb of being: the subjects are in the band, which the article does
        # not give as theirs)
        (
            "which subjects climbed in the esi percentile band",
            'the article does not mention "climbed"',
        ),
        (
            "which subjects sit in the esi percentile band",
            "the article gives top 1% ESI ranking band (global top 1%), but no figure for"
            ' "subjects"',
        ),
        (
            "what is the cumulative share of basic research",
            'the article does not mention "cumulative"',
        ),
        ("what hospitals did chongqing establish", 'the article does not mention "hospitals"'),
        (
            "In which building was the October 20 press conference held?",
            'the article does not answer "In which building was the October 20 press conference'
            ' held?"; no record covers all its words; worth a look: press-conference,'
            " liu-yanbing, go-lesson",
        ),
        (
            "how many kids get free preschool each yr",
            "the article gives no per-year figure for Children benefiting from free preschool;"
            " worth a look: free-preschool-children",
        ),
    ],
)
def test_the_same_shapes_about_something_else_are_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
