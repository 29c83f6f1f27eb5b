"""Issue 15: no traceback, hang or runaway on any input; nothing lost under outside faults.

One test (or a few) per defect the attack found; each failed before its fix.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studycli.cli import app
from studycli.memory.store import DB_NAME, Store

MINI = ["--no-builtin", "--content"]
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and signals are POSIX")


def mini_text(mini_deck: Path) -> str:
    """The mini deck's YAML, to be edited into a bad deck."""
    return (mini_deck / "deck.yaml").read_text(encoding="utf-8")


def write_deck(tmp_path: Path, text: str, name: str = "deck.yaml") -> Path:
    """Write ``text`` as a deck file and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def study(*args: str, env: dict | None = None, timeout: float = 30, **kwargs):
    """Run the real `study` program (python -m studycli) as a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "studycli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


# --- 1. user text is never markup --------------------------------------------------------


def test_markup_answer_is_saved_and_echoed(runner, mini_deck):
    """An answer "[/x]" used to raise MarkupError and lose the session; now it is just text."""
    result = runner.invoke(
        app, ["quiz", *MINI, str(mini_deck), "-n", "2", "--seed", "1"], input="[/x]\n[bold]\n"
    )
    assert result.exit_code == 0, result.output
    assert "你的答案> [/x]" in result.stdout
    assert "你的答案> [bold]" in result.stdout
    stats = runner.invoke(app, ["stats", "--json", *MINI, str(mini_deck)])
    assert json.loads(stats.stdout)["reviews"] == 2


def test_markup_topic_name_in_every_command(runner, mini_deck, tmp_path):
    """A topic named "[/x]" crashed topics, stats, quiz --topic and the score table."""
    text = mini_text(mini_deck).replace("  - 产业\n", '  - "[/x]"\n')
    text = text.replace("[产业]", '["[/x]"]').replace("[人才, 产业]", '[人才, "[/x]"]')
    deck = str(write_deck(tmp_path, text))
    topics = runner.invoke(app, ["topics", *MINI, deck])
    assert topics.exit_code == 0 and "[/x]" in topics.stdout
    quiz = runner.invoke(
        app, ["quiz", *MINI, deck, "-t", "[/x]", "-n", "2", "--seed", "1"], input="a\nb\n"
    )
    assert quiz.exit_code == 0, quiz.output
    assert "主题“[/x]”" in quiz.stdout and "│ [/x]" in quiz.stdout  # header and score table
    stats = runner.invoke(app, ["stats", *MINI, deck])
    assert stats.exit_code == 0 and "[/x]" in stats.stdout
    missing = runner.invoke(app, ["quiz", *MINI, deck, "-t", "[bold]nope"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("错误:没有主题“[bold]nope”。")


def test_control_characters_in_answers_are_not_echoed(runner, mini_deck):
    """An escape sequence typed as an answer is shown as U+FFFD, never sent to the terminal."""
    result = runner.invoke(
        app, ["quiz", *MINI, str(mini_deck), "-n", "1", "--seed", "1"], input="\x1b[2J\x07x\n"
    )
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "你的答案> \ufffd[2J\ufffdx" in result.stdout


def test_control_characters_in_deck_text_are_refused(runner, mini_deck, tmp_path):
    """Deck text with ESC could drive the terminal: `check` names the file, line and character."""
    text = mini_text(mini_deck).replace("speaker: 习近平", 'speaker: "习\\e[2J近平"')
    deck = write_deck(tmp_path, text)
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert result.exit_code == 1
    assert result.stderr == (f"错误:{deck}:10: 条目“q1”键“speaker”含控制字符 U+001B,请删去。\n")


# --- 2. YAML limits and values -----------------------------------------------------------

BOMB = (
    "a: &a ["
    + ",".join(['"lol"'] * 9)
    + "]\n"
    + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
)


def test_alias_bomb_is_refused_quickly(runner, tmp_path):
    """A 10-line alias bomb grew to gigabytes; now each node is walked once and it is refused."""
    deck = write_deck(tmp_path, BOMB)
    started = time.monotonic()
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误:{deck}:1: 别名展开后的内容是文件本身的许多倍")


def test_alias_inside_itself_is_refused(runner, tmp_path):
    """`x: &a [*a]` recursed until RecursionError; now it is a file:line error."""
    deck = write_deck(tmp_path, "topics: [甲]\nx: &a [*a]\n")
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{deck}:2: 别名引用了包含它自己的内容(循环引用)。\n"


def test_deep_nesting_is_refused(runner, tmp_path):
    """990 nested lists hit Python's recursion limit; the loader now stops at 64 levels."""
    deck = write_deck(tmp_path, "x: " + "[" * 990 + "]" * 990 + "\n")
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{deck}:1: 嵌套超过 64 层。\n"


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("date: 2024-01-31", "date: 2024-13-45", 11, "“2024-13-45”不是存在的日期或时间。"),
        (
            "date: 2024-01-31",
            "date: " + "9" * 5000,
            11,
            f"整数“{'9' * 40}…”位数太多或无法读取。",
        ),
        (
            "speaker: 习近平",
            "? [a, b]\n    : 1\n    speaker: 习近平",
            10,
            "键应是文本,不能是列表或映射。",
        ),
        (
            "speaker: 习近平",
            "speaker: !!binary 5Lmg6L+R5bmz",
            10,
            "不支持 !!binary 二进制值,请直接写文本。",
        ),
        (
            "date: 2024-01-31",
            "date: 0x" + "f" * 20000,
            11,
            f"整数“0x{'f' * 38}…”位数太多或无法读取。",
        ),
    ],
    ids=["bad-date", "huge-int", "list-key", "binary", "huge-hex"],
)
def test_bad_yaml_values_are_line_errors(runner, mini_deck, tmp_path, old, new, line, message):
    """Values that crashed check and quiz (ValueError, TypeError) or slipped through (!!binary)."""
    deck = write_deck(tmp_path, mini_text(mini_deck).replace(old, new))
    for command in (["check"], ["quiz", "-n", "1"]):
        result = runner.invoke(app, [*command, *MINI, str(deck)], input="")
        assert result.exit_code == 1, result.output
        assert result.stderr == f"错误:{deck}:{line}: {message}\n"


