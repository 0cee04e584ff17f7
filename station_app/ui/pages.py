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

    def build(self, ctx: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.factory)(ctx)


# Add one line per page; keep the counter first.
PAGES: list[Page] = []
