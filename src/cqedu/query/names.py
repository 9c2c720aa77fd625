"""The names people type for levels, units, kinds, subject fields and countries, resolved."""

from __future__ import annotations

from functools import cached_property

from cqedu.core.matching import EXACT_SCORE, MAX_NAME_CHARS, Vocabulary
from cqedu.core.text import fold, stem, words
from cqedu.core.units import UNIT_SIGNS
from cqedu.facts.model import KIND_TABLES, Country, Level
from cqedu.store.records import Records


def _word_key(word: str) -> str:
    """A word's base form, the same for its singular and plural: the Snowball stem of its
    singular ("countries" and "country": "countri"; "children" and "child": "child")."""
    # deferred for start-up: only a name not typed as declared needs it, and the lemmas
    # bring the cache module (3-4 ms) into every command that resolves a name
    from cqedu.store.lemmas import noun_singular

    return stem(noun_singular(word))


class Names:
    """Resolvers over one knowledge base's vocabularies, as the options and questions take them.

    Every vocabulary takes text as typed (an id, name, alias, a word of a name, or a close
    spelling) and says what to type when it names several (QueryError) or none: a kind
    that is not one of the seven is a usage error (QueryError), a level, country, unit or
    subject field the facts do not hold finds nothing (NoMatchError), as a search does.
    """

    def __init__(self, records: Records) -> None:
        self._records = records

    @cached_property
    def levels(self) -> Vocabulary[Level]:
        """Levels by id, name and alias, as `--level` and questions take them."""
        return Vocabulary(
            "level",
            ((lv, lv.id, (lv.name, *lv.aliases)) for lv in self._records.levels),
            absent='the facts know no level "{name}"',
            word_key=_word_key,
        )

    @cached_property
    def kinds(self) -> Vocabulary[str]:
        """Kinds of record by name and plural (stat/stats, person/people), as --kind takes them."""
        return Vocabulary(
            "kind",
            ((kind, kind, (table,)) for table, kind in KIND_TABLES.items()),
            word_key=_word_key,
        )

    @cached_property
    def countries(self) -> Vocabulary[Country]:
        """Countries and regions by name and alias, as `--country` and questions take them."""
        return Vocabulary(
            "country",
            ((c, c.name, c.aliases) for c in self._records.countries),
            listing="partner countries and regions",
            absent='the facts name no partner in "{name}"',
            word_key=_word_key,
        )

    @cached_property
    def units(self) -> Vocabulary[str]:
        """Units of figures ("percent", "students"), as `--unit` takes them."""
        return Vocabulary(
            "unit",
            ((u, u, ()) for u in self._records.units()),
            listing="units of figures",
            absent='no figure is counted in "{name}"',
            word_key=_word_key,
        )

    @cached_property
    def program_fields(self) -> Vocabulary[str]:
        """Subject fields of programs, as `--field` takes them."""
        return Vocabulary(
            "subject field",
            ((f, f, ()) for f in self._records.program_fields()),
            listing="subject fields of programs",
            absent='no program is in the subject field "{name}"',
            word_key=_word_key,
        )

    def unit(self, text: str) -> list[str]:
        """The units `text` names: a unit ("percent", "students") as declared, else every
        unit whose term lists `text` as a synonym ("kids": children and students, as a
        question reads it), else the one unit it spells closely. A sign stands for its
        unit ("%": "percent", "$": "dollars") when the figures have that unit."""
        typed = fold(text).strip()
        signed = UNIT_SIGNS.get(typed)
        if signed in self._records.units():
            text = signed
        elif typed and (signed or all(_is_symbol(char) for char in typed)):
            # A sign ("¥", "₹", "°") is a unit as a word is: the figures hold it or not.
            held = [unit for unit in self._records.units() if fold(unit).strip() == typed]
            if held:
                return held[:1]
            raise self.units.absent_error(text.strip())
        exact = [c.value for c in self.units.candidates(text) if c.score == EXACT_SCORE]
        if exact:
            return exact[:1]
        if len(text) <= MAX_NAME_CHARS:
            meant = self._unit_synonyms.get(_stems_of(text))
            if meant:
                return meant
        return [self.units.resolve(text)]

    @cached_property
    def _unit_synonyms(self) -> dict[tuple[str, ...], list[str]]:
        """The stems of each declared synonym whose term is a unit, and those units.

        Stems, so a term or synonym in the singular or plural names the same unit: the
        term "years" is the unit "year", and "kid" is a "kids".
        """
        units = self._records.units()
        by_stems: dict[tuple[str, ...], list[str]] = {}
        for unit in units:
            by_stems.setdefault(_stems_of(unit), []).append(unit)
        found: dict[tuple[str, ...], list[str]] = {}
        for term in self._records.terms:
            for unit in by_stems.get(_stems_of(term.term), ()):
                for synonym in term.synonyms:
                    named = found.setdefault(_stems_of(synonym), [])
                    if unit not in named:
                        named.append(unit)
        return found

    def fields(self, text: str) -> list[str]:
        """Program fields `text` names: every field it stands in as words, else every field
        its close spelling may mean (never fewer than the word it spells)."""
        return self.program_fields.resolve_all(text)


def _is_symbol(char: str) -> bool:
    """Whether a character is a sign (a currency, a mathematical or other symbol)."""
    # deferred for start-up, as in core.text: only a unit typed as a sign needs it
    import unicodedata

    return unicodedata.category(char).startswith("S")


def _stems_of(text: str) -> tuple[str, ...]:
    """The Snowball stems of the words of `text`: "Kids" -> ("kid",)."""
    return tuple(stem(word) for word in words(text))
