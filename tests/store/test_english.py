"""The English word list's indexed copy in the cache folder answers as the list does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cqedu.store import english
from tests.conftest import python_code

WORDS = ("school", "schools", "stools", "kindergarden", "kindergarten", "the", "skools", "eduction")


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    english._table.cache_clear()
    english.other_spelling.cache_clear()  # each test reads its own table
    yield
    english._table.cache_clear()
    english.other_spelling.cache_clear()


def expected(words: tuple[str, ...]) -> dict[str, int]:
    frequencies = english._loaded()
    return {word: frequencies[word] for word in words if word in frequencies}


def test_the_indexed_copy_gives_the_lists_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    got = english.english_counts(WORDS)
    assert got == expected(WORDS)
    assert "skools" not in got and "kindergarden" not in got
    assert got["school"] > got["stools"] > 0
    assert english.english_counts(()) == {}
    copies = [p.name for p in tmp_path.iterdir()]
    assert len(copies) == 1 and copies[0].startswith("english-words-2-")


def test_a_later_process_reads_the_copy_without_loading_the_list(tmp_path: Path) -> None:
    script = (
        "import sys; from cqedu.store.english import english_counts; "
        "print(sorted(english_counts(['school', 'skools']))); "
        "print('spellchecker' in sys.modules)"
    )
    first = python_code(script, CQEDU_CACHE_DIR=str(tmp_path))
    again = python_code(script, CQEDU_CACHE_DIR=str(tmp_path))
    assert first.stdout == "['school']\nTrue\n"
    assert again.stdout == "['school']\nFalse\n"


def test_a_later_process_reads_the_dual_spellings_without_importing_breame(
    tmp_path: Path,
) -> None:
    script = (
        "import sys; from cqedu.store.english import other_spelling; "
        "print(other_spelling('centres'), other_spelling('programme'), other_spelling('school')); "
        "print('breame' in sys.modules)"
    )
    runs = [python_code(script, CQEDU_CACHE_DIR=str(tmp_path)).stdout for _ in range(2)]
    assert runs == ["centers program None\nTrue\n", "centers program None\nFalse\n"]


def test_without_a_cache_folder_breames_table_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "default_cache_dir", lambda: None)
    english._table.cache_clear()
    english.other_spelling.cache_clear()
    assert (english.other_spelling("colour"), english.other_spelling("color")) == (
        "color",
        "colour",
    )
    assert english._table() is None


def test_without_a_usable_cache_folder_the_list_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(blocker / "cache"))
    assert english.english_counts(WORDS) == expected(WORDS)
    assert english._table() is None


def test_a_damaged_copy_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    written = english._table()  # the copy, named as every later run looks for it
    assert written is not None
    written.close()
    english._table.cache_clear()
    (copy,) = tmp_path.glob("english-words-*.sqlite3")
    copy.write_bytes(b"not a database at all" * 100)
    assert english.english_counts(WORDS) == expected(WORDS)
    assert english.other_spelling("centres") == "centers"
