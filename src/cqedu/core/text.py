"""The one place text becomes words: folding, splitting and stemming, for data and queries alike.

Search, `ask`, the resolvers (`matching`), the loader's name comparisons and the search
index all go through `words` (and the index and search through `terms`), so a name in a
facts file and a query typed in another form of the same text meet:

- `fold`: NFKC (full-width letters, ligatures, compatibility characters), case folding
  (Greek final sigma, German sharp s, Turkish dotted and dotless i), accents and other
  combining diacritics removed, invisible format characters (zero-width joiners, soft
  hyphens) dropped. Names still print as written: only the matching form is folded.
- `words`: a folded text's words; a run of an unspaced script (Chinese, Japanese kana,
  Korean hangul, Thai, ...) becomes its overlapping two-character pieces, so that a word
  inside a name is found ("大学" in "重庆医科大学").
- `terms`: the words stemmed (Snowball English, via PyStemmer), as the search index holds
  them, so that "enrolments" meets "enrollment".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

# A figure with thousands separators ("9,177") is one word; so is a decimal ("93.5").
#: Characters that would drive a terminal or break a line: C0, DEL, C1, line separators.
#: Compiled on first use (see `__getattr__`).
CONTROL_CHARACTERS: re.Pattern[str]
_GROUPED_DIGITS = re.compile(r"\d,\d")

#: Scripts written without spaces between words, as (first, last) code points: Thai, Lao,
#: Myanmar, Hangul jamo, Khmer, CJK radicals, kana, bopomofo, CJK ideographs (and their
#: extensions), Hangul syllables, CJK compatibility ideographs.
UNSPACED = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1100, 0x11FF),
    (0x1780, 0x17FF),
    (0x2E80, 0x2FDF),
    (0x3040, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)
# Blocks whose vowel signs and other marks are combining characters, kept inside a word
# (Devanagari to Sinhala, Thai, Lao, Myanmar, Khmer). Kept small: a regular expression
# compiles in time proportional to the code points its classes cover.
_MARKED = "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# Combining diacritics (accents, breves, cedillas, the Turkish dot) that folding removes.
_DIACRITICS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Invisible format characters that join or hyphenate inside a word: soft hyphen, Arabic
# letter mark, zero-width space / non-joiner / joiner, marks of direction, word joiner and
# invisible operators, byte order mark.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
# Letters with no decomposition that readers treat as a base letter with a mark.
_BASE_LETTERS = str.maketrans(
    {
        "\u0131": "i",  # Turkish dotless i
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
    }
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A number as `words` gives it: digits, a decimal point and digits ("9177", "64.25").
_NUMBER_WORD = re.compile(r"\d+(?:\.\d+)?")
# A word of ASCII text: a number, or letters and digits.
_WORD = re.compile(f"{_NUMBER}|[^\\W_]+")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The expressions for text beyond ASCII: a folded word, and a character with the
    marks folding drops after it (for spans). Compiled on first use (about 1 ms): ASCII
    text, and text that folds to ASCII ("España"), never needs them."""
    return (
        re.compile(f"{_NUMBER}|(?:[^\\W_]|[{_MARKED}])+"),
        re.compile(f".[{_DIACRITICS}{_INVISIBLE}]*", re.DOTALL),
    )


@cache
def _dropped() -> dict[int, None]:
    """What folding drops, as a str.translate table: the code points of `_DIACRITICS` and
    `_INVISIBLE` (a table, not an expression: it is built in a tenth of the time)."""
    table: dict[int, None] = {}
    spec = _DIACRITICS + _INVISIBLE  # single characters and "a-b" ranges, as in a class
    at = 0
    while at < len(spec):
        if spec[at + 1 : at + 2] == "-":
            table.update(dict.fromkeys(range(ord(spec[at]), ord(spec[at + 2]) + 1)))
            at += 3
        else:
            table[ord(spec[at])] = None
            at += 1
    return table


# Whether each character met so far is of an unspaced script: a text uses few of them.
_unspaced_chars: dict[str, bool] = {}


def _unspaced_flags(word: str) -> list[bool]:
    """Whether each character of a word is of an unspaced script."""
    flags = list(map(_unspaced_chars.get, word))  # looked up at C speed
    if None in flags:
        for char in word:
            code = ord(char)
            _unspaced_chars[char] = any(first <= code <= last for first, last in UNSPACED)
        flags = list(map(_unspaced_chars.get, word))
    return flags  # type: ignore[return-value]  # every character is known now


