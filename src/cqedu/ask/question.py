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
from typing import NamedTuple, Protocol

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.matching import EXACT_SCORE, WORD_SCORE, Vocabulary
from cqedu.core.text import normalise_phrase, word_spans, words
from cqedu.facts.model import Country, Fact, Level, SearchHit, Source
from cqedu.query.wording import COUNTRIES, DATE, FIGURE, PLACES, SUMMARY, WHO, answer_line


class KnowledgeBase(Protocol):
    """What a question is answered from: the records and vocabularies of a knowledge base.

    `cqedu.knowledge.KnowledgeBase` is one; the question logic never imports it, so the
    public API sits above this layer and calls down into it.
    """

    @property
    def sources(self) -> tuple[Source, ...]: ...
    @property
    def levels(self) -> tuple[Level, ...]: ...
    @property
    def countries(self) -> tuple[Country, ...]: ...
    @property
    def level_names(self) -> Vocabulary[Level]: ...
    def ids(self) -> list[str]: ...
    def facts(self) -> list[Fact]: ...
    def get(self, fact_id: str) -> Fact: ...
    def search(self, query: str, limit: int = 10) -> list[SearchHit]: ...


MAX_QUESTION_CHARS = 500
#: Related records an answer offers, and records a refusal suggests.
MAX_RELATED = 3
#: A question word matches a record word this close (rapidfuzz ratio) as a typo.
TYPO_SCORE = 84.0
#: How much a word found only in a record's summary counts against its name or keywords.
SUMMARY_WEIGHT = 0.7
#: How much a name or keyword of several words found whole in the question adds to a
#: record's name fit (the share of its name words the question uses).
PHRASE_WEIGHT = 0.2
#: A figure answers only when the question fits its name this well (see `_fit`).
MIN_FIGURE_FIT = 0.25
#: Above this many records a question is weighed against search hits, not every record.
SCAN_LIMIT = 2000

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
        " figure figures value size big large rate rates share shares percentage percent"
        " percentages proportion proportions fraction ratio annual annually yearly each every"
        " per year years highest lowest most least largest smallest biggest greatest fewest"
        " maximum minimum max min mean means meant called call known describe explain define"
        " definition like some any all other another whole overall date day month come comes"
        " came go goes went enter enters entered build builds built part mention mentions"
        " mentioned attend attends attended attending produce produces produced send sends"
    ).split()
)
# Words that ask about a photo: its credit is no record, so no related person answers.
_PHOTO_WORDS = frozenset({"photo", "photos", "photograph", "photographed", "picture", "pictures"})
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
    "sent": "send",
    "built": "build",
    "chosen": "choose",
    "chose": "choose",
}
_PAST_FORMS: dict[str, list[str]] = {}
for _past, _present in _IRREGULAR.items():
    _PAST_FORMS.setdefault(_present, []).append(_past)
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
    """One word of a question."""

    norm: str
    """The word normalised (folded case, no thousands separators)."""
    typed: str
    """The word as typed, for messages."""


class _Shape(NamedTuple):
    """What a question asks for, read from its question words."""

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
    counted: frozenset[int] = frozenset()
    """Positions of the words "how many" counts ("how many special schools"): the unit."""


