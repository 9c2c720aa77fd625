"""The one registry of record fields: what each is, how it is typed, shown, sorted and searched.

The loader's checks, the store's list columns, the rows of every machine format, the keys
of a facts file, the table headers and the search weights are all derived from FIELDS.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation into a ForwardRef when it is a string, about 30 us a field at every start-up.
from typing import NamedTuple


class FieldSpec(NamedTuple):
    """One field of a record (or of a search result)."""

    name: str
    """The name in facts files, on the command line (--fields, --sort) and in output."""
    type: str
    """"str", "int", "number" or "list" (a list of strings)."""
    required: bool
    """Whether every record of a facts file must give it."""
    label: str
    """Column header in tables."""
    doc: str
    """What the field holds, for help texts and the README."""
    search_weight: float | None = None
    """How much a query word found in this field counts (0-1), or None when not searched."""
    in_file: bool = True
    """Written to facts files; `kind` is given by the array a record stands in instead."""
    on_record: bool = True
    """A field of Fact; False for the fields search adds (score, matched_field)."""

    @property
    def is_list(self) -> bool:
        """Whether the field holds a list of strings."""
        return self.type == "list"

    @property
    def sortable(self) -> bool:
        """Whether --sort may name the field (lists have no single value to sort by)."""
        return not self.is_list


def _spec(
    name: str,
    type_: str,
    label: str,
    doc: str,
    *,
    required: bool = False,
    weight: float | None = None,
    in_file: bool = True,
) -> FieldSpec:
    return FieldSpec(name, type_, required, label, doc, weight, in_file)


#: Every field of a record, in output order (documented in the README; keep stable).
FIELDS: tuple[FieldSpec, ...] = (
    # Search weights: a word takes the best field it is found in; ids echo names but may
    # carry words the name does not, and a section heading says least about a record.
    _spec("id", "str", "Id", "stable slug, e.g. preschool-enrollment-rate", required=True,
          weight=0.9),
    _spec("kind", "str", "Kind", "stat, program, partner, event, person, organization or concept",
          weight=0.85, in_file=False),
    _spec("name", "str", "Name", "short name", required=True, weight=1.0),
    _spec("summary", "str", "Summary", "one line in our own words", required=True, weight=0.85),
    _spec("value", "number", "Value", "the figure as a number (93.5, 6400000)", weight=1.0),
    _spec("unit", "str", "Unit", "percent, schools, students, ...", weight=0.9),
    _spec("qualifier", "str", "Qualifier", "over, more than, about, surpassed, ..."),
    _spec("as_written", "str", "Figure", "the figure as the article prints it (over 8,000)",
          weight=1.0),
    _spec("level", "str", "Level", "education level id", weight=0.9),
    _spec("period", "str", "Period", "per year, 2021-2025, as of 2025, ...", weight=0.85),
    _spec("date", "str", "Date", "ISO date of an event", weight=0.9),
    _spec("date_as_written", "str", "Date as written", "the date as printed (October 13)",
          weight=0.9),
    _spec("inference", "str", "Inference", "what we inferred that the article does not print"),
    _spec("country", "str", "Country", "country or region", weight=1.0),
    _spec("category", "str", "Category", "partners: institution, country or centre", weight=0.9),
    _spec("fields", "list", "Fields", "subject fields of a program", weight=0.95),
    _spec("keywords", "list", "Keywords", "extra words for search", weight=1.0),
    _spec("related", "list", "Related", "ids of related records"),
    _spec("section", "str", "Section", "article section heading", required=True, weight=0.6),
    _spec("paragraph", "int", "\u00b6", "paragraph within the section, from 1", required=True),
    _spec("source", "str", "Source", "id of the source article"),
    # Last, so the columns before it keep their places for scripts that cut by position.
    _spec("measure", "str", "Measure",
          "what a figure is: share (of a whole, drawn as a bar), rank (top 1%) or count"),
)  # fmt: skip

#: Fields search results add after the record's own.
SEARCH_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("score", "number", False, "Score", "search only: match quality, 0-100",
              in_file=False, on_record=False),
    FieldSpec("matched_field", "str", False, "Matched", "search only: the field that matched best",
              in_file=False, on_record=False),
)  # fmt: skip

#: Fields of a `[[terms]]` table: a word of the records and the words questions use for it.
TERM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("term", "str", True, "Term", "a word or phrase the records use (children)",
              on_record=False),
    FieldSpec("synonyms", "list", True, "Synonyms", "words a question may use for it (kids)",
              on_record=False),
)  # fmt: skip

BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS + SEARCH_FIELDS}
FACT_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS)
SEARCH_FIELD_NAMES: tuple[str, ...] = tuple(spec.name for spec in SEARCH_FIELDS)
LIST_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.is_list)
#: The keys of a record in a facts file, in the order files are written.
FILE_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.in_file)
SORTABLE_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.sortable)
#: Search weight of each searched field, highest first.
SEARCH_WEIGHTS: dict[str, float] = {
    spec.name: spec.search_weight
    for spec in sorted(FIELDS, key=lambda s: -(s.search_weight or 0.0))
    if spec.search_weight is not None
}
