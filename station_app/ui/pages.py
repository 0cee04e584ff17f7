"""Registry of the pages (tabs) the main window shows, so feature areas plug in without edits.

Each entry: (object name, factory). The factory takes the window's ``AppContext`` and returns a
QWidget; its ``windowTitle()`` is the tab's (translated) label. The main window builds the tabs in
this order, skipping pages whose ``visible(ctx)`` returns False (e.g. supervisor-only pages).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    name: str
    module: str  # "station_app.ui.sync_view" — imported lazily
    factory: str  # attribute of that module: callable(ctx) -> QWidget
    visible: Callable[[Any], bool] = lambda ctx: True
    # A long page (a settings form) scrolls inside its tab instead of making the whole window
    # taller than a 1366 x 768 laptop screen leaves room for.
    scrolls: bool = False

    def build(self, ctx: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.factory)(ctx)


# Add one line per page; keep the counter first.
PAGES: list[Page] = [
    Page("counter", "station_app.ui.counter", "build_counter_page"),
    Page("cards", "station_app.ui.cards_page", "build_cards_page",
         lambda ctx: ctx.ledger.station_kind != "supervisor"),
    Page("reports", "station_app.ui.reports_view", "build_reports_page",
         lambda ctx: importlib.import_module("station_app.ui.sign_in").can(ctx, "reports")),
    Page("sync", "station_app.ui.sync_view", "build_sync_page",
         lambda ctx: importlib.import_module("station_app.ui.sync_view").visible(ctx)),
    Page("security", "station_app.ui.security_page", "build_security_page",
         lambda ctx: importlib.import_module("station_app.ui.sign_in").can(ctx, "backup"),
         scrolls=True),
    Page("audit", "station_app.ui.audit_view", "build_audit_page",
         lambda ctx: importlib.import_module("station_app.ui.sign_in").can(ctx, "audit")),
]