def is_unspaced(word: str) -> bool:
    """Whether every character of a folded word is of an unspaced script (see `UNSPACED`)."""
    return bool(word) and max(word) >= "\u0e00" and all(_unspaced_flags(word))


def _split_unspaced(word: str) -> list[str]:
    """A folded word with its runs of unspaced scripts cut into two-character pieces."""
    if max(word) < "\u0e00":
        return [word]
    flags = _unspaced_flags(word)
    if all(flags):
        return _pieces(word)
    if not any(flags):
        return [word]
    found: list[str] = []
    start = 0
    for unspaced, run in itertools.groupby(flags):
        end = start + len(list(run))
        part = word[start:end]
        # the rest is split as a word of its own would be: "0a" is a number and a word
        found.extend(_pieces(part) if unspaced else _patterns()[0].findall(part))
        start = end
    return found


def fold(text: str) -> str:
    """The form text is matched in: "São" -> "sao"; full-width "LEICESTER" -> "leicester".

    NFKC, case folding, combining diacritics and invisible format characters removed,
    recomposed (NFC, which keeps Hangul syllables whole). ASCII text is only case folded.
    """
    if text.isascii():
        return text.casefold()
    import unicodedata  # deferred for start-up: ASCII text (every cached query) needs none

    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = unicodedata.normalize("NFD", folded).translate(_dropped())
    folded = folded.translate(_BASE_LETTERS)
    return unicodedata.normalize("NFC", folded)


def normalise_word(word: str) -> str:
    """Fold and drop thousands separators: "9,177" -> "9177", "São" -> "sao"."""
    return fold(word).replace(",", "")


def _pieces(run: str) -> list[str]:
    """A run of an unspaced script as its overlapping two-character pieces ("重庆大学" ->
    "重庆", "庆大", "大学"); a single character stands alone."""
    if len(run) < 3:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


# ASCII text in which no digit is followed by a letter, "." or ",": its words are its runs
# of letters and digits (a number cannot run into a word, a decimal or thousands), which
# bytes.translate finds several times faster than the word pattern.
_RUNS_ONLY = re.compile(r"[0-9][A-Za-z.,]").search
_LETTERS_AND_DIGITS = bytes(
    byte if chr(byte).isascii() and chr(byte).isalnum() else 0x20 for byte in range(256)
)


def words(text: str) -> list[str]:
    """The folded words of a text, in order (see the module's notes)."""
    if text.isascii():  # the quick paths: this runs for every indexed text
        if _RUNS_ONLY(text) is None:
            return (
                text.encode("ascii").translate(_LETTERS_AND_DIGITS).decode("ascii").lower().split()
            )
        found = _WORD.findall(text.casefold())
    else:
        folded = fold(text)
        if folded.isascii():  # accents and full-width forms folded away ("España")
            return words(folded)
        found = []
        for word in _patterns()[0].findall(folded):
            found.extend(_split_unspaced(word))
        return [word.replace(",", "") for word in found]  # folding may make commas
    if "," in text and _GROUPED_DIGITS.search(text):
        return [word.replace(",", "") for word in found]
    return found


def is_number(word: str) -> bool:
    """Whether a word of `words` is a number: "9177" (from "9,177") or a decimal, "64.25"."""
    return _NUMBER_WORD.fullmatch(word) is not None


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of a text, as `words` gives them.

    The spans are in `text` as written; pieces of an unspaced run overlap. A word that
    folding made of several characters (a ligature, "½") spans all of them.
    """
    if text.isascii():
        for match in _WORD.finditer(text):
            yield match.start(), match.end(), match.group().casefold().replace(",", "")
        return
    # Fold each character with the marks that follow it, remembering where it came from.
    parts: list[str] = []
    origin: list[tuple[int, int]] = []
    for match in _patterns()[1].finditer(text):
        part = fold(match.group())
        parts.append(part)
        origin.extend([match.span()] * len(part))
    folded = "".join(parts)
    if folded != fold(text):  # folding joined characters (Hangul jamo): the text is the span
        for word in words(text):
            yield 0, len(text), word
        return
    for start, end, word in _folded_word_spans(folded):
        yield origin[start][0], origin[end - 1][1], word


def _folded_word_spans(folded: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word of a folded text beyond ASCII, as `words` splits it."""
    expression = _patterns()[0]
    for match in expression.finditer(folded):
        word, start = match.group(), match.start()
        if max(word) < "\u0e00":
            yield start, match.end(), word.replace(",", "")
            continue
        for unspaced, run in itertools.groupby(_unspaced_flags(word)):
            end = start + len(list(run))
            if not unspaced:
                for part in expression.finditer(folded, start, end):
                    yield part.start(), part.end(), part.group().replace(",", "")
            elif end - start < 3:
                yield start, end, folded[start:end]
            else:
                for offset in range(start, end - 1):
                    yield offset, offset + 2, folded[offset : offset + 2]
            start = end


