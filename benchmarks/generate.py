"""Synthetic station and region ledgers at realistic scale, for every benchmark.

``make_station(path)`` builds a real ledger FILE (plus its ``.keys`` folder) through the same
code production uses: ``open_ledger`` + ``services.station.init_station``, then entries built in
memory exactly as the services would write them (``member.signup`` with a sealed ID number,
``card.issue``, visits with 1-3 services, walk-ins, foreign drivers, voids, relief ...), inserted
with ``entries.INSERT`` inside ``ledger.write()`` and projected by ``projector.project`` in
chunks. Only the per-entry Python overhead of the services (one transaction per visit) is
skipped; the bytes on disk are what a station would have.

Entries are in time order: UUIDv7 ids carry each entry's own ``recorded_at`` millisecond, seqs
are gap-free, members only visit after they joined. Everything but the keys and the AES-GCM
nonces is a pure function of the parameters and ``seed``.

Generated files are cached under ``bench-data/`` (gitignored) keyed by the parameters and the
schema version; ``make_station`` copies the cached file and its keys to ``path``. A file cached
under an older schema is upgraded in place by the migrations, as a station's ledger would be.

    from benchmarks.generate import make_station, make_region
    path = make_station(tmp / "station.db", members=2_000, visits=20_000)

Run ``python -m benchmarks.generate [--members N] [--visits N] [--out PATH]`` to build one and
print how long it took.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import functools
import itertools
import os
import random
import shutil
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from station_app.data import entries as entries_mod
from station_app.data import migrations, projector
from station_app.data.db import Ledger, open_ledger
from station_app.data.entries import Entry
from station_app.data.keys import key_dir_for
from station_app.domain import canonical, catalogue, clock, consent, ids, member_no, resident_id
from station_app.services import station as station_ops

GENERATOR_VERSION = 4
ROOT = Path(__file__).resolve().parent.parent


def cache_dir() -> Path:
    """``bench-data/`` in the project (gitignored), or ``$STATION_BENCH_DATA``."""
    return Path(os.environ.get("STATION_BENCH_DATA", ROOT / "bench-data"))

# Synthetic ledgers end on this day so cached files stay valid; pass ``end=`` to move it.
END_DAY = date(2026, 11, 27)
TZ = timezone(timedelta(hours=8))  # China Standard Time: what a station PC in Inner Mongolia says
CHUNK = 50_000

# ---- realistic people -------------------------------------------------------------------------
# Surnames roughly by frequency (the first ones are the most common), ending with the polyphonic
# ones the search must read as surnames (曾 单 解 仇 翟 ...).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵"
    "苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙")
GIVEN_MALE = (
    "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳毅峰建国志海东亮成亚文"
    "晓博斌彬新立金兵松永德胜利卫民生春宏江"
)
GIVEN_FEMALE = (
    "芳娜敏静丽艳娟霞秀英华玉兰梅燕琳萍红莉婷雪琴慧颖倩洁晶怡佳欣悦璐蕾薇丹岚月凤桂春云"
)
# Mongolian given names, often used alone as the whole name, sometimes after a Chinese surname.
MONGOLIAN = (
    "巴特尔", "其其格", "乌兰", "苏和", "宝音", "额尔敦", "那仁花", "斯琴", "朝鲁", "图雅",
    "孟和", "乌日娜", "哈斯", "呼和", "敖登", "萨仁", "格日勒", "满都拉", "特木尔", "巴雅尔",
    "吉日嘎拉", "娜仁托雅", "阿拉坦仓", "额尔德尼", "乌力吉", "布和", "毕力格", "达来",
    "图门", "巴图", "查干", "宝力道", "乌云", "萨日娜", "其木格", "阿木古楞", "包格日乐图",
    "斯日古楞", "朝克图", "海日汗", "那顺", "巴音", "乌恩", "格根塔娜", "敖其尔",
)
EMPLOYERS = ("美团", "饿了么", "顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东物流",
             "申通快递", "极兔速递", "滴滴出行", "曹操出行", "满帮", "货拉拉", "个体", "")
# Home areas (GB/T 2260): mostly Inner Mongolia, then the provinces truck drivers come from.
AREAS_LOCAL = ("150781", "150702", "150102", "150203", "152502", "150602", "150402",
               "152201", "150802", "150902", "150105", "150204", "150783", "150784")
AREAS_AWAY = ("130102", "140105", "230103", "220102", "210102", "370102", "410105", "620102",
              "640104", "610113", "110105", "120101")
WORKERS = ("delivery_rider", "courier", "truck_driver", "ride_hailing", "other")
WORKER_WEIGHTS = (30, 20, 32, 12, 6)
ATTENDANTS = ("zhangli", "wangfang", "liuyang", "baoyin", "admin")
SERVICE_ORDER = {s.code: n for n, s in enumerate(catalogue.DEFAULT_SERVICES)}
# Everyday services and how often they are asked for; seasonal ones are added by month.
SERVICE_WEIGHTS = {"water": 40, "rest": 26, "meal_heat": 14, "charge": 22, "toilet": 18,
                   "first_aid": 2, "wifi": 9, "legal": 0.4, "health": 0.8, "counsel": 0.2,
                   "jobs": 0.4, "reading": 1.5}
VOID_REASONS = ("误登记", "重复登记", "服务项目选错", "会员号录错")
VOID_RATE = 0.004  # about one visit in 250 is voided later the same day


@dataclass
class _Member:
    number: str
    name: str
    phone: str
    id_number: str
    worker_type: str
    sex: str


@dataclass
class _Stream:
    """Entries of one station in time order, flushed to the ledger in chunks."""

    ledger: Ledger
    code: str
    rng: random.Random
    epoch: int = 1
    seq: int = 0
    pending: list[Entry] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    last_ms: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    progress: bool = False
    flushed: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, moment: datetime, kind: str, body: dict[str, Any], *, by: str,
            target: str | None = None, sealed: bytes | None = None) -> Entry:
        ms = int(moment.timestamp() * 1000)
        if ms <= self.last_ms:  # same millisecond: keep ids, times and seqs in one order
            ms = self.last_ms + 1
            moment = datetime.fromtimestamp(ms / 1000, TZ)
        self.last_ms = ms
        self.seq += 1
        id_ = uuid7_at(ms, self.rng)
        at = moment.isoformat(timespec="milliseconds")
        body_json = canonical.dumps(body)  # serialised once: for the digest and for the row
        # compute_digest over the canonical body text is exactly Entry.computed_digest().
        digest = entries_mod.compute_digest(id_, self.code, self.epoch, self.seq, kind, at, by,
                                            target, body_json)
        entry = Entry(id=id_, station=self.code, epoch=self.epoch, seq=self.seq, kind=kind,
                      recorded_at=at, recorded_by=by, target=target, body=body, sealed=sealed,
                      digest=digest)
        self.pending.append(entry)
        self.rows.append((id_, self.code, self.epoch, self.seq, kind, at, by, target, body_json,
                          sealed, None, digest))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if len(self.pending) >= CHUNK:
            self.flush()
        return entry

    def flush(self) -> None:
        if not self.pending:
            return
        chunk, self.pending = self.pending, []
        rows, self.rows = self.rows, []
        with self.ledger.write():
            self.ledger.conn.executemany(entries_mod.INSERT, rows)
            projector.project(self.ledger, chunk)
        self.flushed += len(rows)
        if self.progress and self.flushed % (CHUNK * 10) < CHUNK:
            print(f"  {self.flushed:,} entries, {time.perf_counter() - self.started:.0f} s",
                  file=sys.stderr, flush=True)


def uuid7_at(ms: int, rng: random.Random) -> str:
    """A UUIDv7 for the given Unix millisecond (entries' ids sort by their recorded time)."""
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def person_name(rng: random.Random, sex: str) -> str:
    roll = rng.random()
    if roll < 0.07:
        return rng.choice(MONGOLIAN)
    if roll < 0.10:
        return _surname(rng) + rng.choice(MONGOLIAN)
    pool = GIVEN_MALE if sex == "M" else GIVEN_FEMALE
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
    if rng.random() < 0.01:
        return rng.choice(DOUBLE_SURNAMES) + given
    return _surname(rng) + given


def _surname_weights() -> list[float]:
    # Shares (%) of the ten most common surnames in China (王 7.3, 李 7.2, 张 6.8 ...), then a
    # power-law tail: the top hundred cover about 85% of people, as in the census.
    top = [7.25, 7.19, 6.83, 5.38, 4.53, 3.08, 2.23, 2.29, 2.05, 1.91]
    middle = [1.8 * (11 / (i + 1)) ** 1.2 for i in range(10, 100)]
    rest = [0.05] * (len(SURNAMES) - 100)
    return list(itertools.accumulate(top + middle + rest))


SURNAME_CUM = _surname_weights()


def _surname(rng: random.Random) -> str:
    return rng.choices(SURNAMES, cum_weights=SURNAME_CUM)[0]


def mobile(rng: random.Random) -> str:
    prefix = rng.choice(("13", "15", "18", "17", "19", "14", "16"))
    return f"{prefix}{rng.randrange(10):d}{rng.randrange(10**8):08d}"


def _hour(rng: random.Random) -> int:
    # Opening hours 6-23 with a lunch and an evening peak.
    return rng.choices(range(6, 23), (1, 2, 3, 4, 5, 7, 9, 8, 6, 5, 5, 6, 8, 9, 7, 4, 2))[0]


@functools.lru_cache(maxsize=16)
def _service_table(month: int) -> tuple[list[str], list[float]]:
    weights = dict(SERVICE_WEIGHTS)
    if month in (11, 12, 1, 2, 3):
        weights["warming"] = 20
    if month in (6, 7, 8):
        weights["cooling"] = 20
    codes = list(weights)
    return codes, list(itertools.accumulate(weights[c] for c in codes))


def _services(rng: random.Random, day: date) -> list[str]:
    codes, cum = _service_table(day.month)
    wanted = rng.choices((1, 2, 3), cum_weights=(55, 88, 100))[0]
    chosen = set(rng.choices(codes, cum_weights=cum, k=wanted))
    return sorted(chosen, key=SERVICE_ORDER.__getitem__)


def _spread(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split over ``weights`` in integers that add up exactly."""
    scale = sum(weights)
    out: list[int] = []
    acc = 0.0
    done = 0
    for w in weights:
        acc += total * w / scale
        n = round(acc) - done
        out.append(n)
        done += n
    return out


def _cache_key(kind: str, schema: int | None = None, **params: Any) -> str:
    items = "-".join(f"{k}{v}" for k, v in sorted(params.items()))
    version = migrations.latest_version() if schema is None else schema
    return f"{kind}-g{GENERATOR_VERSION}-s{version}-{items}"


def _older_cache(kind: str, **params: Any) -> Path | None:
    """The same ledger cached under an older schema version, if any (the newest of them)."""
    for version in range(migrations.latest_version() - 1, 0, -1):
        path = cache_dir() / f"{_cache_key(kind, version, **params)}.db"
        if path.exists() and key_dir_for(path).exists():
            return path
    return None


def _upgrade(old: Path, new: Path) -> None:
    """Migrate a cached ledger in place (as a station upgrading its program would) and rename.

    A migration that rebuilds a table leaves its old pages free inside the file (a station's
    new entries reuse them); the cache is compacted so that sizes and timings measured on it are
    those of a ledger built at the current schema."""
    ledger = open_ledger(old)
    try:
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        free, total = (ledger.conn.execute(f"PRAGMA {p}").fetchone()[0]
                       for p in ("freelist_count", "page_count"))
        if free > total // 20:
            ledger.conn.execute("VACUUM")
            ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ledger.close()
    if key_dir_for(new).exists():
        shutil.rmtree(key_dir_for(new))
    key_dir_for(old).rename(key_dir_for(new))
    old.rename(new)


@contextlib.contextmanager
def _cache_lock(name: str) -> Iterator[None]:
    cache_dir().mkdir(parents=True, exist_ok=True)
    with open(cache_dir() / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_ledger(path: Path) -> None:
    """Delete a ledger file, its WAL files and its key folder (benchmark scratch files only)."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
    keys = key_dir_for(path)
    if keys.exists():
        shutil.rmtree(keys)


def _copy_ledger(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    remove_ledger(dest)
    keys = key_dir_for(dest)
    shutil.copyfile(source, dest)
    shutil.copytree(key_dir_for(source), keys)


def make_station(path: str | Path, *, code: str = "MZL01", members: int = 200_000,
                 visits: int = 2_000_000, days: int = 365, seed: int = 1,
                 end: date = END_DAY, cache: bool = True, quiet: bool = True) -> Path:
    """A station ledger at ``path`` (with ``<stem>.keys``) holding about ``visits`` visits.

    Cached under ``bench-data/``; repeated calls with the same parameters only copy the file.
    Returns ``path``.
    """
    dest = Path(path)
    if not cache:
        remove_ledger(dest)
        build_station(dest, code=code, members=members, visits=visits, days=days, seed=seed,
                      end=end, quiet=quiet)
        return dest
    params: dict[str, Any] = {"code": code, "m": members, "v": visits, "d": days,
                              "seed": seed, "end": end.isoformat()}
    name = _cache_key("station", **params)
    cached = cache_dir() / f"{name}.db"
    # One lock for every schema version of these parameters: an older cached file is upgraded
    # through the migrations (seconds) instead of generated again (minutes at full scale).
    with _cache_lock(_cache_key("station", 0, **params)):
        older = None if cached.exists() else _older_cache("station", **params)
        if older is not None:
            _upgrade(older, cached)
        if not cached.exists() or not key_dir_for(cached).exists():
            tmp = cache_dir() / f"{name}.tmp.db"
            remove_ledger(tmp)
            build_station(tmp, code=code, members=members, visits=visits, days=days, seed=seed,
                          end=end, quiet=quiet)
            if key_dir_for(cached).exists():
                shutil.rmtree(key_dir_for(cached))
            key_dir_for(tmp).rename(key_dir_for(cached))
            tmp.rename(cached)
    _copy_ledger(cached, dest)
    return dest


def build_station(path: Path, *, code: str = "MZL01", members: int = 200_000,
                  visits: int = 2_000_000, days: int = 365, seed: int = 1,
                  end: date = END_DAY, name: str | None = None, league: str = "呼伦贝尔市总工会",
                  quiet: bool = True) -> dict[str, int]:
    """Write a new station ledger at ``path`` (no cache); returns entry counts by kind."""
    started = time.perf_counter()
    rng = random.Random(f"{seed}:{code}")
    first = end - timedelta(days=days - 1)
    ledger = open_ledger(path, create=True)
    try:
        ledger.conn.execute("PRAGMA synchronous = OFF")  # a generator, not a counter
        init_at = datetime.combine(first, datetime.min.time(), TZ).replace(hour=7)
        # The first entry too is dated (time and UUIDv7 id) on the ledger's first day.
        real_uuid7 = ids.uuid7
        ids.uuid7 = lambda: uuid7_at(int(init_at.timestamp() * 1000), rng)
        try:
            with clock.fixed(init_at):
                station_ops.init_station(ledger, code=code, name=name or f"{code}驿站",
                                         league=league, by="admin")
        finally:
            ids.uuid7 = real_uuid7
        stream = _Stream(ledger, code, rng, seq=ledger.next_seq(code, 1) - 1,
                         last_ms=int(init_at.timestamp() * 1000), progress=not quiet)
        _fill(stream, members=members, visits=visits, first=first, days=days)
        stream.flush()
        with ledger.write():
            ledger.set_setting("member.next_serial", str(members + 1))
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ledger.close()
    if not quiet:
        took = time.perf_counter() - started
        print(f"generated {path} ({path.stat().st_size / 1e6:.0f} MB) in {took:.1f} s: "
              + ", ".join(f"{k} {v}" for k, v in sorted(stream.counts.items())),
              file=sys.stderr)
    return stream.counts


def _fill(stream: _Stream, *, members: int, visits: int, first: date, days: int) -> None:
    rng = stream.rng
    code = stream.code
    # Sign-ups: a drive in the first weeks, then a steady trickle.
    signups = _spread(members, [3.0 if d < 21 else 1.0 for d in range(days)])
    # Visits: busier in winter (warming) and at the summer peak of freight.
    visit_days = [
        1.0 + 0.25 * ((first + timedelta(days=d)).month in (12, 1, 2, 7, 8))
        + 0.1 * ((first + timedelta(days=d)).isoweekday() >= 6) for d in range(days)]
    per_day = _spread(visits, visit_days)
    campaign_day = first + timedelta(days=max(0, days - 40))
    campaign = "WARM" + str(campaign_day.year)
    joined: list[_Member] = []
    seen_ids: set[str] = set()
    relief_given: set[int] = set()
    serial = 0
    for d in range(days):
        day = first + timedelta(days=d)
        events: list[tuple[datetime, str, Any]] = []
        for _ in range(signups[d]):
            events.append((_moment(rng, day), "signup", None))
        for _ in range(per_day[d]):
            events.append((_moment(rng, day), "visit", None))
        if day == campaign_day:
            events.append((datetime.combine(day, datetime.min.time(), TZ).replace(hour=6,
                                                                                minute=30),
                           "campaign", None))
        if day >= campaign_day and joined:
            for _ in range(max(1, len(joined) // 400)):
                events.append((_moment(rng, day), "relief", None))
        events.sort(key=lambda e: e[0])
        pool = len(joined)  # members who joined before today may visit today
        for moment, what, _ in events:
            by = rng.choice(ATTENDANTS)
            if what == "signup":
                serial += 1
                member = _new_member(rng, code, serial, seen_ids)
                joined.append(member)
                _sign_up(stream, moment, member, by)
            elif what == "visit":
                _visit(stream, moment, by, joined, pool, day)
            elif what == "campaign":
                stream.add(moment, "campaign.define", {
                    "code": campaign, "name": f"{day.year}年冬季送温暖", "kind": "warming",
                    "starts": day.isoformat(), "ends": (day + timedelta(days=60)).isoformat(),
                    "one_per_person": True}, by="admin")
            elif what == "relief" and pool:
                index = rng.randrange(pool)
                if index in relief_given:
                    continue
                relief_given.add(index)
                member = joined[index]
                stream.add(moment, "relief", {
                    "campaign": campaign, "money_fen": rng.choice((10000, 20000, 30000)),
                    "goods": [{"item": "棉手套", "qty": 1}, {"item": "保温杯", "qty": 1}],
                    "override_reason": None, "member_no": member.number,
                    "worker_type": member.worker_type}, by=by)


def _moment(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, _hour(rng), rng.randrange(60),
                    rng.randrange(60), rng.randrange(1000) * 1000, TZ)


def _new_member(rng: random.Random, code: str, serial: int, seen: set[str]) -> _Member:
    sex = "M" if rng.random() < 0.82 else "F"  # drivers and riders are mostly men
    while True:
        area = rng.choice(AREAS_LOCAL) if rng.random() < 0.7 else rng.choice(AREAS_AWAY)
        born = date(1962 + rng.randrange(42), rng.randrange(1, 13), rng.randrange(1, 29))
        seq = rng.randrange(500) * 2 + (1 if sex == "M" else 0)
        number = resident_id.make(area, born, seq)
        if number not in seen:
            seen.add(number)
            break
    return _Member(member_no.make(code, serial), person_name(rng, sex), mobile(rng), number,
                   rng.choices(WORKERS, WORKER_WEIGHTS)[0], sex)


def _sign_up(stream: _Stream, moment: datetime, member: _Member, by: str) -> None:
    rng = stream.rng
    rid = resident_id.parse(member.id_number)
    body = {
        "member_no": member.number, "name": member.name, "phone": member.phone,
        "worker_type": member.worker_type, "employer": rng.choice(EMPLOYERS),
        "sex": rid.sex, "birth_date": rid.birth_date.isoformat(), "id_masked": rid.masked,
        "id_tail": rid.tail, "home_station": stream.code,
        "consent_version": consent.CONSENT_VERSION,
    }
    stream.add(moment, "member.signup", body, by=by,
               sealed=stream.ledger.keys.seal(member.id_number))
    stream.add(moment, "card.issue", {"member_no": member.number, "serial": 1, "reason": "new"},
               by=by)


def _visit(stream: _Stream, moment: datetime, by: str, joined: list[_Member], pool: int,
           day: date) -> None:
    rng = stream.rng
    services = _services(rng, day)
    roll = rng.random()
    if pool and roll < 0.40:
        # Regulars: members who joined early come back more often.
        member = joined[int(pool * rng.random() ** 1.6)]
        body: dict[str, Any] = {
            "member_no": member.number, "worker_type": member.worker_type,
            "services": services, "walk_in": False, "doc_type": None, "nationality": None}
        if rng.random() < 0.7:
            body["card_serial"] = 1  # scanned the card rather than typing the number
    elif roll < 0.46:
        body = {"member_no": None, "services": services, "walk_in": True,
                "worker_type": "truck_driver", "doc_type": rng.choice(("passport", "passport",
                                                                       "other")),
                "nationality": rng.choices(("MN", "RU", "KZ"), (70, 28, 2))[0]}
    else:
        body = {"member_no": None, "services": services, "walk_in": True,
                "worker_type": rng.choices(WORKERS, WORKER_WEIGHTS)[0], "doc_type": None,
                "nationality": None}
    entry = stream.add(moment, "visit", body, by=by)
    if rng.random() < VOID_RATE:  # the attendant notices the slip at once
        stream.add(moment, "void", {"reason": rng.choice(VOID_REASONS)}, by=by, target=entry.id)


# ---- a region: many small stations ------------------------------------------------------------

def make_region(directory: str | Path, stations: int = 100, *, members: int = 500,
                visits: int = 5_000, days: int = 90, seed: int = 1, prefix: str = "HLB",
                cache: bool = True, quiet: bool = True) -> list[Path]:
    """``stations`` station ledgers ``<dir>/<CODE>.db`` (codes ``HLB001`` ...), each with its
    own keys, members and visits. Returns their paths in code order."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, stations + 1):
        code = f"{prefix}{n:03d}"
        paths.append(make_station(out / f"{code}.db", code=code, members=members, visits=visits,
                                  days=days, seed=seed + n, cache=cache, quiet=quiet))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--visits", type=int, default=2_000_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--code", default="MZL01")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write here (default: only the cache)")
    parser.add_argument("--no-cache", action="store_true", help="build afresh, do not cache")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out = args.out or Path(os.environ.get("TMPDIR", "/tmp")) / "bench-station.db"
    make_station(out, code=args.code, members=args.members, visits=args.visits, days=args.days,
                 seed=args.seed, cache=not args.no_cache, quiet=False)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
