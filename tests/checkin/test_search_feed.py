"""The search index follows the database: loads, and sees what other stations change.

Other stations are real checkin.engine Doors on a second engine (their own connection pool).
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from checkin.badges.records import mark_printed
from checkin.db import open_database
from checkin.engine import Door
from checkin.event_file import parse_event_file
from checkin.events import EventInfo, init_event
from checkin.importing.service import import_file
from checkin.models import utcnow
from checkin.occupancy import GUEST, PASSAGE
from checkin.resources import resource
from checkin.search import GuestFilter, GuestIndex, Presence
from checkin.search_feed import BLOCK, FULL_RELOAD_ABOVE, GuestFeed

SAMPLE_LIST = resource("sample", "zgloszenia-lawka-dialogu.csv")


def guest_id_of(engine: Engine, first: str, last: str) -> int:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(GUEST.c.id).where(GUEST.c.first_name == first, GUEST.c.last_name == last)
        ).scalar_one()


# -- fixtures -----------------------------------------------------------------------------------

@pytest.fixture
def listed(engine: Engine, event: EventInfo) -> EventInfo:
    report = import_file(engine, SAMPLE_LIST, event.id, accept_warnings=True)
    assert report.applied
    return event


@pytest.fixture
def other_engine(db_path: Path) -> Iterator[Engine]:
    """A second connection pool on the same file: another laptop at another door."""
    eng = open_database(str(db_path))
    yield eng
    eng.dispose()


@pytest.fixture
def other_door(other_engine: Engine, listed: EventInfo) -> Door:
    return Door(other_engine, listed.id, "Wejście 2")


def presence(index: GuestIndex, guest_id: int) -> Presence:
    g = index.get(guest_id)
    assert g is not None
    return g.presence


# -- tests --------------------------------------------------------------------------------------

def test_load_reads_every_guest_of_the_event(engine: Engine, listed: EventInfo) -> None:
    feed = GuestFeed(engine, listed.id)
    index = feed.load()
    assert len(index) == 150
    assert [g.full_name for g in index.search("lukasz zolc").guests] == ["Łukasz Żółć"]
    assert feed.rooms == {r.id: r.name for r in listed.rooms}
    assert not feed.changes()  # nothing happened since


def test_check_in_exit_and_undo_elsewhere_change_presence(
    engine: Engine, other_door: Door, listed: EventInfo
) -> None:
    feed = GuestFeed(engine, listed.id)
    index = feed.load()
    gid = guest_id_of(engine, "Łukasz", "Żółć")
    assert presence(index, gid) is Presence.NOT_ARRIVED

    entry = other_door.admit(gid)
    assert entry.recorded
    delta = feed.changes()
    assert gid in {g.id for g in delta.changed}
    assert len(delta.changed) <= BLOCK
    assert index.apply(delta.changed, delta.removed)
    assert presence(index, gid) is Presence.INSIDE
    assert [g.id for g in index.search("", GuestFilter.INSIDE).guests] == [gid]

    exit_ = other_door.leave(gid)
    index.apply(feed.changes().changed)
    assert presence(index, gid) is Presence.LEFT

    assert exit_.passage_id is not None
    other_door.undo(exit_.passage_id)
    index.apply(feed.changes().changed)
    assert presence(index, gid) is Presence.INSIDE

    assert entry.passage_id is not None
    other_door.undo(entry.passage_id)  # the only entry taken back: never arrived after all
    index.apply(feed.changes().changed)
    assert presence(index, gid) is Presence.NOT_ARRIVED


def test_walk_ins_edits_badges_and_deletions_elsewhere_are_seen(
    engine: Engine, other_engine: Engine, other_door: Door, listed: EventInfo
) -> None:
    feed = GuestFeed(engine, listed.id)
    index = feed.load()
    walk_in = other_door.walk_in("Świętopełk", "Zażółcki", "Klub Nowy")
    assert walk_in.guest is not None
    gid = guest_id_of(engine, "Beata", "Pietrzak")
    mark_printed(other_engine, [gid])  # a badge printed: no update stamp moves, no passage
    lukasz = guest_id_of(engine, "Łukasz", "Żółć")
    with other_engine.begin() as conn:
        conn.execute(sa.delete(GUEST).where(GUEST.c.id == lukasz))
    delta = feed.changes()
    assert index.apply(delta.changed, delta.removed)
    assert [g.full_name for g in index.search("swietopelk zazolcki").guests] == ["Świętopełk Zażółcki"]
    assert [g.id for g in index.search("", GuestFilter.WALK_INS).guests] == [walk_in.guest.id]
    assert presence(index, walk_in.guest.id) is Presence.INSIDE
    badge = index.get(gid)
    assert badge is not None
    assert badge.badge_prints == 1
    assert index.get(lukasz) is None
    assert not index.search("lukasz zolc").guests
    assert len(index) == 150


def test_a_reimport_with_changes_updates_names(
    engine: Engine, listed: EventInfo, tmp_path: Path
) -> None:
    feed = GuestFeed(engine, listed.id)
    index = feed.load()
    changed = tmp_path / "lista.csv"
    changed.write_text(
        SAMPLE_LIST.read_text(encoding="utf-8").replace("Towarzystwo Głos Kobiet", "Fundacja Żuraw"),
        encoding="utf-8",
    )
    import_file(engine, changed, listed.id, accept_warnings=True)
    delta = feed.changes()
    assert delta.changed
    assert delta.index is None
    index.apply(delta.changed, delta.removed)
    assert "Łukasz Żółć" in [g.full_name for g in index.search("zuraw").guests]
    assert not index.search("glos kobiet").guests


def test_a_large_change_reloads_everything(engine: Engine, listed: EventInfo, tmp_path: Path) -> None:
    feed = GuestFeed(engine, listed.id)
    feed.load()
    big = tmp_path / "duza.csv"
    big.write_text("Imię;Nazwisko\n" + "".join(
        f"Osoba;Numer{i}\n" for i in range(FULL_RELOAD_ABOVE + 10)
    ), encoding="utf-8")
    import_file(engine, big, listed.id, accept_warnings=True)
    delta = feed.changes()
    assert delta.index is not None
    assert len(delta.index) == 150 + FULL_RELOAD_ABOVE + 10


def test_a_passage_committed_late_is_still_seen(engine: Engine, listed: EventInfo) -> None:
    """On PostgreSQL ids are taken at insert and committed in any order: a lower id may appear
    after a higher one was read."""
    feed = GuestFeed(engine, listed.id)
    index = feed.load()
    room = listed.rooms[0].id
    first = guest_id_of(engine, "Beata", "Pietrzak")
    late = guest_id_of(engine, "Marta", "Łęcka")

    def passage(passage_id: int, guest_id: int) -> None:
        with engine.begin() as conn:
            conn.execute(sa.insert(PASSAGE).values(
                id=passage_id, event_id=listed.id, guest_id=guest_id, room_id=room,
                direction="in", verdict="admitted", at=utcnow(), forced=False, raw_input="",
                reason="",
            ))

    with engine.connect() as conn:
        top = conn.execute(sa.select(sa.func.max(PASSAGE.c.id))).scalar() or 0
    passage(top + 2, first)  # committed first, though its id came second
    index.apply(feed.changes().changed)
    passage(top + 1, late)  # the slow transaction commits after `first`'s passage was read
    # Only the passage (the guest row does not change) says she was admitted.
    delta = feed.changes()
    assert late in {g.id for g in delta.changed}
    index.apply(delta.changed)
    assert presence(index, late) is Presence.LEFT


def test_other_events_are_left_out(engine: Engine, listed: EventInfo, tmp_path: Path) -> None:
    other_file = tmp_path / "inne.toml"
    other_file.write_text(
        '[event]\nname = "Inne spotkanie"\nstarts = 2026-03-01T10:00:00+01:00\n\n'
        '[[rooms]]\nname = "Aula"\ncapacity = 10\n', encoding="utf-8",
    )
    other = init_event(engine, parse_event_file(other_file)).event
    Door(engine, other.id, "Aula").walk_in("Łukasz", "Inny")
    index = GuestFeed(engine, listed.id).load()
    assert [g.full_name for g in index.search("lukasz").guests] == [
        "Łukasz Lewandowski", "Łukasz Pęcherz", "Łukasz Żółć",
    ]


@pytest.mark.pg
def test_postgresql_station_sees_another_station(pg_url: str) -> None:
    engine = open_database(pg_url)
    other = open_database(pg_url)
    try:
        event = init_event(engine, parse_event_file(resource("events", "lawka-dialogu-2026.toml"))).event
        import_file(engine, SAMPLE_LIST, event.id, accept_warnings=True)
        feed = GuestFeed(engine, event.id)
        index = feed.load()
        assert len(index) == 150
        gid = guest_id_of(engine, "Łukasz", "Żółć")
        door = Door(other, event.id, "Wejście 2")
        assert door.admit(gid).recorded
        door.walk_in("Żaneta", "Nowa")
        delta = feed.changes()
        index.apply(delta.changed, delta.removed)
        assert presence(index, gid) is Presence.INSIDE
        assert [g.full_name for g in index.search("zaneta nowa").guests] == ["Żaneta Nowa"]
        assert not feed.changes()
    finally:
        other.dispose()
        engine.dispose()
