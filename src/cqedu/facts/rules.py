"""Rules across the tables of a facts file, which no schema can state: ids unique,
`related` ids that exist, sections that belong to the record's source, levels and
countries that are declared, and figures whose written form agrees with their value."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache, partial
from typing import Any, TypeVar

from cqedu.core.matching import did_you_mean
from cqedu.core.text import normalise_phrase as _normalise_phrase
from cqedu.facts.figures import parse_figure, same_number
from cqedu.facts.model import Country, Fact, Level, Source, Term
from cqedu.facts.problems import LocatedError, Reporter, SkipRecord
from cqedu.facts.shape import Row
from cqedu.facts.tables import FIGURE_CHOICES, FIGURE_FIELDS, KIND_ONLY, KIND_REQUIRED

_T = TypeVar("_T")

#: A name as its words: the files of a folder repeat the same declarations (levels,
#: countries, terms), whose names are then split once per process, not once per file.
normalise_phrase = lru_cache(maxsize=16384)(_normalise_phrase)
_Fail = Callable[[str, str], LocatedError]


#: The fix for a level no [[levels]] table of the file declares: files declare their own.
_NO_LEVELS = (
    "this file declares none; add a [[levels]] table for it to this file (each facts file "
    "declares the levels its records use; see docs/schema.md)"
)


class Vocabularies:
    """The sources, levels and countries a file declares, and the names records may use."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.sources: tuple[Source, ...] = ()
        self.levels: tuple[Level, ...] = ()
        self.countries: tuple[Country, ...] = ()
        self.level_names: dict[str, str] = {}
        self.country_names: dict[str, str] = {}

    def declare(
        self, sources: Sequence[Row], levels: Sequence[Row], countries: Sequence[Row]
    ) -> None:
        """Take the declarations whose shape passed; when collecting, a faulty one still
        declares what of it is valid, so records are checked against it."""
        collect = self.reporter.collect
        self.sources = self._unique(
            "sources",
            [_source(row.values) for row in sources if _places(row, collect)],
            lambda source: source.id,
        )
        self.levels = self._unique(
            "levels", [_level(row.values) for row in levels if not row.faulty], lambda lv: lv.id
        )
        self.countries = self._unique(
            "countries",
            [_country(row.values) for row in countries if not row.faulty],
            lambda country: country.name,
        )
        for level in self.levels:
            for name in (level.id, level.name, *level.aliases):
                self.level_names.setdefault(normalise_phrase(name), level.id)
        for country in self.countries:
            for name in (country.name, *country.aliases):
                self.country_names.setdefault(normalise_phrase(name), country.name)
        if collect:  # a faulty [[levels]] or [[countries]] table still declares its name
            for row in levels:
                if "id" in row.values:
                    self.level_names.setdefault(
                        normalise_phrase(row.values["id"]), row.values["id"]
                    )
            for row in countries:
                if "name" in row.values:
                    name = row.values["name"]
                    self.country_names.setdefault(normalise_phrase(name), name)

    def adopt(self, earlier: Vocabularies) -> None:
        """Take the levels and countries `earlier` declared (the same tables, checked then)."""
        self.levels, self.countries = earlier.levels, earlier.countries
        self.level_names, self.country_names = earlier.level_names, earlier.country_names

    def _unique(self, what: str, items: list[_T], key: Callable[[_T], str]) -> tuple[_T, ...]:
        """`items` without repeats of a key, each repeat reported."""
        seen: set[str] = set()
        kept: list[_T] = []
        for item in items:
            if key(item) in seen:
                self.reporter.report(self.reporter.fail(what, f'"{key(item)}" is defined twice'))
                continue
            seen.add(key(item))
            kept.append(item)
        return tuple(kept)

    def terms(self, rows: Sequence[Row]) -> tuple[Term, ...]:
        """The terms whose shape passed, each without itself among its synonyms, once each."""
        terms: list[Term] = []
        for row in rows:
            if row.faulty:
                continue
            term, synonyms = row.values["term"], row.values["synonyms"]
            own = normalise_phrase(term)
            itself = [i for i, synonym in enumerate(synonyms) if normalise_phrase(synonym) == own]
            if itself:
                self.reporter.report(
                    self.reporter.fail(
                        f"{row.where}: synonyms[{itself[0]}]",
                        f'"{synonyms[itself[0]]}" is the term itself; remove it',
                    )
                )
                continue
            terms.append(Term(term, synonyms))
        return self._unique("terms", terms, lambda term: normalise_phrase(term.term))

    def source_of(self, where: str, name: str | None) -> Source:
        """The source a record names, or the only one when it names none."""
        fail = self.reporter.fail
        if name is None:
            if len(self.sources) > 1:
                raise fail(
                    f"{where}: source", "missing; required when the file has several [[sources]]"
                )
            return self.sources[0]
        for source in self.sources:
            if source.id == name:
                return source
        ids = [s.id for s in self.sources]
        raise fail(f"{where}: source", f'unknown source "{name}"{did_you_mean(name, ids)}')

    def level(self, where: str, name: str) -> str:
        """The id of the level `name` names (its id, name or an alias)."""
        level = self.level_names.get(normalise_phrase(name))
        if level is None:
            level_ids = [lv.id for lv in self.levels]
            names = [n for lv in self.levels for n in (lv.id, lv.name, *lv.aliases)]
            raise self.reporter.fail(
                f"{where}: level",
                f'unknown level "{name}"{did_you_mean(name, names)}; '
                f"valid levels: {', '.join(level_ids) or _NO_LEVELS}",
            )
        return level

    def country(self, where: str, name: str) -> str:
        """The name of the country `name` names (its name or an alias)."""
        country = self.country_names.get(normalise_phrase(name))
        if country is None:
            country_names = [c.name for c in self.countries]
            raise self.reporter.fail(
                f"{where}: country",
                f'unknown country "{name}"; declare it in [[countries]]'
                f"{did_you_mean(name, country_names)}",
            )
        return country


