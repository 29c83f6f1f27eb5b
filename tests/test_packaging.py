"""The wheel carries the deck, and the start-up path stays light."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import REPO


def test_wheel_contains_the_content(tmp_path):
    """`pip install .` must give a working `study summary`: the YAML ships inside the wheel."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("studycli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("studycli/_content/") and n.endswith(".yaml"))
    in_repo = sorted(f"studycli/_content/{p.name}" for p in (REPO / "content").glob("*.yaml"))
    assert shipped == in_repo and shipped
    assert "studycli/cli/app.py" in names


def test_help_and_summary_do_not_import_heavy_libraries():
    """`study --help` and `study summary` load neither jieba, opencc, fsrs, genanki nor text."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from studycli.cli import app\n"
        "r = CliRunner()\n"
        "assert r.invoke(app, ['--help']).exit_code == 0\n"
        "res = r.invoke(app, ['summary'])\n"
        "assert res.exit_code == 0, res.output\n"
        "heavy = [m for m in ('jieba', 'opencc', 'fsrs', 'genanki', 'studycli.text')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_readme_yaml_example_is_a_valid_deck(tmp_path):
    """The YAML example in the README loads as it stands, one item of each kind."""
    import re

    from studycli.deck.loader import load_deck

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    path = tmp_path / "readme.yaml"
    path.write_text(block, encoding="utf-8")
    deck = load_deck([path])
    assert sorted(item.kind for item in deck.items) == sorted(
        ["quote", "definition", "list", "framework", "fact"]
    )


def test_readme_set_up_lines_match_ci():
    """CI runs exactly the README's test line."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install . && study summary" in readme
    assert 'pip install ".[test]" && pytest' in readme
    assert '\npip install ".[test]" && pytest\n' in ci
