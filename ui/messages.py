"""The words a volunteer reads for each verdict: a headline and what to do now.

Module-level strings are marked with QT_TRANSLATE_NOOP so lupdate finds them; they are
translated when shown (translate()), so a language change needs no re-import. Placeholders are
Python format fields ({time}, {station}, {room}) — translators keep them as they are.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from checkin.verdicts import VerdictKind

CONTEXT = "Verdict"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks text for lupdate (which looks for this name); typed, unlike PySide6's own."""
    return text


@dataclass(frozen=True)
class VerdictText:
    headline: str
    instruction: str


_TEXTS: dict[VerdictKind, tuple[str, str]] = {
    VerdictKind.ADMITTED: (
        QT_TRANSLATE_NOOP("Verdict", "Wejście"),
        QT_TRANSLATE_NOOP("Verdict", "Wydaj identyfikator"),
    ),
    VerdictKind.WELCOME_BACK: (
        QT_TRANSLATE_NOOP("Verdict", "Ponowne wejście"),
        QT_TRANSLATE_NOOP("Verdict", "Osoba wraca do sali — identyfikator ma już przy sobie"),
    ),
    VerdictKind.EXIT: (
        QT_TRANSLATE_NOOP("Verdict", "Wyjście"),
        QT_TRANSLATE_NOOP("Verdict", "Wyjście zapisane — do zobaczenia"),
    ),
    VerdictKind.ALREADY_INSIDE: (
        QT_TRANSLATE_NOOP("Verdict", "Już w sali"),
        QT_TRANSLATE_NOOP(
            "Verdict", "Ta osoba weszła o {time} przy stanowisku {station} — sprawdź dokument"
        ),
    ),
    VerdictKind.NOT_INSIDE: (
        QT_TRANSLATE_NOOP("Verdict", "Nie ma w sali"),
        QT_TRANSLATE_NOOP(
            "Verdict", "Ta osoba nie jest zapisana w sali — wyjścia nie zapisano, przepuść ją"
        ),
    ),
    VerdictKind.UNKNOWN: (
        QT_TRANSLATE_NOOP("Verdict", "Nieznany kod"),
        QT_TRANSLATE_NOOP("Verdict", "Nie ma takiego kodu — wpisz nazwisko, aby znaleźć osobę na liście"),
    ),
    VerdictKind.TYPO: (
        QT_TRANSLATE_NOOP("Verdict", "Kod odczytany z błędem"),
        QT_TRANSLATE_NOOP("Verdict", "Zeskanuj kod jeszcze raz albo wpisz go ponownie"),
    ),
    VerdictKind.CANCELLED: (
        QT_TRANSLATE_NOOP("Verdict", "Rejestracja odwołana"),
        QT_TRANSLATE_NOOP("Verdict", "Nie wpuszczaj — poproś koordynatora o decyzję"),
    ),
    VerdictKind.WRONG_EVENT: (
        QT_TRANSLATE_NOOP("Verdict", "Kod innego wydarzenia"),
        QT_TRANSLATE_NOOP("Verdict", "To zaproszenie jest na inne wydarzenie — poproś koordynatora"),
    ),
    VerdictKind.ROOM_FULL: (
        QT_TRANSLATE_NOOP("Verdict", "Sala pełna"),
        QT_TRANSLATE_NOOP("Verdict", "Sala pełna — poproś o chwilę oczekiwania"),
    ),
    VerdictKind.OVERRIDE: (
        QT_TRANSLATE_NOOP("Verdict", "Wejście ponad limit"),
        QT_TRANSLATE_NOOP("Verdict", "Decyzja koordynatora zapisana — wydaj identyfikator"),
    ),
}

