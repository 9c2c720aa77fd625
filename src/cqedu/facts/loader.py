"""Reading a facts file and validating it into a FactsDocument; never prints."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from cqedu.core.errors import FactsError
from cqedu.core.matching import did_you_mean
from cqedu.core.text import CONTROL_CHARACTERS as _CONTROL
from cqedu.core.text import normalise_phrase
from cqedu.facts.fields import FIELDS
from cqedu.facts.figures import parse_figure, same_number
from cqedu.facts.files import unreadable
from cqedu.facts.model import (
    KIND_TABLES,
    PARTNER_CATEGORIES,
    Country,
    Fact,
    FactsDocument,
    Level,
    Source,
)

SCHEMA_VERSION = 1
#: Far above any real facts file (130,000 records is about 60 MB), low enough to
#: refuse a wrong file before tomllib spends minutes and gigabytes on it.
MAX_FILE_BYTES = 256 * 1024 * 1024

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_TOP_LEVEL = ("schema", "sources", "levels", "countries", *KIND_TABLES)

# Field name -> (expected type, required). Types: "str", "int", "number", "list".
_SOURCE_FIELDS: dict[str, tuple[str, bool]] = {
    "id": ("str", True),
    "title": ("str", True),
    "file": ("str", True),
    "date": ("str", True),
    "summary": ("str", True),
    "sections": ("list", True),
}
_LEVEL_FIELDS: dict[str, tuple[str, bool]] = {
    "id": ("str", True),
    "name": ("str", True),
    "aliases": ("list", False),
}
_COUNTRY_FIELDS: dict[str, tuple[str, bool]] = {
    "name": ("str", True),
    "aliases": ("list", False),
}
_FACT_FIELDS: dict[str, tuple[str, bool]] = {
    spec.name: (spec.type, spec.required) for spec in FIELDS if spec.in_file
}
_TYPE_NAMES = {
    "str": "a string",
    "int": "an integer",
    "number": "a number",
    "list": "a list of strings",
}


class Problem(NamedTuple):
    """One fault of a facts file, as `check` lists it and loading raises the first."""

    message: str
    """The whole message, file name first, exactly as loading raises it."""
    where: str
    """The record and field it concerns (`stats[3] (id "x"): value`), or "" for the file."""
    line: int
    """Line of the fault, counting from 1; 0 until `locate` finds it."""
    column: int
    """Column of the fault, counting from 1; 0 until `locate` finds it."""


class _LocatedError(FactsError):
    """A FactsError that knows which record and field it concerns."""

    def __init__(self, message: str, where: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.problem = Problem(message, where, line, column)


class _SkipRecord(Exception):  # noqa: N818 - a control-flow signal, not an error to report
    """A record whose faults are already recorded: leave it out and carry on."""


def read_facts(path: Path) -> FactsDocument:
    """Read and validate the facts file at `path`."""
    return parse_facts(read_facts_bytes(path), str(path))


class CheckedFacts(NamedTuple):
    """What `check_facts` found in one facts file."""

    document: FactsDocument | None
    """What passed (the records without a fault), or None when the text did not parse."""
    problems: list[Problem]
    """Every problem, in line order."""
    record_ids: tuple[str, ...]
    """Every record id the file gives, faulty records included, for clashes across files."""


def check_facts(data: bytes, label: str) -> CheckedFacts:
    """Every problem of facts-file bytes, each located at a line and column where it can be.

    Unlike `parse_facts`, carries on after a fault.
    """
    try:
        text = _facts_text(data, label)
        raw = _parse_toml(text, label)
    except _LocatedError as fault:
        return CheckedFacts(None, [fault.problem], ())
    except FactsError as error:
        return CheckedFacts(None, [Problem(str(error), "", 1, 1)], ())
    validator = _Validator(label, collect=True)
    document = validator.document(raw)
    locator = _Locator(text)
    located = [locator.locate(problem) for problem in validator.problems]
    problems = sorted(located, key=lambda problem: (problem.line, problem.column))
    return CheckedFacts(document, problems, tuple(dict.fromkeys(validator.record_ids)))


def read_facts_bytes(path: Path) -> bytes:
    """The bytes of a facts file, or a FactsError that says why they cannot be read."""
    try:
        with path.open("rb") as handle:
            return read_open_facts(handle.read, str(path))
    except OSError as error:
        raise unreadable(path, error) from None


def read_open_facts(read: Callable[[int], bytes], label: str) -> bytes:
    """Read at most MAX_FILE_BYTES through `read`, refusing larger files."""
    data = read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise FactsError(
            f"{label}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; "
            "split it or pass the right file"
        )
    return data


def decode_facts(data: bytes, label: str) -> str:
    """Facts text from bytes: UTF-8, with or without a byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactsError(f"{label}: file is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        raise FactsError(f"{label}: file contains NUL bytes and is not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FactsError(
            f"{label}:{line}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8"
        ) from None


def parse_facts(data: bytes, label: str) -> FactsDocument:
    """Validate facts-file bytes; `label` names the file in messages. Raises the first fault."""
    return _Validator(label).document(_parse_toml(_facts_text(data, label), label))


def parse_facts_part(text: str, label: str) -> FactsDocument:
    """Validate a part of a facts file: its head (schema, sources, levels, countries) and
    some of its records. Raises the first fault.

    Whether a record's `related` ids exist is left to the caller, who sees every part;
    the table indexes in messages count within the part, so a caller that meets a fault
    reads the whole file with `parse_facts` for the message.
    """
    validator = _Validator(label)
    validator.related_elsewhere = True
    return validator.document(_parse_toml(text, label))


def facts_text(data: bytes, label: str) -> str:
    """Facts text from bytes, refusing what `parse_facts` refuses before parsing."""
    return _facts_text(data, label)


def _facts_text(data: bytes, label: str) -> str:
    text = decode_facts(data, label)
    if not text.strip():
        raise FactsError(f'{label}: file is empty; a facts file starts with "schema = 1"')
    return text


def _parse_toml(text: str, label: str) -> dict[str, Any]:
    from cqedu.facts.toml import TomlError, loads  # deferred: only a cache miss parses TOML

    try:
        return loads(text)
    except TomlError as error:
        if not error.line:
            raise FactsError(f"{label}: invalid TOML: {error.problem}") from None
        raise _LocatedError(
            f"{label}:{error.line}:{error.column}: invalid TOML: {error.problem}",
            "",
            error.line,
            error.column,
        ) from None


class _Validator:
    """Turns parsed TOML into a FactsDocument, naming the file, record and field of any fault."""

    def __init__(self, label: str, *, collect: bool = False) -> None:
        """`collect` records every fault in `problems` and carries on; else the first raises."""
        self.label = label
        self.collect = collect
        self.problems: list[Problem] = []
        self.sources: tuple[Source, ...] = ()
        self.levels: tuple[Level, ...] = ()
        self.countries: tuple[Country, ...] = ()
        self._level_names: dict[str, str] = {}
        self._country_names: dict[str, str] = {}
        self._raw_ids: set[str] = set()
        self.record_ids: list[str] = []
        self.related_elsewhere = False
        """Leave to the caller whether `related` ids exist (they may be in another part)."""

    def fail(self, where: str, problem: str) -> _LocatedError:
        message = f"{self.label}: {where}: {problem}" if where else f"{self.label}: {problem}"
        return _LocatedError(message, where)

    def report(self, fault: _LocatedError) -> None:
        """Record a fault and carry on, or raise it when loading (only the first matters)."""
        if not self.collect:
            raise fault
        self.problems.append(fault.problem)

    def _each(
        self, tables: list[tuple[str, Mapping[str, Any]]], build: Callable[[str, Any], Any]
    ) -> list[Any]:
        """`build` applied to every table; a faulty one is recorded and left out."""
        built: list[Any] = []
        for where, table in tables:
            try:
                built.append(build(where, table))
            except _LocatedError as fault:
                self.report(fault)
            except _SkipRecord:
                pass
        return built

    def _tables_or_none(
        self, raw: Mapping[str, Any], name: str, required: bool = False
    ) -> list[tuple[str, Mapping[str, Any]]]:
        try:
            return self._tables(raw, name, required)
        except _LocatedError as fault:
            self.report(fault)
            return []

    def document(self, raw: Mapping[str, Any]) -> FactsDocument:
        """The validated document; faults are raised, or recorded when collecting."""
        self._top_level(raw)
        self._vocabularies(raw)
        return self._records(raw)

    def _top_level(self, raw: Mapping[str, Any]) -> None:
        for key in raw:
            if key not in _TOP_LEVEL:
                self.report(self.fail(key, f"unknown table{did_you_mean(key, _TOP_LEVEL)}"))
        if "schema" not in raw:
            self.report(self.fail("schema", 'missing; a facts file starts with "schema = 1"'))
        elif raw["schema"] != SCHEMA_VERSION or isinstance(raw["schema"], bool):
            self.report(
                self.fail("schema", f"expected {SCHEMA_VERSION}, got {_show(raw['schema'])}")
            )

    def _vocabularies(self, raw: Mapping[str, Any]) -> None:
        sources = self._each(self._tables_or_none(raw, "sources", True), self._source)
        levels = self._each(self._tables_or_none(raw, "levels"), self._level)
        countries = self._each(self._tables_or_none(raw, "countries"), self._country)
        if self.collect:
            # A faulty [[sources]] table whose id and sections read still places records:
            # they are checked against it rather than left unchecked.
            valid = {source.id for source in sources}
            for item in raw.get("sources", ()) if isinstance(raw.get("sources"), list) else ():
                ident, sections = item.get("id"), item.get("sections")
                if (
                    isinstance(item, dict)
                    and isinstance(ident, str)
                    and ident not in valid
                    and isinstance(sections, list)
                    and all(isinstance(section, str) for section in sections)
                ):
                    sources.append(Source(ident, "", "", "", "", tuple(sections)))
        self.sources = tuple(self._unique("sources", sources, lambda s: s.id))
        self.levels = tuple(self._unique("levels", levels, lambda lv: lv.id))
        self.countries = tuple(self._unique("countries", countries, lambda c: c.name))
        if self.collect:  # a faulty [[levels]] or [[countries]] table still declares its name
            for key, table, lookup in (
                ("id", "levels", self._level_names),
                ("name", "countries", self._country_names),
            ):
                for item in raw.get(table, ()) if isinstance(raw.get(table), list) else ():
                    if isinstance(item, dict) and isinstance(item.get(key), str):
                        lookup.setdefault(normalise_phrase(item[key]), item[key])
        for level in self.levels:
            for name in (level.id, level.name, *level.aliases):
                self._level_names.setdefault(normalise_phrase(name), level.id)
        for country in self.countries:
            for name in (country.name, *country.aliases):
                self._country_names.setdefault(normalise_phrase(name), country.name)

    def _records(self, raw: Mapping[str, Any]) -> FactsDocument:
        record_tables: list[tuple[str, str, Mapping[str, Any]]] = []
        for table, kind in KIND_TABLES.items():
            record_tables.extend(
                (where, kind, record) for where, record in self._tables_or_none(raw, table)
            )
        self.record_ids = [r["id"] for _, _, r in record_tables if isinstance(r.get("id"), str)]
        self._raw_ids = set(self.record_ids)
        if self.collect:  # a record reused id is worth knowing even when a record is faulty
            first_use: dict[str, str] = {}
            for where, _, record in record_tables:
                ident = record.get("id")
                if isinstance(ident, str) and ident in first_use:
                    self.report(
                        self.fail(
                            f"{where}: id", f'"{ident}" is already used by {first_use[ident]}'
                        )
                    )
                elif isinstance(ident, str):
                    first_use[ident] = where
        placed: list[tuple[str, Fact]] = []
        if self.sources:  # without a valid source every record would only repeat that fault
            for where, kind, record in record_tables:
                try:
                    placed.append((where, self._fact(where, kind, record)))
                except _LocatedError as fault:
                    self.report(fault)
                except _SkipRecord:
                    pass
        if not record_tables:
            self.report(
                self.fail("", f"no records; add at least one of [[{']], [['.join(KIND_TABLES)}]]")
            )
        self._check_ids(placed)
        return FactsDocument(self.sources, self.levels, self.countries, tuple(f for _, f in placed))

    def _tables(
        self, raw: Mapping[str, Any], name: str, required: bool = False
    ) -> list[tuple[str, Mapping[str, Any]]]:
        value = raw.get(name)
        if value is None:
            if required:
                raise self.fail(name, f"missing; add at least one [[{name}]] table")
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(name, f"expected an array of tables ([[{name}]]), got {_show(value)}")
        if required and not value:
            raise self.fail(name, f"missing; add at least one [[{name}]] table")
        tables: list[tuple[str, Mapping[str, Any]]] = []
        for index, item in enumerate(value):
            ident = item.get("id", item.get("name"))
            where = f"{name}[{index}]"
            if isinstance(ident, str):
                where += f' ({"id" if "id" in item else "name"} "{ident}")'
            tables.append((where, item))
        return tables

    def _fields(
        self, where: str, table: Mapping[str, Any], spec: Mapping[str, tuple[str, bool]]
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        faulty = False
        for key, value in table.items():
            expected = spec.get(key)
            if expected is None:
                self.report(
                    self.fail(f"{where}: {key}", f"unknown field{did_you_mean(key, list(spec))}")
                )
                faulty = True
                continue
            kind = expected[0]
            # The common case inline: this runs for every field of every record.
            if kind == "str" and type(value) is str and _clean(value):
                values[key] = value
                continue
            try:
                values[key] = self._typed(f"{where}: {key}", kind, value)
            except _LocatedError as fault:
                self.report(fault)
                faulty = True
        if len(values) < len(spec):
            for key, (_, required) in spec.items():
                if required and key not in values and key not in table:
                    self.report(self.fail(f"{where}: {key}", "missing required field"))
                    faulty = True
        if faulty:
            raise _SkipRecord
        return values

    def _typed(self, where: str, kind: str, value: Any) -> Any:
        if kind == "str":
            if isinstance(value, str):
                return self._text(where, value)
        elif kind == "list":
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                items = tuple(
                    v if _clean(v) else self._text(f"{where}[{i}]", v) for i, v in enumerate(value)
                )
                if len(set(items)) != len(items):
                    twice = sorted({v for v in items if items.count(v) > 1})[0]
                    raise self.fail(where, f'"{twice}" is listed twice')
                return items
        elif isinstance(value, bool):
            pass  # TOML booleans are ints to Python, never numbers to us
        elif kind == "int" and isinstance(value, int):
            return value
        elif kind == "number" and isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                raise self.fail(where, f"expected a finite number, got {value}")
            return value
        raise self.fail(where, f"expected {_TYPE_NAMES[kind]}, got {_show(value)}")

    def _text(self, where: str, value: str) -> str:
        if not value.strip():
            raise self.fail(where, "must not be empty")
        control = _CONTROL.search(value)
        if control:
            raise self.fail(
                where, f"contains control character U+{ord(control.group()):04X}; remove it"
            )
        if value != value.strip():
            raise self.fail(where, "has leading or trailing spaces; remove them")
        return value

    def _slug(self, where: str, value: str) -> str:
        if not _SLUG.fullmatch(value):
            raise self.fail(
                where,
                f'"{value}" is not a slug; use lowercase letters, digits and single hyphens',
            )
        return value

    def _date(self, where: str, value: str) -> str:
        valid = _ISO_DATE.fullmatch(value) is not None
        if valid:
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                valid = False
        if not valid:
            raise self.fail(where, f'expected a date as "YYYY-MM-DD", got "{value}"')
        return value

    def _unique(self, what: str, items: list[Any], key: Callable[[Any], str]) -> list[Any]:
        """`items` without repeats of a key, each repeat reported."""
        seen: set[str] = set()
        kept: list[Any] = []
        for item in items:
            if key(item) in seen:
                self.report(self.fail(what, f'"{key(item)}" is defined twice'))
                continue
            seen.add(key(item))
            kept.append(item)
        return kept

    def _source(self, where: str, table: Mapping[str, Any]) -> Source:
        v = self._fields(where, table, _SOURCE_FIELDS)
        self._slug(f"{where}: id", v["id"])
        self._date(f"{where}: date", v["date"])
        if not v["sections"]:
            raise self.fail(f"{where}: sections", "must list at least one section heading")
        return Source(v["id"], v["title"], v["file"], v["date"], v["summary"], v["sections"])

    def _level(self, where: str, table: Mapping[str, Any]) -> Level:
        v = self._fields(where, table, _LEVEL_FIELDS)
        self._slug(f"{where}: id", v["id"])
        return Level(v["id"], v["name"], v.get("aliases", ()))

    def _country(self, where: str, table: Mapping[str, Any]) -> Country:
        v = self._fields(where, table, _COUNTRY_FIELDS)
        return Country(v["name"], v.get("aliases", ()))

    def _fact(self, where: str, kind: str, table: Mapping[str, Any]) -> Fact:
        v = self._fields(where, table, _FACT_FIELDS)
        faulty = False
        # Independent checks: when collecting, each reports its own fault.
        for check in (self._check_place, self._check_names, self._check_dates):
            try:
                check(where, v)
            except _LocatedError as fault:
                self.report(fault)
                faulty = True
        for kind_check in (self._check_figure, self._check_partner):
            try:
                kind_check(where, kind, v)
            except _LocatedError as fault:
                self.report(fault)
                faulty = True
        if faulty:
            raise _SkipRecord
        return Fact(
            id=v["id"],
            kind=kind,
            name=v["name"],
            summary=v["summary"],
            section=v["section"],
            paragraph=v["paragraph"],
            source=v["source"],
            value=v.get("value"),
            unit=v.get("unit"),
            qualifier=v.get("qualifier"),
            as_written=v.get("as_written"),
            level=v.get("level"),
            period=v.get("period"),
            date=v.get("date"),
            date_as_written=v.get("date_as_written"),
            inference=v.get("inference"),
            country=v.get("country"),
            category=v.get("category"),
            fields=v.get("fields", ()),
            keywords=v.get("keywords", ()),
            related=v.get("related", ()),
        )

    def _check_place(self, where: str, v: dict[str, Any]) -> None:
        """Id, source, section and paragraph; `source` is set to the source's id."""
        self._slug(f"{where}: id", v["id"])
        source = self._fact_source(where, v.get("source"), self.sources)
        if v["section"] not in source.sections:
            raise self.fail(
                f"{where}: section",
                f'"{v["section"]}" is not a section of source "{source.id}"'
                f"{did_you_mean(v['section'], source.sections)}",
            )
        if v["paragraph"] < 1:
            raise self.fail(f"{where}: paragraph", f"expected 1 or more, got {v['paragraph']}")
        v["source"] = source.id

    def _check_names(self, where: str, v: dict[str, Any]) -> None:
        """Level and country: an alias or name of a declared one is replaced by its id or name.

        So queries and exports see one spelling.
        """
        if "level" in v:
            level = self._level_names.get(normalise_phrase(v["level"]))
            if level is None:
                level_ids = [lv.id for lv in self.levels]
                names = [n for lv in self.levels for n in (lv.id, lv.name, *lv.aliases)]
                raise self.fail(
                    f"{where}: level",
                    f'unknown level "{v["level"]}"{did_you_mean(v["level"], names)}; '
                    f"valid levels: {', '.join(level_ids) or 'none declared in [[levels]]'}",
                )
            v["level"] = level
        if "country" in v:
            country = self._country_names.get(normalise_phrase(v["country"]))
            if country is None:
                country_names = [c.name for c in self.countries]
                raise self.fail(
                    f"{where}: country",
                    f'unknown country "{v["country"]}"; declare it in [[countries]]'
                    f"{did_you_mean(v['country'], country_names)}",
                )
            v["country"] = country

    def _check_dates(self, where: str, v: dict[str, Any]) -> None:
        if "date" in v:
            self._date(f"{where}: date", v["date"])

    def _fact_source(self, where: str, name: str | None, sources: tuple[Source, ...]) -> Source:
        if name is None:
            if len(sources) > 1:
                raise self.fail(
                    f"{where}: source", "missing; required when the file has several [[sources]]"
                )
            return sources[0]
        for source in sources:
            if source.id == name:
                return source
        ids = [s.id for s in sources]
        raise self.fail(f"{where}: source", f'unknown source "{name}"{did_you_mean(name, ids)}')

    def _check_figure(self, where: str, kind: str, v: Mapping[str, Any]) -> None:
        figure_keys = ("value", "unit", "as_written")
        present = [key for key in figure_keys if key in v]
        if kind == "stat" and "value" not in v:
            raise self.fail(f"{where}: value", "missing required field (every stat has a figure)")
        if present and len(present) < len(figure_keys):
            missing = next(key for key in figure_keys if key not in v)
            raise self.fail(
                f"{where}: {missing}", "missing; a figure needs value, unit and as_written"
            )
        if "qualifier" in v and "value" not in v:
            raise self.fail(f"{where}: qualifier", "given without a value")
        if not present:
            return
        figure = parse_figure(v["as_written"])
        if figure is None:
            raise self.fail(
                f"{where}: as_written",
                f'"{v["as_written"]}" is not a figure like "over 8,000", "93.5%" or "six"',
            )
        if not same_number(figure.value, v["value"]):
            raise self.fail(
                f"{where}: as_written",
                f'"{v["as_written"]}" reads as {_plain(figure.value)}, but value is {v["value"]}',
            )
        if figure.qualifier != v.get("qualifier"):
            expected = f'"{figure.qualifier}"' if figure.qualifier else "no qualifier"
            got = f'"{v["qualifier"]}"' if "qualifier" in v else "none"
            raise self.fail(
                f"{where}: qualifier", f'"{v["as_written"]}" implies {expected}, got {got}'
            )
        if figure.percent != (v["unit"] == "percent"):
            raise self.fail(
                f"{where}: unit",
                f'"{v["as_written"]}" is {"" if figure.percent else "not "}a percentage, '
                f'so unit must {"" if figure.percent else "not "}be "percent"',
            )

    def _check_partner(self, where: str, kind: str, v: Mapping[str, Any]) -> None:
        if kind != "partner":
            if "category" in v:
                raise self.fail(f"{where}: category", "only partners have a category")
            return
        for key in ("category", "country"):
            if key not in v:
                raise self.fail(f"{where}: {key}", "missing required field (partners need it)")
        if v["category"] not in PARTNER_CATEGORIES:
            raise self.fail(
                f"{where}: category",
                f'expected one of {", ".join(PARTNER_CATEGORIES)}, got "{v["category"]}"',
            )

    def _check_ids(self, placed: list[tuple[str, Fact]]) -> None:
        positions: dict[str, str] = {}
        for where, fact in placed:
            if fact.id in positions:
                if self.collect:  # reported from the raw ids already, faulty records included
                    continue
                self.report(
                    self.fail(
                        f"{where}: id", f'"{fact.id}" is already used by {positions[fact.id]}'
                    )
                )
                continue
            positions[fact.id] = where
        for where, fact in placed:
            for index, other in enumerate(fact.related):
                if other == fact.id:
                    self.report(
                        self.fail(f"{where}: related[{index}]", "a record cannot relate to itself")
                    )
                elif (
                    other not in positions
                    and other not in self._raw_ids
                    and not self.related_elsewhere
                ):
                    # (an id of a faulty record is not reported again here)
                    self.report(
                        self.fail(
                            f"{where}: related[{index}]",
                            f'no record has id "{other}"{did_you_mean(other, list(positions))}',
                        )
                    )


_HEADER_LINE = re.compile(r"[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]")
_TABLE_LINE = re.compile(r"[ \t]*\[")
_KEY_LINE = re.compile(r'[ \t]*([A-Za-z0-9_-]+|"[^"\n]*")[ \t]*=')
_WHERE = re.compile(
    r'(?P<table>[a-z_]+)(?:\[(?P<index>\d+)\](?: \((?:id|name) "(?:[^"\\]|\\.)*"\))?)?'
    r"(?:: (?P<field>[a-z_]+))?"
)


class _Locator:
    """Lines and columns of tables and keys in a facts file's text.

    tomllib gives no positions, so the text is scanned for `[[table]]` headers and
    `key =` lines; a record's fault points at its field, else at its header.
    """

    def __init__(self, text: str) -> None:
        self.headers: dict[str, list[int]] = {}
        # (table, index) -> key -> (line, column); ("", -1) holds the top-level keys
        self.keys: dict[tuple[str, int], dict[str, tuple[int, int]]] = {}
        current: tuple[str, int] | None = ("", -1)
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER_LINE.match(line)
            if header:
                lines = self.headers.setdefault(header[1], [])
                current = (header[1], len(lines))
                lines.append(number)
                continue
            if _TABLE_LINE.match(line):
                current = None  # a sub-table: its keys belong to no record field
                continue
            key = _KEY_LINE.match(line)
            if key and current is not None:
                name = key[1].strip('"')
                self.keys.setdefault(current, {}).setdefault(name, (number, key.start(1) + 1))

    def locate(self, problem: Problem) -> Problem:
        """The problem with the line and column of its record or field, else 1:1."""
        if problem.line:
            return problem
        where = _WHERE.match(problem.where)
        line, column = 1, 1
        if where is not None:
            table, field = where["table"], where["field"]
            if where["index"] is None:
                top = self.keys.get(("", -1), {})
                if table in top:
                    line, column = top[table]
                elif self.headers.get(table):
                    line = self.headers[table][0]
            else:
                index = int(where["index"])
                headers = self.headers.get(table, [])
                if index < len(headers):
                    line = headers[index]
                    found = self.keys.get((table, index), {}).get(field or "")
                    if found is not None:
                        line, column = found
        return problem._replace(line=line, column=column)


def _clean(text: str) -> bool:
    """Whether a string passes every text check (non-empty, trimmed, no control characters)."""
    return bool(text) and text == text.strip() and _CONTROL.search(text) is None


def _show(value: Any) -> str:  # noqa: PLR0911 - one return per kind of value
    """A value as a message shows it: strings quoted, containers by type."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return '"' + _CONTROL.sub("?", shown) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array" if all(not isinstance(v, dict) for v in value) else "an array of tables"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return f"a TOML date/time ({value.isoformat()}); write it as a string"
    return type(value).__name__


def _plain(value: Any) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
