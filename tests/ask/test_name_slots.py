"""A real word a phone's autocorrect put for a misspelt word of a known name
(`spelling._name_slot`): read as the name's word when the question says at least two of
the name's words beside it, one of content and one before it, and the two are spelt alike
with the same first letter (or one letter apart); the same word outside a name, in a
name's first slot ("Southeast University"), or unlike the name's word ("Lancaster",
"Chester" for Leicester), still vetoes."""

from __future__ import annotations

import pytest

from cqedu.ask import reading
from cqedu.ask.language import Lexicon
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "typed", "meant"),
    [
        ("who is director of the municipal education commotion", "commotion", "commission"),
        ("what is the Double First Glass initiative", "glass", "class"),
        ("what's special about the university of Lester joint college", "lester", "leicester"),
        ("what is the Education Strengthening Chongqing Auction", "auction", "action"),
    ],
)
def test_read_as_the_names_word(
    real_kb: KnowledgeBase, question: str, typed: str, meant: str
) -> None:
    tokens = reading.read(Lexicon(real_kb), question).tokens
    assert meant in tokens
    assert typed not in tokens


def test_answered(real_kb: KnowledgeBase) -> None:
    assert real_kb.ask("who is director of the municipal education commotion").text == (
        "Liu Yanbing: Director of the Chongqing Municipal Education Commission, who presented "
        "the results and the aims ahead. (Opening ¶3)"
    )
    assert real_kb.ask("what is the Double First Glass initiative").record.id == (
        "double-first-class-initiative"
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what caused the commotion at the press conference",
            'the article does not mention "commotion"',
        ),
        (
            "who heads the municipal health commotion",
            'the article does not mention "health commotion"',
        ),
        (
            "what is special about the university of Lancaster joint college",
            'the article does not mention "Lancaster" (it covers Chongqing)',
        ),
        (
            "what did Southeast University present on stage",
            'the article does not mention "Southeast University" (it covers Chongqing)',
        ),
        (
            "what is special about the university of Chester joint college",
            'the article does not mention "Chester" (it covers Chongqing)',
        ),
        (
            "what is the Double First Rate initiative",
            'the article does not mention "Double First Rate" (it covers Chongqing)',
        ),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message
