"""Reading a registration list (CSV in any of the encodings Polish offices produce, or XLSX) into rows.

What comes out is a table of strings with the header row found and empty rows dropped; what the
columns mean is decided later (headers.py). A file that cannot be read raises ImportFileError
naming the file and what to do.
"""

import codecs
import csv
import datetime as dt
import io
import logging
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..textnorm import clean
from .headers import map_columns, names_a_person

log = logging.getLogger(__name__)

MAX_BYTES = 200_000_000  # far above any guest list; a larger file is surely the wrong one
HEADER_SEARCH_ROWS = 30  # title rows above the header: forms and offices add a few, not dozens
_DELIMITERS = (";", ",", "\t")
_POLISH = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Characters that mean "decoded with the wrong Polish code page": cp1250's ± ¶ ź-lookalikes when
# the file is ISO-8859-2, and ISO-8859-2's š Ľ ¥ or C1 controls when it is cp1250.
_WRONG_PAGE = frozenset("±¶¼Ľľ¥šŠ¹¿¦¬\ufffd")


class ImportFileError(UserError):
    """The file cannot be read as a registration list; nothing was imported."""


@dataclass
class RawTable:
    path: Path
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)
    header_row: int
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    title_rows: list[str] = field(default_factory=list)  # text above the header, e.g. a title


def read_table(path: Path) -> RawTable:
    """The file as a table; ImportFileError (naming the file) if it is not a usable list."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(
                f"{path.name}: plik ma {size // 1_000_000} MB — to nie wygląda na listę gości."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path.name}: nie można odczytać pliku ({exc.strerror}).") from exc
    if not data.strip():
        raise ImportFileError(f"{path.name}: plik jest pusty. Wybierz plik z listą zgłoszeń.")
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{path.name}: to arkusz w starym formacie Excel 97–2003 (.xls). "
            "Otwórz go w arkuszu i zapisz jako .xlsx albo CSV."
        )
    if path.suffix.lower() in {".xlsx", ".xlsm", ".ods"}:
        raise ImportFileError(
            f"{path.name}: nazwa wskazuje arkusz {path.suffix}, ale plik nim nie jest. "
            "Jeśli to tekst rozdzielany średnikami lub przecinkami, zmień rozszerzenie na .csv."
        )
    return _read_csv(path, data)


# -- CSV ------------------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name): BOMs first, then UTF-8, then the Polish code page that fits best."""
    for bom, encoding, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), label
            except UnicodeDecodeError as exc:
                raise _encoding_error(name, exc) from exc
    head = data[:4000]
    if b"\x00" in head:
        if len(head) > 8 and head[1::2].count(0) > 0.9 * len(head[1::2]):
            try:  # UTF-16 without a BOM, as some exporters write it
                return data.decode("utf-16-le"), "UTF-16"
            except UnicodeDecodeError:
                pass
        raise ImportFileError(
            f"{name}: to nie jest plik tekstowy CSV ani arkusz XLSX (zawiera dane binarne). "
            "Wyeksportuj listę jako CSV lub XLSX."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _accidental_utf8(text, data):
            return text, "UTF-8"
    candidates = []
    for encoding, label in (("cp1250", "Windows-1250"), ("iso-8859-2", "ISO-8859-2")):
        text = data.decode(encoding, errors="replace")
        polish = sum(1 for ch in text if ch in _POLISH)
        wrong = sum(1 for ch in text if ch in _WRONG_PAGE or ("\x80" <= ch <= "\x9f"))
        candidates.append((polish - 5 * wrong, -wrong, label, text))
    score, neg_wrong, label, text = max(candidates)
    if neg_wrong == 0 or score > 0:
        return text, label
    # Neither Polish code page fits: another language's file; let charset-normalizer name it.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise ImportFileError(
        f"{name}: nie udało się rozpoznać kodowania znaków. Zapisz plik jako „CSV UTF-8”."
    )


_PLAUSIBLE_PUNCTUATION = frozenset("„”“‘’«»–—…·•°§")
# Beyond ASCII, Latin-1, Latin Extended-A and punctuation: what accidental UTF-8 produces.
_UNUSUAL = re.compile("[^\x00-\x7f\u00a0-\u017f\u2000-\u20cf]")


def _clean_polish(data: bytes, encoding: str) -> bool:
    """The bytes read in this code page as Polish text: its only non-ASCII are Polish letters."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return all(ch.isascii() or ch in _POLISH or ch in _PLAUSIBLE_PUNCTUATION for ch in text)


def _accidental_utf8(text: str, data: bytes) -> bool:
    """Whether valid UTF-8 is really a Polish code page that happens to decode.

    A capital Ć, Ę, Ń or Ó followed by Ś, Ź, Ł, Ą or Ż is a valid two-byte UTF-8 sequence, a
    small ć or ę followed by two of them a three-byte one: "ĆĄ" reads as "ƥ", "GÓŁKA" as "GӣKA",
    "ćĄŚ" as "楌". So when the UTF-8 reading holds anything beyond Latin letters and punctuation,
    and the same bytes read as clean Polish in Windows-1250 or ISO-8859-2, the code page wins.
    A real UTF-8 list with Cyrillic or Chinese names does not read as clean Polish that way.
    """
    if text.isascii() or not _UNUSUAL.search(text):
        return False
    return _clean_polish(data, "cp1250") or _clean_polish(data, "iso-8859-2")


def _encoding_error(name: str, exc: UnicodeDecodeError) -> ImportFileError:
    return ImportFileError(
        f"{name}: plik zaczyna się znacznikiem {exc.encoding}, ale dalej zawiera inne kodowanie "
        f"(bajt {exc.start}). Zapisz go ponownie jako „CSV UTF-8”."
    )


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most consistent number of columns."""
    best = (0, 0, 0, ",")
    for rank, delimiter in enumerate(_DELIMITERS):
        counts = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
        if not counts:
            continue
        width, rows = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (rows, width, -rank, delimiter)
        if score > best:
            best = score
    return best[3]


