"""Every user-visible string can be translated: pylupdate5 must be able to read each tr() call.

pylupdate5 only understands plain string literals. It silently mangles backslash escapes such
as ``\\u201c`` (it extracts ``u201c``), so such a string never matches its translation at run
time; an f-string or a variable inside tr() is looked up after formatting and never matches.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "up42_qgis").rglob("*.py"))
# \uXXXX, \UXXXXXXXX, \xXX, \N{...} and octal escapes: pylupdate5 drops the backslash.
UNREADABLE_ESCAPE = re.compile(r"\\(?:u|U|x|N\{|[0-7])")


def _tr_calls(tree: ast.AST) -> list[ast.Call]:
    def is_tr(func: ast.expr) -> bool:
        return (isinstance(func, ast.Name) and func.id == "tr") or (
            isinstance(func, ast.Attribute) and func.attr == "tr"
        )

    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and is_tr(n.func)]


def _problems(source: str, name: str) -> list[str]:
    problems = []
    for call in _tr_calls(ast.parse(source)):
        where = f"{name}:{call.lineno}"
        plural = len(call.args) == 3  # tr("%Ln scene(s)", "", n): a plural message
        if len(call.args) not in (1, 3) or call.keywords:
            problems.append(f"{where}: tr() takes one string literal (or literal, \"\", n)")
            continue
        if plural and not (
            isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str)
        ):
            problems.append(f"{where}: a plural tr() takes a literal disambiguation")
            continue
        argument = call.args[0]
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            problems.append(f"{where}: tr() of a non-literal ({type(argument).__name__})")
            continue
        literal = ast.get_source_segment(source, argument) or ""
        if UNREADABLE_ESCAPE.search(literal):
            problems.append(f"{where}: escape sequence pylupdate5 cannot read: {literal}")
    return problems


def test_the_scan_finds_the_plugin_strings() -> None:
    # Guards the guard: if the scan found nothing, the test below would pass vacuously.
    calls = [c for path in SOURCES for c in _tr_calls(ast.parse(path.read_text("utf-8")))]
    assert len(calls) >= 3


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_tr_calls_are_extractable(path: Path) -> None:
    assert _problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))) == []


def test_the_checker_catches_what_pylupdate5_cannot_read() -> None:
    bad = 'tr("Order \\u201c{name}\\u201d")\ntr(f"{n} scenes")\ntr(message)\ntr("fine “quotes”")\n'
    problems = _problems(bad, "bad.py")
    assert [p.split(":")[1] for p in problems] == ["1", "2", "3"]


TS_FILES = sorted((ROOT / "i18n").glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _translations(ts_file: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every finished message."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            source = message.findtext("source", "")
            forms = [f.text or "" for f in translation.iter("numerusform")]  # plural forms
            for text in forms or ([translation.text] if translation.text else []):
                found.append((name, source, text))
    return found


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.name)
def test_translations_use_the_plugin_context(ts_file: Path) -> None:
    contexts = {c.findtext("name") for c in ET.parse(ts_file).getroot().iter("context")}
    assert contexts == {"Up42"}, "run `make translations`: it keeps tr() strings in Up42"


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_the_placeholders(ts_file: Path) -> None:
    # A renamed or dropped {placeholder} makes str.format() raise in that language only.
    translations = _translations(ts_file)
    assert translations, f"{ts_file.name} translates nothing"
    mismatched = [
        (source, translation)
        for _, source, translation in translations
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation))
    ]
    assert mismatched == []


# A count before a fixed plural ("{n} scenes", "{n} of {total} orders", "{q} tasking orders")
# reads "1 scenes" and cannot be translated into a language's plural forms: a counted noun
# goes through Qt's plural forms, tr("%Ln scene(s)", "", n).
COUNTED_NOUNS = (
    "scenes|orders|parts|collections|ways|vertices|features|quotations|studies|items|files"
    "|layers|options|pages|results|budgets"
)
FIXED_PLURAL = re.compile(
    r"\{\w*\}\s+(?:of\s+(?:the\s+|\{\w*\}\s+))?(?:[a-z]+\s+)?(?:" + COUNTED_NOUNS + r")\b"
)


def _fixed_plurals(source: str, name: str) -> list[str]:
    found = []
    for call in _tr_calls(ast.parse(source)):
        argument = call.args[0] if call.args else None
        if (
            isinstance(argument, ast.Constant)
            and isinstance(argument.value, str)
            and FIXED_PLURAL.search(argument.value)
        ):
            found.append(f"{name}:{call.lineno}: {argument.value!r}")
    return found


def test_counts_go_through_plural_forms() -> None:
    found = [
        problem
        for path in SOURCES
        for problem in _fixed_plurals(path.read_text("utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == [], "use tr('%Ln scene(s)', '', n) for a count before a noun"


def test_the_plural_check_catches_a_fixed_plural() -> None:
    bad = (
        'tr("Estimating {n} scenes.")\n'
        'tr("{n} of {total} collections")\n'
        'tr("None of the {n} scenes covers")\n'
        'tr("{n} of the scenes are on order")\n'
        'tr("Placing {n} tasking orders")\n'
        'tr("%Ln scene(s) in {parts}", "", n)\n'
        'tr("{credits} credits, estimated")\n'
        'tr("Selected scenes: {n}")\n'
        'tr("Order {id} is {status}")\n'
    )
    assert [p.split(":")[1] for p in _fixed_plurals(bad, "bad.py")] == ["1", "2", "3", "4", "5"]
