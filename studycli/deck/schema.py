"""The deck's schema: field specs, and the builder that checks parsed YAML against them.

Every problem is collected with its file and line (the loader hands over the line of
every key path), so ``study check`` reports them all at once.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Sequence
from pathlib import Path

from studycli.deck.fields import COMMON, FIELDS, NESTED
from studycli.deck.model import (
    ITEM_CLASSES,
    Deck,
    Item,
    Source,
    Term,
    Topic,
)
from studycli.deck.topics import fold_name  # also imported from here (importer)
from studycli.errors import ContentError

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# C0 and C1 control characters other than tab and newline: ESC would let deck text
# drive the terminal (clear it, retitle it, fake other output).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DeckBuilder:
    """Collects topics, glossary and items from files, with every problem found."""

    def __init__(self) -> None:
        self.topics: dict[str, Topic] = {}
        self.topic_where: dict[str, str] = {}
        self.glossary: dict[str, Term] = {}
        self.articles: dict[str, str] = {}
        self.items: list[Item] = []
        self.item_where: dict[str, str] = {}
        self.uses: list[tuple[str, str, str]] = []  # (topic, item id, where)
        self.problems: list[str] = []
        self.files: list[str] = []
        self.clashes: dict[str, list[str]] = {}  # item id -> every place it is defined

    def add_file(self, file: Path, data: object, lines: dict[tuple, int]) -> None:
        """Check one parsed file (``lines``: the line of every key path) and keep its parts."""
        self.files.append(str(file))
        file_check = _FileChecker(file, lines, self.problems)
        if data is None:
            self.problems.append(f"{file}:1: 文件是空的。")
            return
        if not isinstance(data, dict):
            file_check.fail((), "文件顶层应是含 articles、topics、glossary、items 的映射。")
            return
        file_check.unknown_keys((), data, ["articles", "topics", "glossary", "items"])
        for index, raw in enumerate(file_check.list_of(("articles",), data.get("articles"))):
            self._add_article(file_check, ("articles", index), raw)
        for index, raw in enumerate(file_check.list_of(("topics",), data.get("topics"))):
            self._add_topic(file_check, ("topics", index), raw)
        for index, raw in enumerate(file_check.list_of(("glossary",), data.get("glossary"))):
            self._add_term(file_check, ("glossary", index), raw)
        for index, raw in enumerate(file_check.list_of(("items",), data.get("items"))):
            item = file_check.item(("items", index), raw)
            if item is None:
                continue
            where = file_check.where(("items", index, "id"))
            if item.id in self.item_where:
                self.clashes.setdefault(item.id, [self.item_where[item.id]]).append(where)
                continue
            self.item_where[item.id] = where
            self.items.append(item)
            for topic in item.topics:
                self.uses.append((topic, item.id, file_check.where(("items", index, "topics"))))

    def _add_article(self, check: _FileChecker, path: tuple, raw) -> None:
        if not isinstance(raw, dict):
            check.fail(path, "文章应是含 file 与 title 的映射。")
            return
        check.unknown_keys(path, raw, ["file", "title"])
        file = check.text(path, raw, "file", required=True)
        title = check.text(path, raw, "title", required=True)
        if file and title:
            self.articles[file] = title

    def _add_topic(self, check: _FileChecker, path: tuple, raw) -> None:
        if isinstance(raw, str):
            raw = {"name": raw}
        if not isinstance(raw, dict):
            check.fail(path, "主题应是名称,或含 name、aliases 的映射。")
            return
        check.unknown_keys(path, raw, ["name", "aliases", "description"])
        name = check.text(path, raw, "name", required=True)
        aliases = check.text_list(path, raw, "aliases") or ()
        description = check.text(path, raw, "description")
        if not name:
            return
        if name in self.topics:
            old = self.topics[name]
            merged = tuple(dict.fromkeys((*old.aliases, *aliases)))
            self.topics[name] = Topic(name, merged, old.description or description)
        else:
            self.topics[name] = Topic(name, tuple(aliases), description)
            self.topic_where[name] = check.where(path)

    def _add_term(self, check: _FileChecker, path: tuple, raw) -> None:
        if isinstance(raw, str):
            raw = {"term": raw}
        if not isinstance(raw, dict):
            check.fail(path, "术语应是文本,或含 term、aliases 的映射。")
            return
        check.unknown_keys(path, raw, ["term", "aliases"])
        term = check.text(path, raw, "term", required=True)
        aliases = check.text_list(path, raw, "aliases") or ()
        if term:
            old = self.glossary.get(term)
            merged = tuple(dict.fromkeys((*(old.aliases if old else ()), *aliases)))
            self.glossary[term] = Term(term, merged)

    def finish(self) -> Deck:
        for item_id, places in self.clashes.items():  # one problem per clashing id
            self.problems.append(
                f"{places[-1]}: 条目 id“{item_id}”重复(已在 {'、'.join(places[:-1])} 出现)。"
            )
        known = set(self.topics)
        folded: dict[str, str] = {}
        for topic in self.topics.values():
            for name in (topic.name, *topic.aliases):
                key = fold_name(name)
                if key in folded and folded[key] != topic.name:
                    self.problems.append(
                        f"{self.topic_where.get(topic.name, '?')}: “{name}”同时是主题"
                        f"“{folded[key]}”和“{topic.name}”的名称或别名。"
                    )
                folded[key] = topic.name
        for topic, item_id, where in self.uses:
            if topic not in known:
                alias_of = folded.get(fold_name(topic))
                if alias_of:
                    hint = f"请写主题名“{alias_of}”(“{topic}”是它的别名)。"
                else:
                    close = difflib.get_close_matches(topic, sorted(known), n=1, cutoff=0.4)
                    hint = f"您是否要写“{close[0]}”?" if close else "请先在 topics 中声明它。"
                self.problems.append(f"{where}: 条目“{item_id}”的主题“{topic}”未声明。{hint}")
        if self.problems:
            raise ContentError(self.problems)
        return Deck(
            topics=tuple(self.topics.values()),
            glossary=tuple(self.glossary.values()),
            items=tuple(self.items),
            files=tuple(self.files),
            where=dict(self.item_where),
            articles=dict(self.articles),
        )


class _FileChecker:
    """Type checks for one file's data, each problem with file and line."""

    def __init__(self, file: Path, lines: dict[tuple, int], problems: list[str]):
        self.file = file
        self.lines = lines
        self.problems = problems

    def where(self, path: tuple) -> str:
        while path and path not in self.lines:
            path = path[:-1]
        return f"{self.file}:{self.lines.get(path, 1)}"

    def fail(self, path: tuple, message: str) -> None:
        self.problems.append(f"{self.where(path)}: {message}")

    def unknown_keys(
        self, path: tuple, data: dict, allowed: Sequence[str], owner: str = ""
    ) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
                hint = f"您是否要写“{close[0]}”?" if close else f"可用的键:{'、'.join(allowed)}。"
                self.fail((*path, key), f"{owner}未知的键“{key}”。{hint}")

    def list_of(self, path: tuple, value) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, f"“{path[-1]}”应是列表。")
            return []
        return value

    def text(self, path: tuple, data: dict, key: str, *, required: bool = False, owner: str = ""):
        value = data.get(key)
        if value is None:
            if required:
                self.fail(path, f"{owner}缺少必填的键“{key}”。")
            return None
        if isinstance(value, bool) or isinstance(value, (list, dict)):
            self.fail((*path, key), f"{owner}键“{key}”应是文本。")
            return None
        if isinstance(value, (_dt.date, _dt.datetime)):
            value = value.isoformat()
        value = str(value).strip()
        if not value:
            self.fail((*path, key), f"{owner}键“{key}”不能为空。")
            return None
        if not self.printable((*path, key), value, f"{owner}键“{key}”"):
            return None
        return value

    def printable(self, path: tuple, value: str, what: str) -> bool:
        """False (and a problem) if ``value`` holds a control character a terminal would obey."""
        bad = _CONTROL.search(value)
        if bad:
            self.fail(path, f"{what}含控制字符 U+{ord(bad.group()):04X},请删去。")
        return bad is None

    def text_list(
        self, path: tuple, data: dict, key: str, *, required: bool = False, owner: str = ""
    ):
        value = data.get(key)
        if value is None:
            if required:
                self.fail(path, f"{owner}缺少必填的键“{key}”。")
            return None
        if not isinstance(value, list):
            self.fail((*path, key), f"{owner}键“{key}”应是文本列表,例如 [{value}]。")
            return None
        out = []
        for index, element in enumerate(value):
            if isinstance(element, (list, dict, bool)) or element is None:
                self.fail((*path, key, index), f"{owner}“{key}”的第 {index + 1} 项应是文本。")
                continue
            text = str(element).strip()
            if self.printable((*path, key, index), text, f"{owner}“{key}”的第 {index + 1} 项"):
                out.append(text)
        return tuple(out)

    def item(self, path: tuple, raw) -> Item | None:
        if not isinstance(raw, dict):
            self.fail(path, "条目应是映射(id、kind、topics、source 等键)。")
            return None
        before = len(self.problems)
        item_id = self.text(path, raw, "id", required=True, owner="条目")
        owner = f"条目“{item_id}”" if item_id else "条目"
        if item_id and not ID_PATTERN.match(item_id):
            self.fail((*path, "id"), f"{owner}的 id 只能含字母、数字和 _ . -。")
        kind = self.text(path, raw, "kind", required=True, owner=owner)
        if kind is None:
            return None
        if kind not in FIELDS:
            close = difflib.get_close_matches(kind, list(FIELDS), n=1, cutoff=0.5)
            hint = f"您是否要写“{close[0]}”?" if close else ""
            self.fail(
                (*path, "kind"),
                f"{owner}的 kind“{kind}”未知。{hint}可用的 kind:{'、'.join(FIELDS)}。",
            )
            return None
        spec = {**COMMON, **FIELDS[kind]}
        self.unknown_keys(path, raw, list(spec), owner=owner)
        values = {}
        for key, (typ, required) in spec.items():
            if key == "kind":
                continue
            values[key] = self._value(path, raw, key, typ, required, owner)
        if values.get("topics") == ():
            self.fail((*path, "topics"), f"{owner}没有主题:topics 至少要有一项。")
        if kind == "fact":
            for figure in values.get("figures") or ():
                if values.get("text") and figure not in values["text"]:
                    self.fail((*path, "figures"), f"{owner}的 figures“{figure}”不在 text 中。")
            for figure, _ in values.get("aliases") or ():
                if figure not in (values.get("figures") or ()):
                    self.fail((*path, "aliases"), f"{owner}的 aliases“{figure}”不是 figures 之一。")
        if len(self.problems) > before:
            return None
        values = {k: v for k, v in values.items() if v is not None}
        return ITEM_CLASSES[kind](**values)

    def _alias_map(self, path: tuple, value, owner: str):
        """A fact's ``aliases``: figure → list of other wordings graded as equal."""
        sub = (*path, "aliases")
        if not isinstance(value, dict):
            self.fail(sub, f"{owner}键“aliases”应是映射:figure → 其他说法的列表。")
            return None
        out = []
        for figure in value:
            names = self.text_list(sub, value, figure, required=True, owner=owner)
            if names is not None:
                out.append((str(figure), names))
        return tuple(out)

    def _value(self, path: tuple, raw: dict, key: str, typ: str, required: bool, owner: str):
        if typ == "str":
            return self.text(path, raw, key, required=required, owner=owner)
        if typ == "strlist":
            return self.text_list(path, raw, key, required=required, owner=owner)
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(path, f"{owner}缺少必填的键“{key}”。")
            return None
        if typ == "aliasmap":
            return self._alias_map(path, value, owner)
        if typ == "bool":
            if not isinstance(value, bool):
                self.fail((*path, key), f"{owner}键“{key}”应是 true 或 false。")
                return None
            return value
        if typ == "source":
            if not isinstance(value, dict):
                self.fail((*path, key), f"{owner}键“source”应是含 article 与 section 的映射。")
                return None
            sub = (*path, key)
            self.unknown_keys(sub, value, ["article", "section"], owner=f"{owner}的 source ")
            article = self.text(sub, value, "article", required=True, owner=f"{owner}的 source ")
            section = self.text(sub, value, "section", required=True, owner=f"{owner}的 source ")
            return Source(article, section) if article and section else None
        cls, fields = NESTED[typ]
        if not isinstance(value, list) or not value:
            self.fail((*path, key), f"{owner}键“{key}”应是非空列表。")
            return None
        out = []
        facet_names: dict[str, int] = {}
        for index, element in enumerate(value):
            sub = (*path, key, index)
            label = f"{owner}的 {key} 第 {index + 1} 项"
            if not isinstance(element, dict):
                self.fail(sub, f"{label}应是映射(键:{'、'.join(fields)})。")
                continue
            self.unknown_keys(sub, element, list(fields), owner=label)
            kwargs = {}
            for name, (ftyp, freq) in fields.items():
                kwargs[name] = self._value(sub, element, name, ftyp, freq, label)
            if typ == "facets" and kwargs["name"] is not None:
                # A facet's name is part of its questions' ids: two alike would clash.
                if kwargs["name"] in facet_names:
                    self.fail(
                        (*sub, "name"),
                        f"{label}的名称“{kwargs['name']}”与第 {facet_names[kwargs['name']]}"
                        " 项重复:同一定义的各个方面名称必须不同。",
                    )
                    continue
                facet_names[kwargs["name"]] = index + 1
            if all(kwargs[name] is not None for name, (_, freq) in fields.items() if freq):
                out.append(cls(**{k: v for k, v in kwargs.items() if v is not None}))
        return tuple(out)
