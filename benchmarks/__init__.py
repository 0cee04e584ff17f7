"""Benchmarks: run each as ``python -m benchmarks.<name>``; they print markdown tables.

Shared convention (``benchmarks.run_all`` collects every ``bench_*.py``): a module exposes
``run(quick: bool = False) -> list[Result] | str`` — a list of ``Result`` (formatted with
``table``) or ready-made markdown. ``quick`` is a small-scale smoke run (seconds, not minutes).

    from benchmarks import Result, table, percentile
    results = [Result("record a visit p95", 3.1, "ms", baseline=1.2, target=5.0)]
    print(table(results))

``baseline`` is the same operation in raw ``sqlite3`` measured in the same run; the table shows
``value / baseline`` as the ratio. ``target`` is an upper bound from the issue (``met`` = value
<= target); use ``higher_is_better=True`` for throughputs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Result:
    """One measured figure, optionally beside a raw-sqlite3 baseline and a target."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    target: float | None = None
    note: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["ratio"] = self.ratio
        out["met"] = self.met
        return out


def number(value: float | None) -> str:
    """A figure with about three significant digits and thousands separators."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    size = abs(value)
    if size >= 100:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(results: Iterable[Result | dict[str, Any]], title: str | None = None) -> str:
    """Markdown table: measure, value, raw-sqlite3 baseline, ratio, target and whether met."""
    rows = [r if isinstance(r, Result) else Result(**_result_fields(r)) for r in results]
    lines = []
    if title:
        lines += [f"### {title}", ""]
    lines += ["| Measure | Value | Raw sqlite3 baseline | Ratio | Target | Met | Note |",
              "|---|---:|---:|---:|---:|:---:|---|"]
    for r in rows:
        ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "—"
        sign = "≥" if r.higher_is_better else "<"
        target = f"{sign} {number(r.target)} {r.unit}" if r.target is not None else "—"
        met = {True: "yes", False: "**NO**", None: ""}[r.met]
        baseline = f"{number(r.baseline)} {r.unit}" if r.baseline is not None else "—"
        lines.append(f"| {r.name} | {number(r.value)} {r.unit} | {baseline} | {ratio} "
                     f"| {target} | {met} | {r.note} |")
    return "\n".join(lines) + "\n"


def _result_fields(data: dict[str, Any]) -> dict[str, Any]:
    keys = ("name", "value", "unit", "baseline", "target", "note", "higher_is_better")
    return {k: data[k] for k in keys if k in data}


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile (0-100) with linear interpolation, as numpy's default."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
