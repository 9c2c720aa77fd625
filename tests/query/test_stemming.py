"""Search meets the forms of one word through their Snowball stem (`text.stem`)."""

from __future__ import annotations

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from cqedu.query.search import STEM_SCORE, query_words
from cqedu.store import index
from tests.conftest import MINI_FACTS


@pytest.fixture(scope="module")
def stemmed() -> KnowledgeBase:
    document = cqedu.load(MINI_FACTS, cache=False).document()
    names = {
        "mini-schools": "Enrollment of schools",
        "mini-teachers": "Universities",
        "mini-preschool-rate": "Graduate employment",
    }
    facts = tuple(f._replace(name=names.get(f.id, f.name), keywords=()) for f in document.facts)
    return cqedu.from_document(document._replace(facts=facts))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("enrollment", [("mini-schools", 100.0)]),
        ("enrolments", [("mini-schools", STEM_SCORE)]),
        ("enrolment", [("mini-schools", STEM_SCORE)]),
        ("universities", [("mini-teachers", 100.0)]),
        ("university", [("mini-teachers", STEM_SCORE)]),
        ("graduates", [("mini-preschool-rate", STEM_SCORE)]),
        # "employments" is as close to "employment" by spelling (95.2) as by stem
        ("graduate employments", [("mini-preschool-rate", 97.6)]),
    ],
)
def test_forms_of_one_word_meet(
    stemmed: KnowledgeBase, query: str, expected: list[tuple[str, float]]
) -> None:
    hits = stemmed.search(query)
    assert [(h.fact.id, h.score) for h in hits] == expected
    # the record's own word is what matched, so the table highlights it as written
    assert all(h.matched_field == "name" for h in hits)


def test_the_index_keeps_words_as_written_and_their_stems_beside_them(
    stemmed: KnowledgeBase,
) -> None:
    stemmed.search("schools")  # builds the index
    assert index.record_words(stemmed._db, 0)["name"] == ["enrollment", "of", "schools"]
    assert index.same_stem(stemmed._db, "enrol") == ["enrollment"]
    assert index.same_stem(stemmed._db, "universiti") == ["universities"]
    assert index.same_stem(stemmed._db, "school") == ["schools"]
    assert index.same_stem(stemmed._db, "zzz") == []


def test_a_query_keeps_one_word_per_stem() -> None:
    assert query_words("university universities Graduates graduate") == [
        "university",
        "graduates",
    ]
