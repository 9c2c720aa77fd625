"""Questions framed by how the asker came by them (`ask/frames.py`): a reporting verb
after "did" with the article's speaker and event, a claim put to the article, an
evidential adverb; and "the city" as a claim's subject (`ask/reading.py`).

Phrasings are our own; beside each kind, one the article cannot answer stays refused.
"""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused


@pytest.mark.parametrize(
    ("question", "record", "text"),
    [
        (
            "What preschool enrollment rate did officials announce at the press conference?",
            "preschool-enrollment-rate",
            "93.5% preschool enrollment rate (as of 2025; Building a Strong Education System ¶1)",
        ),
        (
            "How many teachers did Chongqing report at the October 20 press conference?",
            "teachers",
            "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)",
        ),
        (
            "How many schools did the city report at the briefing in October?",
            "schools",
            "9,177 schools (as of 2025; Building a Strong Education System ¶1)",
        ),
    ],
)
def test_a_figure_the_article_reports_at_its_own_event_is_answered(
    real_kb: KnowledgeBase, question: str, record: str, text: str
) -> None:
    assert answered(real_kb, question) == (record, text)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "How many primary schools did Chongqing report at the October briefing?",
            "the article gives no figure for primary",
        ),
        (
            "What kindergarten teacher count did Chongqing report at the October briefing?",
            "the article gives no teacher figure for preschool; worth a look: teachers",
        ),
    ],
)
def test_a_figure_the_article_does_not_report_stays_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_an_event_that_is_not_the_articles_keeps_the_question_refused(
    real_kb: KnowledgeBase,
) -> None:
    assert refused(
        real_kb, "How many teachers did Chongqing report at the March briefing?"
    ).startswith("the article")


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("Chongqing reportedly has 9,177 schools, is that right?", "schools"),
        ("does the article report that 83 subjects are in the top 1 percent?", "esi-top-subjects"),
        (
            "supposedly there are over 10,000 international students, "
            "is that what the article says?",
            "international-students",
        ),
        ("the city apparently has 500,000 teachers - is that true?", "teachers"),
        ("is it true that the city has 9,177 schools?", "schools"),
    ],
)
def test_a_claim_put_to_the_article_is_checked_against_its_record(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "The city supposedly has 300 universities - is that what the article reports?",
            'the article gives no overall figure for "universities"; '
            "worth a look: double-first-class-universities",
        ),
        (
            "does the article say there are 50 primary schools?",
            "the article gives no figure for primary",
        ),
    ],
)
def test_a_claim_the_article_has_no_record_of_stays_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


# ------------------------------------------------ a partner asked as a partner


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("is thailand one of the vocational training partner countries", "thailand"),
        ("is spian among the vocational training partner countries", "spain"),  # typo
        ("is russai a vocational training partner", "russia"),  # typo
        ("is thailand a partner country", "thailand"),
    ],
)
def test_a_partner_asked_by_what_every_partner_is_is_settled(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "is japan one of the vocational training partner countries",
            'the article does not mention "japan"',
        ),
        (
            "is the university of leicester a partner country",
            'the article does not settle "is the university of leicester a partner country"; '
            "worth a look: university-of-leicester",
        ),
        (
            "is thailand an education partner region",
            'the article does not settle "is thailand an education partner region"; '
            "worth a look: thailand",
        ),
    ],
)
def test_a_partner_of_another_kind_or_none_stays_unsettled(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


# ------------------------------------------------ the clause a question word comes from


@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "What did Liu Yanbing say the preschool enrollment rate was?",
            "preschool-enrollment-rate",
        ),
        ("What did officials say the number of teachers is?", "teachers"),
        (
            "what share of kindergartens did the commission say are inclusive",
            "inclusive-preschool-coverage",
        ),
        ("so at the press conference in october, how many students were reported", "students"),
        (
            "at the october briefing, what was the preschool enrollment rate",
            "preschool-enrollment-rate",
        ),
        ("I read that Chongqing has 9,177 schools, is that accurate?", "schools"),
        ("I heard the city has 600,000 teachers, true?", "teachers"),
    ],
)
def test_a_question_asked_of_what_was_reported_asks_the_question(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "What did Liu Yanbing say the primary enrollment rate was?",
            "the article gives no enrollment figure for primary; worth a look: "
            "preschool-enrollment-rate, high-school-enrollment-rate, "
            "higher-education-enrollment-rate",
        ),
        (
            "at the march briefing, how many teachers were reported",
            'the article does not mention "march"',
        ),
        (
            "I heard the city has 300 universities, true?",
            'the article gives no overall figure for "universities"; '
            "worth a look: double-first-class-universities",
        ),
    ],
)
def test_what_was_reported_of_what_the_article_lacks_stays_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
