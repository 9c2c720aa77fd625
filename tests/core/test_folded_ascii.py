"""Text beyond ASCII that folds to ASCII ("España") is split as its folded form, and folding
drops what the expression of diacritics and invisible characters would drop."""

# ruff: noqa: RUF001 - full-width letters and digits are what these tests are about

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cqedu.core import text
from cqedu.core.text import fold, words
from tests.conftest import python_code

#: How words() splits folded text beyond ASCII: numbers, then letters, digits and the marks
#: of scripts that keep them inside a word; each word's commas dropped.
_FOLDED_WORD = re.compile(f"{text._NUMBER}|(?:[^\\W_]|[{text._MARKED}])+")
#: What folding drops after decomposing: combining diacritics and invisible characters.
_DROPPED = re.compile(f"[{text._DIACRITICS}{text._INVISIBLE}]")

_LATIN = st.text(
    st.sampled_from(
        [*"aeinos SZ019,.-_", *"ñéÉüßçøłĳﬁ", "１", "，", "Ａ", "\u00ad", "\u200b", "\u0301"]
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(_LATIN)
def test_words_of_text_folding_to_ascii_are_those_the_expression_finds(written: str) -> None:
    folded = fold(written)
    expected = [w.replace(",", "") for w in _FOLDED_WORD.findall(folded)]
    assert words(written) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        st.characters(min_codepoint=0x00A0, max_codepoint=0x2100) | st.sampled_from("\ufe20\ufeff"),
        max_size=12,
    )
)
def test_folding_drops_what_the_expression_of_dropped_characters_matches(written: str) -> None:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", written).casefold())
    assert decomposed.translate(text._dropped()) == _DROPPED.sub("", decomposed)


def test_words_of_names_folding_to_ascii() -> None:
    assert words("España ＥＳ") == ["espana", "es"]
    assert words("São Paulo，１，２３４ pupils") == ["sao", "paulo", "1234", "pupils"]
    assert words("Hoch\u00adschule Zürich") == ["hochschule", "zurich"]


def test_a_name_folding_to_ascii_compiles_no_expression() -> None:
    code = (
        "from cqedu.core import text; "
        "print(text.words('España'), text._patterns.cache_info().currsize, "
        "text.words('重庆'), text._patterns.cache_info().currsize)"
    )
    assert python_code(code).stdout == "['espana'] 0 ['重庆'] 1\n"
