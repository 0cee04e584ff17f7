"""Refresh the Qt Linguist sources from the code and compile them (``make i18n``).

Each area keeps its own ``resources/i18n/<area>_zh_CN.ts`` so engineers never edit the same
file. English is the source language, but a count in a sentence (``self.tr("%n entries", "",
n)``) needs its English forms ("1 entry", "2 entries") from a translator too: each area with
such messages also keeps ``<area>_en.ts`` holding only those (``lupdate -pluralonly``).
``--check`` only verifies: every message translated, every ``.qm`` up to date.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "station_app" / "ui"
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
LANGS = ("zh_CN", "en")

AREAS: dict[str, list[str]] = {
    "counter": ["counter*.py", "main_window.py", "jobs.py", "errors.py", "context.py",
                "i18n.py", "models/*.py", "widgets/*.py", "dialogs/*.py"],
    "cards": ["cards_*.py"],
    "sync": ["sync_*.py"],
    "reports": ["reports_*.py"],
    "security": ["sign_in.py", "security_*.py", "audit_view.py"],
    "self_service": ["self_service.py"],
}


def sources(area: str) -> list[Path]:
    found: list[Path] = []
    for pattern in AREAS[area]:
        found.extend(sorted(UI.glob(pattern)))
    return found


def lupdate_args(lang: str) -> list[str]:
    """The English file holds only the plural messages, whose forms English needs."""
    if lang == "en":
        return ["-pluralonly", "-source-language", "en", "-target-language", "en"]
    return []


def has_messages(ts: Path) -> bool:
    return any(True for _ in ET.parse(ts).iter("message"))


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                              "obsolete"):
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            missing.append(source)
        elif message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if not forms or not all((form.text or "").strip() for form in forms):
                missing.append(source)
        elif not (translation.text or "").strip() and not list(translation):
            missing.append(source)
    return missing


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)


def refresh(area: str, lang: str, *, check: bool) -> list[str]:
    """Update (unless ``check``) and compile one area's file for ``lang``; what is wrong."""
    problems = []
    ts = I18N / f"{area}_{lang}.ts"
    if not check:
        files = [str(p) for p in sources(area)]
        if files:
            subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(ts),
                            "-no-obsolete", "-silent", *lupdate_args(lang)], check=True)
        if lang == "en" and ts.exists() and not has_messages(ts):
            ts.unlink()  # no plural message in this area: English needs nothing
            ts.with_suffix(".qm").unlink(missing_ok=True)
    if ts.exists():
        for text in unfinished(ts):
            problems.append(f"{ts.name}: untranslated: {text!r}")
        qm = ts.with_suffix(".qm")
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / qm.name
                compile_ts(ts, fresh)
                if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                    problems.append(f"{qm.name}: out of date; run make i18n")
        else:
            compile_ts(ts, qm)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="verify only, change nothing")
    args = parser.parse_args()
    problems = []
    for area in AREAS:
        for lang in LANGS:
            problems += refresh(area, lang, check=args.check)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
