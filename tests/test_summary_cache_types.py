"""A compiled summary that is JSON with the right key but values of the wrong types is
compiled again (never a traceback), and `study check` rewrites it."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES

from studycli.cli import app
from studycli.render.summary_cache import summary_path, well_formed

MINI = ["--no-builtin", "--content"]


@pytest.fixture
def deck_dir(tmp_path):
    """A copy of the mini deck."""
    folder = tmp_path / "deck"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def _plain(d):
    d["plain"] = {k: 5 for k in d["plain"]}


def _entry_lines_gone(d):
    del d["entries"][0]["lines"]


def _span_text(d):
    d["entries"][0]["lines"][0][2] = [["a", "b", 1]]


TAMPER = {
    "plain-ints": _plain,
    "entries-str": lambda d: d.update(entries="x"),
    "lines-missing": _entry_lines_gone,
    "line-short": lambda d: d["entries"][0]["lines"].__setitem__(0, [1, 2]),
    "span-types": _span_text,
    "topics-dict": lambda d: d.update(topics={"a": 1}),
    "aliases-int": lambda d: d["topics"][0].__setitem__(1, 3),
    "articles-list": lambda d: d.update(articles=[1]),
    "fact-str": lambda d: d["entries"][0].update(fact="no"),
    "entry-topics-none": lambda d: d["entries"][0].update(topics=None),
}


def _summary(runner, deck_dir, *extra):
    return runner.invoke(app, ["summary", *MINI, str(deck_dir), *extra])


@pytest.mark.parametrize("tamper", TAMPER.values(), ids=TAMPER.keys())
def test_wrong_types_are_compiled_again(runner, deck_dir, isolated_env, tamper):
    """`study summary` over a tampered file prints what it printed before, exit 0, nothing on
    stderr, and leaves a well-formed file behind."""
    first = _summary(runner, deck_dir)
    assert first.exit_code == 0, first.output
    topical = _summary(runner, deck_dir, "--topic", "人才")
    path = summary_path(isolated_env / "cache", [deck_dir])
    data = json.loads(path.read_text(encoding="utf-8"))
    tamper(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for expected, extra in ((first, ()), (topical, ("--topic", "人才"))):
        result = _summary(runner, deck_dir, *extra)
        assert result.exit_code == 0, result.output
        assert result.stdout == expected.stdout and result.stderr == ""
    assert well_formed(json.loads(path.read_text(encoding="utf-8")))


def test_check_rewrites_the_summary_cache(runner, deck_dir, isolated_env):
    """`study check` compiles the summary anew: a tampered file is replaced by a good one."""
    assert _summary(runner, deck_dir).exit_code == 0
    path = summary_path(isolated_env / "cache", [deck_dir])
    good = json.loads(path.read_text(encoding="utf-8"))
    bad = dict(good, entries="x")
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["check", *MINI, str(deck_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:") and result.stderr == ""
    rewritten = json.loads(path.read_text(encoding="utf-8"))
    assert well_formed(rewritten) and rewritten["entries"] == good["entries"]


def test_well_formed_accepts_what_compile_gives(runner, deck_dir, isolated_env):
    """The checker says yes to every file the compiler writes (else every run would compile)."""
    assert _summary(runner, deck_dir).exit_code == 0
    path = summary_path(isolated_env / "cache", [deck_dir])
    assert well_formed(json.loads(path.read_text(encoding="utf-8")))
    assert not well_formed({"topics": [], "articles": {}, "entries": [{}]})