def test_deck_over_the_size_limit_is_refused(runner, tmp_path):
    """A deck file over 1 MB is refused before parsing, with the limit in the message."""
    deck = write_deck(tmp_path, "# " + "x" * (1 << 20) + "\ntopics: [甲]\n")
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert result.exit_code == 1
    assert result.stderr == (f"错误:{deck}: 文件超过 1024 KB,太大了;请把题库拆成几个较小的文件。\n")


def test_duplicate_facet_names_are_refused(runner, mini_deck, tmp_path):
    """Two facets named alike gave two questions with one id; now it is one clear error."""
    deck = write_deck(tmp_path, mini_text(mini_deck).replace("核心标志", "特征"))
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误:{deck}:21: 条目“d1”的 facets 第 2 项的名称“特征”与第 1 项重复:"
        "同一定义的各个方面名称必须不同。\n"
    )


def test_duplicate_id_is_reported_once(runner, mini_deck, tmp_path):
    """An id used three times is one problem naming every place, not one per copy."""
    text = mini_text(mini_deck).replace("id: d1", "id: q1").replace("id: l1", "id: q1")
    deck = write_deck(tmp_path, text)
    result = runner.invoke(app, ["check", *MINI, str(deck)])
    assert result.exit_code == 1
    assert result.stderr == (f"错误:{deck}:24: 条目 id“q1”重复(已在 {deck}:7、{deck}:15 出现)。\n")


