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