def _read_csv(path: Path, data: bytes) -> RawTable:
    text, encoding = decode(data, path.name)
    lines = text[:200_000].splitlines()[:61]  # the delimiter is judged on the first lines
    first = lines[0].strip().strip('"') if lines else ""
    if first.lower().startswith("sep=") and len(first) == 5:
        # Excel's own hint line: "sep=;" names the delimiter and is not data.
        delimiter = first[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        offset = 1
    else:
        delimiter = sniff_delimiter([line for line in lines[:60] if line.strip()])
        offset = 0
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise ImportFileError(f"{path.name}: nie można odczytać CSV ({exc}).") from exc
    rows = [(n + offset, [clean(c) for c in cells]) for n, cells in enumerate(records, start=1)]
    return _table(path, "csv", rows, encoding=encoding, delimiter=delimiter)


# -- XLSX -----------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TAK" if value else "NIE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # phone numbers and ticket numbers typed as numbers
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M" if value.time() != dt.time(0) else "%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return clean(str(value))


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
        if "mimetype" in names and "content.xml" in names:
            raise ImportFileError(
                f"{path.name}: to arkusz OpenDocument (.ods). Zapisz go jako .xlsx albo CSV."
            )
        if "xl/workbook.xml" not in names:
            raise ImportFileError(
                f"{path.name}: to archiwum ZIP, a nie arkusz XLSX. Wybierz plik .xlsx lub .csv."
            )
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean "unreadable"
        log.info("cannot open %s as XLSX: %r", path, exc)
        raise ImportFileError(
            f"{path.name}: arkusz XLSX jest uszkodzony lub chroniony hasłem i nie da się go odczytać. "
            "Otwórz go w arkuszu i zapisz ponownie (bez hasła) jako .xlsx albo CSV."
        ) from exc
    try:
        tables = []
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            sheet.reset_dimensions()  # some exporters write a wrong size; read what is there
            rows = [
                (n, [_cell_text(v) for v in values])
                for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            tables.append((sheet.title, rows))
    except Exception as exc:  # as above: a damaged sheet part
        log.info("cannot read %s as XLSX: %r", path, exc)
        raise ImportFileError(
            f"{path.name}: nie można odczytać arkusza ({type(exc).__name__}). "
            "Zapisz plik ponownie jako .xlsx albo CSV."
        ) from exc
    finally:
        workbook.close()
    if not tables:
        raise ImportFileError(f"{path.name}: arkusz nie zawiera żadnej widocznej karty z danymi.")
    # The first sheet that has a name column; guest lists often come after a "README" sheet.
    for title, rows in tables:
        if _find_header(rows) is not None:
            return _table(path, "xlsx", rows, sheet=title)
    title, rows = tables[0]
    return _table(path, "xlsx", rows, sheet=title)


# -- both -----------------------------------------------------------------------------------------


def _find_header(rows: list[tuple[int, list[str]]]) -> int | None:
    """Index in rows of the first row (among the first non-empty ones) that names a person."""
    seen = 0
    for i, (_, cells) in enumerate(rows):
        if not any(cells):
            continue
        if names_a_person(map_columns(cells)):
            return i
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return None


def _table(
    path: Path, kind: str, rows: list[tuple[int, list[str]]], *, encoding: str = "",
    delimiter: str = "", sheet: str = "",
) -> RawTable:
    found = _find_header(rows)
    if found is None:
        found = next((i for i, (_, cells) in enumerate(rows) if any(cells)), None)
        if found is None:
            raise ImportFileError(f"{path.name}: plik nie zawiera żadnych danych.")
    header_row, headers = rows[found]
    while headers and not headers[-1]:
        headers = headers[:-1]
    titles = [" ".join(c for c in cells if c) for _, cells in rows[:found] if any(cells)]
    data = [(n, cells) for n, cells in rows[found + 1 :] if any(cells)]
    if not data:
        raise ImportFileError(
            f"{path.name}: pod nagłówkiem (wiersz {header_row}) nie ma żadnych wierszy z danymi. "
            "Sprawdź, czy to właściwy plik."
        )
    return RawTable(
        path=path, kind=kind, headers=headers, rows=data, header_row=header_row,
        encoding=encoding, delimiter=delimiter, sheet=sheet, title_rows=titles,
    )
