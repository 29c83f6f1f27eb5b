"""Loader and validator: every problem named with file and line."""

from __future__ import annotations

import textwrap

import pytest

from studycli.deck.loader import load_deck, resolve_topic
from studycli.deck.model import Definition, Fact, Framework, ListItem, Quote
from studycli.errors import ContentError, TopicError

HEAD = """\
topics:
  - name: 人才
    aliases: [人力资本]
  - 产业
"""


def write(tmp_path, body: str, name: str = "deck.yaml"):
    """Write a deck file (HEAD + body) and return its path."""
    path = tmp_path / name
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def problems(path) -> list[str]:
    """The problems load_deck reports for ``path``."""
    with pytest.raises(ContentError) as info:
        load_deck([path])
    return info.value.problems


def test_mini_deck_loads_every_kind(mini_deck):
    """The fixture deck yields one item of each kind, typed and in file order."""
    deck = load_deck([mini_deck])
    kinds = [type(item) for item in deck.items]
    assert kinds == [Quote, Definition, ListItem, Framework, Fact]
    quote = deck.items[0]
    assert quote.date == "2024-01-31"  # an unquoted YAML date is kept as ISO text
    assert deck.items[1].facets[0].name == "特征"
    assert deck.items[3].roles() == ["一核", "两翼"]
    assert [t.term for t in deck.glossary] == ["新质生产力", "全要素生产率"]


def test_unknown_key_names_file_line_and_suggestion(tmp_path):
    """A misspelt key is reported with its file, line and the key it probably meant."""
    path = write(
        tmp_path,
        """\
        items:
          - id: q1
            kind: quote
            text: 一句话
            speakr: 某人
            topics: [人才]
            source: {article: a.txt, section: 一}
        """,
    )
    found = problems(path)
    assert f"{path}:9: 条目“q1”未知的键“speakr”。您是否要写“speaker”?" in found
    assert f"{path}:6: 条目“q1”缺少必填的键“speaker”。" in found


def test_wrong_type_and_missing_topic(tmp_path):
    """A string where a list belongs, and an empty topics list, are both reported."""
    path = write(
        tmp_path,
        """\
        items:
          - id: l1
            kind: list
            name: 清单
            entries: 不是列表
            topics: []
            source: {article: a.txt, section: 一}
        """,
    )
    found = problems(path)
    assert f"{path}:9: 条目“l1”键“entries”应是非空列表。" in found
    assert f"{path}:10: 条目“l1”没有主题:topics 至少要有一项。" in found


def test_duplicate_ids_across_files(tmp_path):
    """The same id in two files names both places."""
    item = """\
    items:
      - id: same
        kind: fact
        text: 一个事实
        topics: [产业]
        source: {article: a.txt, section: 一}
    """
    first = write(tmp_path, item, "a.yaml")
    write(tmp_path, item, "b.yaml")
    found = problems(tmp_path)
    second = tmp_path / "b.yaml"
    assert found == [f"{second}:6: 条目 id“same”重复(已在 {first}:6 出现)。"]


def test_undeclared_topic_suggests_the_close_one(tmp_path):
    """A topic typo is caught with a did-you-mean; an alias used as a topic names the topic."""
    path = write(
        tmp_path,
        """\
        items:
          - id: f1
            kind: fact
            text: 一个事实
            topics: [人材, 人力资本]
            source: {article: a.txt, section: 一}
        """,
    )
    found = problems(path)
    assert f"{path}:9: 条目“f1”的主题“人材”未声明。您是否要写“人才”?" in found
    assert (
        f"{path}:9: 条目“f1”的主题“人力资本”未声明。请写主题名“人才”(“人力资本”是它的别名)。"
        in found
    )


def test_yaml_syntax_error_has_line(tmp_path):
    """Broken YAML is one message with the file and line, not a traceback."""
    path = tmp_path / "bad.yaml"
    path.write_text("items:\n  - id: x\n    text: [不闭合\n", encoding="utf-8")
    found = problems(path)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:4: YAML 语法错误:")


def test_duplicate_yaml_key_is_reported(tmp_path):
    """PyYAML would silently keep the last of two equal keys; the loader refuses."""
    path = write(
        tmp_path,
        """\
        items:
          - id: f1
            kind: fact
            text: 第一
            text: 第二
            topics: [产业]
            source: {article: a.txt, section: 一}
        """,
    )
    assert problems(path) == [f"{path}:9: 键“text”重复出现(第一次在第 8 行)。"]


def test_unknown_kind_and_bad_figure(tmp_path):
    """An unknown kind lists the kinds; a figure not in its text is caught."""
    path = write(
        tmp_path,
        """\
        items:
          - id: x1
            kind: qoute
            topics: [产业]
            source: {article: a.txt, section: 一}
          - id: x2
            kind: fact
            text: 投入3.05万亿元
            figures: [3.5万亿元]
            topics: [产业]
            source: {article: a.txt, section: 一}
        """,
    )
    found = problems(path)
    assert found[0] == (
        f"{path}:7: 条目“x1”的 kind“qoute”未知。您是否要写“quote”?"
        "可用的 kind:quote、definition、list、framework、fact。"
    )
    assert found[1] == f"{path}:13: 条目“x2”的 figures“3.5万亿元”不在 text 中。"


def test_missing_path_and_empty_dir(tmp_path):
    """A path that does not exist, or holds no YAML, is a content error naming it."""
    missing = tmp_path / "nope"
    assert problems(missing) == [f"{missing}: 找不到这个文件或目录。"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert problems(empty) == [f"{empty}: 目录中没有 .yaml 文件。"]


def test_not_utf8(tmp_path):
    """A file in another encoding says so."""
    path = tmp_path / "gbk.yaml"
    path.write_bytes("items: 中文".encode("gbk"))
    assert problems(path)[0].startswith(f"{path}: 不是 UTF-8 编码的文本")


def test_resolve_topic_by_name_alias_and_suggestion(mini_deck):
    """Topics resolve by name or alias; an unknown one suggests and lists."""
    deck = load_deck([mini_deck])
    assert resolve_topic(deck, "人才").name == "人才"
    assert resolve_topic(deck, " 人力资本 ").name == "人才"
    with pytest.raises(TopicError) as info:
        resolve_topic(deck, "人材")
    assert str(info.value) == "没有主题“人材”。您是否要找“人才”?\n可用的主题:人才、产业"


def test_alias_collision_is_an_error(tmp_path):
    """One alias cannot stand for two topics."""
    path = tmp_path / "deck.yaml"
    path.write_text(
        "topics:\n  - {name: 人才, aliases: [人力]}\n  - {name: 产业, aliases: [人力]}\n",
        encoding="utf-8",
    )
    assert problems(path) == [f"{path}:3: “人力”同时是主题“人才”和“产业”的名称或别名。"]
