"""Error classes that carry data (which field, which bundle, why), never UI text."""

from __future__ import annotations

from typing import Any


class LedgerError(Exception):
    """Base of every error the user can be told about.

    ``code`` is a stable identifier (used by ``domain.messages`` to render a sentence in the
    user's language); ``params`` holds the data the sentence needs.
    """

    code: str = "error"
    exit_code: int = 1

    def __init__(self, code: str | None = None, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code}: {params}" if params else self.code)


class InvalidInput(LedgerError):
    """A value typed, scanned or passed on the command line is wrong. Nothing was written."""

    exit_code = 3

    def __init__(self, field: str, reason: str, **params: Any) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"invalid.{field}.{reason}", field=field, reason=reason, **params)


class NotFound(LedgerError):
    """The thing asked for (member, entry, campaign ...) is not in this ledger."""

    exit_code = 3

    def __init__(self, what: str, key: str, **params: Any) -> None:
        self.what = what
        self.key = key
        super().__init__(f"not_found.{what}", what=what, key=key, **params)


class Refused(LedgerError):
    """Refused for integrity or permission: duplicate member, void of a void, wrong role ..."""

    exit_code = 4

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)


class DuplicateMember(Refused):
    """Someone with this resident ID number is already a member.

    ``withdrawn``: the member withdrew at this station and can rejoin under the same number
    (code ``duplicate_member.withdrawn``, so the sentence says how)."""

    def __init__(self, existing_member_no: str, *, withdrawn: bool = False,
                 **params: Any) -> None:
        self.existing_member_no = existing_member_no
        self.withdrawn = withdrawn
        super().__init__("duplicate_member.withdrawn" if withdrawn else "duplicate_member",
                         member_no=existing_member_no, **params)


class LedgerUnavailable(LedgerError):
    """The ledger file cannot be opened or written (damaged, read-only, disk full)."""

    exit_code = 4

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)