def normalise_phrase(text: str) -> str:
    """A name or query as its words: "Preschool-enrollment rate!" -> "preschool enrollment rate"."""
    return " ".join(words(text))


# Stems already found, and the stemmer: PyStemmer's English (Porter 2) Snowball stemmer.
_stems: dict[str, str] = {}
_stemmer: list[Any] = []


# Stems kept from earlier runs, each as (sorted words, their stems): see `remember_stems`.
_kept_stems: list[tuple[Sequence[str], Sequence[str]]] = []


def remember_stems(words: Sequence[str], stems: Sequence[str]) -> None:
    """Take these words' stems as known: `words` sorted (as `sorted` orders them), each
    with its stem at the same place in `stems`, worked out by `stem` before and kept in a
    cache. `stem` then answers them without loading the stemmer; looked up by bisection,
    they cost nothing until asked for."""
    _kept_stems.append((words, stems))


def _kept_stem(word: str) -> str | None:
    from bisect import bisect_left  # deferred for start-up: only with stems kept

    for kept, stems in _kept_stems:
        at = bisect_left(kept, word)
        if at < len(kept) and kept[at] == word:
            return stems[at]
    return None


def stem(word: str) -> str:
    """The Snowball English stem of a folded word: "universities" -> "universiti".

    Words holding a digit or a letter outside a-z (numbers, other scripts) are their own
    stem. Imports the stemmer on first use (about 3 ms).
    """
    found = _stems.get(word)
    if found is None and _kept_stems:
        found = _kept_stem(word)
        if found is not None:
            _stems[word] = found
    if found is None:
        if word.isascii() and word.isalpha():
            if not _stemmer:
                import Stemmer  # deferred for start-up: only the index and search stem

                _stemmer.append(Stemmer.Stemmer("english"))
            found = _stemmer[0].stemWord(word)
        else:
            found = word
        _stems[word] = found
    return found


def terms(text: str) -> list[str]:
    """The stemmed words of a text, as the search index holds them."""
    return [stem(word) for word in words(text)]


@cache
def _control_characters() -> re.Pattern[str]:
    # Compiled on first use: its class reaches beyond Latin-1 in three runs, so `re` builds
    # a 64 K-entry table for it (2.6 M instructions, 2% of a bundled query's start-up),
    # which a run that reads and writes only printable text never needs.
    return re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def __getattr__(name: str) -> Any:
    if name == "CONTROL_CHARACTERS":  # the facts checks import it by name
        return _control_characters()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The C1 controls that open an escape sequence on their own (CSI, DCS, SOS, OSC, PM, APC).
_C1_INTRODUCERS = frozenset("\x90\x98\x9b\x9d\x9e\x9f")


@cache
def _escape_sequences() -> re.Pattern[str]:
    # ECMA-48's escape sequences, as terminals read them: a control sequence (CSI: ESC [ or
    # U+009B, parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte
    # 0x40-0x7E); a control string (OSC, DCS, SOS, PM, APC) up to BEL or ST, or to the end
    # when unterminated; any other escape (ESC, intermediates, one final byte). No
    # maintained package on the registry does this (strip-ansi: 2020, 40 lines).
    return re.compile(
        r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
        r"|(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
        r"|\x1b[ -/]*[0-~]?"
    )


def blank_escape_sequences(text: str) -> str:
    """`text` with each terminal escape sequence ("\\x1b[31m", a hyperlink's OSC 8) as
    spaces of its length: text copied from a coloured terminal reads as the words it
    shows ("\\x1b[31m40 buses" -> "     40 buses"), and every other character keeps its
    offset, so spans found in the result hold in `text`."""
    if "\x1b" not in text and (text.isascii() or not _C1_INTRODUCERS.intersection(text)):
        return text
    return _escape_sequences().sub(lambda match: " " * len(match.group()), text)


@cache
def _shown_escaped() -> re.Pattern[str]:
    # The control characters, and the bidirectional embeddings, overrides and isolates: a
    # name holding U+202E printed as it is turns the rest of its line round on a terminal
    # (the "Trojan Source" trick), so a row could read as another. Facts files may hold
    # them (an Arabic name may need an isolate); only what cqedu shows escapes them.
    return re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@cache
