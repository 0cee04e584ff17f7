"""The frozen build (slow): build.spec on a clean copy of the tree, its self-test, the CLI beside
it, and the .deb installed into a temporary root whose binary passes the same self-test.

One PyInstaller run (~1.5 min on 2 cores) is shared by the whole module.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app import selftest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # the build runs in a fixture

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if sys.platform == "win32" else ""
SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".mypy_cache",
             ".ruff_cache", ".hypothesis", "demo", "bench-data"}


def _clean_copy(target: Path) -> None:
    """What a fresh clone has: tracked files plus new, not-ignored ones (nothing gitignored)."""
    files: list[str] | None = None
    if shutil.which("git") and (ROOT / ".git").exists():
        proc = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                               "--exclude-standard"], cwd=ROOT, capture_output=True)
        if proc.returncode == 0:
            files = [f for f in proc.stdout.decode().split("\0") if f]
    if files is None:
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                 if p.is_file() and not SKIP_DIRS & set(p.relative_to(ROOT).parts)]
    for name in files:
        source = ROOT / name
        if not source.is_file():  # deleted in the working tree
            continue
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("STATION_LEDGER_HOME", "STATION_LEDGER_DB", "PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), STATION_LEDGER_LANG="en")
    return env


def _run(cmd: list[str], home: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run(cmd, capture_output=True, text=True, env=_env(home), timeout=timeout,
                          cwd=home)


def _assert_selftest_passes(program: Path, home: Path) -> list[str]:
    proc = _run([str(program), "--selftest", "--selftest-out", str(home / "selftest.txt")], home)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    checks = [line for line in lines if line.startswith(("ok  ", "FAIL "))]
    assert [line.split()[1] for line in checks] == [name for name, _ in selftest.CHECKS]
    assert all(line.startswith("ok  ") for line in checks), proc.stdout
    assert "(frozen," in lines[0]
    assert lines[-1] == "self-test passed"
    assert (home / "selftest.txt").read_text(encoding="utf-8").splitlines() == lines
    return lines


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pyinstaller = Path(sys.executable).with_name("pyinstaller" + EXE)
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    base = tmp_path_factory.mktemp("frozen")
    clone = base / "clone"
    _clean_copy(clone)
    proc = subprocess.run([str(pyinstaller), "build.spec", "--noconfirm", "--log-level", "WARN",
                           "--distpath", str(base / "dist"), "--workpath", str(base / "work")],
                          cwd=clone, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    shutil.rmtree(base / "work", ignore_errors=True)
    yield base / "dist" / "station-app"


def test_frozen_app_passes_its_selftest(frozen: Path, tmp_path: Path) -> None:
    _assert_selftest_passes(frozen / f"station-app{EXE}", tmp_path / "home")
    assert not (tmp_path / "home" / "data" / "StationLedger").exists()  # the real ledger: untouched


def test_frozen_build_carries_resources_and_leaves_out_dev_tools(frozen: Path) -> None:
    internal = frozen / "_internal"
    assert (internal / "resources" / "fonts" / "StationSansSC-Regular.otf").is_file()
    assert (internal / "resources" / "icons" / "station-ledger.png").is_file()
    assert list((internal / "resources" / "i18n").glob("*_zh_CN.qm"))
    assert not list((internal / "resources" / "i18n").glob("*.ts"))
    assert list((internal / "pypinyin").glob("*_dict.json"))
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("pytest", "_pytest", "hypothesis", "mypy", "PyInstaller", "tkinter",
                     "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6", "qml"):
        assert unwanted not in names, unwanted


def test_frozen_cli_scripts_a_station(frozen: Path, tmp_path: Path) -> None:
    cli = str(frozen / f"station-ledger{EXE}")
    home = tmp_path / "home"
    db = str(tmp_path / "demo.db")
    proc = _run([cli, "--db", db, "--json", "demo", "--members", "20", "--days", "3"], home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with sqlite3.connect(db) as conn:
        member = conn.execute("SELECT member_no FROM members ORDER BY member_no").fetchone()[0]
    proc = _run([cli, "--db", db, "--json", "member", "show", member], home)
    assert proc.returncode == 4, "the demo station has accounts: member data needs a sign-in"
    clerk = {**_env(home), "STATION_LEDGER_PIN": "1357"}  # the demo's attendant wangli
    proc = subprocess.run([cli, "--db", db, "--as", "wangli", "--json", "member", "show", member],
                          capture_output=True, text=True, timeout=240, cwd=home, env=clerk)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert member in proc.stdout
    card = tmp_path / "card.pdf"
    proc = subprocess.run([cli, "--db", db, "--as", "wangli", "card", member, "--out", str(card)],
                          capture_output=True, text=True, timeout=240, cwd=home, env=clerk)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert card.read_bytes().startswith(b"%PDF")
    roster = tmp_path / "roster.xlsx"
    proc = _run([cli, "--db", db, "roster", "--out", str(roster)], home)
    assert proc.returncode == 4, "the demo station has accounts: a roster needs a sign-in"
    assert not roster.exists()
    proc = subprocess.run([cli, "--db", db, "--as", "zhanzhang", "roster", "--out", str(roster)],
                          capture_output=True, text=True, timeout=240, cwd=home,
                          env={**_env(home), "STATION_LEDGER_PIN": "8642"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert roster.read_bytes().startswith(b"PK")


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian/Ubuntu)")
def test_deb_installs_into_a_temp_root_and_passes_the_selftest(frozen: Path,
                                                               tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import build_deb
    finally:
        sys.path.remove(str(ROOT / "installer"))
    deb = build_deb.build_deb(frozen, tmp_path / "out", level=1)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    info = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: station-ledger" in info and f"Version: {version}" in info

    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    for name in ("station-app", "station-ledger"):
        wrapper = (root / "usr" / "bin" / name).read_text()
        assert f"exec /opt/station-ledger/{name} " in wrapper
        assert os.access(root / "usr" / "bin" / name, os.X_OK)
    desktop = (root / "usr/share/applications/station-ledger.desktop").read_text(encoding="utf-8")
    assert "Name=驿站台账" in desktop and "Name[en]=Station Ledger" in desktop
    assert "Exec=station-app" in desktop and "Icon=station-ledger" in desktop
    assert (root / "usr/share/icons/hicolor/256x256/apps/station-ledger.png").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/station-ledger.svg").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(root / "usr/share/applications"
                                                     / "station-ledger.desktop")], check=True)

    _assert_selftest_passes(root / "opt" / "station-ledger" / "station-app", tmp_path / "home")
    # the wrapper, pointed at the temporary root instead of /opt, starts the same program
    wrapper = (root / "usr" / "bin" / "station-app").read_text().replace(
        "/opt/station-ledger", str(root / "opt" / "station-ledger"))
    (tmp_path / "station-app").write_text(wrapper)
    proc = _run(["sh", str(tmp_path / "station-app"), "--selftest", "--selftest-only",
                 "ledger"], tmp_path / "home2")
    assert proc.returncode == 0, proc.stdout + proc.stderr
