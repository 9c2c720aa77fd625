"""A figure broken down: "international students by country", "teachers by level".

"By" before a bare singular noun that ends the noun phrase ("by *country*", "by *level*")
asks the quantity split along it, one figure for each part: several records answer it
("the enrollment rates by level"), one never does. The article's one total ("over
500,000 teachers") is not the teachers by level, nor is a record that mentions the words
in passing (a fair where international students tasted food "from many countries") the
students by country. "By" after a verb's participle names who did it ("done *by*
universities", "taught *by* Li Xuanhao"); before a plural, a name or a figure it does too.
"""

from __future__ import annotations

from collections.abc import Sequence

from cqedu.ask.language import inflected

_BY = "by"


def split_along(tokens: Sequence[str], typed: Sequence[str], closed: frozenset[str]) -> int | None:
    """Position of the noun a question splits its quantity along ("by *country*"), or None."""
    from cqedu.store.lemmas import verb_lemmas  # deferred: only a question with "by" needs it

    for k, token in enumerate(tokens[:-1]):
        if token != _BY or k == 0:
            continue
        before, noun = tokens[k - 1], tokens[k + 1]
        if inflected(before) or verb_lemmas(before) or before in closed:
            continue  # "done by", "taught by": an agent
        bare = noun not in closed and noun.isalpha() and not noun.endswith("s")
        ends = k + 2 == len(tokens) or tokens[k + 2] in closed
        if bare and ends and not typed[k + 1][:1].isupper():
            return k + 1
    return None
