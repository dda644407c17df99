"""Rename detection for tables and questions: a retitled table keeps every row's identity, also moved
to another module at once; a question keeps its history only if its stem, options and answers are all
alike."""

from __future__ import annotations

from dataclasses import replace

from ccpkit.ledger import Fingerprint, Ledger, Reconciliation, reconcile

T0, T1 = 1_700_000_000, 1_700_003_600
ROWS = {"on-demand": "flexible", "spot": "cheap", "reserved": "committed", "savings-plans": "per hour"}


def guid(note_id: str, attempt: int) -> str:
    return f"g:{note_id}:{attempt}"


def rows(table: str, title: str, cells: dict[str, str]) -> list[Fingerprint]:
    """A comparison table's row notes; a row's answer is its cells (never its label or the title)."""
    module = table.split("/", 1)[0]
    return [
        Fingerprint(
            id=f"{table}/{label}",
            note_type="Comparison",
            key=(f"{title} > {label}",),
            answer=cell,
            study=f"{label}={cell}",
            meta=title,
            deck=module,
            module=module,
            table=table,
        )
        for label, cell in cells.items()
    ]


def question(note_id: str, stem: str, options: str, correct: str, explanation: str = "e") -> Fingerprint:
    return Fingerprint(
        id=note_id,
        note_type="MCQ",
        key=(stem, options, correct),
        answer=f"{options}|{correct}|{explanation}",
        study=f"{stem}|{options}|{correct}|{explanation}",
        meta="",
        deck="m",
        module=note_id.split("/", 1)[0],
    )


def rebuild(before: list[Fingerprint], after: list[Fingerprint]) -> tuple[Ledger, Reconciliation]:
    first = reconcile(Ledger(), before, now=T0, new_guid=guid).ledger
    return first, reconcile(first, after, now=T1, new_guid=guid)


def test_a_retitled_table_keeps_every_rows_guid() -> None:
    old = rows("02-compute/table/ec2-pricing", "EC2 pricing", ROWS)
    new = rows("02-compute/table/ec2-purchase-options", "EC2 purchase options", ROWS)
    first, result = rebuild(old, new)
    assert result.added == () and result.orphaned == () and len(result.renamed) == 4
    for label in ROWS:
        kept = result.ledger.notes[f"02-compute/table/ec2-purchase-options/{label}"].guid
        assert kept == first.notes[f"02-compute/table/ec2-pricing/{label}"].guid


def test_a_table_retitled_as_it_moves_to_another_module_keeps_every_rows_guid() -> None:
    old = rows("02-compute/table/ec2-pricing", "EC2 pricing", ROWS)
    new = rows("11-pricing/table/ec2-purchase-options", "EC2 purchase options", ROWS)
    first, result = rebuild(old, new)
    assert result.added == () and result.orphaned == ()
    for label in ROWS:
        kept = result.ledger.notes[f"11-pricing/table/ec2-purchase-options/{label}"].guid
        assert kept == first.notes[f"02-compute/table/ec2-pricing/{label}"].guid


def test_a_new_table_takes_the_rows_of_its_own_modules_retitled_table_before_anothers() -> None:
    old = rows("02-compute/table/ec2-pricing", "EC2 pricing", ROWS) + rows(
        "11-pricing/table/ec2-pricing", "EC2 pricing", ROWS
    )
    new = rows("11-pricing/table/ec2-purchase-options", "EC2 purchase options", ROWS)
    first, result = rebuild(old, new)
    for label in ROWS:
        kept = result.ledger.notes[f"11-pricing/table/ec2-purchase-options/{label}"].guid
        assert kept == first.notes[f"11-pricing/table/ec2-pricing/{label}"].guid


def test_a_retitled_table_keeps_a_row_whose_cells_were_edited_too() -> None:
    old = rows("02-compute/table/ec2-pricing", "EC2 pricing", ROWS)
    new = rows("02-compute/table/how-to-pay-for-ec2", "How to pay for EC2", ROWS | {"spot": "up to 90% off"})
    first, result = rebuild(old, new)
    assert result.added == () and result.orphaned == ()
    spot = result.ledger.notes["02-compute/table/how-to-pay-for-ec2/spot"]
    assert spot.guid == first.notes["02-compute/table/ec2-pricing/spot"].guid and spot.modified == T1


def test_rows_keyed_by_content_pair_with_their_old_selves_when_the_table_is_retitled() -> None:
    cells = {"row-yes-no": "yes no", "row-no-yes": "no yes", "plain": "x"}
    _, result = rebuild(rows("m/table/old", "Old", cells), rows("m/table/new", "New", cells))
    assert sorted(result.renamed) == [(f"m/table/old/{key}", f"m/table/new/{key}") for key in sorted(cells)]


