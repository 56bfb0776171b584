"""The Polish text the command line prints for each verdict: who it is and what to do.

The desktop app words verdicts itself (translated with Qt); this is the terminal's wording.
"""

from datetime import datetime

from .verdicts import GuestView, RoomCount, Verdict, VerdictKind
from .zones import local_text


def _who(guest: GuestView | None) -> str:
    if guest is None:
        return "gość"
    org = f" ({guest.organization})" if guest.organization else ""
    return f"{guest.full_name}{org}"


def _room(room: RoomCount | None) -> str:
    if room is None:
        return ""
    return f" {room.name}: {room.inside}/{room.capacity} osób w środku."


def _time(moment: datetime | None, zone: str) -> str:
    return local_text(moment, zone, time_only=True) if moment else "?"


def verdict_message(v: Verdict, zone: str = "Europe/Warsaw") -> str:
    """One or two sentences for the volunteer: what happened, to whom, and what to do now."""
    who = _who(v.guest)
    raw = v.raw_input.strip()
    text = {
        VerdictKind.ADMITTED: f"WPUŚĆ: {who}. Wydaj identyfikator.",
        VerdictKind.WELCOME_BACK: f"WPUŚĆ — powrót: {who} (wyjście o {_time(v.previous_at, zone)}).",
        VerdictKind.EXIT: f"WYJŚCIE zapisane: {who}.",
        VerdictKind.ALREADY_INSIDE: (
            f"UWAGA: {who} już jest w środku (wejście o {_time(v.previous_at, zone)}, "
            f"stanowisko {v.previous_station or '?'}). Nie wpuszczaj drugi raz na ten kod — "
            "sprawdź, czy to ta sama osoba, i w razie wątpliwości wezwij koordynatora."
        ),
        VerdictKind.NOT_INSIDE: (
            f"{who} nie jest zapisany(-a) w tej sali, więc wyjścia nie zapisano. "
            "Jeśli ta osoba wchodzi, zeskanuj kod na wejściu."
        ),
        VerdictKind.UNKNOWN: (
            f"NIEZNANY KOD „{raw}”. Nie ma go na liście. Wyszukaj gościa po nazwisku "
            "albo zarejestruj go jako gościa bez rejestracji."
        ),
        VerdictKind.TYPO: (
            f"BŁĄD W KODZIE „{raw}” (literówka albo złe odczytanie). "
            "Zeskanuj jeszcze raz albo wpisz kod ponownie, znak po znaku."
        ),
        VerdictKind.CANCELLED: (
            f"REJESTRACJA ODWOŁANA: {who}. Nie wpuszczaj; skieruj tę osobę do koordynatora."
        ),
        VerdictKind.WRONG_EVENT: (
            f"KOD Z INNEGO WYDARZENIA („{raw}”). Nie wpuszczaj na ten kod; "
            "wyszukaj gościa po nazwisku."
        ),
        VerdictKind.ROOM_FULL: (
            f"SALA PEŁNA — nie wpuszczaj: {who}. Poproś o zaczekanie, aż ktoś wyjdzie; "
            "tylko koordynator może wpuścić ponad limit (--override)."
        ),
        VerdictKind.OVERRIDE: (
            f"WPUSZCZONO PONAD LIMIT: {who}. Zapisano jako decyzję koordynatora."
        ),
    }[v.kind]
    if v.repeat:
        text = "Powtórzony odczyt tego samego kodu — nic nowego nie zapisano. " + text
    return text + _room(v.room)


__all__ = ["verdict_message"]
