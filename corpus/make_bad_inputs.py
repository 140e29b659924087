"""Generate the bad-input fixtures in corpus/bad/: files jamlint must report, not crash on.

Run `python corpus/make_bad_inputs.py [OUTDIR]` (default: corpus/bad beside this script). The
output is deterministic (fixed seeds, dates and zip timestamps), so regenerating gives the
committed files back and a diff shows a real change. Each file stays well under 300 KB.
The `<stem>.expected.yaml` files beside them are written by hand and are not touched here.

Needs the dev extra (python-docx, fpdf2, Pillow, msoffcrypto-tool).
"""

from __future__ import annotations

import io
import random
import struct
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

FIXED_DATE = datetime(2024, 3, 12, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2024, 3, 12, 9, 0, 0)
PASSWORD = "hemligt"
# the uncompressed size of the zip bomb's word/document.xml: over Limits.max_uncompressed_bytes
# (150 MB); deflate packs runs of one byte about 1000:1, so the file is some 160 KB
BOMB_BYTES = 160 * 1024 * 1024
MANY_PAGES = 500

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- zip helpers -------------------------------------------------------------------------------


def _zip_info(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def _normalise_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so python-docx output is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(_zip_info(item.filename), src.read(item.filename), compresslevel=9)
    return out.getvalue()


# --- a real tjänsteskrivelse as .docx ----------------------------------------------------------

TJANSTESKRIVELSE: list[tuple[str, str]] = [
    ("p", "Tjänsteskrivelse"),
    ("p", "Datum 2024-03-12"),
    ("p", "Diarienummer KFN 2024/0042"),
    ("p", "Handläggare Maria Lindqvist"),
    ("p", "Kultur- och fritidsnämnden"),
    ("h1", "Utökade öppettider i simhallen"),
    ("h2", "Förslag till beslut"),
    (
        "p",
        (
            "Kultur- och fritidsnämnden beslutar att simhallen ska hålla öppet till klockan 21 "
            "på vardagar från och med den 1 september 2024."
        ),
    ),
    ("h2", "Sammanfattning"),
    (
        "p",
        (
            "Förvaltningen föreslår längre öppettider i simhallen på vardagskvällar. Förslaget "
            "ryms inom nämndens budget."
        ),
    ),
    ("h2", "Bakgrund"),
    (
        "p",
        (
            "Simhallen har i dag öppet till klockan 19 på vardagar. Under 2023 hade simhallen "
            "3 400 årskortsinnehavare, varav 1 900 kvinnor och 1 500 män."
        ),
    ),
    ("h2", "Konsekvenser"),
    ("h3", "Ekonomi"),
    (
        "p",
        (
            "Kostnaden för den utökade bemanningen beräknas till 240 000 kronor per år och ryms "
            "inom nämndens budget."
        ),
    ),
    ("h3", "Jämställdhet"),
    (
        "p",
        (
            "Förslaget bedöms öka kvinnors möjligheter att motionera. I besöksenkäten 2023 svarade "
            "38 procent av kvinnorna och 22 procent av männen att öppettiderna hindrar dem från att "
            "simma oftare. Skillnaden förklaras främst av att kvinnor fortfarande utför en större "
            "del av det obetalda hem- och omsorgsarbetet, som är samlat till tidig kväll. Kvinnor "
            "i åldern 30–45 år och kvinnor födda utanför Sverige svarade oftast att tiderna inte "
            "passar dem. Längre öppettider bidrar därmed till det jämställdhetspolitiska delmålet "
            "om jämställd hälsa och till nämndens mål om en jämställd fördelning av "
            "fritidsresurser. Förvaltningen följer upp besöken fördelat på kön efter ett år."
        ),
    ),
    ("h2", "Beslutsunderlag"),
    ("p", "Tjänsteskrivelse daterad 2024-03-12"),
    ("h2", "Beslutet skickas till"),
    ("p", "Kultur- och fritidsförvaltningen"),
]


def docx_bytes(content: list[tuple[str, str]] = TJANSTESKRIVELSE) -> bytes:
    """A real .docx (python-docx) with headings in Word's heading styles."""
    import docx

    document = docx.Document()
    for kind, text in content:
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1:]))
        else:
            document.add_paragraph(text)
    props = document.core_properties
    props.author = "Maria Lindqvist"
    props.last_modified_by = "Maria Lindqvist"
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


# --- the fixtures ------------------------------------------------------------------------------


def zero_byte() -> bytes:
    return b""


def truncated_docx() -> bytes:
    data = docx_bytes()
    return data[: len(data) // 2]


def corrupt_pdf() -> bytes:
    rng = random.Random(901)
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(4096)


def zip_bomb_docx() -> bytes:
    """A .docx whose word/document.xml unpacks to 160 MB of (valid) XML."""
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'
    ).encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compresslevel=9) as zf:
        zf.writestr(_zip_info("[Content_Types].xml"), _CONTENT_TYPES)
        zf.writestr(_zip_info("_rels/.rels"), _RELS)
        with zf.open(_zip_info("word/document.xml"), "w", force_zip64=True) as fh:
            fh.write(head)
            chunk = b" " * (1024 * 1024)
            remaining = BOMB_BYTES - len(head) - len(tail)
            while remaining > 0:
                fh.write(chunk[: min(remaining, len(chunk))])
                remaining -= len(chunk)
            fh.write(tail)
    return out.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


class _FixedClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return FIXED_DATE.replace(tzinfo=None)


