from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkin.event_file import EventFileError, parse_event_file
from tests.conftest import SAMPLE_EVENT


def test_shipped_event_is_the_real_meeting() -> None:
    spec = parse_event_file(SAMPLE_EVENT)
    assert spec.name.startswith("Ławka dialogu")
    assert spec.starts == datetime(2026, 2, 27, 16, 30, tzinfo=UTC)  # 17:30 in Warsaw (CET)
    assert spec.ends == datetime(2026, 2, 27, 18, 30, tzinfo=UTC)
    assert spec.address == "ul. Zabłocie 20, 30-701 Kraków"
    assert "Zabłocie 20.22" in spec.venue
    assert [(r.name, r.capacity, r.warn_at) for r in spec.rooms] == [("Sala 005", 60, 0.9)]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "ev.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """
[event]
name = "Spotkanie"
starts = 2026-03-01T10:00:00
[[rooms]]
name = "Aula"
capacity = 100
"""


def test_local_time_means_the_events_zone(tmp_path: Path) -> None:
    spec = parse_event_file(_write(tmp_path, GOOD))
    assert spec.starts == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert spec.rooms[0].warn_at == 0.9


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (GOOD.replace("capacity = 100", "capacty = 100"), ["capacty", "[[rooms]] nr 1"]),
        (GOOD.replace('name = "Spotkanie"', 'name = "S"\nplace = "x"'), ["place", "[event]"]),
        (GOOD + "\n[extra]\na = 1\n", ["extra"]),
        (GOOD.replace("capacity = 100", "capacity = 0"), ["capacity"]),
        (GOOD.replace("capacity = 100", 'capacity = "sto"'), ["capacity"]),
        (GOOD.replace("capacity = 100", "capacity = 100\nwarn_at = 1.5"), ["warn_at"]),
        (GOOD.replace("starts = 2026-03-01T10:00:00", 'starts = "jutro"'), ["event.starts"]),
        (GOOD.replace("starts = 2026-03-01T10:00:00", ""), ["event.starts"]),
        (GOOD.split("[[rooms]]")[0], ["[[rooms]]"]),
        ("[event\nname=", ["TOML"]),
    ],
)
def test_mistakes_are_named(tmp_path: Path, body: str, names: list[str]) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(EventFileError) as info:
        parse_event_file(path)
    message = str(info.value)
    assert str(path) in message
    for name in names:
        assert name in message


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(EventFileError, match="nope.toml"):
        parse_event_file(tmp_path / "nope.toml")
