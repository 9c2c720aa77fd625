"""Step 1, a reading of its own: a singular after a number of two or more is a plural.

Second-language English often drops the plural after a number: "the five brand", "two
university", "12 core goal" ask of brands, universities and goals, and are read so; and
after "how many", which asks a plural as a number does ("how many company get benefit").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

_ORDINAL = frozenset({"st", "nd", "rd", "th"})
#: Auxiliaries of do-support, after which a number is the clause's subject.
_DO = frozenset({"do", "does", "did"})
#: Words that may stand between them and the number ("does *the figure* 9,177 mean").
_BEFORE_FIGURE = frozenset({"the", "this", "that", "figure", "number", "value", "amount"})
#: Words of the noun phrase after the number that may hold its head ("12 *core goal*").
_PHRASE = 3


def _plurals(word: str) -> list[str]:
    found = [f"{word}s", f"{word}es"]
    if word.endswith("y"):
        found.insert(0, f"{word[:-1]}ies")
    return found


def counted_plural(
    tokens: Sequence[str],
    known: Collection[str],
    closed: Collection[str],
    common: Collection[str] = (),
) -> tuple[str, ...]:
    """The tokens with the head noun after a number of two or more, or after "how many",
    made plural when it is singular and the records use its plural (`known`); the phrase
    ends at a word of the closed classes (`closed`), and after "how many" at a common
    verb (`common`: "how many *company* get benefit"); a year ("2025 plan") is no number."""
    found = list(tokens)
    for i in range(len(tokens) - 1):
        many = i > 0 and tokens[i - 1 : i + 1] == ("how", "many")
        # "how many company *get*": the verb after the noun counted ends the phrase
        run = _phrase_after(tokens, i, closed, common if many else ())
        if tokens[i + 1] in _ORDINAL:
            continue  # "the 14th plan"
        if _subject_of_do(tokens, i):
            continue  # "what does 9,177 *refer* to": the number is the subject, then its verb
        heads = [j for j in run if _known_plural(tokens[j], known)]
        # "a five year plan": a number and a singular noun before another noun modify it,
        # as English writes them; only one noun that may be plural is a head to mend
        if len(heads) != 1 or heads[0] != run[-1] or tokens[heads[0]].endswith("s"):
            continue
        if not many and not _number(tokens[i]):
            continue
        after = run[-1] + 1 if run else len(tokens)
        if many and after < len(tokens) and _noun_goes_on(tokens[after], closed, common):
            continue  # "how many vocational education *platforms*": the head is further on
        found[heads[-1]] = _known_plural(tokens[heads[-1]], known)
    return tuple(found)


def _noun_goes_on(word: str, closed: Collection[str], common: Collection[str]) -> bool:
    """Whether a word after a run may go on with its noun phrase: a word of its own, no
    closed-class word or common verb."""
    return word.isalpha() and word not in closed and word not in common


def _subject_of_do(tokens: Sequence[str], at: int) -> bool:
    """Whether the number at `at` is the subject of a question with do-support ("what
    does (the figure) 9,177 refer to"), so the word after it is the verb."""
    before = at - 1
    while before >= 0 and tokens[before] in _BEFORE_FIGURE:
        before -= 1
    return before >= 0 and tokens[before] in _DO


def every_plural(
    tokens: Sequence[str], at: Collection[int], known: Collection[str], closed: Collection[str]
) -> tuple[str, ...]:
    """The tokens with the head noun after a listing "every" at the positions `at` (the
    last of up to three words before a closed-class word) made plural when the records
    use its plural: "list every school" asks what "list all schools" does, every school,
    not a figure per school."""
    found = list(tokens)
    for i in at:
        run = _phrase_after(tokens, i, closed)
        if run and not tokens[run[-1]].endswith("s"):
            found[run[-1]] = _known_plural(tokens[run[-1]], known) or tokens[run[-1]]
    return tuple(found)


def _phrase_after(
    tokens: Sequence[str], at: int, closed: Collection[str], ending: Collection[str] = ()
) -> list[int]:
    """Positions of the words of the noun phrase after `at`: up to _PHRASE words, ending
    before a closed-class word or one that is no word, and before a word of `ending`
    once the phrase has one."""
    run: list[int] = []
    for j in range(at + 1, min(at + 1 + _PHRASE, len(tokens))):
        if tokens[j] in closed or not tokens[j].isalpha() or (run and tokens[j] in ending):
            break
        run.append(j)
    return run


def _known_plural(word: str, known: Collection[str]) -> str:
    return next((p for p in _plurals(word) if p in known), "")


def _number(word: str) -> bool:
    """Whether a word is a number of two or more that counts (not a year, not "one")."""
    if word.isdecimal():  # int() reads it (a digit such as "⓵" it does not)
        return 1 < int(word) < 1900 or int(word) > 2100
    if not word.isalpha():
        return False
    # deferred: only a word before a singular noun whose plural the records use
    from cqedu.facts.figures import parse_figure

    figure = parse_figure(word)
    return figure is not None and figure.value > 1
