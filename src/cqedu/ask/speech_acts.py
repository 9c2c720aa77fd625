"""Words that frame a question rather than ask it: its speech act, politeness, purpose.

"Fact check: 41 special education schools in the city." and "Can you confirm 6.4 million
students?" put a claim to be checked, as "is it true that ..." does; "Kindly share how
many ..." requests the answer to the clause after its verb; "who *even* is ..." and "...
*tbh*" only comment on the asking; "..., for a comparison with Beijing?" says why the
asker wants the figure, not which; "... called *in English*" asks the name the article,
written in English, already gives. Each frame is taken away (a claim kept as "is it true
that X?"), so that the words left are the question, which alone decides what is answered
or refused: the frames hold no word of what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from cqedu.core.text import stem, words

#: Verbs of verifying, whose object is a claim to check (a closed class: English's verbs
#: of confirming a proposition).
_VERIFY = r"(?:confirm|verify|check|fact[\s-]*check|double[\s-]*check|validate)"
#: A label before a colon that names the act of checking, or what is put to it ("Claim:").
_LABEL = (
    rf"(?:(?:[a-z]+)\s+)?(?:{_VERIFY}|claim|statement|rumou?r|assertion"
    r"|true\s+or\s+false|fact\s+or\s+fiction|myth\s+or\s+fact|confirm\s+or\s+deny"
    r"|(?:is|was)\s+(?:this|it|that|the\s+following)\s+(?:true|correct|right|accurate)"
    r"|(?:am\s+i|are\s+we)\s+right)"
)
#: A tag after a claim asking whether it holds: a truth adjective (the adjectives of the
#: "is that X?" tag: true, correct, accurate, right), a verb of verifying, or the
#: alternatives a checker offers ("true or false?").
_TRUTH = r"(?:true|correct|accurate|right)"
_TAG = (
    rf"(?:{_TRUTH}|{_VERIFY}|true\s+or\s+(?:false|not)|yes\s+or\s+no|fact\s+or\s+fiction"
    rf"|(?:is|was)\s+(?:that|this|it)\s+(?:{_TRUTH}|so)|am\s+i\s+right"
    rf"|(?:can|could)\s+(?:you|u)\s+{_VERIFY}(?:\s+(?:that|this|it))?)"
)
#: The modal request before a verb ("can you", "could you please", "kindly").
_POLITE = r"(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:(?:please|pls|plz|kindly)\s+)?"
#: Question words that open an embedded question ("share *how many* ...").
_WH = r"(?:how|what|which|who|whom|whose|when|where|why)\b"
#: The text the article is, as a claim's source ("the article says X").
_TEXT_SAYS = (
    r"(?i)^\s*(?:the|this|your)\s+(?:article|report|text|story|piece|news)\s+"
    r"(?:says?|said|reports?|reported|states?|stated|claims?|claimed|mentions?)\s+(?:that\s+)?"
)
#: The asker's belief the claim states ("I think X", "correct me if I'm wrong, but X"):
#: a verb of believing with the first person, which claims nothing of its own.
_BELIEVED = r"(?is)^\s*(?:i|we)\s+(?:think|believe|thought|assume|understand|guess)\s+(?:that\s+)?"
#: Words one of which a claim's frame holds, to look for before any pattern is compiled.
_CHECK_WORDS = frozenset(
    "confirm verify check fact validate claim statement rumor rumour assertion true false"
    " correct accurate right fiction myth wrong deny".split()
)


@cache
def _opening() -> re.Pattern[str]:
    """The asker's doubt of the claim before it ("am I right that X", "correct me if I'm
    wrong, but X")."""
    return re.compile(
        r"(?is)^\s*(?:correct\s+me\s+if\s+i'?m\s+wrong\s*,?\s*(?:but\s+)?"
        r"|(?:am\s+i|are\s+we)\s+right\s+(?:that\s+|in\s+thinking\s+(?:that\s+)?)?)"
        r"(?P<claim>\S.*)$"
    )


