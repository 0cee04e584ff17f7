"""Run every benchmark and write ``benchmarks/results/latest.md`` (``make bench``).

    .venv/bin/python -m benchmarks.run_all            # realistic scale (minutes; cached data)
    .venv/bin/python -m benchmarks.run_all --quick    # smoke run at small scale (seconds)
    .venv/bin/python -m benchmarks.run_all --only core,sync --out /tmp/bench.md

Every ``benchmarks/bench_*.py`` is collected. A module with ``run(quick=False)`` returns a list
of ``benchmarks.Result`` (or dicts of the same fields) or a markdown string; a module without
``run`` is executed as ``python -m benchmarks.<name>`` and its printed markdown is kept (full
runs only). A failing module is reported in the file and makes the exit status 1; the others
still run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import inspect
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from benchmarks import Result, table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"


def modules() -> list[str]:
    """``bench_core`` first, then the others by name."""
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return sorted(names, key=lambda n: (n != "bench_core", n))


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    info: dict[str, str] = {}
    info["CPUs (nproc)"] = str(len(os.sched_getaffinity(0)))
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    if model:
        info["CPU"] = model
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["RAM"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    info["OS"] = f"{platform.system()} {platform.release()}"
    info["Python"] = platform.python_version()
    info["SQLite"] = sqlite3.sqlite_version
    with contextlib.suppress(OSError):
        load = os.getloadavg()
        info["load average at start (1/5/15 min)"] = " / ".join(f"{x:.2f}" for x in load)
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, timeout=5).stdout.strip()
        if commit:
            info["git commit"] = commit
    return info


def run_module(name: str, quick: bool) -> tuple[str, list[dict[str, Any]], str | None]:
    """(markdown, results as dicts, error text or None) for one benchmark module."""
    module = importlib.import_module(f"benchmarks.{name}")
    fn = getattr(module, "run", None)
    if fn is None:
        if quick:
            return "_skipped in --quick: the module has no `run(quick=...)`_\n", [], None
        proc = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=ROOT,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            return proc.stdout, [], f"exit {proc.returncode}\n{proc.stderr[-4000:]}"
        return proc.stdout, [], None
    params = inspect.signature(fn).parameters
    if "quick" in params:
        out = fn(quick=quick)
    elif quick:
        return "_skipped in --quick: `run()` takes no `quick` argument_\n", [], None
    else:
        out = fn()
    if isinstance(out, str):
        return out, [], None
    results = [r if isinstance(r, Result) else Result(**{
        k: v for k, v in r.items() if k in Result.__dataclass_fields__}) for r in out]
    return table(results), [r.as_dict() for r in results], None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run all benchmarks")
    parser.add_argument("--quick", action="store_true",
                        help="small-scale smoke run (2,000 members, 20,000 visits)")
    parser.add_argument("--only", default="",
                        help="comma-separated names (core,sync ...) instead of all")
    parser.add_argument("--out", type=Path, default=None,
                        help="markdown file (default benchmarks/results/latest.md,"
                             " or quick.md with --quick)")
    args = parser.parse_args(argv)
    names = modules()
    if args.only:
        wanted = {f"bench_{n.strip().removeprefix('bench_')}" for n in args.only.split(",")}
        names = [n for n in names if n in wanted]
    out = args.out or RESULTS / ("quick.md" if args.quick else "latest.md")
    started = datetime.datetime.now(datetime.UTC)
    info = machine()
    sections: list[str] = []
    collected: dict[str, Any] = {}
    failed = []
    for name in names:
        print(f"== {name}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            markdown, results, error = run_module(name, args.quick)
        except Exception:
            markdown, results, error = "", [], traceback.format_exc()
        took = time.perf_counter() - t0
        title = f"## {name} ({took:.0f} s)"
        if error:
            failed.append(name)
            markdown += f"\n**FAILED**\n\n```\n{error.strip()}\n```\n"
        sections.append(f"{title}\n\n{markdown.strip()}\n")
        collected[name] = {"seconds": round(took, 1), "results": results, "error": error}
        print(markdown, file=sys.stderr, flush=True)
    with contextlib.suppress(OSError):
        info["load average at end (1/5/15 min)"] = " / ".join(
            f"{x:.2f}" for x in os.getloadavg())
    command = " ".join(["python -m benchmarks.run_all", *(argv or sys.argv[1:])])
    lines = [
        "# Benchmark results" + (" (quick smoke run, small scale)" if args.quick else ""),
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC with `{command}`"
        + (f" (only {', '.join(names)})" if args.only else "") + ".",
        "",
        "| Machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in info.items()],
        "",
        "Ratio = value / raw-sqlite3 baseline measured in the same run. See "
        "benchmarks/README.md for what each figure measures.",
        "",
        *sections,
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(
        {"measured": started.isoformat(timespec="seconds"), "quick": args.quick,
         "machine": info, "benchmarks": collected}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
