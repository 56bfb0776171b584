"""checkin.pdf_text reads back what the app's PDFs say, as an independent reader (pypdf) does."""

import io
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from checkin.attendance import attendance
from checkin.badges import BadgeGuest, make_badges
from checkin.events import EventInfo
from checkin.exports import attendance_pdf
from checkin.importing.service import import_file
from checkin.invitations import EventDetails, write_invitations
from checkin.pdf_text import PdfError, summarize
from checkin.resources import resource

EVENT = EventDetails("Ławka dialogu (test) \\ spotkanie", "piątek, 27 lutego 2026, 17:30–19:30",
                     "Zabłocie 20.22", "ul. Zabłocie 20, 30-701 Kraków")
# Polish letters, the characters a PDF string must escape, and ordinary punctuation.
NAME_CHARS = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘŁNŃÓŚŹŻ()\\-'. "


def flat(text: str) -> str:
    return "".join(text.split())


def pypdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def invitation(first: str, last: str, org: str = "Stowarzyszenie (Kraków)") -> bytes:
    out = io.BytesIO()
    guest = BadgeGuest(1, first, last, org, "Gość", "K7M2Q9XDA4B5C6D7E")
    write_invitations([guest], EVENT, out)
    return out.getvalue()


@pytest.fixture
def with_guests(engine: Engine, event: EventInfo) -> EventInfo:
    import_file(engine, resource("sample", "zgloszenia-lawka-dialogu.csv"), event.id, accept_warnings=True)
    return event


def test_badges_read_the_same_as_pypdf(engine: Engine, with_guests: EventInfo, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    run = make_badges(engine, with_guests.id, out)
    data = out.read_bytes()
    pdf = summarize(data)
    reference = pypdf.PdfReader(out)
    assert pdf.pages == len(reference.pages) == -(-len(run.guests) // 10)  # 10 badges an A4 page
    assert pdf.fonts == ["DejaVuSansCondensed", "DejaVuSansCondensed-Bold"]
    assert flat(pdf.text) == flat(pypdf_text(data))
    assert "Elżbieta Adamczyk" in pdf.text


def test_attendance_list_reads_the_same_as_pypdf(engine: Engine, with_guests: EventInfo) -> None:
    data = attendance_pdf.render(with_guests, attendance(engine, with_guests.id))
    pdf = summarize(data)
    assert pdf.pages == len(pypdf.PdfReader(io.BytesIO(data)).pages) > 1
    assert flat(pdf.text) == flat(pypdf_text(data))
    assert "Lista obecności" in pdf.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.text(NAME_CHARS, min_size=1, max_size=18).filter(str.strip),
       last=st.text(NAME_CHARS, min_size=1, max_size=18).filter(str.strip))
def test_any_name_on_an_invitation_is_read_back(first: str, last: str) -> None:
    data = invitation(first, last)
    text = summarize(data).text
    assert flat(f"{first} {last}") in flat(text)
    assert flat(text) == flat(pypdf_text(data))


def test_a_name_that_is_not_there_is_not_found() -> None:
    text = summarize(invitation("Łukasz", "Żółć")).text
    assert "ŁukaszŻółć" in flat(text)
    assert "Zolc" not in text
    assert "Chrząszcz" not in text


def test_not_a_pdf_and_a_cut_pdf_are_refused() -> None:
    data = invitation("Anna", "Nowak")
    with pytest.raises(PdfError, match="%PDF-"):
        summarize(b"PK\x03\x04 a spreadsheet, not a PDF")
    with pytest.raises(PdfError, match="%%EOF"):
        summarize(data[: len(data) // 2])
    with pytest.raises(PdfError):
        summarize(b"")
