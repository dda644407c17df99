"""Questions come out in the canonical form with the answer next to the question."""

from __future__ import annotations

from tests.importer.conftest import Imported


def test_a_bare_key_100_lines_later_answers_its_set_by_number(imported: Imported) -> None:
    questions = imported("far-away-keys")["08-module-8/practice-questions.md"]
    assert (
        "#### Question Q1\n\nWhich service streams data?\n\n- A) Amazon S3\n- B) Kinesis Data Streams\n"
        in questions
    )
    assert "- D) AWS IAM\n\n**Answer:** B\n" in questions
    assert "- D) AWS Shield\n\n**Answer:** A\n" in questions
    assert "1. B" not in questions


def test_the_data_pipeline_set_goes_to_module_8_and_the_security_set_stays_in_9(imported: Imported) -> None:
    notes = imported("far-away-keys")
    assert "## 15 Hard Questions - Data Pipelines" in notes["08-module-8/practice-questions.md"]
    assert "## 30 CCP-style exam questions - Security" in notes["09-security/practice-questions.md"]
    assert "Question" not in notes["09-security/summary.md"]
    assert notes["09-security/cram-sheet.md"].endswith("- **Root User:** Owner. Enable MFA.\n")


def test_keyed_explanations_from_both_key_syntaxes_are_attached(imported: Imported) -> None:
    questions = imported("far-away-keys")["09-security/practice-questions.md"]
    assert "**Answer:** B\n\n**Explanation:** Root has full privileges; enable MFA.\n" in questions
    assert "**Answer:** C\n\n**Explanation:** You cannot delete root; store it offline.\n" in questions
    assert "#### Question N1" in questions and "#### Question H1" in questions


def test_unlettered_options_get_letters_and_the_answer_the_explanation_names(imported: Imported) -> None:
    summary = imported("unlettered-options")["09-security/summary.md"]
    assert (
        "### Question KC1\n\nA team needs to manage its database credentials centrally.\n\n"
        "Which of these services should the team choose?\n\n"
        "- A) AWS Identity and Access Management (IAM)\n- B) AWS IAM Identity Center\n"
        "- C) AWS Secrets Manager\n- D) AWS Systems Manager\n\n**Answer:** C\n\n"
        "**Explanation:** Secrets Manager can rotate and retrieve database credentials.\n"
    ) in summary


def test_a_stem_that_goes_on_after_a_blank_line_keeps_both_paragraphs(imported: Imported) -> None:
    questions = imported("unlettered-options")["09-security/practice-questions.md"]
    assert (
        "### Question 1\n\nA company needs interruptible batch compute.\n\nWhich option is cheapest?\n\n"
        "- A) On-Demand\n- B) Reserved Instances\n- C) Spot Instances\n- D) Dedicated Hosts\n\n"
        "**Answer:** C\n\n**Explanation:** Spot uses **spare** capacity.\n"
    ) in questions
