"""Questions in plain English answered from the records, or refused when the article is silent.

A question is read in three steps. Its shape comes from its question words (how many,
when, who, which countries, what is, highest): that says which records can answer and
what of them the answer gives. Its subject is every other meaningful word; a record
answers only when it covers every one of them (by its name, keywords, unit, level,
country or summary, allowing typos and word endings), so a question about Shanghai's
teachers never gets Chongqing's. A level named in the question (as `--level` takes them)
and "each year" narrow the records further. When no record fits, the refusal says
what the article does not give: a word it never uses, a place it does not cover, a level
or period without that figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from cqedu.errors import NoMatchError, QueryError
from cqedu.matching import EXACT_SCORE, START_SCORE, WORD_SCORE
from cqedu.model import Fact, Level
from cqedu.text import normalise_phrase, word_spans, words
from cqedu.wording import COUNTRIES, DATE, FIGURE, PLACES, SUMMARY, WHO, answer_line

if TYPE_CHECKING:
    from cqedu.knowledge import KnowledgeBase

MAX_QUESTION_CHARS = 500
#: Related records an answer offers, and records a refusal suggests.
MAX_RELATED = 3
#: A question word matches a record word this close (rapidfuzz ratio) as a typo.
TYPO_SCORE = 84.0
#: How much a word found only in a record's summary counts against its name or keywords.
SUMMARY_WEIGHT = 0.7

# Words that ask rather than name: they pick the shape, never the subject.
_FILLER = frozenset(
    (
        "a an the of in on at for to with and or by from about into than as that this these"
        " those it its they them their there here is are was were be been being am do does"
        " did done have has had get gets got can could will would should may might must shall"
        " how many much what which who whom whose where when why whats please tell me us i we"
        " you know say says said according article report news source give gives gave given"
        " show list find name named names currently now today present presently still so far"
        " yet ever city citys municipality local s make makes made run runs running ran take"
        " takes took taken work works working worked offer offers offered provide provides"
        " provided happen happened happens held hold holds place places exist exists one ones"
        " kind sort type level levels stage stages number numbers count total totals amount"
        " figure figures value size big large high rate rates share shares percentage percent"
        " percentages proportion proportion fraction ratio annual annually yearly each every"
        " per year years highest lowest most least largest smallest biggest greatest fewest"
        " maximum minimum max min mean means meant called call known describe explain define"
        " definition like some any all other another whole overall"
    ).split()
)
# "year" names a period only after these ("each year"); alone it may be asked about.
_PER_YEAR_WORDS = frozenset({"annual", "annually", "yearly"})
_PER_YEAR_LEADS = frozenset({"each", "every", "per", "a"})
_PERCENT_WORDS = frozenset(
    {"rate", "rates", "share", "percentage", "percent", "proportion", "fraction", "ratio"}
)
_COUNT_WORDS = frozenset({"number", "count", "total", "amount", "figure", "size"})
_MAX_WORDS = frozenset({"highest", "most", "largest", "biggest", "greatest", "maximum", "max"})
_MIN_WORDS = frozenset({"lowest", "least", "smallest", "fewest", "minimum", "min"})
_DATE_WORDS = frozenset({"date", "day", "year", "month"})
_QUESTION_WORDS = frozenset(
    {"how", "what", "whats", "which", "who", "whom", "whose", "when", "where"}
    | {"describe", "explain", "define", "tell"}
)
_LINKS = frozenset({"is", "are", "was", "were", "s", "the", "a", "an", "does", "do", "did"})
# Nouns after "which" or "what" that ask for partners; the plural asks for all of them.
_PARTNER_NOUNS = {
    "country": COUNTRIES,
    "countries": COUNTRIES,
    "nation": COUNTRIES,
    "nations": COUNTRIES,
    "region": COUNTRIES,
    "regions": COUNTRIES,
    "university": PLACES,
    "universities": PLACES,
    "institution": PLACES,
    "institutions": PLACES,
    "partner": PLACES,
    "partners": PLACES,
    "centre": PLACES,
    "centres": PLACES,
    "center": PLACES,
    "centers": PLACES,
    "college": PLACES,
    "colleges": PLACES,
    "organisation": PLACES,
    "organisations": PLACES,
    "organization": PLACES,
    "organizations": PLACES,
}
_PLURAL_NOUNS = frozenset(n for n in _PARTNER_NOUNS if n.endswith("s"))
# Words partner questions use for what every partner does.
_PARTNER_FILLER = frozenset(
    "cooperate cooperates cooperating cooperation collaborate collaborates collaboration"
    " partner partners partnership partnerships working with".split()
)
# Past forms no suffix rule reaches, as their present.
_IRREGULAR = {
    "taught": "teach",
    "won": "win",
    "led": "lead",
    "gave": "give",
    "went": "go",
    "began": "begin",
    "founded": "found",
    "sent": "send",
    "built": "build",
    "chosen": "choose",
    "chose": "choose",
}
_SUFFIXES = (
    ("ies", "y"),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("ions", ""),
    ("ion", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
)

# Places a question may ask about instead of the one the article covers. Countries
# that partner records name are added from the knowledge base.
_PLACES = (
    "Shanghai, Beijing, Tianjin, Guangzhou, Shenzhen, Chengdu, Wuhan, Xi'an, Hangzhou,"
    " Nanjing, Suzhou, Hong Kong, Macau, Macao, Taipei, Taiwan, Kunming, Guiyang, Changsha,"
    " Zhengzhou, Jinan, Qingdao, Harbin, Shenyang, Dalian, Xiamen, Fuzhou, Hefei, Nanchang,"
    " Lanzhou, Urumqi, Lhasa, Hohhot, Nanning, Haikou, Sichuan, Guangdong, Hubei, Hunan,"
    " Yunnan, Guizhou, Shaanxi, Jiangsu, Zhejiang, Fujian, Shandong, Henan, Hebei, Anhui,"
    " Jiangxi, Gansu, Xinjiang, Tibet, Guangxi, Hainan, Liaoning, Jilin, Heilongjiang,"
    " Shanxi, Inner Mongolia, Ningxia, Qinghai, China, Japan, Tokyo, Korea, Seoul, India,"
    " Delhi, Mumbai, United States, USA, America, New York, London, Paris, France, Berlin,"
    " Germany, Italy, Rome, Madrid, Moscow, Bangkok, Australia, Sydney, Canada, Toronto,"
    " Brazil, Mexico, Africa, Europe, Vietnam, Malaysia, Indonesia, Pakistan, Egypt, Dubai"
)


class Answer(NamedTuple):
    """The direct answer to a question, with the records it comes from."""

    question: str
    """The question as asked."""
    text: str
    """The answer in one line of plain words, with where the article says it."""
    kind: str
    """What the answer gives: "figure", "date", "who", "partners", "countries" or "summary"."""
    record: Fact
    """The record that answers (the first, when a list question has several)."""
    named: tuple[Fact, ...]
    """Every record the answer line names, `record` first."""
    related: tuple[Fact, ...]
    """Up to three other records worth a look: the rest of a list or comparison, or ties."""


class _Word(NamedTuple):
    norm: str
    """The word normalised (folded case, no thousands separators)."""
    typed: str
    """The word as typed, for messages."""


class _Shape(NamedTuple):
    kind: str
    """What the answer gives (FIGURE, DATE, WHO, PLACES, COUNTRIES, SUMMARY)."""
    extreme: int
    """1 for highest/most, -1 for lowest/least, 0 for no comparison."""
    plural: bool
    """The question asks for every record that fits ("which countries")."""
    per_year: bool
    """The question asks for a figure per year ("each year", "annually")."""
    percent: bool
    """The question asks for a share or rate."""
    general: bool
    """No question word decided the shape; the best record's own kind decides."""
    consumed: frozenset[int]
    """Positions of words the shape used up (the partner noun, "each year")."""


