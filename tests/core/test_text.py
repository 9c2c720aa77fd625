"""Text in any form folds to one matching form: `text.fold`, `words`, `word_spans`, `stem`."""

# ruff: noqa: RUF001 - full-width, Cyrillic and dotless letters are what these tests are about

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqedu.core.text import fold, normalise_phrase, stem, terms, word_spans, words

#: The pattern words() is defined by for ASCII text (numbers first, then letters and digits).
_WORD_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W_]+"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        # decomposed (NFD) and composed (NFC) forms of one name fold alike
        (nfd("Orta Doğu Teknik Üniversitesi"), "orta dogu teknik universitesi"),
        ("Orta Doğu Teknik Üniversitesi", "orta dogu teknik universitesi"),
        # full-width letters and digits (NFKC)
        ("ＬＥＩＣＥＳＴＥＲ ２０２５", "leicester 2025"),
        # accents and cedillas
        ("Universidade de São Paulo", "universidade de sao paulo"),
        ("Façade ÉCOLE naïve", "facade ecole naive"),
        # ligatures and sharp s
        ("Oﬃce of Scientiﬁc Aﬀairs", "office of scientific affairs"),
        ("Straße", "strasse"),
        # Greek: case, tonos and the final sigma
        ("ΣΟΦΊΑ σοφίας", "σοφια σοφιασ"),
        ("Πολυτεχνείο ΠΟΛΥΤΕΧΝΕΙΟ", "πολυτεχνειο πολυτεχνειο"),
        # Cyrillic case
        ("МОСКВА Москва", "москва москва"),
        # Turkish dotted capital I and dotless i
        ("İSTANBUL İstanbul ıstanbul ISTANBUL", "istanbul istanbul istanbul istanbul"),
        # compatibility characters
        ("㎞ ① Ⅻ ｶﾀｶﾅ", "km 1 xii カタカナ"),
        # letters without a decomposition
        ("Øresund Łódź Đakovo", "oresund lodz dakovo"),
        # invisible characters inside a word: soft hyphen, zero-width joiner and space
        ("Hoch\u00adschule Tech\u200dnik Lei\u200bcester", "hochschule technik leicester"),
        # Hangul stays whole (NFD would split it into jamo)
        ("서울대학교", "서울대학교"),
    ],
)
def test_fold_gives_one_matching_form(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_ascii_text_is_only_case_folded() -> None:
    assert fold("Preschool-Enrollment RATE!") == "preschool-enrollment rate!"


def test_words_of_a_name_in_any_form_are_the_same() -> None:
    forms = [
        "Orta Doğu Teknik Üniversitesi",
        nfd("Orta Doğu Teknik Üniversitesi"),
        "ORTA DOĞU TEKNİK ÜNİVERSİTESİ",
        "Orta Dogu Teknik Universitesi",
    ]
    assert {tuple(words(form)) for form in forms} == {("orta", "dogu", "teknik", "universitesi")}


def test_unspaced_scripts_are_split_in_two_character_pieces() -> None:
    assert words("重庆大学") == ["重庆", "庆大", "大学"]
    assert words("重庆医科大学") == ["重庆", "庆医", "医科", "科大", "大学"]
    assert words("大学 大") == ["大学", "大"]
    assert words("東京大学 とうきょう") == ["東京", "京大", "大学", "とう", "うき", "きょ", "ょう"]
    assert words("서울대학교") == ["서울", "울대", "대학", "학교"]
    # Thai vowel signs are combining marks: they stay inside the run
    assert words("มหาวิทยาลัย") == ["มห", "หา", "าว", "วิ", "ิท", "ทย", "ยา", "าล", "ลั", "ัย"]
    # a run ends where Latin letters or digits begin
    assert words("abc重庆 9,177 93.5") == ["abc", "重庆", "9177", "93.5"]


def test_word_spans_point_into_the_text_as_written() -> None:
    name = nfd("São Paulo")
    assert [(name[start:end], word) for start, end, word in word_spans(name)] == [
        (nfd("São"), "sao"),
        ("Paulo", "paulo"),
    ]
    assert list(word_spans("重庆大学")) == [(0, 2, "重庆"), (1, 3, "庆大"), (2, 4, "大学")]
    assert list(word_spans("Lei\u00adcester, 9,177")) == [(0, 10, "leicester"), (12, 17, "9177")]


def test_normalise_phrase_folds_names_for_comparison() -> None:
    assert normalise_phrase("Sao Paulo") == normalise_phrase("SÃO PAULO") == "sao paulo"


def test_stem_meets_the_forms_of_one_word() -> None:
    assert {stem(w) for w in ("enrolments", "enrollment", "enrolment")} == {"enrol"}
    assert stem("universities") == stem("university") == "universiti"
    assert stem("graduates") == stem("graduate") == "graduat"
    # numbers and other scripts are their own stem
    others = ["93.5", "14th", "大学", "москва"]
    assert [stem(w) for w in others] == others
    assert terms("Enrolments of Universities") == ["enrol", "of", "universiti"]


# Letters, marks, digits, spaces and punctuation of many scripts, in any Unicode form.
_TEXT = st.text(
    st.characters(
        categories=("L", "M", "N", "Zs", "Pc", "Pd", "Po", "Cf"),
        exclude_characters="\x00",
    ),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
def test_every_unicode_form_of_a_text_has_the_same_words(text: str, form: str) -> None:
    assert words(unicodedata.normalize(form, text)) == words(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_spans_give_the_words_and_point_into_the_text(text: str) -> None:
    spans = list(word_spans(text))
    assert [word for _, _, word in spans] == words(text)
    assert all(0 <= start < end <= len(text) for start, end, _ in spans)


_ASCII_PIECES = ["9,177", "93.5", "14th", "a1", "1a", "_", "x_y", "1.2.3", "1,2", ",", ".", "Abc"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(_ASCII_PIECES) | st.text(st.characters(max_codepoint=127), max_size=6),
        max_size=8,
    )
)
def test_ascii_words_are_those_the_word_pattern_finds(pieces: list[str]) -> None:
    # words() splits most ASCII text by bytes.translate: the same words as the pattern
    text = "".join(pieces)
    found = [word.replace(",", "") for word in re.findall(_WORD_PATTERN, text.casefold())]
    assert words(text) == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Synthetic schools figure.", ["synthetic", "schools", "figure"]),
        ("over 9,177 in 14th_year", ["over", "9177", "in", "14", "th", "year"]),
        ("a1b2 x1.5y", ["a1b2", "x1", "5", "y"]),
        ("A-B\x1fc", ["a", "b", "c"]),
    ],
)
def test_ascii_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_invisible_characters_are_dropped_from_what_was_typed() -> None:
    from cqedu.core.text import drop_invisible

    assert drop_invisible("teach\u00aders\u200b\ufeff") == "teachers"
    assert drop_invisible("caf\u00e9") == "caf\u00e9"  # a letter with its accent stays


def test_invisible_characters_quoted_back_are_escaped() -> None:
    from cqedu.core.text import shown_typed

    assert shown_typed("teachers\u200b") == "teachers\\u200b"
    assert shown_typed("\ufeffid") == "\\ufeffid"
    assert shown_typed("重庆") == "重庆"
