"""The JSON Schema (draft 2020-12) of the facts file format, for editors' TOML extensions.

Derived from the same declarations as the loader's shape checks (tables.py, and through
it the field registry in fields.py), so it never drifts from what loading accepts. It
states types, required and unknown fields, slugs, dates, ranges and the rules of each
record kind; the rules across records (unique ids, `related` ids that exist, sections of
the source, declared levels and countries, as_written agreeing with value) are left to
`cqedu check`.
"""

from __future__ import annotations

import json
from typing import Any

from cqedu.facts.fields import FieldSpec
from cqedu.facts.tables import (
    CONSTRAINTS,
    DATE_PATTERN,
    FIGURE_CHOICES,
    FIGURE_FIELDS,
    INT_MAX,
    INT_MIN,
    KIND_ONLY,
    KIND_REQUIRED,
    RECORD_TABLES,
    SCHEMA_VERSION,
    SLUG_PATTERN,
    TABLES,
    TableSpec,
)

# Clean text, as the loader wants it: not empty, no leading or trailing space, no control
# character (C0, DEL, C1, line and paragraph separators).
_CONTROL = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
_TEXT = rf"^[^\s{_CONTROL}](?:[^{_CONTROL}]*[^\s{_CONTROL}])?$"


def facts_schema() -> dict[str, Any]:
    """The JSON Schema of a facts file, as a JSON-ready dict."""
    record_tables = [table.name for table in RECORD_TABLES]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cqedu facts file",
        "description": "Facts taken from news articles, as cqedu reads them "
        "(`cqedu check` also checks the rules across records).",
        "type": "object",
        "properties": {
            "schema": {
                "description": "Version of the facts file format.",
                "const": SCHEMA_VERSION,
            },
            **{table.name: _array(table) for table in TABLES},
        },
        "required": ["schema", *(table.name for table in TABLES if table.required)],
        "anyOf": [{"required": [name]} for name in record_tables],
        "additionalProperties": False,
        "$defs": {
            "text": {
                "description": "Clean text: not empty, no leading or trailing space, "
                "no control character.",
                "type": "string",
                "pattern": _TEXT,
            }
        },
    }


def schema_text() -> str:
    """The schema as JSON text, indented, with a final newline."""
    return json.dumps(facts_schema(), indent=2, ensure_ascii=False) + "\n"


def _array(table: TableSpec) -> dict[str, Any]:
    array: dict[str, Any] = {
        "description": table.doc,
        "type": "array",
        "items": _table(table),
    }
    if table.required:
        array["minItems"] = 1
    return array


def _table(table: TableSpec) -> dict[str, Any]:
    properties: dict[str, Any] = {field.name: _field(field) for field in table.fields}
    required = [field.name for field in table.fields if field.required]
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if table.kind is not None:
        kind_required, _ = KIND_REQUIRED.get(table.kind, ((), ""))
        required += [name for name in kind_required if name not in required]
        for name, (only, choices) in KIND_ONLY.items():
            properties[name] = (
                {**properties[name], "enum": list(choices)} if only == table.kind else False
            )
        for name, choices in FIGURE_CHOICES.items():
            properties[name] = {**properties[name], "enum": list(choices)}
        schema["dependentRequired"] = {
            **{name: [other for other in FIGURE_FIELDS if other != name] for name in FIGURE_FIELDS},
            "qualifier": ["value"],
            **{name: ["value"] for name in FIGURE_CHOICES},
        }
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _field(field: FieldSpec) -> dict[str, Any]:
    text: dict[str, Any] = {"$ref": "#/$defs/text"}
    schema: dict[str, Any]
    if field.type == "list":
        schema = {"type": "array", "items": text, "uniqueItems": True}
    elif field.type == "int":
        schema = {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}
    elif field.type == "number":
        schema = {"type": "number"}
    else:
        schema = dict(text)
    constraint = CONSTRAINTS.get(field.name)
    if constraint is not None:
        if constraint.format == "slug":
            schema = {"type": "string", "pattern": f"^{SLUG_PATTERN}$"}
        elif constraint.format == "date":
            schema = {"type": "string", "pattern": f"^{DATE_PATTERN}$", "format": "date"}
        if constraint.minimum is not None:
            schema["minimum"] = constraint.minimum
        if constraint.nonempty is not None:
            schema["minItems"] = 1
    return {"description": field.doc, **schema}
