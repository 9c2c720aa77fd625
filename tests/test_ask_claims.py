"""A question that adds a claim no record states is refused (ask/checks.py, `_unclaimed`):
a judgement of worth ("the best school") or an adverb of manner ("secretly hosted")."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

_JUDGED = 'the article ranks nothing as "{}": it gives figures, not judgements; worth a look: {}'


@pytest.mark.parametrize(
    ("question", "word", "look"),
    [
        ("best high school in cq??", "best", "high-school-enrollment-rate"),
        ("the best enrollment rate", "best", "preschool-enrollment-rate"),
        ("good schools in chongqing", "good", "schools"),
        (
            "which is the best university",
            "best",
            "university-of-leicester, nanyang-technological-university, "
            "southwest-university-of-political-science-and-law",
        ),
        ("when was the best Go lesson", "best", "go-lesson"),
        ("top high school in chongqing", "top", "high-school-enrollment-rate"),
        # a grade of age: a comparative with "than", a superlative with "the"
        (
            "Isn't the Center of Chinese and Greek Ancient Civilizations older than ten years?",
            "older",
            "chinese-greek-civilizations-center",
        ),
        (
            "what is the newest centre",
            "newest",
            "chinese-greek-civilizations-center, south-asia-poverty-alleviation-center",
        ),
    ],
)
def test_a_judgement_of_worth_the_article_never_makes_is_refused(
    real_kb: KnowledgeBase, question: str, word: str, look: str
) -> None:
    assert refused(real_kb, question) == _JUDGED.format(word, look)


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # the article's own comparisons are of quantity
        ("what is the highest enrollment rate", "disability-enrollment-rate"),
        ("which level has the lowest enrollment rate", "higher-education-enrollment-rate"),
        ("high school enrollment rate in cq", "high-school-enrollment-rate"),
        # "top" of a person is the rank the record's role says; "top 1%" is the record's
        ("Who is the top official at Chongqing's education authority?", "liu-yanbing"),
        ("how many subjects rank in the ESI global top 1%", "esi-top-subjects"),
    ],
)
def test_comparisons_of_quantity_still_answer(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "word", "record"),
    [
        (
            "which university secretly hosted the fair",
            "secretly",
            "southwest-university-of-political-science-and-law",
        ),
        ("when was the go lesson quietly given", "quietly", "go-lesson"),
        # an ordinal says which one of several, which the record must say
        (
            "which university hosted the first fair",
            "first",
            "southwest-university-of-political-science-and-law",
        ),
        ("the second press conference date", "second", "press-conference"),
        # an adverb of manner said aside is still a claim ("set up ... gladly")
        (
            "which centre did chongqing set up to fight poverty gladly",
            "gladly",
            "south-asia-poverty-alleviation-center",
        ),
        (
            "who proudly presented the results at the press conference",
            "proudly",
            "liu-yanbing",
        ),
    ],
)
def test_an_adverb_of_manner_or_an_ordinal_no_record_states_is_refused(
    real_kb: KnowledgeBase, question: str, word: str, record: str
) -> None:
    found = real_kb.get(record)
    assert refused(real_kb, question) == (
        f'the article does not say "{word}" of {found.name}; worth a look: {record}'
    )


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # a fact-check's filler only asks whether it is so
        (
            "which university actually hosted the fair",
            "southwest-university-of-political-science-and-law",
        ),
        ("how many teachers are there exactly", "teachers"),
        # an adverb the record states, one of frequency, an aside before the question word
        ("how many brands does the city promote globally", "globally-promoted-brands"),
        ("how many principals are trained in Singapore annually", "principals-trained-at-ntu"),
        ("so basically how many subjects are in the ESI top 1%", "esi-top-subjects"),
        # an ordinal the record says
        (
            "Which reform was selected as one of China's first national pilot programs?",
            "campus-football-reform",
        ),
    ],
)
def test_fillers_frequencies_and_stated_adverbs_still_answer(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "word", "record"),
    [
        # what is said of the subject belongs to other records ("free" is preschool's)
        ("are schools free in chongqing", "free", "schools"),
        ("is go taught in chongqing schools", "go", "teachers"),
    ],
)
def test_a_yes_no_question_saying_what_only_other_records_say_is_refused(
    real_kb: KnowledgeBase, question: str, word: str, record: str
) -> None:
    found = real_kb.get(record)
    assert refused(real_kb, question) == (
        f'the article does not say "{word}" of {found.name}; worth a look: {record}'
    )


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("is preschool free", "free-preschool-year"),
        ("is kindergarten inclusive in cq", "inclusive-preschool-coverage"),
        # a verb, and the kind of thing the subject is, are no claim of it
        ("are principals sent to singapore", "principals-trained-at-ntu"),
        (
            "is thailand one of the places chongqing works with on vocational training",
            "thailand",
        ),
    ],
)
def test_a_yes_no_question_its_record_says_still_answers(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
