"""Control characters are escaped as before, and their pattern is compiled only when a text
holds an unprintable character (or a facts check asks for it by name)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cqedu.core import text
from cqedu.core.text import escape_controls
from tests.conftest import python_code

#: The pattern as it was compiled at import before.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


#: What is shown escaped: those, and the bidirectional embeddings, overrides and isolates.
_SHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escaped(value: str) -> str:
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _SHOWN.sub(escape, value)


@settings(max_examples=300)
@given(
    st.text(
        st.sampled_from(
            [*"ab 9é大¶", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u200b", "\u202e", "\u2067"]
        )
    )
    | st.text()
)
def test_escaping_is_what_the_pattern_gave(value: str) -> None:
    assert escape_controls(value) == _escaped(value)


def test_exact_escapes() -> None:
    assert escape_controls("a\x1b[31mb\u2029\u200b") == "a\\x1b[31mb\\u2029\u200b"
    # A right-to-left override would turn the rest of the line round on a terminal; a
    # joiner inside an emoji and a right-to-left mark stay as they are.
    assert escape_controls("Lion \u202eevil\u2069 \U0001f468\u200d\U0001f393\u200f") == (
        "Lion \\u202eevil\\u2069 \U0001f468\u200d\U0001f393\u200f"
    )


def test_the_name_the_facts_checks_import_is_the_pattern() -> None:
    assert text.CONTROL_CHARACTERS.pattern == _CONTROL.pattern
    assert text.CONTROL_CHARACTERS is text._control_characters()


def test_printable_text_leaves_the_pattern_uncompiled() -> None:
    code = (
        "from cqedu.core import text\n"
        "print(text.escape_controls('over 500,000 teachers ¶1'))\n"
        "print(text._shown_escaped.cache_info().currsize)\n"
        "print(repr(text.escape_controls('a\\tb')))\n"
        "print(text._shown_escaped.cache_info().currsize)\n"
    )
    result = python_code(code, check=False, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "over 500,000 teachers ¶1\n0\n'a\\\\x09b'\n1\n"