def stem(word: str) -> str:
    """A word without its common ending: "enrolled", "enrollment" -> "enroll"."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + replacement
    return word


def _check(question: str) -> list[_Word]:
    """The words of a question; QueryError when there are none or too many characters."""
    if not question.strip():
        raise QueryError('empty question; ask one, such as: cqedu ask "how many teachers?"')
    if len(question) > MAX_QUESTION_CHARS:
        raise QueryError(
            f"question is too long ({len(question)} characters); use at most {MAX_QUESTION_CHARS}"
        )
    found = [_Word(norm, question[start:end]) for start, end, norm in word_spans(question)]
    if not found:
        raise QueryError(
            'question has no letters or digits; ask one, such as: cqedu ask "how many teachers?"'
        )
    return found


def _shape(tokens: Sequence[str]) -> _Shape:
    """What the question asks for, from its question words."""
    present = set(tokens)
    extreme = 1 if present & _MAX_WORDS else -1 if present & _MIN_WORDS else 0
    consumed: set[int] = set()
    per_year = bool(present & _PER_YEAR_WORDS)
    for i, token in enumerate(tokens):
        if token in _PER_YEAR_WORDS:
            consumed.add(i)
        elif token == "year" and i and tokens[i - 1] in _PER_YEAR_LEADS:
            per_year = True
            consumed.update((i - 1, i))
    percent = bool(present & _PERCENT_WORDS)
    counted = percent or bool(present & _COUNT_WORDS)
    first = next((i for i, t in enumerate(tokens) if t in _QUESTION_WORDS), None)
    lead = tokens[first] if first is not None else ""
    after = [t for t in tokens[first + 1 :] if t not in _LINKS] if first is not None else []
    following = after[0] if after else ""

    def shaped(kind: str, plural: bool = False, general: bool = False) -> _Shape:
        return _Shape(
            kind, extreme, plural, per_year, percent, general, frozenset(consumed)
        )

    if extreme:
        return shaped(FIGURE)
    if lead == "how":
        if following in ("does", "do", "did", "is", "are", "can") or not following:
            return shaped(SUMMARY)
        return shaped(FIGURE)
    if lead == "when" or (lead in ("what", "which") and following in _DATE_WORDS):
        return shaped(DATE)
    if lead in ("who", "whom", "whose"):
        return shaped(WHO)
    if lead in ("which", "what") and following in _PARTNER_NOUNS and not counted:
        consumed.add(tokens.index(following, first))
        return shaped(_PARTNER_NOUNS[following], plural=following in _PLURAL_NOUNS)
    if lead == "where":
        return shaped(PLACES)
    if counted:
        return shaped(FIGURE)
    if lead in ("what", "whats", "describe", "explain", "define", "tell"):
        return shaped(SUMMARY)
    return shaped(SUMMARY, general=True)


class _Matcher:
    """How well question words match each record's words (exact, by ending, or typo)."""

    def __init__(self, kb: KnowledgeBase, facts: Sequence[Fact]) -> None:
        levels = {lv.id: lv for lv in kb.levels}
        countries = {c.name: c for c in kb.countries}
        self.strong: list[set[str]] = []
        self.weak: list[set[str]] = []
        self.name_words: list[list[str]] = []
        for fact in facts:
            texts = [fact.name, *fact.keywords, *fact.fields, fact.id]
            texts += [fact.unit or "", fact.as_written or "", fact.period or ""]
            texts += [fact.date_as_written or "", fact.category or ""]
            level = levels.get(fact.level or "")
            if level is not None:
                texts += [level.id, level.name, *level.aliases]
            country = countries.get(fact.country or "")
            if country is not None:
                texts += [country.name, *country.aliases]
            strong = {w for text in texts for w in words(text)}
            self.strong.append(strong)
            self.weak.append(set(words(fact.summary)) - strong)
            self.name_words.append([w for w in words(fact.name) if w not in _FILLER])
        self.vocabulary = set().union(*self.strong, *self.weak) if facts else set()
        self._stems: dict[str, list[str]] = {}
        for word in self.vocabulary:
            self._stems.setdefault(stem(word), []).append(word)

    def matches(self, token: str) -> dict[str, float]:
        """Record words `token` may stand for, each with a quality from 0 to 1."""
        found = dict.fromkeys(self._stems.get(stem(token), ()), 1.0)
        if token in self.vocabulary:
            found[token] = 1.0
        if len(token) >= 5 and not token.isdigit():
            for word in self.vocabulary:
                if word not in found and _share_start(token, word):
                    found[word] = 0.9
            from rapidfuzz import fuzz, process  # deferred: most questions need no typo help

            for word, score, _ in process.extract(
                token, list(self.vocabulary), scorer=fuzz.ratio, score_cutoff=TYPO_SCORE,
                limit=None,
            ):  # fmt: skip
                if len(word) >= 4:
                    found[word] = max(found.get(word, 0.0), score / 100)
        return found

    def quality(self, index: int, matches: dict[str, float]) -> float:
        """How well record `index` covers one question word (0: not at all)."""
        best = 0.0
        for word, score in matches.items():
            if word in self.strong[index]:
                best = max(best, score)
            elif word in self.weak[index]:
                best = max(best, score * SUMMARY_WEIGHT)
        return best


