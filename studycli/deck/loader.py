"""Finding deck directories, safe YAML loading and validation with file and line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

# Finding the files and resolving topic names need no YAML: they live apart, so a warm
# quiz start (which reads the compiled question bank) never imports yaml.
from studycli.deck.files import (  # noqa: F401  (re-exported)
    ENV_CONTENT,
    builtin_content_dir,
    content_paths,
    deck_files,
)
from studycli.deck.model import Deck
from studycli.deck.schema import DeckBuilder
from studycli.deck.topics import resolve_topic  # noqa: F401  (re-exported)
from studycli.errors import ContentError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
