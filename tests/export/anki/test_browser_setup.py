"""Without Debian's chromium the card tests fail with the command that installs it; they never skip."""

from __future__ import annotations

import pytest

from tests.export.anki.browser import chromium_path


def test_a_missing_chromium_fails_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CCPKIT_CHROMIUM", raising=False)
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        chromium_path()
