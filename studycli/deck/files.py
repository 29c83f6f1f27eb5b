"""Where a deck's YAML files are: the built-in deck, STUDY_CONTENT, --content (no YAML here)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from studycli.errors import ContentError

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
