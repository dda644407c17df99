"""TAB blocks become GFM tables: wrapped cells merged, split headers repaired, noise grids dropped."""

from __future__ import annotations

from tests.importer.conftest import Imported


def test_wrapped_cells_and_blank_lines_between_rows_make_one_table(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert (
        "| Feature | SQS | SNS |\n| --- | --- | --- |\n"
        "| Concept | A queue. | A topic. |\n"
        "| Mechanism | Pull-based. | Push-based. |\n"
        "| Persistence | Durable. Messages stay until they are processed and deleted. "
        "| Not durable (fire and forget). |\n"
    ) in summary


def test_a_continuation_that_starts_with_text_still_merges_cell_by_cell(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert (
        "| Database Instance Size | Larger instance required to handle peak read/write load. "
        "| Smaller instance (read load absorbed by cache). |"
    ) in summary


def test_a_tab_led_row_without_a_blank_before_it_is_a_new_row_not_a_wrap(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert "| Fully Managed | DynamoDB | Data and *access* |\n|  | S3 | Bucket policies |" in summary


def test_a_continuation_missing_a_leading_tab_goes_under_the_cells_it_finishes(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert (
        "| Unmanaged | Instance Store | Full duty for data, performance optimization and durability. |"
        in summary
    )


def test_the_numeric_grid_is_not_a_table_and_separators_are_dropped(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert "| 1 |" not in summary
    assert "---------" not in summary
    assert summary.count("\n| --- |") == 5


def test_a_lone_row_of_label_cells_becomes_labels_over_texts(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert (
        "| Efficient distribution | Automatic scaling |\n| --- | --- |\n"
        "| ELB spreads traffic. | ELB scales with traffic. |\n"
    ) in summary


def test_a_header_split_over_a_separator_and_a_blank_is_repaired(imported: Imported) -> None:
    summary = imported("split-header")["11-pricing/summary.md"]
    assert "| Feature | AWS Organizations | Billing Dashboard |\n| --- | --- | --- |\n| Focus |" in summary


def test_every_table_has_a_heading_or_bold_caption_right_above_it(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert "## Comparison of Messaging Services\n\n| Feature |" in summary
    assert "## Shared responsibility\n\n| Category |" in summary


def test_a_caption_names_the_compared_things_or_else_repeats_the_heading(imported: Imported) -> None:
    summary = imported("wrapped-cells")["02-compute/summary.md"]
    assert "Subnets organize resources.\n\n**VPC vs. Subnet**\n\n| Feature | VPC | Subnet |" in summary
    assert (
        "An endpoint is an interface.\n\n**Endpoints**\n\n| Feature | Simple Explanation | Benefit |"
        in summary
    )
