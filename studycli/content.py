"""Finding deck directories, safe YAML loading and validation with file and line."""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from studycli.errors import ContentError, TopicError
from studycli.model import (
    ITEM_CLASSES,
    Deck,
    Entry,
    Facet,
    Item,
    Part,
    Source,
    Term,
    Topic,
)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ENV_CONTENT = "STUDY_CONTENT"
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# Field specs: name -> (type, required). "str" accepts numbers and dates too,
# since YAML reads 5G as a string but 2024 and 2024-01-31 as other types.
_COMMON = {
    "id": ("str", True),
    "kind": ("str", True),
    "topics": ("strlist", True),
    "source": ("source", True),
    "draft": ("bool", False),
}
_FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    "quote": {
        "text": ("str", True),
        "speaker": ("str", True),
        "date": ("str", False),
        "occasion": ("str", False),
    },
    "definition": {
        "term": ("str", True),
        "meaning": ("str", True),
        "facets": ("facets", False),
    },
    "list": {
        "name": ("str", True),
        "entries": ("entries", True),
        "ordered": ("bool", False),
        "intro": ("str", False),
    },
    "framework": {
        "name": ("str", True),
        "summary": ("str", True),
        "parts": ("parts", True),
    },
    "fact": {
        "text": ("str", True),
        "subject": ("str", False),
        "figures": ("strlist", False),
    },
}
_NESTED = {
    "facets": (Facet, {"name": ("str", True), "text": ("str", True)}),
    "entries": (
        Entry,
        {"label": ("str", True), "text": ("str", True), "points": ("strlist", False)},
    ),
    "parts": (Part, {"role": ("str", True), "label": ("str", True), "text": ("str", False)}),
}


def builtin_content_dir() -> Path:
    """The deck shipped with studycli: inside the wheel, or the repository's content/."""
    here = Path(__file__).resolve().parent
    packaged = here / "_content"
    if packaged.is_dir():
        return packaged
    return here.parent / "content"


def content_paths(extra: Sequence[Path] = (), *, builtin: bool = True) -> list[Path]:
    """The built-in deck, then STUDY_CONTENT's directories, then ``extra`` (--content)."""
    paths = [builtin_content_dir()] if builtin else []
    env = os.environ.get(ENV_CONTENT, "")
    paths += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    paths += list(extra)
    return paths


def deck_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files in each path (a file or a directory), in a stable order."""
    files: list[Path] = []
    problems = []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not found:
                problems.append(f"{path}: 目录中没有 .yaml 文件。")
            files += found
        else:
            problems.append(f"{path}: 找不到这个文件或目录。")
    if problems:
        raise ContentError(problems)
    return files


def load_deck(paths: Sequence[Path] | None = None) -> Deck:
    """Load and validate every YAML file under ``paths``; ContentError lists all problems."""
    if paths is None:
        paths = content_paths()
    files = deck_files(paths)
    builder = _DeckBuilder()
    for file in files:
        builder.add_file(file)
    return builder.finish()


# --- topics -----------------------------------------------------------------


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def resolve_topic(deck: Deck, name: str) -> Topic:
    """The topic called ``name`` or one of its aliases; TopicError with a suggestion otherwise."""
    wanted = _fold(name)
    for topic in deck.topics:
        if wanted == _fold(topic.name) or wanted in {_fold(a) for a in topic.aliases}:
            return topic
    names = [topic.name for topic in deck.topics]
    known = {_fold(n): topic.name for topic in deck.topics for n in (topic.name, *topic.aliases)}
    close = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.4)
    hint = f"您是否要找“{known[close[0]]}”?" if close else ""
    listing = "、".join(names) if names else "(没有主题)"
    raise TopicError(f"没有主题“{name}”。{hint}\n可用的主题:{listing}")


# --- loading ------------------------------------------------------------------


@dataclass
class _Located:
    """A parsed YAML document and the line of every key and list element in it."""

    data: object
    lines: dict[tuple, int]


def _parse(file: Path) -> _Located:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([f"{file}: 不是 UTF-8 编码的文本(第 {exc.start} 字节)。"]) from exc
    except OSError as exc:
        raise ContentError([f"{file}: 无法读取:{exc.strerror}。"]) from exc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return _Located(None, {})
        lines: dict[tuple, int] = {}
        problems: list[str] = []
        _map_lines(node, (), lines, problems, file)
        if problems:
            raise ContentError(problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}" if mark else str(file)
        what = exc.problem or exc.context or "无法解析"
        raise ContentError([f"{where}: YAML 语法错误:{what}。"]) from exc
    except yaml.YAMLError as exc:
        raise ContentError([f"{file}: YAML 语法错误:{exc}。"]) from exc
    finally:
        loader.dispose()
    return _Located(data, lines)


def _map_lines(node, path: tuple, lines: dict, problems: list, file: Path) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(f"{file}:{line}: 键“{key}”重复出现(第一次在第 {seen[key]} 行)。")
            seen[key] = line
            lines[(*path, key)] = line
            _map_lines(value_node, (*path, key), lines, problems, file)
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _map_lines(child, (*path, index), lines, problems, file)


class _DeckBuilder:
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

    def add_file(self, file: Path) -> None:
        try:
            doc = _parse(file)
        except ContentError as exc:
            self.problems += exc.problems
            return
        self.files.append(str(file))
        file_check = _FileChecker(file, doc.lines, self.problems)
        data = doc.data
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
                self.problems.append(
                    f"{where}: 条目 id“{item.id}”重复(已在 {self.item_where[item.id]} 出现)。"
                )
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
        known = set(self.topics)
        folded: dict[str, str] = {}
        for topic in self.topics.values():
            for name in (topic.name, *topic.aliases):
                key = _fold(name)
                if key in folded and folded[key] != topic.name:
                    self.problems.append(
                        f"{self.topic_where.get(topic.name, '?')}: “{name}”同时是主题"
                        f"“{folded[key]}”和“{topic.name}”的名称或别名。"
                    )
                folded[key] = topic.name
        for topic, item_id, where in self.uses:
            if topic not in known:
                alias_of = folded.get(_fold(topic))
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
        return value

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
            out.append(str(element).strip())
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
        if kind not in _FIELDS:
            close = difflib.get_close_matches(kind, list(_FIELDS), n=1, cutoff=0.5)
            hint = f"您是否要写“{close[0]}”?" if close else ""
            self.fail(
                (*path, "kind"),
                f"{owner}的 kind“{kind}”未知。{hint}可用的 kind:{'、'.join(_FIELDS)}。",
            )
            return None
        spec = {**_COMMON, **_FIELDS[kind]}
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
        if len(self.problems) > before:
            return None
        values = {k: v for k, v in values.items() if v is not None}
        return ITEM_CLASSES[kind](**values)

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
        cls, fields = _NESTED[typ]
        if not isinstance(value, list) or not value:
            self.fail((*path, key), f"{owner}键“{key}”应是非空列表。")
            return None
        out = []
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
            if all(kwargs[name] is not None for name, (_, freq) in fields.items() if freq):
                out.append(cls(**{k: v for k, v in kwargs.items() if v is not None}))
        return tuple(out)
