"""UI language and fonts: Qt Linguist translators for every area, and the shipped CJK font.

Every area keeps its own ``resources/i18n/<area>_zh_CN.ts``; the compiled ``.qm`` files are all
loaded here, plus Qt's own ``qtbase`` translation (dialog buttons) when it is available.
English is the source language; its ``<area>_en.qm`` hold only the forms of messages with a
count ("1 entry", "2 entries"), everything else falls through to the source text. Simplified
Chinese is the default.
"""

from __future__ import annotations

import logging
import os
import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import resources

log = logging.getLogger(__name__)

LANGS = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"
_installed: list[QTranslator] = []
_font_families: list[str] = []


def normalise(lang: str | None) -> str:
    if not lang:
        return DEFAULT_LANG
    return "en" if lang.lower().startswith("en") else "zh_CN"


def initial_lang(cli_lang: str | None = None, saved: str | None = None) -> str:
    """``--lang`` wins, then the saved choice, then ``STATION_LEDGER_LANG``, else Chinese."""
    for value in (cli_lang, saved, os.environ.get("STATION_LEDGER_LANG")):
        if value:
            return normalise(value)
    return DEFAULT_LANG


def translation_files(lang: str) -> list[str]:
    folder = resources.resource_path("i18n")
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.glob(f"*_{lang}.qm"))


def install(lang: str) -> str:
    """Replace the app's translators with those of ``lang``; returns the language installed."""
    lang = normalise(lang)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    for path in translation_files(lang):
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("cannot load translation %s", path)
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            QCoreApplication.installTranslator(qtbase)
            _installed.append(qtbase)
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "zh_CN"))
    app.setProperty("stationLang", lang)
    return lang


def register_fonts(app: QApplication | None = None, point_size: float = 0) -> list[str]:
    """Register the shipped CJK font and make it the UI font, so Chinese renders everywhere.

    Returns the registered family names (empty if the font files are missing: Qt then falls
    back to whatever the system has).
    """
    if not _font_families:
        for bold in (False, True):
            path = resources.font_path(bold)
            if not path.exists():
                log.warning("shipped font missing: %s", path)
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("Qt cannot load font %s", path)
                continue
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _font_families:
                    _font_families.append(family)
    target = app or QApplication.instance()
    if _font_families and isinstance(target, QApplication):
        font = QFont(target.font())
        family = resources.FONT_FAMILY if resources.FONT_FAMILY in _font_families \
            else _font_families[0]
        font.setFamilies([family])
        if point_size:
            font.setPointSizeF(point_size)
        elif font.pointSizeF() < 10:
            font.setPointSizeF(10)
        target.setFont(font)
    return list(_font_families)


def fill(text: str, *values: str) -> str:
    """``%1``, ``%2`` … in a translated ``text`` replaced in one pass: a value holding "%2"
    (a file name) stays as it is, where a chain of ``replace`` would put the next value into
    it. Placeholders without a value are left."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1]
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), text)
