"""Finding deck directories, safe YAML loading and validation with file and line."""

from __future__ import annotations

import os
import stat
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
    not_regular,
)
from studycli.deck.model import Deck
from studycli.deck.schema import DeckBuilder
from studycli.deck.topics import resolve_topic  # noqa: F401  (re-exported)
from studycli.errors import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Limits that keep a hostile or broken deck file from hanging or exhausting memory. The
# built-in deck's files are about 30 KB and 6 levels deep, so these leave ample room.
MAX_DECK_BYTES = 1 << 20  # per file
MAX_DEPTH = 64  # nesting of mappings and lists
# Size once every alias is expanded (a value counts 1 plus its length): alias bombs.
MAX_EXPANDED = 2 * MAX_DECK_BYTES


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


def read_limited(file: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ContentError otherwise, at once.

    Opened non-blocking and checked with fstat, so a FIFO or device swapped in after
    deck_files looked at it still cannot hang the read or feed it endless bytes.
    """
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ContentError([f"{file}: 无法读取:{exc.strerror}。"]) from None
    with os.fdopen(fd, "rb") as stream:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ContentError([f"{file}: {not_regular(mode)},只能读取普通文件。"])
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise ContentError([f"{file}: 无法读取:{exc.strerror}。"]) from None
    if len(data) > limit:
        raise ContentError(
            [f"{file}: 文件超过 {limit // 1024} KB,太大了;请把题库拆成几个较小的文件。"]
        )
    return data


class _Loader(_BaseLoader):
    """The safe loader, with values it cannot represent turned into errors with a line."""


def _refuse(problem: str):
    def construct(loader, node):
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)

    return construct


# Python prints at most 4,300 decimal digits (sys.get_int_max_str_digits); a hex or binary
# literal converts without that check, so it is bounded here by its size in bits instead.
MAX_INT_BITS = 14_000


def _checked(constructor, problem: str):
    """``constructor``, but a ValueError (2024-13-45, 5,000 digits) becomes a line error."""

    def construct(loader, node):
        try:
            value = constructor(loader, node)
            if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
                raise ValueError("too many digits")
            return value
        except (ValueError, OverflowError):
            value = str(node.value)
            shown = value if len(value) <= 40 else value[:40] + "…"
            raise yaml.constructor.ConstructorError(
                None, None, problem.format(shown), node.start_mark
            ) from None

    return construct


_SAFE = yaml.constructor.SafeConstructor
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _checked(_SAFE.construct_yaml_timestamp, "“{}”不是存在的日期或时间"),
)
_Loader.add_constructor(
    "tag:yaml.org,2002:int", _checked(_SAFE.construct_yaml_int, "整数“{}”位数太多或无法读取")
)
_Loader.add_constructor(
    "tag:yaml.org,2002:float", _checked(_SAFE.construct_yaml_float, "数“{}”无法读取")
)
_Loader.add_constructor(
    "tag:yaml.org,2002:binary", _refuse("不支持 !!binary 二进制值,请直接写文本")
)


def _parse(file: Path) -> _Located:
    data = read_limited(file, MAX_DECK_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([f"{file}: 不是 UTF-8 编码的文本(第 {exc.start} 字节)。"]) from exc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return _Located(None, {})
        lines: dict[tuple, int] = {}
        problems: list[str] = []
        _map_lines(node, lines, problems, file)
        if problems:
            raise ContentError(problems)
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f"{file}:{mark.line + 1}" if mark else str(file)
        raise ContentError([f"{where}: {exc.problem}。"]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}" if mark else str(file)
        what = exc.problem or exc.context or "无法解析"
        if "nesting depth" in what:  # libyaml's own limit, in English
            what = "嵌套层数太多"
        raise ContentError([f"{where}: YAML 语法错误:{what}。"]) from None
    except yaml.YAMLError as exc:
        raise ContentError([f"{file}: YAML 语法错误:{exc}。"]) from None
    except RecursionError:
        raise ContentError([f"{file}: 嵌套太深,无法读取(最多 {MAX_DEPTH} 层)。"]) from None
    finally:
        loader.dispose()
    return _Located(data, lines)


def _map_lines(root, lines: dict, problems: list, file: Path) -> None:
    """Record the line of every key path, visiting each node once (iteratively).

    An alias is the same node object as its anchor, so a node seen before is not walked
    again: a "billion laughs" deck costs its size, not its expansion. Its expanded size
    is still counted (once per node, memoised), as everything after loading walks the
    expanded data. Also refused here: nesting deeper than MAX_DEPTH, an alias inside its own
    anchor, a key that is a list or mapping, and a key written twice.
    """
    expanded: dict[int, int] = {}  # id(node) -> its size, aliases expanded
    on_path: set[int] = set()
    # Work items: (node, key path, depth, entering?)
    stack: list[tuple] = [(root, (), 1, True)]
    while stack:
        node, path, depth, entering = stack.pop()
        if not entering:
            on_path.discard(id(node))
            children = [v for pair in node.value for v in pair] if _is_map(node) else node.value
            expanded[id(node)] = 1 + sum(expanded.get(id(c)) or _size(c) for c in children)
            continue
        if id(node) in on_path:
            problems.append(
                f"{file}:{node.start_mark.line + 1}: 别名引用了包含它自己的内容(循环引用)。"
            )
            return
        lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in expanded or not isinstance(node, yaml.CollectionNode):
            continue
        if depth > MAX_DEPTH:
            problems.append(f"{file}:{node.start_mark.line + 1}: 嵌套超过 {MAX_DEPTH} 层。")
            return
        on_path.add(id(node))
        stack.append((node, path, depth, False))
        if _is_map(node):
            seen: dict[str, int] = {}
            for key_node, value_node in reversed(node.value):
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(f"{file}:{line}: 键应是文本,不能是列表或映射。")
                    continue
                key = key_node.value
                lines[(*path, key)] = line
                stack.append((value_node, (*path, key), depth + 1, True))
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key, line = key_node.value, key_node.start_mark.line + 1
                if key in seen:
                    problems.append(
                        f"{file}:{line}: 键“{key}”重复出现(第一次在第 {seen[key]} 行)。"
                    )
                else:
                    seen[key] = line
        else:
            for index in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[index], (*path, index), depth + 1, True))
    if problems:
        return
    total = expanded.get(id(root)) or _size(root)
    if total > MAX_EXPANDED:
        problems.append(
            f"{file}:{root.start_mark.line + 1}: 别名展开后的内容是文件本身的许多倍(超过"
            f" {MAX_EXPANDED // 1024} KB);请不要用别名层层复制内容。"
        )


def _size(node) -> int:
    """A scalar's size: 1 plus its length (collections are summed in _map_lines)."""
    return 1 + len(node.value) if isinstance(node, yaml.ScalarNode) else 1


def _is_map(node) -> bool:
    return isinstance(node, yaml.MappingNode)
