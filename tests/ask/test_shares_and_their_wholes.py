"""A share is of its whole: "what percentage of schools" is no share of employees trained
by schools; a superlative of shares compares every share; a count is no share."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

_FRONTLINE = "more than 70% new frontline employees trained by local vocational schools"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # the noun after "of" is the doer ("trained by ... schools", "done by universities")
        # or the place ("enrolled in school") of what the share counts
        (
            "what percentage of schools are vocational",
            f'the article gives {_FRONTLINE}, but no share of "schools"',
        ),
        (
            "what share of vocational schools train frontline workers",
            f'the article gives {_FRONTLINE}, but no share of "schools"',
        ),
        (
            "what percentage of universities do research",
            "the article gives about 90% share of basic research done by universities, but "
            'no share of "universities"',
        ),
        (
            "highest share of schools",
            "the article gives 98.99% enrollment rate of children with disabilities, but no "
            'share of "schools"',
        ),
        # "%" typed for "percentage", and a bare share asked of schools
        (
            "what % of schools are vocational",
            f'the article gives {_FRONTLINE}, but no share of "schools"',
        ),
        ("70% of schools?", f'the article gives {_FRONTLINE}, but no share of "schools"'),
        # a superlative of shares over a count
        (
            "what is the highest percentage of teachers",
            "the article gives over 500,000 teachers, a count, not a share or rate",
        ),
    ],
)
def test_a_share_of_what_the_record_only_mentions_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("what percent of kindergartens are inclusive", "inclusive-preschool-coverage"),
        ("what share of research is done by universities", "basic-research-share"),
        (
            "what percentage of new frontline workers were trained locally",
            "frontline-employees-trained-locally",
        ),
        (
            "what proportion of vocational students continue studying",
            "vocational-further-study-share",
        ),
        ("what percentage of disabled children go to school", "disability-enrollment-rate"),
        ("what % of kindergartens are inclusive", "inclusive-preschool-coverage"),
        # a keyword string says no "of": its words are not read as a share's whole
        ("chongqing universities research share", "basic-research-share"),
    ],
)
def test_a_share_of_its_own_whole_is_given(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("what is the highest percentage", "disability-enrollment-rate"),
        ("which rate is the highest", "disability-enrollment-rate"),
        # a band of a ranking ("the top 1%") is no part of a whole
        ("what is the lowest share", "higher-education-enrollment-rate"),
    ],
)
def test_a_superlative_of_shares_compares_every_share(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    answer = real_kb.ask(question)
    assert (answer.kind, answer.record.id) == ("figure", record)


@pytest.mark.parametrize(
    "question", ["what is the highest rate in 2020", "which rate will be highest in 2030"]
)
def test_a_superlative_of_shares_of_another_time_is_not_the_article_s(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert refused(real_kb, question).startswith(f'"{question}" names nothing to look up')