def stem(word: str) -> str:
    """A word without its common ending: "enrolled", "enrollment" -> "enroll"."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + replacement
    return word


#: Filler words that name something when capitalised inside a question: "the Go champion"
#: asks about the game, "do scholars go abroad" only moves.
_CAPITALISED_NAMES = frozenset({"go"})


def _named(word: _Word, position: int) -> bool:
    """Whether a filler word is typed as a name ("Go", not at the start)."""
    return position > 0 and word.norm in _CAPITALISED_NAMES and word.typed[:1].isupper()


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


def _per_year(tokens: Sequence[str]) -> tuple[bool, set[int]]:
    """Whether the question asks for a figure per year, and the positions of those words."""
    asked = False
    used: set[int] = set()
    for i, word in enumerate(tokens):
        if word in _PER_YEAR_WORDS:
            asked = True
            used.add(i)
        elif word == "year" and i and tokens[i - 1] in _PER_YEAR_LEADS:
            asked = True
            used.update((i - 1, i))
    return asked, used


def _counted(tokens: Sequence[str], start: int) -> frozenset[int]:
    """Positions of the words after "how many" up to the first filler: what is counted."""
    found: set[int] = set()
    for i in range(start, len(tokens)):
        if tokens[i] in _FILLER:
            break
        found.add(i)
    return frozenset(found)


def _shape(tokens: Sequence[str]) -> _Shape:
    """What the question asks for, from its question words."""
    present = set(tokens)
    per_year, consumed = _per_year(tokens)
    percent = bool(present & _PERCENT_WORDS)
    base = _Shape(
        kind=FIGURE,
        extreme=1 if present & _MAX_WORDS else -1 if present & _MIN_WORDS else 0,
        plural=False,
        per_year=per_year,
        percent=percent,
        general=False,
        consumed=frozenset(consumed),
    )
    first = next((i for i, t in enumerate(tokens) if t in _QUESTION_WORDS), len(tokens))
    lead = tokens[first] if first < len(tokens) else ""
    after = [(i, t) for i, t in enumerate(tokens) if i > first and t not in _LINKS]
    at, following = after[0] if after else (len(tokens), "")
    counted = percent or bool(present & _COUNT_WORDS)
    kind = SUMMARY
    if base.extreme:
        kind = FIGURE
    elif lead == "how":
        kind = SUMMARY if following in ("", "does", "do", "did", "is", "are", "can") else FIGURE
        if following == "many":
            base = base._replace(counted=_counted(tokens, at + 1))
    elif lead == "when" or (lead in ("what", "which") and following in _DATE_WORDS):
        kind = DATE
    elif lead in ("who", "whom", "whose"):
        kind = WHO
    elif lead in ("which", "what") and following in _PARTNER_NOUNS and not counted:
        kind = _PARTNER_NOUNS[following]
        base = base._replace(plural=following in _PLURAL_NOUNS, consumed=base.consumed | {at})
    elif lead == "where":
        kind = PLACES
    elif counted:
        kind = FIGURE
    elif not lead or lead == "which":
        base = base._replace(general=True)  # "teachers in chongqing": the record decides
    return base._replace(kind=kind)


class _Matcher:
    """How well question words match each record's words (exact, by ending, or typo)."""

    def __init__(self, kb: KnowledgeBase, facts: Sequence[Fact]) -> None:
        # The words of a level or country, once: many records share them.
        level_text = {lv.id: " ".join((lv.id, lv.name, *lv.aliases)) for lv in kb.levels}
        country_text = {c.name: " ".join((c.name, *c.aliases)) for c in kb.countries}
        names = {f.id: f.name for f in facts}
        self.strong: list[set[str]] = []
        self.weak: list[set[str]] = []
        for fact in facts:
            # One text, one pass of the word pattern: this runs for every record.
            strong_text = " ".join(
                (
                    fact.name,
                    fact.id,
                    *fact.keywords,
                    *fact.fields,
                    fact.unit or "",
                    fact.as_written or "",
                    fact.period or "",
                    fact.date_as_written or "",
                    fact.category or "",
                    level_text.get(fact.level or "", ""),
                    country_text.get(fact.country or "", ""),
                )
            )
            strong = set(words(strong_text))
            self.strong.append(strong)
            # A record is also about the records it is tied to, if less so.
            tied = " ".join(names[i] for i in fact.related if i in names)
            self.weak.append(set(words(f"{fact.summary} {tied}")) - strong)
        self.vocabulary: set[str] = set().union(*self.strong, *self.weak)
        self._sorted = sorted(self.vocabulary)

    def _starting(self, prefix: str) -> list[str]:
        """Record words that begin with `prefix`, from the sorted vocabulary."""
        # deferred for start-up
        from bisect import bisect_left

        found: list[str] = []
        for word in self._sorted[bisect_left(self._sorted, prefix) :]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def matches(self, token: str) -> dict[str, float]:
        """Record words `token` may stand for, each with a quality from 0 to 1.

        The same word or the same word with another ending ("enrolled", "enrollment")
        counts fully; a word that begins alike ("cooperate", "cooperation") 0.9; a
        close spelling ("teachrs") its rapidfuzz ratio.
        """
        found: dict[str, float] = {}
        if token in self.vocabulary:
            found[token] = 1.0
        # Words of one stem share its first four letters, so only those are compared.
        root = stem(token)
        for word in _PAST_FORMS.get(root, ()):
            if word in self.vocabulary:
                found[word] = 1.0
        for word in self._starting(token[:4]):
            if stem(word) == root:
                found[word] = 1.0
            elif len(token) >= 5 and _share_start(token, word):
                found.setdefault(word, 0.9)
        if len(token) >= 5 and not token.isdigit():
            from rapidfuzz import fuzz, process  # deferred: only questions and search use it

            for word, score, _ in process.extract(
                token, self._sorted, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE, limit=None
            ):
                if len(word) >= 4:
                    found[word] = max(found.get(word, 0.0), score / 100)
        return found

    @staticmethod
    def name_words(fact: Fact) -> list[str]:
        """The words of a record's name and id that say what it is (no filler)."""
        return [w for w in dict.fromkeys(words(f"{fact.name} {fact.id}")) if w not in _FILLER]

    @staticmethod
    def phrases(fact: Fact) -> list[str]:
        """A record's name and keywords of several words, normalised: "foreign students"."""
        return [p for p in map(normalise_phrase, (fact.name, *fact.keywords)) if " " in p]

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
    """A record that covers the question's words, with how well."""

    fact: Fact
    """The record."""
    score: float
    """Mean quality over the subject words, 0-1."""
    precision: float
    """Share of the record's name words the question uses, 0-1."""
    phrases: int = 0
    """How many of the record's names or keywords of several words the question has whole."""


