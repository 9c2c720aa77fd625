"""Another holder than the one the article reports ("the former director", "who comes next")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cqedu.core.text import words
from cqedu.facts.model import Fact

#: Adjectives that set a holder or an occurrence before or after the one reported (a
#: closed class of English): "the *former* head", "the *next* fair".
_SEQUENCE = frozenset(
    "former previous prior earlier past preceding next later future following upcoming"
    " incoming outgoing succeeding ex".split()
)
#: Nouns and verbs of one holder following another ("his *successor*", "who will *replace*").
_SUCCESSION = frozenset(
    "predecessor predecessors successor successors succeed succeeds succeeded succeeding"
    " replace replaces replaced replacing precede precedes preceded preceding".split()
)
#: Prepositions that set a time by another holder: "director *before* Liu Yanbing".
_BY_ANOTHER = frozenset({"before", "after"})
#: Nouns after a sequence adjective that make it a span of time, no other holder ("the
#: *past* five years", "*next* year").
_SPANS = frozenset("year years month months week weeks day days decade decades time period".split())


def another_holder(tokens: Sequence[str], answer: Fact, closed: frozenset[str]) -> range | None:
    """The positions of the words of a question that ask of a holder or occurrence other
    than the one its answer's record reports ("former head", "next world culture fair",
    "before liu yanbing", "succeed"), or None. The record's own words ("a former
    champion") ask of it. `closed` is the closed-class words, which end a noun phrase."""
    said = set(words(f"{answer.name} {answer.summary}"))
    named = set(words(answer.name))
    name = named - closed
    for start, typed in enumerate(tokens):
        if typed in said:
            continue
        # a word the reading split in two records' words ("out going") is read whole
        joined = typed + tokens[start + 1] if start + 1 < len(tokens) else ""
        whole = joined in _SEQUENCE | _SUCCESSION
        token, i = (joined, start + 1) if whole else (typed, start)
        if token in _SUCCESSION:
            return range(start, i + 1)
        # "before Liu Yanbing", "prior to Liu Yanbing": another holder than the one named
        prior = tokens[i : i + 2] == ("prior", "to")
        at = i + 2 if prior else i + 1
        if (token in _BY_ANOTHER or prior) and at < len(tokens) and tokens[at] in name:
            return range(start, _run_end(tokens, at, lambda t: t in name))
        if token in _SEQUENCE and i + 1 < len(tokens) and tokens[i + 1] not in closed:
            # "the next World Culture Fair": the noun phrase it qualifies ("Go" is a name)
            end = _run_end(tokens, i + 1, lambda t: t not in closed or t in named)
            if not any(t in _SPANS or t.isdigit() for t in tokens[i + 1 : end]):
                return range(start, end)
    return None


def _run_end(tokens: Sequence[str], start: int, within: Callable[[str], bool]) -> int:
    """Where the run of words from `start` that are `within` ends."""
    end = start
    while end < len(tokens) and within(tokens[end]):
        end += 1
    return end
