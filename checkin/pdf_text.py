"""The text of a PDF this app wrote (ReportLab), read with the standard library only.

The self-test must check its PDFs in the frozen build, which carries no PDF reader (pypdf is a
dev tool; Qt's is in ui/). ReportLab writes a simple, uncompressed cross-reference table, direct
/Length values, ASCII85 and Flate filters, and embedded TrueType subsets with a /ToUnicode map,
which is all this reads. It is not a general PDF parser.
"""

import base64
import re
import zlib
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)")
_REF = re.compile(rb"/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R")
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)"  # a literal string (one level of nesting)
    rb"|<[0-9A-Fa-f\s]*>"  # a hex string
    rb"|/[^\s/<>\[\]()]+"  # a name
    rb"|[\[\]]"
    rb"|[^\s/<>\[\]()]+",  # a number or an operator
    re.S,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_BREAKS = {b"BT", b"ET", b"Td", b"TD", b"Tm", b"T*", b"'", b'"'}


class PdfError(ValueError):
    """The file is not a PDF this reader understands (or not a PDF at all)."""


@dataclass
class PdfObject:
    head: bytes  # the dictionary (or value) before any stream
    stream: bytes | None = None  # decoded


@dataclass
class PdfSummary:
    pages: int
    fonts: list[str]  # embedded fonts' names (subset prefix removed)
    text: str  # every shown string, a space between separately positioned pieces


def _decode_stream(head: bytes, raw: bytes) -> bytes:
    filters = re.findall(rb"/(ASCII85Decode|FlateDecode|A85|Fl)\b", head.split(b"/Filter", 1)[-1])
    data = raw
    for name in filters if b"/Filter" in head else []:
        if name in (b"ASCII85Decode", b"A85"):
            data = re.sub(rb"\s", b"", data)
            data = data.removeprefix(b"<~").removesuffix(b"~>")
            data = base64.a85decode(data)
        else:
            data = zlib.decompress(data)
    return data


def read_objects(data: bytes) -> dict[int, PdfObject]:
    """Every numbered object of the file, streams decoded."""
    if not data.startswith(b"%PDF-"):
        raise PdfError("the file does not start with %PDF-")
    if b"%%EOF" not in data[-1024:]:
        raise PdfError("the file has no %%EOF at its end (written only in part?)")
    objects: dict[int, PdfObject] = {}
    pos = 0
    while (m := _OBJECT.search(data, pos)) is not None:
        start = m.end()
        stream_at = data.find(b"stream", start)
        end_at = data.find(b"endobj", start)
        if end_at < 0:
            raise PdfError(f"object {int(m.group(1))} has no endobj")
        if 0 <= stream_at < end_at:
            head = data[start:stream_at]
            length = _LENGTH.search(head)
            if length is None:
                raise PdfError(f"stream of object {int(m.group(1))} has no direct /Length")
            body_at = stream_at + len(b"stream")
            body_at += 2 if data[body_at:body_at + 2] == b"\r\n" else 1
            raw = data[body_at:body_at + int(length.group(1))]
            try:
                stream = _decode_stream(head, raw)
            except (ValueError, zlib.error) as exc:
                raise PdfError(f"stream of object {int(m.group(1))} cannot be decoded: {exc}") from exc
            objects[int(m.group(1))] = PdfObject(head, stream)
            pos = data.find(b"endobj", body_at + len(raw))
        else:
            objects[int(m.group(1))] = PdfObject(data[start:end_at])
            pos = end_at
        if pos < 0:
            raise PdfError(f"object {int(m.group(1))} has no endobj")
        pos += len(b"endobj")
    return objects


def _unicode_map(cmap: bytes) -> dict[int, str]:
    table: dict[int, str] = {}

    def text(hex_digits: bytes) -> str:
        return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="replace")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            table[int(src, 16)] = text(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(dst, 16)
            for n, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(first + n)
    return table


def _string_bytes(token: bytes) -> bytes:
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    out = bytearray()
    body, i = token[1:-1], 0
    while i < len(body):
        ch = body[i:i + 1]
        if ch != b"\\":
            out += ch
            i += 1
            continue
        nxt = body[i + 1:i + 2]
        octal = re.match(rb"[0-7]{1,3}", body[i + 1:i + 4])
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        else:
            out += _ESCAPES.get(nxt, nxt if nxt != b"\n" else b"")
            i += 2
    return bytes(out)


def _fonts(objects: dict[int, PdfObject]) -> dict[bytes, dict[int, str]]:
    """Resource name (as content streams select it) → that font's code → text map."""
    maps: dict[int, dict[int, str]] = {}
    for number, obj in objects.items():
        if b"/Type /Font" in obj.head and (ref := re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", obj.head)):
            cmap = objects.get(int(ref.group(1)))
            if cmap is not None and cmap.stream is not None:
                maps[number] = _unicode_map(cmap.stream)
    by_name: dict[bytes, dict[int, str]] = {}
    for obj in objects.values():
        for name, number in _REF.findall(obj.head):
            if int(number) in maps:
                by_name[name] = maps[int(number)]
    return by_name


def _show(raw: bytes, cmap: dict[int, str] | None) -> str:
    if cmap is None:  # a standard font: its codes are Latin-1 for what ReportLab writes
        return raw.decode("latin-1")
    return "".join(cmap.get(b, "") for b in raw)


def _page_text(content: bytes, fonts: dict[bytes, dict[int, str]]) -> list[str]:
    pieces: list[str] = []
    operands: list[bytes] = []
    cmap: dict[int, str] | None = None
    for token in _TOKEN.findall(content):
        if token[:1] in (b"(", b"<", b"/", b"[", b"]") or re.fullmatch(rb"[-+.\d]+", token):
            operands.append(token)
            continue
        if token == b"Tf" and len(operands) >= 2:
            cmap = fonts.get(operands[-2][1:])
        elif token in (b"Tj", b"'", b'"', b"TJ"):
            strings = [t for t in operands if t[:1] in (b"(", b"<")]
            pieces.append("".join(_show(_string_bytes(s), cmap) for s in strings))
        if token in _BREAKS:
            pieces.append(" ")
        operands = []
    return pieces


def summarize(data: bytes) -> PdfSummary:
    """Page count, embedded fonts and text of a PDF written by ReportLab; PdfError if it is not one."""
    objects = read_objects(data)
    fonts = _fonts(objects)
    pages = [obj for obj in objects.values() if re.search(rb"/Type\s*/Page\b(?!s)", obj.head)]
    text: list[str] = []
    for page in pages:
        for ref in re.findall(rb"/Contents\s+(\d+)\s+0\s+R", page.head):
            content = objects.get(int(ref))
            if content is not None and content.stream is not None:
                text += _page_text(content.stream, fonts)
    embedded = sorted({
        m.group(1).decode("latin-1").split("+", 1)[-1]
        for obj in objects.values() if b"/FontFile" in obj.head
        and (m := re.search(rb"/FontName\s*/(\S+)", obj.head))
    })
    return PdfSummary(len(pages), embedded, re.sub(r"\s+", " ", "".join(text)).strip())
