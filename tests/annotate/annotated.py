"""Reading an annotated .docx back for the tests: its comments, what each one is anchored on, and
its zip members — straight from the XML, independently of the code that wrote it."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DELETED = frozenset((W + "del", W + "moveFrom"))


@dataclass(frozen=True)
class WordComment:
    id: str
    author: str
    initials: str
    text: str  # paragraphs joined with "\n"


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def member_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [info.filename for info in zf.infolist()]


def document_xml(data: bytes) -> etree._Element:
    return etree.fromstring(members(data)["word/document.xml"])


def comments(data: bytes) -> list[WordComment]:
    part = members(data).get("word/comments.xml")
    if part is None:
        return []
    out = []
    for c in etree.fromstring(part).iter(W + "comment"):
        paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")]
        out.append(
            WordComment(
                id=c.get(W + "id"),
                author=c.get(W + "author", ""),
                initials=c.get(W + "initials", ""),
                text="\n".join(paragraphs),
            )
        )
    return out


def own(data: bytes) -> list[WordComment]:
    return [c for c in comments(data) if c.author == "jamlint"]


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id -> the visible text between its commentRangeStart and commentRangeEnd."""
    root = document_xml(data)
    texts: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in root.iter():
        tag = element.tag
        if tag == W + "commentRangeStart":
            open_ids.add(element.get(W + "id"))
            texts.setdefault(element.get(W + "id"), [])
        elif tag == W + "commentRangeEnd":
            open_ids.discard(element.get(W + "id"))
        elif tag == W + "t" and open_ids and not _deleted(element):
            for cid in open_ids:
                texts[cid].append(element.text or "")
        elif tag == W + "p" and open_ids:
            for cid in open_ids:
                if texts[cid]:
                    texts[cid].append(" ")
    return {cid: " ".join("".join(parts).split()) for cid, parts in texts.items()}


def _deleted(element: etree._Element) -> bool:
    return any(a.tag in DELETED for a in element.iterancestors())


def marker_ids(data: bytes) -> dict[str, list[str]]:
    """Ids of range starts, range ends and references in the main part."""
    root = document_xml(data)
    return {
        name: [e.get(W + "id") for e in root.iter(W + name)]
        for name in ("commentRangeStart", "commentRangeEnd", "commentReference")
    }


def squash(text: str) -> str:
    return " ".join(text.split())


LIBREOFFICE_BATCH = 100


def libreoffice_notes(soffice: str, files: list[Path], outdir: Path) -> dict[str, list[str]]:
    """Convert .docx files to PDF with LibreOffice (comments exported as PDF notes) and return,
    per file stem, the contents of the notes LibreOffice wrote: what it read as comments."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from jamlint.annotate.pdf import get_string

    profile = (outdir / "lo-profile").resolve().as_uri()
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    # in batches: one soffice call quietly stops after some 250 files
    for start in range(0, len(files), LIBREOFFICE_BATCH):
        batch = files[start : start + LIBREOFFICE_BATCH]
        proc = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                export,
                "--outdir",
                str(outdir),
                *map(str, batch),
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
    out: dict[str, list[str]] = {}
    for f in files:
        pdf_path = outdir / (f.stem + ".pdf")
        assert pdf_path.is_file(), f"LibreOffice wrote no PDF for {f.name}"
        pdf = pdfium.PdfDocument(pdf_path)
        notes = []
        for i in range(len(pdf)):
            page = pdf[i]
            for j in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
                annot = pdfium_c.FPDFPage_GetAnnot(page.raw, j)
                if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_TEXT:
                    notes.append(get_string(pdfium_c, annot, "Contents"))
                pdfium_c.FPDFPage_CloseAnnot(annot)
        pdf.close()
        out[f.stem] = notes
    return out


CODE = re.compile(r"^[A-Z]{2,8}\d{3}")