@cache
def _framed_claim() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A label before a colon, a verb of verifying before its clause, a tag after it."""
    label = re.compile(rf"(?is)^\s*{_LABEL}\s*(?::|\s[-\u2013\u2014])\s*(?P<claim>\S.*)$")
    verb = re.compile(
        rf"(?is)^\s*{_POLITE}{_VERIFY}\s+(?:(?:for\s+me|please)\s+)?"
        r"(?:(?:the\s+)?(?:claim|statement|figure|number)\s+)?(?:(?:that|whether|if)\s+)?"
        rf"(?!{_WH})(?P<claim>\S.*)$"
    )
    tag = re.compile(rf"(?is)^(?P<claim>.*?\w[%)]?)\s*[-\u2013\u2014,;:.?!]+\s*{_TAG}\s*[?.!]*\s*$")
    return label, verb, tag


def checked_claim(question: str) -> str | None:
    """The claim a question puts to be checked ("Fact check: X", "Can you confirm X",
    "X. Correct?", "Claim: X. True or false?"), without the article cited as its source,
    or None when the question puts none. The asker's report of coming by it ("I read
    that X") goes too, as the article's does ("The article says X")."""
    if _CHECK_WORDS.isdisjoint(words(question)):
        return None
    label, verb, tag = _framed_claim()
    said = question.strip()
    found = False
    for pattern in (label, verb, tag, _opening()):
        framed = pattern.match(said)
        if framed is not None:
            said, found = framed["claim"].strip(), True
    if not found or re.match(rf"(?i){_WH}", said):
        return None  # "check: how many ...": a question, no claim
    from cqedu.ask.frames import HEARD  # deferred: only a claim put to be checked

    said = re.sub(HEARD, "", re.sub(_TEXT_SAYS, "", said), count=1)
    said = re.sub(_BELIEVED, "", said, count=1)
    return said.strip().rstrip("?.!").strip() or None


#: English's cardinal number words below twenty-one, which `spoken_numbers` leaves as
#: words (a word such as "one" is more often no figure); in a claim put to be checked,
#: one before a noun is the figure claimed ("three universities are in ...").
_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def _opens_yes_no(question: str) -> bool:
    """Whether a question opens as a yes-no question does ("are there two ..."): it claims
    what it says, as a claim put to be checked does."""
    from cqedu.ask.question import opens_yes_no  # deferred with the question logic

    return opens_yes_no(question)


def claimed_in_digits(question: str) -> str:
    """A question putting a claim to be checked, or asking yes or no ("are there *2*
    universities ..."), with each cardinal word before a noun in digits ("Claim: *3*
    universities are ..."; in a plain yes-no question, not a capitalised one, a name's
    "Five"), when it claims no figure in digits
    (in "2 million graduates over five years" the figure is 2 million, and "five years"
    says over what); any other question unchanged."""
    if set(words(question)).isdisjoint(_CARDINALS):
        return question
    if re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", question)):  # a year is no figure
        return question
    framed = checked_claim(question) is not None
    if not framed and not _opens_yes_no(question):
        return question

    def digits(found: re.Match[str]) -> str:
        if not framed and found[0][:1].isupper():
            return found[0]  # a plain yes-no question's capitalised word: a name's ("Five")
        return str(_CARDINALS.index(found[0].lower()) + 1)

    return re.sub(
        rf"(?i)(?<![\w-])(?:{'|'.join(_CARDINALS)})\b"
        r"(?=\s+(?!(?:of|or|and|to|in|more|than|percent|per)\b)[a-z])",
        digits,
        question,
    )


#: Verbs of telling that request the answer to the embedded question after them ("share
#: how many", "specify which", "let me know when").
_TELL = (
    r"(?:tell|share|specify|state|indicate|say|clarify|explain|give|show"
    r"|let\s+(?:me|us)\s+know|find\s+out)"
)
#: Politeness adverbs that open a request ("kindly", "please"): English's closed class of
#: them, with their text-speak spellings.
_POLITENESS = r"(?:kindly|please|pls|plz|pretty\s+please)"


