"""The `study` command: the Typer app and its commands, one module per group.

Command modules are imported only when their command runs or shows its help (see
app.StudyGroup); the table below names each command's module, help panel and one-line
help, so `study --help` imports none of them. tests/test_lazy_commands.py checks the
table against the commands the modules register: a new command is added here too.
"""

from __future__ import annotations

from studycli.cli.app import StudyGroup, app

# In the order a learner meets them: name → (module, panel, one-line help = the first
# paragraph of the command's docstring).
COMMANDS = {
    "summary": ("content_cmds", "阅读", "按文章与章节分组显示要点:金句、定义、清单、框架与数据。"),
    "topics": ("content_cmds", "阅读", "列出所有主题、别名与条目数。"),
    "quiz": (
        "quiz_cmds",
        "练习",
        "做测验:逐题作答、即时反馈,结束时按主题给出成绩。每道题答完即保存。",
    ),
    "cards": (
        "review_cmds",
        "练习",
        "刷闪卡:先到期的,再新的。看正面,回车翻面,再自评 1 重来 / 2 困难 / 3 良好 / 4 简单。",
    ),
    "review": (
        "review_cmds",
        "练习",
        "间隔复习(FSRS):先考今天到期的题和闪卡,再学新题(每天有上限)。",
    ),
    "accept": (
        "variants_cmds",
        "练习",
        "我答对了:把最近一次判错的答案改判为正确,并记住它是此题可接受的答案。",
    ),
    "exam": (
        "exam_cmds",
        "考试",
        "模拟考试:按题型分部分、满分 100 分、限时作答,交卷后统一评分。",
    ),
    "challenge": (
        "challenge_cmds",
        "考试",
        "挑战答题:单选题,每题限时,答错或超时即结束;保留并显示最佳纪录。",
    ),
    "plan": (
        "plan_cmds",
        "考试",
        "备考计划:到考试日学完全部题目并达到目标记忆把握,每天要新学多少、复习多少。",
    ),
    "mistakes": (
        "progress_cmds",
        "进度",
        "错题本:最近一次答错或只答对一部分的题,附题目、你的答案与正确答案,最新的在前。",
    ),
    "stats": (
        "progress_cmds",
        "进度",
        "学习统计:各主题掌握度与正确率、每日答题数、今天与 7 天内到期数、连续学习天数,"
        "以及最近 12 周的热力图。",
    ),
    "variants": (
        "variants_cmds",
        "进度",
        "列出你认可过的答案(“我答对了”):评分时对同一道题按正确计;--remove 撤销。",
    ),
    "doctor": (
        "progress_cmds",
        "进度",
        "检查进度数据库:完整性、路径、大小、答题记录数与结构版本;损坏时改名移开并新建。",
    ),
    "check": (
        "content_cmds",
        "题库",
        "校验题库的每个 YAML 文件(出错时给出文件与行号),并重新编译题库。",
    ),
    "questions": (
        "bank_cmds",
        "题库",
        "列出编译好的题库:题号、条目、题型、题面、答案、选项或空格、质量标记。",
    ),
    "import": ("io_cmds", "题库", "清理一篇文章并起草题库 YAML(条目都标为 draft: true)。"),
    "export": ("export_cmds", "题库", "导出题库:json、Anki 卡组或可打印的 Markdown 学习单。"),
}
StudyGroup.table = COMMANDS


def load_all_commands() -> list:
    """Import every command module; app.registered_commands in the table's order (for tests
    and tools that walk all commands)."""
    from importlib import import_module

    for module, _, _ in COMMANDS.values():
        import_module(f"studycli.cli.{module}")
    order = list(COMMANDS)
    return sorted(
        app.registered_commands,
        key=lambda c: (
            order.index(c.name or c.callback.__name__)
            if (c.name or c.callback.__name__) in COMMANDS
            else len(order)
        ),
    )


def main() -> None:
    """Entry point of the `study` console script."""
    app()
