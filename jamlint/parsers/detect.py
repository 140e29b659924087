"""Recognise what a file is from its bytes, so the right parser reads it.

The extension is not trusted: a .docx renamed to .pdf is still linted as a .docx, and a .docx
that is really an old binary .doc gets a message that says so. Formats jamlint cannot read
are raised as `DocumentError` with a Swedish message that tells the officer what to do.
Only Markdown versus plain text looks at the extension, because both are text.

`decode_text` is the one place that turns the bytes of a text file into `str`: UTF-8 (with or
without BOM), UTF-16 (BOM, or recognised by its NUL bytes) and Windows-1252; anything else is
`ProblemKind.ENCODING`.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from jamlint.model.document import DocFormat
from jamlint.parsers.errors import DocumentError, ProblemKind

# --- Swedish messages (what the officer reads) -----------------------------------------------

MSG_EMPTY = "Filen är tom (0 byte). Kontrollera att rätt fil valdes och att den sparades helt."
MSG_BROKEN_ZIP = (
    "Filen är skadad eller ofullständig och kan inte öppnas. Öppna originalet i Word och "
    "spara det på nytt som .docx, och kör jamlint igen."
)
MSG_ODT = (
    "Filen är ett OpenDocument-dokument (.odt), som jamlint inte läser. Spara dokumentet som "
    ".docx eller PDF (i LibreOffice: Arkiv > Spara som) och kör jamlint igen."
)
MSG_ENCRYPTED = (
    "Dokumentet är lösenordsskyddat. Spara en kopia utan lösenord (i Word: Arkiv > Info > "
    "Skydda dokument > Kryptera med lösenord, töm fältet) och kör jamlint på kopian."
)
MSG_OLD_DOC = (
    "Filen är i Words äldre format (.doc), som jamlint inte läser. Öppna den i Word och "
    "spara som .docx (Arkiv > Spara som > Word-dokument), och kör jamlint igen."
)
MSG_OLD_OFFICE = (
    "Filen är i ett äldre Microsoft Office-format ({what}) som jamlint inte läser. "
    "Ärendehandlingen behöver vara en .docx eller en PDF."
)
MSG_OTHER_CONTAINER = (
    "Filen är {what}, inte en ärendehandling jamlint kan läsa. jamlint läser .docx, PDF, "
    "text och Markdown: spara handlingen i något av de formaten."
)
MSG_IMAGE = (
    "Filen är en bild ({what}), inte ett textdokument. jamlint kan inte läsa text i bilder: "
    "kör jamlint på originaldokumentet (.docx) eller på en PDF med textlager."
)
MSG_RTF = (
    "Filen är i RTF-format (.rtf), som jamlint inte läser. Öppna den i Word och spara som "
    ".docx, och kör jamlint igen."
)
MSG_ENCODING = (
    "Textfilens teckenkodning kunde inte kännas igen (det kan också vara en binärfil med fel "
    "filändelse). Spara den som UTF-8 och kör jamlint igen."
)

# --- magic numbers ---------------------------------------------------------------------------

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_IMAGE_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
# OLE directory entries store stream names in UTF-16LE; finding the name in the raw bytes is
# enough to tell what the container holds, without a CFB reader.
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OLE_STREAMS = (
    ("WordDocument".encode("utf-16-le"), None),
    ("Workbook".encode("utf-16-le"), "Excel-kalkylblad, .xls"),
    ("PowerPoint Document".encode("utf-16-le"), "PowerPoint-presentation, .ppt"),
)

# zip members and what they make the zip (first match wins; word documents are handled first)
_ZIP_KINDS = (
    ("xl/workbook.xml", "ett Excel-kalkylblad (.xlsx)"),
    ("ppt/presentation.xml", "en PowerPoint-presentation (.pptx)"),
    ("visio/document.xml", "en Visio-ritning (.vsdx)"),
)
_OPENDOCUMENT_KINDS = (
    ("application/vnd.oasis.opendocument.spreadsheet", "ett OpenDocument-kalkylblad (.ods)"),
    ("application/vnd.oasis.opendocument.presentation", "en OpenDocument-presentation (.odp)"),
    ("application/vnd.oasis.opendocument.graphics", "en OpenDocument-teckning (.odg)"),
    ("application/epub+zip", "en e-bok (.epub)"),
)
_WORD_CONTENT_TYPES = (
    b"wordprocessingml.document.main+xml",
    b"wordprocessingml.template.main+xml",
    b"ms-word.document.macroEnabled.main+xml",
    b"ms-word.template.macroEnabledTemplate.main+xml",
)
# members are read only this far: enough for [Content_Types].xml and mimetype, and a zip
# bomb member cannot make detection expensive
_MEMBER_READ_CAP = 64 * 1024

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^[ \t]*\S[^\n]*\n {0,3}(?:=+|-{3,})[ \t]*$", re.MULTILINE)


def detect(data: bytes, path: str) -> DocFormat:
    """The format of `data` (docx, pdf, text or Markdown), or a `DocumentError` saying why not."""
    if not data:
        raise DocumentError(ProblemKind.EMPTY, MSG_EMPTY)
    if data.startswith(_ZIP_MAGICS):
        return _classify_zip(data)
    if data.startswith(_OLE_MAGIC):
        raise _classify_ole(data)
    if b"%PDF" in data[:1024]:
        return DocFormat.PDF
    problem = _other_binary_format(data)
    if problem is not None:
        raise problem
    text = decode_text(data)
    return DocFormat.MARKDOWN if is_markdown(text, path) else DocFormat.TEXT


def is_markdown(text: str, path: str) -> bool:
    """Markdown by extension, or by content: an ATX ("# ") or setext (===/---) heading."""
    if PurePath(path).suffix.lower() in _MARKDOWN_SUFFIXES:
        return True
    return bool(_ATX_HEADING.search(text) or _SETEXT_HEADING.search(text))


# --- containers ------------------------------------------------------------------------------


def _classify_zip(data: bytes) -> DocFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return DocFormat.DOCX
            content_types = _read_member(zf, "[Content_Types].xml", names)
            if any(ct in content_types for ct in _WORD_CONTENT_TYPES):
                return DocFormat.DOCX
            mimetype = _read_member(zf, "mimetype", names).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        # a truncated or corrupt archive: the central directory cannot be found or read
        raise DocumentError(ProblemKind.UNREADABLE, MSG_BROKEN_ZIP) from None
    raise DocumentError(ProblemKind.UNSUPPORTED, _zip_message(names, mimetype))


def _read_member(zf: zipfile.ZipFile, name: str, names: set[str]) -> bytes:
    if name not in names:
        return b""
    with zf.open(name) as fh:
        return fh.read(_MEMBER_READ_CAP)


def _zip_message(names: set[str], mimetype: str) -> str:
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return MSG_ODT
    for prefix, what in _OPENDOCUMENT_KINDS:
        if mimetype.startswith(prefix):
            return MSG_OTHER_CONTAINER.format(what=what)
    for member, what in _ZIP_KINDS:
        if member in names:
            return MSG_OTHER_CONTAINER.format(what=what)
    return MSG_OTHER_CONTAINER.format(what="ett zip-arkiv")


def _classify_ole(data: bytes) -> DocumentError:
    if _OLE_ENCRYPTED in data:
        return DocumentError(ProblemKind.ENCRYPTED, MSG_ENCRYPTED)
    for stream, what in _OLE_STREAMS:
        if stream in data:
            message = MSG_OLD_DOC if what is None else MSG_OLD_OFFICE.format(what=what)
            return DocumentError(ProblemKind.UNSUPPORTED, message)
    return DocumentError(ProblemKind.UNSUPPORTED, MSG_OLD_OFFICE.format(what="OLE-fil"))


def _other_binary_format(data: bytes) -> DocumentError | None:
    for magic, name in _IMAGE_MAGICS:
        if data.startswith(magic):
            return DocumentError(ProblemKind.UNSUPPORTED, MSG_IMAGE.format(what=name))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return DocumentError(ProblemKind.UNSUPPORTED, MSG_IMAGE.format(what="WebP"))
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return DocumentError(ProblemKind.UNSUPPORTED, MSG_RTF)
    return None


# --- text encodings --------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# characters above ASCII that Swedish text in Windows-1252 is made of; "„" and "†" are left
# out on purpose: they are what ä and å in DOS code page 850 turn into when read as cp1252
_SWEDISH_HIGH = frozenset("åäöÅÄÖéÉèÈüÜáÁàÀøØæÆ§°½¼¾–—‘’“”…•€£´«»±×÷©®™\u00a0")
# the single-byte code pages jamlint promises to read (Windows-1252 and its ISO relatives),
# in order of preference, and how much messier than charset-normalizer's best reading a
# reading in them may be
_WESTERN = ("cp1252", "iso8859_15", "latin_1")
_CHAOS_MARGIN = 0.15
_MAX_CHAOS = 0.3
# C0 controls other than \t \n \v \f \r, DEL and the C1 controls
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_HIGH_CHARS = re.compile(r"[^\x00-\x7f]")
_NUL_SAMPLE = 4096


def decode_text(data: bytes) -> str:
    """The text of a text file, or `DocumentError(ENCODING)` when no supported encoding fits."""
    text = _decode_with_bom(data)
    if text is None:
        text = _decode_utf16_by_nuls(data)
    if text is None:
        text = _decode_strict(data, "utf-8")
    if text is None:
        text = _decode_legacy(data)
    if text is None or not looks_like_text(text):
        raise DocumentError(ProblemKind.ENCODING, MSG_ENCODING)
    return text


def looks_like_text(text: str) -> bool:
    """False for binary junk: more than 1 % control characters (tabs and newlines excepted)."""
    return len(_CONTROL_CHARS.findall(text)) * 100 <= len(text)


def _decode_strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], encoding.replace("-sig", ""))
            if text is None:
                raise DocumentError(ProblemKind.ENCODING, MSG_ENCODING)
            return text
    return None


def _decode_utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without BOM: Latin text has a NUL in every other byte, on one side only."""
    sample = data[:_NUL_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0) / pairs
    odd = sample[1 : pairs * 2 : 2].count(0) / pairs
    if odd > 0.6 and even < 0.1:
        return _decode_strict(data, "utf-16-le")
    if even > 0.6 and odd < 0.1:
        return _decode_strict(data, "utf-16-be")
    return None


def _decode_legacy(data: bytes) -> str | None:
    """Windows-1252 when it reads as Swedish; otherwise let charset-normalizer judge."""
    text = _decode_strict(data, "cp1252")
    if text is not None and _plausible_swedish(text):
        return text
    return _guess_with_charset_normalizer(data)


def _plausible_swedish(text: str) -> bool:
    high = _HIGH_CHARS.findall(text)
    if not high:
        return True
    swedish = sum(1 for ch in high if ch in _SWEDISH_HIGH)
    return swedish >= 0.9 * len(high) and looks_like_text(text)


def _guess_with_charset_normalizer(data: bytes) -> str | None:
    """Windows-1252 when charset-normalizer finds a reading in that family about as clean as
    its best one (its first pick among byte-identical code pages is arbitrary: German cp1252
    text comes back as "cp1250"); otherwise None.
    """
    # imported here: only text files that are neither UTF-8 nor plain Swedish cp1252 pay for it
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos > min(best + _CHAOS_MARGIN, _MAX_CHAOS):
            continue
        for encoding in _WESTERN:
            if encoding in match.could_be_from_charset:
                return _decode_strict(data, encoding)
    return None
