"""Shared fixtures: a small hand-built deck with the tricky content every exporter must survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccpkit.config import load_config
from ccpkit.model import MCQ, Card, ComparisonTable, Deck, Module, Option, SourceLocation
from tests.golden import UPDATE_OPTION, GoldenFiles

REPO = Path(__file__).resolve().parent.parent
# The student's raw notes export, committed so a clone stands alone; source_notes/ is its import.
RAW_EXPORT = REPO / "tests" / "data" / "aws-ccp-notes-export.txt"
NO_SETTINGS = REPO / "tests" / "fixtures" / "settings" / "none.toml"
"""A settings file that sets nothing: ``--config`` it so that no ccpkit.toml around a test is read."""
_TITLE = load_config(REPO / "ccpkit.toml").title
assert _TITLE is not None, "the committed ccpkit.toml names this course"
COURSE_TITLE: str = _TITLE
"""The title of this repository's course, from its committed ccpkit.toml."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        UPDATE_OPTION,
        action="store_true",
        help="Rewrite the golden files (tests/export/golden/expected/) from what the code makes now, "
        "instead of comparing; review their diff.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> GoldenFiles:
    """Golden files to compare with, or to rewrite when pytest runs with ``--update-golden``."""
    return GoldenFiles(update=bool(request.config.getoption(UPDATE_OPTION)))


def at(path: str, line: int) -> SourceLocation:
    return SourceLocation(path=path, line=line)


def sample_deck() -> Deck:
    """Two modules; text with Markdown, HTML, math, emoji, quotes, commas, tabs and `#`."""
    compute = Module(
        number=2,
        slug="02-compute",
        title="Compute in the Cloud",
        items=(
            Card(
                id="02-compute/card/ec2",
                module="02-compute",
                source=at("02-compute/cram-sheet.md", 5),
                part="Cram Sheet",
                section=("Core services",),
                tags=("cram-sheet",),
                front="EC2 (Elastic Compute Cloud)",
                back="Resizable **virtual servers**, billed per second → pay for what you use ✅",
            ),
            Card(
                id="02-compute/card/auto-scaling",
                module="02-compute",
                source=at("02-compute/cram-sheet.md", 6),
                part="Cram Sheet",
                front="Auto Scaling",
                back='Adds/removes instances:\n\n- *scale out* on demand\n- `min`, `max`, "desired"',
            ),
            ComparisonTable(
                id="02-compute/table/ec2-pricing",
                module="02-compute",
                source=at("02-compute/summary.md", 12),
                part="Summary",
                title="EC2 pricing options",
                columns=("Option", "Best for", "Discount"),
                rows=(
                    ("On-Demand", "Short, unpredictable workloads", "none"),
                    ("Savings Plans", 'Steady use, 1 or 3 years, commas, "quotes"', "up to 72%"),
                    ("Spot", "Interruptible jobs; <b>not</b> HTML", "up to 90%"),
                ),
            ),
        ),
    )
    security = Module(
        number=9,
        slug="09-security",
        title="Security",
        items=(
            MCQ(
                id="09-security/mcq/which-service-rotates-database-credentials",
                module="09-security",
                source=at("09-security/practice-questions.md", 3),
                part="Practice Questions",
                stem="Which service rotates database credentials automatically? <script>alert(1)</script>",
                options=(
                    Option(label="A", text="AWS IAM"),
                    Option(label="B", text="AWS Secrets Manager", correct=True),
                    Option(label="C", text="Amazon Macie"),
                    Option(label="D", text="AWS Shield"),
                ),
                explanation="Secrets Manager rotates secrets; costs $0.40 per secret & month.",
            ),
            MCQ(
                id="09-security/mcq/which-two-are-customer-responsibilities",
                module="09-security",
                source=at("09-security/practice-questions.md", 14),
                part="Practice Questions",
                stem="Which TWO are the customer's responsibility? (Choose TWO.)",
                options=(
                    Option(label="A", text="Patching the guest OS", correct=True),
                    Option(label="B", text="Physical security of data centres"),
                    Option(label="C", text="Encrypting data at rest", correct=True),
                ),
            ),
            Card(
                id="09-security/card/hash-term",
                module="09-security",
                source=at("09-security/cram-sheet.md", 9),
                part="Cram Sheet",
                front="#1 rule, tab\there",
                back="Math: $x^2$; emoji 🎯 ⌚; =SUM(A1) is text; & < > 'quotes'",
            ),
        ),
    )
    return Deck(title="AWS Certified Cloud Practitioner", modules=(compute, security))


@pytest.fixture
def deck() -> Deck:
    return sample_deck()


@pytest.fixture
def raw_export() -> Path:
    """The real notes export, committed under tests/data/."""
    return RAW_EXPORT
