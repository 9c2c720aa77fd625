"""English irregular verb forms and plurals, and their lemmas (pyinflect's table of the
AGID word lists), indexed once in the cache folder.

Snowball stems "brought" apart from "bring" and "paid" apart from "pay": a question's
irregular past stands for a record's other form of the verb only by a table of forms.
pyinflect ships one (`infl.csv`, 2.7 MB, every English verb's past, participle, -ing and
-s forms; MIT licence, no dependencies); reading and filtering it costs a question about
0.2 s. The first question holding a word the records do not use copies the forms Snowball
does not join to their verb (about 1,000) into a SQLite table in the cache folder; every
later one looks its word up there. Without a usable cache folder the table is read into
memory.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from cqedu.core.packages import package_file
from cqedu.core.text import stem
from cqedu.store.cache import data_copy, default_cache_dir

#: The table's shape; a change here must change _FORMAT, and so the file's name.
_SCHEMA = (
    "CREATE TABLE forms (word TEXT NOT NULL, lemma TEXT NOT NULL, PRIMARY KEY (word, lemma))"
    " WITHOUT ROWID"
)
_FORMAT = 1


def _source() -> Path | None:
    """pyinflect's table of forms, found without importing the package."""
    return package_file("pyinflect", "infl.csv")


def _loaded(source: Path, part: str = "V") -> list[tuple[str, str]]:
    """Each form of a verb (`part` "V") or noun ("N") whose Snowball stem is not its
    lemma's, with that lemma.

    A row of the table is "bring,V,brought,<>,bringing,brings": the lemma, "V", then the
    forms, variants split by "/" ("paid/payed"), "<>" for a participle like the past; a
    noun's row is "child,N,children".
    """
    # deferred: only building the copy (or a question without a cache folder) reads it
    import csv

    pairs: list[tuple[str, str]] = []
    with source.open(encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows):
            if len(row) < 3 or row[1] != part or not row[0].isalpha():
                continue
            lemma = row[0].lower()
            root = stem(lemma)
            for cell in row[2:]:
                for form in cell.lower().split("/"):
                    if form != lemma and form.isalpha() and stem(form) != root:
                        pairs.append((form, lemma))
    return list(dict.fromkeys(pairs))


def _fill(connection: sqlite3.Connection) -> None:
    """The indexed copy's table of forms."""
    source = _source()
    connection.execute(_SCHEMA)
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO forms VALUES (?, ?)", _loaded(source) if source else [])
    connection.execute("COMMIT")


@cache
def _table() -> sqlite3.Connection | None:
    """A read-only connection to the indexed copy, built on first use (named by the
    table's size and time: a new release of pyinflect is indexed anew); None when there
    is no cache folder to keep it in, or it cannot be written or read."""
    return data_copy(default_cache_dir(), f"verb-lemmas-{_FORMAT}", [_source()], _fill)


@cache
def _in_memory() -> dict[str, tuple[str, ...]]:
    source = _source()
    lemmas: dict[str, tuple[str, ...]] = {}
    for word, lemma in _loaded(source) if source is not None else []:
        lemmas[word] = (*lemmas.get(word, ()), lemma)
    return lemmas


def verb_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of an irregular verb form that Snowball stems apart from them
    ("brought": ("bring",); "paid": ("pay",)), from pyinflect's table; () for any other
    word, or when pyinflect is not installed. Pass the word lower-case."""
    table = _table()
    if table is not None:
        try:
            rows = table.execute("SELECT lemma FROM forms WHERE word = ?", (word,))
            return tuple(str(lemma) for (lemma,) in rows)
        except sqlite3.Error:
            pass  # a copy removed or damaged under us: the table in memory answers
    return _in_memory().get(word, ())


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The irregular forms of a verb that Snowball stems apart from it ("meet": ("met",);
    "teach": ("taught",)), the other way round from `verb_lemmas`; () for a verb of regular
    forms or any other word. Pass the word lower-case."""
    table = _table()
    if table is not None:
        try:
            rows = table.execute("SELECT word FROM forms WHERE lemma = ?", (lemma,))
            return tuple(str(word) for (word,) in rows)
        except sqlite3.Error:
            pass  # a copy removed or damaged under us: the table in memory answers
    return tuple(form for form, lemmas in _in_memory().items() if lemma in lemmas)


def _fill_nouns(connection: sqlite3.Connection) -> None:
    """The indexed copy's table of irregular plurals."""
    source = _source()
    connection.execute(_SCHEMA)
    connection.execute("BEGIN")
    rows = _loaded(source, "N") if source else []
    connection.executemany("INSERT INTO forms VALUES (?, ?)", rows)
    connection.execute("COMMIT")