def _places(row: Row, collect: bool) -> bool:
    """Whether a [[sources]] row places records: when valid, or, when collecting, when
    its id and sections read (its records are then checked rather than left unchecked)."""
    return (not row.faulty or collect) and "id" in row.values and "sections" in row.values


def _source(v: Mapping[str, Any]) -> Source:
    return Source(
        v["id"], v.get("title", ""), v.get("file", ""), v.get("date", ""), v.get("summary", ""),
        v["sections"],
    )  # fmt: skip


def _level(v: Mapping[str, Any]) -> Level:
    return Level(v["id"], v["name"], v.get("aliases", ()))


def _country(v: Mapping[str, Any]) -> Country:
    return Country(v["name"], v.get("aliases", ()))


_Check = Callable[[str, str, dict[str, Any]], None]


class RecordRules:
    """The rules one record must meet against the file's declarations and other records."""

    def __init__(self, reporter: Reporter, vocabularies: Vocabularies) -> None:
        self.reporter = reporter
        self.vocabularies = vocabularies
        self.fail = reporter.fail
        # Each rule with the fields it reads: it is not tried when the shape checks refused
        # one of them (that fault is reported already).
        self._rules: tuple[tuple[frozenset[str], _Check], ...] = (
            (frozenset({"section", "source"}), self._place),
            (frozenset({"level"}), self._level),
            (frozenset({"country"}), self._country),
            (frozenset({*FIGURE_FIELDS, "qualifier"}), partial(check_figure, reporter.fail)),
            (frozenset(KIND_ONLY), partial(check_kind_fields, reporter.fail)),
            (frozenset({*FIGURE_CHOICES, "value"}), partial(check_figure_choices, reporter.fail)),
        )

    def fact(self, row: Row, kind: str) -> Fact:
        """The record of `row`; SkipRecord after its faults are reported (when collecting,
        each rule reports its own)."""
        where, v, refused = row.where, row.values, row.refused
        faulty = row.faulty
        for needs, rule in self._rules:
            if refused and not refused.isdisjoint(needs):
                continue
            try:
                rule(where, kind, v)
            except LocatedError as fault:
                self.reporter.report(fault)
                faulty = True
        if faulty or not self.vocabularies.sources:  # without a source it has no place
            raise SkipRecord
        return Fact(kind=kind, **v)  # the file's fields are Fact's, by the one registry

    def _place(self, where: str, kind: str, v: dict[str, Any]) -> None:
        """Source and section; `source` is set to the source's id."""
        if not self.vocabularies.sources or "section" not in v:
            return  # the missing source or section is reported already
        source = self.vocabularies.source_of(where, v.get("source"))
        if v["section"] not in source.sections:
            raise self.fail(
                f"{where}: section",
                f'"{v["section"]}" is not a section of source "{source.id}"'
                f"{did_you_mean(v['section'], source.sections)}",
            )
        v["source"] = source.id

    # A level or country by an alias is stored by its id or name: queries see one spelling.
    def _level(self, where: str, kind: str, v: dict[str, Any]) -> None:
        if "level" in v:
            v["level"] = self.vocabularies.level(where, v["level"])

    def _country(self, where: str, kind: str, v: dict[str, Any]) -> None:
        if "country" in v:
            v["country"] = self.vocabularies.country(where, v["country"])

    def check_ids(
        self, placed: list[tuple[str, Fact]], given: set[str], *, related_elsewhere: bool
    ) -> None:
        """Ids used once, and `related` ids that name a record (`given`: every id the
        file gives, faulty records included, whose faults are reported already)."""
        positions: dict[str, str] = {}
        for where, fact in placed:
            if fact.id in positions:
                if not self.reporter.collect:  # collecting reported it from every record
                    self.reporter.report(
                        self.fail(
                            f"{where}: id", f'"{fact.id}" is already used by {positions[fact.id]}'
                        )
                    )
                continue
            positions[fact.id] = where
        for where, fact in placed:
            for index, other in enumerate(fact.related):
                if other == fact.id:
                    self.reporter.report(
                        self.fail(f"{where}: related[{index}]", "a record cannot relate to itself")
                    )
                elif other not in positions and other not in given and not related_elsewhere:
                    self.reporter.report(
                        self.fail(
                            f"{where}: related[{index}]",
                            f'no record has id "{other}"{did_you_mean(other, list(positions))}',
                        )
                    )


