"""The export's indentation lies; lists come out with the nesting the content means."""

from __future__ import annotations

from tests.importer.conftest import Imported


def test_items_2_to_n_at_column_1_before_a_lone_dash_are_siblings(imported: Imported) -> None:
    summary = imported("lying-indentation")["02-compute/summary.md"]
    assert (
        "- **ELB:** Distributes traffic.\n- **Auto Scaling:** Adds instances.\n- **SQS:** Message queue.\n"
        in summary
    )


def test_a_label_only_item_in_such_a_list_keeps_its_children(imported: Imported) -> None:
    summary = imported("lying-indentation")["02-compute/summary.md"]
    assert (
        "- **Course title:** Essentials.\n- **Presenters:**\n"
        "  - **Morgan Willis** — Technologist.\n  - **Rudy Chetty** — Architect.\n"
    ) in summary


def test_without_a_lone_dash_column_1_is_real_nesting(imported: Imported) -> None:
    summary = imported("lying-indentation")["02-compute/summary.md"]
    assert (
        "- **Lift-and-Shift:** Move as is.\n  - **Control:** You manage the OS.\n"
        "- **Amazon RDS:** Managed SQL.\n  - **Managed Features:** Backups.\n"
    ) in summary


def test_bullets_under_numbered_items_nest_under_them(imported: Imported) -> None:
    summary = imported("lying-indentation")["02-compute/summary.md"]
    assert (
        "1. **Pay for use:**\n   - Start small.\n2. **Economies of scale:**\n   - Lower prices.\n" in summary
    )


def test_a_missing_opening_bold_marker_is_repaired_and_no_lone_dash_survives(imported: Imported) -> None:
    summary = imported("lying-indentation")["02-compute/summary.md"]
    assert "- **Strict Licensing:** Bound to one socket.\n" in summary
    assert "\n-\n" not in summary


def test_a_label_item_followed_by_a_blank_line_adopts_the_bullets_after_it(imported: Imported) -> None:
    summary = imported("lying-indentation")["02-compute/summary.md"]
    assert "- **The Engines:**\n  - **Redis:** Feature-rich.\n  - **Memcached:** Simple.\n" in summary
