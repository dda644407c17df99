"""Finding the collection: an explicit path, or a profile in Anki desktop's data folder."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ccpkit.errors import UsageError
from ccpkit.sync.locate import anki_base, locate


def make_profile(base: Path, name: str) -> Path:
    collection = base / name / "collection.anki2"
    collection.parent.mkdir(parents=True)
    with closing(sqlite3.connect(collection)) as database:  # a collection's table, as Anki names it
        database.execute("create table col (id integer primary key)")
        database.commit()
    return collection


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/ana"}, "/home/ana/.local/share/Anki2"),
        ("linux", {"HOME": "/home/ana", "XDG_DATA_HOME": "/data"}, "/data/Anki2"),
        ("darwin", {"HOME": "/Users/ana"}, "/Users/ana/Library/Application Support/Anki2"),
        (
            "win32",
            {"HOME": "C:/Users/ana", "APPDATA": "C:/Users/ana/AppData/Roaming"},
            "C:/Users/ana/AppData/Roaming/Anki2",
        ),
        ("darwin", {"HOME": "/Users/ana", "ANKI_BASE": "/Volumes/usb/Anki"}, "/Volumes/usb/Anki"),
    ],
)
def test_anki_data_folder_per_system(platform: str, environ: dict[str, str], expected: str) -> None:
    assert anki_base(environ, platform) == Path(expected)


def test_the_only_profile_is_used_without_options(tmp_path: Path) -> None:
    collection = make_profile(tmp_path, "User 1")
    (tmp_path / "addons21").mkdir()  # Anki's other folders are not profiles
    located = locate(None, None, {"ANKI_BASE": str(tmp_path)})
    assert located.collection == collection
    assert located.backups == tmp_path / "User 1" / "backups"  # where Anki keeps the profile's backups


def test_a_profile_is_chosen_by_name_and_several_need_a_choice(tmp_path: Path) -> None:
    make_profile(tmp_path, "Ana")
    bruno = make_profile(tmp_path, "Bruno")
    assert locate(None, "Bruno", {"ANKI_BASE": str(tmp_path)}).collection == bruno
    with pytest.raises(UsageError, match=r"2 Anki profiles in .* \(Ana, Bruno\): choose one with --profile"):
        locate(None, None, {"ANKI_BASE": str(tmp_path)})
    with pytest.raises(UsageError, match=r"no Anki profile 'Carla' .* \(profiles there: Ana, Bruno\)"):
        locate(None, "Carla", {"ANKI_BASE": str(tmp_path)})


def test_no_profile_at_all_says_how_to_point_at_one(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="set ANKI_BASE to your Anki data folder, or give --collection PATH"):
        locate(None, None, {"ANKI_BASE": str(tmp_path)})


@pytest.mark.parametrize("profile", [None, "Ana"])
def test_a_missing_anki_data_folder_is_named_as_such(tmp_path: Path, profile: str | None) -> None:
    with pytest.raises(
        UsageError, match=r"Anki's data folder .*nowhere does not exist: open Anki desktop once"
    ):
        locate(None, profile, {"ANKI_BASE": str(tmp_path / "nowhere")})


def test_a_profile_folder_without_a_collection_is_told_to_open_it_once(tmp_path: Path) -> None:
    make_profile(tmp_path, "Ana")
    (tmp_path / "Bruno").mkdir()
    with pytest.raises(
        UsageError, match=r"Anki profile 'Bruno' in .* has no collection yet: open it in Anki"
    ):
        locate(None, "Bruno", {"ANKI_BASE": str(tmp_path)})


def test_an_explicit_collection_file_or_profile_folder(tmp_path: Path) -> None:
    collection = make_profile(tmp_path, "Ana")
    assert locate(collection, None).collection == collection
    assert locate(collection.parent, None).collection == collection
    with pytest.raises(UsageError, match=r"no Anki collection at .*missing\.anki2"):
        locate(tmp_path / "missing.anki2", None)
    with pytest.raises(UsageError, match="not both"):
        locate(collection, "Ana")


def test_a_file_that_is_no_anki_collection_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    empty = tmp_path / "collection.anki2"
    empty.touch()
    other = tmp_path / "history.sqlite"
    with closing(sqlite3.connect(other)) as database:
        database.execute("create table visits (url text)")
        database.commit()
    with pytest.raises(UsageError, match="is an empty file, not an Anki collection"):
        locate(empty, None)
    with pytest.raises(UsageError, match="is another program's database, not an Anki collection"):
        locate(other, None)
    assert empty.read_bytes() == b""
    with closing(sqlite3.connect(other)) as database:
        assert [name for (name,) in database.execute("select name from sqlite_master")] == ["visits"]
