"""Long work off the UI thread: one helper for the whole app, in the spirit of Anki's QueryOp.

    Job(parent, lambda job: export(job.ledger(), progress=job.progress), on_success=done)
        .with_progress(window.tr("Exporting…"))
        .run()

The function runs in ``QThreadPool.globalInstance()`` and must never touch widgets. It gets a
``JobControl``: ``job.ledger()`` opens the thread's own ledger connection (closed when the job
ends), ``job.progress(done, total, text)`` moves the progress dialog, ``job.cancelled`` tells it
to stop (or ``job.check_cancelled()`` raises ``Cancelled``). Success and failure callbacks run
on the UI thread. A failure that is a ``LedgerError`` is shown as a plain translated message; any
other exception goes to the crash dialog, unless ``on_failure`` handles it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from ..data.db import Ledger

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job (by ``check_cancelled``) when the user pressed Cancel."""


class JobControl:
    """What the background function may use: its own ledger, progress, cancellation."""

    def __init__(self, open_ledger: Callable[[], Ledger] | None, bridge: _Bridge) -> None:
        self._open_ledger = open_ledger
        self._ledger: Ledger | None = None
        self._bridge = bridge
        self._cancel = threading.Event()

    def ledger(self) -> Ledger:
        """This thread's own connection to the ledger file."""
        if self._ledger is None:
            if self._open_ledger is None:
                raise RuntimeError("this job was started without a ledger")
            self._ledger = self._open_ledger()
        return self._ledger

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Report progress; ``total`` 0 shows a busy indicator. Safe to call often."""
        self._bridge.progressed.emit(int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def _close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None


class _Bridge(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the calls back to the UI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobControl], Any], control: JobControl,
                 bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._control = control
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except BaseException as exc:
            self._control._close()
            self._bridge.failed.emit(exc)
        else:
            self._control._close()
            self._bridge.succeeded.emit(result)
        self._bridge.finished.emit()


_running: set[Job[Any]] = set()  # keep jobs (and their bridges) alive until they finish
_write_pool: QThreadPool | None = None


def write_pool() -> QThreadPool:
    """One thread for every background job that writes: writes never race each other."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


class Job(Generic[T]):
    """One piece of background work with UI-thread callbacks."""

    def __init__(self, parent: QWidget | None, fn: Callable[[JobControl], T], *,
                 on_success: Callable[[T], None] | None = None,
                 on_failure: Callable[[BaseException], bool | None] | None = None,
                 ledger: Callable[[], Ledger] | None = None, lang: str = "zh_CN",
                 writes: bool = False) -> None:
        """``ledger`` opens a connection for the worker (usually ``ctx.open_worker_ledger``).

        ``writes=True`` queues the job on the single writer thread (imports, restores ...);
        read-only work (exports, reports) runs in the global pool in parallel.

        ``on_failure`` returns True when it has told the user; otherwise the default handling
        (plain message or crash dialog) runs. ``Cancelled`` is never reported as a failure.
        """
        self._parent = parent
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel: Callable[[], None] | None = None
        self._lang = lang
        self._writes = writes
        self._bridge = _Bridge()
        self.control = JobControl(ledger, self._bridge)
        self._label: str | None = None
        self._cancellable = True
        self._dialog: QProgressDialog | None = None
        self.done = False

    def with_progress(self, label: str, *, cancellable: bool = True,
                      min_duration_ms: int = 400) -> Job[T]:
        """Show a modal progress dialog (after ``min_duration_ms``) with a Cancel button."""
        self._label = label
        self._cancellable = cancellable
        self._min_duration = min_duration_ms
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Job[T]:
        self._on_cancel = callback
        return self

    def run(self) -> Job[T]:
        bridge = self._bridge
        bridge.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        bridge.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        bridge.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        if self._label is not None:
            dialog = QProgressDialog(self._label, "", 0, 0, self._parent)
            dialog.setObjectName("jobProgress")
            dialog.setWindowTitle(self._label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(self._min_duration)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if self._cancellable:
                dialog.setCancelButtonText(
                    QCoreApplication.translate("Jobs", "Cancel"))
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            dialog.setValue(0)
            self._dialog = dialog
        _running.add(self)
        pool = write_pool() if self._writes else QThreadPool.globalInstance()
        pool.start(_Runnable(self._fn, self.control, bridge))
        return self

    def cancel(self) -> None:
        self.control.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("Jobs", "Cancelling…"))

    # ---- UI thread ----
    def _progressed(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None or not isValid(dialog):  # its page was rebuilt (language switch)
            return
        # setValue() on a modal progress dialog processes events, so the job may finish (and
        # drop the dialog) in the middle of this method: check again before each step.
        if text:
            dialog.setLabelText(text)
        dialog.setMaximum(max(total, 0))
        if total and self._dialog is dialog:
            dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.done = True
        if self._dialog is not None and isValid(self._dialog):
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog = None
        _running.discard(self)

    def _orphaned(self) -> bool:
        """The page that started the job is gone (rebuilt after a language switch)."""
        return self._parent is not None and not isValid(self._parent)

    def _succeeded(self, result: Any) -> None:
        self._finish()
        if self._on_success is not None and not self._orphaned():
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            if self._on_cancel is not None:
                self._on_cancel()
            return
        if self._orphaned():  # still told, without the page that is gone
            from .errors import show_error

            show_error(None, exc, self._lang)
            return
        if self._on_failure is not None and self._on_failure(exc):
            return
        from .errors import show_error

        show_error(self._parent, exc, self._lang)


def run_in_background(parent: QWidget | None, fn: Callable[[JobControl], T],
                      on_success: Callable[[T], None] | None = None, *,
                      ctx: Any = None, progress: str | None = None) -> Job[T]:
    """Shorthand: a job with the context's ledger and language, optionally with progress."""
    job = Job(parent, fn, on_success=on_success,
              ledger=ctx.open_worker_ledger if ctx is not None else None,
              lang=ctx.lang if ctx is not None else "zh_CN")
    if progress is not None:
        job.with_progress(progress)
    return job.run()


def running_jobs() -> int:
    return len(_running)


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Block until every job has finished and its callbacks ran (tests, shutdown)."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    QThreadPool.globalInstance().waitForDone(timeout_ms)
    if _write_pool is not None:
        _write_pool.waitForDone(timeout_ms)
    while _running and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    return not _running
