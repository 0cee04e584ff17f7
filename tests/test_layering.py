"""Imports point one way: ui -> services -> {data, sync, cards, reports} -> domain."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "station_app"

# What each layer may import from station_app (besides itself).
ALLOWED = {
    "domain": set(),
    "data": {"domain"},
    "sync": {"domain", "data"},
    "cards": {"domain", "data"},
    "reports": {"domain", "data"},
    "services": {"domain", "data", "sync", "cards", "reports"},
    "cli": {"domain", "data", "services", "sync", "cards", "reports"},
    "ui": {"domain", "data", "services", "sync", "cards", "reports", "resources", "logs"},
}
TOP_LEVEL_OK = {"resources", "logs", "__init__", "__version__"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    layer_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(layer_parts[:-node.level]) if path.name != "__init__.py" else list(
                    layer_parts[:len(layer_parts) - node.level + 1])
                module = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    found.extend(f"{module}.{alias.name}" for alias in node.names)
                else:
                    found.append(module)
            elif node.module:
                found.append(node.module)
    return found


def test_layers_import_only_downwards() -> None:
    problems = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        layer = parts[0] if len(parts) > 1 else None
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "shiboken6") and layer != "ui" and not (
                    layer is None and path.name in ("app.py", "selftest.py")):
                problems.append(f"{path}: imports {name} outside ui/")
            if layer is None or not name.startswith("station_app."):
                continue
            target = name.split(".")[1]
            if target == layer or target in TOP_LEVEL_OK:
                continue
            if target not in ALLOWED.get(layer, set()):
                problems.append(f"{path}: {layer} must not import {name}")
    assert not problems, "\n".join(problems)
