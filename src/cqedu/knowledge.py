"""The public query API: a KnowledgeBase answers what the CLI asks, and never prints."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.matching import MAX_NAME_CHARS, Vocabulary, holding_words, suggest
from cqedu.core.text import blank_escape_sequences, drop_invisible, shown_typed
from cqedu.facts.model import Country, Fact, FactsDocument, Level, SearchHit, Source, Term
from cqedu.query import listing
from cqedu.query.names import Names
from cqedu.query.words import IndexWords
from cqedu.store.cache import build_memory_index, default_cache_dir, open_store
from cqedu.store.records import Records, SourceInfo

if TYPE_CHECKING:
    from cqedu.ask.question import Answer
    from cqedu.query.search import SearchOutcome

__all__ = [
    "FactsPaths",
    "KnowledgeBase",
    "SourceInfo",
    "bundled_facts_path",
    "from_document",
    "load",
]

ID_SUGGEST_SCORE = 75.0
#: At most this many ids are offered for an id no record has; more is a search.
ID_SUGGESTIONS = 3


def bundled_facts_path() -> Path:
    """The facts file that ships with cqedu."""
    packaged = Path(__file__).with_name("facts.toml")  # where the wheel puts it
    if packaged.is_file():
        return packaged
    # A source checkout or editable install: the one copy at the repository root.
    return Path(__file__).resolve().parents[2] / "facts.toml"


FactsPaths = str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


def load(
    paths: FactsPaths = None, *, cache: bool = True, for_search: bool = False
) -> KnowledgeBase:
    """Open one or more facts files or folders (the bundled file by default) as one KnowledgeBase.

    `paths` is a path or a sequence of them; a folder stands for every `*.toml` file in it
    (sorted; subfolders are not read). Each file is a complete facts file; levels and
    countries they share are merged. Raises FactsError naming the file, record and field
    when a file is unusable, or the id and both files when two files clash. With `cache`
    (the default) what each file contributes is kept in the user's cache folder (see
    `default_cache_dir`), so the next load reads only the files that changed. `for_search`
    says a search will follow, so its index is built in the same run.
    """
    if paths is None or isinstance(paths, str | os.PathLike):
        given = [Path(paths)] if paths is not None else []
    else:
        given = [Path(path) for path in paths]
    facts_paths = given or [bundled_facts_path()]
    cache_dir = default_cache_dir() if cache else None
    connection, cache_file = open_store(facts_paths, cache_dir, for_search=for_search)
    single = facts_paths[0] if len(facts_paths) == 1 else None
    kb = KnowledgeBase(connection, single, cache_file, paths=facts_paths)
    if for_search and cache_file is not None:
        kb.index_words.index()  # built in the same run, so it is kept in the cache file
    return kb


def from_document(document: FactsDocument) -> KnowledgeBase:
    """A KnowledgeBase over records already in memory (no file, no cache)."""
    return KnowledgeBase(build_memory_index(document), None)


class KnowledgeBase:
    """The public query API over the validated records of one or more facts files (`load`).

    A facade: records are read by `cqedu.store.records.Records`, typed names resolved by
    `cqedu.query.names.Names`, listings built by `cqedu.query.listing`, searches ranked by
    `cqedu.query.search`, questions answered by `cqedu.ask`.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        cache_file: Path | None = None,
        *,
        paths: Sequence[Path] = (),
        only: frozenset[str] | None = None,
    ) -> None:
        self._db = connection
        self._cache_file = cache_file
        self._records = Records(connection, only)
        self.names = Names(self._records)
        """The resolvers of typed levels, units, kinds, subject fields and countries."""
        self.index_words = IndexWords(self._records, cache_file)
        """The search index's words: vocabulary, document frequency, records holding them."""
        self.path = path
        """The facts file this knowledge base was read from, if it was one file."""
        self.paths: tuple[Path, ...] = tuple(paths) or ((path,) if path is not None else ())
        """The files and folders this knowledge base was read from, as given."""
        self.only = only
        """Ids of the sources whose records queries keep, or None for all."""

    def only_sources(self, ids: Iterable[str]) -> KnowledgeBase:
        """This knowledge base, keeping only records of the sources with these ids.

        Every query (figures, programs, partners, facts, document, search) honours it;
        `get` still finds any record by id. NoMatchError for a source id no source has (as
        `get` for a record id), QueryError for one without letters or digits; both list the
        known ids. No ids: the knowledge base unchanged.
        """
        known = Vocabulary(
            "source",
            ((s.id, s.id, ()) for s in self.sources),
            listing="known sources",
            absent='no source has id "{name}"',
        )
        wanted = frozenset(known.resolve(text) for text in ids)
        if not wanted:
            return self
        return KnowledgeBase(self._db, self.path, self._cache_file, paths=self.paths, only=wanted)

    def close(self) -> None:
        """Release the store."""
        self._db.close()

    # ------------------------------------------------------------ vocabularies

    @property
    def sources(self) -> tuple[Source, ...]:
        """The articles the facts come from (all of them, whatever `only` keeps)."""
        return self._records.sources

    def source_list(self, *, kept_only: bool = True) -> list[SourceInfo]:
        """Each source with its facts file and number of records, in file order."""
        return self._records.source_list(kept_only=kept_only)

    @property
    def levels(self) -> tuple[Level, ...]:
        """Every known education level, with or without figures."""
        return self._records.levels

    @property
    def countries(self) -> tuple[Country, ...]:
        """Every known partner country or region."""
        return self._records.countries

    @property
    def terms(self) -> tuple[Term, ...]:
        """Words of the records and the synonyms questions may use for them (`[[terms]]`)."""
        return self._records.terms

    def program_fields(self) -> list[str]:
        """Distinct subject fields of programs, in first-seen order."""
        return self._records.program_fields()

    def units(self) -> list[str]:
        """Distinct units of the figures, in first-seen order."""
        return self._records.units()

    def ids(self) -> list[str]:
        """Every record id, in file order."""
        return self._records.ids()

    @property
    def level_names(self) -> Vocabulary[Level]:
        """Levels by id, name and alias, as `--level` and questions take them."""
        return self.names.levels

    def resolve_level(self, text: str) -> Level:
        """The level `text` names, by id, name, alias, word or close spelling; else QueryError."""
        return self.names.levels.resolve(text)

    def resolve_kind(self, text: str) -> str:
        """The kind `text` names: stat, program, ..., a plural, or a close spelling."""
        return self.names.kinds.resolve(text)

    # ------------------------------------------------------------ records

    def facts(self) -> list[Fact]:
        """Every record of the kept sources, in file order."""
        return self._records.facts("ORDER BY pos")

    def document(self) -> FactsDocument:
        """The whole knowledge base as a FactsDocument (what export writes)."""
        return FactsDocument(
            self.sources, self.levels, self.countries, tuple(self.facts()), self.terms
        )

    def get(self, fact_id: str) -> Fact:
        """The record with this id (ids are lowercase slugs, so case is forgiven, and so
        are invisible format characters, a zero-width space pasted with it); QueryError for
        an id that is empty or has no letter or digit, NoMatchError with suggestions when
        no record has it."""
        shown = shown_typed(fact_id)
        wanted = drop_invisible(fact_id).strip()
        if not wanted:
            raise QueryError("empty id; give a record id (list them with: cqedu export -F id)")
        if not any(char.isalnum() for char in wanted):  # malformed, as for every filter
            raise QueryError(
                f'id "{shown}" has no letters or digits; give a record id (list them with: '
                "cqedu export -F id)"
            )
        found = self._records.facts("WHERE id = ?", (wanted.lower(),), kept_only=False)
        if found:
            return found[0]
        if len(fact_id) > MAX_NAME_CHARS:  # not quoted back whole, nor matched by spelling
            raise NoMatchError(
                f"no record has that id ({len(fact_id):,} characters); "
                "list ids with: cqedu export -F id"
            )
        raise NoMatchError(f'no record has id "{shown}"{self._id_hint(wanted)}')

    def _id_hint(self, typed: str) -> str:
        """What to offer for an id no record has: near spellings of whole ids, else the few
        ids holding every typed word ("leicester"), else how to find one."""
        ids = self.ids()
        # Ids share prefixes and words, so only near-misses are worth offering.
        close = suggest(typed, ids, cutoff=ID_SUGGEST_SCORE) or holding_words(typed, ids)
        if close and len(close) <= ID_SUGGESTIONS:
            return f"; did you mean {', '.join(close)}?"
        if close:
            import shlex  # deferred: only an unknown id that many ids hold quotes it

            return (
                f"; {len(close):,} ids hold those words; find the one with: "
                f"cqedu search {shlex.quote(typed.strip())}"
            )
        return "; list ids with: cqedu export -F id"

    def figures(self, level: str | None = None, unit: str | None = None) -> list[Fact]:
        """Every record with a figure, optionally of one level and one unit (given as typed)."""
        return listing.figures(self._records, self.names, level, unit)

    def records(self, kind: str | None = None) -> list[Fact]:
        """Every record in file order, or those of one kind (given as typed)."""
        if kind is None:
            return self.facts()
        return listing.of_kind(self._records, self.names, kind)

    def programs(self, field: str | None = None) -> list[Fact]:
        """Programs (optionally of one field), each followed by the figures tied to it."""
        return listing.programs(self._records, self.names, field)

    def partners(self, country: str | None = None) -> list[Fact]:
        """Partner institutions, countries and centres, optionally of one country."""
        return listing.partners(self._records, self.names, country)

    # ------------------------------------------------------------ search and questions

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Records matching a free-text query, best first; an empty list when none do."""
        return self.search_outcome(query, limit).hits

    def find(self, query: str, limit: int = 10, kind: str | None = None) -> list[SearchHit]:
        """`search`, optionally only among records of one kind (given as typed)."""
        return self.search_outcome(query, limit, kind=kind).hits

    def search_outcome(
        self, query: str, limit: int = 10, *, kind: str | None = None
    ) -> SearchOutcome:
        """A search's results with what to tell the user: ignored words, how many more.

        Only records of the kept sources (`only_sources`) and of `kind` (given as typed, as
        `--kind` takes it) count, before the limit. Words of the query that match nothing
        anywhere are left out rather than sinking the others; when no record matches all
        the words, the one whose absence leaves the fewest results is set aside.
        `cqedu.query.search.outcome_lines` words what to tell the user on stderr.
        """
        # deferred for start-up: only a search needs the ranking and the index
        from cqedu.query.search import search_records

        kinds = None if kind is None else (self.resolve_kind(kind),)
        # a query pasted from a coloured terminal is the words it showed
        return search_records(self.index_words, blank_escape_sequences(query), limit, kinds=kinds)

    def ask(self, question: str) -> Answer:
        """The direct answer to a question in plain English (see `cqedu.ask.question`).

        QueryError for an empty or wordless question; NoMatchError, saying what the
        article does not give, when no record answers it.
        """
        from cqedu.ask.question import ask  # deferred: only questions need the question logic

        return ask(self, blank_escape_sequences(question))
