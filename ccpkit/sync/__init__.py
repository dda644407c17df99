"""``ccpkit sync``: bring a student's Anki collection up to date in place, without losing their work.

``locate`` finds the collection, ``plan`` decides (pure), ``anki_collection`` reads and writes Anki
(the only module importing ``anki``, an optional dependency), ``record`` remembers what ccpkit wrote,
``run`` puts it together.
"""