def test_a_table_sharing_less_than_half_the_rows_is_a_new_table() -> None:
    old = rows("02-compute/table/ec2-pricing", "EC2 pricing", ROWS)
    new = rows("02-compute/table/lambda-limits", "Lambda limits", {"spot": "n/a", "memory": "10 GB"})
    _, result = rebuild(old, new)
    assert result.renamed == () and len(result.added) == 2 and len(result.orphaned) == 4


def test_table_matching_stays_inside_the_module() -> None:
    """Same row labels, other cells, another module (RDS pricing is not EC2 pricing): a new table."""
    old = rows("02-compute/table/pricing", "Pricing", ROWS)
    elsewhere = {label: f"storage {cell}" for label, cell in ROWS.items()}
    _, result = rebuild(old, rows("05-storage/table/s3-pricing", "S3 pricing", elsewhere))
    assert result.renamed == () and len(result.added) == 4


def test_two_tables_retitled_at_once_each_keep_their_own_rows() -> None:
    other = {"s3": "objects", "ebs": "blocks", "efs": "files"}
    old = rows("m/table/pricing", "Pricing", ROWS) + rows("m/table/storage", "Storage", other)
    new = rows("m/table/how-to-pay", "How to pay", ROWS) + rows("m/table/where-data-lives", "Where", other)
    _, result = rebuild(old, new)
    assert dict(result.renamed) == {
        **{f"m/table/pricing/{label}": f"m/table/how-to-pay/{label}" for label in ROWS},
        **{f"m/table/storage/{label}": f"m/table/where-data-lives/{label}" for label in other},
    }


EC2 = {"on-demand": "per second", "reserved": "72% off for 3 years", "spot": "90% off, may stop"}
RDS = {"on-demand": "per hour", "reserved": "69% off for 3 years", "spot": "not offered"}


def test_two_tables_of_the_same_row_labels_retitled_at_once_each_keep_their_rows_by_their_cells() -> None:
    """The first new title in order must not take the rows it shares most labels with: each row's cells
    say which table it was."""
    old = rows("m/table/ec2-pricing", "EC2 pricing", EC2) + rows("m/table/rds-pricing", "RDS pricing", RDS)
    new = rows("m/table/pricing-models", "Pricing models", EC2) + rows(
        "m/table/database-pricing-models", "Database pricing models", RDS
    )
    _, result = rebuild(old, new)
    assert dict(result.renamed) == {
        **{f"m/table/ec2-pricing/{label}": f"m/table/pricing-models/{label}" for label in EC2},
        **{f"m/table/rds-pricing/{label}": f"m/table/database-pricing-models/{label}" for label in RDS},
    }


def test_a_table_retitled_as_another_of_its_labels_is_deleted_keeps_its_own_rows() -> None:
    old = rows("m/table/ec2-pricing", "EC2 pricing", EC2) + rows("m/table/rds-pricing", "RDS pricing", RDS)
    new = rows("m/table/database-pricing-models", "Database pricing models", RDS)
    _, result = rebuild(old, new)
    assert dict(result.renamed) == {
        f"m/table/rds-pricing/{label}": f"m/table/database-pricing-models/{label}" for label in RDS
    }
    assert sorted(result.orphaned) == sorted(f"m/table/ec2-pricing/{label}" for label in EC2)


SUBNET = "Which feature makes a VPC subnet public?"
OPTIONS = "A) A route to an internet gateway\nB) A NAT gateway\nC) A security group\nD) A network ACL"


def test_a_different_question_sharing_most_of_its_stem_starts_afresh() -> None:
    """ "…public?" → "…private?" with other options and another answer: a new question."""
    old = question("m/mcq/public", SUBNET, OPTIONS, "A route to an internet gateway")
    new = question(
        "m/mcq/private",
        SUBNET.replace("public", "private"),
        "A) No route to an internet gateway\nB) An Elastic IP\nC) A bastion host\nD) A VPC endpoint",
        "No route to an internet gateway",
    )
    _, result = rebuild([old], [new])
    assert result.renamed == () and result.added == ("m/mcq/private",)
    assert result.orphaned == ("m/mcq/public",)


def test_the_same_options_with_another_correct_answer_is_another_question() -> None:
    old = question("m/mcq/public", SUBNET, OPTIONS, "A route to an internet gateway")
    new = question("m/mcq/private", SUBNET.replace("public", "private"), OPTIONS, "A NAT gateway")
    assert rebuild([old], [new])[1].renamed == ()