def _question_levels(
    kb: KnowledgeBase, tokens: Sequence[str], known: set[str]
) -> tuple[list[Level], set[int]]:
    """Levels the question names (as `--level` takes them) and the positions of their words.

    Only whole names and aliases count, or a close spelling of one long word
    ("kindergarden") that is no word of the records (`known`): inside a question,
    "school" or "children" begin or resemble too many names.
    """
    found: list[Level] = []
    used: set[int] = set()
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            gram = tokens[start : start + size]
            if used.intersection(span) or (size == 1 and (gram[0] in _FILLER or len(gram[0]) < 3)):
                continue  # "all", "total", "he" name a level only when typed on purpose
            candidates = kb.level_names.candidates(" ".join(gram))
            if not candidates:
                continue
            top = candidates[0]
            typo = (
                size == 1 and len(gram[0]) >= 6 and gram[0] not in known and top.score < WORD_SCORE
            )
            if top.score == EXACT_SCORE or typo:
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
    """The places the sources are about, each the first capitalised word of a source's
    title that is not a filler word ("Chongqing" in "Chongqing education over ...")."""
    places: list[str] = []
    for source in kb.sources:
        title = source.title
        for start, end, norm in word_spans(title):
            if title[start].isupper() and norm not in _FILLER:
                places.append(title[start:end])
                break
    return " and ".join(dict.fromkeys(places)) or "its own subject"


def _fits(kind: str, fact: Fact) -> bool:
    """Whether a record can give an answer of this kind."""
    if kind == FIGURE:
        return fact.has_figure
    if kind == DATE:
        return fact.date_as_written is not None
    if kind == WHO:
        return fact.kind in ("person", "organization")
    if kind == PLACES:
        return fact.kind in ("partner", "organization")
    if kind == COUNTRIES:
        return fact.kind == "partner" and fact.country is not None
    return True


_NOT_GIVEN = {
    FIGURE: "no figure",
    DATE: "no date",
    WHO: "no person or organization",
    PLACES: "no partner",
    COUNTRIES: "no partner country",
}


def _fit(item: _Scored) -> float:
    """How well the question fits a record's name: the share of its words the question
    uses, plus PHRASE_WEIGHT for each name or keyword phrase typed whole."""
    return item.precision + PHRASE_WEIGHT * item.phrases


def _look(facts: Sequence[Fact]) -> str:
    """The hint that may end a refusal: up to three records worth a look."""
    return f"; worth a look: {', '.join(f.id for f in facts[:MAX_RELATED])}" if facts else ""


