"""Where a session's questions come from: the compiled bank, chosen by topic, kind, seed.

quiz, review, cards and mistakes open the bank (compiling it first, with a progress bar
on stderr when that takes over a second) and the progress store, nothing else.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from studycli.cli.app import err
from studycli.errors import StudyError

if TYPE_CHECKING:
    import random

# The bar appears only when compiling takes longer than this (a warm start never shows it).
PROGRESS_DELAY_S = 1.0


class CompileProgress:
    """A Rich progress bar on stderr that shows itself once compiling has taken a second."""

    def __init__(self, delay: float = PROGRESS_DELAY_S):
        self.lock = threading.Lock()
        self.bar = None
        self.task = None
        self.stage = ("编译题库", 0, 0)
        self.closed = False
        self.started = time.monotonic()
        self.timer = threading.Timer(delay, self._show)
        self.timer.daemon = True
        if err.is_terminal:
            self.timer.start()

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self.lock:
            self.stage = (stage, done, total)
            if self.bar is not None:
                self._update()

    def _show(self) -> None:
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with self.lock:
            if self.closed:
                return
            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("编译题库 · {task.description}"),
                BarColumn(),
                TextColumn("{task.fields[count]}"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self.task = self.bar.add_task(self.stage[0], total=None, count="")
            self.bar.start()
            self._update()

    def _update(self) -> None:
        stage, done, total = self.stage
        count = f"{done}/{total}" if total else ""
        # Not bar.reset: it restarts the task's clock too (the elapsed time would stay at
        # 0:00:00). Progress.update cannot clear a total: a stage of unknown length sets
        # it to None here, and a new stage is not "finished" because the last one was.
        task = next(t for t in self.bar.tasks if t.id == self.task)
        task.total = total or None
        task.finished_time = None
        self.bar.update(self.task, description=stage, completed=done, count=count)
        self.bar.refresh()

    def close(self) -> None:
        """Stop the timer and take the bar off the screen."""
        self.timer.cancel()
        with self.lock:
            self.closed = True
            if self.bar is not None:
                self.bar.stop()


def open_deck_bank(content, builtin: bool, data_dir: Path | None, *, rebuild: bool = False):
    """The compiled bank of the deck the options name, compiled first when it is stale.

    A current bank is opened without importing the compiler (quiz.bank_build) or starting
    the progress bar's timer.
    """
    from studycli.deck.files import content_paths, deck_files
    from studycli.paths import cache_dir
    from studycli.quiz.bank import Bank, bank_path

    roots = content_paths(content or (), builtin=builtin)
    cache = cache_dir(data_dir)
    bank = None if rebuild else Bank.open_current(bank_path(cache, roots), deck_files(roots))
    if bank is None:
        bank = _compile(roots, cache, rebuild=rebuild)
    bank.rebuild = lambda: _rebuild(roots, cache)
    return bank


def _compile(roots, cache: Path, *, rebuild: bool):
    """Open the bank, compiling it first if stale, with the progress bar; say once if it
    could not be stored (then every run compiles it again)."""
    from studycli.quiz.bank import bank_path
    from studycli.quiz.bank_build import open_bank

    progress = CompileProgress()
    try:
        bank = open_bank(roots, cache, progress, rebuild=rebuild)
    finally:
        progress.close()
    if bank.path is None:
        err.print(
            f"注意:题库缓存 {bank_path(cache, roots)} 无法写入,题库每次都要重新编译。",
            markup=False,
            soft_wrap=True,
        )
    return bank


def _rebuild(roots, cache: Path):
    """A bank found damaged while read, compiled anew (the session goes on)."""
    bank = _compile(roots, cache, rebuild=True)
    err.print("注意:编译好的题库已损坏,已重新编译。", markup=False, soft_wrap=True)
    return bank


def deck_view(content, builtin: bool, data_dir: Path | None):
    """Topics and items from the bank when it is current (no YAML), else the loaded deck.

    For commands that need no questions (topics, stats): they never compile the bank.
    """
    from studycli.cli.app import load
    from studycli.deck.files import content_paths, deck_files
    from studycli.paths import cache_dir
    from studycli.quiz.bank import Bank, BankError, bank_path

    roots = content_paths(content or (), builtin=builtin)
    bank = Bank.open_current(bank_path(cache_dir(data_dir), roots), deck_files(roots))
    if bank is not None:
        with bank:
            try:
                return bank.deck_view()
            except BankError:
                pass  # damaged: the file is gone (the next quiz compiles it); read the deck
    return load(content, builtin)


def bank_topic(bank, topic: str | None) -> str | None:
    """The canonical name of ``topic`` (a name or alias) in the bank's deck, or None."""
    if topic is None:
        return None
    from studycli.deck.topics import resolve_topic

    return resolve_topic(bank, topic).name


