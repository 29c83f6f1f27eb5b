"""The deck: the content model (frozen dataclasses), YAML loading and validation with
file:line, and the verbatim check of quotes against their articles.

May import: ``studycli.text``, ``studycli.errors``, ``studycli.paths``; yaml only in
``loader``. Nothing here imports quiz, memory, importer, render or cli.
"""