#: The words a request opens with: a modal, a politeness adverb or a verb of telling.
_REQUEST_OPENERS = frozenset(re.findall(r"[a-z]+", f"{_POLITE} {_TELL} {_POLITENESS}")) - {
    "s",
    "me",
    "us",
    "you",
    "u",
    "know",
    "out",
    "pretty",
}


@cache
def _request() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    told = re.compile(
        rf"(?is)^\s*{_POLITE}{_TELL}\s+(?:(?:me|us)\s+)?(?:please\s+)?(?P<asked>{_WH}.*)$"
    )
    polite = re.compile(rf"(?is)^\s*{_POLITENESS}\s*,?\s+(?P<asked>\S.*)$")
    # "could you *kindly* tell me the number of ...": the adverb after the modal's subject
    modal = re.compile(
        rf"(?is)^\s*(?P<lead>(?:can|could|would|will)\s+(?:you|u)\s+){_POLITENESS}\s+"
        r"(?P<rest>\S.*)$"
    )
    return told, polite, modal


def requests(question: str) -> bool:
    """Whether a question opening with a modal is a request to tell ("could you (kindly)
    tell me ...", "can you indicate ..."), which claims nothing, not a yes-no question."""
    # "tell me if/whether X" embeds a yes-no question: that one claims X
    told = rf"(?is)^\s*{_POLITE}{_TELL}\b(?!\s+(?:(?:me|us)\s+)?(?:if|whether)\b)"
    return re.match(told, question) is not None


def unrequested(question: str) -> str:
    """A request without its politeness and verb of telling, when an embedded question
    is what it requests ("Kindly share how many programmes ...": "how many programmes
    ..."), or without its opening politeness adverb ("Kindly tell the total ...": "tell
    the total ...")."""
    first = words(question)[:1]
    if not first or first[0] not in _REQUEST_OPENERS:
        return question  # most questions open with a question word: no pattern compiled
    told, polite, modal = _request()
    found = told.match(question)
    if found is not None:
        return found["asked"]
    found = polite.match(question)
    if found is not None:
        return found["asked"]
    found = modal.match(question)
    return f"{found['lead']}{found['rest']}" if found is not None else question


#: Stance markers that comment on the asking and say nothing of what is asked: the
#: stance and emphasis adverbs ("actually", "honestly", "even" after a question word)
#: and English text-speak's stance initialisms ("tbh", "ngl", "imo").
_STANCE = frozenset(
    "actually honestly seriously literally tbh ngl imo imho tbf lol lmao btw afaik iirc".split()
)
#: "even" and "exactly" stress a question word ("who *even* is", "how *exactly* do"),
#: asking nothing of their own there.
_STRESS = r"(?i)\b(?P<wh>how|what|which|who|where|when|why)\s+(?:even|exactly)\b"


def unstressed(question: str, known: Collection[str]) -> str:
    """The question without stance markers and a question word's stress ("who even is
    wu yingjie", "how many kids actually get it tbh"); a word of the records stays."""
    said = set(words(question))
    if said.isdisjoint(_STANCE | {"even", "exactly"}):
        return question
    if not said.isdisjoint({"even", "exactly"}):
        question = re.sub(_STRESS, r"\g<wh>", question)
    dropped = [w for w in _STANCE if w in said and w not in known]
    if dropped:
        question = re.sub(rf"(?i)\s*,?\s*\b(?:{'|'.join(dropped)})\b\s*,?", " ", question)
    return re.sub(r"\s{2,}", " ", question).strip()


