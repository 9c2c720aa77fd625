"""Choosing fields and ordering records: --fields and --sort in the domain layer."""

from __future__ import annotations

import pytest

from cqedu.core.errors import QueryError
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from cqedu.query.selection import HIT_FIELDS, choose_fields, sort_facts, sort_field, sort_programs


def fact(fact_id: str, **fields: object) -> Fact:
    return Fact(fact_id, "stat", fact_id.title(), "S", "Intro", 1, "s")._replace(**fields)


def test_choose_fields_keeps_the_order_given() -> None:
    assert choose_fields("value, id,AS_WRITTEN") == ("value", "id", "as_written")
    assert choose_fields("score,id", HIT_FIELDS) == ("score", "id")


def test_choose_fields_refuses_search_fields_outside_search() -> None:
    with pytest.raises(QueryError, match=r'^unknown field "matched_field"; valid fields: id, '):
        choose_fields("matched_field")


def test_sort_field_refuses_lists() -> None:
    with pytest.raises(QueryError, match=r'^cannot sort by "related", a list; fields to sort by'):
        sort_field("related")
    assert sort_field("Paragraph") == "paragraph"


def test_numbers_sort_as_numbers_and_empty_values_come_last_both_ways() -> None:
    facts = [fact("a", value=9), fact("b"), fact("c", value=10.5), fact("d", value=100)]
    assert [f.id for f in sort_facts(facts, "value")] == ["a", "c", "d", "b"]
    assert [f.id for f in sort_facts(facts, "value", descending=True)] == ["d", "c", "a", "b"]


def test_text_sorts_without_regard_to_case_and_stably() -> None:
    facts = [fact("a", name="beta"), fact("b", name="Alpha"), fact("c", name="alpha")]
    assert [f.id for f in sort_facts(facts, "name")] == ["b", "c", "a"]


def test_programs_keep_their_figures_when_sorted(mini_kb: KnowledgeBase) -> None:
    other = mini_kb.get("mini-robot-club")._replace(id="zz-program", name="A first program")
    listing = [*mini_kb.programs(), other]
    assert [f.id for f in sort_programs(listing, "name")] == [
        "zz-program",
        "mini-robot-club",
        "mini-club-members",
    ]
