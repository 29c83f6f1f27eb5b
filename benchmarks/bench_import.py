"""`study import` on the seed articles and the generality set: structure, chrome, script, items.

    python benchmarks/bench_import.py            # the table (markdown) and timings
    python benchmarks/bench_import.py --questions DIR   # also write each draft and its questions

The texts are read from ../shared/ (not shipped). For each text: numbered lists recovered
with the right entries (against the lists below, written by hand from reading the texts),
chrome lines left in the cleaned text, Han characters changed in simplified input, items
drafted by kind, and questions `study quiz --json` makes from the draft.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from studycli.importer.ingest import import_article  # noqa: E402
from studycli.importer.topics import builtin_topics  # noqa: E402

# Each list as the first characters of each entry, in order (the entries a reader finds).
LISTS = {
    "articles/000_60834e77d2d30f85.txt": [
        ["加快培育", "加快打造", "大力推进科技", "大力推进数字", "大力发展", "创新相关"],
        ["进一步提升", "进一步完善", "创新数据"],
        # labels name the measure, not the opening 以…为导向 / 依托…优势 (examiner-import)
        ["加强数字", "加大对高端", "推进高校"],
        ["增强关键", "推进数字技术", "积极发展新型"],
        ["深化数字", "提升数字", "推进产业链", "优化数智"],
        ["有效发挥", "充分发挥", "完善产业政策"],
    ],
    "articles/004_46f25000791b86e7.txt": [
        ["高质量发展需要", "把握新质", "推动新质"],
        ["加快科技创新", "加快产业创新", "加快发展方式", "加快体制机制", "加快人才"],
        ["让创新成果", "制定科学", "加快培育现代化", "持续优化"],
        ["强化人才", "不断完善", "持续加大"],
        ["加强对企业", "更加重视", "引导社会"],
        ["进一步推进行政", "进一步推进教育", "进一步推进产业"],  # 首先…再是…最后
        ["科技创新能力", "要素配置", "产业链供应链", "高层次人才", "体制机制障碍"],
        ["何谓", "为何", "“一核两翼”"],
        ["抢占", "培育竞争", "蓄积"],
        ["经济转型", "创新驱动", "区域协调"],
    ],
    "articles-more/01_gov_report_2025.txt": [
        ["2024年工作回顾", "2025年经济社会", "2025年政府工作任务"],
        ["因时因势", "坚定不移", "大力推动", "统筹城乡", "积极发展社会", "持续加强", "加强政府"],
        [
            "大力提振",
            "因地制宜",
            "深入实施",
            "推动标志性",
            "扩大高水平",
            "有效防范",
            "着力抓好",
            "推进新型城镇化",
            "协同推进",
            "加大保障",
        ],
    ],
    "articles-more/04_shiwuwu_pdf.txt": [
        # "4." is glued to the end of a line of another column ("…增长42%4.  …")
        [
            "“十五五”时期具有",
            "战略机遇",
            "长期向好",
            "“十五五”时期经济",
            "坚持把发展",
            "增强国内",
            "发展具有",
            "加快建设",
            "边斗争",
        ],
        ["新方位", "新理念", "新任务", "新保障"],
        ["研发投入", "关键核心", "新兴产业", "人才创新", "中国式创新"],
    ],
    "articles-more/05_gov_report_2025_synthetic_messy.txt": [
        ["2024年工作回顾", "2025年经济社会"],
        ["因时因势", "坚定不移", "大力推动", "统筹城乡", "积极发展社会", "持续加强", "加强政府"],
    ],
}
SIMPLIFIED = {
    "articles/000_60834e77d2d30f85.txt",
    "articles-more/01_gov_report_2025.txt",
    "articles-more/04_shiwuwu_pdf.txt",
}
TRUTH = {
    "articles-more/05_gov_report_2025_synthetic_messy.txt": (
        "articles-more/05_gov_report_2025_synthetic_messy.truth.txt"
    )
}
# What page chrome looks like in these texts: a cleaned line matching this is chrome left.
CHROME = re.compile(
    r"^(Public domain|false|true|公有领域|网站首页|首页 >|大国新村)$|--- ?Page|责任编辑|"
    r"著作权法|维基文库|本作品|分享到|加入收藏|购物车|我的足迹|立即下载|共计\d+个字|<[a-z]+[ >]|"
    r"^-{3,}|^\d{1,3}$|图片来源"
)


def lists_recovered(structure, expected: list[list[str]]) -> int:
    """How many expected lists were recovered (drafted or not) with exactly the right entries."""
    found = 0
    for prefixes in expected:
        for _, labels, _ in structure:
            if len(labels) == len(prefixes) and all(
                label.startswith(prefix) for label, prefix in zip(labels, prefixes, strict=True)
            ):
                found += 1
                break
    return found


def han_added(original: str, cleaned: str) -> int:
    """Han characters the cleaned text has more of than the original: conversion's changes."""
    han = re.compile(r"[\u4e00-\u9fff]")
    extra = Counter(han.findall(cleaned)) - Counter(han.findall(original))
    return sum(extra.values())