def test_a_fixed_typo_in_the_stem_keeps_the_questions_history_even_with_a_new_explanation() -> None:
    old = question(
        "m/mcq/typo", SUBNET.replace("subnet", "subnte"), OPTIONS, "A route to an internet gateway"
    )
    new = question("m/mcq/fixed", SUBNET, OPTIONS, "A route to an internet gateway", explanation="new")
    first, result = rebuild([old], [new])
    assert result.renamed == (("m/mcq/typo", "m/mcq/fixed"),)
    assert result.ledger.notes["m/mcq/fixed"].guid == first.notes["m/mcq/typo"].guid


def test_a_question_recorded_by_an_older_ledger_with_its_stem_only_still_matches_a_typo_fix() -> None:
    old = question("m/mcq/typo", SUBNET.replace("subnet", "subnte"), OPTIONS, "x")
    first = reconcile(Ledger(), [old], now=T0, new_guid=guid).ledger
    stem_only = {key: replace(entry, key=entry.key[:1]) for key, entry in first.notes.items()}
    new = question("m/mcq/fixed", SUBNET, OPTIONS, "x", explanation="new")
    result = reconcile(Ledger(stem_only), [new], now=T1, new_guid=guid)
    assert result.renamed == (("m/mcq/typo", "m/mcq/fixed"),)


def test_rows_once_keyed_by_position_go_to_the_same_positions_when_keyed_by_content() -> None:
    """Ledgers before format 2 keyed rows without a label `row-N` and knew no module: the first build
    pairs them in order (`row-2` before `row-10`), since their names are alike and nothing else is."""
    positions = range(2, 12)
    old = [
        Fingerprint(
            id=f"m/table/t/row-{n}",
            note_type="Comparison",
            key=("T > ",),
            answer=f"old-{n}",
            study="c",
            meta="",
            deck="m",
        )
        for n in positions
    ]
    new = [
        Fingerprint(
            id=f"m/table/t/row-cells-{n}",
            note_type="Comparison",
            key=("T > ",),
            answer=f"new-{n}",
            study="c",
            meta="",
            deck="m",
            module="m",
            table="m/table/t",
        )
        for n in positions
    ]
    _, result = rebuild(old, new)
    assert sorted(result.renamed) == sorted(
        (f"m/table/t/row-{n}", f"m/table/t/row-cells-{n}") for n in positions
    )


def test_a_module_renamed_and_renamed_back_takes_back_its_own_rows_not_a_removed_tables() -> None:
    """The module once had a table of links with the same row labels; removed long ago, its rows
    stay in the ledger as orphans. Renaming the module back must not hand those identities out."""
    links = {label: f"https://example.com/{label}" for label in ROWS}
    pricing = rows("13-sol/table/pricing", "Pricing", ROWS)
    first = reconcile(
        Ledger(), [*rows("13-sol/table/resources", "Resources", links), *pricing], now=T0, new_guid=guid
    ).ledger
    removed = reconcile(first, rows("13-sol/table/pricing", "Pricing", ROWS), now=T1, new_guid=guid).ledger
    renamed = reconcile(removed, rows("13-arch/table/pricing", "Pricing", ROWS), now=T1, new_guid=guid)
    back = reconcile(renamed.ledger, rows("13-sol/table/pricing", "Pricing", ROWS), now=T1, new_guid=guid)
    assert back.restored == () and back.added == () and back.orphaned == ()
    for label in ROWS:
        key = f"13-sol/table/pricing/{label}"
        assert back.ledger.notes[key].guid == first.notes[key].guid
        assert back.ledger.notes[f"13-sol/table/resources/{label}"].orphaned


def test_a_renumbered_module_keeps_its_history_when_a_module_inserted_before_it_repeats_a_question() -> None:
    """`02-more` becomes `03-more` and a new `02-extra` holds a copy of one of its questions: both new
    ids read exactly like the old one, and the renumbered module's own is the rename."""
    asked = ("Which planet is red?", "Mars|Venus", "Mars")
    old = question("02-more/mcq/which-planet-is-red", *asked)
    copy = question("02-extra/mcq/which-planet-is-red", *asked)
    moved = question("03-more/mcq/which-planet-is-red", *asked)
    first, result = rebuild([old], [copy, moved])
    assert result.renamed == (("02-more/mcq/which-planet-is-red", "03-more/mcq/which-planet-is-red"),)
    assert result.added == ("02-extra/mcq/which-planet-is-red",)
    assert result.ledger.notes[moved.id].guid == first.notes[old.id].guid


