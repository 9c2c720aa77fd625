"""Records read back from the store's tables: facts, sources, levels, countries, fields, units."""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, about 30 us a field at every start-up.
import sqlite3
from collections.abc import Iterable
from functools import cached_property
from typing import Any, NamedTuple

from cqedu.facts.model import Country, Fact, Level, Source, Term
from cqedu.store.cache import FACT_COLUMNS, FILE_STRIDE, split_list

COLUMNS = ", ".join(FACT_COLUMNS)
_SELECT = f"SELECT {COLUMNS} FROM facts"  # noqa: S608 - fixed column names


class SourceInfo(NamedTuple):
    """One source of a knowledge base, as `cqedu sources` lists it."""

    source: Source
    """The source itself."""
    facts_file: str
    """The facts file it was read from ("" for a knowledge base built in memory)."""
    records: int
    """How many records cite it."""


def fact_of_row(row: tuple[Any, ...]) -> Fact:
    """The Fact of a row of FACT_COLUMNS (the three list columns last, joined)."""
    *scalars, fields, keywords, related = row
    return Fact(*scalars, split_list(fields), split_list(keywords), split_list(related))  # type: ignore[call-arg] # the 19 scalar columns


class Records:
    """Reads records and vocabularies from an open store, keeping only some sources.

    `only` is the set of source ids whose records `facts` returns, or None for all.
    Vocabularies (sources, levels, countries) are read once and kept.
    """

    def __init__(self, connection: sqlite3.Connection, only: frozenset[str] | None) -> None:
        self.db = connection
        self.only = only

    def facts(
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
        return [fact_of_row(row) for row in self.db.execute(f"{_SELECT} {where}", params)]

    def at_positions(self, positions: list[int]) -> dict[int, Fact]:
        """The records at these store positions, by position (any source)."""
        found: dict[int, Fact] = {}
        for offset in range(0, len(positions), 500):  # SQLite limits a query's parameters
            chunk = positions[offset : offset + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT pos, {COLUMNS} FROM facts WHERE pos IN ({marks})",  # noqa: S608 - placeholders only
                chunk,
            )
            found.update((row[0], fact_of_row(row[1:])) for row in rows)
        return found

    def source_list(self, *, kept_only: bool = True) -> list[SourceInfo]:
        """Each source with its facts file and number of records, in file order."""
        counts = dict(self.db.execute("SELECT source, COUNT(*) FROM facts GROUP BY source"))
        places = dict(self.db.execute("SELECT place, path FROM files"))
        rows = self.db.execute(
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
    def sources(self) -> tuple[Source, ...]:
        """Every source, whatever `only` keeps."""
        return tuple(info.source for info in self.source_list(kept_only=False))

    @cached_property
    def levels(self) -> tuple[Level, ...]:
        """Every declared education level, with or without figures."""
        rows = self.db.execute("SELECT id, name, aliases FROM levels ORDER BY pos")
        return tuple(Level(i, name, split_list(aliases)) for i, name, aliases in rows)

    @cached_property
    def countries(self) -> tuple[Country, ...]:
        """Every declared partner country or region."""
        rows = self.db.execute("SELECT name, aliases FROM countries ORDER BY pos")
        return tuple(Country(name, split_list(aliases)) for name, aliases in rows)

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        """Every declared term with its synonyms (`[[terms]]`), merged across files."""
        rows = self.db.execute("SELECT term, synonyms FROM terms ORDER BY pos")
        return tuple(Term(term, split_list(synonyms)) for term, synonyms in rows)

    def program_fields(self) -> list[str]:
        """Distinct subject fields of programs, in first-seen order."""
        rows = self.db.execute("SELECT field FROM program_fields ORDER BY pos, rowid")
        return list(dict.fromkeys(row[0] for row in rows))

    def units(self) -> list[str]:
        """Distinct units of the figures, in first-seen order."""
        rows = self.db.execute(
            "SELECT unit FROM facts WHERE unit IS NOT NULL GROUP BY unit ORDER BY MIN(pos)"
        )
        return [row[0] for row in rows]

    def ids(self) -> list[str]:
        """Every record id, in file order."""
        return [row[0] for row in self.db.execute("SELECT id FROM facts ORDER BY pos")]
