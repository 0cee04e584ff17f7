"""Schema version 1: the entry log, its projections, and the tables that serve sync and audit."""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE entries (
        id TEXT PRIMARY KEY,
        station TEXT NOT NULL,
        epoch INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        target TEXT,
        body TEXT NOT NULL,
        sealed BLOB,
        pii_hash TEXT,
        digest TEXT NOT NULL,
        UNIQUE (station, epoch, seq)
    )""",
    "CREATE INDEX entries_target ON entries(target) WHERE target IS NOT NULL",
    "CREATE INDEX entries_kind ON entries(kind, recorded_at)",
    # Member history is folded per member number; visits are not indexed here.
    # The WHERE text must equal entries.MEMBER_KINDS_SQL so SQLite can use this partial index.
    "CREATE INDEX entries_member ON entries(json_extract(body, '$.member_no'))"
    " WHERE kind IN ('card.issue','card.printed','member.signup','member.update',"
    "'member.verify','member.withdraw','transfer.in','transfer.out')",
    """CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
        BEGIN SELECT RAISE(ABORT, 'append_only: entries cannot be changed'); END""",
    """CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'append_only: entries cannot be deleted'); END""",
    # Stations this ledger knows: itself, enrolled stations (supervisor), its supervisor.
    """CREATE TABLE stations (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        league TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'station',
        role TEXT NOT NULL,
        public_key BLOB,
        box_key BLOB,
        fingerprint TEXT,
        enrolled_at TEXT,
        revoked_at TEXT
    )""",
    # ---- projections (rebuildable from entries) ----
    """CREATE TABLE members (
        member_no TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL,
        home_station TEXT NOT NULL,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        phone_tail TEXT NOT NULL DEFAULT '',
        id_masked TEXT NOT NULL DEFAULT '',
        id_tail TEXT NOT NULL DEFAULT '',
        id_hash TEXT,
        sex TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        worker_type TEXT NOT NULL,
        employer TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active',
        verified TEXT NOT NULL DEFAULT 'unverified',
        card_serial INTEGER NOT NULL DEFAULT 0,
        card_printed_serial INTEGER NOT NULL DEFAULT 0,
        consent_version TEXT NOT NULL DEFAULT '',
        joined_at TEXT NOT NULL,
        joined_day TEXT NOT NULL,
        other_union TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'local',
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX members_phone_tail ON members(phone_tail)",
    "CREATE INDEX members_id_tail ON members(id_tail)",
    "CREATE INDEX members_pinyin ON members(name_pinyin)",
    "CREATE INDEX members_initials ON members(name_initials)",
    "CREATE INDEX members_id_hash ON members(id_hash)",
    "CREATE INDEX members_name ON members(name)",
    "CREATE INDEX members_joined ON members(joined_day, home_station)",
    "CREATE INDEX members_phone ON members(phone)",
    # One row per distinct character of a member's name: substring search without a table scan.
    """CREATE TABLE member_keys (
        key TEXT NOT NULL,
        member_no TEXT NOT NULL,
        PRIMARY KEY (key, member_no)
    ) WITHOUT ROWID""",
    """CREATE TABLE visits (
        entry_id TEXT PRIMARY KEY,
        station TEXT NOT NULL,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        hour INTEGER NOT NULL,
        weekday INTEGER NOT NULL,
        member_no TEXT,
        worker_type TEXT NOT NULL,
        walk_in INTEGER NOT NULL,
        doc_type TEXT,
        nationality TEXT,
        voided INTEGER NOT NULL DEFAULT 0,
        corrected_by TEXT
    )""",
    "CREATE INDEX visits_day ON visits(day, station)",
    "CREATE INDEX visits_member ON visits(member_no, day) WHERE member_no IS NOT NULL",
    "CREATE INDEX visits_station_day ON visits(station, day)",
    """CREATE TABLE visit_services (
        entry_id TEXT NOT NULL,
        service TEXT NOT NULL,
        PRIMARY KEY (entry_id, service)
    ) WITHOUT ROWID""",
    """CREATE TABLE relief (
        entry_id TEXT PRIMARY KEY,
        station TEXT NOT NULL,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        campaign TEXT NOT NULL,
        member_no TEXT,
        worker_type TEXT NOT NULL,
        money_fen INTEGER NOT NULL DEFAULT 0,
        override_reason TEXT,
        voided INTEGER NOT NULL DEFAULT 0,
        corrected_by TEXT
    )""",
    "CREATE INDEX relief_campaign ON relief(campaign, member_no)",
    "CREATE INDEX relief_day ON relief(day, station)",
    """CREATE TABLE relief_goods (
        entry_id TEXT NOT NULL,
        item TEXT NOT NULL,
        qty INTEGER NOT NULL,
        PRIMARY KEY (entry_id, item)
    ) WITHOUT ROWID""",
    """CREATE TABLE campaigns (
        code TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        starts TEXT NOT NULL DEFAULT '',
        ends TEXT NOT NULL DEFAULT '',
        one_per_person INTEGER NOT NULL DEFAULT 1,
        station TEXT NOT NULL
    )""",
    """CREATE TABLE enrolments (
        entry_id TEXT PRIMARY KEY,
        station TEXT NOT NULL,
        day TEXT NOT NULL,
        programme TEXT NOT NULL,
        member_no TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}',
        voided INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX enrolments_member ON enrolments(member_no)",
    "CREATE INDEX enrolments_day ON enrolments(day, station)",
    """CREATE TABLE transfers (
        entry_id TEXT PRIMARY KEY,
        station TEXT NOT NULL,
        day TEXT NOT NULL,
        member_no TEXT NOT NULL,
        direction TEXT NOT NULL,
        other_union TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX transfers_day ON transfers(day, station)",
    """CREATE TABLE cards (
        member_no TEXT NOT NULL,
        serial INTEGER NOT NULL,
        entry_id TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        printed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (member_no, serial)
    )""",
    """CREATE TABLE services (
        code TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        sort INTEGER NOT NULL
    )""",
    # Voids and corrections may arrive (by sync) before the entry they point at.
    """CREATE TABLE voids (
        entry_id TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX voids_target ON voids(target)",
    """CREATE TABLE corrections (
        entry_id TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        ord TEXT NOT NULL,
        body TEXT NOT NULL
    )""",
    "CREATE INDEX corrections_target ON corrections(target, ord)",
    # ---- people and audit ----
    """CREATE TABLE attendants (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        secret_hash TEXT,
        created_at TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}',
        outcome TEXT NOT NULL DEFAULT 'ok'
    )""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'append_only: audit log cannot be changed'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'append_only: audit log cannot be deleted'); END""",
    # ---- sync ----
    """CREATE TABLE import_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        station TEXT,
        epoch INTEGER,
        seq_from INTEGER,
        seq_to INTEGER,
        result TEXT NOT NULL,
        error_code TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
)
