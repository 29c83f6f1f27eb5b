"""Cleaning: script only where traditional, chrome removed and reported, bylines kept,
licence templates, GBK-as-UTF-8 mojibake, PDF layout in plain text."""

from __future__ import annotations

import json

from studycli.cli import app
from studycli.importer.cleaning import DAMAGE_MARK, clean_article


def test_simplified_text_passes_script_conversion_unchanged():
    """显著 in simplified text stays 显著 (tw2s would make it 显着); nothing is counted."""
    result = clean_article("显著提高，这是显著的成绩，决定着全局。\n")
    assert result.text == "显著提高，这是显著的成绩，决定着全局。\n"
    assert result.counts["繁体字"] == 0


def test_traditional_paragraph_is_converted_at_phrase_level():
    """A traditional line is converted as a whole (顯著 → 显著, 決定著 → 决定着)."""
    result = clean_article("顯著提高，這是顯著的成績，決定著全局。\n")
    assert result.text == "显著提高，这是显著的成绩，决定着全局。\n"
    assert result.counts["繁体字"] == 6


def test_one_stray_traditional_character_in_simplified_text():
    """A simplified paragraph with one traditional character has only that one converted."""
    result = clean_article("这是显著的成绩，我们要继续努力，把经济搞好，把發展搞好。\n")
    assert result.text == "这是显著的成绩，我们要继续努力，把经济搞好，把发展搞好。\n"


def test_web_chrome_lines_are_removed_each_with_its_line():
    """Share bars, word counts, shop links, HTML tags go; each removal is reported."""
    result = clean_article(
        "正文第一段。\n\n网友供稿 分享 时间：加入收藏 共计4211个字\n购物车\n我的足迹\n"
        '加入Vip免费下载 立即下载\nSUCAI198.COM 素材网\n<table id="x">\n正文第二段。\n'
    )
    assert result.text == "正文第一段。\n正文第二段。\n"
    assert [(r.line, r.reason) for r in result.removed] == [
        (3, "网页按钮或版权行"),
        (4, "网页按钮或版权行"),
        (5, "网页按钮或版权行"),
        (6, "网页按钮或版权行"),
        (7, "网页按钮或版权行"),
        (8, "HTML 标签"),
    ]


def test_bylines_become_metadata_not_text():
    """来源 and 作者 lines are kept as the article's metadata and reported, not drafted."""
    result = clean_article(
        "来源：人民网\n作者：张三\n\n发展新质生产力是推动高质量发展的内在要求。\n"
    )
    assert result.metadata == {"来源": "人民网", "作者": "张三"}
    assert result.text == "发展新质生产力是推动高质量发展的内在要求。\n"
    assert [r.reason for r in result.removed] == ["署名(记入文章信息)"] * 2


def test_wikisource_licence_block_at_the_end_is_removed():
    """The licence template cut into one word per line goes, line by line."""
    body = "\n\n".join(f"第{n}段正文，内容充实而完整。" for n in range(12))
    licence = (
        "本作品是中华人民共和国的\n法律\n、\n法规\n，属于\n公有领域\n。\n\n\nPublic domain\nfalse\n"
    )
    result = clean_article(body + "\n\n\n" + licence)
    assert "公有领域" not in result.text and "false" not in result.text
    assert "法规" not in result.text
    assert result.text.count("正文") == 12
    assert {r.reason for r in result.removed} == {"版权许可模板", "网页按钮或版权行"}


def test_gbk_read_as_utf8_is_marked_as_damage():
    """成果？！痹谛逻M (GBK bytes read the wrong way) is reported, not kept as text."""
    result = clean_article("他的成果？！痹谛逻M很大。\n")
    assert result.text == f"他的成果{DAMAGE_MARK}很大。\n"
    assert [(d.line, d.text) for d in result.damage] == [(1, "？！痹谛逻M")]


def test_genuine_exclamation_after_question_is_not_damage():
    """难道不是吗？！ in ordinary text is punctuation."""
    assert clean_article("难道不是吗？！我们要继续努力。\n").damage == ()


