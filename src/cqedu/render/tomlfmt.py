"""TOML output; an export is itself a valid facts file."""

from __future__ import annotations

import re
from typing import Any

import tomli_w

from cqedu.facts.fields import FILE_FIELDS
from cqedu.facts.loader import SCHEMA_VERSION
from cqedu.facts.model import TABLE_OF_KIND, FactsDocument
from cqedu.render import RenderOptions, Results
from cqedu.render.rows import Row, fact_row, rows

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _compact(row: Row, keys: tuple[str, ...]) -> dict[str, Any]:
    """A row without empty values: TOML has no null."""
    return {key: row[key] for key in keys if row.get(key) not in (None, [])}


def document_tables(document: FactsDocument) -> dict[str, Any]:
    """A FactsDocument as the tables of a facts file."""
    one_source = len(document.sources) == 1
    keys = tuple(k for k in FILE_FIELDS if not (one_source and k == "source"))
    tables: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "file": s.file,
                "date": s.date,
                "summary": s.summary,
                "sections": list(s.sections),
            }
            for s in document.sources
        ],
        "levels": [
            {"id": lv.id, "name": lv.name, "aliases": list(lv.aliases)} for lv in document.levels
        ],
        "countries": [{"name": c.name, "aliases": list(c.aliases)} for c in document.countries],
        "terms": [{"term": t.term, "synonyms": list(t.synonyms)} for t in document.terms],
    }
    for fact in document.facts:
        table = tables.setdefault(TABLE_OF_KIND[fact.kind], [])
        table.append(_compact(fact_row(fact), keys))
    return {key: value for key, value in tables.items() if value != []}


def _escape_non_ascii(text: str) -> str:
    # Only strings hold non-ASCII here, and TOML basic strings accept \u escapes.
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"

    return _NON_ASCII.sub(escape, text)


def render(results: Results, options: RenderOptions) -> str:
    """Results as TOML: a whole facts file for an export, else arrays of records by kind.

    An export with --fields writes only those fields, so it is not a facts file.
    """
    if results.document is not None and not results.view.chosen:
        tables = document_tables(results.document)
    else:
        tables = {}
        # The array a record stands in already says its kind.
        keys = tuple(name for name in results.view.fields if name != "kind")
        for fact, row in zip(results.facts, rows(results), strict=True):
            tables.setdefault(TABLE_OF_KIND[fact.kind], []).append(_compact(row, keys))
    text = tomli_w.dumps(tables)
    return _escape_non_ascii(text) if options.ascii_only else text
