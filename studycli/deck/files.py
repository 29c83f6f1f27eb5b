"""Where a deck's YAML files are: the built-in deck, STUDY_CONTENT, --content (no YAML here)."""

from __future__ import annotations

import os
import stat
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
    seen: set[tuple[int, int]] = set()  # (device, inode): a file named twice is read once
    problems = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError:
            problems.append(f"{path}: 找不到这个文件或目录。")
            continue
        if stat.S_ISDIR(mode):
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not found:
                problems.append(f"{path}: 目录中没有 .yaml 文件。")
        else:
            found = [path]
        for file in found:
            try:
                info = file.stat()
            except OSError:
                problems.append(f"{file}: 找不到这个文件(可能是断开的符号链接)。")
                continue
            if not stat.S_ISREG(info.st_mode):
                problems.append(f"{file}: {not_regular(info.st_mode)},只能读取普通文件。")
            elif (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                files.append(file)
    if problems:
        raise ContentError(problems)
    return files


def not_regular(mode: int) -> str:
    """What a file of ``mode`` is, said for a message: 是一个管道(FIFO) …"""
    if stat.S_ISDIR(mode):
        return "是一个目录"
    if stat.S_ISFIFO(mode):
        return "是一个管道(FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "是一个设备文件"
    if stat.S_ISSOCK(mode):
        return "是一个套接字"
    return "不是普通文件"


def checksum(chunks: Iterable[bytes]) -> str:
    """64 bits of CRC-32 and Adler-32 over ``chunks``: for cache file names and change keys.

    Not SHA-256: hashlib (OpenSSL) costs ~3 ms of import on every warm start, and these
    keys guard against edits and other decks, not an adversary.
    """
    import zlib

    crc, adler = 0, 1
    for chunk in chunks:
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    return f"{crc:08x}{adler:08x}"


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's raw bytes."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_stamps(files: Sequence[Path]) -> list[list]:
    """[path, size, mtime_ns, sha256] of each file: what a compiled cache is keyed by."""
    out = []
    for file in files:
        info = file.stat()
        out.append([str(file), info.st_size, info.st_mtime_ns, file_sha256(file)])
    return out


def stamps_current(stored: Sequence[Sequence], files: Sequence[Path]) -> bool:
    """Whether ``files`` are those ``stored`` (file_stamps) and unchanged.

    Unchanged size and mtime are trusted; a changed stamp (a touch, a checkout) is
    confirmed by the bytes' SHA-256.
    """
    if [row[0] for row in stored] != [str(f) for f in files]:
        return False
    for (_, size, mtime_ns, sha), file in zip(stored, files, strict=True):
        info = file.stat()
        if (info.st_size, info.st_mtime_ns) == (size, mtime_ns):
            continue
        if info.st_size != size or file_sha256(file) != sha:
            return False
    return True