def test_same_file_named_twice_is_read_once(runner, mini_deck):
    """The deck given as a directory and as its file used to report every id as a duplicate."""
    result = runner.invoke(
        app, ["check", *MINI, str(mini_deck), "--content", str(mini_deck / "deck.yaml")]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok:5 条,2 个主题,1 个文件;已编译 ")


# --- 3. only regular files -----------------------------------------------------------------


@POSIX
def test_fifo_deck_is_refused_at_once(tmp_path, mini_deck):
    """A FIFO among the deck files hung `check` forever; now it is refused at once."""
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(mini_deck / "deck.yaml", folder / "a.yaml")
    os.mkfifo(folder / "b.yaml")
    result = study("check", *MINI, str(folder), timeout=20)
    assert result.returncode == 1
    assert result.stderr == f"错误:{folder / 'b.yaml'}: 是一个管道(FIFO),只能读取普通文件。\n"


@POSIX
def test_device_deck_is_refused_at_once(tmp_path):
    """A deck that is /dev/zero (here a symlink to it) read until memory ran out."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")

    def limit_memory() -> None:  # so the old behaviour fails fast instead of eating the box
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    result = study("check", *MINI, str(link), timeout=20, preexec_fn=limit_memory)
    assert result.returncode == 1
    assert result.stderr == f"错误:{link}: 是一个设备文件,只能读取普通文件。\n"


# --- 4. exports ------------------------------------------------------------------------------


@POSIX
def test_export_never_replaces_a_fifo(runner, mini_deck, tmp_path):
    """`export --force` replaced FIFOs and devices (as root, even /dev/null) with a file."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["export", *MINI, str(mini_deck), "-o", str(fifo), "--force"])
    assert result.exit_code == 1
    assert result.stderr == f"错误:{fifo} 是一个管道(FIFO),不是普通文件,不能写入或覆盖。\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("force", [False, True])
def test_export_never_replaces_a_symlink(runner, mini_deck, tmp_path, force):
    """A dangling symlink at -o was replaced even without --force; symlinks are never replaced."""
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    args = ["export", *MINI, str(mini_deck), "-o", str(link), *(["--force"] if force else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误:{link} 是指向 {tmp_path / 'elsewhere.json'} 的符号链接,没有覆盖。"
        "请直接给出要写入的文件。\n"
    )
    assert link.is_symlink() and not link.exists()


def test_export_to_a_directory_says_so(runner, mini_deck, tmp_path):
    """`-o somedir` said "already exists"; it now says it is a directory."""
    result = runner.invoke(app, ["export", *MINI, str(mini_deck), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误:{tmp_path} 是一个目录,请给出文件名")


@POSIX
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_export_follows_the_umask(runner, mini_deck, tmp_path, umask, mode):
    """Exports were always 0600; a new file now gets 0666 less the umask, like any write."""
    old = os.umask(umask)
    try:
        for fmt, name in (("json", "a.json"), ("markdown", "a.md")):
            target = tmp_path / name
            result = runner.invoke(
                app, ["export", *MINI, str(mini_deck), "-f", fmt, "-o", str(target)]
            )
            assert result.exit_code == 0, result.output
            assert stat.S_IMODE(target.stat().st_mode) == mode
    finally:
        os.umask(old)


def test_export_failure_leaves_no_temp_file(mini_deck, tmp_path):
    """A writer that fails (or is interrupted) leaves neither the target nor a hidden .tmp."""
    from studycli.export import write_atomic

    def interrupted(temp: Path) -> None:
        temp.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.json", interrupted)
    assert list(tmp_path.iterdir()) == []


# --- 5. data dir -----------------------------------------------------------------------------


def test_blank_data_dir_option_is_a_usage_error(runner, mini_deck, tmp_path, monkeypatch):
    """`--data-dir ""` wrote progress.db into the current directory with exit 0."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["stats", *MINI, str(mini_deck), "--data-dir", ""])
    assert result.exit_code == 2
    assert "不能为空。不给出此选项时使用默认的数据目录。" in result.stderr
    assert not (tmp_path / DB_NAME).exists()


def test_blank_data_dir_variable_is_ignored(runner, tmp_path, monkeypatch):
    """An empty STUDY_DATA_DIR means the default folder (the same rule as paths.given_dir)."""
    from studycli.paths import given_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STUDY_DATA_DIR", " ")
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / DB_NAME).exists()
    assert str(tmp_path / "xdg" / "studycli" / DB_NAME) in result.stdout
    assert given_dir("") is None and given_dir(" ") is None and given_dir("d") == Path("d")


def _make_read_only(path: Path) -> str:
    """Make ``path`` unwritable even for root (chattr +i); the undo command, or skip."""
    os.chmod(path, 0o444)
    if os.geteuid() != 0:
        return ""
    if shutil.which("chattr") is None:
        pytest.skip("root ignores file modes and chattr is missing")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("this file system has no immutable flag")
    return "chattr"


def test_read_only_database_fails_before_the_first_question(runner, mini_deck, isolated_env):
    """A read-only progress.db failed only after the first answer was typed."""
    assert runner.invoke(app, ["doctor"]).exit_code == 0
    path = isolated_env / DB_NAME
    undo = _make_read_only(path)
    try:
        result = runner.invoke(
            app, ["quiz", *MINI, str(mini_deck), "-n", "2", "--seed", "1"], input="a\nb\n"
        )
    finally:
        if undo:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        os.chmod(path, 0o644)
    assert result.exit_code == 1
    assert "第 1/2 题" not in result.stdout
    assert result.stderr.startswith(f"错误:进度数据库 {path} 无法写入(只读、磁盘已满或没有权限)")


def disk_full_after_first_answer(monkeypatch):
    """Store.record keeps the first answer, then fails as a full disk would; returns the
    original Store.record, to put back."""
    from studycli.errors import StoreError

    original = Store.record
    calls = []

    def full_disk(self, answer, review):
        calls.append(answer)
        if len(calls) > 1:
            raise StoreError("无法使用进度数据库:database or disk is full。")
        return original(self, answer, review)

    monkeypatch.setattr(Store, "record", full_disk)
    return original


def test_write_failure_in_json_mode_keeps_one_json_object(runner, mini_deck, monkeypatch):
    """A full disk mid-session left stdout empty in --json mode; now one object with "error"."""
    original = disk_full_after_first_answer(monkeypatch)
    result = runner.invoke(
        app, ["quiz", *MINI, str(mini_deck), "--json", "-n", "3", "--seed", "1"], input="a\nb\nc\n"
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["error"] == "无法使用进度数据库:database or disk is full。"
    assert [row["given"] for row in data["questions"]] == ["a", None, None]
    assert result.stderr == (
        "练习已停止:已保存 1 道题的作答,其余 2 题未作答。\n"
        "错误:无法使用进度数据库:database or disk is full。\n"
    )
    monkeypatch.setattr(Store, "record", original)
    stats = runner.invoke(app, ["stats", "--json", *MINI, str(mini_deck)])
    assert json.loads(stats.stdout)["reviews"] == 1


# --- 7. --now range ------------------------------------------------------------------------------


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59", "0001-01-01"])
@pytest.mark.parametrize("command", ["quiz", "review", "stats"])
def test_now_out_of_range_is_a_usage_error(runner, mini_deck, moment, command):
    """--now near year 1 or 9999 raised OverflowError (losing the answer in quiz and review)."""
    result = runner.invoke(app, [command, *MINI, str(mini_deck), "--now", moment], input="a\n")
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"错误:--now 的值“{moment}”超出范围:年份应在 1971 到 2999 之间。\n")


# --- 8. durability ----------------------------------------------------------------------------


def test_finished_session_is_in_the_database_file_alone(runner, mini_deck, isolated_env):
    """With another terminal open, answers stayed in progress.db-wal; a copy of the db lost them."""
    assert runner.invoke(app, ["doctor"]).exit_code == 0
    other = sqlite3.connect(isolated_env / DB_NAME)  # another session holding the database
    other.execute("SELECT count(*) FROM answers").fetchone()  # now it shares the WAL
    try:
        result = runner.invoke(
            app, ["quiz", *MINI, str(mini_deck), "-n", "3", "--seed", "1"], input="a\nb\nc\n"
        )
        assert result.exit_code == 0, result.output
        copy = isolated_env.parent / "copy.db"
        shutil.copy(isolated_env / DB_NAME, copy)  # the file alone, without -wal
        with sqlite3.connect(copy) as conn:
            assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 3
    finally:
        other.close()


def test_damage_during_a_session_stops_it(runner, mini_deck, isolated_env, monkeypatch):
    """Pages overwritten mid-quiz went unnoticed (answers written, exit 0); now the quiz stops."""
    original = Store.record

    def then_damage(self, answer, review):
        original(self, answer, review)
        with open(self.path, "r+b") as db:  # something else scribbles over the file
            db.seek(4096)
            db.write(b"\xff" * 8192)

    monkeypatch.setattr(Store, "record", then_damage)
    result = runner.invoke(
        app, ["quiz", *MINI, str(mini_deck), "-n", "3", "--seed", "1"], input="a\nb\nc\n"
    )
    path = isolated_env / DB_NAME
    assert result.exit_code == 1
    assert result.stderr == (
        "练习已停止:已保存 1 道题的作答,其余 2 题未作答。\n"
        f"错误:进度数据库 {path} 已损坏,无法读取。它在练习进行中被改动过,练习已停止;"
        "本次已保存的 1 条作答写在其中。运行 study doctor 可把它改名移到一旁(不会删除)"
        "并新建一个空的数据库。旧文件中完好的记录可用 sqlite3 的 .recover 命令取回。\n"
    )


def test_damage_since_the_last_clean_close_is_found_at_open(tmp_path):
    """A file changed after a clean close is quick-checked at open, before anything is written."""
    from studycli.memory.store import DamagedStoreError

    with Store.open(tmp_path):
        pass
    path = tmp_path / DB_NAME
    assert (tmp_path / (DB_NAME + "-clean")).exists()
    with open(path, "r+b") as db:
        db.seek(4096)
        db.write(b"\xff" * 4096)
    with pytest.raises(DamagedStoreError):
        Store.open(tmp_path)


# --- 6. signals ------------------------------------------------------------------------------


def _session(tmp_path: Path, mini_deck: Path) -> subprocess.Popen:
    """A real quiz process that has saved two answers and waits for the third."""
    env = {**os.environ, "STUDY_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "studycli", "quiz", *MINI, str(mini_deck), "-n", "5", "--seed", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    proc.stdin.write("甲\n乙\n")
    proc.stdin.flush()
    seen, deadline = "", time.monotonic() + 30
    while seen.count("出处:") + seen.count("✓ 正确") < 2 and time.monotonic() < deadline:
        seen += proc.stdout.readline()
    time.sleep(0.3)
    return proc


@POSIX
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_terminate_and_hangup_say_what_was_saved(tmp_path, mini_deck, signum):
    """SIGTERM and SIGHUP ended a session silently; now they say so and exit 128 + n."""
    proc = _session(tmp_path, mini_deck)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signum
    assert "已中断:已保存 2 道题的作答,其余 3 题未作答。" in stderr
    assert "Traceback" not in stderr
    path = tmp_path / "data" / DB_NAME
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 2


def _ours(stderr: str) -> bool:
    """True if a traceback in ``stderr`` passes through a studycli function.

    Before the first function of ours runs, the interpreter starts (runpy, importlib, site)
    and loads the entry module; on a loaded machine that takes a tenth of a second, and a
    signal there cannot be handled by any program. From studycli.launch.main on, all is.
    """
    marker = f"{os.sep}studycli{os.sep}"
    entry = [f"{marker}{name}.py" for name in ("__init__", "__main__", "launch")]
    for line in stderr.splitlines():
        if not (line.startswith('  File "') and marker in line):
            continue
        loading_entry = line.endswith("in <module>") and any(e + '"' in line for e in entry)
        if not loading_entry:
            return True
    return False


@POSIX
def test_ctrl_c_during_start_up_is_no_traceback(tmp_path):
    """Ctrl-C in the first fraction of a second printed a KeyboardInterrupt traceback."""
    env = {**os.environ, "STUDY_DATA_DIR": str(tmp_path / "data")}
    for delay in (0.05, 0.1, 0.15, 0.2, 0.3, 0.45):
        proc = subprocess.Popen(
            [sys.executable, "-m", "studycli", "quiz", "-n", "3"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
        if "Traceback" in stderr:  # only the interpreter's own start-up may show one
            assert not _ours(stderr), (delay, stderr)
            continue
        assert proc.returncode in (130, -signal.SIGINT), (delay, proc.returncode, stderr)


def test_launcher_maps_signals_to_exit_codes(monkeypatch):
    """The entry point turns the first signal received into 128 + its number."""
    from studycli import launch

    monkeypatch.setattr(launch, "_received", [])
    assert launch.exit_code(0) == 0 and launch.exit_code(None) == 0 and launch.exit_code(2) == 2
    monkeypatch.setattr(launch, "_received", [signal.SIGTERM])
    assert launch.exit_code(130) == 143
    monkeypatch.setattr(launch, "_received", [])
    with pytest.raises(KeyboardInterrupt) as caught:
        launch._on_terminate(signal.SIGHUP, None)
    assert isinstance(caught.value, launch.Terminated) and caught.value.signum == signal.SIGHUP
    assert launch.exit_code(130) == 128 + signal.SIGHUP


def test_ascii_only_output_is_no_traceback(mini_deck):
    """Found by the attack set: PYTHONIOENCODING=ascii crashed on the first Chinese character."""
    result = study("check", *MINI, str(mini_deck), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:5 \\u6761,2 \\u4e2a\\u4e3b\\u9898,1 \\u4e2a\\u6587\\u4ef6;")


def test_export_removes_temp_files_a_killed_export_left(runner, mini_deck, tmp_path):
    """A SIGKILL mid-export left a hidden .tmp for good; the next export removes stale ones."""
    target = tmp_path / "out.json"
    stale = tmp_path / ".out.json.abc123.tmp"
    fresh = tmp_path / ".out.json.def456.tmp"  # perhaps another export, still writing
    stale.write_text("half", encoding="utf-8")
    fresh.write_text("half", encoding="utf-8")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    result = runner.invoke(app, ["export", *MINI, str(mini_deck), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.json.def456.tmp", "out.json"]


def test_store_failure_in_cards_says_what_was_saved(runner, mini_deck, monkeypatch):
    """A write failure mid-`cards` printed only the error; now also how many cards were kept."""
    disk_full_after_first_answer(monkeypatch)
    result = runner.invoke(
        app, ["cards", *MINI, str(mini_deck), "-n", "3", "--seed", "1"], input="3\n3\n3\n"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "练习已停止:已保存 1 张卡的自评。\n错误:无法使用进度数据库:database or disk is full。\n"
    )


def test_json_error_before_the_first_question_is_one_json_object(runner, mini_deck):
    """--json failing before any question (unknown topic) still prints one JSON object."""
    result = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--json", "--topic", "人材"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["error"] and data["error"].startswith("没有主题“人材”。")
    assert result.stderr.startswith("错误:没有主题“人材”。")
    plain = runner.invoke(app, ["quiz", *MINI, str(mini_deck), "--topic", "人材"])
    assert plain.exit_code == 1 and plain.stdout == ""
