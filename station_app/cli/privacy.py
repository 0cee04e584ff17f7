"""``member reveal``: hooks into the ``member`` command that cli/core.py defines (runs after it)."""

from __future__ import annotations

import argparse
from typing import Any

from .admin import cmd_member_reveal


def register(sub: Any) -> None:
    member = sub.choices.get("member")
    if member is None:
        return
    actions = [a for a in member._actions if isinstance(a, argparse._SubParsersAction)]
    if not actions:
        return
    p = actions[0].add_parser("reveal", help="show a member's full ID number (admin, audited)")
    p.add_argument("member_no")
    p.add_argument("--reason", required=True, help="why the full number is needed")
    p.set_defaults(handler=cmd_member_reveal)
