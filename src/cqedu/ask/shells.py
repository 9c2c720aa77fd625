"""Shell nouns: a noun whose content the clause right after it gives, so it names no more
than "the thing" does ("the *scheme* that gives school heads training abroad"); Schmid,
"English Abstract Nouns as Conceptual Shells" (2000).

Its content is a relative clause whose subject it is ("that *gives* ..."): the clause says
what the thing does, which a record must say. A noun the clause does something to is not
one ("the tuition that students *pay*": the students pay it, and the tuition is what is
asked), nor one before "of" or "for" ("the budget of the scheme"): an attribute of what
follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

#: Relative pronouns a clause about a thing opens with (not "where" or "when": a setting;
#: nor "who": a noun of people says more than "someone" does, "the *woman* who heads").
_RELATIVES = frozenset({"that", "which"})
#: Auxiliaries and modals that open a relative clause's verb phrase ("that *is* sending").
_FINITE_AUXILIARIES = frozenset(
    "is are was were has have had does do did can could will would may might must should".split()
)


def shell_noun(tokens: Sequence[str], at: int) -> bool:
    """Whether the noun at `at` is a shell: a relative pronoun and a finite verb follow
    it ("that *gives*", "which *sent*", "that *is* ...")."""
    after = tokens[at + 1 : at + 3]
    if len(after) < 2 or after[0] not in _RELATIVES:
        return False
    return after[1] in _FINITE_AUXILIARIES or finite_verb(after[1])


def in_relative_clause(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at `at` is the object of a relative clause's verb ("the program
    that sends *nurses* abroad"): what the clause says is done, so it names what a record
    must say, never a word said aside."""
    return at >= 2 and tokens[at - 2] in _RELATIVES and finite_verb(tokens[at - 1])


def finite_verb(word: str) -> bool:
    """Whether a word is a verb's third-person present or past form ("gives", "trained",
    "sent"), by pyinflect's table of English verb forms; a plural noun ("students") is
    none."""
    for lemma in _lemmas(word):
        forms = _inflections(lemma)
        if word in forms.get("VBZ", ()) or word in forms.get("VBD", ()):
            return True
    return False


def _lemmas(word: str) -> list[str]:
    """The verbs a word in -s, -es, -ies, -ed or -d may be a form of, and the irregular
    pasts' own ("sent": "send")."""
    # deferred: only a shell noun's clause reads the table of irregular forms
    from cqedu.store.lemmas import verb_lemmas

    found = list(verb_lemmas(word))
    if word.endswith(("ies", "ied")):
        found.append(f"{word[:-3]}y")  # "carries", "carried": "carry"
    for ending in ("es", "s", "ed", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            found.append(word[: -len(ending)])
    if word.endswith("ed") and len(word) > 4 and word[-3] == word[-4]:
        found.append(word[:-3])  # "planned": "plan"
    return found


@cache
def _inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """A verb's forms by Penn tag ("VBZ": ("gives",)), or none for a word of no verb."""
    # deferred: pyinflect reads its table on import (about 0.4 s), which only a shell
    # noun's clause needs
    import pyinflect  # type: ignore[import-untyped] # no type hints shipped

    found: dict[str, tuple[str, ...]] = pyinflect.getAllInflections(lemma, pos_type="V") or {}
    return found