def _plain(value: Any) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_figure(fail: _Fail, where: str, kind: str, v: Mapping[str, Any]) -> None:
    """A figure is whole (value, unit, as_written) and its written form agrees with it."""
    present = [key for key in FIGURE_FIELDS if key in v]
    required, why = KIND_REQUIRED.get(kind, ((), ""))
    for key in required:
        if key in FIGURE_FIELDS and key not in v:
            raise fail(f"{where}: {key}", f"missing required field ({why})")
    if present and len(present) < len(FIGURE_FIELDS):
        missing = next(key for key in FIGURE_FIELDS if key not in v)
        raise fail(f"{where}: {missing}", "missing; a figure needs value, unit and as_written")
    if "qualifier" in v and "value" not in v:
        raise fail(f"{where}: qualifier", "given without a value")
    if not present:
        return
    written = v["as_written"]
    figure = parse_figure(written)
    if figure is None:
        raise fail(
            f"{where}: as_written",
            f'"{written}" is not a figure like "over 8,000", "93.5%" or "six"',
        )
    if not same_number(figure.value, v["value"]):
        raise fail(
            f"{where}: as_written",
            f'"{written}" reads as {_plain(figure.value)}, but value is {v["value"]}',
        )
    if figure.qualifier != v.get("qualifier"):
        expected = f'"{figure.qualifier}"' if figure.qualifier else "no qualifier"
        got = f'"{v["qualifier"]}"' if "qualifier" in v else "none"
        raise fail(f"{where}: qualifier", f'"{written}" implies {expected}, got {got}')
    if figure.percent != (v["unit"] == "percent"):
        negation = "" if figure.percent else "not "
        raise fail(
            f"{where}: unit",
            f'"{written}" is {negation}a percentage, so unit must {negation}be "percent"',
        )


def check_kind_fields(fail: _Fail, where: str, kind: str, v: Mapping[str, Any]) -> None:
    """Fields only one kind gives, and the fields a kind must give beyond a figure."""
    for key, (only, _) in KIND_ONLY.items():
        if kind != only and key in v:
            raise fail(f"{where}: {key}", f"only {only}s have a {key}")
    required, why = KIND_REQUIRED.get(kind, ((), ""))
    for key in required:
        if key not in FIGURE_FIELDS and key not in v:
            raise fail(f"{where}: {key}", f"missing required field ({why})")
    for key, (only, choices) in KIND_ONLY.items():
        if kind == only and key in v and v[key] not in choices:
            raise fail(f"{where}: {key}", f'expected one of {", ".join(choices)}, got "{v[key]}"')


def check_figure_choices(fail: _Fail, where: str, kind: str, v: Mapping[str, Any]) -> None:
    """What qualifies a figure (its measure: share, rank, count) is said only of a figure,
    and by one of its names."""
    for key, choices in FIGURE_CHOICES.items():
        if key not in v:
            continue
        if "value" not in v:
            raise fail(f"{where}: {key}", "given without a value")
        if v[key] not in choices:
            raise fail(f"{where}: {key}", f'expected one of {", ".join(choices)}, got "{v[key]}"')