def test_of_two_orphans_alike_each_new_note_takes_the_one_most_like_it() -> None:
    """Pairs are made most alike first: a note listed first does not take the orphan another new note
    reads exactly like."""
    first_old = question("m/mcq/a", "Which gas do plants take in?", "CO2|O2", "CO2")
    second_old = question("m/mcq/b", "Which gas do plants give off?", "CO2|O2", "O2")
    reworded = question("m/mcq/c", "Which gas do plants take in by day?", "CO2|O2", "O2")
    same = question("m/mcq/d", "Which gas do plants give off?", "CO2|O2", "O2")
    _, result = rebuild([first_old, second_old], [reworded, same])
    assert ("m/mcq/b", "m/mcq/d") in result.renamed


def test_a_renamed_note_remembers_the_id_anki_holds_until_it_is_sent_again() -> None:
    before = rows("m/table/t", "Pricing", ROWS)
    moved = rows("n/table/t", "Pricing", ROWS)
    _, renamed = rebuild(before, moved)
    assert renamed.updated == () and renamed.ledger.notes["n/table/t/spot"].sent == "m/table/t/spot"
    again = reconcile(renamed.ledger, rows("o/table/t", "Pricing", ROWS), now=T1 + 1, new_guid=guid)
    assert again.ledger.notes["o/table/t/spot"].sent == "m/table/t/spot"  # the first id: Anki's
    back = reconcile(renamed.ledger, before, now=T1 + 1, new_guid=guid)
    assert back.ledger.notes["m/table/t/spot"].sent == ""  # renamed back to the id Anki holds
    edited = rows("n/table/t", "Pricing", {**ROWS, "spot": "cheapest"})
    sent = reconcile(renamed.ledger, edited, now=T1 + 1, new_guid=guid)
    assert sent.updated == ("n/table/t/spot",) and sent.ledger.notes["n/table/t/spot"].sent == ""


def test_a_row_of_the_same_cells_in_another_table_is_another_row() -> None:
    """Rows of yes/no cells read alike in every table: a row removed from one table and another added to
    another table with the same cells are two notes, each with its own history."""
    _, changed = rebuild(
        [*rows("01-svc/table/services", "Services", {"ec2": "No|No"})],
        [*rows("02-other/table/databases", "Databases", {"mysql-on-a-vm": "No|No"})],
    )
    assert changed.renamed == () and changed.added == ("02-other/table/databases/mysql-on-a-vm",)
    assert changed.orphaned == ("01-svc/table/services/ec2",)


def cloze(note_id: str, sentence: str, *parts: str) -> Fingerprint:
    return Fingerprint(
        id=note_id,
        note_type="Cloze",
        key=(sentence,),
        answer="|".join(sorted(parts)),
        study=sentence,
        meta="",
        deck="m",
        module="m",
        hidden=tuple(sorted(parts)),
    )


def sent_with_parts(ledger: Ledger, note_id: str, *parts: str) -> Ledger:
    """The ledger once the build recorded the parts the note was sent with, one cloze number each."""
    return replace(ledger, notes={**ledger.notes, note_id: replace(ledger.notes[note_id], clozes=parts)})


def test_a_cloze_reworded_as_a_part_is_added_or_taken_out_is_the_same_note() -> None:
    before = cloze("m/cloze/ebs", "EBS attaches to one instance.", "EBS", "one instance")
    first = sent_with_parts(
        reconcile(Ledger(), [before], now=T0, new_guid=guid).ledger, before.id, "EBS", "one instance"
    )
    grown = cloze(
        "m/cloze/ebs-az", "EBS attaches to one instance, in one zone.", "EBS", "one instance", "one zone"
    )
    result = reconcile(first, [grown], now=T1, new_guid=guid)
    assert result.renamed == (("m/cloze/ebs", "m/cloze/ebs-az"),) and result.added == ()
    assert result.ledger.notes[grown.id].guid == first.notes[before.id].guid
    shrunk = cloze("m/cloze/ebs-attaches", "EBS attaches to one instance at once.", "EBS")
    assert reconcile(first, [shrunk], now=T1, new_guid=guid).renamed == (("m/cloze/ebs", shrunk.id),)


def test_a_cloze_holding_a_gone_ones_parts_in_another_sentence_is_a_new_note() -> None:
    before = cloze("m/cloze/ebs", "EBS attaches to one instance.", "EBS")
    first = sent_with_parts(reconcile(Ledger(), [before], now=T0, new_guid=guid).ledger, before.id, "EBS")
    other = cloze("m/cloze/snapshots", "EBS snapshots are stored in S3 across zones.", "EBS", "S3")
    result = reconcile(first, [other], now=T1, new_guid=guid)
    assert result.renamed == () and result.added == (other.id,)