# The door's other screens, in the same context so translators see them together.
READY_HEADLINE = QT_TRANSLATE_NOOP("Verdict", "Gotowe do skanowania")
READY_INSTRUCTION = QT_TRANSLATE_NOOP(
    "Verdict", "Zeskanuj kod z zaproszenia albo wpisz nazwisko i naciśnij Enter"
)
READY_INSTRUCTION_DOOR_ONLY = QT_TRANSLATE_NOOP("Verdict", "Zeskanuj kod z zaproszenia")
BUSY_HEADLINE = QT_TRANSLATE_NOOP("Verdict", "Sprawdzam…")
ERROR_HEADLINE = QT_TRANSLATE_NOOP("Verdict", "Nie udało się")
ERROR_INSTRUCTION = QT_TRANSLATE_NOOP(
    "Verdict", "Nic nie zostało zapisane. Spróbuj ponownie; jeśli to się powtarza, wezwij koordynatora"
)
UNDONE_HEADLINE = QT_TRANSLATE_NOOP("Verdict", "Cofnięto")
UNDONE_INSTRUCTION = QT_TRANSLATE_NOOP("Verdict", "Cofnięto ostatnią czynność: {what}")
NOTHING_TO_UNDO = QT_TRANSLATE_NOOP("Verdict", "Na tym stanowisku nie ma czynności do cofnięcia")
ALREADY_INSIDE_NO_STATION = QT_TRANSLATE_NOOP("Verdict", "Ta osoba weszła o {time} — sprawdź dokument")
ALREADY_INSIDE_NO_TIME = QT_TRANSLATE_NOOP("Verdict", "Ta osoba jest już zapisana w sali — sprawdź dokument")
READ_AS = QT_TRANSLATE_NOOP("Verdict", "Odczytano: {code}")
REPEAT_NOTE = QT_TRANSLATE_NOOP("Verdict", "Ten sam kod przed chwilą — nic nie zapisano ponownie")
SEARCH_OFF_HEADLINE = QT_TRANSLATE_NOOP("Verdict", "Tylko kody")
LOG_NOTE = QT_TRANSLATE_NOOP("Verdict", "(Szczegóły dla obsługi technicznej: {path})")
SEARCH_OFF = QT_TRANSLATE_NOOP(
    "Verdict", "Na tym stanowisku wyszukiwanie jest wyłączone — zeskanuj kod z zaproszenia"
)
ROOM_LINE = QT_TRANSLATE_NOOP("Verdict", "{room}: {inside} / {capacity}")
EXIT_MODE = QT_TRANSLATE_NOOP("Verdict", "WYJŚCIE")
ENTRANCE_MODE = QT_TRANSLATE_NOOP("Verdict", "WEJŚCIE")

_KIND_NAMES: dict[str, str] = {
    VerdictKind.ADMITTED: QT_TRANSLATE_NOOP("Verdict", "wejście"),
    VerdictKind.WELCOME_BACK: QT_TRANSLATE_NOOP("Verdict", "ponowne wejście"),
    VerdictKind.EXIT: QT_TRANSLATE_NOOP("Verdict", "wyjście"),
    VerdictKind.ALREADY_INSIDE: QT_TRANSLATE_NOOP("Verdict", "już w sali"),
    VerdictKind.NOT_INSIDE: QT_TRANSLATE_NOOP("Verdict", "nie ma w sali"),
    VerdictKind.UNKNOWN: QT_TRANSLATE_NOOP("Verdict", "nieznany kod"),
    VerdictKind.TYPO: QT_TRANSLATE_NOOP("Verdict", "błąd odczytu"),
    VerdictKind.CANCELLED: QT_TRANSLATE_NOOP("Verdict", "odwołana"),
    VerdictKind.WRONG_EVENT: QT_TRANSLATE_NOOP("Verdict", "inne wydarzenie"),
    VerdictKind.ROOM_FULL: QT_TRANSLATE_NOOP("Verdict", "sala pełna"),
    VerdictKind.OVERRIDE: QT_TRANSLATE_NOOP("Verdict", "ponad limit"),
    "undo": QT_TRANSLATE_NOOP("Verdict", "cofnięcie"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def verdict_text(kind: VerdictKind) -> VerdictText:
    headline, instruction = _TEXTS[kind]
    return VerdictText(translate(headline), translate(instruction))


def kind_name(kind: str) -> str:
    """A short lower-case name of a verdict kind (or 'undo') for lists."""
    text = _KIND_NAMES.get(kind)
    return translate(text) if text else kind


def all_source_texts() -> list[str]:
    """Every verdict text as written in the source (for tests of the translation table)."""
    return [t for pair in _TEXTS.values() for t in pair]
