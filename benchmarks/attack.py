"""Held-out attack set for issue 15: run the real `study` program on hostile input.

Each case runs `study` as a subprocess (memory capped at 1 GB, 60 s timeout) and counts
tracebacks, hangs, unexpected exit codes and lost answers. The cases differ from those in
tests/test_hardening.py and tests/test_fuzz.py on purpose: they check the fixes generalise.

    python benchmarks/attack.py [--only deck|option|signal|store] [-v] [--command CMD]

Needs POSIX (FIFOs, signals); store cases that need root (chattr, tmpfs) are skipped without.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MINI = (REPO / "tests" / "fixtures" / "mini" / "deck.yaml").read_text(encoding="utf-8")
STUDY = [shutil.which("study")] if shutil.which("study") else [sys.executable, "-m", "studycli"]
TIMEOUT = 60
MEMORY = 1 << 30


@dataclass
class Outcome:
    """What one case did."""

    category: str
    name: str
    traceback: bool = False
    hang: bool = False
    lost: int = 0
    bad_exit: bool = False
    note: str = ""
    seconds: float = 0.0


@dataclass
class Attack:
    """The workspace and the tally."""

    root: Path
    verbose: bool = False
    results: list[Outcome] = field(default_factory=list)
    counter: int = 0

    def fresh(self) -> Path:
        self.counter += 1
        folder = self.root / f"case{self.counter:03d}"
        folder.mkdir()
        return folder

    def env(self, folder: Path, **extra: str) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("STUDY_")}
        env.update(STUDY_DATA_DIR=str(folder / "data"), COLUMNS="80", NO_COLOR="1", TERM="dumb")
        env.update(extra)
        return env

    def run(self, category, name, args, *, folder=None, stdin="", ok=(0, 1, 2), env=None, shows=""):
        """Run `study args`; record a traceback, a hang, an exit code outside ``ok``, or
        (``shows``) a successful run whose output lacks that text as written."""
        folder = folder or self.fresh()
        outcome = Outcome(category, name)
        started = time.monotonic()
        try:
            done = subprocess.run(
                [*STUDY, *args],
                input=stdin,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=TIMEOUT,
                cwd=folder,
                env=env or self.env(folder),
                preexec_fn=_limit_memory,
            )
            outcome.traceback = "Traceback" in done.stderr or "Traceback" in done.stdout
            outcome.bad_exit = done.returncode not in ok
            outcome.note = f"exit {done.returncode}: {done.stderr.strip()[-160:]}"
            if shows and done.returncode == 0 and shows not in done.stdout:
                outcome.bad_exit = True
                outcome.note = f"{shows!r} not shown as written"
        except subprocess.TimeoutExpired:
            outcome.hang = True
            outcome.note = f"no answer in {TIMEOUT} s"
        outcome.seconds = time.monotonic() - started
        self.record(outcome)
        return outcome

    def record(self, outcome: Outcome) -> None:
        self.results.append(outcome)
        bad = outcome.traceback or outcome.hang or outcome.lost or outcome.bad_exit
        if self.verbose or bad:
            flag = "FAIL" if bad else "ok  "
            print(f"{flag} {outcome.category:7} {outcome.name:42} {outcome.note[:110]}")


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def mini(**replace: str) -> str:
    text = MINI
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


# --- decks ------------------------------------------------------------------------------------

BOMB_MAP = "a: &a {x: 1, y: 2, z: 3, w: 4, v: 5, u: 6, t: 7, s: 8}\n" + "".join(
    f"{n}: &{n} {{" + ", ".join(f"k{i}: *{p}" for i in range(8)) + "}\n"
    for p, n in zip("abcdefghij", "bcdefghijk", strict=True)
)
SOURCE = "source: {article: a, section: s}"
BOMB_SCALAR = "s: &s " + "长" * 60000 + "\ntopics: [" + ", ".join(["*s"] * 2000) + "]\n"
DECKS: dict[str, bytes] = {
    "mapping alias bomb": BOMB_MAP.encode(),
    "scalar alias bomb in topics": BOMB_SCALAR.encode(),
    "alias loop in mapping": b"topics: &t {a: *t}\n",
    "merge-key loop": b"a: &a\n  <<: *a\n  x: 1\n",
    "alias loop deep inside items": mini(**{"figures: [100项]": "figures: &f [*f]"}).encode(),
    "nesting 63 mappings": ("x: " + "{a: " * 63 + "1" + "}" * 63 + "\n").encode(),
    "nesting 70 mappings": ("x: " + "{a: " * 70 + "1" + "}" * 70 + "\n").encode(),
    "nesting 5000 lists": ("x: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
    "block nesting 200": "".join("  " * i + f"k{i}:\n" for i in range(200)).encode(),
    "date 2023-02-29": mini(**{"2024-01-31": "2023-02-29"}).encode(),
    "date 2024-02-30": mini(**{"2024-01-31": "2024-02-30"}).encode(),
    "timestamp hour 25": mini(**{"2024-01-31": "2024-01-31 25:00:00"}).encode(),
    "year 0000": mini(**{"2024-01-31": "0000-01-01"}).encode(),
    "int 4301 digits in text": mini(**{"text: 山东": "text: " + "7" * 4301 + "山东"}).encode(),
    "int 4301 digits as id": mini(**{"id: q1": "id: " + "1" * 4301}).encode(),
    "hex int huge": mini(**{"2024-01-31": "0x" + "f" * 20000}).encode(),
    "float 1e999": mini(**{"2024-01-31": "1e999"}).encode(),
    "float .nan as speaker": mini(**{"speaker: 习近平": "speaker: .nan"}).encode(),
    "mapping as key": mini(
        **{"speaker: 习近平": "? {a: 1}\n    : 1\n    speaker: 习近平"}
    ).encode(),
    "null key": mini(**{"speaker: 习近平": "~: 1\n    speaker: 习近平"}).encode(),
    "bool and int keys": mini(
        **{"speaker: 习近平": "true: 1\n    3: x\n    speaker: 习近平"}
    ).encode(),
    "!!binary topic": mini(**{"  - 产业\n": "  - !!binary 5Lqn5Lia\n"}).encode(),
    "!!set value": mini(**{"[人才]\n    source": "!!set {人才}\n    source"}).encode(),
    "!!omap item": b"topics: [a]\nitems: !!omap [{a: 1}]\n",
    "!!python/object/apply": b"x: !!python/object/apply:os.system ['echo hi']\n",
    "custom tag": b"topics: !foo [a]\n",
    "markup topic names": mini(
        **{
            "  - 产业\n": '  - "[bold]产[/bold]"\n',
            "[产业]": '["[bold]产[/bold]"]',
            "[人才, 产业]": '[人才, "[bold]产[/bold]"]',
        }
    ).encode(),
    "markup in every text": mini(
        **{"习近平": '"[/x]习近平[link=x]"', "name: 三要素": 'name: "[red]三要素"'}
    ).encode(),
    "ESC in quote text": mini(
        **{
            "text: 科技创新能够": 'text: "\\e]0;pwned\\a科技创新能够',
            "核心要素。\n": '核心要素。"\n',
        }
    ).encode(),
    "NUL byte in file": mini().encode().replace(b"topics:", b"topics:\x00", 1),
    "invalid UTF-8": mini().encode() + b"\n# \xff\xfe\n",
    "UTF-16 deck": mini().encode("utf-16"),
    "UTF-8 BOM": b"\xef\xbb\xbf" + mini().encode(),
    "empty file": b"",
    "only a comment": b"# nothing\n",
    "top-level list": b"- a\n- b\n",
    "top-level scalar": b"hello\n",
    "two documents": mini().encode() + b"---\nx: 1\n",
    "tab indentation": b"topics:\n\t- a\n",
    "unclosed quote": b'topics: ["a\n',
    "duplicate facet names (three)": mini(**{"核心标志": "特征"})
    .replace(
        "      - {name: 特征, text: 全要素生产率大幅提升}",
        "      - {name: 特征, text: 全要素生产率大幅提升}\n      - {name: 特征, text: 三}",
    )
    .encode(),
    "duplicate id across kinds": mini(**{"id: fa1": "id: f1"}).encode(),
    "duplicate topic twice": mini(**{"  - 产业\n": "  - 产业\n  - 产业\n"}).encode(),
    "1 MB + 1 byte": b"#" + b"x" * (1 << 20) + b"\n",
    "900 KB of items": (
        "topics: [甲]\nitems:\n"
        + "".join(
            f"  - {{id: i{n}, kind: fact, text: 事实{n}号, topics: [甲], {SOURCE}}}\n"
            for n in range(9000)
        )
    ).encode(),
    "very long line key": ("k" * 500_000 + ": 1\n").encode(),
}
# Text that must appear as written (markup is not to be obeyed).
SHOWS = {
    ("markup topic names", "topics"): "[bold]产[/bold]",
    ("markup in every text", "summary"): "[/x]习近平[link=x]",
    ("markup in every text", "check"): "ok",
}
DECK_COMMANDS = [
    ["check"],
    ["topics"],
    ["summary", "--no-pager"],
    ["quiz", "--json", "-n", "2", "--seed", "3"],
    ["export", "-f", "markdown"],
]


def attack_decks(attack: Attack) -> None:
    for name, data in DECKS.items():
        folder = attack.fresh()
        deck = folder / "deck.yaml"
        deck.write_bytes(data)
        for command in DECK_COMMANDS[:2] if len(data) > 300_000 else DECK_COMMANDS:
            attack.run(
                "deck",
                f"{name} · {command[0]}",
                [*command, "--no-builtin", "--content", str(deck)],
                folder=folder,
                stdin="甲\n乙\n",
                shows=SHOWS.get((name, command[0]), ""),
            )
    special = attack.fresh()
    os.mkfifo(special / "fifo.yaml")
    (special / "zero.yaml").symlink_to("/dev/zero")
    (special / "urandom.yaml").symlink_to("/dev/urandom")
    (special / "dangling.yaml").symlink_to(special / "nowhere")
    (special / "dir.yaml").mkdir()
    (special / "[red]name.yaml").write_text("topics: [\n", encoding="utf-8")
    (special / "esc\x1b[2J.yaml").write_text("topics: [\n", encoding="utf-8")
    for path in sorted(special.iterdir()):
        for command in (["check"], ["quiz", "-n", "1"]):
            attack.run(
                "deck",
                f"file {path.name!r} · {command[0]}",
                [*command, "--no-builtin", "--content", str(path)],
            )
    folder = attack.fresh()
    os.mkfifo(folder / "a.yaml")
    attack.run(
        "deck",
        "FIFO via STUDY_CONTENT",
        ["check"],
        env=attack.env(folder, STUDY_CONTENT=str(folder)),
    )
    attack.run("deck", "/dev/zero via --content", ["check", "--content", "/dev/zero"])
    attack.run("deck", "/dev/stdin via --content", ["check", "--content", "/dev/stdin"])


# --- options ----------------------------------------------------------------------------------

OPTIONS = [
    ["quiz", "-n", "0"],
    ["quiz", "-n", "-5"],
    ["quiz", "-n", "1e3"],
    ["quiz", "-n", "99999999999999999999999"],
    ["quiz", "--seed", "-1"],
    ["quiz", "--seed", "99999999999999999999999999999"],
    ["quiz", "--seed", "[/x]"],
    ["quiz", "--kind", "[/x]"],
    ["quiz", "--topic", "[/x]"],
    ["quiz", "--topic", ""],
    ["quiz", "--topic", "\x1b[2J"],
    ["quiz", "--now", "10000-01-01"],
    ["quiz", "--now", "1900-01-01T00:00"],
    ["review", "--now", "9999-12-31T23:59:59+14:00"],
    ["review", "--now", "1971-01-01T00:00-12:00"],
    ["cards", "--now", "0001-01-01"],
    ["mistakes", "--now", "9999-12-31"],
    ["stats", "--now", "2024-02-30"],
    ["stats", "--now", "2024-01-01T25:00"],
    ["stats", "--now", "[/x]"],
    ["doctor", "--now", "9999-12-31"],
    ["mistakes", "--limit", "0"],
    ["mistakes", "--limit", "99999999999999999999"],
    ["stats", "--data-dir", ""],
    ["quiz", "--data-dir", "   "],
    ["doctor", "--data-dir", "/dev/null"],
    ["stats", "--data-dir", "/proc/self/nonexistent"],
    ["stats", "--data-dir", "[bold]dir[/bold]"],
    ["export", "-f", "[/x]"],
    ["export", "-o", "."],
    ["export", "-o", "/dev/null", "--force"],
    ["export", "-o", "missing/dir/out.json"],
    ["export", "-f", "anki"],
    ["import", "nowhere.txt"],
    ["check", "--sources", "nowhere"],
    ["check", "--content", ""],
    ["summary", "--topic", "[/x]"],
    ["--data-dir", "x"],
    ["quiz", "--json", "--hint-length", "-n", "2", "--kind", "choice"],
]


def attack_options(attack: Attack) -> None:
    for args in OPTIONS:
        attack.run(
            "option",
            " ".join(args)[:42],
            [*args, "--no-builtin", "--content", "deck.yaml"]
            if args[0] not in ("--data-dir",)
            else args,
            folder=_with_deck(attack),
            stdin="a\nb\n",
        )
    folder = _with_deck(attack)
    for name, extra in (
        ("STUDY_DATA_DIR empty", {"STUDY_DATA_DIR": ""}),
        ("STUDY_DATA_DIR blank", {"STUDY_DATA_DIR": "  "}),
        ("STUDY_CONTENT garbage", {"STUDY_CONTENT": "::/nope:[x]"}),
        ("COLUMNS=1", {"COLUMNS": "1"}),
        ("COLUMNS=abc", {"COLUMNS": "abc"}),
        ("LANG=C", {"LANG": "C", "LC_ALL": "C"}),
        ("PYTHONIOENCODING=ascii", {"PYTHONIOENCODING": "ascii"}),
    ):
        env = attack.env(folder, **extra)
        if extra.get("STUDY_DATA_DIR", "x").strip() == "":
            env["XDG_DATA_HOME"] = str(folder / "xdg")
            env["HOME"] = str(folder)
        attack.run("option", name, ["stats"], folder=folder, env=env)
        if name.startswith("STUDY_DATA_DIR") and (folder / "progress.db").exists():
            attack.results[-1].bad_exit = True
            attack.results[-1].note = "progress.db written into the current directory"
    folder = _with_deck(attack)
    (folder / "link.json").symlink_to(folder / "nowhere.json")
    os.mkfifo(folder / "fifo.md")
    for target in ("link.json", "fifo.md"):
        attack.run(
            "option",
            f"export -o {target} --force",
            [
                "export",
                "-f",
                "markdown",
                "-o",
                target,
                "--force",
                "--no-builtin",
                "--content",
                "deck.yaml",
            ],
            folder=folder,
        )
        if not (folder / target).is_symlink() and target == "link.json":
            attack.results[-1].bad_exit = True
            attack.results[-1].note = "symlink replaced"
    done = subprocess.run(
        f"{' '.join(STUDY)} summary --no-pager | head -c 10 >/dev/null",
        shell=True,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    attack.record(
        Outcome(
            "option",
            "summary | head (closed pipe)",
            "Traceback" in done.stderr,
            note=done.stderr.strip()[-100:],
        )
    )


def _with_deck(attack: Attack) -> Path:
    folder = attack.fresh()
    (folder / "deck.yaml").write_text(MINI, encoding="utf-8")
    return folder


# --- signals ----------------------------------------------------------------------------------


def saved_answers(folder: Path, path: Path | None = None) -> int:
    path = path or folder / "data" / "progress.db"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    except sqlite3.DatabaseError:  # no table (it was only in the lost -wal) or damaged
        return 0


def attack_signals(attack: Attack) -> None:
    for delay in (0.01, 0.04, 0.07, 0.1, 0.13, 0.16, 0.2, 0.25, 0.35, 0.5):
        for signum in (signal.SIGINT, signal.SIGTERM):
            folder = _with_deck(attack)
            proc = _quiz(attack, folder)
            time.sleep(delay)
            proc.send_signal(signum)
            _finish(
                attack,
                proc,
                f"{signum.name} at {delay:.2f} s (start-up)",
                0,
                folder,
                signum,
                early=True,
            )
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL):
        for answered in (1, 3):
            folder = _with_deck(attack)
            proc = _quiz(attack, folder)
            _answer(proc, answered)
            proc.send_signal(signum)
            _finish(attack, proc, f"{signum.name} after {answered}", answered, folder, signum)
    for signum in (signal.SIGTERM, signal.SIGINT):  # cards and review sessions too
        for command in ("cards", "review"):
            folder = _with_deck(attack)
            proc = _quiz(attack, folder, command)
            _answer(proc, 2, marker="出处:")
            proc.send_signal(signum)
            _finish(attack, proc, f"{signum.name} in {command} after 2", 2, folder, signum)


def _quiz(attack: Attack, folder: Path, command: str = "quiz") -> subprocess.Popen:
    args = [command, "--no-builtin", "--content", "deck.yaml", "-n", "5"]
    if command in ("quiz", "cards"):
        args += ["--seed", "1"]
    return subprocess.Popen(
        [*STUDY, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=folder,
        env={**attack.env(folder), "PYTHONUNBUFFERED": "1"},
        preexec_fn=_like_a_terminal,
    )


def _like_a_terminal() -> None:
    """Ctrl-C as in a terminal: a background job would inherit SIGINT ignored (and keep it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _limit_memory()


def _answer(proc: subprocess.Popen, count: int, marker: str = "") -> None:
    seen = ""
    deadline = time.monotonic() + 30
    for _ in range(count):
        proc.stdin.write("3\n" if marker else "甲\n")  # cards take a 1-4 self-grade
        proc.stdin.flush()
    while time.monotonic() < deadline:
        done = seen.count("出处:") + seen.count("✓ 正确")
        if marker == "出处:":
            done = seen.count("出处:")
        if done >= count:
            break
        line = proc.stdout.readline()
        if not line:
            break
        seen += line
    time.sleep(0.4)


def _finish(attack, proc, name, answered, folder, signum, early=False) -> None:
    outcome = Outcome("signal", name)
    try:
        _, stderr = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        outcome.hang = True
        attack.record(outcome)
        return
    outcome.traceback = "Traceback" in stderr
    outcome.lost = max(0, answered - saved_answers(folder))
    expected = {128 + signum, -signum}
    if signum == signal.SIGKILL:
        expected = {-signum}
    if early and signum == signal.SIGINT:
        expected |= {1}  # click's own "Aborted!" if it lands inside argument parsing
    outcome.bad_exit = proc.returncode not in expected
    if not early and signum != signal.SIGKILL and f"已保存 {answered} " not in stderr:
        outcome.bad_exit = True
    outcome.note = f"exit {proc.returncode}, saved {saved_answers(folder)}: {stderr.strip()[-80:]}"
    attack.record(outcome)


# --- store faults --------------------------------------------------------------------------------


def attack_store(attack: Attack) -> None:
    deck = ["--no-builtin", "--content", "deck.yaml"]
    folder = _with_deck(attack)
    (folder / "data").mkdir()
    (folder / "data" / "progress.db").write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    attack.run(
        "store", "garbage database · quiz", ["quiz", *deck, "-n", "1"], folder=folder, stdin="a\n"
    )
    attack.run("store", "garbage database · doctor", ["doctor"], folder=folder, ok=(0,))
    folder = _with_deck(attack)
    (folder / "data" / "progress.db").mkdir(parents=True)
    attack.run("store", "database is a directory", ["stats", *deck], folder=folder)
    folder = _with_deck(attack)
    (folder / "data").write_text("x", encoding="utf-8")
    attack.run("store", "data dir is a file", ["quiz", *deck, "-n", "1"], folder=folder)
    # damage mid-session: overwrite pages after two answers, then answer on
    folder = _with_deck(attack)
    attack.run(
        "store",
        "seed history",
        ["quiz", *deck, "-n", "5", "--seed", "2"],
        folder=folder,
        stdin="x\n" * 5,
    )
    proc = _quiz(attack, folder)
    _answer(proc, 2)
    db = folder / "data" / "progress.db"
    with open(db, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 8192)
    _, stderr = proc.communicate("丙\n丁\n", timeout=TIMEOUT)
    attack.record(
        Outcome(
            "store",
            "damaged mid-session",
            "Traceback" in stderr,
            bad_exit=proc.returncode != 1 or "已损坏" not in stderr,
            note=f"exit {proc.returncode}: {stderr.strip()[-100:]}",
        )
    )
    # -wal deleted mid-session, then SIGKILL
    folder = _with_deck(attack)
    proc = _quiz(attack, folder)
    _answer(proc, 2)
    wal = folder / "data" / "progress.db-wal"
    if wal.exists():
        wal.unlink()
    _answer(proc, 1)
    proc.kill()
    proc.communicate()
    attack.record(
        Outcome(
            "store",
            "-wal deleted, then SIGKILL",
            lost=max(0, 3 - saved_answers(folder)),
            note=f"saved {saved_answers(folder)} of 3",
        )
    )
    # only progress.db copied mid-session
    folder = _with_deck(attack)
    proc = _quiz(attack, folder)
    _answer(proc, 3)
    copy = folder / "copy"
    copy.mkdir()
    shutil.copy(folder / "data" / "progress.db", copy / "progress.db")
    proc.kill()
    proc.communicate()
    count = saved_answers(copy.parent, copy / "progress.db")
    attack.record(
        Outcome(
            "store",
            "progress.db alone copied mid-session",
            lost=3 - count,
            note=f"{count} of 3 in the copy",
        )
    )
    if os.geteuid() == 0 and shutil.which("chattr"):
        folder = _with_deck(attack)
        attack.run("store", "create db", ["doctor"], folder=folder, ok=(0,))
        subprocess.run(["chattr", "+i", str(folder / "data" / "progress.db")], check=False)
        out = attack.run(
            "store",
            "immutable progress.db · quiz",
            ["quiz", *deck, "-n", "2"],
            folder=folder,
            stdin="a\nb\n",
            ok=(1,),
        )
        subprocess.run(["chattr", "-i", str(folder / "data" / "progress.db")], check=False)
        if "第 1/2 题" in out.note:
            out.bad_exit = True
    _full_disk(attack, deck)


def _full_disk(attack: Attack, deck: list[str]) -> None:
    """A real full disk: a 200 KB tmpfs as the data dir (root only)."""
    if os.geteuid() != 0:
        return
    folder = _with_deck(attack)
    mount = folder / "data"
    mount.mkdir()
    if (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True
        ).returncode
        != 0
    ):
        return
    try:
        (mount / "filler").write_bytes(b"\0" * 120_000)
        done = subprocess.run(
            [*STUDY, "quiz", "--json", *deck, "-n", "40"],
            input="甲\n" * 40,
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=TIMEOUT,
            env=attack.env(folder),
        )
        try:
            data = json.loads(done.stdout)
            one_object = isinstance(data, dict)
        except ValueError:
            one_object = False
        attack.record(
            Outcome(
                "store",
                "full disk, --json",
                "Traceback" in done.stderr,
                bad_exit=not one_object,
                note=f"exit {done.returncode}, stdout one JSON: {one_object}; "
                f"{done.stderr.strip()[-90:]}",
            )
        )
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _slowest(rows: list[Outcome]) -> str:
    timed = [r.seconds for r in rows if r.seconds]
    return f"{max(timed):7.1f}s" if timed else "       -"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["deck", "option", "signal", "store"])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--command",
        help="how to run study (default: the `study` on PATH), e.g. 'python -m studycli'",
    )
    options = parser.parse_args()
    if options.command:
        STUDY[:] = shlex.split(options.command)
    with tempfile.TemporaryDirectory(prefix="study-attack-") as tmp:
        attack = Attack(Path(tmp), options.verbose)
        steps = {
            "deck": attack_decks,
            "option": attack_options,
            "signal": attack_signals,
            "store": attack_store,
        }
        for name, step in steps.items():
            if options.only in (None, name):
                step(attack)
        print(
            f"\n{'category':8} {'cases':>5} {'tracebacks':>10} {'hangs':>5} {'lost':>5}"
            f" {'bad exit':>8} {'slowest':>8}"
        )
        for category in steps:
            rows = [r for r in attack.results if r.category == category]
            if not rows:
                continue
            print(
                f"{category:8} {len(rows):5} {sum(r.traceback for r in rows):10}"
                f" {sum(r.hang for r in rows):5} {sum(r.lost for r in rows):5}"
                f" {sum(r.bad_exit for r in rows):8} {_slowest(rows)}"
            )
        rows = attack.results
        print(
            f"{'total':8} {len(rows):5} {sum(r.traceback for r in rows):10}"
            f" {sum(r.hang for r in rows):5} {sum(r.lost for r in rows):5}"
            f" {sum(r.bad_exit for r in rows):8}"
        )


if __name__ == "__main__":
    main()
