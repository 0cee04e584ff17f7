"""Every user-facing string of the GUI has a Chinese translation, every sentence with a count has
its English forms, and the shipped .qm files are current."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
FILES = [(area, lang) for area in sorted(i18n.AREAS) for lang in i18n.LANGS]
# "%1 entries" shows "1 entries" in English: a count of these goes in as %n (Qt plural forms).
COUNTED = re.compile(r"%\d+ (?:\w+ )?(?:entries|files|cards|members|people|pages|stations|"
                     r"visits|days|bundles|items|persons)\b")


@pytest.mark.parametrize(("area", "lang"), FILES)
def test_every_string_in_the_code_is_translated(area: str, lang: str, tmp_path: Path) -> None:
    ts = i18n.I18N / f"{area}_{lang}.ts"
    files = [str(p) for p in i18n.sources(area)]
    if not files:
        pytest.skip(f"no UI sources for {area}")
    fresh = tmp_path / ts.name
    if ts.exists():
        shutil.copy(ts, fresh)
    else:
        assert lang == "en", f"{ts.name} is missing"
    subprocess.run([str(LUPDATE), *files, "-ts", str(fresh), "-no-obsolete", "-silent",
                    *i18n.lupdate_args(lang)], check=True)
    if not ts.exists() and not i18n.has_messages(fresh):
        return  # no sentence with a count in this area: English needs no file
    assert ts.exists(), f"{ts.name} is missing; run make i18n"
    assert i18n.unfinished(fresh) == [], f"untranslated in {ts.name}; run make i18n"


# The translation files shipped (English has them only where a sentence has a count; whether
# one is missing is the test above's to say).
SHIPPED = [(area, lang) for area, lang in FILES if (i18n.I18N / f"{area}_{lang}.ts").exists()]


@pytest.mark.parametrize(("area", "lang"), SHIPPED)
def test_compiled_translations_are_up_to_date(area: str, lang: str, tmp_path: Path) -> None:
    ts = i18n.I18N / f"{area}_{lang}.ts"
    fresh = tmp_path / "fresh.qm"
    i18n.compile_ts(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run make i18n"


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_counts_in_sentences_use_plural_forms(area: str) -> None:
    ts = i18n.I18N / f"{area}_zh_CN.ts"
    if not ts.exists():
        pytest.skip(f"no translations for {area}")
    counted = [m.findtext("source") for m in ET.parse(ts).iter("message")
               if COUNTED.search(m.findtext("source") or "")]
    assert counted == [], "use self.tr(text, '', n) with %n for these"


def test_every_translate_call_names_its_text_literally() -> None:
    """lupdate extracts only string literals: ``translate(context, text)`` with a variable (a
    wrapper such as ``def _tr(text): return translate("Errors", text)``) is never translated —
    every error box in the Chinese window was titled "Not done" that way. (``self.tr`` of a
    ``QT_TRANSLATE_NOOP`` table is fine: lupdate finds the marked literals.)"""
    import ast

    found = []
    for path in sorted((ROOT / "station_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2
                    and not isinstance(node.args[1], ast.Constant)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
