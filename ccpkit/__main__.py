"""Allows ``python -m ccpkit``."""

from ccpkit.cli import main

main()
