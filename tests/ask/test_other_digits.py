"""Digits that are no decimal digits ("⓵", "❶", "᧚"): `str.isdigit` holds of them but
`int` cannot read them, so a question or an article holding one is read as words are,
never an internal error ("how many ⓶ teachers" was exit 70)."""

import pytest

from cqedu.facts.draft.find import find_figures
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

#: Double circled, dingbat negative circled and Tai Tham digits: category No, each with a
#: digit value, none folded to an ASCII digit by NFKC.
OTHER_DIGITS = ("\u24f5", "\u2776", "\u19da")


@pytest.mark.parametrize("digit", OTHER_DIGITS)
@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{}", 'the article does not mention "{}"'),
        ("how many {} teachers", 'the article does not mention "{}"'),
        ("report on {}", 'the article does not mention "report" or "{}"'),
        ("what are the {} educations", 'the article does not mention "{}"'),
        ("{} schools", 'the article does not mention "{}"'),
    ],
)
def test_a_question_with_another_digit_is_refused_naming_it(
    real_kb: KnowledgeBase, digit: str, template: str, message: str
) -> None:
    assert refused(real_kb, template.format(digit)) == message.format(digit)


def test_an_article_with_another_digit_drafts_its_decimal_figures_only() -> None:
    found = find_figures("In \u24f5\u24f6 there were 12 schools, and \u2776 more in 2025.")
    assert [(f.text, f.kind) for f in found] == [("12", "figure")]
