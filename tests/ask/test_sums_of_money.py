"""A question asking a sum of money (a fee, price or cost) is answered by a figure in a
currency only: the article's "one year of free preschool" is no fee, and a description
has no price. A question about something being free asks no sum."""

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

#: What the article gives instead of the fee asked: its free preschool year.
FREE_YEAR = (
    "it gives one year (one year of free preschool) from 2025; "
    "worth a look: free-preschool-year, free-preschool-children"
)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("kindergarten fees", f'the article gives no sum of money for "fees": {FREE_YEAR}'),
        ("fees for kindergarten", f'the article gives no sum of money for "fees": {FREE_YEAR}'),
        ("preschool tuition", f'the article gives no sum of money for "tuition": {FREE_YEAR}'),
        ("tuition fees", f'the article gives no sum of money for "fees": {FREE_YEAR}'),
        (
            "what does Chongqing wisdom cost",
            'the article gives no sum of money for "cost": it describes Chongqing wisdom; '
            "worth a look: chongqing-wisdom, liu-yanbing",
        ),
    ],
)
def test_a_sum_of_money_asked_is_refused_saying_what_is_given(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # a fee named as waived, or "free" asked: no sum of money is asked
        ("what is the fee waiver", "free-preschool-year"),
        ("is preschool tuition-free", "free-preschool-year"),
        ("tuition-free preschool", "free-preschool-year"),
        ("is kindergarten free of fees", "free-preschool-year"),
        ("free preschool", "free-preschool-year"),
    ],
)
def test_a_fee_waived_or_free_asked_is_answered(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
