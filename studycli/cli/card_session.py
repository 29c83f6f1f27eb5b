"""A flashcard session on the FSRS schedule: due cards first, then new; 重来 comes back.

Used by `study cards`, by `study review` for due cards and by `study quiz --mistakes` for
cards whose last self-grade was 重来. Each rating is saved at once.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from studycli.cli.app import err, out
from studycli.errors import StudyError

CARD_SCORES = {1: 0.0, 2: 0.5, 3: 1.0, 4: 1.0}
AGAIN_RETURNS = 2  # a card rated 重来 comes back at most this many times in one session
QUIT_WORDS = {"q", "Q", "退出"}


@dataclass
class CardResult:
    """How a card session went: ratings saved, cards seen, how it ended."""

    saved: int = 0
    again: int = 0
    last: dict = field(default_factory=dict)  # card id → its last rating this session

    @property
    def mistakes(self) -> int:
        """Cards whose last rating this session was 重来 (they are in the 错题本)."""
        return sum(rating == 1 for rating in self.last.values())

    quit: bool = False
    ended: bool = False  # input ended before the last card
    interrupted: bool = False


def order_cards(pool: list, index: dict, cutoff: float, count: int, seed: int) -> tuple[list, int]:
    """Due cards (due before ``cutoff``, most overdue first), then new ones in seeded order.

    ``index`` is Store.card_index() (question id → (fingerprint, due)); a card whose item was
    edited counts as new. Returns the cards and how many of them are due.
    """
    due, new = [], []
    for card in pool:
        known = index.get(card.id)
        if known is None or known[0] != card.fingerprint:
            new.append(card)
        elif known[1] < cutoff:
            due.append((known[1], card.id, card))
    due.sort(key=lambda row: (row[0], row[1]))
    random.Random(seed).shuffle(new)
    chosen = [card for _, _, card in due[:count]]
    return chosen + new[: count - len(chosen)], min(len(due), count)


def rating_line(store, card, now, index: dict) -> str:
    """1 重来 <10分钟 · 2 困难 1天 · 3 良好 3天 · 4 简单 8天, intervals from FSRS.

    ``index`` (question id → (fingerprint, due)) tells whether the stored card is for the
    item as it is now; an edited item's card starts afresh.
    """
    from studycli.memory.scheduling import preview_intervals
    from studycli.render.quiz import format_interval

    known = index.get(card.id)
    stored = store.card(card.id) if known is None or known[0] == card.fingerprint else None
    intervals = preview_intervals(stored, card.id, now)
    names = {1: "重来", 2: "困难", 3: "良好", 4: "简单"}
    return " · ".join(f"{r} {names[r]} {format_interval(intervals[r])}" for r in names)


def run_cards(store, cards: list, clock, answers, titles: dict, mode: str = "cards") -> CardResult:
    """Show each card, read its self-grade, save it; 重来 puts the card back in the queue."""
    from studycli.memory.recording import record_answer
    from studycli.render.quiz import render_card_back, render_card_front

    result = CardResult()
    index = store.card_index()
    queue = deque(cards)
    returns: dict[str, int] = {}
    shown = 0
    try:
        while queue:
            card = queue.popleft()
            shown += 1
            out.print(render_card_front(card, shown, shown + len(queue)))
            if answers.interactive:
                flip = answers.read("(回车翻面,q 结束)")
                if flip is None:
                    result.ended = True
                    break
                if flip.strip() in QUIT_WORDS:
                    result.quit = True
                    break
            out.print(render_card_back(card, titles))
            rating = read_grade(answers, rating_line(store, card, clock(), index))
            if rating is None:
                result.ended = True
                break
            if rating == "quit":
                result.quit = True
                break
            record_answer(
                store,
                question_id=card.id,
                item_id=card.item_id,
                fingerprint=card.fingerprint,
                kind="card",
                given=None,
                expected=card.back,
                score=CARD_SCORES[rating],
                correct=rating >= 3,
                answered_at=clock(),
                duration_s=None,
                mode=mode,
                rating=rating,
            )
            result.saved += 1
            result.last[card.id] = rating
            if rating == 1 and returns.get(card.id, 0) < AGAIN_RETURNS:
                returns[card.id] = returns.get(card.id, 0) + 1
                result.again += 1
                queue.append(card)
                out.print("这张卡稍后会再出现。", style="dim", markup=False)
            out.print("")
    except KeyboardInterrupt:
        result.interrupted = True
    except StudyError:  # damaged or full disk: say what was kept, then the error
        err.print(f"练习已停止:已保存 {result.saved} 张卡的自评。", markup=False)
        raise
    return result


def read_grade(answers, line: str):
    """A 1–4 self-grade (Enter means 良好), "quit" for q, None at end of input."""
    from studycli.memory.scheduling import GOOD, rating_for_grade
    from studycli.render.quiz import rating_choices

    out.print(rating_choices(line))
    while True:
        raw = answers.read("自评 1–4 [3]> ")
        if raw is None:
            return None
        if raw.strip() in QUIT_WORDS:
            return "quit"
        if not raw.strip():
            return GOOD
        try:
            return rating_for_grade(raw)
        except ValueError:
            err.print(f"看不懂“{raw.strip()}”:请输入 1、2、3 或 4。", markup=False)
        if not answers.interactive:
            return None