def _share_start(token: str, word: str) -> bool:
    """Whether two words begin alike enough to be one word's forms ("cooperate", "cooperation").

    A typed word that begins a longer one ("enrol") counts too.
    """
    if word.startswith(token):
        return True
    shorter = min(len(token), len(word))
    common = 0
    for a, b in zip(token, word, strict=False):
        if a != b:
            break
        common += 1
    return common >= 6 and common >= 0.75 * shorter


class _Scored(NamedTuple):
    fact: Fact
    score: float
    """Mean quality over the subject words, 0-1."""
    precision: float
    """Share of the record's name words the question uses, 0-1."""


def _question_levels(kb: KnowledgeBase, tokens: Sequence[str]) -> tuple[list[Level], set[int]]:
    """Levels the question names (as `--level` takes them) and the positions of their words."""
    found: list[Level] = []
    used: set[int] = set()
    vocabulary = kb.level_names
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if used.intersection(span):
                continue
            gram = tokens[start : start + size]
            if size == 1 and (gram[0] in _FILLER or len(gram[0]) < 3):
                continue  # "all", "total", "he" name a level only when typed on purpose
            candidates = vocabulary.candidates(" ".join(gram))
            if not candidates:
                continue
            top = candidates[0]
            exact = top.score == EXACT_SCORE
            # A close spelling of one long word ("kindergarden"); "school" begins too many.
            typo = size == 1 and len(gram[0]) >= 6 and top.score < WORD_SCORE
            if (exact or typo) and top.score not in (START_SCORE,):
                if top.value not in found:
                    found.append(top.value)
                used.update(span)
    return found, used


