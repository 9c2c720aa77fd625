"""Search meets the forms of one word through their Snowball stem (`text.stem`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from cqedu.query.search import STEM_SCORE
from cqedu.store import index
from tests.conftest import MINI_FACTS, python_code


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


def test_a_search_of_words_the_index_holds_does_not_load_the_stemmer(tmp_path: Path) -> None:
    code = (
        "import sys, cqedu; kb = cqedu.load(sys.argv[1], for_search=True); "
        "first = [h.fact.id for h in kb.search('robot club')]; "
        "before = 'Stemmer' in sys.modules; "
        "second = [h.fact.id for h in kb.search('robots clubbing')]; "
        "print(first[0], before, second[0], 'Stemmer' in sys.modules)"
    )
    for _ in range(2):  # the first run builds the index (stemming its words) in the cache
        done = python_code(code, str(MINI_FACTS), CQEDU_CACHE_DIR=str(tmp_path))
    # words the index holds take their stems from it; "clubbing" needs the stemmer
    assert done.stdout.split() == ["mini-robot-club", "False", "mini-robot-club", "True"]
