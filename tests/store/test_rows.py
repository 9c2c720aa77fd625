"""The rows a validated document is stored as (store/cache.py)."""

from __future__ import annotations

from cqedu.facts.loader import read_facts
from cqedu.facts.model import Fact
from cqedu.store import cache
from tests.conftest import MINI_FACTS


def test_a_records_row_is_its_fields_in_order_with_its_lists_joined_last() -> None:
    # document_rows joins the last three fields as lists: they must stay last
    assert Fact._fields[-3:] == ("fields", "keywords", "related")
    document = read_facts(MINI_FACTS)
    rows = cache.document_rows(document, 5)
    assert len(rows.facts) == len(document.facts)
    for number, (row, fact) in enumerate(zip(rows.facts, document.facts, strict=True), 5):
        assert row[:-3] == (number, *fact[:-3])
        assert [cache.split_list(value) for value in row[-3:]] == [  # type: ignore[arg-type]
            fact.fields,
            fact.keywords,
            fact.related,
        ]
    assert any(row[-2] for row in rows.facts)  # the mini facts give keywords