def test_a_cloze_whose_parts_trade_places_and_case_is_the_same_note() -> None:
    """A part that moves to open the sentence takes a capital (``Network ACLs``), the other loses its
    own: the same parts, the same note."""
    before = cloze(
        "m/cloze/sg",
        "Security groups are stateful, while network ACLs are stateless.",
        "Security groups",
        "network ACLs",
    )
    first = sent_with_parts(
        reconcile(Ledger(), [before], now=T0, new_guid=guid).ledger,
        before.id,
        "Security groups",
        "network ACLs",
    )
    swapped = cloze(
        "m/cloze/nacl",
        "Network ACLs are stateless, while security groups are stateful.",
        "Network ACLs",
        "security groups",
    )
    result = reconcile(first, [swapped], now=T1, new_guid=guid)
    assert result.renamed == ((before.id, swapped.id),) and result.added == ()


def test_a_row_relabelled_as_a_new_row_takes_its_old_label_keeps_its_own_identity() -> None:
    old = rows("02-compute/table/ec2-pricing", "EC2 pricing", {"spot": "cheap", "reserved": "committed"})
    new = rows(
        "02-compute/table/ec2-pricing",
        "EC2 pricing",
        {"spot-instances": "cheap", "spot": "cheapest, reclaimed at short notice", "reserved": "committed"},
    )
    first, result = rebuild(old, new)
    assert result.renamed == (
        ("02-compute/table/ec2-pricing/spot", "02-compute/table/ec2-pricing/spot-instances"),
    )
    assert result.added == ("02-compute/table/ec2-pricing/spot",)
    notes = result.ledger.notes
    assert (
        notes["02-compute/table/ec2-pricing/spot-instances"].guid
        == first.notes["02-compute/table/ec2-pricing/spot"].guid
    )
    assert notes["02-compute/table/ec2-pricing/spot"].guid not in {
        entry.guid for entry in first.notes.values()
    }


def test_names_renamed_in_a_chain_each_keep_their_own_identity() -> None:
    table = "02-compute/table/burstable"
    old = rows(table, "Burstable", {"t2-instances": "older credits", "t3-instances": "unlimited mode"})
    new = rows(table, "Burstable", {"t3-instances": "older credits", "t4-instances": "unlimited mode"})
    first, result = rebuild(old, new)
    assert result.ledger.notes[f"{table}/t4-instances"].guid == first.notes[f"{table}/t3-instances"].guid
    assert result.ledger.notes[f"{table}/t3-instances"].guid == first.notes[f"{table}/t2-instances"].guid
    assert result.added == () and result.orphaned == ()


def term(name: str, definition: str) -> Fingerprint:
    return term_at(f"01-m/card/{name.lower()}", name, definition)


def term_at(note_id: str, name: str, definition: str, twins: tuple[str, ...] = ()) -> Fingerprint:
    return Fingerprint(
        id=note_id,
        note_type="Term",
        key=(name,),
        answer=definition,
        study=f"{name}={definition}",
        meta="",
        deck=note_id.split("/", 1)[0],
        module=note_id.split("/", 1)[0],
        twins=twins,
    )


def test_a_removed_note_comes_back_under_its_own_id_only_with_its_answer() -> None:
    """`Mercury` the planet removed, then `Mercury` the metal added: another fact, so a new note (the
    planet's history would hide the metal for weeks); the planet back later takes back its own note."""
    planet, metal, venus = (
        term("Mercury", "closest to the Sun"),
        term("Mercury", "a liquid metal"),
        term("Venus", "hot"),
    )
    first = reconcile(Ledger(), [planet, venus], now=T0, new_guid=guid).ledger
    removed = reconcile(first, [venus], now=T1, new_guid=guid).ledger
    metal_added = reconcile(removed, [metal, venus], now=T1 + 10, new_guid=guid)
    assert metal_added.added == ("01-m/card/mercury",) and metal_added.restored == ()
    assert metal_added.ledger.notes["01-m/card/mercury"].guid != first.notes["01-m/card/mercury"].guid
    removed_again = reconcile(metal_added.ledger, [venus], now=T1 + 20, new_guid=guid).ledger
    planet_back = reconcile(removed_again, [planet, venus], now=T1 + 30, new_guid=guid)
    assert planet_back.restored == ("01-m/card/mercury",)
    assert planet_back.ledger.notes["01-m/card/mercury"].guid == first.notes["01-m/card/mercury"].guid
    assert len({entry.guid for entry in planet_back.ledger.notes.values()}) == 3  # the metal's waits too


def test_a_module_renamed_as_a_row_of_its_table_is_edited_keeps_that_rows_identity() -> None:
    """`01-cells` becomes `01-cell-biology` in the same edit that changes one cell: the old module is
    built no more, so the row named alike in the table of the same title is that row edited."""
    edited = {**ROWS, "spot": "cheap, may stop"}
    before = rows("01-cells/table/pricing", "Pricing", ROWS)
    first, result = rebuild(before, rows("01-cell-biology/table/pricing", "Pricing", edited))
    assert result.added == () and result.orphaned == ()
    for label in ROWS:
        assert result.ledger.notes[f"01-cell-biology/table/pricing/{label}"].guid == (
            first.notes[f"01-cells/table/pricing/{label}"].guid
        )


