"""Rich renderables for the summary, quiz feedback, flashcards and progress; no prompting.

May import: rich and every package below it (quiz, memory, deck, text). Never typer.
"""