def truth_difference(cleaned: str, truth: str) -> int:
    """Characters (outside whitespace) where the cleaned text differs from the known original."""
    a = re.sub(r"\s+", "", cleaned)
    b = re.sub(r"\s+", "", truth)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def questions_of(draft: Path, data: Path) -> int:
    """How many questions `study quiz --json` generates from a drafted deck alone."""
    env = dict(os.environ, STUDY_DATA_DIR=str(data))
    done = subprocess.run(
        [sys.executable, "-m", "studycli", "quiz", "--no-builtin", "-c", str(draft), "--json",
         "-n", "10000", "--seed", "1"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        return len(json.loads(done.stdout)["questions"])
    except (ValueError, KeyError):
        return 0


TITLE_000 = "以新质生产力为高质量发展注入强大动力"


def other_forms(folder: Path) -> dict[str, tuple[Path, str]]:
    """Texts the importer was not tuned on: the same articles saved as a Word file, a
    GB18030 web page with site chrome, and GB18030 text. name -> (file, list key)."""
    sys.path.insert(0, str(REPO / "tests"))
    from import_files import make_docx, make_html

    report = "articles-more/01_gov_report_2025.txt"
    lines = [x for x in (SHARED / report).read_text(encoding="utf-8").splitlines() if x]
    blocks = [
        ("h1" if re.match(r"[一二三四五六七八九十]+、", x) and len(x) < 30 else
         "h2" if re.match(r"（[一二三四五六七八九十]+）", x) and len(x) < 40 else "p", x)
        for x in lines if x not in ("Public domain", "false")
    ]  # fmt: skip
    seed = "articles/000_60834e77d2d30f85.txt"
    body = (SHARED / seed).read_text(encoding="utf-8").split("【学习金句】", 1)[1]
    paragraphs = ["## 学习金句"] + [p.strip() for p in body.splitlines() if p.strip()]
    pack = "articles-more/04_shiwuwu_pdf.txt"
    gb = folder / "04_shiwuwu_pdf.gb18030.txt"
    gb.write_bytes((SHARED / pack).read_text(encoding="utf-8").encode("gb18030"))
    return {
        "01 as .docx": (make_docx(folder / "01_gov_report_2025.docx", blocks), report),
        "000 as GB18030 web page": (
            make_html(folder / "000.html", TITLE_000, paragraphs, encoding="gb18030"),
            seed,
        ),
        "04 as GB18030 text": (gb, pack),
    }


def cli_seconds(path: Path, data: Path, runs: int = 3) -> list[float]:
    """Wall time of the whole `study import FILE -o D.yaml` command, start-up included."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "studycli", "import", str(path), "-o", str(data / "t.yaml"),
             "--force"],
            env=dict(os.environ, STUDY_DATA_DIR=str(data)), capture_output=True, check=True,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, help="write drafts and questions here")
    args = parser.parse_args()
    out_dir = args.questions or Path(tempfile.mkdtemp(prefix="bench-import-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    totals = Counter()
    known = builtin_topics()
    texts = {name: (SHARED / name, name) for name in LISTS}
    texts |= other_forms(out_dir)
    for label, (path, key) in texts.items():
        expected = LISTS[key]
        start = time.perf_counter()
        imported = import_article(path, known_topics=known)
        seconds = time.perf_counter() - start
        draft = out_dir / (path.stem + ".yaml")
        draft.write_text(imported.yaml(), encoding="utf-8")
        if args.questions:
            env = dict(os.environ, STUDY_DATA_DIR=str(out_dir / "data"))
            done = subprocess.run(
                [sys.executable, "-m", "studycli", "quiz", "--no-builtin", "-c", str(draft),
                 "--json", "-n", "10000", "--seed", "1"],
                env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
            )  # fmt: skip
            (out_dir / (path.stem + ".questions.json")).write_text(done.stdout, encoding="utf-8")
        recovered = lists_recovered(imported.draft.structure, expected)
        drafted = sum(1 for _, _, kept in imported.draft.structure if kept)
        cleaned = imported.cleaned.text
        chrome = [line for line in cleaned.splitlines() if CHROME.search(line)]
        original = (SHARED / key).read_text(encoding="utf-8")
        if key in SIMPLIFIED:
            changed = str(han_added(original, cleaned))
        elif key in TRUTH:
            truth = (SHARED / TRUTH[key]).read_text(encoding="utf-8")
            changed = f"– (differs from its clean original in {truth_difference(cleaned, truth)})"
        else:
            changed = "– (traditional)"
        kinds = imported.draft.counts()
        questions = questions_of(draft, out_dir / "data")
        totals.update(lists=len(expected), recovered=recovered, chrome=len(chrome))
        rows.append(
            f"| {label if label != key else path.name} | {len(cleaned):,} | "
            f"{recovered} / {len(expected)} | {drafted} | {len(chrome)} | {changed} | "
            f"{', '.join(f'{k} {n}' for k, n in kinds.items())} | {questions} | {seconds:.2f} |"
        )
        for line in chrome:
            print(f"chrome left in {path.name}: {line[:60]}", file=sys.stderr)
    print(
        "| text | cleaned chars | lists recovered | lists drafted | chrome lines left | "
        "Han chars changed in simplified input | items by kind | questions | import s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")  # fmt: skip
    print("\n".join(rows))
    print(
        f"\nlists recovered with the right entries: {totals['recovered']} of {totals['lists']} "
        f"({totals['recovered'] / totals['lists']:.0%}); chrome lines left: {totals['chrome']}"
    )
    report = (SHARED / "articles-more/01_gov_report_2025.txt").read_text(encoding="utf-8")
    big = out_dir / "01_three_times.txt"  # a 50,000-character article or more
    big.write_text("\n".join([report] * 3), encoding="utf-8")
    times = cli_seconds(big, out_dir / "data")
    print(
        f"`study import` of 01 three times ({len(big.read_text(encoding='utf-8')):,} "
        f"characters), whole command: {min(times):.2f}–{max(times):.2f} s over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
