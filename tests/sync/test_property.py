"""Property: any station histories, any permutation of their bundles with duplicates ->
the same consolidated ledger, holding exactly the union of the stations' entries."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.data import bulk
from station_app.data.db import open_ledger
from station_app.services import (
    catalogue,
    corrections,
    members,
    relief,
    station,
    sync_ops,
    visits,
)
from tests.helpers import ledger_hash, rid

from .kit import all_digests, clone_memory, export, import_one, link, own_digests

OPS = st.sampled_from(["signup", "visit", "visit", "visit", "void", "correct", "relief",
                       "campaign", "service", "transfer_out", "update", "export", "ack"])
CODES = ["MZL01", "EEH01", "ARS01"]


@contextlib.contextmanager
def _both_cores() -> Iterator[None]:
    """Every batch, however small, through the second thread (data.bulk), in small pieces."""
    saved = bulk.THREAD_ROWS, bulk.ROWS_PER_STATEMENT
    bulk.THREAD_ROWS, bulk.ROWS_PER_STATEMENT = 1, 2
    try:
        yield
    finally:
        bulk.THREAD_ROWS, bulk.ROWS_PER_STATEMENT = saved


def _memory(code: str, supervisor: bool = False):
    ledger = open_ledger(":memory:")
    station.init_station(ledger, code=code, name=f"驿站{code}", supervisor=supervisor, by="t")
    return ledger


class _Station:
    def __init__(self, ledger, id_pool: list[int]) -> None:
        self.ledger = ledger
        self.members: list[str] = []
        self.visits: list[str] = []
        self.services: dict[str, list[str]] = {}  # a corrected visit's services now
        self.campaign: str | None = None
        self.ids = id_pool

    def run(self, op: str, out: Path, bundles: list[Path]) -> None:
        lg = self.ledger
        if op == "signup" or (op in ("visit", "update", "transfer_out") and not self.members):
            n = self.ids.pop()
            form = members.SignUp(name=f"会员{n}", id_number=rid(n), phone=f"138{n:08d}",
                                  worker_type="courier")
            self.members.append(members.sign_up_member(lg, form, by="t").member_no)
        elif op == "visit":
            entry = visits.record_visit(lg, ["water"], by="t", member=self.members[-1])
            self.visits.append(entry.id)
        elif op == "void" and self.visits:
            corrections.void_entry(lg, self.visits.pop(), "错", by="t")
        elif op == "correct" and self.visits:
            # Each correction changes something (one that changes nothing is refused).
            target = self.visits[-1]
            given = ["charge"] if self.services.get(target) == ["rest"] else ["rest"]
            corrections.correct_entry(lg, target, {"services": given}, "改", by="t")
            self.services[target] = given
        elif op == "campaign" and self.campaign is None:
            self.campaign = "summer"  # the same code at every station: newest definition wins
            relief.define_campaign(lg, code="summer", name=f"夏送清凉{lg.station_code}",
                                   kind="cooling", by="t")
        elif op == "relief" and self.campaign:
            relief.give_relief(lg, campaign=self.campaign, by="t", walk_in_type="courier",
                               money_fen=100)
        elif op == "service":
            code = f"svc_{lg.station_code.lower()}_{len(self.visits)}"
            if not lg.conn.execute("SELECT 1 FROM services WHERE code = ?", (code,)).fetchone():
                catalogue.add_service(lg, code, "新服务", "New service", by="t")
        elif op == "transfer_out" and self.members:
            number = self.members.pop()
            members.transfer_out(lg, number, "外地工会", by="t")
        elif op == "update" and self.members:
            members.update_member(lg, self.members[-1], by="t", reason="改名", name="新名字")
        elif op == "export":
            bundles.append(export(lg, out).path)
        elif op == "ack":
            lg.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(histories=st.lists(st.lists(OPS, max_size=14), min_size=1, max_size=3),
       data=st.data())
def test_any_order_with_duplicates_gives_the_same_ledger(histories, data) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sup = _memory("HLB00", supervisor=True)
        ids = list(range(1, 900))
        stations = []
        for n, history in enumerate(histories):
            lg = _memory(CODES[n])
            link(sup, lg, tmp / "ids")
            stations.append((_Station(lg, ids), history))
        bundles: list[Path] = []
        for n, (stn, history) in enumerate(stations):
            out = tmp / f"out{n}"
            for op in history:
                stn.run(op, out, bundles)
            bundles.append(export(stn.ledger, out).path)  # whatever is still unacknowledged
        in_order = clone_memory(sup)
        for path in bundles:
            assert import_one(in_order, path).ok
        shuffled = clone_memory(sup)
        order = data.draw(st.permutations(bundles))
        extra = data.draw(st.lists(st.sampled_from(bundles), max_size=4))
        for path in [*order[:1], *extra, *order[1:]]:
            outcome = import_one(shuffled, path)
            assert outcome.ok, outcome.error
        assert ledger_hash(shuffled) == ledger_hash(in_order)
        # The same files in one run, every batch written on the second thread a few rows per
        # statement, each file read while the one before commits.
        together = clone_memory(sup)
        with _both_cores():
            outcomes = sync_ops.import_bundles(together, [*order[:1], *extra, *order[1:]],
                                               actor="sup")
        assert all(o.ok for o in outcomes), [o.error for o in outcomes]
        assert ledger_hash(together) == ledger_hash(in_order)
        union = set().union(*(own_digests(s.ledger) for s, _ in stations))
        assert all_digests(shuffled) - own_digests(sup) == union
        # projections equal a from-scratch rebuild of the same log
        from station_app.data import projector

        rebuilt = clone_memory(shuffled)
        with rebuilt.write():
            projector.rebuild_all(rebuilt)
        assert ledger_hash(rebuilt) == ledger_hash(shuffled)
        for stn, _ in stations:
            stn.ledger.close()
        sup.close()
