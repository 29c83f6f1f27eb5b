"""No traceback, hang or runaway on hostile imports: cost linear in text length, limits."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studycli.cli import app
from studycli.errors import ExportError
from studycli.importer import ingest
from studycli.importer.cleaning import clean_article
from studycli.importer.readers import decode_text


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def test_cleaning_cost_is_linear_in_a_single_long_line():
    """A line 8× longer takes well under 8² = 64× the time to clean (here: under 20×)."""
    unit = "发展新质生产力是推动高质量发展的内在要求和重要着力点,"
    small = _seconds(lambda: clean_article(unit * 500))
    large = _seconds(lambda: clean_article(unit * 4000))
    assert large < max(small, 0.05) * 20


def test_many_short_lines_and_a_long_quote_finish_quickly(tmp_path, runner):
    """200,000 short lines and a 100 KB quotation import in seconds, with exit 0."""
    lines = tmp_path / "lines.txt"
    lines.write_text("短行\n" * 200_000, encoding="utf-8")
    quote = tmp_path / "quote.txt"
    quote.write_text("习近平总书记指出：“" + "发展新质生产力" * 15_000 + "”\n", encoding="utf-8")
    for path in (lines, quote):
        start = time.perf_counter()
        result = runner.invoke(
            app, ["import", str(path), "-o", str(tmp_path / "d.yaml"), "--force"]
        )
        assert result.exit_code == 0, result.output
        assert time.perf_counter() - start < 30


def test_text_over_the_character_limit_is_refused(tmp_path, runner, monkeypatch):
    """An article longer than the character limit is refused with its length and a hint."""
    monkeypatch.setattr(ingest, "MAX_CHARS", 1000)
    path = tmp_path / "long.txt"
    path.write_text("发展新质生产力。" * 200, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误:{path} 有 1,600 个字符,超过一次导入的上限 1,000;请按章节分成几个文件导入。\n"
    )


@settings(max_examples=60, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash_the_decoder(data):
    """Any bytes decode to text or raise an ExportError with a sentence, nothing else."""
    try:
        text, encoding = decode_text(data, "x.txt")
    except ExportError as exc:
        assert str(exc).endswith("。")
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=40, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.text(alphabet=st.sampled_from(
    list("一二三是要第（）()、.1①•—“”\"?？！,，。：:；\n #<>/aé發展显著〔〕\ufffd\f\t")
), max_size=300))  # fmt: skip
def test_random_text_never_crashes_cleaning_or_drafting(text):
    """Markers, quotes, punctuation and damage in any order clean and draft without error."""
    from studycli.importer.drafting import draft_deck

    cleaned = clean_article(text)
    draft_deck(cleaned, "x.txt")


def test_long_runs_of_digits_punctuation_and_markers_stay_fast():
    """50,000 digits in a line (once quadratic in the figure pattern), 100,000 question
    marks and unbalanced parentheses clean and draft in seconds."""
    from studycli.importer.drafting import draft_deck

    for text in ("1234567890" * 5000, "?" * 100_000, "(" * 50_000 + "中" + ")" * 50_000):
        elapsed = _seconds(lambda text=text: draft_deck(clean_article(text), "x.txt"))
        assert elapsed < 10