def test_pdf_markers_in_plain_text_are_handled():
    """Text extracted from a PDF (--- Page N --- markers): markers, bullets and doubled
    characters are repaired, hard-wrapped lines rejoined."""
    text = (
        "--- Page 1 ---\n"
        "•  定义：中华人民共和国国民经济和社会发展第十五个五年规划纲要的简称，2026-2030年\n"
        "实施\n"
        "•  编制流程：十十五五五五专专题题\n"
        "--- Page 2 ---\n"
        "•  历史沿革：从十一五起改为五年规划\n"
    )
    result = clean_article(text)
    assert result.text == (
        "定义：中华人民共和国国民经济和社会发展第十五个五年规划纲要的简称，2026-2030年实施\n"
        "编制流程：十五五专题\n"
        "历史沿革：从十一五起改为五年规划\n"
    )
    assert result.repaired == ((4, "十十五五五五专专题题", "十五五专题"),)
    assert [r.reason for r in result.removed] == ["PDF 页码或分页标记"] * 2


def test_report_json_has_removed_found_and_needs_human(runner, tmp_path):
    """--report json prints one JSON object: removals with lines, lists with entry counts,
    and what needs a human (damage, an unattributed quote)."""
    article = tmp_path / "a.txt"
    article.write_text(
        "网站首页 | 网站地图\n\n推进改革要抓好三件事：一是深化财税改革；二是完善金融体系；"
        "三是优化营商环境。\n\n有人说：“这是一个没有出处的很长的引语内容。”他的成果？！痹谛逻M很大。\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["import", str(article), "-o", str(out), "--report", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["removed"] == [{"line": 1, "reason": "导航行", "text": "网站首页 | 网站地图"}]
    assert report["lists"] == [{"id": "a-list-01", "name": "推进改革要抓好三件事", "entries": 3}]
    assert [(n["kind"], n["line"]) for n in report["needs_human"]] == [
        ("damage", 5),
        ("引文未找到说话人", 5),
    ]
    assert report["output"] == str(out) and out.is_file()


def test_report_json_needs_an_output_file(runner, tmp_path):
    """--report json without -o is a usage error (stdout would carry two things)."""
    article = tmp_path / "a.txt"
    article.write_text("正文。\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(article), "--report", "json"])
    assert result.exit_code == 2
    assert result.stderr == "错误:--report json 把报告写到标准输出,请同时用 -o 指定题库文件。\n"


def test_common_site_chrome_of_essay_sites_is_removed():
    """Location bars, counters, tag lines, recommendation blocks, URLs and disclaimers go;
    the article's sentences stay, 举报 inside a sentence included."""
    chrome = [
        "您当前的位置：首页 > 心得体会 > 学习心得",
        "【字体：大 中 小】",
        "扫描二维码分享到微信",
        "返回列表",
        "本文标签：新质生产力 心得体会",
        "相关推荐",
        "点击排行",
        "上一篇：学习二十大心得",
        "全文共3000字，阅读大约需要5分钟",
        "收藏本文",
        "举报",
        "更多>>",
        "阅读(1234)",
        "免责声明：本站内容来源于网络",
        "Copyright © 2024 范文网 All Rights Reserved",
        "第一范文网 www.diyifanwen.com",
        "https://www.example.com/a/123.html",
        "手机版",
    ]
    text = "\n".join([*chrome, "发布时间：2024-03-01 浏览次数：1234", "文章来源：人民网"])
    result = clean_article(text + "\n\n新质生产力是先进生产力。群众举报的问题要及时处理。\n")
    assert result.text == "新质生产力是先进生产力。群众举报的问题要及时处理。\n"
    assert result.metadata == {"发布时间": "2024-03-01", "来源": "人民网"}
    assert len(result.removed) == len(chrome) + 2


def test_three_doubled_characters_in_pdf_text_are_reported_not_repaired():
    """十十五五五五 (three pairs) may be real text: it stays, and the report asks a person."""
    result = clean_article("--- Page 1 ---\n编制流程：十十五五五五\n")
    assert result.text == "编制流程：十十五五五五\n"
    assert result.repaired == ()
    assert result.suspect == ((2, "十十五五五五"),)