def _invisible() -> re.Pattern[str]:
    return re.compile(f"[{_INVISIBLE}]")


def drop_invisible(text: str) -> str:
    """`text` without the invisible format characters folding drops (a zero-width space,
    a soft hyphen, a byte order mark): an id typed or pasted with one is the id seen."""
    if text.isascii():
        return text
    return _invisible().sub("", text)


def shown_typed(text: str) -> str:
    """Text someone typed, to quote back: each invisible format character as an escape
    ("\\u200b"), so a value that names nothing never reads like the one suggested."""
    if text.isascii():
        return text
    return _invisible().sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def escape_controls(text: str) -> str:
    """Control characters and bidirectional overrides as visible escapes ("\\x1b",
    "\\u202e"), so text never drives a terminal nor reorders what it shows."""
    if text.isprintable():  # every such character is unprintable: nothing to escape
        return text

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _shown_escaped().sub(escape, text)


#: British and American spellings of one word, as (ending, its other spelling) pairs of
#: folded words, each way round: the few regular patterns, not a list of words, so
#: "programmes" meets "programs" and "centre" meets "center" when only one form is in the
#: records. Snowball stems them apart ("programm", "program").
_RESPELLINGS: tuple[tuple[str, str], ...] = (
    ("mme", "m"),  # programme, programmes
    ("mmes", "ms"),
    ("tre", "ter"),  # centre, metre, theatre
    ("tres", "ters"),
    ("our", "or"),  # colour, labour, behaviour
    ("ours", "ors"),
    ("ourite", "orite"),  # favourite
    ("ise", "ize"),  # organise, recognise
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),  # organisation
    ("isations", "izations"),
    ("yse", "yze"),  # analyse
    ("ogue", "og"),  # catalogue
    ("ence", "ense"),  # licence, defence
    ("lled", "led"),  # travelled, cancelled, modelled
    ("lling", "ling"),
)
#: Letters a word keeps before an ending it respells: "four" and "tour" are no "for" and
#: "tor", and "centre" (4) is the shortest word so respelt.
_RESPELT_STEM = 3


def respellings(word: str) -> list[str]:
    """The other spellings of a folded English word by `_RESPELLINGS` ("programmes" ->
    ["programs"], "center" -> ["centre"]); none for a word no pattern ends it."""
    found: list[str] = []
    for british, american in _RESPELLINGS:
        # A British ending is respelt American; only a word without it the other way
        # ("travelled" is not "travellled").
        ending, other = (british, american) if word.endswith(british) else (american, british)
        if word.endswith(ending) and len(word) - len(ending) >= _RESPELT_STEM:
            found.append(word[: len(word) - len(ending)] + other)
    return list(dict.fromkeys(found))


def unread_symbols(text: str) -> list[str]:
    """The pieces of `text`, as typed and each once, that `words` leaves out and that are
    no punctuation: emoji, arrows, currency and other symbols beyond ASCII ("🎓", "→",
    "€"), which a reader may have meant as words. ASCII punctuation and symbols ("?", "%",
    "&") and other scripts' punctuation ("…", "—") are read as the breaks they are."""
    if text.isascii():
        return []
    import unicodedata  # deferred for start-up: ASCII text (every cached query) needs none

    covered = [False] * len(text)
    for start, end, _word in word_spans(text):
        covered[start:end] = [True] * (end - start)
    pieces: list[str] = []
    for match in re.finditer(r"\S+", text):
        run = ""
        for at in range(match.start(), match.end() + 1):
            if at < match.end() and not covered[at]:
                run += text[at]
                continue
            if any(
                not char.isascii() and unicodedata.category(char)[0] in "SC"
                for char in run
                if unicodedata.category(char) != "Cf"  # a joiner alone is part of an emoji
            ):
                pieces.append(run)
            run = ""
    return list(dict.fromkeys(pieces))


def in_another_script(text: str) -> bool:
    """Whether a text has letters and none of them is of the Latin script ("重庆有多少学校",
    "сколько школ"): a question or query cqedu cannot read, as its words are English."""
    if text.isascii():
        return False
    import unicodedata  # deferred for start-up: ASCII text (every cached query) needs none

    letters = [char for char in text if char.isalpha()]
    return bool(letters) and not any(unicodedata.name(c, "").startswith("LATIN") for c in letters)
