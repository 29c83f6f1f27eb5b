"""The progress database's schema, as the migrations that build it (run in order on open)."""

from __future__ import annotations

# Migration 6's triggers keep item_tallies: an answer counted in, or taken out. Pieces of a
# released step, so never edited either (its SQL is the same byte for byte).
_TALLY_ADD = """\
            INSERT INTO item_tallies (item_id, answers, correct)
                VALUES (NEW.item_id, 1, NEW.correct)
            ON CONFLICT (item_id) DO UPDATE SET answers = answers + 1,
                correct = correct + excluded.correct;
"""
_TALLY_SUB = """\
            UPDATE item_tallies SET answers = answers - 1, correct = correct - OLD.correct
                WHERE item_id = OLD.item_id;
"""

# Migration steps: MIGRATIONS[0] takes a database from version 0 (empty) to 1, and so on.
# Never edit a released step; append a new one.
MIGRATIONS: list[list[str]] = [
    [  # 1: the review log and one FSRS card per question
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            kind TEXT NOT NULL,
            mode TEXT NOT NULL,
            given TEXT,
            expected TEXT NOT NULL,
            score REAL NOT NULL,
            correct INTEGER NOT NULL,
            rating INTEGER NOT NULL,
            answered_at REAL NOT NULL,
            duration_s REAL
        )""",
        """CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            item_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            state INTEGER NOT NULL,
            stability REAL,
            due REAL NOT NULL,
            fsrs TEXT NOT NULL,
            fsrs_format INTEGER NOT NULL,
            last_answer_id INTEGER NOT NULL
        )""",
    ],
    [  # 2: indexes for stats (per-day counts, per-item tallies) and due selection
        "CREATE INDEX answers_by_time ON answers (answered_at)",
        "CREATE INDEX answers_by_item ON answers (item_id, correct)",
        "CREATE INDEX cards_by_due ON cards (due)",
    ],
    [  # 3: answers the user declared right ("我答对了"), accepted next time for that question
        """CREATE TABLE variants (
            question_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            answer TEXT NOT NULL,
            expected TEXT NOT NULL,
            added_at REAL NOT NULL,
            PRIMARY KEY (question_id, answer)
        )""",
    ],
    [  # 4: mock papers, challenge runs and the exam plan (memory.history reads and writes them)
        """CREATE TABLE exams (
            id INTEGER PRIMARY KEY,
            taken_at REAL NOT NULL,
            topic TEXT,
            seed INTEGER NOT NULL,
            questions INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            score REAL NOT NULL,
            minutes INTEGER NOT NULL,
            duration_s REAL,
            timed_out INTEGER NOT NULL,
            detail TEXT NOT NULL
        )""",
        """CREATE TABLE challenges (
            id INTEGER PRIMARY KEY,
            taken_at REAL NOT NULL,
            streak INTEGER NOT NULL,
            seconds INTEGER NOT NULL,
            ended TEXT NOT NULL
        )""",
        """CREATE TABLE exam_plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            exam_date TEXT NOT NULL,
            retention REAL NOT NULL,
            new_per_day INTEGER NOT NULL,
            new_total INTEGER NOT NULL,
            reserve INTEGER NOT NULL,
            set_at REAL NOT NULL
        )""",
    ],
    [  # 5: a question's answers by time, so "first answered today" (the new-item limit) is a
        # look-up per question answered today, not a sort of the whole history
        "CREATE INDEX answers_by_question ON answers (question_id, answered_at)",
    ],
    [  # 6: answers and right answers per item, kept by triggers, so `study stats` reads a
        # few hundred rows instead of counting every answer ever given
        """CREATE TABLE item_tallies (
            item_id TEXT PRIMARY KEY,
            answers INTEGER NOT NULL,
            correct INTEGER NOT NULL
        ) WITHOUT ROWID""",
        """INSERT INTO item_tallies (item_id, answers, correct)
            SELECT item_id, count(*), sum(correct) FROM answers GROUP BY item_id""",
        f"""CREATE TRIGGER answers_tally_insert AFTER INSERT ON answers BEGIN
{_TALLY_ADD}        END""",
        f"""CREATE TRIGGER answers_tally_update AFTER UPDATE OF item_id, correct ON answers BEGIN
{_TALLY_SUB}{_TALLY_ADD}        END""",
        f"""CREATE TRIGGER answers_tally_delete AFTER DELETE ON answers BEGIN
{_TALLY_SUB}        END""",
    ],
]
