"""Windows only: the one-folder build and the Inno Setup installer (dist\\...-setup.exe).

    .venv\\Scripts\\python installer\\build_windows.py [--skip-build] [--iscc PATH]

Needs Inno Setup 6.3+ (https://jrsoftware.org/isinfo.php; ``winget install JRSoftware.InnoSetup``).
Not run here (the project is developed on Linux): see docs/PACKAGING.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_iscc(given: str | None) -> str:
    candidates = [given] if given else []
    candidates.append(shutil.which("ISCC") or "")
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"),
                 os.environ.get("LOCALAPPDATA", "") + r"\Programs"):
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise SystemExit("ISCC.exe (Inno Setup 6) not found: install it or pass --iscc PATH")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="reuse dist\\station-app")
    parser.add_argument("--iscc", help="path of ISCC.exe")
    args = parser.parse_args(argv)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]
    if not args.skip_build:
        pyinstaller = Path(sys.executable).with_name("pyinstaller.exe")
        subprocess.run([str(pyinstaller), "build.spec", "--noconfirm"], cwd=ROOT, check=True)
    app = ROOT / "dist" / "station-app" / "station-app.exe"
    if not app.is_file():
        raise SystemExit(f"{app} is missing: run without --skip-build")
    # The windowed program has no console: the self-test writes its lines to a file.
    report = ROOT / "dist" / "selftest.txt"
    code = subprocess.run([str(app), "--selftest", "--selftest-out", str(report)]).returncode
    print(report.read_text(encoding="utf-8") if report.exists() else "(no self-test output)")
    if code != 0:
        raise SystemExit("the frozen self-test failed; no installer was built")
    subprocess.run([find_iscc(args.iscc), f"/DAppVersion={version}",
                    str(ROOT / "installer" / "station-ledger.iss")], cwd=ROOT, check=True)
    print(ROOT / "dist" / f"station-ledger-{version}-setup.exe")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
