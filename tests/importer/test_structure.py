"""Parts land in their module's folder by number; pasted documents go to their topic or the course level."""

from __future__ import annotations

from tests.importer.conftest import Imported


def test_the_three_copies_of_a_module_fill_one_folder_named_by_the_clearest_title(imported: Imported) -> None:
    notes = imported("module-parts")
    assert sorted(notes) == [
        "06-aws-storage-services/cram-sheet.md",
        "06-aws-storage-services/lecture-notes.md",
        "06-aws-storage-services/resources.md",
        "06-aws-storage-services/summary.md",
        "case-study-medivault-eu.md",
    ]
    assert notes["06-aws-storage-services/summary.md"].startswith(
        "---\nmodule: 6\nmodule_title: AWS Storage Services\npart: Summary\n---\n\n"
        "# Summary\n\nS3 stores objects.\n"
    )


def test_the_page_title_block_chatter_and_repeated_titles_are_not_content(imported: Imported) -> None:
    text = "\n".join(imported("module-parts").values())
    for noise in ("Cloud Certified", "AWS CCP", "Here is the comprehensive", "Module 6: Storage"):
        assert noise not in text


def test_lecture_toggles_and_link_tables_go_to_their_parts(imported: Imported) -> None:
    notes = imported("module-parts")
    assert (
        "## Object storage\n\nAmazon S3 holds objects in buckets.\n"
        in notes["06-aws-storage-services/lecture-notes.md"]
    )
    assert (
        "| Resource link | Description |\n| --- | --- |\n| Amazon S3 | Object storage. |"
        in notes["06-aws-storage-services/resources.md"]
    )


def test_the_case_study_is_a_course_level_document(imported: Imported) -> None:
    case = imported("module-parts")["case-study-medivault-eu.md"]
    assert case == (
        '---\npart: "Case Study: MediVault EU — A Real-World Scenario"\n---\n\n'
        "# Case Study: MediVault EU — A Real-World Scenario\n\nThe startup moves to AWS.\n"
    )
