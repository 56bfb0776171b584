"""Invitations sent before the event: one PDF per guest, one merged PDF, QR PNGs, a mail-merge CSV.

Each invitation carries the guest's QR code and the code in readable form, the event's name, date,
place and how to get in. The CSV (UTF-8 with BOM, so Excel shows Polish letters; semicolons, the
list separator of Polish Excel) lists name, e-mail, code and the files to attach.
"""

import csv
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import Engine

from . import qr
from .badges import fonts
from .badges.fit import fit_text
from .badges.geometry import Box
from .badges.records import BadgeGuest, badge_guests
from .badges.render import draw_fitted, draw_qr
from .db import session
from .errors import UserError
from .exports.tabular import safe_cell
from .models import Event
from .textnorm import key
from .zones import local

MERGED = "zaproszenia-wszystkie.pdf"
CSV_NAME = "korespondencja-seryjna.csv"
PDF_DIR, QR_DIR = "pdf", "qr"
CSV_HEADER = ["Imię", "Nazwisko", "Imię i nazwisko", "Organizacja", "E-mail", "Kod",
              "Plik PDF", "Plik QR"]
ACCENT = HexColor("#1F5FA8")
TEXT = HexColor("#111111")
_WEEKDAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]
_MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"]
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class EventDetails:
    name: str
    when: str  # "piątek, 27 lutego 2026, 17:30–19:30"
    venue: str
    address: str


@dataclass(frozen=True)
class InvitationFile:
    guest_id: int
    full_name: str
    email: str
    code: str  # in readable form
    pdf: str  # relative to the output folder, with forward slashes
    png: str


@dataclass(frozen=True)
class InvitationsResult:
    folder: Path
    merged: Path
    csv: Path
    pdf_dir: Path
    qr_dir: Path
    files: list[InvitationFile]


def event_details(engine: Engine, event_id: int) -> EventDetails:
    with session(engine) as s:
        ev = s.get(Event, event_id)
        if ev is None:
            raise UserError(f"Nie ma wydarzenia o numerze {event_id}.")
        start = local(ev.starts, ev.timezone)
        when = f"{_WEEKDAYS[start.weekday()]}, {start.day} {_MONTHS[start.month - 1]} {start.year}, "
        when += start.strftime("%H:%M")
        if ev.ends is not None:
            when += "–" + local(ev.ends, ev.timezone).strftime("%H:%M")
        return EventDetails(ev.name, when, ev.venue, ev.address)


def safe_file_name(full_name: str, code: str) -> str:
    """A file name (no extension) any system accepts: 'Łukasz Żółć' -> 'lukasz-zolc_k7m2q9'."""
    words = [w for w in (key(part) for part in full_name.replace("-", " ").split()) if w]
    base = "-".join(words)[:60].strip("-") or "gosc"
    tail = key(code)[:6]
    name = f"{base}_{tail}" if tail else base
    return f"{name}_" if name in _RESERVED else name


def _page(c: Canvas, guest: BadgeGuest, event: EventDetails) -> None:
    """One invitation on an A4 page."""
    pw, ph = A4
    margin = 20 * mm
    width = pw - 2 * margin
    band = 14 * mm
    c.setFillColor(ACCENT)
    c.rect(0, ph - band, pw, band, stroke=0, fill=1)
    c.setFillColor(white)
    draw_fitted(c, fit_text("ZAPROSZENIE", fonts.BOLD, width, band * 0.6, (16, 10), 1),
                Box(margin, ph - band * 0.8, width, band * 0.6), vcentre=True)
    c.setFillColor(TEXT)
    y = ph - band - 10 * mm

    def block(text: str, font: str, sizes: tuple[float, float], lines: int, height: float,
              centred: bool = False, gap: float = 3 * mm) -> None:
        nonlocal y
        fitted = fit_text(text, font, width, height, sizes, lines)
        box = Box(margin, y - height, width, height)
        draw_fitted(c, fitted, box, centred)
        y -= (fitted.height() if fitted.lines else 0.0) + gap

    block(event.name, fonts.BOLD, (22, 14), 3, 30 * mm, gap=6 * mm)
    block(f"Termin: {event.when}", fonts.REGULAR, (13, 10), 2, 12 * mm)
    place = ", ".join(p for p in (event.venue, event.address) if p)
    if place:
        block(f"Miejsce: {place}", fonts.REGULAR, (13, 10), 3, 16 * mm)
    y -= 4 * mm
    block("Zaproszenie imienne dla:", fonts.REGULAR, (11, 9), 1, 6 * mm, gap=1.5 * mm)
    block(guest.full_name, fonts.BOLD, (24, 14), 2, 20 * mm, gap=1.5 * mm)
    if guest.organization:
        block(guest.organization, fonts.REGULAR, (13, 9), 2, 12 * mm)
    side = 55 * mm
    y -= 2 * mm
    draw_qr(c, guest.code, (pw - side) / 2, y - side, side, quiet=4)
    y -= side + 1 * mm
    block(f"Kod wejścia: {guest.display_code}", fonts.BOLD, (15, 9), 1, 9 * mm, centred=True,
          gap=8 * mm)
    block("Jak wejść", fonts.BOLD, (14, 12), 1, 7 * mm, gap=2 * mm)
    for step in (
        "1. Przy wejściu pokaż ten kod QR – na telefonie albo wydrukowany.",
        "2. Jeśli kodu nie da się zeskanować, podaj obsłudze kod wejścia zapisany pod nim "
        "albo swoje imię i nazwisko.",
        "3. Identyfikator z imieniem i nazwiskiem odbierzesz przy wejściu.",
    ):
        block(step, fonts.REGULAR, (11, 8.5), 3, 14 * mm, gap=1.5 * mm)


