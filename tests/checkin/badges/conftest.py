"""Fixtures for the badge tests: an event whose guests have names that break careless code."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from checkin.badges import BadgeGuest, badge_guests
from checkin.events import EventInfo
from checkin.importing.service import import_file

# (first name, last name, organization, role, code or "" for a generated one)
TRICKY = [
    ("Łukasz", "Żółć", "Fundacja „Ślężańskie Źródła”", "Gość", ""),
    ("Grzegorz", "Brzęczyszczykiewicz", "Stowarzyszenie Chrząszczy Pszczyńskich", "Prasa", ""),
    ("Świętosława", "Ślęzak-Wąsowicz", "", "Prelegent", ""),
    ("ŻANETA", "JĘDRZEJCZYK-ŹDŹBŁO", "Koło Gospodyń Wiejskich w Łące Ńskiej", "Organizator", ""),
    ("Zdzisław", "Dąb", "Spółdzielnia Socjalna „Ćma”", "", "zap-000123"),
    ("Małgorzata Jadwiga", "Kościuszko-Piłsudska-Ęą", "Uniwersytet Trzeciego Wieku im. Ojca "
     "Świętego Jana Pawła II przy Parafii Najświętszej Maryi Panny w Gołkowicach", "Wolontariusz", ""),
]


@dataclass(frozen=True)
class BadgeDb:
    engine: Engine
    event: EventInfo
    guests: list[BadgeGuest]  # sorted as badges are printed


def import_guests(engine: Engine, event: EventInfo, folder: Path,
                  rows: list[tuple[str, str, str, str, str]]) -> None:
    lines = ["Imię;Nazwisko;Organizacja;Kategoria;E-mail;Kod"]
    lines += [f"{first};{last};{org};{role};{first.lower()}.{i}@example.org;{code}"
              for i, (first, last, org, role, code) in enumerate(rows)]
    path = folder / "lista.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_file(engine, path, event.id, accept_warnings=True)
    assert report.applied


@pytest.fixture
def badge_db(engine: Engine, event: EventInfo, tmp_path: Path) -> BadgeDb:
    import_guests(engine, event, tmp_path, TRICKY)
    return BadgeDb(engine, event, badge_guests(engine, event.id))
