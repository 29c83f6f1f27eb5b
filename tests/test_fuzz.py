"""Fuzzing the `study` command (issue 15): never a traceback, never a hang.

Random decks generated from the YAML schema (valid and broken), random YAML text, random
answers and random option values go through the real commands (CliRunner). Hypothesis runs
derandomized with a bounded number of examples, so the suite stays fast and repeatable.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studycli.cli import app
from studycli.deck.fields import COMMON, FIELDS, NESTED

FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TOPICS = ["甲", "乙", "[/x]"]
NASTY = [
    "[/x]",
    "[bold]粗[/bold]",
    "[link=file:///etc/passwd]x",
    "\x1b[2J\x1b]0;title\x07",
    "\x00\x08\x7f\x9b",
    "2024-13-45",
    "9" * 5000,
    "~",
    "",
    " ",
    "新质生产力",
    "高科技、高效能、高质量",
    "100项",
    "a" * 300,
]
scalars = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.none(),
    st.dates(),
    st.floats(allow_nan=True),
)
junk = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.text(max_size=5), scalars, max_size=3),
)
words = st.one_of(st.sampled_from(NASTY[5:] + TOPICS), st.text(min_size=1, max_size=12))


def field(typ: str) -> st.SearchStrategy:
    """A value for a field of schema type ``typ``: usually well-formed, sometimes junk."""
    if typ == "str":
        good = words
    elif typ == "strlist":
        good = st.lists(words, max_size=3)
    elif typ == "bool":
        good = st.booleans()
    elif typ == "source":
        good = st.fixed_dictionaries({"article": words, "section": words})
    elif typ == "aliasmap":  # a fact's figure → other ways to write it
        good = st.dictionaries(words, st.lists(words, max_size=2), max_size=2)
    else:
        _, fields = NESTED[typ]
        element = st.fixed_dictionaries({name: field(ftyp) for name, (ftyp, _) in fields.items()})
        good = st.lists(element, min_size=1, max_size=3)
    return st.one_of(good, good, good, junk)


@st.composite
def items(draw) -> dict:
    """One item of a random kind, its fields from the schema, some dropped or renamed."""
    kind = draw(st.sampled_from([*FIELDS, "bogus"]))
    spec = {**COMMON, **FIELDS.get(kind, {})}
    item: dict = {"id": draw(st.one_of(st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True), junk))}
    item["kind"] = kind
    item["topics"] = draw(
        st.one_of(st.lists(st.sampled_from(TOPICS), min_size=1, max_size=2), junk)
    )
    for key, (typ, _) in spec.items():
        if key not in item:
            item[key] = draw(field(typ))
    for key in draw(st.sets(st.sampled_from(sorted(spec)), max_size=2)):
        item.pop(key, None)
    if draw(st.booleans()) and draw(st.booleans()):
        item[draw(st.text(max_size=6))] = draw(junk)  # an unknown key
    return item


decks = st.fixed_dictionaries(
    {
        "topics": st.one_of(st.just(TOPICS), junk),
        "glossary": st.one_of(st.lists(words, max_size=3), junk),
        "items": st.one_of(st.lists(items(), max_size=4), junk),
    }
)


def assert_clean(result, codes=(0, 1, 2)) -> None:
    """No Python exception escaped (only SystemExit), and the exit code is a deliberate one."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in codes, result.output
    if result.exit_code == 1:
        assert "错误:" in result.stderr


