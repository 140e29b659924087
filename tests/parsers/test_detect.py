"""Format detection by content, and text decoding (Swedish letters must survive every encoding)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from jamlint.model import DocFormat
from jamlint.parsers.detect import decode_text, detect, is_markdown
from jamlint.parsers.errors import DocumentError, ProblemKind

SWEDISH = (
    "Förslag till beslut\n\nNämnden ska öka öppettiderna på Åsa gård. Av 3 400 "
    "årskortsinnehavare är 1 900 kvinnor och 1 500 män – ”hälften” är äldre än 65 år.\n"
)


def _zip(members: dict[str, bytes | str], stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, content) in enumerate(members.items()):
            compress = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            zf.writestr(name, content, compress_type=compress)
    return out.getvalue()


def _ole(*stream_names: str) -> bytes:
    """Enough of a compound file for detection: the magic and UTF-16LE directory names."""
    names = b"".join(n.encode("utf-16-le").ljust(64, b"\0") for n in stream_names)
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + names


def _problem(data: bytes, path: str = "fil") -> DocumentError:
    with pytest.raises(DocumentError) as info:
        detect(data, path)
    return info.value


MINIMAL_DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


# --- binary formats ----------------------------------------------------------------------------


def test_zero_bytes_is_empty() -> None:
    error = _problem(b"", "tom.docx")
    assert error.kind is ProblemKind.EMPTY
    assert "tom" in error.message


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\r\n" + b"x" * 900 + b"%PDF-1.4\n",  # junk before the header, within 1024 bytes
        b"%PDF-1.4\n" + bytes(range(256)) * 4,  # garbage after the header: still a PDF
    ],
)
def test_pdf_by_magic(data: bytes) -> None:
    assert detect(data, "handling.txt") is DocFormat.PDF


def test_pdf_marker_after_1024_bytes_is_not_a_pdf() -> None:
    data = b"a" * 1100 + b"%PDF-1.4"
    assert detect(data, "x.pdf") is DocFormat.TEXT


@pytest.mark.parametrize("path", ["beslut.docx", "beslut.pdf", "beslut", "-"])
def test_docx_by_content_whatever_the_name(path: str) -> None:
    assert detect(MINIMAL_DOCX, path) is DocFormat.DOCX


def test_docx_with_main_part_elsewhere_by_content_type() -> None:
    content_types = (
        '<Types><Override PartName="/word/document2.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    data = _zip({"[Content_Types].xml": content_types, "word/document2.xml": "<w:document/>"})
    assert detect(data, "x.docx") is DocFormat.DOCX


@pytest.mark.parametrize(
    ("members", "kind", "words"),
    [
        (
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
            ProblemKind.UNSUPPORTED,
            ("OpenDocument", ".odt", ".docx", "PDF"),
        ),
        (
            {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"},
            ProblemKind.UNSUPPORTED,
            ("kalkylblad", ".ods"),
        ),
        ({"xl/workbook.xml": "<w/>"}, ProblemKind.UNSUPPORTED, ("Excel", ".xlsx")),
        ({"ppt/presentation.xml": "<p/>"}, ProblemKind.UNSUPPORTED, ("PowerPoint", ".pptx")),
        ({"bilder/karta.png": b"\x89PNG"}, ProblemKind.UNSUPPORTED, ("zip-arkiv",)),
    ],
)
def test_other_zips_are_named(members: dict, kind: ProblemKind, words: tuple[str, ...]) -> None:
    error = _problem(_zip(members, stored_first=True), "x.docx")
    assert error.kind is kind
    for word in words:
        assert word in error.message


def test_truncated_zip_is_unreadable() -> None:
    error = _problem(MINIMAL_DOCX[: len(MINIMAL_DOCX) // 2], "x.docx")
    assert error.kind is ProblemKind.UNREADABLE
    assert "skadad" in error.message


def test_encrypted_ooxml_in_ole() -> None:
    error = _problem(_ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), "x.docx")
    assert error.kind is ProblemKind.ENCRYPTED
    assert error.message.startswith("Dokumentet är lösenordsskyddat. Spara en kopia utan lösenord")


def test_old_binary_word() -> None:
    error = _problem(_ole("Root Entry", "WordDocument", "1Table"), "x.docx")
    assert error.kind is ProblemKind.UNSUPPORTED
    assert ".doc" in error.message and "spara som .docx" in error.message


@pytest.mark.parametrize(
    ("streams", "word"), [(("Workbook",), ".xls"), (("PowerPoint Document",), ".ppt")]
)
def test_other_ole_files(streams: tuple[str, ...], word: str) -> None:
    error = _problem(_ole("Root Entry", *streams))
    assert error.kind is ProblemKind.UNSUPPORTED
    assert word in error.message


def test_unknown_ole_file() -> None:
    assert _problem(_ole("Root Entry", "Contents")).kind is ProblemKind.UNSUPPORTED


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG"),
        (b"II*\x00\x08\x00\x00\x00", "TIFF"),
        (b"MM\x00*\x00\x00\x00\x08", "TIFF"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP"),
    ],
)
def test_images_are_unsupported(data: bytes, name: str) -> None:
    error = _problem(data, "skanning.pdf")
    assert error.kind is ProblemKind.UNSUPPORTED
    assert "bild" in error.message and name in error.message


def test_rtf_is_unsupported() -> None:
    error = _problem(b"{\\rtf1\\ansi\\deff0 {\\fonttbl} Hej}", "beslut.doc")
    assert error.kind is ProblemKind.UNSUPPORTED
    assert "RTF" in error.message


# --- text encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("cp1252", b""),
    ],
)
def test_swedish_letters_survive(encoding: str, bom: bytes) -> None:
    data = bom + SWEDISH.encode(encoding)
    assert decode_text(data) == SWEDISH
    assert detect(data, "x.txt") is DocFormat.TEXT


@pytest.mark.parametrize(
    "text", ["Åsa", "ö", "Ärende: Översyn av läsårstider\n", "§ 12 Årsredovisning"]
)
def test_short_cp1252(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "text",
    [
        "Die Straße in München ist 3 km lang. Der Preis stieg um 5 ‰ und die Größe ist ± 2 cm.",
        "Le résumé du café à côté, élève très âgé, garçon œuvre naïf.",
    ],
)
def test_other_western_text_in_cp1252_is_judged_by_charset_normalizer(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == text


def test_ascii_is_text() -> None:
    assert decode_text(b"Bakgrund\n\nInga konstigheter.") == "Bakgrund\n\nInga konstigheter."


@pytest.mark.parametrize(
    "data",
    [
        bytes(random.Random(1).randbytes(3000)),  # random bytes, NULs included
        bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 200,  # ASCII control characters only
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,  # an executable
        b"\xef\xbb\xbf" + b"Hej" + b"\xff\xfe\xfd",  # UTF-8 BOM, then invalid UTF-8
        b"\0" * 200,
        "Привет мир, это тестовый документ на русском языке.".encode("cp1251"),
        "Förslag till beslut: nämnden godkänner att öppettiderna på Åsa ändras.".encode("cp850"),
    ],
)
def test_unrecognised_encoding(data: bytes) -> None:
    error = _problem(data, "x.txt")
    assert error.kind is ProblemKind.ENCODING
    assert "teckenkodning" in error.message and "UTF-8" in error.message


# --- Markdown or plain text --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("Bara text.", "a.md", DocFormat.MARKDOWN),
        ("Bara text.", "a.MARKDOWN", DocFormat.MARKDOWN),
        ("Bara text.", "a.txt", DocFormat.TEXT),
        ("Bara text.", "-", DocFormat.TEXT),
        ("# Jämställdhet\n\nText.", "a.txt", DocFormat.MARKDOWN),
        ("Intro\n\n### 3.2 Jämställdhet\n", "-", DocFormat.MARKDOWN),
        ("Jämställdhet\n============\n\nText.", "a.txt", DocFormat.MARKDOWN),
        ("Jämställdhet\n---\n\nText.", "a.txt", DocFormat.MARKDOWN),
        ("#hashtagg är ingen rubrik", "a.txt", DocFormat.TEXT),
        ("Ekonomi\n\nKostnaden är 3 - 4 mnkr.", "a.txt", DocFormat.TEXT),
        ("\n---\nText", "a.txt", DocFormat.TEXT),  # a rule with nothing above is no heading
    ],
)
def test_markdown_or_text(text: str, path: str, expected: DocFormat) -> None:
    assert detect(text.encode("utf-8"), path) is expected
    assert is_markdown(text, path) is (expected is DocFormat.MARKDOWN)
