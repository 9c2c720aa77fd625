""" "Which N did Y" (`choice`): the answer is a record of N tied to the record Y names (its
related record, or one that says Y itself), not any of N that covers the verb; N may name
a category whose members share the name's noun ("which *institution*": the partners of
category institution are all named "university", and so is the university that hosted
the World Culture Fair); "which N is credited with (driving) Y" asks which is behind Y,
which a record tied to Y's may be."""

from __future__ import annotations

import pytest

from cqedu.ask.described import credited_with
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Which institution hosted the World Culture Fair?",
            (
                "southwest-university-of-political-science-and-law",
                "Southwest University of Political Science and Law (Opening ¶2)",
            ),
        ),
        (
            "Which institution gave presentations on stage?",
            (
                "southwest-university",
                "Southwest University (Deepening Global Cooperation and Mutual Learning ¶4)",
            ),
        ),
        (
            "Which institution trains Chongqing principals?",
            (
                "nanyang-technological-university",
                "Nanyang Technological University (Singapore; Deepening Global Cooperation and "
                "Mutual Learning ¶5)",
            ),
        ),
        (
            "Which university's Yubei campus played host to the food-tasting culture fair?",
            (
                "southwest-university-of-political-science-and-law",
                "Southwest University of Political Science and Law (Opening ¶2)",
            ),
        ),
    ],
)
def test_which_partner_did_it_is_the_one_tied_to_what_it_did(
    real_kb: KnowledgeBase, question: str, expected: tuple[str, str]
) -> None:
    assert answered(real_kb, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        # the university that hosted the fair hosted neither of these (it was answered)
        "Which university hosted the Go lesson?",
        "Which university hosted the press conference?",
        "Which institution hosted the Go lesson?",
        # a centre is tied to no fair
        "Which centre hosted the World Culture Fair?",
    ],
)
def test_which_partner_did_what_another_record_names_is_refused(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert refused(real_kb, question) == f'the article does not answer "{question}"'


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        (
            "Which city action program is credited with driving the university-industry gains?",
            "Which city action program is behind the university-industry gains?",
        ),
        (
            "which plan was widely credited with the enterprises helped",
            "which plan was behind the enterprises helped",
        ),
        # a gerund of money asks a sum paid, no cause
        (
            "Which city action program is credited with funding the gains?",
            "Which city action program is credited with funding the gains?",
        ),
        # no which-question: unchanged
        ("Is the plan credited with the gains?", "Is the plan credited with the gains?"),
    ],
)
def test_credited_with_asks_what_is_behind(question: str, meant: str) -> None:
    assert credited_with(question, frozenset({"fund"})) == meant


@pytest.mark.parametrize(
    "question",
    [
        "Which city action program is credited with driving the university-industry gains?",
        "Which action plan is credited with boosting the enterprises helped?",
    ],
)
def test_which_program_is_credited_is_the_one_tied_to_what_it_did(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert answered(real_kb, question) == (
        "education-strengthening-chongqing-action",
        "Education Strengthening Chongqing Action: City action plan linking universities with "
        "industry, among the programs behind the enterprises helped. (Integrating Education "
        "with Industry and Innovation ¶4)",
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "Which city action program is credited with driving the campus football reform?",
            'the article does not say "campus football reform" of Education Strengthening '
            "Chongqing Action; worth a look: campus-football-reform, "
            "education-strengthening-chongqing-action",
        ),
        (
            "Which city action program is credited with funding the university-industry gains?",
            'the article gives no figure for "city action program is credited with funding"',
        ),
    ],
)
def test_which_program_is_credited_with_what_another_did_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # "model" is in "role model": the champion says nothing of companies abroad. The
        # article's model for it (teaching follows industry) is not reached from these
        # words; refused, not answered with the champion
        (
            "Which model does the city use to back companies heading into overseas markets?",
            'the article does not say "companies heading overseas markets" of Shi Tingmao; '
            "worth a look: teaching-follows-industry, shi-tingmao",
        ),
        (
            "Which model does the city lean on to back companies going abroad?",
            'the article does not say "companies" of Shi Tingmao; worth a look: '
            "enterprises-benefited, teaching-follows-industry, "
            "education-strengthening-chongqing-action",
        ),
    ],
)
def test_which_n_does_what_another_record_says_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which brand does the city use to recruit international students?", "study-in-chongqing"),
        (
            "Which platform does Chongqing use for dialogue on ancient civilizations?",
            "chinese-greek-civilizations-center",
        ),
        ("Which role model won an Olympic title?", "shi-tingmao"),
    ],
)
def test_which_n_does_what_its_record_says_is_answered(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert answered(real_kb, question)[0] == expected
