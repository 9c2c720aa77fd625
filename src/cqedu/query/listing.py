"""The listings the query commands print: figures, records of a kind, programs, partners."""

from __future__ import annotations

from cqedu.core.errors import NoMatchError
from cqedu.facts.model import Fact
from cqedu.query.names import Names
from cqedu.store.records import Records


def figures(
    records: Records, names: Names, level: str | None = None, unit: str | None = None
) -> list[Fact]:
    """Every record with a figure, optionally of one level and one unit (given as typed).

    NoMatchError when a known level or unit has no figure; with neither, a knowledge base
    without figures gives an empty list.
    """
    chosen = names.levels.resolve(level) if level is not None else None
    wanted_units = names.unit(unit) if unit is not None else []
    where, params = "WHERE value IS NOT NULL", []
    if chosen is not None:
        where, params = f"{where} AND level = ?", [chosen.id]
    if wanted_units:
        marks = ", ".join("?" * len(wanted_units))
        where, params = f"{where} AND unit IN ({marks})", [*params, *wanted_units]
    found = records.facts(f"{where} ORDER BY pos", params)
    if found or (chosen is None and not wanted_units):
        return found  # nothing asked for, nothing found: an empty list, as programs()
    quoted = " or ".join(f'"{name}"' for name in wanted_units)
    if chosen is None:  # only a unit was asked, and units come from the figures
        raise NoMatchError(f"no figure is counted in {quoted}")
    in_unit = f" in {quoted}" if wanted_units else ""
    raise NoMatchError(
        f'the source gives no figure{in_unit} for level "{chosen.id}" ({chosen.name})'
    )


def of_kind(records: Records, names: Names, kind: str) -> list[Fact]:
    """Every record of one kind (given as typed), in file order; NoMatchError when none."""
    chosen = names.kinds.resolve(kind)
    found = records.facts("WHERE kind = ? ORDER BY pos", (chosen,))
    if not found:
        raise NoMatchError(f'the facts file has no record of kind "{chosen}"')
    return found


def programs(records: Records, names: Names, field: str | None = None) -> list[Fact]:
    """Programs (optionally of one subject field), each followed by the figures tied to it."""
    if field is None:
        chosen = records.facts("WHERE kind = 'program' ORDER BY pos")
    else:
        wanted = names.fields(field)
        marks = ", ".join("?" * len(wanted))
        chosen = records.facts(
            f"WHERE pos IN (SELECT pos FROM program_fields WHERE field IN ({marks})) "  # noqa: S608 - placeholders only
            "ORDER BY pos",
            wanted,
        )
    figures_by_id = {
        f.id: f for f in records.facts("WHERE value IS NOT NULL AND kind != 'program'")
    }
    tied: dict[str, list[Fact]] = {}
    for figure in figures_by_id.values():
        for other in figure.related:
            tied.setdefault(other, []).append(figure)
    result: list[Fact] = []
    shown: set[str] = set()
    for program in chosen:
        result.append(program)
        shown.add(program.id)
        extra = [figures_by_id[i] for i in program.related if i in figures_by_id]
        for figure in extra + tied.get(program.id, []):
            if figure.id not in shown:
                result.append(figure)
                shown.add(figure.id)
    return result


def partners(records: Records, names: Names, country: str | None = None) -> list[Fact]:
    """Partner institutions, countries and centres, optionally of one country (as typed)."""
    if country is None:
        return records.facts("WHERE kind = 'partner' ORDER BY pos")
    chosen = names.countries.resolve(country)
    found = records.facts("WHERE kind = 'partner' AND country = ? ORDER BY pos", (chosen.name,))
    if not found:
        raise NoMatchError(f"the source names no partner in {chosen.name}")
    return found
