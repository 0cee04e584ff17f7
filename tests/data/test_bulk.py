"""The bulk writer: rows written on a second thread land exactly as ``executemany`` puts them,
inside the caller's transaction, and its failures come back to the caller."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from station_app.data import bulk

UPSERT = "INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT DO UPDATE SET v = v + excluded.v"


def _conn(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
    conn.execute("CREATE TABLE u (a, b, c)")
    return conn


@pytest.mark.parametrize("count", [0, 1, 7, 512, 513, 1833])
def test_threaded_rows_equal_executemany(tmp_path: Path, count: int) -> None:
    rows = [(f"k{n % 600:04d}", n) for n in range(count)]  # repeated keys add up
    other = [(n, f"名字{n}", None if n % 3 else b"\x00\x01") for n in range(count)]
    results = []
    for threaded in (False, True):
        conn = _conn(tmp_path / f"{threaded}.db")
        conn.execute("BEGIN")
        writer = bulk.Writer(conn, threaded=threaded)
        writer.insert(UPSERT, rows)
        writer.insert("INSERT INTO u (a, b, c) VALUES (?, ?, ?)", other)
        writer.close()
        conn.execute("COMMIT")
        results.append((conn.execute("SELECT * FROM t ORDER BY k").fetchall(),
                        conn.execute("SELECT * FROM u ORDER BY rowid").fetchall()))
        conn.close()
    assert results[0] == results[1]
    assert sum(v for _, v in results[1][0]) == sum(range(count))


def test_writes_stay_in_the_callers_transaction(tmp_path: Path) -> None:
    conn = _conn(tmp_path / "t.db")
    conn.execute("BEGIN")
    writer = bulk.Writer(conn, threaded=True)
    writer.insert(UPSERT, [(f"k{n}", n) for n in range(2000)])
    writer.close()
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (2000,)
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)


class Clash(Exception):
    pass


def test_a_failure_on_the_thread_is_raised_by_close(tmp_path: Path) -> None:
    conn = _conn(tmp_path / "t.db")
    conn.execute("BEGIN")
    writer = bulk.Writer(conn, threaded=True)
    plain = "INSERT INTO t (k, v) VALUES (?, ?)"
    writer.insert(plain, [("a", 1), ("b", 2)])
    writer.insert(plain, [("c", 3), ("a", 4)],
                  lambda exc: Clash() if isinstance(exc, sqlite3.IntegrityError) else exc)
    writer.insert("INSERT INTO u (a, b, c) VALUES (?, ?, ?)", [(1, 2, 3)])  # skipped
    with pytest.raises(Clash):
        writer.close()
    assert conn.execute("SELECT COUNT(*) FROM u").fetchone() == (0,)
    conn.execute("ROLLBACK")  # the connection is the caller's again
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)


def test_statement_texts_stay_few() -> None:
    """Every batch size is written with a handful of statement texts (each is compiled once
    per connection): the largest piece, then powers of two."""
    sizes = set()
    for count in range(0, 3000, 37):
        pieces = list(bulk._chunks(count, 512))
        assert sum(size for _, size in pieces) == count
        assert [at for at, _ in pieces] == [sum(s for _, s in pieces[:n])
                                            for n in range(len(pieces))]
        sizes.update(size for _, size in pieces)
    assert sizes <= {1 << n for n in range(10)}


def test_a_build_with_fewer_parameters_gets_smaller_statements(tmp_path: Path) -> None:
    """SQLite built with a lower SQLITE_MAX_VARIABLE_NUMBER (999 before 3.32): the writer asks
    the connection and stays under it."""
    conn = _conn(tmp_path / "t.db")
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    conn.execute("BEGIN")
    writer = bulk.Writer(conn, threaded=True)
    writer.insert("INSERT INTO u (a, b, c) VALUES (?, ?, ?)", [(n, n, n) for n in range(5000)])
    writer.close()
    conn.execute("COMMIT")
    assert conn.execute("SELECT COUNT(*), SUM(a) FROM u").fetchone() == (5000, sum(range(5000)))
