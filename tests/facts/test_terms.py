"""The `[[terms]]` table: synonyms a facts file declares, validated, stored, merged, exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import cqedu
from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.loader import check_facts, parse_facts
from cqedu.facts.model import Term
from cqedu.knowledge import from_document
from tests.conftest import MINI_FACTS, REPO

TERMS = b"""
[[terms]]
term = "teachers"
synonyms = ["educators", "tutors"]

[[terms]]
term = "schools"
synonyms = ["campuses"]
"""


def test_terms_load_in_file_order() -> None:
    document = parse_facts(MINI_FACTS.read_bytes() + TERMS, "t.toml")
    assert document.terms == (
        Term("teachers", ("educators", "tutors")),
        Term("schools", ("campuses",)),
    )


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            b'[[terms]]\nterm = "teachers"\nsynonyms = []\n',
            't.toml: terms[0] (term "teachers"): synonyms: must list at least one synonym',
        ),
        (
            b'[[terms]]\nterm = "teachers"\nsynonyms = ["Teachers"]\n',
            't.toml: terms[0] (term "teachers"): synonyms[0]: "Teachers" is the term itself; '
            "remove it",
        ),
        (
            b'[[terms]]\nterm = "teachers"\n',
            't.toml: terms[0] (term "teachers"): synonyms: missing required field',
        ),
        (
            b'[[terms]]\nterm = "teachers"\nsynonym = ["tutors"]\n',
            't.toml: terms[0] (term "teachers"): synonym: unknown field (did you mean "synonyms"?)',
        ),
        (
            b'[[terms]]\nterm = "a"\nsynonyms = ["b"]\n[[terms]]\nterm = "A"\nsynonyms = ["c"]\n',
            't.toml: terms: "a" is defined twice',  # terms are compared as words
        ),
    ],
)
def test_a_faulty_terms_table_is_refused_naming_it(table: bytes, message: str) -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(MINI_FACTS.read_bytes() + b"\n" + table, "t.toml")
    assert str(caught.value) == message


def test_check_lists_a_terms_problem_with_its_line() -> None:
    text = MINI_FACTS.read_bytes() + b'\n[[terms]]\nterm = "teachers"\nsynonyms = []\n'
    _, problems, _ = check_facts(text, "t.toml")
    line = text.decode().splitlines().index("[[terms]]") + 1  # the table's line
    assert [(p.message, p.line) for p in problems] == [
        ('t.toml: terms[0] (term "teachers"): synonyms: must list at least one synonym', line)
    ]


def test_terms_of_several_files_are_merged(tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_bytes(
        (REPO / "tests" / "data" / "chengdu_facts.toml")
        .read_bytes()
        .replace(b'synonyms = ["tutors"]', b'synonyms = ["tutors", "educators"]')
    )
    mini = tmp_path / "mini.toml"
    mini.write_bytes(MINI_FACTS.read_bytes() + TERMS)
    kb = cqedu.load([mini, other], cache=False)
    try:
        assert kb.terms == (
            Term("teachers", ("educators", "tutors")),
            Term("schools", ("campuses",)),
        )
    finally:
        kb.close()


def test_terms_survive_the_cache_and_an_export(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_bytes(MINI_FACTS.read_bytes() + TERMS)
    for _ in range(2):  # written to the cache, then read from it
        kb = cqedu.load(path)
        assert [t.term for t in kb.terms] == ["teachers", "schools"]
        kb.close()
    result = CliRunner().invoke(app, ["--facts", str(path), "export", "-f", "toml"])
    assert result.exit_code == 0, result.output
    exported = parse_facts(result.stdout.encode(), "export.toml")
    assert exported.terms == parse_facts(path.read_bytes(), "mini.toml").terms


def test_the_bundled_facts_declare_the_issues_synonyms(real_kb: cqedu.KnowledgeBase) -> None:
    synonyms = {t.term: set(t.synonyms) for t in real_kb.terms}
    assert {"kids"} <= synonyms["children"]
    assert {"foreign"} <= synonyms["international"]
    assert {"grads"} <= synonyms["graduates"]
    assert {"heads"} <= synonyms["director"]
    assert {"colleges"} <= synonyms["higher education"]
    assert {"yrs"} <= synonyms["years"]


def test_a_document_in_memory_keeps_its_terms() -> None:
    kb = from_document(parse_facts(MINI_FACTS.read_bytes() + TERMS, "t.toml"))
    assert kb.document().terms == kb.terms
    kb.close()