#: An adjunct that says why the asker wants the answer, after a complete question: a
#: purpose clause of the asker's ("so I can compare with Wuhan", "for my report"), an
#: infinitive of comparing, a "for a ..." phrase of purpose, or, after the question's end,
#: a participle of comparing ("How many schools? Benchmarking against Chengdu.").
_ASKERS_PURPOSE = (
    r"(?:so\s+(?:that\s+)?(?:i|we)|for\s+(?:my|our)|in\s+order\s+to"
    r"|to\s+(?:compare|benchmark|contrast)"
    # the asker saying so in a clause of their own ("I'm comparing it with Chengdu")
    r"|(?:i|we)(?:'m|'re|\s+am|\s+are|'ll|\s+will|\s+(?:want|need|would\s+like)\s+to|'d\s+like\s+to)?"
    r"\s+(?:compare|comparing|benchmark|benchmarking|contrast|contrasting))\b"
)
_FOR_A = r"for\s+(?:a|an)\b"
#: Locative prepositions: in a "for" phrase they say where the thing asked is ("for a
#: school *in* Chengdu"), which a purpose ("for a comparison *with* Beijing") does not.
_LOCATIVE = frozenset("in at from within inside near across".split())
_COMPARING = r"(?:benchmarking|comparing|contrasting)\s+(?:against|with|to)\b"


@cache
def _purpose() -> re.Pattern[str]:
    return re.compile(
        r"(?is)^(?P<asked>.*?\w)\s*(?:(?P<comma>[,;\u2013\u2014]|\s-+)|(?P<end>[?.!]+))\s*"
        rf"(?P<adjunct>(?:(?P<for_a>{_FOR_A})|{_ASKERS_PURPOSE}|(?P<participle>{_COMPARING}))"
        r"[^?.!]*)[?.!]*\s*$"
    )


#: Text that every adjunct `_purpose` reads holds, to look for before it is compiled.
_PURPOSE_CUES = (
    "compar", "benchmark", "contrast", "order to", "so i ", "so we ", "so that ", ", for ",
    "? for ", ". for ", "; for ", "- for ",
)  # fmt: skip


def may_hold_purpose(question: str) -> bool:
    """Whether a question may end in an adjunct of its asker's purpose (`without_purpose`):
    only then is its pattern compiled, or the records' words gathered to read it."""
    lowered = question.lower()
    return any(cue in lowered for cue in _PURPOSE_CUES)


def may_pair(question: str) -> bool:
    """Whether a question may set two places side by side (`one_of_two`)."""
    lowered = question.lower()
    return "vs" in lowered or "versus" in lowered


def without_purpose(question: str, known: Collection[str], own: frozenset[str]) -> str:
    """The question without an adjunct saying why its asker wants the answer, which
    names whatever it is compared with ("Chongqing's enrollment rate, for a comparison
    with Beijing?": "Chongqing's enrollment rate?"). Only after a question that names the
    source's own place (`own`: its name and the nouns its description uses of it,
    "Chongqing", "the city"), whose figure is then the one asked: "what is the rate, so
    I can compare with Chengdu" may mean Chengdu's. A "for" phrase is purpose only when
    it holds no word of the records (`known`, with the words their synonyms declare) but
    those ("a cross-*city* table") and no locative preposition ("for a school *in*
    Chengdu" says which); a participle only after the question's end, where it opens a
    fragment of its own."""
    if not may_hold_purpose(question):
        return question
    found = _purpose().match(question)
    if found is None or (found["participle"] and not found["end"]):
        return question
    if own.isdisjoint(words(found["asked"])):
        return question  # "what is the rate, for a child in Chengdu": whose rate
    if found["adjunct"].lower().startswith("for"):
        from cqedu.ask.language import function_words  # deferred: only a "for" phrase

        small = function_words()
        said = [w for w in words(found["adjunct"]) if w not in small and w not in own]
        if not _LOCATIVE.isdisjoint(words(found["adjunct"])):
            return question  # "for my area *in* Chengdu": where, of what is asked
        # by stem, as the records' words are matched ("a *child*": "children")
        stems = {stem(w) for w in known}
        if any(w in known or stem(w) in stems for w in said):
            return question
    return f"{found['asked']}?"


