"""Chat and written abbreviations in a question, spelt out as the words they stand for.

Two kinds of short word stand for others in questions typed quickly:

- chat abbreviations ("tbh", "rn", "bc", "imo"), from abbrfix's table of abbreviations
  used in online communication (MIT; read only when a question holds a short word the
  records do not use);
- English's conventional written abbreviations of common words ("nos." for numbers,
  "approx." for approximately, "yr" for year, "govt" for government), as dictionaries
  list them, and of school levels ("hs" high school, "ms" middle school): a closed set.
  Spelt out, one the article does not use is refused for its words ("middle school"),
  where the short form might have been read as a function word ("ms" is a stop word).

A word the records use is never spelt out ("goat" might be a record's word); an expansion
that is not plain words ("wtf" gives "what the fuck?") is skipped. What a hedge expands
to ("to be honest", "in my opinion") is dropped afterwards as speech's hedges are
(`disfluency`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

#: Written abbreviations of common English words (with or without the full stop), as
#: dictionaries list them. "no." only before "of" (`_NUMBER_OF`): alone it is the word "no".
_WRITTEN = {
    "nos": "numbers",
    "approx": "approximately",
    "yr": "year",
    "yrs": "years",
    "govt": "government",
    "gov": "government",
    "intl": "international",
    "natl": "national",
    "dept": "department",
    "incl": "including",
    "esp": "especially",
    "info": "information",
    "pct": "percent",
    # the school levels' initialisms, typed lowercase or in capitals ("Ms" is a title)
    "hs": "high school",
    "ms": "middle school",
    "es": "elementary school",
    "jhs": "junior high school",
    "shs": "senior high school",
}
#: Chat spellings of common words that abbrfix's table does not hold ("pls", "ppl": the
#: fresh-eyes trials typed them), read as abbrfix's are.
_CHAT_MORE = {
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "abt": "about",
    "cuz": "because",
    "coz": "because",
    "bcuz": "because",
    "wat": "what",
}
#: The initialisms above that are also titles or words when typed with one capital.
_TITLES = frozenset({"ms", "es"})
#: "no. of" and "nos of": the number of.
_NUMBER_OF = re.compile(r"(?i)\bno\.\s*(?=of\b)")
#: A word that may be an abbreviation: letters and digits, a full stop may end it.
_WORD = re.compile(r"(?i)(?<![\w'-])([a-z][a-z0-9]{1,5})\.?(?![\w'-])")
#: The letters a chat expansion is made of: plain words.
_PLAIN = re.compile(r"[a-z' ]+")


@cache
def _glued() -> re.Pattern[str]:
    """A figure with a written abbreviation typed solid after it ("1pct", "5yrs"),
    compiled on first use: only a question holding a digit needs it."""
    return re.compile(r"(?i)(?<![\w.])(\d+(?:\.\d+)?)([a-z]+)\b")


def _unglued(question: str) -> str:
    """The question with an abbreviation typed solid after its figure set apart ("top
    1pct": "top 1 pct"), as a unit is written after its number; any other letters after
    digits ("2nd", "4th", "10k") as typed."""
    return _glued().sub(
        lambda found: f"{found[1]} {found[2]}" if found[2].lower() in _WRITTEN else found[0],
        question,
    )


@cache
def _chat() -> dict[str, str]:
    """abbrfix's chat abbreviations with a plain-words expansion; none when it is not
    installed (the question is then read as typed)."""
    try:
        from abbrfix.abbr import abbreviations  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a declared dependency
        return dict(_CHAT_MORE)
    table: dict[str, str] = abbreviations
    return {k.lower(): v for k, v in table.items() if _PLAIN.fullmatch(v)} | _CHAT_MORE


def spelt_out(question: str, known: Collection[str], declared: Collection[str] = ()) -> str:
    """`question` with each abbreviation that is not a word of the records (`known`) or
    of their declared terms (`declared`) written as the words it stands for; any other
    question as typed."""
    said = question
    if "no." in said.lower():
        said = _NUMBER_OF.sub("number ", said)
    if any(c.isdigit() for c in said):
        said = _unglued(said)
    candidates = {w.lower() for w in _WORD.findall(said)} - set(known) - set(declared)
    if not candidates:
        return said
    chat: dict[str, str] = {}
    if not candidates <= _WRITTEN.keys():
        chat = _chat()
    if candidates.isdisjoint(_WRITTEN) and candidates.isdisjoint(chat):
        return said

    def full(found: re.Match[str]) -> str:
        word = found[1].lower()
        if word in known or word in declared or (word in _TITLES and found[1].istitle()):
            return found[0]
        return _WRITTEN.get(word) or chat.get(word) or found[0]

    return _WORD.sub(full, said)
