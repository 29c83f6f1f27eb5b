"""Finding deck directories, safe YAML loading and validation with file and line."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from studycli.deck.model import Deck, Topic
from studycli.deck.schema import DeckBuilder, fold_name
from studycli.errors import ContentError, TopicError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ENV_CONTENT = "STUDY_CONTENT"


def builtin_content_dir() -> Path:
    """The deck shipped with studycli: inside the wheel, or the repository's content/."""
    package = Path(__file__).resolve().parent.parent  # studycli/
    packaged = package / "_content"
    if packaged.is_dir():
        return packaged
    return package.parent / "content"


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
    builder = DeckBuilder()
    for file in files:
        try:
            doc = _parse(file)
        except ContentError as exc:
            builder.problems += exc.problems
            continue
        builder.add_file(file, doc.data, doc.lines)
    return builder.finish()


# --- topics -----------------------------------------------------------------


def resolve_topic(deck: Deck, name: str) -> Topic:
    """The topic called ``name`` or one of its aliases; TopicError with a suggestion otherwise."""
    wanted = fold_name(name)
    for topic in deck.topics:
        if wanted == fold_name(topic.name) or wanted in {fold_name(a) for a in topic.aliases}:
            return topic
    names = [topic.name for topic in deck.topics]
    known = {
        fold_name(n): topic.name for topic in deck.topics for n in (topic.name, *topic.aliases)
    }
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