def test_a_table_split_into_two_retitled_ones_keeps_every_rows_identity() -> None:
    """`Pricing` becomes `Paying as you go` and `Paying ahead`, two rows each (or three and one):
    every row keeps its note, whichever part is read first."""
    halves = [["on-demand", "spot"], ["reserved", "savings-plans"]]
    uneven = [["on-demand"], ["spot", "reserved", "savings-plans"]]
    for parts in (halves, uneven, uneven[::-1]):
        new = [
            row
            for title, labels in zip(("Paying as you go", "Paying ahead"), parts, strict=True)
            for row in rows(f"m/table/{title.lower().replace(' ', '-')}", title, {k: ROWS[k] for k in labels})
        ]
        first, result = rebuild(rows("m/table/pricing", "Pricing", ROWS), new)
        assert result.added == () and result.orphaned == (), parts
        for row in new:
            old = f"m/table/pricing/{row.id.rsplit('/', 1)[1]}"
            assert result.ledger.notes[row.id].guid == first.notes[old].guid


EC2_PRICING, S3_PRICING = "m/card/pricing", "m/card/pricing-s3"


def test_twins_whose_order_flips_as_both_change_each_keep_their_own_guid() -> None:
    """Two `Pricing` terms told apart by their order: the files renamed so S3's comes first, and both
    definitions edited. Each keeps its note, known by the id its place gave it when it was second."""
    before = [
        term_at(EC2_PRICING, "Pricing", "per second", twins=(f"{EC2_PRICING}-ec2",)),
        term_at(S3_PRICING, "Pricing", "per GB", twins=(f"{EC2_PRICING}-s3",)),
    ]
    after = [
        term_at(EC2_PRICING, "Pricing", "per GB-month", twins=(f"{EC2_PRICING}-s3",)),  # S3's now
        term_at(f"{EC2_PRICING}-ec2", "Pricing", "per second or hour"),
    ]
    first, result = rebuild(before, after)
    assert result.ledger.notes[EC2_PRICING].guid == first.notes[S3_PRICING].guid
    assert result.ledger.notes[f"{EC2_PRICING}-ec2"].guid == first.notes[EC2_PRICING].guid
    assert result.added == () and result.orphaned == ()


def test_the_first_twin_deleted_as_the_second_changes_is_the_orphan_not_the_second() -> None:
    before = [
        term_at(EC2_PRICING, "Pricing", "per second", twins=(f"{EC2_PRICING}-ec2",)),
        term_at(S3_PRICING, "Pricing", "per GB", twins=(f"{EC2_PRICING}-s3",)),
    ]
    after = [term_at(EC2_PRICING, "Pricing", "per GB-month", twins=(f"{EC2_PRICING}-s3",))]
    first, result = rebuild(before, after)
    assert result.ledger.notes[EC2_PRICING].guid == first.notes[S3_PRICING].guid
    [orphan] = result.orphaned
    assert result.ledger.notes[orphan].guid == first.notes[EC2_PRICING].guid


LONG = (
    "When a company running many production workloads on premises wants to lower its operational overhead, "
)


def test_a_long_front_rewritten_past_its_ids_length_with_another_answer_is_another_card() -> None:
    """Its id is cut at 80 characters, so it stays: the question it asks and its answer say it is new."""
    note_id = "m/card/when-a-company-running-many-production-workloads-on-premises-wants-to-lower-its"
    old = term_at(note_id, f"{LONG}which service runs containers without servers?", "AWS Fargate")
    new = term_at(note_id, f"{LONG}which service gives a managed relational database?", "Amazon RDS")
    first, result = rebuild([old], [new])
    assert result.added == (note_id,)
    [orphan] = result.orphaned
    assert result.ledger.notes[orphan].guid == first.notes[note_id].guid
    assert result.ledger.notes[note_id].guid != first.notes[note_id].guid


def test_a_long_front_with_a_word_fixed_past_its_ids_length_keeps_its_card() -> None:
    note_id = "m/card/when-a-company-running-many-production-workloads-on-premises-wants-to-lower-its"
    old = term_at(note_id, f"{LONG}which service runs containers without servers?", "Fargate")
    new = term_at(note_id, f"{LONG}which service runs containers without managing servers?", "AWS Fargate")
    first, result = rebuild([old], [new])
    assert result.added == () and result.orphaned == ()
    assert result.ledger.notes[note_id].guid == first.notes[note_id].guid


