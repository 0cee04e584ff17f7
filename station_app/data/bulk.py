"""A batch's bulk inserts, in order, on a second thread while the next rows are worked out.

An import spends about as long in SQLite writing rows (the entries, the visits) as in Python
working out what to write. SQLite releases the GIL while a statement runs, so the two can
share the machine's two cores: the projector hands each table's rows to a ``Writer`` as soon
as they are ready and goes on with the next in Python. ``executemany`` would not do on that
thread: it steps SQLite once per row and needs the GIL back between rows, which the busy main
thread gives up only every few milliseconds; one INSERT of a few thousand rows at a time runs
in SQLite alone.

The connection belongs to the writer until ``close``: nothing else may use it meanwhile. All
of it stays in the caller's transaction; a failure is raised by ``close`` on the caller's
thread, and the caller's rollback undoes everything.
"""

from __future__ import annotations

import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

# SQLite's limit on bound parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER; a build
# with a lower one says so through getlimit).
MAX_PARAMETERS = 32766
# Rows per statement at most (a power of two; fewer if the parameters would not fit): each
# statement waits for the GIL once, to bind its values.
ROWS_PER_STATEMENT = 2048
# How soon a thread waiting for the GIL gets it while the writer works (Python's default, 5 ms,
# would leave SQLite idle that long before every statement while the caller computes).
SWITCH_INTERVAL = 0.0005
# Below this many rows in a batch a second thread is not worth starting.
THREAD_ROWS = 1000

_Job = tuple[str, Sequence[tuple[Any, ...]], Callable[[sqlite3.Error], BaseException] | None]


@lru_cache(maxsize=128)
def _many(sql: str, rows: int) -> str:
    """``INSERT … VALUES (?, …) [tail]`` for ``rows`` rows at once."""
    head, rest = sql.split(" VALUES ", 1)
    close = rest.index(")") + 1
    return f"{head} VALUES {','.join([rest[:close]] * rows)}{rest[close:]}"


def _chunks(count: int, most: int) -> Iterator[tuple[int, int]]:
    """(start, size) pieces of ``count`` rows: ``most`` at a time, then the rest in powers of
    two, so a handful of statement texts serve every batch (SQLite compiles each text once;
    a statement of a thousand rows takes milliseconds to compile)."""
    at = 0
    while count - at >= most:
        yield at, most
        at += most
    size = most
    while at < count:
        size //= 2
        if count - at >= size:
            yield at, size
            at += size


class _Stopped(Exception):
    """The writer was told to stop between two statements."""


def _run(conn: sqlite3.Connection, job: _Job, stop: threading.Event | None) -> None:
    """One job: with ``executemany`` on the caller's thread (``stop`` None), else a few
    thousand rows per statement, checking ``stop`` before each."""
    sql, rows, translate = job
    try:
        if stop is None:
            conn.executemany(sql, rows)
            return
        limit = min(MAX_PARAMETERS, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
        most = 1 << (min(ROWS_PER_STATEMENT, limit // len(rows[0])).bit_length() - 1)
        for at, size in _chunks(len(rows), most):
            if stop.is_set():
                raise _Stopped
            conn.execute(_many(sql, size),
                         [value for row in rows[at:at + size] for value in row])
    except sqlite3.Error as exc:
        if translate is None:
            raise
        raise translate(exc) from None


def wait_out(thread: threading.Thread, done: threading.Event,
             on_interrupt: Callable[[], None] | None = None) -> BaseException | None:
    """Wait until ``thread`` has set ``done``, whatever happens meanwhile; returns a
    KeyboardInterrupt (or other exception) that arrived while waiting, for the caller to raise
    once the connection is its own again. ``on_interrupt`` asks the thread to stop early.

    Not ``thread.join()`` alone: interrupted, it would leave the thread still using the
    connection (its rows then saved outside the rolled-back transaction), and on Python 3.11 it
    marks the thread finished when it is not."""
    interrupted: BaseException | None = None
    while True:
        try:
            if done.wait(0.05):
                break
        except BaseException as exc:
            interrupted = interrupted or exc
            if on_interrupt is not None:
                on_interrupt()
    thread.join()
    return interrupted


class Writer:
    """Runs ``insert`` jobs in the order given; ``threaded`` on a second thread, else at once
    with ``executemany`` (small batches, where a thread costs more than it saves)."""

    def __init__(self, conn: sqlite3.Connection, threaded: bool) -> None:
        self.conn = conn
        self._failed: list[BaseException] = []
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._done = threading.Event()
        self._stop = threading.Event()
        self._interval = sys.getswitchinterval()
        if threaded:
            sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
            self._thread = threading.Thread(target=self._work, name="ledger-writer",
                                            daemon=True)
            self._thread.start()

    def insert(self, sql: str, rows: Sequence[tuple[Any, ...]],
               translate: Callable[[sqlite3.Error], BaseException] | None = None) -> None:
        """Queue ``sql`` (one row's ``INSERT … VALUES (?, …)``, an upsert tail allowed) for
        ``rows``, which the caller must not change afterwards. ``translate`` turns an SQLite
        error of this job into the exception ``close`` raises."""
        if not rows:
            return
        if self._thread is None:
            _run(self.conn, (sql, rows, translate), None)
        else:
            self._jobs.put((sql, rows, translate))

    def close(self) -> None:
        """Wait for every job; raise the first failure (later jobs are skipped after one).
        Interrupted meanwhile (Ctrl+C), the remaining jobs are dropped and the running
        statement stopped, and the interrupt is raised once the writer has let go of the
        connection: the caller's rollback then undoes everything."""
        self._finish(stop=False)
        if self._failed:
            raise self._failed[0]

    def abandon(self) -> None:
        """The caller failed: stop after the running job, let go of the connection, raise
        nothing but an interrupt that came meanwhile."""
        self._finish(stop=True)

    def _finish(self, *, stop: bool) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        if stop:
            self._stop.set()
        self._jobs.put(None)

        def interrupt() -> None:
            self._stop.set()
            self.conn.interrupt()  # the statement running now ends with "interrupted"

        try:
            interrupted = wait_out(thread, self._done, interrupt)
        finally:
            sys.setswitchinterval(self._interval)
        if interrupted is not None:
            raise interrupted

    def _work(self) -> None:
        try:
            while (job := self._jobs.get()) is not None:
                if self._failed or self._stop.is_set():
                    continue
                try:
                    _run(self.conn, job, self._stop)
                except BaseException as exc:  # raised again by close() on the caller's thread
                    self._failed.append(exc)
        finally:
            self._done.set()