def _places(kb: KnowledgeBase) -> dict[str, str]:
    """Places a question may name, by normalised name: ours and the partner countries."""
    places = {normalise_phrase(p): p.strip() for p in _PLACES.split(",")}
    for country in kb.countries:
        for name in (country.name, *country.aliases):
            places.setdefault(normalise_phrase(name), country.name)
    return places


def _covered_place(kb: KnowledgeBase) -> str:
    """The place the sources are about: the first word of the first source's title."""
    title = kb.sources[0].title if kb.sources else ""
    spans = list(word_spans(title))
    return title[spans[0][0] : spans[0][1]] if spans else "its own subject"


def ask(kb: KnowledgeBase, question: str) -> Answer:
    """Answer `question` from the records of `kb`.

    Raises QueryError (exit 2) for an empty or wordless question, and NoMatchError
    (exit 1) saying what the article does not give when no record answers it.
    """
    typed = _check(question)
    tokens = [w.norm for w in typed]
    shape = _shape(tokens)
    facts = kb.facts()
    levels, level_positions = (
        _question_levels(kb, tokens) if shape.kind == FIGURE else ([], set())
    )
    home = _covered_place(kb)
    home_norm = normalise_phrase(home)
    ignore = set(_FILLER) | {home_norm}
    if shape.kind in (PLACES, COUNTRIES):
        ignore |= _PARTNER_FILLER
    subject = [
        (i, w)
        for i, w in enumerate(typed)
        if i not in shape.consumed and w.norm not in ignore
    ]
    if not subject and shape.kind in (PLACES, COUNTRIES):
        # "which countries does Chongqing work with": every partner is the answer.
        everyone = [_Scored(f, 1.0, 0.0) for f in kb.facts() if _KIND_FITS[shape.kind](f)]
        if everyone:
            return _choose(question, shape._replace(plural=True), everyone, kb.facts(), False)
    if not subject:
        raise NoMatchError(
            f'"{question.strip()}" names nothing to look up; ask about a figure, date, '
            'person or partner, such as: cqedu ask "how many teachers?"'
        )
    matcher = _Matcher(kb, facts)
    matches = {i: matcher.matches(w.norm) for i, w in subject}

    places = _places(kb)
    place_words = _place_words(tokens, subject, places, home_norm)
    unknown = [w.typed for i, w in subject if not matches[i] and i not in place_words]

    def covering(positions: Sequence[int]) -> list[_Scored]:
        question_stems = {stem(t) for t in tokens}
        found: list[_Scored] = []
        for index, fact in enumerate(facts):
            qualities = [matcher.quality(index, matches[i]) for i in positions]
            if not all(qualities):
                continue
            names = matcher.name_words[index]
            hits = sum(1 for w in names if stem(w) in question_stems or w in tokens)
            precision = hits / len(names) if names else 0.0
            score = sum(qualities) / len(qualities) if qualities else 1.0
            found.append(_Scored(fact, score, precision))
        return found

    all_positions = [i for i, _ in subject]
    candidates = covering(all_positions)
    topic_positions = [i for i in all_positions if i not in level_positions]
    topic = " ".join(w.typed for i, w in subject if i not in level_positions)

    if not candidates:
        if place_words:
            raise NoMatchError(f"the article covers {home}, not {place_words_text(place_words)}")
        if unknown:
            quoted = " or ".join(f'"{w}"' for w in unknown)
            raise NoMatchError(f"the article does not mention {quoted}")
        if levels and topic_positions:
            raise _level_silence(levels, topic, covering(topic_positions), shape)
        raise _silence(question, shape, covering_partly(facts, matcher, matches, all_positions))

    if levels:
        wanted = {lv.id for lv in levels}
        narrowed = [c for c in candidates if c.fact.level in wanted]
        if not any(_KIND_FITS[shape.kind](c.fact) for c in narrowed):
            raise _level_silence(levels, topic, covering(topic_positions), shape)
        candidates = narrowed
    return _choose(question, shape, candidates, facts, bool(levels))