def write_invitations(guests: Sequence[BadgeGuest], event: EventDetails,
                      out: Path | str | BinaryIO) -> None:
    """The guests' invitations, one page each, into one PDF (a path or a binary stream)."""
    fonts.register_fonts()
    c = Canvas(out if not isinstance(out, Path) else str(out), pagesize=A4, pageCompression=1,
               initialFontName=fonts.REGULAR, initialFontSize=10)
    c.setTitle(f"Zaproszenie – {event.name}")
    c.setAuthor("checkin")
    c.setCreator("checkin")
    for guest in guests:
        _page(c, guest, event)
        c.showPage()
    c.save()


def _prepare(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} nie jest folderem. Podaj folder na zaproszenia (--out).")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".zaproszenia-", dir=folder))
    except OSError as exc:
        raise UserError(
            f"Nie można zapisać zaproszeń w folderze {folder}: {exc.strerror or exc}. "
            "Wybierz inny folder (--out)."
        ) from exc


def make_invitations(engine: Engine, event_id: int, folder: Path) -> InvitationsResult:
    """Every registered guest's invitation, the merged PDF, QR PNGs and the mail-merge CSV.

    Everything is written to a hidden folder first and moved into place at the end, so a failed
    run leaves the previous invitations as they were.
    """
    guests = badge_guests(engine, event_id)
    event = event_details(engine, event_id)
    staging = _prepare(folder)
    try:
        files = _write_all(guests, event, staging) if guests else []
        if files:
            for sub in (PDF_DIR, QR_DIR):
                (folder / sub).mkdir(exist_ok=True)
            for f in files:
                os.replace(staging / f.pdf, folder / f.pdf)
                os.replace(staging / f.png, folder / f.png)
            os.replace(staging / MERGED, folder / MERGED)
            os.replace(staging / CSV_NAME, folder / CSV_NAME)
    except OSError as exc:
        raise UserError(
            f"Nie udało się zapisać zaproszeń w folderze {folder}: {exc.strerror or exc}."
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return InvitationsResult(folder, folder / MERGED, folder / CSV_NAME, folder / PDF_DIR,
                             folder / QR_DIR, files)


def _write_all(guests: Sequence[BadgeGuest], event: EventDetails, staging: Path) -> list[InvitationFile]:
    (staging / PDF_DIR).mkdir()
    (staging / QR_DIR).mkdir()
    files: list[InvitationFile] = []
    taken: set[str] = set()
    for guest in guests:
        base = safe_file_name(guest.full_name, guest.code)
        name, n = base, 2
        while name in taken:  # the same name and code start: numbered, in list order
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        f = InvitationFile(guest.id, guest.full_name, guest.email, guest.display_code,
                           f"{PDF_DIR}/{name}.pdf", f"{QR_DIR}/{name}.png")
        write_invitations([guest], event, staging / f.pdf)
        qr.write_png(guest.code, staging / f.png)
        files.append(f)
    write_invitations(guests, event, staging / MERGED)
    with (staging / CSV_NAME).open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(CSV_HEADER)
        for guest, f in zip(guests, files, strict=True):
            writer.writerow([
                *(safe_cell(v) for v in (guest.first_name, guest.last_name, guest.full_name,
                                         guest.organization, guest.email, f.code)),
                f.pdf, f.png,
            ])
    return files
