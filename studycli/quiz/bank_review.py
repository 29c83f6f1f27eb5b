"""The bank's reads for planning a review: which studied questions are still current,
the first new ones in deck order, which flashcards are among some ids. A mixin of
quiz.bank.Bank (kept apart so that module stays one responsibility per screen)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from studycli.quiz.bank_rows import CardRow


class ReviewReads:
    """Review planning's queries; the Bank supplies conn, _rows, _filter and _reading."""

    def positions_if_current(
        self, known: Mapping[str, str], topic: str | None = None
    ) -> dict[str, int]:
        """Of the ids in ``known`` (id → a stored fingerprint), those that may be asked and
        whose fingerprint is still the question's: id → deck position.

        Reads those rows only, by id; or, when ``known`` is a good part of the deck (a
        learner who has met most of it), every row in one pass, which is then cheaper.
        """
        where, params = self._filter(topic, None, False)
        sql = f"SELECT id, fingerprint, position FROM questions{where}"
        if self._most_of("questions", len(known)):
            rows = self._rows(sql, params)
            get = known.get
            return {qid: pos for qid, fp, pos in rows if get(qid) == fp}
        found: dict[str, int] = {}
        ids = list(known)
        for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._rows(
                f"{sql}{' AND' if where else ' WHERE'} id IN ({marks})", [*params, *chunk]
            )
            found.update((qid, pos) for qid, fp, pos in rows if known[qid] == fp)
        return found

    def _most_of(self, table: str, wanted: int) -> bool:
        """Whether ``wanted`` rows are a third or more of ``table``: one pass over all its rows
        then costs less than looking each up by id. (Positions count from 0, and max() of
        the INTEGER PRIMARY KEY is one look-up where count() would walk the table.)"""
        if not wanted:
            return False
        last = self._rows(f"SELECT max(position) FROM {table}")[0][0]
        return wanted * 3 >= (-1 if last is None else last) + 1

    def first_unknown(
        self, current: Collection[str], count: int, topic: str | None = None
    ) -> list[str]:
        """The first ``count`` askable question ids, in deck order, not in ``current``.

        Reads rows in deck order only until it has them (``current`` are the ids the
        learner has a current card for), not the whole deck.
        """
        if count <= 0:
            return []
        where, params = self._filter(topic, None, False)
        sql = f"SELECT id FROM questions{where} ORDER BY position"

        def read() -> list[str]:
            out: list[str] = []
            cursor = self.conn.execute(sql, tuple(params))
            for (qid,) in cursor:
                if qid not in current:
                    out.append(qid)
                    if len(out) >= count:
                        break
            cursor.close()
            return out

        return self._reading(read)

    def card_rows(self, ids: Collection[str], topic: str | None = None) -> list[CardRow]:
        """(id, item_id, fingerprint) of those of ``ids`` that are flashcards of a topic (or
        of any), in deck order: enough to tell which are due without reading the cards."""
        sql = "SELECT c.id, c.item_id, i.fingerprint FROM cards c JOIN items i ON i.id = c.item_id"
        where, params = [], []
        if topic is not None:
            where.append("c.item_id IN (SELECT item_id FROM item_topics WHERE topic = ?)")
            params.append(topic)
        if self._most_of("cards", len(ids)):  # every card in one pass, as positions_if_current
            wanted = ids if isinstance(ids, set | frozenset | dict) else set(ids)
            clause = f" WHERE {where[0]}" if where else ""
            rows = self._rows(f"{sql}{clause} ORDER BY c.position", params)
            return [CardRow(*row) for row in rows if row[0] in wanted]
        rows: list[tuple] = []
        listed = list(ids)
        for start in range(0, len(listed), 500):  # SQLite caps the number of parameters
            chunk = listed[start : start + 500]
            clause = " AND ".join([f"c.id IN ({','.join('?' * len(chunk))})", *where])
            rows += self._rows(f"{sql} WHERE {clause} ORDER BY c.position", [*chunk, *params])
        return [CardRow(*row) for row in rows]