def _place_words(
    tokens: Sequence[str],
    subject: Sequence[tuple[int, _Word]],
    places: dict[str, str],
    home_norm: str,
) -> dict[int, str]:
    """Subject positions that name a place other than the covered one, with its name."""
    found: dict[int, str] = {}
    positions = {i for i, _ in subject}
    for size in (2, 1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            if not span <= positions or span & set(found):
                continue
            norm = " ".join(tokens[start : start + size])
            if norm in places and norm != home_norm:
                for i in span:
                    found[i] = places[norm]
    return found


def place_words_text(found: dict[int, str]) -> str:
    """The places a question names, in order, joined for a message."""
    return " or ".join(dict.fromkeys(found[i] for i in sorted(found)))


def covering_partly(
    facts: Sequence[Fact],
    matcher: _Matcher,
    matches: dict[int, dict[str, float]],
    positions: Sequence[int],
) -> list[Fact]:
    """Records that cover the most question words, best first (for a refusal's hints)."""
    scored = []
    for index, fact in enumerate(facts):
        qualities = [matcher.quality(index, matches[i]) for i in positions]
        covered = sum(1 for q in qualities if q)
        if covered:
            scored.append((-covered, -sum(qualities), index, fact))
    scored.sort()
    return [fact for *_, fact in scored[:MAX_RELATED]]


def _look(facts: Sequence[Fact]) -> str:
    return f"; worth a look: {', '.join(f.id for f in facts[:MAX_RELATED])}" if facts else ""


def _level_silence(
    levels: Sequence[Level], topic: str, others: Sequence[_Scored], shape: _Shape
) -> NoMatchError:
    what = f"{topic} figure" if topic else "figure"
    if shape.per_year:
        what = f"per-year {what}"
    names = " or ".join(lv.name.casefold() for lv in levels)
    worth = [s.fact for s in _ranked(others, shape, False) if s.fact.has_figure]
    return NoMatchError(f"the article gives no {what} for {names}{_look(worth)}")


def _silence(question: str, shape: _Shape, partly: Sequence[Fact]) -> NoMatchError:
    return NoMatchError(
        f'the article does not answer "{question.strip()}"; no record covers all its words'
        f"{_look(partly)}"
    )


def _ranked(candidates: Sequence[_Scored], shape: _Shape, levelled: bool) -> list[_Scored]:
    """Best answer first: best-covered words, then percent when asked, name fit, level."""

    def key(item: _Scored) -> tuple[float, ...]:
        fact = item.fact
        wants_percent = shape.percent and fact.unit != "percent"
        # Without a level in the question, a record of no level fits best.
        off_level = 0.0 if levelled or fact.level is None else 1.0
        return (float(wants_percent), -round(item.score, 2), -item.precision, off_level)

    return sorted(candidates, key=key)


_KIND_FITS = {
    FIGURE: lambda f: f.has_figure,
    DATE: lambda f: f.date_as_written is not None,
    WHO: lambda f: f.kind in ("person", "organization"),
    PLACES: lambda f: f.kind in ("partner", "organization"),
    COUNTRIES: lambda f: f.kind == "partner" and f.country is not None,
    SUMMARY: lambda f: True,
}
_NOT_GIVEN = {
    FIGURE: "no figure",
    DATE: "no date",
    WHO: "no person or organization",
    PLACES: "no partner",
    COUNTRIES: "no partner country",
}


def _choose(
    question: str,
    shape: _Shape,
    candidates: list[_Scored],
    facts: Sequence[Fact],
    levelled: bool,
) -> Answer:
    """The answer among records that cover the question, by its shape."""
    ranked = _ranked(candidates, shape, levelled)
    fitting = [c for c in ranked if _KIND_FITS[shape.kind](c.fact)]
    if shape.general and not fitting:
        fitting = ranked
    if not fitting:
        best = ranked[0].fact
        raise NoMatchError(
            f"the article gives {_NOT_GIVEN[shape.kind]} for {best.name}"
            f"{_look([c.fact for c in ranked])}"
        )
    if shape.per_year and shape.kind == FIGURE:
        yearly = [c for c in fitting if c.fact.period == "per year"]
        if not yearly:
            raise NoMatchError(
                f"the article gives no per-year figure for {fitting[0].fact.name}"
                f"{_look([c.fact for c in fitting])}"
            )
        fitting = yearly
    if shape.kind == WHO:
        # "who leads the education commission": the commission is the subject, not the answer.
        people = [c for c in fitting if c.fact.kind == "person"]
        fitting = people + [c for c in fitting if c.fact.kind != "person"]
    best = fitting[0].fact
    kind = shape.kind
    if shape.general:
        kind = FIGURE if best.has_figure else DATE if best.date_as_written else SUMMARY
    if shape.extreme and shape.kind == FIGURE:
        group = [c.fact for c in fitting if c.fact.unit == best.unit]
        group.sort(key=lambda f: float(f.value or 0), reverse=shape.extreme > 0)
        return _answer(question, kind, group[:1], group[1:])
    if shape.plural:  # every partner that fits is part of the answer, so none is cut
        named = [c.fact for c in fitting]
        return _answer(question, kind, named, named[1:], limit=len(named))
    by_id = {f.id: f for f in facts}
    related = [by_id[i] for i in best.related if i in by_id]
    # Runners-up of the same unit ("schools") or kind; others matched by a stray word.
    related += [
        c.fact
        for c in fitting[1:]
        if c.fact not in related and (c.fact.unit, c.fact.kind) == (best.unit, best.kind)
    ]
    return _answer(question, kind, [best], related)


def _answer(
    question: str,
    kind: str,
    named: Sequence[Fact],
    related: Sequence[Fact],
    limit: int = MAX_RELATED,
) -> Answer:
    shown = [f for f in related if f not in named[:1]]
    return Answer(
        question=question.strip(),
        text=answer_line(kind, named),
        kind=kind,
        record=named[0],
        named=tuple(named),
        related=tuple(shown[:limit]),
    )