def test_a_short_name_respelled_with_a_new_definition_keeps_its_card() -> None:
    """`el nino` → `el niño`: the id keeps the whole name, so it is the same term, reworded."""
    old = term_at("m/card/el-nino", "el nino", "the child")
    new = term_at("m/card/el-nino", "el niño", "the boy, the child")
    first, result = rebuild([old], [new])
    assert result.added == () and result.orphaned == () and result.updated == ("m/card/el-nino",)
    assert result.ledger.notes["m/card/el-nino"].guid == first.notes["m/card/el-nino"].guid


def test_a_twin_never_takes_the_orphan_its_deleted_twin_left_under_its_twin_id() -> None:
    """S3's `Pricing` deleted: EC2's takes the plain id and keeps its note, S3's waits as an orphan
    under EC2's old id; EC2's edited later stays with its own note."""
    before = [
        term_at(EC2_PRICING, "Pricing", "per GB", twins=(f"{EC2_PRICING}-s3",)),  # S3's, first
        term_at(f"{EC2_PRICING}-ec2", "Pricing", "per second"),
    ]
    first, deleted = rebuild(
        before, [term_at(EC2_PRICING, "Pricing", "per second", twins=(f"{EC2_PRICING}-ec2",))]
    )
    edited = reconcile(
        deleted.ledger,
        [term_at(EC2_PRICING, "Pricing", "per second or hour", twins=(f"{EC2_PRICING}-ec2",))],
        now=T1 + 10,
        new_guid=guid,
    )
    assert edited.added == () and edited.updated == (EC2_PRICING,)
    assert edited.ledger.notes[EC2_PRICING].guid == first.notes[f"{EC2_PRICING}-ec2"].guid


def test_a_long_question_reworded_past_its_ids_length_with_its_options_and_answer_kept_is_the_same() -> None:
    """A practice exam's scenario reworded and its explanation improved: the same question."""
    note_id = "m/mcq/when-a-company-running-many-production-workloads-on-premises-wants-to-lower-its"
    old = question(note_id, f"{LONG}which service runs containers?", OPTIONS, "Fargate")
    new = question(note_id, f"{LONG}what runs its containers with no servers?", OPTIONS, "Fargate", "better")
    first, result = rebuild([old], [new])
    assert result.added == () and result.orphaned == ()
    assert result.ledger.notes[note_id].guid == first.notes[note_id].guid


def brief(name: str, answer: str) -> Fingerprint:
    """A term whose answer is as brief as `True` or `15 minutes`: many facts share it."""
    return term_at(f"01-m/card/{name.lower().replace(' ', '-')}", name, answer)._replace(brief=True)


def test_a_brief_answer_names_a_note_only_where_the_words_telling_the_names_apart_are_alike() -> None:
    """`S3 bucket names are globally unique` and `IAM is a global service`, both `True`, name two facts;
    `EC2` and `Amazon EC2`, both `Yes`, one thing; a long answer alone names its note."""
    cases = [
        (brief("S3 bucket names are unique", "True"), brief("IAM is a global service", "True"), False),
        (brief("Maximum Lambda timeout", "15 min"), brief("Minimum Savings Plan period", "15 min"), False),
        (brief("el perro", "dog"), brief("el can", "dog"), False),
        (brief("Gender of problema", "masculine"), brief("Gender of programa", "masculine"), False),
        (brief("CloudFront is a global service", "True"), brief("IAM is a global service", "True"), False),
        (
            brief("EBS volumes are copied within their zone", "T"),
            brief("EFS is copied across zones", "T"),
            False,
        ),
        (brief("Max dose", "4 g"), brief("Maximum daily dose", "4 g"), True),
        (brief("Max IAM users", "5000"), brief("Maximum IAM users", "5000"), True),
        (brief("Elastic Load Balacner", "Yes"), brief("Elastic Load Balancer", "Yes"), True),
        (brief("EC2", "Yes"), brief("Amazon EC2", "Yes"), True),
        (
            brief("Maximum Lambda timeout", "15 min"),
            brief("Maximum timeout of a Lambda function", "15 min"),
            True,
        ),
        (term("Lambda", "runs code without servers"), term("Fargate", "runs code without servers"), True),
    ]
    for old, new, renamed in cases:
        _, result = rebuild([old], [new])
        assert bool(result.renamed) == renamed, (old.key, new.key)


