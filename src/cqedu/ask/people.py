"""Counts of people named by what they do: "how many people study in Chongqing" counts
students, "how many people teach" teachers.

A generic person noun ("people", "persons", "individuals") says only that people are
counted; the verb after it says which: English names the one who does a thing by an agent
noun of its verb ("teach": "teacher", "study": "student", "learn": "learner"). The noun is
read as that agent noun when the records count it (a unit, or a declared synonym of one);
a verb whose agent the records do not count ("live", "attend") leaves the question as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cqedu.ask.language import Lexicon

#: Nouns that count people without saying who they are.
_GENERIC = r"(?:people|persons|individuals)"
#: A count of them and the verb that follows, after an auxiliary or "who" if any ("how
#: many people *are studying*", "the number of people *who teach*").
_COUNTED = (
    rf"(?i)\b(?P<count>how\s+many|number\s+of)\s+(?P<noun>{_GENERIC})\s+"
    r"(?P<between>(?:(?:who|that)\s+)?(?:(?:are|were|is|was|have|had|will|do|did)\s+)?)"
    r"(?P<verb>[a-z]+)\b"
)
#: English suffixes that make an agent noun of a verb ("teach-er", "stud-ent",
#: "instruct-or", "train-ee"), each after the verb as said or without its final "e"/"y".
_AGENT_SUFFIXES = ("er", "or", "ent", "ant", "ee", "ist")


def _lemmas(verb: str) -> set[str]:
    """The forms a verb may have before its inflection ("studies": "study"; "teaching":
    "teach"; "taught": "teach", by the table of irregular forms)."""
    # deferred: only a count of people by their verb reads the table of verb forms
    from cqedu.store.lemmas import verb_lemmas

    found = {verb, *verb_lemmas(verb)}
    for ending, replaced in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", "")):
        if verb.endswith(ending) and len(verb) > len(ending) + 2:
            found.add(verb[: -len(ending)] + replaced)
    if verb.endswith("ed") and len(verb) > 4:
        found.add(verb[:-1])  # "graduated": "graduate"
    if verb.endswith("ing") and len(verb) > 5:
        found |= {verb[:-3], f"{verb[:-3]}e"}  # "teaching", "graduating"
    return found


def agents(verb: str) -> list[str]:
    """The plural agent nouns English may make of a verb, in the order of its suffixes
    ("study": "students" among them; "teach": "teachers")."""
    found: list[str] = []
    for lemma in sorted(_lemmas(verb.lower())):
        stems = {lemma, lemma[:-1]} if lemma[-1:] in ("e", "y") else {lemma}
        for base in sorted(stems):
            found += [f"{base}{suffix}s" for suffix in _AGENT_SUFFIXES]
    return list(dict.fromkeys(found))


def of_people(question: str, lexicon: Lexicon) -> str:
    """The question with a generic person noun counted and the verb after it read as the
    agent noun of that verb, where the records count that noun ("how many people are
    studying in ...": "how many students in ..."); unchanged otherwise."""
    lowered = question.lower()
    if not any(noun in lowered for noun in ("people", "persons", "individuals")):
        return question  # no generic noun of `_GENERIC`: no pattern compiled
    if not re.search(rf"(?i)\b{_GENERIC}\b", question):
        return question
    counted = _counted_words(lexicon)

    def named(found: re.Match[str]) -> str:
        agent = next((a for a in agents(found["verb"]) if a in counted), None)
        if agent is None:
            return found[0]
        # the agent noun says the verb already: "students are studying" says no more
        return f"{found['count']} {agent}"

    return re.sub(_COUNTED, named, question)


def _counted_words(lexicon: Lexicon) -> set[str]:
    """What the records count: their units' words, and the declared synonyms of those
    ("learners" of "students", "researchers" of "scholars")."""
    units = set(lexicon.units)
    found = set(units)
    for synonym, meanings in lexicon.synonyms.items():
        if len(synonym) == 1 and any(len(m) == 1 and m[0] in units for m in meanings):
            found.add(synonym[0])
    return found
