"""The quiz engine: what is asked (questions, cloze blanks, distractors, flashcards),
the deck's segmentation and its cache, the compiled question bank, and how an answer
is marked.

May import: ``studycli.memory``, ``studycli.deck``, ``studycli.text``, ``studycli.errors``,
``studycli.paths``. Never typer or rich; jieba only through ``studycli.text``; sqlite3
only in ``bank`` and ``bank_build`` (the compiled question bank).
"""
