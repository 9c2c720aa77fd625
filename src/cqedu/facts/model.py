"""Typed, immutable records of the knowledge base.

NamedTuples rather than frozen dataclasses: as immutable and as typed, but they cost
about a fifth as much to define at start-up and to create, which matters when a query
returns 100,000 records (see benchmarks/README.md).
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, about 30 us a field at every start-up.
from typing import NamedTuple

#: TOML array name -> record kind, in the order records are written back.
KIND_TABLES: dict[str, str] = {
    "stats": "stat",
    "programs": "program",
    "partners": "partner",
    "events": "event",
    "people": "person",
    "organizations": "organization",
    "concepts": "concept",
}
KINDS: tuple[str, ...] = tuple(KIND_TABLES.values())
TABLE_OF_KIND: dict[str, str] = {kind: table for table, kind in KIND_TABLES.items()}

#: The kinds of partner a partner record may be.
PARTNER_CATEGORIES: tuple[str, ...] = ("institution", "country", "centre")
#: What a figure is (a facts file's `measure`): only a share is drawn as a share bar.
MEASURES: tuple[str, ...] = ("share", "rank", "count")


class Source(NamedTuple):
    """One article the facts come from."""

    id: str
    """Slug other records name in their `source` field."""
    title: str
    """A short title in our own words."""
    file: str
    """File name of the article text the facts were taken from."""
    date: str
    """ISO date (YYYY-MM-DD) of the event the article reports."""
    summary: str
    """One line on what the article covers, in our own words."""
    sections: tuple[str, ...]
    """The article's section headings in order; records cite one of them."""


class Level(NamedTuple):
    """An education level that figures can belong to."""

    id: str
    """Slug used in facts and on the command line, e.g. "preschool"."""
    name: str
    """Display name, e.g. "Preschool"."""
    aliases: tuple[str, ...]
    """Other words people type for the level, e.g. "kindergarten"."""


class Country(NamedTuple):
    """A country or region that partner records point at."""

    name: str
    """Canonical name, e.g. "United Kingdom"."""
    aliases: tuple[str, ...]
    """Short forms and other names, e.g. "UK", "Britain"."""


class Term(NamedTuple):
    """A word of the knowledge base with the other words people use for it (`[[terms]]`)."""

    term: str
    """The word or phrase the records use, e.g. "children"."""
    synonyms: tuple[str, ...]
    """Words or phrases that mean the same in a question, e.g. ("kids", "pupils")."""


class Fact(NamedTuple):
    """One record of the knowledge base: a figure, program, partner, event, ..."""

    id: str
    """Stable, readable slug, unique across the file."""
    kind: str
    """One of KINDS, given by the TOML array the record stands in."""
    name: str
    """Short name of the thing the record is about."""
    summary: str
    """One line in our own words."""
    section: str
    """Heading of the article section the fact comes from."""
    paragraph: int
    """Paragraph number within that section, counting from 1."""
    source: str
    """Id of the Source the fact comes from."""
    value: int | float | None = None
    """The figure as a number (93.5 for "93.5%"), or None for records without one."""
    unit: str | None = None
    """What the figure counts: "percent", "schools", "students", ..."""
    qualifier: str | None = None
    """"over", "more than", "about", "surpassed", ... or None for an exact figure."""
    as_written: str | None = None
    """The figure exactly as the article prints it, e.g. "over 8,000"."""
    level: str | None = None
    """Id of the education Level the record belongs to, if any."""
    period: str | None = None
    """Time the record refers to: "per year", "2021-2025", "as of 2025", ..."""
    date: str | None = None
    """ISO date of an event, when there is one."""
    date_as_written: str | None = None
    """The date as the article prints it, e.g. "October 13"."""
    inference: str | None = None
    """What we inferred that the article does not print (such as a year), and why."""
    country: str | None = None
    """Name of the Country or region the record is tied to."""
    category: str | None = None
    """For partners: one of PARTNER_CATEGORIES."""
    measure: str | None = None
    """What the figure is, one of MEASURES: "share" (a part of a whole, 93.5% of children),
    "rank" (a place or band in a ranking, top 1%) or "count"; None when the file does not
    say (a percentage is then taken as a share). Before the list fields: the store keeps
    those last."""
    fields: tuple[str, ...] = ()
    """Subject fields of a program, e.g. ("robotics",)."""
    keywords: tuple[str, ...] = ()
    """Extra words that help search find the record."""
    related: tuple[str, ...] = ()
    """Ids of records this one is tied to."""

    @property
    def has_figure(self) -> bool:
        """Whether the record carries a figure."""
        return self.value is not None

    @property
    def is_share(self) -> bool:
        """Whether the figure is a share of a whole in percent, which views may draw as a
        bar: said by `measure`, else taken from the unit (a percentage)."""
        if self.value is None or self.unit != "percent":
            return False
        return self.measure in (None, "share")


class FactsDocument(NamedTuple):
    """Everything one facts file holds, validated."""

    sources: tuple[Source, ...]
    """The articles the facts come from."""
    levels: tuple[Level, ...]
    """Known education levels, with or without figures."""
    countries: tuple[Country, ...]
    """Known countries and regions of partners."""
    facts: tuple[Fact, ...]
    """All records, in file order grouped by kind."""
    terms: tuple[Term, ...] = ()
    """Words of the records and their synonyms, for questions (`[[terms]]`)."""


class SearchHit(NamedTuple):
    """One search result."""

    fact: Fact
    """The record found."""
    score: float
    """Match quality from 0 to 100, rounded to one decimal."""
    matched_field: str
    """Name of the field whose words matched best, e.g. "name"."""
    matched_words: frozenset[str]
    """Normalised words of the record that matched the query, for highlighting."""
