"""The verbatim check: quotes must be in their article, seen through script, width and pinyin."""

from __future__ import annotations

import textwrap

import pytest

from studycli.deck.loader import load_deck
from studycli.deck.sources import check_quotes
from studycli.errors import ContentError
from studycli.text import compare_key

RAW_004 = (
    "什麼是新質(zhì)生產(chǎn)力?習近平總書記指出:“概括地說,,新質(zhì)生產(chǎn)力是創(c"
    "huàng)新起主導作用,,擺脫傳統(tǒng)經(jīng)濟增長方式,、生產(chǎn)力發(fā)展路徑。”"
)


def quote_deck(tmp_path, text: str, article: str):
    """A one-quote deck citing ``article``."""
    path = tmp_path / "deck.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            topics: [内涵]
            items:
              - id: q1
                kind: quote
                text: {text}
                speaker: 习近平
                topics: [内涵]
                source: {{article: {article}, section: 一}}
            """
        ),
        encoding="utf-8",
    )
    return load_deck([path])


@pytest.fixture
def sources(tmp_path):
    """A source directory with a traditional, pinyin-annotated article and a simplified one."""
    directory = tmp_path / "src"
    directory.mkdir()
    (directory / "trad.txt").write_text(RAW_004, encoding="utf-8")
    (directory / "simp.txt").write_text(
        "科技创新能够催生新产业、新模式、新动能,是发展新质生产力的核心要素。"
    )
    return directory


def test_compare_key_sees_through_pinyin_script_width_and_doubled_commas():
    """The source's 發(fā)展 ,, and half-width commas compare equal to clean simplified text."""
    assert compare_key("新質(zhì)生產(chǎn)力是創(chuàng)新起主導作用,,擺脫") == compare_key(
        "新质生产力是创新起主导作用，摆脱"
    )
    assert compare_key("方式,、生產(chǎn)力") == compare_key("方式、生产力")
    assert compare_key("高 质 量") == "高质量"


def test_compare_key_keeps_meaningful_characters():
    """Punctuation width is folded but words are not: 高效率 is not 高效能."""
    assert compare_key("高效率") != compare_key("高效能")
    assert compare_key("，") == compare_key(",")


def test_true_quote_passes_in_both_scripts(tmp_path, sources):
    """A verbatim quote passes written simplified or traditional, with either comma width."""
    simplified = "新质生产力是创新起主导作用，摆脱传统经济增长方式、生产力发展路径。"
    traditional = "新質生產力是創新起主導作用,擺脫傳統經濟增長方式、生產力發展路徑。"
    for text in (simplified, traditional):
        report = check_quotes(quote_deck(tmp_path, text, "trad.txt"), sources)
        assert report.quotes == 1
    half_width = "科技创新能够催生新产业、新模式、新动能,是发展新质生产力的核心要素。"
    full_width = "科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。"
    for text in (half_width, full_width):
        assert check_quotes(quote_deck(tmp_path, text, "simp.txt"), sources).quotes == 1


def test_altered_quote_fails_with_file_and_line(tmp_path, sources):
    """Changing one word makes the check fail, naming the item's file and line."""
    deck = quote_deck(tmp_path, "科技创新能够催生新产业、新业态、新动能。", "simp.txt")
    with pytest.raises(ContentError) as info:
        check_quotes(deck, sources)
    assert info.value.problems == [
        f"{tmp_path / 'deck.yaml'}:3: 引文“q1”不在原文 simp.txt 中。"
        "请逐字核对原文(标点宽度、繁简与空白不计)。"
    ]


def test_quote_in_the_other_article_points_there(tmp_path, sources):
    """A quote cited to the wrong article says where it really is."""
    deck = quote_deck(tmp_path, "科技创新能够催生新产业", "trad.txt")
    with pytest.raises(ContentError) as info:
        check_quotes(deck, sources)
    assert "它出现在 simp.txt 中,请改正 source。" in info.value.problems[0]


def test_missing_article_and_missing_dir(tmp_path, sources):
    """A cited article not in the directory, and a directory that does not exist, are errors."""
    deck = quote_deck(tmp_path, "科技创新", "gone.txt")
    with pytest.raises(ContentError) as info:
        check_quotes(deck, sources)
    assert f"引用的文章 gone.txt 不在 {sources} 中。" in info.value.problems[0]
    with pytest.raises(ContentError) as info:
        check_quotes(deck, tmp_path / "nowhere")
    assert info.value.problems == [f"{tmp_path / 'nowhere'}: 找不到原文目录。"]
