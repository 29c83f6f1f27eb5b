"""Web-page chrome: navigation, buttons, site names, licence templates, HTML tags, bylines.

Article text is never removed silently: every rule here gives a reason, and the cleaner
reports each removal with its source line. Bylines (来源, 作者, 日期) are kept as the
article's metadata, not thrown away and not drafted as items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERMINAL = set("。！？；：…")


@dataclass(frozen=True)
class Removal:
    """Text removed as web-page chrome or site boilerplate, with why and where."""

    line: int
    reason: str
    text: str


_NAV_SEPARATOR = re.compile(r"\s[|｜]\s|\s?[>＞›»]\s")
_EDITOR = re.compile(r"^[\[【（(]?\s*(责任编辑|编辑|校对|审核|审校|监制|终审)\s*[:：]")
_BYLINE = re.compile(
    r"^[\[【（(]?\s*(?:文章)?(?P<key>来源|作者|发布时间|发布日期|日期|稿源|出处)\s*[:：]\s*"
    r"(?P<value>.*?)[\]】）)]?$"
)
_CAPTION = re.compile(r"(配图|插图|图片)$|^(图为|图片来源)")
_BUTTONS = re.compile(
    r"分享到|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇|版权所有|Copyright|ICP备|相关阅读|"
    r"相关新闻|购物车|我的足迹|加入收藏|立即下载|免费下载|加入Vip|VIP会员|网友供稿|"
    r"共计\s*\d+\s*个?字|登录|注册|客户端|微信公众号|点击(查看|进入|下载)|阅读原文|"
    r"全文共\s*\d+\s*字|阅读大约需要|本文标签|免责声明[:：]|推荐度[:：]|浏览次数|阅读次数|点击数[:：]|"
    r"阅读[（(]\d+[）)]|评论[（(]\d+[）)]|All Rights Reserved|www\.|https?://|二维码|关注公众号|"
    r"猜你喜欢|您当前的位置|当前位置[:：]|字体[:：]\s*大|更多\s*[>＞»]{1,2}|关于我们|联系我们|网站地图|"
    r"[A-Za-z0-9-]+\.(?:COM|com|CN|cn|NET|net|ORG|org)(?![A-Za-z])",
)
_SINGLE_WORD_CHROME = re.compile(
    r"^(分享|收藏|点赞|评论|打印|下载|首页|返回|更多|关闭|顶部|推荐|热门|标签|举报|手机版|"
    r"收藏本文|打印本文|下载文档|下载本文|相关推荐|热门文章|热门推荐|点击排行|返回列表|精彩推荐|"
    r"true|false|null|none|undefined|Public domain|公有领域)$",
    re.I,
)
_FILLER = re.compile(r"小编|希望[能会]?对(大家|您|你)有所帮助|仅供参考")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,2000})?/?>")
_LICENCE = re.compile(
    r"本作品|著作权法|公有领域|Public domain|维基文库|Wikisource|许可协议|CC BY|CC-BY|知识共享|"
    r"Creative Commons|GNU|转载请注明|版权归",
    re.I,
)


def chrome_reason(line: str) -> str | None:
    """Why a (simplified) line is web-page chrome rather than article text, or None."""
    text = line.strip()
    if not text or len(text) > 60:
        return None
    parts = [p for p in _NAV_SEPARATOR.split(text) if p.strip()]
    if len(parts) >= 2 and all(len(p.strip()) <= 10 for p in parts):
        return "导航行"
    if _EDITOR.match(text) and len(text) <= 30:
        return "编辑署名行"
    if len(text) <= 40 and _CAPTION.search(text) and not set("。！？；") & set(text):
        return "配图说明"
    if _BUTTONS.search(text) and len(text) <= 40:
        return "网页按钮或版权行"
    if _SINGLE_WORD_CHROME.match(text):
        return "网页按钮或版权行"
    if not _TAG.sub("", text).strip() and _TAG.search(text):
        return "HTML 标签"
    return None


def byline_of(line: str) -> tuple[str, str] | None:
    """(key, value) when a short line is a byline (来源：… 作者：… 日期：…)."""
    text = line.strip()
    if len(text) > 40:
        return None
    match = _BYLINE.match(text)
    value = (
        re.split(r"\s+(?=浏览|阅读|点击|来源|作者|编辑)", match.group("value").strip())[0]
        if match
        else ""
    )
    if not value:
        return None
    return match.group("key"), value


def strip_tags(text: str) -> tuple[str, int]:
    """Text with inline HTML tags removed, and how many were."""
    return _TAG.subn("", text)


def drop_filler(text: str) -> tuple[str, list[str]]:
    """Remove site boilerplate sentences (小编 …) from a cleaned line."""
    if not _FILLER.search(text):
        return text, []
    sentences = re.findall(r"[^。！？]*[。！？]|[^。！？]+$", text)
    kept = [s for s in sentences if not _FILLER.search(s)]
    dropped = [s for s in sentences if _FILLER.search(s)]
    return "".join(kept), dropped


def licence_start(lines: list[tuple[int, str]]) -> int | None:
    """Index where a licence template at the end of the text begins (Wikisource's), or None.

    A licence line in the last third of the text, with little text after it, starts the
    block; the block starts earlier if the lines just before it are fragments of it.
    """
    total = len(lines)
    for index in range(total * 2 // 3, total):
        if not _LICENCE.search(lines[index][1]):
            continue
        after = sum(len(text) for _, text in lines[index:])
        if after > 1500:
            continue
        start = index
        # the template is cut into fragments: walk back over short lines up to a blank gap
        while start > 0 and lines[start - 1][1] and not _TERMINAL & set(lines[start - 1][1][-1:]):
            if len(lines[start - 1][1]) > 40:
                break
            start -= 1
        return start
    return None


def drop_site_names(cleaned: list[tuple[int, str]], removed: list[Removal]) -> None:
    """A short bare line between two chrome lines near the top is the site's name (大国新村)."""
    chrome_lines = {r.line for r in removed if r.reason == "导航行"}
    if not chrome_lines:
        return
    content = [(i, number, text) for i, (number, text) in enumerate(cleaned) if text]
    for k, (i, number, text) in enumerate(content[:3]):
        if len(text) > 10 or _TERMINAL & set(text) or re.search(r"[，,]", text):
            continue
        before = _next_chrome(cleaned, i, -1, chrome_lines)
        after = _next_chrome(cleaned, i, 1, chrome_lines)
        if before and after and k < 3:
            removed.append(Removal(number, "网站名", text))
            cleaned[i] = (number, "")


def _next_chrome(cleaned, i: int, step: int, chrome_lines: set[int]) -> bool:
    j = i + step
    while 0 <= j < len(cleaned):
        number, text = cleaned[j]
        if number in chrome_lines:
            return True
        if text:
            return False
        j += step
    return False
