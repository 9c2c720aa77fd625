"""A typo as close to a function word as to any record word is read as the commonest such
function word, never as the record word (`cqedu.ask.spelling`): "ther" is "the", not
"other"; "thre" is "the", not "three". A typo nearer a record word is still read as it.
A clipped word ("voc") and a declared short form typed in the singular ("yr") are read as
the record word they stand for. Phrasings are our own.
"""

from __future__ import annotations

import pytest

from cqedu.ask.language import Lexicon
from cqedu.ask.spelling import _clipped, corrected
from cqedu.core.text import words
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


def read_as(kb: KnowledgeBase, question: str) -> tuple[str, ...]:
    tokens = tuple(words(question))
    return corrected(Lexicon(kb), tokens, tuple(question.split()))


def test_a_typo_inside_a_noun_phrase_may_be_a_word_of_content(
    real_kb: KnowledgeBase,
) -> None:
    # "sha" is as close to "she" as to "shi": inside the noun phrase, the record word
    assert read_as(real_kb, "how many sha students") == ("how", "many", "shi", "students")
    assert refused(real_kb, "how many sha students") == (
        'the article does not answer "how many sha students"; no record covers all its '
        "words; worth a look: sino-foreign-annual-enrollment, international-students, "
        "students"
    )
    assert read_as(real_kb, "how many skool principals") == ("how", "many", "school", "principals")


@pytest.mark.parametrize(
    ("question", "typo"),
    [
        ("how many chn teachers", "chn"),
        ("how many bejing schools", "bejing"),
        ("how many ther schools", "ther"),
    ],
)
def test_a_typo_inside_a_noun_phrase_is_no_function_word(
    real_kb: KnowledgeBase, question: str, typo: str
) -> None:
    # between "many" and its noun no function word stands: read as "can", "being" or
    # "the" and dropped, the typo asked of every teacher or school
    assert typo in read_as(real_kb, question)
    assert refused(real_kb, question) == f'the article does not mention "{typo}"'


def test_a_function_word_typo_outside_a_noun_phrase_is_still_read(
    real_kb: KnowledgeBase,
) -> None:
    # after a verb, not after a determiner: the typo stands for the function word
    assert read_as(real_kb, "what is tha number of schools") == (
        "what",
        "is",
        "the",
        "number",
        "of",
        "schools",
    )
    assert real_kb.ask("what is tha number of schools").record.id == "schools"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many teachers are ther", ("how", "many", "teachers", "are", "the")),
        ("what are thre core goals", ("what", "are", "the", "core", "goals")),
        # nearer a record word than any function word: the record word
        ("how many techers are there", ("how", "many", "teachers", "are", "there")),
        ("how many studnets", ("how", "many", "students")),
    ],
)
def test_a_typo_as_close_to_a_function_word_is_that_word(
    real_kb: KnowledgeBase, question: str, expected: tuple[str, ...]
) -> None:
    assert read_as(real_kb, question) == expected


def test_a_function_word_typo_asks_what_the_question_without_it_asks(
    real_kb: KnowledgeBase,
) -> None:
    # "ther" read as "other" asked for teachers other than the ones the article counts
    answer = real_kb.ask("how many teachers are ther in chongqing")
    assert [f.id for f in answer.named] == ["teachers"]
    assert [f.id for f in real_kb.ask("how many schools r ther").named] == ["schools"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a clipped word: every record word it begins is a form of "vocational"
        ("what share of voc students", ("what", "share", "of", "vocational", "students")),
        # a declared short form in the singular ("yrs": years)
        ("free preschool each yr", ("free", "preschool", "each", "year")),
    ],
)
def test_a_short_form_is_read_as_the_record_word_it_stands_for(
    real_kb: KnowledgeBase, question: str, expected: tuple[str, ...]
) -> None:
    assert read_as(real_kb, question) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("voc", "vocational"),
        ("sci", "science"),
        # the record words it begins are of several words ("scholars", "school")
        ("sch", None),
        ("stu", None),
        ("xyzq", None),
    ],
)
def test_a_clipped_word_is_of_one_record_word(
    real_kb: KnowledgeBase, typed: str, expected: str | None
) -> None:
    assert _clipped(Lexicon(real_kb), typed) == expected


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # "world" is in the function-word list, but here the word of a record's name
        ("when was the wrold culture fair", ("when", "was", "the", "world", "culture", "fair")),
        ("who is the go wrold champion", ("who", "is", "the", "go", "world", "champion")),
    ],
)
def test_a_typo_of_a_common_word_inside_a_records_name_is_that_word(
    real_kb: KnowledgeBase, question: str, read: tuple[str, ...]
) -> None:
    assert read_as(real_kb, question) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("how many wrold students", ("how", "many", "wrold", "students")),
        ("what is the wrold population", ("what", "is", "the", "wrold", "population")),
    ],
)
def test_a_typo_of_a_common_word_outside_a_name_is_kept(
    real_kb: KnowledgeBase, question: str, read: tuple[str, ...]
) -> None:
    assert read_as(real_kb, question) == read
