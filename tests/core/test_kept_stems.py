"""Stems kept from an earlier run answer `stem` without loading the stemmer."""

from __future__ import annotations

from tests.conftest import python_code


def test_kept_stems_are_taken_and_other_words_are_stemmed() -> None:
    # "zebra" is kept with a stem no stemmer gives, so the answer shows where it came from
    code = (
        "import sys; from cqedu.core import text; "
        "text.remember_stems(['schools', 'zebra'], ['school', 'zeb']); "
        "print(text.stem('zebra'), text.stem('schools'), 'Stemmer' in sys.modules); "
        "print(text.stem('running'), 'Stemmer' in sys.modules)"
    )
    assert python_code(code).stdout == "zeb school False\nrun True\n"
