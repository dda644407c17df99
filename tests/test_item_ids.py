"""Identity rules: slugs and item ids depend only on an item's key, never on its position."""

from __future__ import annotations

from ccpkit.item_ids import MAX_SLUG, item_id, row_key, slug


def test_slug_keeps_ascii_words_only() -> None:
    assert slug("**EC2 (Elastic Compute Cloud):**") == "ec2-elastic-compute-cloud"
    assert slug("Amazon S3 → Glacier ✅") == "amazon-s3-glacier"
    assert slug("Café déjà vu") == "cafe-deja-vu"


def test_a_link_or_picture_in_a_key_is_known_by_its_words_not_where_it_points() -> None:
    """Moving the linked file must not change the id (and so lose the note's history)."""
    assert slug("[Amazon CloudFront](/03-networking/cloudfront.md)") == "amazon-cloudfront"
    assert slug("Load balancing ([ELB](../elb.md))") == slug("Load balancing (ELB)") == "load-balancing-elb"
    assert slug("![AMI](images/ami.png) AMI") == "ami-ami"
    assert slug("f(x) and [a] (b)") == "f-x-and-a-b"


def test_an_obsidian_link_in_a_key_is_known_by_the_words_it_shows() -> None:
    assert slug("[[mfa|MFA]] devices") == slug("MFA devices") == "mfa-devices"
    assert slug("[[least-privilege]]") == "least-privilege"


def test_html_tags_in_a_key_are_no_words_of_its_id() -> None:
    assert slug("<b>Amazon S3</b> storage<br/>classes") == "amazon-s3-storage-classes"
    assert slug('<span class="hl">VPC</span> peering') == "vpc-peering"
    assert slug("a < b and c > d") == "a-b-and-c-d"


def test_signs_without_words_each_get_a_slug_of_their_own() -> None:
    """Operators as terms (``&&``, ``||``) must not share one id, nor be told apart by position: a
    term removed would hand its history to the next one."""
    signs = ["&&", "||", ";", "🎯 →", "$+$", "`==`"]
    slugs = [slug(sign) for sign in signs]
    assert len(set(slugs)) == len(signs)
    assert all(found.startswith("x-") and found.isascii() for found in slugs)
    assert slug("**`&&`**") == slug("&&")
    assert slug("") == "x"


def test_a_picture_without_alt_text_is_known_by_its_file_name() -> None:
    """A picture-only row label or a question about a picture has no other name."""
    assert slug("![](img/red.png)") == "red"
    assert slug("![](<my pictures/red light.png>)") == slug("![ ](red%20light.png 'Red')") == "red-light"
    assert slug("Which colour is this? ![](img/red.png)") == "which-colour-is-this-red"
    assert slug("![Stop](img/red.png)") == "stop"  # alt text names it: the file may move or be renamed


def test_words_in_another_script_each_get_an_ascii_slug_of_their_own() -> None:
    """A vocabulary deck (``собака``, ``кошка``, ``你好``): one slug for them all would merge every
    card into one; a digest of the words keeps each apart, and the same wherever it moves."""
    words = ["собака", "кошка", "дом", "你好", "谢谢", "λόγος", "ψυχή"]
    slugs = [slug(word) for word in words]
    assert len(set(slugs)) == len(words)
    assert all(found.startswith("x-") and found.isascii() for found in slugs)
    assert slug("**Собака**") == slug("собака") == slug("  собака ")
    assert slug("собака (dog)") == "dog"  # Latin words there are the slug, as before


def test_long_keys_are_cut_at_a_word_boundary() -> None:
    result = slug("which " * 40)
    assert len(result) <= MAX_SLUG
    assert not result.endswith("-")
    assert result.startswith("which-which")


def test_item_id_is_module_kind_and_key_slug() -> None:
    assert item_id("02-compute", "card", "Auto Scaling") == "02-compute/card/auto-scaling"


def test_a_row_is_keyed_by_its_label_or_else_by_its_cells_never_by_its_position() -> None:
    assert row_key(("Spot", "Interruptible jobs")) == "spot"
    rows = [("", "Yes", "No"), ("", "No", "Yes"), ("", "Maybe", "Maybe")]
    keys = [row_key(row) for row in rows]
    assert keys == ["row-yes-no", "row-no-yes", "row-maybe-maybe"]
    assert [row_key(row) for row in rows[1:]] == keys[1:]  # deleting the first row moves no other