def write(text: str) -> Path:
    """A deck file with ``text`` in a fresh temp folder."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    path = folder / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@FUZZ
@given(deck=decks)
def test_random_schema_decks_never_crash(runner, deck):
    """Decks built from the schema, valid or broken: check, topics and a quiz exit cleanly."""
    path = write(yaml.safe_dump(deck, allow_unicode=True))
    for args in (["check"], ["topics"], ["quiz", "--json", "-n", "3", "--seed", "1"]):
        result = runner.invoke(app, [*args, "--no-builtin", "--content", str(path)], input="x\n")
        assert_clean(result)
        if args[0] == "quiz" and result.exit_code == 0:
            assert json.loads(result.stdout)["total"] >= 1


@FUZZ
@given(
    text=st.one_of(st.text(max_size=200), st.sampled_from(["x: &a [*a]", "{[]: 1}", "!!binary x"]))
)
def test_random_yaml_text_never_crashes(runner, text):
    """Any text as a deck file: `check` says ok or names the problem, never a traceback."""
    path = write(text)
    assert_clean(runner.invoke(app, ["check", "--no-builtin", "--content", str(path)]))


@settings(FUZZ, max_examples=15)
@given(answers=st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=30)), max_size=3))
def test_random_answers_never_crash(runner, mini_deck, answers):
    """Any answers, markup and control characters included, are graded and saved as text."""
    lines = [a.replace("\r", " ").replace("\n", " ") for a in answers]
    text = "".join(line + "\n" for line in lines)
    result = runner.invoke(
        app,
        ["quiz", "--no-builtin", "--content", str(mini_deck), "-n", "3", "--seed", "2"],
        input=text,
    )
    assert_clean(result, codes=(0,))
    assert "\x1b" not in result.stdout
    assert result.stdout.count("你的答案>") == len(lines)  # a long answer wraps after the prompt


OPTION_VALUES = st.one_of(
    st.sampled_from(["", " ", "0", "-1", "1e9", "99999999999999999999", "[/x]", "\x1b[2J", "."]),
    st.sampled_from(["9999-12-31T23:59:59", "0001-01-01", "2024-02-30", "2024-01-01T00:00+14:00"]),
    st.text(max_size=10),
    st.integers().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
)


@FUZZ
@given(
    command=st.sampled_from(
        [
            ["quiz", "--json", "-n"],
            ["quiz", "--json", "--seed"],
            ["quiz", "--json", "--now"],
            ["quiz", "--json", "--kind"],
            ["quiz", "--json", "--topic"],
            ["review", "--json", "--now"],
            ["cards", "--now"],
            ["stats", "--now"],
            ["mistakes", "--limit"],
            ["stats", "--data-dir"],
            ["summary", "--topic"],
            ["export", "-f"],
        ]
    ),
    value=OPTION_VALUES,
)
def test_random_option_values_never_crash(runner, mini_deck, tmp_path, command, value):
    """Any value for any option: it works, or it is a usage error or a user error."""
    if command[-1] == "--data-dir" and value.strip() and value.strip("/"):
        value = str(tmp_path / "dirs" / value.replace("\x00", "").replace("/", "_"))
    args = [*command, value, "--no-builtin", "--content", str(mini_deck)]
    assert_clean(runner.invoke(app, args, input="a\n"))


EVERY_COMMAND = [
    ["summary", "--no-pager"],
    ["topics"],
    ["check"],
    ["quiz", "-n", "3", "--seed", "4"],
    ["quiz", "--json", "-n", "2", "--seed", "5"],
    ["cards", "-n", "2", "--seed", "1"],
    ["review", "-n", "2"],
    ["mistakes"],
    ["stats"],
    ["export", "-f", "markdown"],
]


@settings(FUZZ, max_examples=8)
@given(nasty=st.one_of(st.sampled_from(NASTY[:5]), st.text(min_size=1, max_size=8)))
def test_user_text_through_every_command(runner, mini_deck, nasty):
    """Markup, escapes and control characters in a topic name, a speaker and the answers:
    every command prints them as text (or refuses the deck by line), never a traceback."""
    quoted = json.dumps(nasty, ensure_ascii=True)  # a YAML double-quoted scalar
    text = (mini_deck / "deck.yaml").read_text(encoding="utf-8")
    text = text.replace("  - 产业\n", f"  - {quoted}\n").replace("[产业]", f"[{quoted}]")
    text = text.replace("[人才, 产业]", f"[人才, {quoted}]").replace("习近平", quoted, 1)
    path = write(text)
    for command in EVERY_COMMAND:
        result = runner.invoke(
            app,
            [*command, "--no-builtin", "--content", str(path)],
            input=f"{nasty}\n3\n{nasty}\n".replace("\r", ""),
        )
        assert_clean(result)
        assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
