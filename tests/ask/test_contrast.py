"""A noun phrase contrasted with "not" ("..., not the political science and law one",
"Not the universities but the disciplines: ...") says what is not asked: the question is
read without it, and refused when its answer is what was set aside (`cqedu.ask.contrast`).
A "not" that denies a verb ("did not host", "are not special education schools") or a
place ("not in Chongqing") is no contrast and is read as before. Phrasings are our own.
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
            "Not the universities but the disciplines: how many Chongqing disciplines are in "
            "Double First-Class?",
            ["double-first-class-disciplines"],
        ),
        (
            "Not the disciplines but the universities, how many are in Double First-Class?",
            ["double-first-class-universities"],
        ),
        (
            "Which university presented on stage, not the political science and law one?",
            ["southwest-university"],
        ),
        (
            "Which university hosted the World Culture Fair, not the one on stage?",
            ["southwest-university-of-political-science-and-law"],
        ),
        ("How many teachers does Chongqing have, not the students?", ["teachers"]),
        (
            "Which university hosted the World Culture Fair, not just any university?",
            ["southwest-university-of-political-science-and-law"],
        ),
        (
            "Not the count of subjects, but the band: what is the ESI ranking band?",
            ["esi-top-threshold"],
        ),
        (
            "How many principals, not teachers, go to Singapore for training every year?",
            ["principals-trained-at-ntu"],
        ),
        (
            "what is the enrollment rate for children with disabilities, not the preschool one",
            ["disability-enrollment-rate"],
        ),
    ],
)
def test_contrasted_phrase_set_aside(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # the answer is the one set aside: the article names no other
        (
            "Which university presented on stage, not Southwest University?",
            'the article gives Southwest University, which the question sets aside ("not',
        ),
        (
            "How many teachers does Chongqing have, not the teachers?",
            "the article gives over 500,000 teachers, which the question sets aside",
        ),
        # a name the phrase gives is anywhere in the record: its Yubei campus hosted the fair
        (
            "Which university hosted the fair, not the one in Yubei?",
            "the article gives Southwest University of Political Science and Law, which the",
        ),
        # "not just any X" says the answer is an X: its record must say so
        (
            "Which joint institution is the only China-UK medical one in central and western "
            "China, not just any Sino-foreign program?",
            "the article does not say University of Leicester is what",
        ),
        # a "not" that denies a verb or a place is no contrast
        ("how many schools are not special education schools", "the article does not say"),
        ("which university did not host the fair", "the article does not say"),
        ("how many students, not in Chongqing?", "the article does not"),
        # the contrast corrects to what the article does not give
        (
            "How many teachers, not principals, go to Singapore for training every year?",
            "the article gives no teachers training figure for Singapore",
        ),
        (
            "How many schools, not counting special schools, are there?",
            "the article gives 9,177 schools, but no figure without special",
        ),
    ],
)
def test_not_set_aside_refused(real_kb: KnowledgeBase, question: str, reason: str) -> None:
    assert refused(real_kb, question).startswith(reason)
