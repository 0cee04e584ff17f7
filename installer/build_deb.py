"""Build the Linux package (.deb) from the one-folder build, with dpkg-deb only (no download).

    .venv/bin/python installer/build_deb.py [--app-dir dist/station-app] [--out dist]
                                            [--compress gzip|xz|none] [--level N]

Layout of the package ``station-ledger``:

    /opt/station-ledger/                      the one-folder build (station-app, station-ledger)
    /usr/bin/station-app, /usr/bin/station-ledger   small wrappers that exec the programs above
    /usr/share/applications/station-ledger.desktop  menu entry 驿站台账 / Station Ledger
    /usr/share/icons/hicolor/*/apps/station-ledger.{png,svg}
    /usr/share/doc/station-ledger/copyright

The ledger is never in the package: it lives in each user's data folder (``~/.local/share/
StationLedger``), so upgrading or removing the package leaves it alone.
Prints the path of the .deb on stdout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "station-ledger"
PREFIX = f"/opt/{PACKAGE}"
ICON_NAME = "station-ledger"
PROGRAMS = ("station-app", "station-ledger")

DESKTOP = f"""[Desktop Entry]
Type=Application
Version=1.0
Name=驿站台账
Name[zh_CN]=驿站台账
Name[en]=Station Ledger
GenericName=工会驿站服务台账
GenericName[en]=Union station ledger
Comment=工会驿站服务登记、入会、会员证与数据同步（离线）
Comment[en]=Visits, sign-ups, membership cards and sync for union service stations (offline)
Exec=station-app
TryExec=station-app
Icon={ICON_NAME}
Terminal=false
Categories=Office;Database;
Keywords=驿站;台账;工会;会员证;station;ledger;union;
"""

WRAPPER = """#!/bin/sh
# {name}: Station Ledger (驿站台账), installed in {prefix}
exec {prefix}/{name} "$@"
"""

POSTINST = """#!/bin/sh
set -e
if [ "$1" = "configure" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && \\
        update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && \\
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
"""

POSTRM = """#!/bin/sh
set -e
# The ledgers stay: they are in each user's data folder (~/.local/share/StationLedger).
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && \\
        update-desktop-database -q /usr/share/applications || true
fi
exit 0
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: station-ledger

Files: *
License: MIT

Files: opt/station-ledger/_internal/resources/fonts/*
Copyright: 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'
License: OFL-1.1
 Station Sans SC is a subset of Noto Sans CJK SC; see OFL.txt beside the font files.

Files: opt/station-ledger/_internal/PySide6/*
License: LGPL-3.0
 Qt and Qt for Python (PySide6), https://www.qt.io/, dynamically linked, unmodified.
"""


def project_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                              text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, "amd64")


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _icons(stage: Path) -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    source = Image.open(icons / f"{ICON_NAME}.png").convert("RGBA")
    for size in (16, 32, 48, 64, 128, 256, 512):
        target = hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image = source if source.width == size else source.resize((size, size),
                                                                    Image.Resampling.LANCZOS)
        image.save(target)
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(icons / f"{ICON_NAME}.svg", scalable / f"{ICON_NAME}.svg")


def _installed_size_kib(stage: Path) -> int:
    total = 0
    for path in stage.rglob("*"):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            total += path.stat().st_size
    return (total + 1023) // 1024


def _normalise_modes(tree: Path) -> None:
    """Directories 0755, executables 0755, other files 0644 (root-owned in the package)."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def build_deb(app_dir: Path, out_dir: Path, *, compress: str = "gzip", level: int | None = None,
              version: str | None = None) -> Path:
    app_dir = app_dir.resolve()
    for name in PROGRAMS:
        if not (app_dir / name).is_file():
            raise SystemExit(f"{app_dir / name} is missing: run pyinstaller build.spec first")
    version = version or project_version()
    arch = architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="station-deb-") as tmp:
        stage = Path(tmp) / "root"
        shutil.copytree(app_dir, stage / PREFIX.lstrip("/"), symlinks=True)
        for name in PROGRAMS:
            _write(stage / "usr" / "bin" / name, WRAPPER.format(name=name, prefix=PREFIX), 0o755)
        _write(stage / "usr" / "share" / "applications" / f"{PACKAGE}.desktop", DESKTOP)
        _write(stage / "usr" / "share" / "doc" / PACKAGE / "copyright", COPYRIGHT)
        _icons(stage)
        _normalise_modes(stage)
        control = (
            f"Package: {PACKAGE}\n"
            f"Version: {version}\n"
            f"Architecture: {arch}\n"
            "Maintainer: Station Ledger team <station-ledger@localhost>\n"
            f"Installed-Size: {_installed_size_kib(stage)}\n"
            "Depends: libc6 (>= 2.34), libgl1, libegl1, libfontconfig1\n"
            "Section: misc\n"
            "Priority: optional\n"
            "Description: Station Ledger (驿站台账) for trade-union service stations\n"
            " An offline ledger of visits, services and member sign-ups at a union service\n"
            " station, with QR membership cards and signed sync bundles for supervisors.\n"
            " Everything the program needs (Python, Qt, fonts) is inside /opt/station-ledger.\n"
        )
        _write(stage / "DEBIAN" / "control", control)
        _write(stage / "DEBIAN" / "postinst", POSTINST, 0o755)
        _write(stage / "DEBIAN" / "postrm", POSTRM, 0o755)
        (stage / "DEBIAN").chmod(0o755)
        cmd = ["dpkg-deb", "--root-owner-group", f"-Z{compress}"]
        if level is not None:
            cmd.append(f"-z{level}")
        cmd += ["--build", str(stage), str(deb)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT / "dist" / "station-app",
                        help="the one-folder build (default: dist/station-app)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="folder for the .deb (default: dist)")
    parser.add_argument("--compress", choices=["gzip", "xz", "zstd", "none"], default="gzip")
    parser.add_argument("--level", type=int, default=None, help="compression level")
    parser.add_argument("--version", default=None, help="package version (default: pyproject)")
    args = parser.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb not found (Debian/Ubuntu: apt-get install dpkg)", file=sys.stderr)
        return 2
    deb = build_deb(args.app_dir, args.out, compress=args.compress, level=args.level,
                    version=args.version)
    print(deb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
