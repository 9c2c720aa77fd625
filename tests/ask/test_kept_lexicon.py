"""A question's Lexicon, kept in the cache file by the first question and read by the next:
the same words and the same answers as one worked out, and worked out again when it is stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import cqedu
from cqedu.ask import language
from cqedu.ask.language import Lexicon
from cqedu.cli import app
from cqedu.core.errors import NoMatchError
from cqedu.knowledge import KnowledgeBase
from tests.conftest import MINI_FACTS, REAL_FACTS, python_code
from tests.test_ask import QUESTIONS, labelled

TERMS = b'\n[[terms]]\nterm = "teachers"\nsynonyms = ["educators"]\n'


def attributes(lexicon: Lexicon) -> tuple[object, ...]:
    return (
        lexicon.words,
        lexicon.known,
        lexicon.records,
        lexicon.terms,
        lexicon.synonyms,
        lexicon.declared,
        lexicon.units,
        lexicon.verb_roots,
    )


def result(kb: KnowledgeBase, question: str) -> tuple[str, ...]:
    """What a question gives: the answer's line and records, or the refusal."""
    try:
        answer = kb.ask(question)
    except NoMatchError as error:
        return ("refused", str(error))
    return (answer.text, *(f.id for f in answer.named), "|", *(f.id for f in answer.related))


def test_the_kept_lexicon_is_the_one_worked_out(
    real_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out = attributes(Lexicon(real_kb))
    first = cqedu.load(REAL_FACTS)
    try:
        assert attributes(Lexicon(first)) == worked_out  # worked out, and kept
    finally:
        first.close()
    monkeypatch.setattr(language, "_worked_out", None)  # calling it would fail
    again = cqedu.load(REAL_FACTS)
    try:
        assert attributes(Lexicon(again)) == worked_out
    finally:
        again.close()


def test_the_tuning_questions_get_the_same_answers_from_the_kept_lexicon(
    real_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = [str(item["question"]) for item in labelled(QUESTIONS)]
    expected = [result(real_kb, q) for q in questions]
    first = cqedu.load(REAL_FACTS)
    first.ask("how many teachers")  # keeps the lexicon
    first.close()
    monkeypatch.setattr(language, "_worked_out", None)  # calling it would fail
    cached = cqedu.load(REAL_FACTS)
    try:
        assert [result(cached, q) for q in questions] == expected
    finally:
        cached.close()


def test_an_edited_facts_file_gets_its_lexicon_worked_out_again(tmp_path: Path) -> None:
    facts = tmp_path / "mini.toml"
    facts.write_bytes(MINI_FACTS.read_bytes())
    before = cqedu.load(facts)
    with pytest.raises(NoMatchError, match='the article does not mention "educators"'):
        before.ask("how many educators are there")
    before.close()
    facts.write_bytes(MINI_FACTS.read_bytes() + TERMS)
    after = cqedu.load(facts)
    assert after.ask("how many educators are there").record.id == "mini-teachers"
    after.close()


def test_without_a_usable_cache_folder_questions_are_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(blocker / "cache"))
    facts = tmp_path / "mini.toml"
    facts.write_bytes(MINI_FACTS.read_bytes() + TERMS)
    for _ in range(2):  # nothing kept: each works it out
        done = CliRunner().invoke(
            app, ["--facts", str(facts), "ask", "how many educators are there"]
        )
        assert (done.exit_code, done.stdout) == (0, "over 2.5 million teachers (Schools \u00b62)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "mini.toml"]


def test_a_question_of_known_words_does_not_load_the_stemmer(tmp_path: Path) -> None:
    code = (
        "import sys, cqedu; kb = cqedu.load(); "
        "print(kb.ask('how many teachers').record.id, 'Stemmer' in sys.modules)"
    )
    found = [python_code(code, CQEDU_CACHE_DIR=str(tmp_path)).stdout for _ in range(2)]
    # the first works the stems out (loading the stemmer) and keeps them; the second reads them
    assert found == ["teachers True\n", "teachers False\n"]


def test_the_kept_close_spellings_are_rapidfuzz_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rapidfuzz import fuzz, process

    from cqedu.store.lexicon import close_spellings

    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    kb = cqedu.load(REAL_FACTS)
    try:
        words = Lexicon(kb).words
        kept = kb.index_words.stored_lexicon(language._depends())
    finally:
        kb.close()
    assert kept is not None and kept.close is not None
    expected = {
        word: [
            (other, ratio)
            for other, ratio, _ in process.extract(
                word, words, scorer=fuzz.ratio, score_cutoff=language.TYPO_SCORE, limit=None
            )
            if other != word
        ]
        for word in words
        if len(word) >= 5
    }
    assert close_spellings(kept.close) == {w: spelt for w, spelt in expected.items() if spelt}
    assert close_spellings(kept.close)["schools"] == [("school", 92.3076923076923)]


def test_a_question_of_record_words_does_not_load_rapidfuzz(tmp_path: Path) -> None:
    code = (
        "import sys, cqedu; kb = cqedu.load(); "
        "print(kb.ask('how many teachers').record.id, 'rapidfuzz' in sys.modules, "
        "kb.ask('how many teachrs').record.id, 'rapidfuzz' in sys.modules)"
    )
    found = [python_code(code, CQEDU_CACHE_DIR=str(tmp_path)).stdout for _ in range(2)]
    # the first works the close spellings out (with rapidfuzz) and keeps them; the second
    # reads them, and loads rapidfuzz only for the typo
    assert found == ["teachers True teachers True\n", "teachers False teachers True\n"]


def test_too_many_record_words_keep_no_close_spellings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(language, "MOST_WORDS_SPELT_CLOSE", 10)
    kb = cqedu.load(REAL_FACTS)
    try:
        assert kb.ask("how many teachrs").record.id == "teachers"
        kept = kb.index_words.stored_lexicon(language._depends())
        assert kept is not None and kept.close is None
        assert kb.ask("how many schools").record.id == "schools"  # close spellings by rapidfuzz
    finally:
        kb.close()
