"""Every user-facing string of the GUI has a Chinese translation, and the shipped .qm is current."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_every_string_in_the_code_is_translated(area: str, tmp_path: Path) -> None:
    ts = i18n.I18N / f"{area}_zh_CN.ts"
    files = [str(p) for p in i18n.sources(area)]
    if not files:
        pytest.skip(f"no UI sources for {area}")
    assert ts.exists(), f"{ts.name} is missing"
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    subprocess.run([str(LUPDATE), *files, "-ts", str(fresh), "-no-obsolete", "-silent"],
                   check=True)
    assert i18n.unfinished(fresh) == [], f"untranslated in {area}; run make i18n"


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_compiled_translations_are_up_to_date(area: str, tmp_path: Path) -> None:
    ts = i18n.I18N / f"{area}_zh_CN.ts"
    if not ts.exists():
        pytest.skip(f"no translations for {area}")
    fresh = tmp_path / "fresh.qm"
    i18n.compile_ts(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run make i18n"
