"""Line-level clean-up: noise lines are recognised, inline HTML and broken LaTeX become Markdown."""

from __future__ import annotations

import pytest

from ccpkit.importer.lines import clean_inline, noise_reason


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Compute on AWS(opens in a new tab)", "Compute on AWS"),
        ("AWS Shared Responsibility Model(open s in a new tab)", "AWS Shared Responsibility Model"),
        ("Amazon EBS(ope ns in a new tab)", "Amazon EBS"),
        ("refer to [Amazon API Gateway](#) ([opens in a new tab](#)).", "refer to Amazon API Gateway."),
        ("refer to [AWS documentation\\(opens in a new tab\\)](#).", "refer to AWS documentation."),
        ('<a data-bbox="265 530 558 597" href="#">AWS CodeBuild (opens in a new tab)', "AWS CodeBuild"),
        ("security of data <i>in transit</i> .", "security of data *in transit* ."),
        ("Optional (<code>SecureString</code>)", "Optional (`SecureString`)"),
        ('Response times: <ul style="list-style-type: none">• < 24 hours', "Response times: • < 24 hours"),
        ("autoscaling (up to \\$128 \\text{ TB}\\$\\$).", "autoscaling (up to $128 \\text{ TB}$)."),
        (
            "(Lowest buffer is \\$\\approx 60 \\text{ seconds}\\$)",
            "(Lowest buffer is $\\approx 60 \\text{ seconds}$)",
        ),
    ],
)
def test_inline_noise_html_and_latex(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean


def test_escaped_currency_emoji_arrows_and_quotes_are_kept() -> None:
    text = "Commit to **\\$ usage/hr** → up to 72% off ✅ “normal”"
    assert clean_inline(text) == text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("-", "lone '-' list terminator"),
        ("AWS CCP", "Notion property/tag line"),
        (" Cloud Certified Practitioner Essentials note", "Notion property/tag line"),
        ("{} JSON", "leaked code-language label"),
        ("Which output would you like next?", "chat-assistant chatter"),
        ("medivault_architecture", "image placeholder / alt name"),
    ],
)
def test_noise_lines_are_named(line: str, reason: str) -> None:
    assert noise_reason(line) == reason


@pytest.mark.parametrize(
    "line", ["AWS Lambda", "- **AWS:** Amazon Web Services", "Text messages are cheap.", "15"]
)
def test_content_lines_are_not_noise(line: str) -> None:
    assert noise_reason(line) is None
