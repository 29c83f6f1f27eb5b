"""The learning memory: the progress store (SQLite), FSRS scheduling and statistics.

``store`` persists what it is given and never calls scheduling; ``scheduling`` is pure
(grades → FSRS ratings, card updates, review plans from plain rows); ``recording`` joins
the two when an answer is saved. May import: ``studycli.deck``, ``studycli.errors``,
``studycli.paths``; sqlite3 only in ``store``, fsrs only in ``scheduling``.
"""