def test_a_brief_answer_never_brings_back_a_note_removed_builds_ago_for_another_fact() -> None:
    old, other = brief("Is EFS block storage", "No"), brief("Is S3 a database", "No")
    first = reconcile(Ledger(), [old], now=T0, new_guid=guid).ledger
    removed = reconcile(first, [], now=T1, new_guid=guid).ledger
    again = reconcile(removed, [], now=T1 + 10, new_guid=guid).ledger
    added = reconcile(again, [other], now=T1 + 20, new_guid=guid)
    assert added.added == (other.id,) and added.restored == () and added.renamed == ()


def test_names_ninety_percent_alike_with_another_answer_are_two_facts_where_their_telling_words_differ() -> (
    None
):
    """`True or false: S3 is a global service.` (False) and `… EC2 …` (True) read 93 % alike: a typo
    fixed with the answer, or another service? The words telling them apart decide: two facts."""
    _, typo = rebuild(
        [term("Elastic Load Balacner", "spreads traffic")], [term("Elastic Load Balancer", "spreads load")]
    )
    assert len(typo.renamed) == 1
    _, other = rebuild(
        [term("True or false: S3 is a global service.", "False")],
        [term("True or false: EC2 is a global service.", "True")],
    )
    assert other.renamed == () and len(other.added) == 1


def test_a_row_relabelled_as_its_module_is_renamed_keeps_its_note() -> None:
    """`| Route 53 | Yes |` becomes `| Amazon Route 53 | Yes |` as `01-security` becomes `01-identity`."""
    old = rows("01-security/table/scope", "Scope", {"iam": "Yes | No", "route-53": "Yes | Yes"})
    new = rows("01-identity/table/scope", "Scope", {"iam": "Yes | No", "amazon-route-53": "Yes | Yes"})
    _, result = rebuild(old, [row._replace(brief=True) for row in new])
    assert result.added == () and len(result.renamed) == 2


def test_rows_of_the_same_brief_cells_renamed_and_reordered_at_once_each_keep_their_own_note() -> None:
    old = rows("01-m/table/scope", "Scope", {"ec2": "No | Yes", "ecs": "No | Yes", "s3": "No | Yes"})
    new = rows(
        "01-m/table/scope",
        "Scope",
        {"amazon-s3": "No | Yes", "amazon-ecs": "No | Yes", "amazon-ec2": "No | Yes"},
    )
    _, result = rebuild(old, [row._replace(brief=True) for row in new])
    assert sorted(result.renamed) == [
        ("01-m/table/scope/ec2", "01-m/table/scope/amazon-ec2"),
        ("01-m/table/scope/ecs", "01-m/table/scope/amazon-ecs"),
        ("01-m/table/scope/s3", "01-m/table/scope/amazon-s3"),
    ]


def test_a_note_renamed_over_the_same_long_answer_in_a_module_holding_an_error_keeps_its_note() -> None:
    """A question written above the list holds the module's notes; `AWS Fargate` renamed in the same
    edit keeps its note by its definition, while a note only hidden is held and a brief answer is no
    proof: a note missing there may only have failed to parse."""
    fargate, lambda_, spot = (
        term_at("01-m/card/aws-fargate", "AWS Fargate", "Runs containers without managing servers"),
        term_at("01-m/card/aws-lambda", "AWS Lambda", "Runs code without servers"),
        brief("Spot", "up to 90%"),
    )
    first = reconcile(Ledger(), [fargate, lambda_, spot], now=T0, new_guid=guid).ledger
    renamed = term_at("01-m/card/aws-fargate-ecs-eks", "AWS Fargate (ECS/EKS)", fargate.answer)
    respelled = brief("Spot Instances", "up to 90%")
    result = reconcile(first, [renamed, respelled], now=T1, new_guid=guid, in_error={"01-m"})
    assert result.renamed == ((fargate.id, renamed.id),)
    assert result.held == (lambda_.id, spot.id) and result.added == (respelled.id,)


def test_rows_known_by_an_earlier_id_keep_their_guids_whatever_answer_they_share() -> None:
    """Rows labelled by a picture with no alt text were known by its content name; now by its file's
    name. Three rows of one answer (three flags of Europe) each take the entry of their earlier id."""
    table = "01-flags/table/flags"
    digests = {"fr": "ccpkit-0a", "de": "ccpkit-1b", "it": "ccpkit-2c"}
    old = rows(table, "Flags", dict.fromkeys(digests.values(), "Europe"))
    new = [
        row._replace(earlier_ids=(f"{table}/{digests[row.id.rsplit('/', 1)[1]]}",))
        for row in rows(table, "Flags", dict.fromkeys(digests, "Europe"))
    ]
    first, result = rebuild(old, new)
    assert {note_id: entry.guid for note_id, entry in result.ledger.notes.items()} == {
        f"{table}/{name}": first.notes[f"{table}/{digest}"].guid for name, digest in digests.items()
    }
    assert result.added == () and result.orphaned == ()
