"""Words that call on a step of the question logic kept in a module of its own.

A question is looked at for them before that module is loaded: one holding none of them
never loads it (each such module costs a question's start-up a few hundred microseconds).
The modules read their cues from here, so the look and the step never disagree.
"""

#: Comparative and superlative words of quantity and size, with their direction
#: (`comparison`).
MORE = frozenset(
    "more most higher highest larger largest bigger biggest greater greatest better best".split()
)
LESS = frozenset("fewer fewest less least lower lowest smaller smallest worse worst".split())
#: The comparisons the article's figures make: of quantity and size, either way.
QUANTITY_WORDS = MORE | LESS

#: Words of a question that asks for others: "the *other* brands", "who *else*" (`others`).
OTHER = frozenset({"other", "else"})

#: Phrases that ask what a short form stands for, whatever it is typed like
#: (`abbreviations`).
EXPANDING = (
    ("stand", "for"),
    ("stands", "for"),
    ("stood", "for"),
    ("short", "for"),
    ("abbreviation",),
    ("abbreviated",),
    ("acronym",),
    ("initialism",),
    ("full", "form"),
    ("full", "name"),
    ("expand",),
    ("expansion",),
)
#: Words that ask what a word means: of a short form only when it is typed or written as
#: one ("what does ESI mean"; "what does Chongqing wisdom mean" asks for a description).
MEANING = frozenset({"mean", "means", "meant", "meaning"})
#: Every word of the phrases above, for the look before `abbreviations` is loaded.
SHORT_FORM_WORDS = frozenset(w for phrase in EXPANDING for w in phrase) | MEANING

#: Words a formal phrasing needs (`formal`): a complex preposition of topic ("with respect
#: to", "concerning"; "as for" is looked for as a phrase), a degree asked ("to what
#: extent"), a form named for the answer (", expressed as a proportion,").
FORMAL_WORDS = frozenset(
    "respect regard regards relation reference pertaining comes subject concerning regarding "
    "extent degree expressed given stated measured".split()
)

#: Words of a question that asks what a thing is for (`aims`): a participle of design
#: ("meant to"), a noun of purpose ("what *function* does X serve"), a verb of what one
#: thing tells of another ("what does X *imply* about Y").
AIM_WORDS = frozenset(
    "meant intended designed supposed aimed purpose purposes function functions role roles "
    "aim aims goal goals objective objectives mission missions point imply implies implied "
    "suggest suggests indicate indicates signal signals signify signifies mean means".split()
)

#: How a question ends that asks "which N is *that* (one)" of what the clause before it
#: introduced (`asides.of_held`).
PRO_FORM_ENDS = (" that", " this", " it", " that one", " this one", " they", " those")


def may_hold_asides(question: str) -> bool:
    """Whether a question may say more than it asks (`asides`): two sentences, two
    clauses or an aside in brackets; only then is a refused one read again without them."""
    if any(ch in question for ch in ",;:()\u2013\u2014"):
        return True
    import re  # deferred: most questions hold a comma or no second clause

    return re.search(r"[?.!]\s+\w|\s-+\s|\s(?:and|but|so)\s", question) is not None


#: The asker saying what they want of the answer: a verb of wanting, meaning or interest
#: after the first person ("I only care about private ones", "we want the rural figure",
#: "the primary ones I mean"), or a restricting "only": words around a question that say
#: what is asked, never an aside of the asker's (`asides`, and a preamble `reading` drops).
WANTING = (
    r"(?is)\b(?:i|we)(?:'m|'d|'re|\s+am|\s+are|\s+was|\s+would|\s+do)?\s+(?:\w+\s+)?"
    r"(?:mean|meant|want|wanted|need|needed|care|cared|interested|prefer|asking\s+about"
    r"|looking\s+(?:for|at)|talking\s+about)\b"
    # ... but not to be told: "we need to find out how many ..." asks the question after it
    r"(?!\s+to\s+(?:know|find|learn|ask|understand|check|see|hear|be\s+told)\b)|\bonly\b"
)
