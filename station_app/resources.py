"""Find shipped resources (fonts, icons, translations) in a source checkout and a frozen build."""

from __future__ import annotations

import pathlib
import sys

FONT_FAMILY = "Station Sans SC"
"""Family name of the shipped CJK font (a subset of Noto Sans CJK SC, see resources/fonts/)."""

_FONT_FILES = {False: "StationSansSC-Regular.otf", True: "StationSansSC-Bold.otf"}


def resources_root() -> pathlib.Path:
    """The ``resources/`` folder: beside the package in a checkout, in ``_MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return pathlib.Path(frozen_root) / "resources"
    return pathlib.Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> pathlib.Path:
    """Path of a file under ``resources/``; it is not checked for existence."""
    return resources_root().joinpath(*parts)


def font_path(bold: bool = False) -> pathlib.Path:
    """The shipped CJK font file (OpenType/CFF), regular or bold. Never a system font."""
    return resource_path("fonts", _FONT_FILES[bold])
