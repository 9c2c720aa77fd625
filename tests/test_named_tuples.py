"""The records and results every command defines at start-up carry evaluated annotations."""

from __future__ import annotations

import importlib
import typing

import pytest

#: Modules every command (and `ask`'s reading) imports whose NamedTuples are defined without
#: string annotations: typing.NamedTuple compiles a string annotation into a ForwardRef at
#: each start-up.
EVALUATED = (
    "cqedu.ask.reading",
    "cqedu.core.matching",
    "cqedu.facts.fields",
    "cqedu.facts.files",
    "cqedu.facts.model",
    "cqedu.render",
    "cqedu.store.records",
)


@pytest.mark.parametrize("name", EVALUATED)
def test_no_named_tuple_field_is_a_forward_reference(name: str) -> None:
    module = importlib.import_module(name)
    tuples = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, tuple) and hasattr(value, "_fields")
    ]
    assert tuples
    unevaluated = {
        f"{t.__name__}.{field}"
        for t in tuples
        for field, kind in t.__annotations__.items()
        if isinstance(kind, typing.ForwardRef | str)
    }
    assert unevaluated == set()


def test_the_fact_fields_are_their_types() -> None:
    from cqedu.facts.model import Fact

    assert Fact.__annotations__["id"] is str
    assert Fact.__annotations__["paragraph"] is int
    assert Fact.__annotations__["fields"] == tuple[str, ...]
