"""Terminal escape sequences in typed or pasted text (a question, a query, an article copied
from a coloured terminal) are blanked, so the text reads as the words a terminal showed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqedu.core.text import blank_escape_sequences, words
from cqedu.facts.draft import draft_file
from cqedu.knowledge import KnowledgeBase

SEQUENCES = [
    "\x1b[31m",  # colour (SGR)
    "\x1b[0m",  # reset
    "\x1b[1;38;5;208m",  # 256-colour, bold
    "\x1b[2K",  # erase line
    "\x1b[?25l",  # hide cursor (private parameter)
    "\x9b1m",  # the C1 form of CSI
    "\x1b]8;;https://example.org\x1b\\",  # hyperlink opened, ended by ST
    "\x1b]0;title\x07",  # window title, ended by BEL
    "\x1b(B",  # character set
    "\x1b7",  # save cursor
]


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_each_kind_of_sequence_becomes_spaces_of_its_length(sequence: str) -> None:
    text = f"how many{sequence}teachers"
    assert blank_escape_sequences(text) == "how many" + " " * len(sequence) + "teachers"


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("plain question", "plain question"),
        ("São Paulo 重庆", "São Paulo 重庆"),
        ("end\x1b", "end "),  # a lone ESC at the end
        ("end\x1b[", "end  "),  # a control sequence cut short
        ("a\x1b]8;;unterminated", "a" + " " * 17),  # a control string never ended
        ("\x1b[31m40 buses\x1b[0m", "     40 buses    "),
    ],
)
def test_blanking(text: str, blanked: str) -> None:
    assert blank_escape_sequences(text) == blanked


@settings(max_examples=300)
@given(
    st.lists(st.from_regex(r"[A-Za-z0-9é重]{1,8}", fullmatch=True), min_size=1, max_size=6),
    st.lists(st.sampled_from(SEQUENCES), min_size=1, max_size=6),
)
def test_sequences_between_words_leave_the_words_and_every_offset(
    pieces: list[str], sequences: list[str]
) -> None:
    plain = " ".join(pieces)
    coloured, offsets = "", []
    for i, piece in enumerate(pieces):
        coloured += sequences[i % len(sequences)]
        offsets.append(len(coloured))
        coloured += piece + " "
    blanked = blank_escape_sequences(coloured)
    assert len(blanked) == len(coloured)
    assert words(blanked) == words(plain)
    for at, piece in zip(offsets, pieces, strict=True):
        assert blanked[at : at + len(piece)] == piece


def test_a_coloured_question_gets_the_plain_questions_answer(real_kb: KnowledgeBase) -> None:
    plain = real_kb.ask("how many teachers")
    coloured = real_kb.ask("how many\x1b[31m teachers\x1b[0m")
    assert coloured.text == plain.text
    assert [fact.id for fact in coloured.named] == ["teachers"]


def test_a_coloured_query_finds_what_the_plain_query_finds(real_kb: KnowledgeBase) -> None:
    assert [hit.fact.id for hit in real_kb.search("\x1b[1mleicester\x1b[0m")] == [
        hit.fact.id for hit in real_kb.search("leicester")
    ]
    assert real_kb.search("\x1b[31mpreschool\x1b[0m")[0].fact.id == "preschool-enrollment-rate"


def test_a_figure_after_a_colour_code_is_drafted(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Port News\n\nThe port runs \x1b[31m40 buses\x1b[0m for 12 schools.\n", encoding="utf-8"
    )
    stats = tomllib.loads(draft_file(article, date="2025-01-01"))["stats"]
    assert [(stat["value"], stat["unit"]) for stat in stats] == [(40, "buses"), (12, "schools")]
