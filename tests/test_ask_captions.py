"""Questions about the article's photos, whose captions are records (a summary crediting
"photo by ..."): the caption's own name typed in lower case, what a subject of the photo
was doing, and the partner a caption shows."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

PRESENTATIONS = (
    "Southwest University presentations: Southwest University gave presentations on stage "
    "(photo caption; photo by DENG Nan). (Deepening Global Cooperation and Mutual Learning ¶4)"
)


@pytest.mark.parametrize(
    "question",
    [
        # a level's word inside a record's whole name typed in lower case is the name's
        "southwest university presentations photo",
        "southwest university presentations",
        # the university is the subject of what it was doing, no partner asked for
        "what was southwest university doing in that photo",
        "what did southwest university do in that photo",
    ],
)
def test_a_question_of_a_photo_finds_its_caption(real_kb: KnowledgeBase, question: str) -> None:
    found = real_kb.ask(question)
    assert (found.record.id, found.text) == ("southwest-university-presentations", PRESENTATIONS)


@pytest.mark.parametrize(
    ("question", "expected", "answer"),
    [
        (
            "which university took stage in the photo from Deng Nan",
            "southwest-university",
            "Southwest University (Deepening Global Cooperation and Mutual Learning ¶4)",
        ),
        (
            "which university hosted the fair in the photo by Zheng Yu",
            "southwest-university-of-political-science-and-law",
            "Southwest University of Political Science and Law (Opening ¶2)",
        ),
        # a partner asked as "what is the university ..." is still one
        (
            "what is the university in Singapore that trains principals",
            "nanyang-technological-university",
            "Nanyang Technological University (Singapore; Deepening Global Cooperation and "
            "Mutual Learning ¶5)",
        ),
        # who took a photo is its credit, no person tied to what it shows
        (
            "who took the photo of the go lesson",
            "go-lesson",
            "Liu Li, Visual Chongqing (photo: Go lesson by Li Xuanhao; Building a Strong "
            "Education System ¶3)",
        ),
    ],
)
def test_a_partner_asked_of_a_photo_is_the_one_its_caption_shows(
    real_kb: KnowledgeBase, question: str, expected: str, answer: str
) -> None:
    assert answered(real_kb, question) == (expected, answer)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "a photo of the Leicester campus",
            'the article does not answer "a photo of the Leicester campus"; no record covers '
            "all its words; worth a look: world-culture-fair, go-lesson, schools",
        ),
        (
            "which university is in the photo of the Leicester campus",
            'the article does not answer "which university is in the photo of the Leicester '
            'campus"; no record covers all its words; worth a look: world-culture-fair, '
            "go-lesson, schools",
        ),
        # a level in a figure question stays one, whatever name it is in
        (
            "how many students at southwest university",
            'the article gives no figure for "students at southwest university"',
        ),
    ],
)
def test_a_photo_the_article_does_not_have_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
