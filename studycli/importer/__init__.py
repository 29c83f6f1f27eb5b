"""The article importer: raw article → clean text → draft YAML deck.

May import: ``studycli.deck`` (the model the draft is made of), ``studycli.text``,
``studycli.errors``, ``studycli.paths``; readers' libraries lazily. Never quiz, memory,
export, render, typer or rich.
"""
