"""Words that only frame a question (what it does as a speech act, how polite it is, why
the asker wants it, the language a name is asked in) veto nothing the rest picks; a near
miss the rest of the question cannot be answered from stays refused (issue 14)."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


# ------------------------------------------------------- 1. a claim put to be checked
@pytest.mark.parametrize(
    ("question", "record", "verdict"),
    [
        ("Can you confirm six point four million students?", "students", "Yes:"),
        ("Can you confirm that Chongqing has 9,500 schools?", "schools", "No:"),
        (
            "Could you verify that there are 41 special education schools?",
            "special-education-schools",
            "Yes:",
        ),
        ("Please confirm: 83 subjects in the ESI top 1%.", "esi-top-subjects", "Yes:"),
        ("Eighty-three subjects in the global top one percent, true?", "esi-top-subjects", "Yes:"),
        ("The article says Chongqing has 9,500 schools. Correct?", "schools", "No:"),
        ("The article says Chongqing has 9,177 schools. Accurate?", "schools", "Yes:"),
        ("Chongqing has 9,177 schools. True?", "schools", "Yes:"),
        (
            "Fact check: 41 special education schools in the city.",
            "special-education-schools",
            "Yes:",
        ),
        (
            "Fact-check: 50 special education schools in the city",
            "special-education-schools",
            "No:",
        ),
        (
            "Verify: universities undertake about 90% of Chongqing's basic research.",
            "basic-research-share",
            "Yes:",
        ),
        (
            "Verify: universities undertake about 50% of Chongqing's basic research",
            "basic-research-share",
            "No:",
        ),
        (
            "Claim: more than 2 million skilled graduates were supplied over five years. Correct?",
            "skilled-graduates",
            "No:",
        ),
        (
            "Claim: 1.85 million skilled graduates were supplied. True or false?",
            "skilled-graduates",
            "Yes:",
        ),
        ("Check: 6.4 million students in Chongqing?", "students", "Yes:"),
        ("True or false: Chongqing has 12,000 schools", "schools", "No:"),
        ("Chongqing has 9,500 schools - is that correct?", "schools", "No:"),
        (
            "Claim: three Chongqing universities are in the Double First-Class Initiative."
            " True or false?",
            "double-first-class-universities",
            "No:",
        ),
        (
            "Two universities in Double First-Class, correct?",
            "double-first-class-universities",
            "Yes:",
        ),
        ("Fact check: two years of free preschool from 2025.", "free-preschool-year", "No:"),
        ("Verify: twelve core goals were met.", "core-goals-met", "Yes:"),
        ("Is this right: Chongqing has 9,177 schools?", "schools", "Yes:"),
        ("Check: is the preschool rate 95%?", "preschool-enrollment-rate", "No:"),
        ("Am I right that Chongqing has 9,500 schools?", "schools", "No:"),
        ("Correct me if I'm wrong, but Chongqing has 6.4 million students?", "students", "Yes:"),
        ("I think Chongqing has 9,500 schools, correct?", "schools", "No:"),
        (
            "Sanity check: 200 principals train at NTU each year.",
            "principals-trained-at-ntu",
            "Yes:",
        ),
        (
            "Confirm or deny: 22 overseas vocational programs.",
            "overseas-vocational-programs",
            "Yes:",
        ),
        (
            "The enrollment rate for preschool is 93.5% - true or not?",
            "preschool-enrollment-rate",
            "Yes:",
        ),
        (
            "Please fact-check the claim that Chongqing has 600,000 teachers.",
            "teachers",
            "The article does not settle it",
        ),
        ("Verify that 300 principals train at NTU each year.", "principals-trained-at-ntu", "No:"),
    ],
)
def test_a_claim_checked_gets_its_verdict(
    real_kb: KnowledgeBase, question: str, record: str, verdict: str
) -> None:
    answer = real_kb.ask(question)
    assert answer.record.id == record
    assert answer.text.startswith(verdict)


@pytest.mark.parametrize(
    "question",
    [
        "Can you confirm that Chengdu has 9,177 schools?",
        "Fact check: Shanghai has 41 special education schools.",
        "Verify: Chongqing has 300 kindergartens.",
        "Claim: Chongqing has 20 medical schools. True or false?",
        "The article says Beijing has 9,177 schools. Correct?",
        "Chongqing had 9,177 schools in 2019, true?",
        "Fact check: 41 special education schools in Chengdu.",
        "Claim: Liu Yanbing is the mayor. True or false?",
        "Check: the fair was held in 2023?",
        "Confirm: Chongqing has 9,177 universities.",
        "The article says Chongqing has 500 kindergartens. Correct?",
        "Can you verify whether Chengdu has more schools?",
        "Am I right that Chengdu has 9,177 schools?",
        "I think Shanghai has 41 special education schools, correct?",
        "Correct me if I'm wrong, but Chongqing has 100 hospitals?",
        "Am I right?",
        "Correct?",
    ],
)
def test_a_claim_the_article_does_not_cover_is_refused(
    real_kb: KnowledgeBase, question: str
) -> None:
    refused(real_kb, question)


# ------------------------------------------------ 2. politeness and discourse markers
@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "Kindly tell the total nos. of Sino-foreign cooperative institutions and programmes"
            " in Chongqing.",
            "sino-foreign-cooperative-programs",
        ),
        (
            "Kindly share how many overseas programmes are there for vocational education.",
            "overseas-vocational-programs",
        ),
        (
            "kindly tell me how many special education schools there are",
            "special-education-schools",
        ),
        (
            "Could you specify how many special education schools there are?",
            "special-education-schools",
        ),
        ("Please specify how many teachers Chongqing has", "teachers"),
        ("share how many schools there are", "schools"),
        ("who even is wu yingjie", "wu-yingjie"),
        ("what even is the world culture fair", "world-culture-fair"),
        ("how many kids actually get free preschool tbh", "free-preschool-children"),
        ("free preschool?? how many kids actually get it tbh", "free-preschool-children"),
        ("how many teachers does chongqing honestly have", "teachers"),
        ("ngl how many schools does chongqing have", "schools"),
    ],
)
def test_politeness_and_markers_veto_nothing(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    "question",
    [
        "Kindly tell the total nos. of hospitals in Chongqing.",
        "Kindly share how many kindergartens closed",
        "could you specify how many teachers quit",
        "who even is the mayor of chongqing",
        "how many kids actually failed tbh",
        "share how many schools Chengdu has",
    ],
)
def test_politeness_keeps_a_near_miss_refused(real_kb: KnowledgeBase, question: str) -> None:
    refused(real_kb, question)


# ------------------------------------ 3. a purpose or comparison naming another place
@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("How many schools does Chongqing have? Benchmarking against Chengdu.", "schools"),
        ("How many teachers does Chongqing have? Comparing with Chengdu.", "teachers"),
        (
            "Chongqing's higher-ed enrollment rate, for a comparison with Beijing?",
            "higher-education-enrollment-rate",
        ),
        (
            "Chongqing's count of ESI top 1% subjects, so I can compare with Wuhan?",
            "esi-top-subjects",
        ),
        (
            "how many international students does Chongqing have, so we can compare it with Xi'an",
            "international-students",
        ),
        (
            "International students in Chongqing vs Shanghai: what's Chongqing's number?",
            "international-students",
        ),
        ("Teachers in Chongqing vs Chengdu: what's Chongqing's figure?", "teachers"),
        ("How many schools are in Chongqing? I want to compare with Chengdu.", "schools"),
        ("Chongqing's number of teachers - I'm comparing it to Chengdu's.", "teachers"),
        ("How many teachers does Chongqing have? We're benchmarking against Wuhan.", "teachers"),
        (
            "Chongqing preschool enrollment rate, for a cross-city table?",
            "preschool-enrollment-rate",
        ),
        (
            "Chongqing's number of special education schools, for my thesis on Sichuan?",
            "special-education-schools",
        ),
    ],
)
def test_a_purpose_naming_another_place_vetoes_nothing(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("How many schools does Chongqing have? Benchmarking against Chengdu.", "Chengdu"),
        ("Chongqing's higher-ed enrollment rate, for a comparison with Beijing?", "Beijing"),
        ("International students in Chongqing vs Shanghai: what's Chongqing's number?", "Shanghai"),
        (
            "how many international students does Chongqing have, so we can compare it with Xi'an",
            "Xi'an",
        ),
    ],
)
def test_the_place_compared_with_is_said_not_given(
    real_kb: KnowledgeBase, question: str, other: str
) -> None:
    assert real_kb.ask(question).text.endswith(f"; the article gives no figure for {other}")


def test_a_purpose_naming_no_place_adds_no_note(
    real_kb: KnowledgeBase,
) -> None:
    text = real_kb.ask("Chongqing preschool enrollment rate, for a cross-city table?").text
    assert "no figure for" not in text


@pytest.mark.parametrize(
    "question",
    [
        "what is Beijing's higher education enrollment rate",
        "how many schools does Chengdu have",
        "How many schools does Chengdu have? Benchmarking against Chongqing.",
        "compare Chongqing's and Wuhan's ESI subjects",
        "international students in Shanghai",
        "International students in Chongqing vs Shanghai: what's Shanghai's number?",
        "Beijing's higher-ed enrollment rate, for a comparison with Chongqing?",
        "how many schools does Chongqing have compared with Chengdu",
        "what is the enrollment rate, for a child in Chengdu?",
        "How many schools does Chongqing have, for a school in Chengdu?",
        "How many schools are there in Chongqing, for my area in Chengdu?",
        "How many schools are in Chengdu? I want to compare with Chongqing.",
        "How many teachers are there? I'm comparing with Chengdu.",
        "how many teachers are there, so I can compare with Chengdu",
        "what is the enrollment rate, for a comparison with Beijing?",
        "What is Chengdu's enrollment rate, so I can compare with Chongqing?",
        "Chongqing vs Chengdu: how many schools?",
        "Schools in Chongqing vs Chengdu: what's the number?",
    ],
)
def test_the_other_place_asked_is_refused(real_kb: KnowledgeBase, question: str) -> None:
    refused(real_kb, question)


# --------------------------------------------------------- 4. a name "in English"
@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "What is the fair where international students tried food from around the world"
            " called in English?",
            "world-culture-fair",
        ),
        (
            "Which university's full English name is given as the host of that fair on its"
            " Yubei Campus?",
            "southwest-university-of-political-science-and-law",
        ),
        ("what is the world culture fair called in english", "world-culture-fair"),
        ("What English term is used for the philosophy?", "five-educations-in-one"),
        (
            "what term is used for the city's contribution to China's modernization",
            "chongqing-wisdom",
        ),
    ],
)
def test_the_articles_own_language_vetoes_nothing(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    "question",
    [
        "What is the Chinese name of the Leicester joint college?",
        "what is the commission called in Chinese",
        "what is the pinyin name of the commission",
        "What is the fair where international students tried food called in French?",
        "what is the world culture fair called in mandarin",
        "How many students study in English?",
        "What is the name of the program taught in English",
        "How do you say Go in English?",
        "how many English words",
        "what term is used for the robot club",
        "What term is used for kindergartens in Chinese?",
        "what word is used for the school football reform in japanese",
    ],
)
def test_another_language_stays_refused(real_kb: KnowledgeBase, question: str) -> None:
    refused(real_kb, question)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a plain yes-no question claims the figure its cardinal word says, as a claim
        # put to be checked does; a figure written in words is said in lower case inside
        # the verdict's sentence
        (
            "are there two universities in double first class",
            "Yes: the article gives two universities (universities in the Double "
            "First-Class Initiative; higher education; as of 2025; Integrating Education "
            "with Industry and Innovation \u00b62)",
        ),
        (
            "are there three universities in double first class",
            "No: the article gives two universities (universities in the Double "
            "First-Class Initiative; higher education; as of 2025; Integrating Education "
            "with Industry and Innovation \u00b62)",
        ),
        (
            "are there nine special education schools",
            "No: the article gives 41 schools (special education schools; 2021-2025; "
            "Building a Strong Education System \u00b65)",
        ),
    ],
)
def test_a_yes_no_question_claims_its_number_words(
    real_kb: KnowledgeBase, question: str, answer: str
) -> None:
    assert real_kb.ask(question).text == answer


def test_a_name_in_a_yes_no_question_keeps_its_number_word(real_kb: KnowledgeBase) -> None:
    assert real_kb.ask("are the Five Educations in One a philosophy").record.id == (
        "five-educations-in-one"
    )


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # "kindly" after the modal's subject is politeness, as "please" is (fresh-eyes
        # trial: refused for "kindly"); a request to tell claims nothing, so no verdict
        (
            "could you kindly tell me the number of schools",
            "9,177 schools (as of 2025; Building a Strong Education System \u00b61)",
        ),
        (
            "Could you kindly indicate the total number of skilled graduates supplied over "
            "five years?",
            "1.85 million graduates (skilled graduates supplied to society; higher education; "
            "2021-2025; Integrating Education with Industry and Innovation \u00b61)",
        ),
    ],
)
def test_a_polite_request_is_answered_without_a_verdict(
    real_kb: KnowledgeBase, question: str, answer: str
) -> None:
    assert real_kb.ask(question).text == answer


def test_a_polite_request_of_another_place_is_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "could you kindly tell me the number of teachers in Chengdu") == (
        'the article does not mention "Chengdu" (it covers Chongqing)'
    )