#: A topic that sets two places side by side, then a question of one place's figure
#: ("International students in Chongqing vs Shanghai: what's Chongqing's number?").
@cache
def _one_of_two() -> re.Pattern[str]:
    return re.compile(
        r"(?is)^\s*(?P<topic>\S.*?)\s+(?:vs\.?|versus)\s+(?P<other>[^:?]+?)\s*[:,;?\u2013\u2014-]+\s*"
        r"what(?:'s|\u2019s|s|\s+is)\s+(?P<place>[\w-]+)(?:'s|\u2019s|s')\s+"
        r"(?P<noun>number|figure|count|total|rate|share|percentage)\s*[?.!]*\s*$"
    )


def one_of_two(question: str) -> str:
    """ "what is the number of X in P" for "X in P vs Q: what's P's number?": the question
    after the break asks one place's figure of the topic, so the other place is only what
    the asker will set it beside. Asked of the other place, the question stays as typed."""
    if not may_pair(question):
        return question
    found = _one_of_two().match(question)
    if found is None:
        return question
    place = found["place"].lower()
    if place not in words(found["topic"]) or place in words(found["other"]):
        return question
    return f"what is the {found['noun']} of {found['topic']}?"


#: The language the article is written in, and cqedu reads and answers in (see
#: `in_another_script`): a name asked "in English" is the name the records give.
_OWN_LANGUAGE = "english"
#: Nouns and verbs of naming that a language modifies ("the English *name*", "*called*
#: in English").
_NAMING = r"(?:name|names|term|title|word|translation)"
#: Participles of naming that "in English" follows ("called in English"); after any other
#: verb it says how something is done ("taught in English"), which the article does not.
_NAMED = r"(?:called|named|known|termed|titled|written|spelt|spelled|rendered|translated)"


def in_own_language(question: str) -> str:
    """The question without the article's own language where it only says in which
    language a name is asked ("the official English name of", "called in English");
    another language ("the Chinese name"), and "in English" of anything but naming
    ("taught in English"), stay, and are refused."""
    if _OWN_LANGUAGE not in question.lower():
        return question
    said = re.sub(rf"(?i)\b{_OWN_LANGUAGE}(?:[\s-]+language)?\s+(?={_NAMING}\b)", "", question)
    return re.sub(rf"(?i)\b(?P<verb>{_NAMED})\s+in\s+{_OWN_LANGUAGE}\b", r"\g<verb>", said)


def compared_with(question: str) -> str:
    """What follows the comparing preposition of a purpose adjunct or a "P vs Q" topic
    (`without_purpose`, `one_of_two`), as typed: what the asker will set the answer
    beside ("..., for a comparison with Beijing?": "Beijing"); "" for any other question."""
    if not may_hold_purpose(question) and not may_pair(question):
        return ""
    found = _purpose().match(question) if may_hold_purpose(question) else None
    adjunct = found["adjunct"] if found is not None else ""
    if not adjunct:
        paired = _one_of_two().match(question)
        adjunct = f"vs {paired['other']}" if paired is not None else ""
    # the last preposition a comparison takes ("compare it *with* Xi'an", "*vs* Shanghai")
    after = re.search(
        r"(?i)^.*\b(?:with|against|to|vs\.?|versus)\s+(?:the\s+)?(?P<other>\S.*)$", adjunct
    )
    return after["other"].strip(" ?.!,;:") if after is not None else ""


#: "What term is used for X", "what is the word for X": a naming noun asked of X, which
#: asks what "what is X called" does.
_TERM_FOR = (
    r"(?is)^\s*what\s+(?:(?:term|word|name|label)\s+is\s+(?:used|given)\s+(?:for|to)"
    r"|is\s+the\s+(?:term|word)\s+(?:used\s+)?for)\s+(?P<what>\S.*?)\s*[?.!]*\s*$"
)


def as_called(question: str) -> str:
    """ "what is X called" for "what term is used for X" (a naming noun, "term", "word",
    asked with the verb that gives it), the name the records give."""
    lowered = question.lower()
    if "term" not in lowered and "word" not in lowered and "given to" not in lowered:
        return question
    found = re.match(_TERM_FOR, question)
    return f"what is {found['what']} called?" if found is not None else question
