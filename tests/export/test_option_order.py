"""A question keeps its written option order exactly when its text points at options by letter or place."""

from __future__ import annotations

import pytest

from ccpkit.export.option_order import keeps_option_order
from ccpkit.model import MCQ, Option, SourceLocation


def question(explanation: str, *options: str) -> MCQ:
    texts = options or ("Amazon S3", "Amazon EBS", "Amazon EFS", "AWS Backup")
    return MCQ(
        id="06-storage/mcq/q",
        module="06-storage",
        source=SourceLocation("06-storage/practice-questions.md", 3),
        stem="Which service stores objects?",
        options=tuple(Option(label=chr(65 + n), text=text, correct=n == 0) for n, text in enumerate(texts)),
        explanation=explanation,
    )


@pytest.mark.parametrize(
    "explanation",
    [
        "B is block storage, so it is wrong.",
        "Options C and D are not object stores.",
        "The answer is (A).",
        "A) is right: S3 stores objects.",
        "Answer: A.",
        "A and C are both storage services, but only one stores objects.",
        "Not D, which copies data.",
        "A is correct because S3 is object storage.",
        "**B** attaches to one instance.",
        "Not A: that is block storage.",
        "Not A, which is block storage.",
        "Option (a) is connection-oriented; b) sends datagrams.",
        "a and b work at lower layers, so c is right.",
        "Option a, not b: it carries segments.",
        "A\u6b63\u786e\uff0cB\u9519\u8bef\u3002",
        "\u6545\u9009B\u3002",
        "\u7b54\u6848\u4e3aC\u3002",
        "解析\uff1aA项是FTP端口\uff0cB项正确。",
        "选项C不存储对象。",
    ],
)
def test_an_explanation_naming_a_letter_keeps_the_order(explanation: str) -> None:
    assert keeps_option_order(question(explanation))


@pytest.mark.parametrize(
    "explanation",
    [
        "A bucket holds objects; S3 is object storage.",
        "A key benefit is eleven nines of durability.",
        "S3 stores objects in buckets, EBS and EFS do not.",
        "",
        "Plan for an AZ failure: S3 keeps copies across at least three.",
        "Not a good fit: S3 is no file system.",
        "It is a service of the AWS cloud, a key part of many designs.",
        "S3 是对象存储服务。",
        "It answers a query about objects; the options a team has are few.",
        "EPC\u9879\u76ee\u91c7\u7528\u603b\u627f\u5305\u3002",
    ],
)
def test_an_explanation_without_letters_lets_the_card_shuffle(explanation: str) -> None:
    assert not keeps_option_order(question(explanation))


def test_an_option_opening_with_all_or_none_but_saying_a_thing_lets_the_card_shuffle() -> None:
    options = ("All traffic is encrypted", "Keys rotate yearly", "Logs are kept", "Nothing is public")
    assert not keeps_option_order(question("S3 encrypts at rest.", *options))


@pytest.mark.parametrize(
    "last",
    [
        "All of the above",
        "None of the above",
        "Both A and B",
        "All of the mentioned",
        "All the above",
        "All of these",
        "None of these",
        "Both",
        "Todas las anteriores",
        "Todas as alternativas anteriores",
        "Nenhuma das anteriores",
        "Toutes les réponses précédentes",
        "Keine der obigen",
        "以上都是",
    ],
)
def test_an_option_that_points_at_other_options_keeps_the_order(last: str) -> None:
    assert keeps_option_order(question("S3 stores objects.", "Amazon S3", "Amazon EBS", "Amazon EFS", last))


@pytest.mark.parametrize("verdicts", [("True", "False"), ("FALSE.", "TRUE."), ("**True**", "False")])
def test_true_false_options_keep_their_order_on_the_card_as_in_the_exam(verdicts: tuple[str, str]) -> None:
    assert keeps_option_order(question("Glaciers carve valleys by plucking and abrasion.", *verdicts))


def test_two_options_that_are_not_both_verdicts_may_shuffle() -> None:
    assert not keeps_option_order(question("Both are sugars.", "Glucose", "Fructose"))
    assert not keeps_option_order(question("", "True", "Partly true"))
