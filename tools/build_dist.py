"""``make dist``: the one-folder build, the .deb, their sizes and the frozen start time.

    .venv/bin/python tools/build_dist.py [--dist DIR] [--work DIR] [--no-deb] [--runs N]

1. ``pyinstaller build.spec --noconfirm`` into ``dist/station-app/`` (work files in ``build/``)
2. ``installer/build_deb.py``: ``dist/station-ledger_<version>_<arch>.deb`` (Linux, dpkg-deb)
3. runs the frozen ``station-app --selftest`` (offscreen) — the build fails if any check fails
4. measures the start to the main window: ``station-app --selftest-only ledger,window`` 5 times
   (a fresh ledger is created, like a first start); the median of what the app reports
5. prints a summary and writes it to ``dist/build-info.txt``
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "station-app"
EXE = ".exe" if sys.platform == "win32" else ""


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def pyinstaller(dist: Path, work: Path) -> float:
    exe = Path(sys.executable).with_name("pyinstaller" + EXE)
    cmd = [str(exe) if exe.exists() else "pyinstaller", str(ROOT / "build.spec"), "--noconfirm",
           "--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - started


def frozen_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for key in ("STATION_LEDGER_HOME", "STATION_LEDGER_DB", "PYTHONPATH", "PYTHONHOME"):
        env.pop(key, None)
    return env


def run_selftest(program: Path, *extra: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    proc = subprocess.run([str(program), "--selftest", *extra], capture_output=True, text=True,
                          env=frozen_env(), timeout=300)
    return proc.returncode, proc.stdout, time.perf_counter() - started


SHOWN = re.compile(r"main window shown ([0-9.]+) s after the process started")


def start_time(program: Path, runs: int) -> tuple[float | None, float]:
    """(median seconds to the main window as the app measured it, median wall time)."""
    shown: list[float] = []
    wall: list[float] = []
    for _ in range(runs):
        code, out, took = run_selftest(program, "--selftest-only", "ledger,window")
        if code != 0:
            raise SystemExit(f"start-time run failed:\n{out}")
        match = SHOWN.search(out)
        if match:
            shown.append(float(match.group(1)))
        wall.append(took)
    return (statistics.median(shown) if shown else None), statistics.median(wall)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the distribution (one folder + .deb).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    parser.add_argument("--runs", type=int, default=5, help="start-time runs (median)")
    args = parser.parse_args(argv)

    print(f"== pyinstaller build.spec -> {args.dist / APP}", flush=True)
    build_seconds = pyinstaller(args.dist, args.work)
    app_dir = args.dist / APP
    program = app_dir / (APP + EXE)

    deb: Path | None = None
    deb_seconds = 0.0
    if not args.no_deb and shutil.which("dpkg-deb"):
        print("== installer/build_deb.py", flush=True)
        started = time.perf_counter()
        sys.path.insert(0, str(ROOT / "installer"))
        import build_deb

        deb = build_deb.build_deb(app_dir, args.dist)
        deb_seconds = time.perf_counter() - started

    print(f"== {program.name} --selftest (frozen)", flush=True)
    code, out, selftest_seconds = run_selftest(program)
    print(out, end="")
    if code != 0:
        print("frozen self-test FAILED", file=sys.stderr)
        return 1
    shown, wall = start_time(program, args.runs)

    size = folder_size(app_dir)
    du = ""
    if shutil.which("du"):
        du = subprocess.run(["du", "-sh", str(app_dir)], capture_output=True,
                            text=True).stdout.strip()
    lines = [
        f"Station Ledger build on {platform.system()} {platform.machine()},"
        f" Python {platform.python_version()}",
        f"one-folder build   {app_dir}  {mib(size)}  ({sum(1 for _ in app_dir.rglob('*'))} files)",
    ]
    if du:
        lines.append(f"du -sh             {du}")
    if deb is not None:
        lines.append(f"Linux package      {deb}  {mib(deb.stat().st_size)}")
    lines += [
        f"build time         pyinstaller {build_seconds:.0f} s"
        + (f", .deb {deb_seconds:.0f} s" if deb is not None else ""),
        f"frozen self-test   passed in {selftest_seconds:.1f} s",
    ]
    if shown is not None:
        lines.append(f"start to main window (frozen, first start, median of {args.runs}):"
                     f" {shown:.2f} s  (whole process incl. exit: {wall:.2f} s)")
    else:
        lines.append(f"start to main window: not measurable here; ledger+window self-test"
                     f" process took {wall:.2f} s (median of {args.runs})")
    summary = "\n".join(lines)
    print("== summary\n" + summary)
    (args.dist / "build-info.txt").write_text(summary + "\n\n" + out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