def quiz_questions(
    bank,
    store,
    *,
    topic: str | None,
    kind: str | None,
    count: int,
    rng: random.Random,
    mistakes: bool = False,
) -> list:
    """The questions a quiz asks: the 错题本's, or a seeded pick (``--id`` goes through
    cli.question_ids)."""
    from studycli.quiz.question import kind_name

    kinds = [kind_name(kind)] if kind else None  # 填空 → cloze
    if mistakes:
        allowed = {row.id for row in bank.question_rows(topic=topic, kinds=kinds)}
        wanted = [qid for qid in store.mistake_question_ids() if qid in allowed][:count]
        if not wanted:
            raise StudyError("错题本是空的(或其中的题不在所选范围内)。先做几道题吧:study quiz")
        return bank.questions(wanted)
    rows = bank.rows_to_pick_from(count, rng, topic=topic, kinds=kinds)
    if not rows:
        raise _nothing_to_ask(topic, kind)
    from studycli.quiz.selection import pick_questions

    return bank.questions([row.id for row in pick_questions(rows, count, rng)])


def review_plan(bank, index: dict, until, count: int, topic: str | None):
    """memory.scheduling.plan_review's plan, read from the bank without its whole list.

    ``index`` is Store.card_index(). Only the rows of questions the learner has a card
    for are read, then the deck in order until ``count`` new ones are found, so a
    10,000-item deck costs what its studied part costs, not its ~70,000 questions.
    """
    from studycli.memory.scheduling import ReviewPlan, to_utc

    now_ts = to_utc(until).timestamp()
    current = bank.positions_if_current({q: fp for q, (fp, _) in index.items()}, topic)
    due = sorted((index[q][1], pos, q) for q, pos in current.items() if index[q][1] <= now_ts)
    count = max(0, count)
    due_ids = [q for _, _, q in due[:count]]
    new_total = bank.scope_count(topic) - len(current)
    # ``current`` holds askable ids only: when it holds them all, nothing is new to look for.
    new_ids = bank.first_unknown(current, count - len(due_ids), topic) if new_total else []
    return ReviewPlan(due_ids, new_ids, due_total=len(due), new_total=new_total)


def due_card_rows(bank, index: dict, cutoff: float, topic: str | None) -> list:
    """The flashcards due before ``cutoff`` (most overdue first), as card_session.order_cards
    orders them, from the rows of the cards the learner has (not every card)."""
    rows = bank.card_rows({qid for qid, (_, due) in index.items() if due < cutoff}, topic)
    due = [r for r in rows if index[r.id][0] == r.fingerprint]
    return sorted(due, key=lambda r: (index[r.id][1], r.id))


class OnFirstUse:
    """A sequence read from the bank when first iterated, counted or indexed."""

    def __init__(self, load):
        self._load_rows = load
        self._rows = None

    @property
    def loaded(self) -> bool:
        """Whether it has been read."""
        return self._rows is not None

    def _load(self):
        if self._rows is None:
            self._rows = self._load_rows()
        return self._rows

    def __iter__(self):
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __getitem__(self, index):
        return self._load()[index]


class QuestionPairs(OnFirstUse):
    """(id, fingerprint) of every askable question, read from the bank on first use.

    The exam plan (memory.plan.follow_exam_plan) needs the whole list; a review without
    an exam date never reads it.
    """

    def __init__(self, bank, topic: str | None):
        super().__init__(lambda: bank.id_fingerprints(topic))


class Glossary(OnFirstUse):
    """The bank's glossary, decoded when grading first needs it (not to show a question)."""

    def __init__(self, bank):
        super().__init__(lambda: bank.glossary)


def _nothing_to_ask(topic: str | None, kind: str | None) -> StudyError:
    from studycli.render.quiz import KIND_NAMES

    where = f"主题“{topic}”下" if topic else "题库中"
    what = f"“{KIND_NAMES.get(kind, kind)}”题" if kind else "题目"
    return StudyError(f"{where}没有可出的{what}。")
