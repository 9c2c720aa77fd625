"""The public query API: a KnowledgeBase answers what the CLI asks, and never prints."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.matching import Vocabulary, suggest
from cqedu.facts.model import (
    KIND_TABLES,
    Country,
    Fact,
    FactsDocument,
    Level,
    SearchHit,
    Source,
    Term,
)
from cqedu.store.cache import (
    FACT_COLUMNS,
    FILE_STRIDE,
    build_memory_index,
    default_cache_dir,
    open_store,
    split_list,
)

if TYPE_CHECKING:
    from cqedu.ask.question import Answer
    from cqedu.query.search import SearchOutcome
    from cqedu.store import index

_COLUMNS = ", ".join(FACT_COLUMNS)
_SELECT = f"SELECT {_COLUMNS} FROM facts"  # noqa: S608 - fixed column names
ID_SUGGEST_SCORE = 75.0


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
    connection, cache_file = open_store(facts_paths, cache_dir)
    single = facts_paths[0] if len(facts_paths) == 1 else None
    kb = KnowledgeBase(connection, single, cache_file, paths=facts_paths)
    if for_search and cache_file is not None:
        from cqedu.store import index  # deferred: a query served from the cache never needs it

        if not index.is_built(connection):
            index.build(connection, cache_file)
    return kb


def from_document(document: FactsDocument) -> KnowledgeBase:
    """A KnowledgeBase over records already in memory (no file, no cache)."""
    return KnowledgeBase(build_memory_index(document), None)


class SourceInfo(NamedTuple):
    """One source of a knowledge base, as `cqedu sources` lists it."""

    source: Source
    """The source itself."""
    facts_file: str
    """The facts file it was read from ("" for a knowledge base built in memory)."""
    records: int
    """How many records cite it."""


def _fact(row: tuple[Any, ...]) -> Fact:
    # FACT_COLUMNS follow Fact's field order, the three list columns last.
    *scalars, fields, keywords, related = row
    return Fact(*scalars, split_list(fields), split_list(keywords), split_list(related))  # type: ignore[call-arg] # the 18 scalar columns


class KnowledgeBase:
    """Queries over the validated records of one or more facts files (`load`)."""

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
        self._vocabulary: index.Vocabulary | None = None  # reused by repeated searches
        self.path = path
        """The facts file this knowledge base was read from, if it was one file."""
        self.paths: tuple[Path, ...] = tuple(paths) or ((path,) if path is not None else ())
        """The files and folders this knowledge base was read from, as given."""
        self.only = only
        """Ids of the sources whose records queries keep, or None for all."""

    def only_sources(self, ids: Iterable[str]) -> KnowledgeBase:
        """This knowledge base, keeping only records of the sources with these ids.

        Every query (figures, programs, partners, facts, document, search) honours it;
        `get` still finds any record by id. QueryError for an unknown source id, listing
        the known ones. No ids: the knowledge base unchanged.
        """
        known = Vocabulary(
            "source", ((s.id, s.id, ()) for s in self.sources), listing="known sources"
        )
        wanted = frozenset(known.resolve(text) for text in ids)
        if not wanted:
            return self
        return KnowledgeBase(self._db, self.path, self._cache_file, paths=self.paths, only=wanted)

    def close(self) -> None:
        """Release the index."""
        self._db.close()

    # ------------------------------------------------------------ vocabularies

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """The articles the facts come from (all of them, whatever `only` keeps)."""
        return tuple(info.source for info in self.source_list(kept_only=False))

    def source_list(self, *, kept_only: bool = True) -> list[SourceInfo]:
        """Each source with its facts file and number of records, in file order."""
        counts = dict(self._db.execute("SELECT source, COUNT(*) FROM facts GROUP BY source"))
        places = dict(self._db.execute("SELECT place, path FROM files"))
        rows = self._db.execute(
            "SELECT pos, id, title, file, date, summary, sections FROM sources ORDER BY pos"
        )
        return [
            SourceInfo(
                Source(id_, title, file, date, summary, split_list(sections)),
                places.get(pos // FILE_STRIDE, ""),
                counts.get(id_, 0),
            )
            for pos, id_, title, file, date, summary, sections in rows
            if not kept_only or self.only is None or id_ in self.only
        ]

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

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        """Words of the records and the synonyms questions may use for them (`[[terms]]`)."""
        rows = self._db.execute("SELECT term, synonyms FROM terms ORDER BY pos")
        return tuple(Term(term, split_list(synonyms)) for term, synonyms in rows)

    def program_fields(self) -> list[str]:
        """Distinct subject fields of programs, in first-seen order."""
        rows = self._db.execute("SELECT field FROM program_fields ORDER BY pos, rowid")
        return list(dict.fromkeys(row[0] for row in rows))

    def ids(self) -> list[str]:
        """Every record id, in file order."""
        return [row[0] for row in self._db.execute("SELECT id FROM facts ORDER BY pos")]

    # ------------------------------------------------------------ records

    def _facts(
        self, where: str = "", params: Iterable[object] = (), *, kept_only: bool = True
    ) -> list[Fact]:
        """Records of a WHERE clause (with ORDER BY), only of the kept sources unless not
        `kept_only`."""
        params = tuple(params)
        if self.only is not None and kept_only:
            marks = ", ".join("?" * len(self.only))
            kept = f"source IN ({marks})"
            if where.startswith("WHERE "):
                where = f"WHERE {kept} AND {where[6:]}"
            else:
                where = f"WHERE {kept} {where}"
            params = (*sorted(self.only), *params)
        return [_fact(row) for row in self._db.execute(f"{_SELECT} {where}", params)]

    def facts(self) -> list[Fact]:
        """Every record, in file order."""
        return self._facts("ORDER BY pos")

    def document(self) -> FactsDocument:
        """The whole knowledge base as a FactsDocument (what export writes)."""
        return FactsDocument(
            self.sources, self.levels, self.countries, tuple(self.facts()), self.terms
        )

    def get(self, fact_id: str) -> Fact:
        """The record with this id (ids are lowercase slugs, so case is forgiven);
        QueryError for an empty id, NoMatchError with suggestions when there is none."""
        if not fact_id.strip():
            raise QueryError("empty id; give a record id (list them with: cqedu export -F id)")
        found = self._facts("WHERE id = ?", (fact_id.strip().lower(),), kept_only=False)
        if found:
            return found[0]
        # Ids share prefixes and words, so only near-misses are worth offering.
        close = suggest(fact_id, self.ids(), cutoff=ID_SUGGEST_SCORE)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else "; list ids with: cqedu export -F id"
        )
        raise NoMatchError(f'no record has id "{fact_id}"{hint}')

    # ------------------------------------------------------------ figures

    @cached_property
    def level_names(self) -> Vocabulary[Level]:
        """Levels by id, name and alias, as `--level` and questions take them."""
        return Vocabulary("level", ((lv, lv.id, (lv.name, *lv.aliases)) for lv in self.levels))

    def resolve_level(self, text: str) -> Level:
        """The level `text` names, by id, name, alias, word or close spelling; else QueryError."""
        return self.level_names.resolve(text)

    def units(self) -> list[str]:
        """Distinct units of the figures, in first-seen order."""
        rows = self._db.execute(
            "SELECT unit FROM facts WHERE unit IS NOT NULL GROUP BY unit ORDER BY MIN(pos)"
        )
        return [row[0] for row in rows]

    def resolve_unit(self, text: str) -> str:
        """The unit `text` names ("percent", "students"), forgiving a close spelling."""
        units = Vocabulary("unit", ((u, u, ()) for u in self.units()), listing="units of figures")
        return units.resolve(text)

    def figures(self, level: str | None = None, unit: str | None = None) -> list[Fact]:
        """Every record with a figure, optionally of one level and one unit (given as typed)."""
        chosen = self.resolve_level(level) if level is not None else None
        wanted_unit = self.resolve_unit(unit) if unit is not None else None
        where, params = "WHERE value IS NOT NULL", []
        if chosen is not None:
            where, params = f"{where} AND level = ?", [chosen.id]
        if wanted_unit is not None:
            where, params = f"{where} AND unit = ?", [*params, wanted_unit]
        found = self._facts(f"{where} ORDER BY pos", params)
        if found:
            return found
        if chosen is None:  # only a unit was asked, and units come from the figures
            raise NoMatchError(f'no figure is counted in "{wanted_unit}"')
        in_unit = f' in "{wanted_unit}"' if wanted_unit is not None else ""
        raise NoMatchError(
            f'the source gives no figure{in_unit} for level "{chosen.id}" ({chosen.name})'
        )

    # ------------------------------------------------------------ kinds

    @cached_property
    def kind_names(self) -> Vocabulary[str]:
        """Kinds of record by name and plural (stat/stats, person/people), as --kind takes them."""
        return Vocabulary("kind", ((kind, kind, (table,)) for table, kind in KIND_TABLES.items()))

    def resolve_kind(self, text: str) -> str:
        """The kind `text` names: stat, program, ..., a plural, or a close spelling."""
        return self.kind_names.resolve(text)

    def records(self, kind: str | None = None) -> list[Fact]:
        """Every record in file order, or those of one kind (given as typed)."""
        if kind is None:
            return self.facts()
        chosen = self.resolve_kind(kind)
        found = self._facts("WHERE kind = ? ORDER BY pos", (chosen,))
        if not found:
            raise NoMatchError(f'the facts file has no record of kind "{chosen}"')
        return found

    # ------------------------------------------------------------ programs

    def resolve_fields(self, text: str) -> list[str]:
        """Program fields `text` names: every field it stands in as words, else a close one."""
        fields = Vocabulary(
            "subject field",
            ((f, f, ()) for f in self.program_fields()),
            listing="subject fields of programs",
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
        self, query: str, limit: int = 10, *, kind: str | None = None
    ) -> SearchOutcome:
        """A search's results with what to tell the user: ignored words, how many more.

        Only records of the kept sources (`only_sources`) and of `kind` (given as typed, as
        `--kind` takes it) count, before the limit. Words of the query that match nothing
        anywhere are left out rather than sinking the others; when no record matches all
        the words, the one whose absence leaves the fewest results is set aside.
        `cqedu.query.search.outcome_lines` words what to tell the user on stderr.
        """
        if limit < 1:
            raise QueryError(f"limit must be 1 or more, got {limit}")
        from cqedu.query import search as _search  # deferred: only search needs them
        from cqedu.store import index

        tokens = _search.query_words(query)  # refuse a bad query before building anything
        kinds = None if kind is None else (self.resolve_kind(kind),)
        if not index.is_built(self._db):
            index.build(self._db, self._cache_file)
        notes = index.notes()
        ranking, self._vocabulary = _search.rank(
            self._db,
            query,
            tokens,
            limit,
            sources=self.only,
            kinds=kinds,
            vocabulary=self._vocabulary,
        )
        wanted = [item.pos for item in ranking.positions]
        found: dict[int, Fact] = {}
        for offset in range(0, len(wanted), 500):  # SQLite limits the parameters of a query
            chunk = wanted[offset : offset + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT pos, {_COLUMNS} FROM facts WHERE pos IN ({marks})",  # noqa: S608 - placeholders only
                chunk,
            )
            found.update((row[0], _fact(row[1:])) for row in rows)
        hits = [
            SearchHit(found[item.pos], item.score, item.field, item.words)
            for item in ranking.positions
        ]
        more = ranking.total - len(hits)
        return _search.SearchOutcome(hits, ranking.ignored, ranking.set_aside, more, tuple(notes))

    # ------------------------------------------------------------ the index's words

    def _index(self) -> Any:
        """The search index module, with the index built (deferred: only search needs it)."""
        from cqedu.store import index  # deferred: a query served from the cache never needs it

        if not index.is_built(self._db):
            index.build(self._db, self._cache_file)
        return index

    def vocabulary(self) -> list[str]:
        """The search index's words (numbers aside), sorted: what question words match."""
        index = self._index()
        self._vocabulary = index.vocabulary(self._db, self._vocabulary)
        return list(self._vocabulary.words)

    def document_frequency(self, words: Iterable[str]) -> dict[str, int]:
        """How many records hold each index word (of all sources); absent words are left out."""
        return dict(self._index().document_frequency(self._db, list(dict.fromkeys(words))))

    def records_with(self, words: Iterable[str]) -> list[Fact]:
        """Records (of the kept sources) that hold any of these index words, in file order."""
        found: list[Fact] = []
        wanted = list(dict.fromkeys(words))
        positions = self._index().records_with(self._db, wanted)
        for offset in range(0, len(positions), 500):  # SQLite limits a query's parameters
            chunk = positions[offset : offset + 500]
            marks = ", ".join("?" * len(chunk))
            found += self._facts(f"WHERE pos IN ({marks}) ORDER BY pos", chunk)
        return found

    # ------------------------------------------------------------ questions

    def ask(self, question: str) -> Answer:
        """The direct answer to a question in plain English (see `cqedu.ask.question`).

        QueryError for an empty or wordless question; NoMatchError, saying what the
        article does not give, when no record answers it.
        """
        from cqedu.ask.question import ask  # deferred: only questions need the question logic

        return ask(self, question)

    def find(self, query: str, limit: int = 10, kind: str | None = None) -> list[SearchHit]:
        """`search`, optionally only among records of one kind (given as typed)."""
        return self.search_outcome(query, limit, kind=kind).hits
