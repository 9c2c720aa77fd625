"""Reading a facts file and validating it into a FactsDocument; never prints."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from cqedu.errors import FactsError
from cqedu.fields import FIELDS
from cqedu.figures import parse_figure, same_number
from cqedu.matching import did_you_mean
from cqedu.model import (
    KIND_TABLES,
    PARTNER_CATEGORIES,
    TABLE_OF_KIND,
    Country,
    Fact,
    FactsDocument,
    Level,
    Source,
)
from cqedu.text import CONTROL_CHARACTERS as _CONTROL

SCHEMA_VERSION = 1
#: Far above any real facts file (130,000 records is about 60 MB), low enough to
#: refuse a wrong file before tomllib spends minutes and gigabytes on it.
MAX_FILE_BYTES = 256 * 1024 * 1024

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")

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


def read_facts(path: Path) -> FactsDocument:
    """Read and validate the facts file at `path`."""
    return parse_facts(read_facts_bytes(path), str(path))


def read_facts_bytes(path: Path) -> bytes:
    """The bytes of a facts file, or a FactsError that says why they cannot be read."""
    try:
        with path.open("rb") as handle:
            return read_open_facts(handle.read, str(path))
    except OSError as error:
        raise unreadable(path, error) from None


def unreadable(path: Path, error: OSError) -> FactsError:
    """The FactsError for a facts file the operating system would not let us read."""
    if isinstance(error, FileNotFoundError):
        return FactsError(f"{path}: no such file; pass an existing facts file")
    if isinstance(error, IsADirectoryError):
        return FactsError(f"{path}: is a directory; pass a facts file (.toml)")
    if isinstance(error, PermissionError):
        return FactsError(f"{path}: permission denied; make the file readable")
    return FactsError(f"{path}: cannot read: {error.strerror or error}")


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
    """Validate facts-file bytes; `label` names the file in messages."""
    import tomllib  # deferred: only a cache miss pays for the TOML parser

    text = decode_facts(data, label)
    if not text.strip():
        raise FactsError(f'{label}: file is empty; a facts file starts with "schema = 1"')
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        if position is None:
            raise FactsError(f"{label}: invalid TOML: {message}") from None
        where = f"{label}:{position[1]}:{position[2]}"
        raise FactsError(f"{where}: invalid TOML: {message[: position.start()].strip()}") from None
    except RecursionError:
        raise FactsError(f"{label}: invalid TOML: values are nested too deeply") from None
    return _Validator(label).document(raw)


class _Validator:
    """Turns parsed TOML into a FactsDocument, naming the file, record and field of any fault."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.sources: tuple[Source, ...] = ()
        self.levels: tuple[Level, ...] = ()
        self.countries: tuple[Country, ...] = ()

    def fail(self, where: str, problem: str) -> FactsError:
        return FactsError(
            f"{self.label}: {where}: {problem}" if where else f"{self.label}: {problem}"
        )

    def document(self, raw: Mapping[str, Any]) -> FactsDocument:
        for key in raw:
            if key not in _TOP_LEVEL:
                raise self.fail(key, f"unknown table{did_you_mean(key, _TOP_LEVEL)}")
        if "schema" not in raw:
            raise self.fail("schema", 'missing; a facts file starts with "schema = 1"')
        if raw["schema"] != SCHEMA_VERSION or isinstance(raw["schema"], bool):
            raise self.fail("schema", f"expected {SCHEMA_VERSION}, got {_show(raw['schema'])}")

        sources = tuple(
            self._source(where, table) for where, table in self._tables(raw, "sources", True)
        )
        levels = tuple(self._level(where, table) for where, table in self._tables(raw, "levels"))
        countries = tuple(
            self._country(where, table) for where, table in self._tables(raw, "countries")
        )
        self._unique("sources", [s.id for s in sources])
        self._unique("levels", [lv.id for lv in levels])
        self._unique("countries", [c.name for c in countries])

        self.sources, self.levels, self.countries = sources, levels, countries
        facts: list[Fact] = []
        for table, kind in KIND_TABLES.items():
            for where, record in self._tables(raw, table):
                facts.append(self._fact(where, kind, record))
        if not facts:
            raise self.fail("", f"no records; add at least one of [[{']], [['.join(KIND_TABLES)}]]")
        self._check_ids(facts)
        return FactsDocument(sources, levels, countries, tuple(facts))

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
        for key, value in table.items():
            expected = spec.get(key)
            if expected is None:
                raise self.fail(f"{where}: {key}", f"unknown field{did_you_mean(key, list(spec))}")
            kind = expected[0]
            # The common case inline: this runs for every field of every record.
            if kind == "str" and type(value) is str and _clean(value):
                values[key] = value
            else:
                values[key] = self._typed(f"{where}: {key}", kind, value)
        if len(values) < len(spec):
            for key, (_, required) in spec.items():
                if required and key not in values:
                    raise self.fail(f"{where}: {key}", "missing required field")
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

    def _unique(self, what: str, keys: list[str]) -> None:
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                raise self.fail(what, f'"{key}" is defined twice')
            seen.add(key)

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
        level_ids = [level.id for level in self.levels]
        if "level" in v and v["level"] not in level_ids:
            raise self.fail(
                f"{where}: level",
                f'unknown level "{v["level"]}"{did_you_mean(v["level"], level_ids)}',
            )
        country_names = [country.name for country in self.countries]
        if "country" in v and v["country"] not in country_names:
            raise self.fail(
                f"{where}: country",
                f'unknown country "{v["country"]}"; declare it in [[countries]]'
                f"{did_you_mean(v['country'], country_names)}",
            )
        for key in ("date",):
            if key in v:
                self._date(f"{where}: {key}", v[key])
        self._check_figure(where, kind, v)
        self._check_partner(where, kind, v)
        return Fact(
            id=v["id"],
            kind=kind,
            name=v["name"],
            summary=v["summary"],
            section=v["section"],
            paragraph=v["paragraph"],
            source=source.id,
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

    def _check_ids(self, facts: list[Fact]) -> None:
        positions: dict[str, str] = {}
        counters: dict[str, int] = {}
        wheres: list[str] = []
        for fact in facts:
            table = TABLE_OF_KIND[fact.kind]
            index = counters.get(table, 0)
            counters[table] = index + 1
            where = f'{table}[{index}] (id "{fact.id}")'
            wheres.append(where)
            if fact.id in positions:
                raise self.fail(
                    f"{where}: id", f'"{fact.id}" is already used by {positions[fact.id]}'
                )
            positions[fact.id] = where
        for fact, where in zip(facts, wheres, strict=True):
            for index, other in enumerate(fact.related):
                if other == fact.id:
                    raise self.fail(
                        f"{where}: related[{index}]", "a record cannot relate to itself"
                    )
                if other not in positions:
                    raise self.fail(
                        f"{where}: related[{index}]",
                        f'no record has id "{other}"{did_you_mean(other, list(positions))}',
                    )


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
