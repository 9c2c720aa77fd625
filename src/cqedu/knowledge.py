"""The public query API: a KnowledgeBase answers what the CLI asks, and never prints."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Collection, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqedu import index
from cqedu.errors import NoMatchError, QueryError
from cqedu.matching import Vocabulary, suggest
from cqedu.model import Country, Fact, FactsDocument, Level, SearchHit, Source
from cqedu.store import (
    FACT_COLUMNS,
    build_memory_index,
    default_cache_dir,
    open_index,
    split_list,
)

if TYPE_CHECKING:
    from cqedu.search import SearchOutcome

_SELECT = f"SELECT {', '.join(FACT_COLUMNS)} FROM facts"  # noqa: S608 - fixed column names
ID_SUGGEST_SCORE = 75.0


def bundled_facts_path() -> Path:
    """The facts file that ships with cqedu."""
    packaged = Path(__file__).with_name("facts.toml")  # where the wheel puts it
    if packaged.is_file():
        return packaged
    # A source checkout or editable install: the one copy at the repository root.
    return Path(__file__).resolve().parents[2] / "facts.toml"


def load(
    path: str | os.PathLike[str] | None = None, *, cache: bool = True, for_search: bool = False
) -> KnowledgeBase:
    """Open a facts file (the bundled one by default) as a KnowledgeBase.

    Raises FactsError naming the file, record and field when the file is unusable.
    With `cache` (the default) the validated index is kept in the user's cache
    folder (see `default_cache_dir`) so the next load skips parsing. `for_search`
    says a search will follow, so its index is built in the same pass; without it
    the index is built by the first search.
    """
    facts_path = Path(path) if path is not None else bundled_facts_path()
    cache_dir = default_cache_dir() if cache else None
    connection, cache_file = open_index(facts_path, cache_dir, with_words=for_search)
    return KnowledgeBase(connection, facts_path, cache_file)


def from_document(document: FactsDocument) -> KnowledgeBase:
    """A KnowledgeBase over records already in memory (no file, no cache)."""
    return KnowledgeBase(build_memory_index(document), None)


def _fact(row: tuple[Any, ...]) -> Fact:
    # FACT_COLUMNS follow Fact's field order, the three list columns last.
    *scalars, fields, keywords, related = row
    return Fact(*scalars, split_list(fields), split_list(keywords), split_list(related))  # type: ignore[call-arg] # the 18 scalar columns


class KnowledgeBase:
    """Queries over one validated facts file."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path | None, cache_file: Path | None = None
    ) -> None:
        self._db = connection
        self._cache_file = cache_file
        self._vocabulary: index.Vocabulary | None = None  # reused by repeated searches
        self.path = path
        """The facts file this knowledge base was read from, if any."""

    def close(self) -> None:
        """Release the index."""
        self._db.close()

    # ------------------------------------------------------------ vocabularies

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """The articles the facts come from."""
        rows = self._db.execute(
            "SELECT id, title, file, date, summary, sections FROM sources ORDER BY pos"
        )
        return tuple(
            Source(id_, title, file, date, summary, split_list(sections))
            for id_, title, file, date, summary, sections in rows
        )

    @cached_property
    def levels(self) -> tuple[Level, ...]:
        """Every known education level, with or without figures."""
        rows = self._db.execute("SELECT id, name, aliases FROM levels ORDER BY pos")
        return tuple(Level(i, name, split_list(aliases)) for i, name, aliases in rows)

    @cached_property
    def countries(self) -> tuple[Country, ...]:
        """Every known partner country or region."""
        rows = self._db.execute("SELECT name, aliases FROM countries ORDER BY pos")
        return tuple(Country(name, split_list(aliases)) for name, aliases in rows)

    def program_fields(self) -> list[str]:
        """Distinct subject fields of programs, in first-seen order."""
        rows = self._db.execute(
            "SELECT field FROM program_fields GROUP BY field ORDER BY MIN(rowid)"
        )
        return [row[0] for row in rows]

    def ids(self) -> list[str]:
        """Every record id, in file order."""
        return [row[0] for row in self._db.execute("SELECT id FROM facts ORDER BY pos")]

    # ------------------------------------------------------------ records

    def _facts(self, where: str = "", params: Iterable[object] = ()) -> list[Fact]:
        return [_fact(row) for row in self._db.execute(f"{_SELECT} {where}", tuple(params))]

    def facts(self) -> list[Fact]:
        """Every record, in file order."""
        return self._facts("ORDER BY pos")

    def document(self) -> FactsDocument:
        """The whole knowledge base as a FactsDocument (what export writes)."""
        return FactsDocument(self.sources, self.levels, self.countries, tuple(self.facts()))

    def get(self, fact_id: str) -> Fact:
        """The record with this id; NoMatchError with suggestions when there is none."""
        found = self._facts("WHERE id = ?", (fact_id.strip(),))
        if found:
            return found[0]
        # Ids share prefixes and words, so only near-misses are worth offering.
        close = suggest(fact_id, self.ids(), cutoff=ID_SUGGEST_SCORE)
        hint = f"; did you mean {', '.join(close)}?" if close else "; list ids with: cqedu export"
        raise NoMatchError(f'no record has id "{fact_id}"{hint}')

    # ------------------------------------------------------------ figures

    @cached_property
    def level_names(self) -> Vocabulary[Level]:
        """Levels by id, name and alias, as `--level` and questions take them."""
        return Vocabulary("level", ((lv, lv.id, (lv.name, *lv.aliases)) for lv in self.levels))

    def resolve_level(self, text: str) -> Level:
        """The level `text` names, by id, name, alias, word or close spelling; else QueryError."""
        return self.level_names.resolve(text)

    def figures(self, level: str | None = None) -> list[Fact]:
        """Every record with a figure, optionally only those of one level (given as typed)."""
        if level is None:
            return self._facts("WHERE value IS NOT NULL ORDER BY pos")
        chosen = self.resolve_level(level)
        found = self._facts("WHERE value IS NOT NULL AND level = ? ORDER BY pos", (chosen.id,))
        if not found:
            raise NoMatchError(
                f'the source gives no figure for level "{chosen.id}" ({chosen.name})'
            )
        return found

    # ------------------------------------------------------------ programs

    def resolve_fields(self, text: str) -> list[str]:
        """Program fields `text` names: every field it stands in as words, else a close one."""
        fields = Vocabulary(
            "field", ((f, f, ()) for f in self.program_fields()), listing="fields of programs"
        )
        return fields.resolve_all(text)

    def programs(self, field: str | None = None) -> list[Fact]:
        """Programs (optionally of one field), each followed by the figures tied to it."""
        if field is None:
            programs = self._facts("WHERE kind = 'program' ORDER BY pos")
        else:
            wanted = self.resolve_fields(field)
            marks = ", ".join("?" * len(wanted))
            programs = self._facts(
                f"WHERE pos IN (SELECT pos FROM program_fields WHERE field IN ({marks})) "  # noqa: S608 - placeholders only
                "ORDER BY pos",
                wanted,
            )
        figures = {f.id: f for f in self._facts("WHERE value IS NOT NULL AND kind != 'program'")}
        tied: dict[str, list[Fact]] = {}
        for figure in figures.values():
            for other in figure.related:
                tied.setdefault(other, []).append(figure)
        result: list[Fact] = []
        shown: set[str] = set()
        for program in programs:
            result.append(program)
            shown.add(program.id)
            extra = [figures[i] for i in program.related if i in figures] + tied.get(program.id, [])
            for figure in extra:
                if figure.id not in shown:
                    result.append(figure)
                    shown.add(figure.id)
        return result

    # ------------------------------------------------------------ partners

    @cached_property
    def country_names(self) -> Vocabulary[Country]:
        """Countries and regions by name and alias, as `--country` and questions take them."""
        return Vocabulary(
            "country",
            ((c, c.name, c.aliases) for c in self.countries),
            listing="partner countries and regions",
        )

    def resolve_country(self, text: str) -> Country:
        """The country or region `text` names, by name, alias, word or close spelling."""
        return self.country_names.resolve(text)

    def partners(self, country: str | None = None) -> list[Fact]:
        """Partner institutions, countries and centres, optionally of one country."""
        if country is None:
            return self._facts("WHERE kind = 'partner' ORDER BY pos")
        chosen = self.resolve_country(country)
        found = self._facts("WHERE kind = 'partner' AND country = ? ORDER BY pos", (chosen.name,))
        if not found:
            raise NoMatchError(f"the source names no partner in {chosen.name}")
        return found

    # ------------------------------------------------------------ search

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Records matching a free-text query, best first; an empty list when none do."""
        return self.search_outcome(query, limit).hits

    def search_outcome(
        self, query: str, limit: int = 10, sources: Collection[str] | None = None
    ) -> SearchOutcome:
        """A search's results with what to tell the user: ignored words, how many more.

        `sources` keeps only the records of those source ids (before the limit). Words of
        the query that match nothing anywhere are left out rather than sinking the others;
        when no record matches all the words, the one whose absence leaves the fewest
        results is set aside.
        `cqedu.search.outcome_lines` words the rest for stderr.
        """
        if limit < 1:
            raise QueryError(f"limit must be 1 or more, got {limit}")
        from cqedu import search as _search  # deferred: only search needs it

        tokens = _search.query_words(query)  # refuse a bad query before building anything
        if not index.is_built(self._db):
            index.build(self._db, self._cache_file)
        notes = index.notes()
        ranking, self._vocabulary = _search.rank(
            self._db, query, tokens, limit, sources=sources, vocabulary=self._vocabulary
        )
        hits: list[SearchHit] = []
        for item in ranking.positions:
            fact = self._facts("WHERE pos = ?", (item.pos,))[0]
            hits.append(SearchHit(fact, item.score, item.field, item.words))
        more = ranking.total - len(hits)
        return _search.SearchOutcome(hits, ranking.ignored, ranking.set_aside, more, tuple(notes))
