"""Core schema additions after version 1 (new migrations take the next number above all others)."""

from __future__ import annotations

from .migrations import Migration

MIGRATIONS = [
    # A name typed at the counter is most often a surname alone (王, 李 ...), shared by thousands
    # of members: this covering index sorts the exact and prefix matches without reading rows.
    Migration(42, "name search index", (
        "CREATE INDEX members_name_pinyin ON members(name, name_pinyin)",
    )),
    # Every index on members is written for each member a supervisor imports; these three
    # repeat another one: (name) is the prefix of members_name_pinyin, (joined_day,
    # home_station) of rep_members_joined, and a full phone is looked up by its tail.
    Migration(44, "drop repeated member indexes", (
        "DROP INDEX IF EXISTS members_name",
        "DROP INDEX IF EXISTS members_joined",
        "DROP INDEX IF EXISTS members_phone",
    )),
    # A withdrawn member may rejoin (member.rejoin): the partial index over member history must
    # list the new kind, in exactly the text of entries.MEMBER_KINDS_SQL (tests/data checks).
    Migration(48, "member history index includes rejoins", (
        "DROP INDEX IF EXISTS entries_member",
        "CREATE INDEX entries_member ON entries(json_extract(body, '$.member_no'))"
        " WHERE kind IN ('card.issue','card.printed','member.rejoin','member.signup',"
        "'member.update','member.verify','member.withdraw','transfer.in','transfer.out')",
    )),
    # The same person active under two numbers (queries.same_person_twice) is looked for on
    # every refresh of the Sync page: one pass over this index instead of every member row.
    Migration(49, "index of the active members' ID hashes", (
        "CREATE INDEX IF NOT EXISTS members_active_id_hash ON members(id_hash)"
        " WHERE status = 'active' AND id_hash IS NOT NULL",
    )),
]