def _records(kb: KnowledgeBase, subject: str) -> list[Fact]:
    """The records a question is weighed against: all of them, or in a large knowledge
    base the best SCAN_LIMIT search hits for its subject words (every record that covers
    them all is among those, as each of its words matches)."""
    if not subject or len(kb.ids()) <= SCAN_LIMIT:
        return kb.facts()
    try:
        hits = kb.search(subject, SCAN_LIMIT)
    except QueryError:  # too many words for search: read everything
        return kb.facts()
    return [hit.fact for hit in hits]


class _Question:
    """One question read against a knowledge base: its shape, subject and candidates."""

    def __init__(self, kb: KnowledgeBase, question: str) -> None:
        self.kb = kb
        self.question = question.strip()
        self.typed = _check(question)
        self.tokens = [w.norm for w in self.typed]
        self.shape = _shape(self.tokens)
        self.home = _covered_place(kb)
        ignore = set(_FILLER) | {normalise_phrase(self.home)}
        if self.shape.kind in (PLACES, COUNTRIES):
            ignore |= _PARTNER_FILLER
        self.subject = [
            i
            for i, w in enumerate(self.typed)
            if i not in self.shape.consumed and (w.norm not in ignore or _named(w, i))
        ]
        self.facts = _records(kb, " ".join(self.typed[i].typed for i in self.subject))
        self.matcher = _Matcher(kb, self.facts)
        self.levels, self.level_positions = (
            _question_levels(kb, self.tokens, self.matcher.vocabulary)
            if self.shape.kind == FIGURE
            else ([], set())
        )
        self.matches = {i: self.matcher.matches(self.tokens[i]) for i in self.subject}
        self.topic_positions = [i for i in self.subject if i not in self.level_positions]
        # What the question is about apart from a level, for messages; the level's own
        # words when there is nothing else ("how many universities").
        self.topic = " ".join(self.typed[i].typed for i in (self.topic_positions or self.subject))

    def covering(self, positions: Sequence[int]) -> list[_Scored]:
        """Records that cover every question word at `positions`, scored."""
        named = self.shape.kind in (FIGURE, SUMMARY)
        stems = {stem(t) for t in self.tokens}
        # Name words the question uses: typed as they are, with other endings, or misspelt.
        matched = set(self.tokens).union(*self.matches.values())
        padded = f" {' '.join(self.tokens)} "
        found: list[_Scored] = []
        for index, fact in enumerate(self.facts):
            qualities = [self.matcher.quality(index, self.matches[i]) for i in positions]
            # Every word covered and, for a figure or "what is", one by the name, keywords
            # or the like: a word only in a summary ("population") is not what it is about.
            # People and partners are asked about by what they did, as summaries say.
            if not all(qualities) or (named and not any(q > SUMMARY_WEIGHT for q in qualities)):
                continue
            names = self.matcher.name_words(fact)
            hits = sum(1 for w in names if w in matched or stem(w) in stems)
            precision = hits / len(names) if names else 0.0
            score = sum(qualities) / len(qualities) if qualities else 1.0
            whole = sum(1 for p in self.matcher.phrases(fact) if f" {p} " in padded)
            found.append(_Scored(fact, score, precision, whole))
        return found

    def covering_partly(self) -> list[Fact]:
        """Records that cover the most question words, best first (a refusal's hints)."""
        scored = []
        for index, fact in enumerate(self.facts):
            qualities = [self.matcher.quality(index, self.matches[i]) for i in self.subject]
            covered = sum(1 for q in qualities if q)
            if covered:
                scored.append((-covered, -sum(qualities), index, fact))
        scored.sort()
        return [fact for *_, fact in scored[:MAX_RELATED]]

    def ranked(self, candidates: Sequence[_Scored]) -> list[_Scored]:
        """Best answer first: best-covered words, a share when asked, name fit, level."""
        levelled = bool(self.levels)

        def key(item: _Scored) -> tuple[float, ...]:
            fact = item.fact
            wants_percent = self.shape.percent and fact.unit != "percent"
            fit = _fit(item)
            # Without a level in the question, a record of no level fits best.
            off_level = 0.0 if levelled or fact.level is None else 1.0
            # "What is X" asks about a program or concept before a figure of it.
            figure_first = self.shape.kind == SUMMARY and fact.kind == "stat"
            return (
                float(wants_percent),
                -round(item.score, 2),
                -round(fit, 3),
                off_level,
                float(figure_first),
            )

        return sorted(candidates, key=key)

    # ---------------------------------------------------------------- refusals

    def place_words(self) -> dict[int, str]:
        """Subject positions that name a place other than the covered one, with its name."""
        places = _places(self.kb)
        home = normalise_phrase(self.home)
        found: dict[int, str] = {}
        positions = set(self.subject)
        for size in (2, 1):
            for start in range(len(self.tokens) - size + 1):
                span = set(range(start, start + size))
                norm = " ".join(self.tokens[start : start + size])
                if span <= positions and not span & set(found) and norm in places and norm != home:
                    for i in span:
                        found[i] = places[norm]
        return found

    def elsewhere(self, places: dict[int, str]) -> NoMatchError:
        """The question is about another place than the one the article covers."""
        named = " or ".join(dict.fromkeys(places[i] for i in sorted(places)))
        covers = "the article covers" if len(self.kb.sources) == 1 else "the sources cover"
        return NoMatchError(f"{covers} {self.home}, not {named}")

    def level_silence(self) -> NoMatchError:
        """The article has no such figure for the level the question names."""
        # One word reads as a noun ("no enrollment figure"); several are quoted as typed.
        topic = f'"{self.topic}"' if " " in self.topic else self.topic
        what = f"{topic} figure" if topic else "figure"
        if self.shape.per_year:
            what = f"per-year {what}"
        names = " or ".join(lv.name.casefold() for lv in self.levels)
        others = self.ranked(self.covering(self.topic_positions)) if self.topic_positions else []
        worth = [s.fact for s in others if s.fact.has_figure]
        return NoMatchError(f"the article gives no {what} for {names}{_look(worth)}")

    def silence(self) -> NoMatchError:
        """Why no record covers the question: a place, a word never used, a level, or none."""
        places = self.place_words()
        # A place the records never name comes first; one they name (a partner country)
        # only after words they never use, which may be what kept it from matching.
        elsewhere = {i: place for i, place in places.items() if not self.matches[i]}
        if elsewhere:
            return self.elsewhere(elsewhere)
        unknown = [
            self.typed[i].typed
            for i in self.subject
            if not self.matches[i] and i not in self.level_positions and i not in places
        ]
        if unknown:
            quoted = " or ".join(f'"{w}"' for w in unknown)
            return NoMatchError(f"the article does not mention {quoted}")
        if places:
            return self.elsewhere(places)
        if self.levels and self.topic_positions:
            return self.level_silence()
        return NoMatchError(
            f'the article does not answer "{self.question}"; no record covers all its words'
            f"{_look(self.covering_partly())}"
        )

    # ---------------------------------------------------------------- answers

    def answer(self) -> Answer:
        """The answer, or NoMatchError saying what the article does not give."""
        shape = self.shape
        if not self.subject and shape.kind in (PLACES, COUNTRIES):
            # "which countries does Chongqing work with": every partner is the answer.
            everyone = [_Scored(f, 1.0, 0.0) for f in self.facts if _fits(shape.kind, f)]
            if everyone:
                self.shape = shape._replace(plural=True)
                return self.choose(everyone)
        if not self.subject:
            raise NoMatchError(
                f'"{self.question}" names nothing to look up; ask about a figure, date, '
                'person or partner, such as: cqedu ask "how many teachers?"'
            )
        candidates = self.covering(self.subject)
        if not candidates:
            raise self.silence()
        if self.levels:
            wanted = {lv.id for lv in self.levels}
            candidates = [c for c in candidates if c.fact.level in wanted]
            if not any(_fits(shape.kind, c.fact) for c in candidates):
                raise self.level_silence()
        return self.choose(candidates)

    def narrowed(self, fitting: list[_Scored]) -> list[_Scored]:
        """Figures that count what "how many" names, per year when asked."""
        if self.shape.counted:
            # "how many schools" counts schools: a figure in principals does not answer it.
            said = set().union(*(self.matches.get(i, {}) for i in self.shape.counted))
            counting = [c for c in fitting if said & set(words(c.fact.unit or ""))]
            if not counting:
                raise NoMatchError(
                    f'the article gives no count of "{self.topic}"'
                    f"{_look([c.fact for c in fitting])}"
                )
            fitting = counting
        if self.shape.per_year:
            yearly = [c for c in fitting if c.fact.period == "per year"]
            if not yearly:
                raise NoMatchError(
                    f"the article gives no per-year figure for {fitting[0].fact.name}"
                    f"{_look([c.fact for c in fitting])}"
                )
            fitting = yearly
        if not self.shape.extreme:
            # "how many universities" is not answered by the two in one national program:
            # a figure whose name the question barely touches counts a part of the thing.
            whole = [c for c in fitting if _fit(c) >= MIN_FIGURE_FIT]
            if not whole:
                raise NoMatchError(
                    f'the article gives no overall figure for "{self.topic}"'
                    f"{_look([c.fact for c in fitting])}"
                )
            fitting = whole
        return fitting

    def choose(self, candidates: list[_Scored]) -> Answer:
        """The answer among records that cover the question, by its shape."""
        shape = self.shape
        ranked = self.ranked(candidates)
        fitting = [c for c in ranked if _fits(shape.kind, c.fact)]
        if shape.general and not fitting:
            fitting = ranked
        if not fitting and shape.kind == WHO and not _PHOTO_WORDS & set(self.tokens):
            # "who taught children to play Go": the event covers the question, and the
            # person it names among its related records is the answer. Not for "who took
            # the photo": photographers are credited in captions, never records.
            tied = [self.kb.get(i) for i in ranked[0].fact.related]  # ids the loader checked
            people = [f for f in tied if f.kind == "person"]
            if people:
                return self.made(WHO, people[:1], [ranked[0].fact, *people[1:]])
        if not fitting:
            raise NoMatchError(
                f"the article gives {_NOT_GIVEN[shape.kind]} for {ranked[0].fact.name}"
                f"{_look([c.fact for c in ranked])}"
            )
        if shape.kind == FIGURE:
            fitting = self.narrowed(fitting)
        if shape.kind == WHO:
            # "who leads the education commission": the commission is the subject, not the answer.
            fitting.sort(key=lambda c: c.fact.kind != "person")
        best = fitting[0].fact
        kind = shape.kind
        if shape.general:
            kind = FIGURE if best.has_figure else DATE if best.date_as_written else SUMMARY
        if shape.extreme and shape.kind == FIGURE:
            return self.extreme(fitting)
        if shape.plural:  # every partner that fits is part of the answer, so none is cut
            chosen = {c.fact.id for c in fitting}
            named = [f for f in self.facts if f.id in chosen]  # in the article's order
            return self.made(kind, named, named[1:], limit=len(named))
        related = [self.kb.get(i) for i in best.related]  # ids the loader checked
        # Runners-up of the same unit ("schools") and kind; others matched by a stray word.
        related += [
            c.fact
            for c in fitting[1:]
            if c.fact not in related and (c.fact.unit, c.fact.kind) == (best.unit, best.kind)
        ]
        return self.made(kind, [best], related)

    def extreme(self, fitting: list[_Scored]) -> Answer:
        """The highest or lowest of comparable figures (one unit), the others as related."""
        if self.shape.percent:
            fitting = [c for c in fitting if c.fact.unit == "percent"] or fitting
        units = list(dict.fromkeys(c.fact.unit or "" for c in fitting))
        if len(units) > 1:
            raise NoMatchError(
                f'the article\'s figures on "{self.topic}" count different things '
                f"({', '.join(units)}); ask about one of them"
            )
        group = sorted(
            (c.fact for c in fitting),
            key=lambda f: float(f.value or 0),
            reverse=self.shape.extreme > 0,
        )
        return self.made(FIGURE, group[:1], group[1:])

    def made(
        self, kind: str, named: Sequence[Fact], related: Sequence[Fact], limit: int = MAX_RELATED
    ) -> Answer:
        """The Answer naming `named`, with up to `limit` related records."""
        shown = [f for f in related if f not in named[:1]]
        return Answer(
            question=self.question,
            text=answer_line(kind, named),
            kind=kind,
            record=named[0],
            named=tuple(named),
            related=tuple(shown[:limit]),
        )


def ask(kb: KnowledgeBase, question: str) -> Answer:
    """Answer `question` from the records of `kb`.

    Raises QueryError (exit 2) for an empty or wordless question, and NoMatchError
    (exit 1) saying what the article does not give when no record answers it.
    """
    return _Question(kb, question).answer()