@contextmanager
def _seeded_office_crypto(seed: int) -> Iterator[None]:
    """msoffcrypto draws salts and keys from `secrets` and stamps the container with the
    current time; seed and fix both so the output is stable."""
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    rng = random.Random(seed)
    saved = (ecma376_agile._random_buffer, ecma376_encrypted.datetime)
    ecma376_agile._random_buffer = rng.randbytes
    ecma376_encrypted.datetime = _FixedClock
    try:
        yield
    finally:
        ecma376_agile._random_buffer, ecma376_encrypted.datetime = saved


def password_docx() -> bytes:
    """A real password-protected .docx (ECMA-376 agile encryption, as Word writes it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with _seeded_office_crypto(903):
        OOXMLFile(io.BytesIO(docx_bytes())).encrypt(PASSWORD, out)
    return out.getvalue()


def _pdf() -> object:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_author("jamlint")
    pdf.set_font("Helvetica", size=12)
    return pdf


def encrypted_pdf() -> bytes:
    pdf = _pdf()
    pdf.set_encryption(owner_password="ägare-" + PASSWORD, user_password=PASSWORD)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Tjänsteskrivelse. Förslag till beslut: nämnden godkänner rapporten.")
    return bytes(pdf.output())


def _scan_png(seed: int) -> bytes:
    """A page 'scan': grey paper with dark bars where lines of text would be."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("L", (420, 594), color=236)
    draw = ImageDraw.Draw(image)
    y = 40
    while y < 560:
        width = rng.randint(220, 360)
        draw.rectangle((30, y, 30 + width, y + 7), fill=40)
        y += rng.choice((16, 16, 16, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    pdf = _pdf()
    for page in range(2):
        pdf.add_page()
        pdf.image(io.BytesIO(_scan_png(904 + page)), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def many_pages_pdf() -> bytes:
    pdf = _pdf()
    for page in range(1, MANY_PAGES + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"Sida {page}")
    return bytes(pdf.output())


def unknown_encoding_txt() -> bytes:
    """Bytes no text encoding explains: high bytes mixed with control characters, no NULs."""
    from charset_normalizer import from_bytes

    alphabet = bytes([*range(0x01, 0x09), *range(0x0E, 0x20), *range(0x80, 0x100)])
    for seed in range(907, 1007):
        rng = random.Random(seed)
        data = bytes(rng.choice(alphabet) for _ in range(2048))
        if from_bytes(data).best() is None:
            return data
    raise RuntimeError("no seed gave bytes that charset-normalizer rejects")


# --- an old binary Word file (OLE compound file) -----------------------------------------------

_FREESECT = 0xFFFFFFFF
_ENDOFCHAIN = 0xFFFFFFFE
_FATSECT = 0xFFFFFFFD
_NOSTREAM = 0xFFFFFFFF
_SECTOR = 512


def _dir_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    entry = encoded.ljust(64, b"\0")
    entry += struct.pack("<HBB", len(encoded), kind, 1 if name else 0)
    entry += struct.pack("<III", _NOSTREAM, _NOSTREAM, child)
    entry += b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16  # CLSID, state, times
    entry += struct.pack("<IQ", start, size)
    return entry


def old_word_doc() -> bytes:
    """A minimal valid compound file (CFB v3) holding a WordDocument stream with a Word FIB.

    Sector 0 is the FAT, sector 1 the directory, sectors 2.. the stream (4 KB, so it lives in
    ordinary sectors and no mini stream is needed).
    """
    stream = struct.pack("<HH", 0xA5EC, 0x00C1).ljust(4096, b"\0")  # wIdent, nFib (Word 97)
    stream_sectors = len(stream) // _SECTOR
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIII", 0, 1, 1, 0)  # dir sectors, FAT sectors, first dir, txn
    header += struct.pack("<IIIII", 0x1000, _ENDOFCHAIN, 0, _ENDOFCHAIN, 0)
    header += struct.pack("<109I", 0, *([_FREESECT] * 108))
    fat = [_FATSECT, _ENDOFCHAIN]
    fat += [3 + i for i in range(stream_sectors - 1)] + [_ENDOFCHAIN]
    fat += [_FREESECT] * (_SECTOR // 4 - len(fat))
    directory = _dir_entry("Root Entry", 5, 1, _ENDOFCHAIN, 0)
    directory += _dir_entry("WordDocument", 2, _NOSTREAM, 2, len(stream))
    directory += _dir_entry("", 0, _NOSTREAM, 0, 0) * 2
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + stream


def document_odt() -> bytes:
    """An OpenDocument text file: a zip whose first, stored member is its mimetype."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text><text:p>Tjänsteskrivelse om simhallens öppettider."
        "</text:p></office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(
            _zip_info("mimetype", zipfile.ZIP_STORED), "application/vnd.oasis.opendocument.text"
        )
        zf.writestr(_zip_info("META-INF/manifest.xml"), manifest)
        zf.writestr(_zip_info("content.xml"), content)
    return out.getvalue()


FIXTURES: dict[str, Callable[[], bytes]] = {
    "zero-byte.docx": zero_byte,
    "truncated.docx": truncated_docx,
    "corrupt.pdf": corrupt_pdf,
    "zip-bomb.docx": zip_bomb_docx,
    "password.docx": password_docx,
    "encrypted.pdf": encrypted_pdf,
    "scanned.pdf": scanned_pdf,
    "many-pages.pdf": many_pages_pdf,
    "unknown-encoding.txt": unknown_encoding_txt,
    "old-word.doc": old_word_doc,
    "document.odt": document_odt,
    "wrong-extension.pdf": docx_bytes,
}


def generate(outdir: Path) -> list[Path]:
    """Write every fixture into `outdir`; returns the paths written."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in FIXTURES.items():
        path = outdir / name
        path.write_bytes(make())
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else Path(__file__).resolve().parent / "bad"
    for path in generate(outdir):
        print(f"{path.stat().st_size:>8}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
