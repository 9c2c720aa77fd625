"""Reading a facts file and validating it into a FactsDocument; never prints.

The entry points the store and `check` call. The work is split by responsibility:
read.py (bytes, decoding, TOML), shape.py (types and forms of tables and fields, from
the declarations in tables.py), rules.py (rules across records) and locate.py (lines).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from cqedu.core.errors import FactsError
from cqedu.facts.bulk import bulk_facts
from cqedu.facts.locate import Locator
from cqedu.facts.model import Fact, FactsDocument, Term
from cqedu.facts.problems import LocatedError, Problem, Reporter, SkipRecord
from cqedu.facts.read import (
    MAX_FILE_BYTES,
    decode_facts,
    facts_text,
    parse_toml,
    read_facts_bytes,
    read_open_facts,
)
from cqedu.facts.rules import RecordRules, Vocabularies
from cqedu.facts.shape import Row, ShapeChecker
from cqedu.facts.tables import (
    COUNTRIES,
    LEVELS,
    RECORD_TABLES,
    SCHEMA_VERSION,
    SOURCES,
    TERMS,
    TableSpec,
)

__all__ = [
    "MAX_FILE_BYTES",
    "SCHEMA_VERSION",
    "CheckedFacts",
    "Problem",
    "check_facts",
    "decode_facts",
    "facts_text",
    "parse_facts",
    "parse_facts_part",
    "read_facts",
    "read_facts_bytes",
    "read_open_facts",
    "validate",
]


class CheckedFacts(NamedTuple):
    """What `check_facts` found in one facts file."""

    document: FactsDocument | None
    """What passed (the records without a fault), or None when the text did not parse."""
    problems: list[Problem]
    """Every problem, in line order."""
    record_ids: tuple[str, ...]
    """Every record id the file gives, faulty records included, for clashes across files."""


def read_facts(path: Path) -> FactsDocument:
    """Read and validate the facts file at `path`."""
    return parse_facts(read_facts_bytes(path), str(path))


def parse_facts(data: bytes, label: str) -> FactsDocument:
    """Validate facts-file bytes; `label` names the file in messages. Raises the first fault."""
    document, _ = _validate(parse_toml(facts_text(data, label), label), Reporter(label))
    return document


def validate(raw: Mapping[str, Any], label: str) -> FactsDocument:
    """Validate a parsed facts file (what `parse_facts` does after parsing); raises the
    first fault, naming `label`. For measuring the stages of a read (benchmarks/stages.py)."""
    document, _ = _validate(raw, Reporter(label))
    return document


def parse_facts_part(text: str, label: str) -> FactsDocument:
    """Validate a part of a facts file: its head (schema, sources, levels, countries) and
    some of its records. Raises the first fault.

    Whether a record's `related` ids exist is left to the caller, who sees every part;
    the table indexes in messages count within the part, so a caller that meets a fault
    reads the whole file with `parse_facts` for the message.
    """
    document, _ = _validate(parse_toml(text, label), Reporter(label), related_elsewhere=True)
    return document


def check_facts(data: bytes, label: str) -> CheckedFacts:
    """Every problem of facts-file bytes, each located at a line and column where it can be.

    Unlike `parse_facts`, carries on after a fault.
    """
    try:
        text = facts_text(data, label)
        raw = parse_toml(text, label)
    except LocatedError as fault:
        return CheckedFacts(None, [fault.problem], ())
    except FactsError as error:
        return CheckedFacts(None, [Problem(str(error), "", 1, 1)], ())
    reporter = Reporter(label, collect=True)
    document, record_ids = _validate(raw, reporter)
    locator = Locator(text)
    located = [locator.locate(problem) for problem in reporter.problems]
    problems = sorted(located, key=lambda problem: (problem.line, problem.column))
    return CheckedFacts(document, problems, tuple(dict.fromkeys(record_ids)))


def _validate(
    raw: Mapping[str, Any], reporter: Reporter, *, related_elsewhere: bool = False
) -> tuple[FactsDocument, list[str]]:
    """The document of a parsed facts file, and every record id it gives.

    Faults are raised, or recorded in `reporter` when it collects. `related_elsewhere`
    leaves to the caller whether `related` ids exist (they may be in another part). When
    raising, the records are first checked a column at a time (`bulk_facts`); only a file
    with a fault goes through them one by one, for its first message. Record ids are
    given when collecting.
    """
    shape = ShapeChecker(reporter)
    shape.top_level(raw)
    vocabularies = Vocabularies(reporter)
    terms = _declare(shape, vocabularies, raw)
    if not reporter.collect:  # all valid, as nearly always: checked a column at a time
        facts = bulk_facts(raw, vocabularies, related_elsewhere=related_elsewhere)
        if facts is not None:
            return _document(vocabularies, facts, terms), []
    records = [
        (where, spec, table) for spec in RECORD_TABLES for where, table in shape.listing(raw, spec)
    ]
    record_ids = [table["id"] for _, _, table in records if isinstance(table.get("id"), str)]
    if reporter.collect:  # a reused id is worth knowing even when a record is faulty
        _report_reused_ids(reporter, [(where, table) for where, _, table in records])
    rules = RecordRules(reporter, vocabularies)
    placed: list[tuple[str, Fact]] = []
    for where, spec, table in records:
        try:
            placed.append((where, rules.fact(shape.fields(where, table, spec), spec.kind or "")))
        except LocatedError as fault:
            reporter.report(fault)
        except SkipRecord:
            pass
    if not records:
        tables = "]], [[".join(spec.name for spec in RECORD_TABLES)
        reporter.report(reporter.fail("", f"no records; add at least one of [[{tables}]]"))
    rules.check_ids(placed, set(record_ids), related_elsewhere=related_elsewhere)
    return _document(vocabularies, [fact for _, fact in placed], terms), record_ids


#: The declarations already found valid in this process, by their TOML values as text:
#: the files of a folder (and the parts of a large file) repeat the same [[levels]],
#: [[countries]] and [[terms]], which are then checked once. Kept small (_KEPT_DECLARED),
#: as a folder of unlike heads would only fill it.
_DECLARED: dict[tuple[str, str, str], tuple[Vocabularies, tuple[Term, ...]]] = {}
_KEPT_DECLARED = 8


def _declare(
    shape: ShapeChecker, vocabularies: Vocabularies, raw: Mapping[str, Any]
) -> tuple[Term, ...]:
    """Declare the file's sources, levels and countries in `vocabularies`; its terms.

    When loading (faults raised), levels, countries and terms equal to ones declared before
    are taken as they were then: only valid declarations are kept, and a valid declaration
    has no message to give. `repr` tells equal values apart by type (1, 1.0, True).
    """

    def declared(spec: TableSpec) -> list[Row]:
        return [shape.fields(where, table, spec) for where, table in shape.listing(raw, spec)]

    key = None
    if not vocabularies.reporter.collect:
        key = (repr(raw.get(LEVELS.name)), repr(raw.get(COUNTRIES.name)), repr(raw.get(TERMS.name)))
        known = _DECLARED.get(key)
        if known is not None:
            earlier, terms = known
            vocabularies.declare(declared(SOURCES), (), ())
            vocabularies.adopt(earlier)
            return terms
    vocabularies.declare(declared(SOURCES), declared(LEVELS), declared(COUNTRIES))
    terms = vocabularies.terms(declared(TERMS))
    if key is not None:
        if len(_DECLARED) >= _KEPT_DECLARED:
            _DECLARED.clear()
        _DECLARED[key] = (vocabularies, terms)
    return terms


def _document(
    vocabularies: Vocabularies, facts: list[Fact], terms: tuple[Term, ...]
) -> FactsDocument:
    return FactsDocument(
        vocabularies.sources, vocabularies.levels, vocabularies.countries, tuple(facts), terms
    )


def _report_reused_ids(reporter: Reporter, tables: list[tuple[str, Mapping[str, Any]]]) -> None:
    first_use: dict[str, str] = {}
    for where, table in tables:
        ident = table.get("id")
        if isinstance(ident, str) and ident in first_use:
            reporter.report(
                reporter.fail(f"{where}: id", f'"{ident}" is already used by {first_use[ident]}')
            )
        elif isinstance(ident, str):
            first_use[ident] = where