@cache
def _noun_table() -> sqlite3.Connection | None:
    """As `_table`, for the plurals of nouns."""
    return data_copy(default_cache_dir(), f"noun-lemmas-{_FORMAT}", [_source()], _fill_nouns)


@cache
def _nouns_in_memory() -> dict[str, str]:
    source = _source()
    singulars: dict[str, str] = {}
    for word, lemma in _loaded(source, "N") if source is not None else []:
        singulars[word] = min(lemma, singulars.get(word, lemma))
    return singulars


def noun_singular(word: str) -> str:
    """The singular of an irregular plural that Snowball stems apart from it ("children":
    "child"; "people": "person"; "analyses": "analysis"), from pyinflect's table; the word
    itself for any other word (a regular plural stems as its singular), or when pyinflect
    is not installed. Pass the word lower-case. A form of several nouns takes the first in
    alphabetical order, so every caller reads it alike."""
    table = _noun_table()
    if table is not None:
        try:
            row = table.execute(
                "SELECT lemma FROM forms WHERE word = ? ORDER BY lemma LIMIT 1", (word,)
            ).fetchone()
            return str(row[0]) if row else word
        except sqlite3.Error:
            pass  # a copy removed or damaged under us: the table in memory answers
    return _nouns_in_memory().get(word, word)


def _nouns_alike(source: Path) -> list[tuple[str, str]]:
    """Each form of a noun whose Snowball stem another noun of the table shares, with its
    lemma ("nationalities": "nationality", beside "national"); nouns that are also forms
    of a verb are left out, as a verb and the noun of its act are one word's meaning
    ("cooperate", "cooperation")."""
    # deferred: only building the copy (or a question without a cache folder) reads it
    import csv

    verbs: set[str] = set()
    nouns: dict[str, set[str]] = {}
    with source.open(encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows):
            if len(row) < 3 or row[1] not in ("N", "V") or not row[0].isalpha():
                continue
            lemma = row[0].lower()
            forms = {lemma} | {f for c in row[2:] for f in c.lower().split("/") if f.isalpha()}
            if row[1] == "V":
                verbs |= forms
            else:
                nouns.setdefault(lemma, set()).update(forms)
    by_stem: dict[str, list[str]] = {}
    for lemma, forms in nouns.items():
        if not forms & verbs:
            by_stem.setdefault(stem(lemma), []).append(lemma)
    return [
        (form, lemma)
        for lemmas in by_stem.values()
        if len(lemmas) > 1
        for lemma in lemmas
        for form in sorted(nouns[lemma])
    ]


def _fill_alike(connection: sqlite3.Connection) -> None:
    """The indexed copy's table of nouns Snowball stems alike."""
    source = _source()
    connection.execute(_SCHEMA)
    connection.execute("BEGIN")
    rows = _nouns_alike(source) if source else []
    connection.executemany("INSERT INTO forms VALUES (?, ?)", rows)
    connection.execute("COMMIT")


@cache
def _alike_table() -> sqlite3.Connection | None:
    """As `_table`, for the nouns Snowball stems alike."""
    return data_copy(default_cache_dir(), f"stem-nouns-{_FORMAT}", [_source()], _fill_alike)


@cache
def _alike_in_memory() -> dict[str, frozenset[str]]:
    source = _source()
    found: dict[str, set[str]] = {}
    for word, lemma in _nouns_alike(source) if source is not None else []:
        found.setdefault(word, set()).add(lemma)
    return {word: frozenset(lemmas) for word, lemmas in found.items()}


@cache  # several steps ask about the same word
def _noun_lemmas(word: str) -> frozenset[str]:
    table = _alike_table()
    if table is not None:
        try:
            rows = table.execute("SELECT lemma FROM forms WHERE word = ?", (word,))
            return frozenset(str(lemma) for (lemma,) in rows)
        except sqlite3.Error:
            pass  # a copy removed or damaged under us: the table in memory answers
    return _alike_in_memory().get(word, frozenset())


def other_nouns(first: str, second: str) -> bool:
    """Whether two words are forms of different nouns that Snowball stems alike
    ("nationalities", "national"; "educators", "education"), by pyinflect's table: each
    is a form of a noun of its own, and neither a form of the other's. False for a pair
    the table does not set apart (a word it does not hold, a verb and the noun of its
    act), or when pyinflect is not installed. Pass the words lower-case."""
    shorter, longer = sorted((first, second), key=len)
    if longer in (shorter, f"{shorter}s", f"{shorter}es"):
        return False  # a word and its plural: one noun, known without the table
    mine, theirs = _noun_lemmas(first), _noun_lemmas(second)
    return bool(mine) and bool(theirs) and not mine & theirs
