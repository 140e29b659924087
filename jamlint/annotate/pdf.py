"""Writing findings into a copy of a PDF as text annotations ("sticky notes") at the flagged text.

pypdfium2 (PDFium; Apache-2.0/BSD, already what the PDF parser reads with) creates the notes,
so no new dependency is needed. The copy is saved as an incremental update: the original bytes
come first, unchanged, and the notes are appended after them, so a signed or archived PDF stays
what it was. Each note is author "jamlint"; a later run removes those (and the pop-ups viewers
attach to them) before adding new ones, and leaves everyone else's annotations alone.

The flagged text is found on its page in PDFium's own text, compared without white space or
hyphens (the parser joins lines and mends words hyphenated at a line end), skipping the running
header and footer; when the same excerpt occurs twice on a page, the document's own order says
which occurrence is meant.
"""

from __future__ import annotations

import ctypes
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jamlint.annotate.locate import Anchor, excerpt_pattern
from jamlint.annotate.messages import AUTHOR
from jamlint.model import Document, Severity

NOTE_SIZE = 20.0  # points; viewers draw the note icon at a fixed size from the rect's corner
MARGIN = 36.0  # where a note goes when its text cannot be found: the page's top left corner
_DROPPED = frozenset("-\u00ad\x02\ufffe\u2010\u2011")  # hyphens and PDFium's line-end mark
_COLORS = {
    Severity.ERROR: (220, 50, 47),
    Severity.WARNING: (245, 160, 0),
    Severity.INFO: (38, 139, 210),
}


@dataclass(frozen=True)
class PdfOutcome:
    data: bytes
    placed: tuple[Anchor, ...]
    approximate: tuple[Anchor, ...]
    removed: int


def annotate_pdf(
    data: bytes, document: Document, anchors: Sequence[Anchor], now: datetime
) -> PdfOutcome:
    """A copy of `data` with one note per anchor and jamlint's earlier notes removed."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data)
    try:
        finder = _Finder(pdf, document)
        removed = sum(_remove_own_notes(pdfium_c, finder.page(i)) for i in range(len(pdf)))
        placed: list[Anchor] = []
        approximate: list[Anchor] = []
        for anchor in anchors:
            page_index, rect, exact = finder.place(anchor)
            _add_note(pdfium_c, finder.page(page_index), rect, anchor, now)
            (placed if exact else approximate).append(anchor)
        out = io.BytesIO()
        pdf.save(out, flags=pdfium_c.FPDF_INCREMENTAL)
    finally:
        pdf.close()
    return PdfOutcome(out.getvalue(), tuple(placed), tuple(approximate), removed)


# --- finding the text -----------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """Text for comparison: compatibility forms (ligatures), no white space, no hyphens."""
    out = []
    for c in text:
        if c.isspace() or c in _DROPPED:
            continue
        out.append(unicodedata.normalize("NFKC", c))
    return "".join(out)


@dataclass
class _PageText:
    squeezed: str
    index: list[int]  # character index on the page of each character of `squeezed`
    running: list[bool]  # whether that character is in a running header or footer line
    textpage: Any


class _Finder:
    """Finds an anchor's text on its page and gives the note's rectangle."""

    def __init__(self, pdf: Any, document: Document) -> None:
        self.pdf = pdf
        self.document = document
        self.running = [squeeze(t) for t in document.headers + document.footers if t.strip()]
        self.texts: dict[int, _PageText] = {}
        self.loaded: dict[int, Any] = {}

    def page(self, index: int) -> Any:
        """The page object, loaded once (the notes are added to the same one that was read)."""
        page = self.loaded.get(index)
        if page is None:
            page = self.loaded[index] = self.pdf[index]
        return page

    def place(self, anchor: Anchor) -> tuple[int, tuple[float, float, float, float], bool]:
        """Page index, note rectangle, and whether the note is at the excerpt itself."""
        n_pages = len(self.pdf)
        page = min(max((anchor.block.page or 1) - 1, 0), n_pages - 1)
        target = squeeze(anchor.excerpt or anchor.block.text)
        if target:
            nth = self._occurrence(anchor)
            box = self._find(page, target, nth)
            if box is None:
                box = self._find_at_page_end(page, target)  # an excerpt across a page break
            if box is None:
                for other in range(n_pages):
                    box = self._find(other, target, 0) if other != page else None
                    if box is not None:
                        page = other
                        break
            if box is not None:
                whole_wanted = not anchor.finding.excerpt.strip()
                return page, _note_rect(box), bool(anchor.excerpt) or whole_wanted
        height = self.page(page).get_height()
        corner = (MARGIN, height - MARGIN - NOTE_SIZE, MARGIN, height - MARGIN - NOTE_SIZE)
        return page, _note_rect(corner), False

    def _text(self, index: int) -> _PageText:
        cached = self.texts.get(index)
        if cached is not None:
            return cached
        textpage = self.page(index).get_textpage()
        raw = textpage.get_text_range()
        squeezed: list[str] = []
        where: list[int] = []
        running: list[bool] = []
        line_start = 0
        for line in raw.splitlines(keepends=True):
            is_running = self._is_running(line)
            for offset, c in enumerate(line):
                s = squeeze(c)
                squeezed.append(s)
                where.extend([line_start + offset] * len(s))
                running.extend([is_running] * len(s))
            line_start += len(line)
        cached = _PageText("".join(squeezed), where, running, textpage)
        self.texts[index] = cached
        return cached

    def _is_running(self, line: str) -> bool:
        """Whether a line of PDFium's text is made of running header/footer texts only (PDFium
        puts a header's left and right parts on one line; the parser keeps them apart)."""
        key = squeeze(line)
        if not key:
            return False
        for text in sorted(self.running, key=len, reverse=True):
            key = key.replace(text, "")
        return not key

    def _find(self, page: int, target: str, nth: int) -> tuple[float, float, float, float] | None:
        """The character box of the start of the nth occurrence of `target` on the page (the
        last one when there are fewer), outside running headers and footers."""
        text = self._text(page)
        hits = []
        start = text.squeezed.find(target)
        while start >= 0:
            if not text.running[start]:
                hits.append(start)
            start = text.squeezed.find(target, start + 1)
        if not hits:
            return None
        first = text.index[hits[min(nth, len(hits) - 1)]]
        return text.textpage.get_charbox(first)

    def _find_at_page_end(self, page: int, target: str) -> tuple[float, float, float, float] | None:
        """The start of the longest beginning of `target` that ends the page's text (outside
        running headers and footers): "… och två" on one page, "vägledare …" on the next."""
        text = self._text(page)
        body = [k for k, running in enumerate(text.running) if not running]
        squeezed = "".join(text.squeezed[k] for k in body)
        for size in range(len(target) - 1, MIN_SPLIT_PREFIX - 1, -1):
            if squeezed.endswith(target[:size]):
                return text.textpage.get_charbox(text.index[body[len(squeezed) - size]])
        return None

    def _occurrence(self, anchor: Anchor) -> int:
        """How many times the excerpt occurs on the same page before the anchor's own place."""
        if not anchor.excerpt:
            return 0
        pattern = excerpt_pattern(anchor.excerpt)
        count = 0
        for block in self.document.blocks:
            if block.page != anchor.block.page or block.kind.value == "table":
                continue
            if block.index == anchor.block.index:
                return count + sum(1 for m in pattern.finditer(block.text[: anchor.offset]))
            count += sum(1 for _ in pattern.finditer(block.text))
        return count


MIN_SPLIT_PREFIX = 2  # characters of an excerpt that must stand before a page break ("där 37")


def _note_rect(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the note's icon: just above the start of the flagged text
    (`box` is that character's box, in the same order), so that it does not hide the text."""
    left, _bottom, _right, top = box
    return (left, top, left + NOTE_SIZE, top + NOTE_SIZE)


# --- PDFium annotations ---------------------------------------------------------------------------


def _wide(text: str) -> Any:
    import pypdfium2.raw as pdfium_c

    encoded = (text + "\x00").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    return ctypes.cast(buffer, pdfium_c.FPDF_WIDESTRING), buffer


def _set(pdfium_c: Any, annot: Any, key: str, value: str) -> None:
    pointer, _keep = _wide(value)
    pdfium_c.FPDFAnnot_SetStringValue(annot, key.encode("ascii"), pointer)


def get_string(pdfium_c: Any, annot: Any, key: str) -> str:
    """A text entry of an annotation ("" when absent)."""
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode("ascii"), None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode("ascii"), pointer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _add_note(
    pdfium_c: Any, page: Any, rect: tuple[float, float, float, float], anchor: Anchor, now: datetime
) -> None:
    annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_TEXT)
    if not annot:
        raise RuntimeError("PDFium kunde inte skapa en anteckning")
    try:
        left, bottom, right, top = rect
        # FS_RECTF's fields are in the order left, top, right, bottom: name them
        area = pdfium_c.FS_RECTF(left=left, top=top, right=right, bottom=bottom)
        pdfium_c.FPDFAnnot_SetRect(annot, area)
        _set(pdfium_c, annot, "Contents", "\n".join(anchor.paragraphs))
        _set(pdfium_c, annot, "T", AUTHOR)
        _set(pdfium_c, annot, "Subj", anchor.finding.code)
        _set(pdfium_c, annot, "M", now.strftime("D:%Y%m%d%H%M%SZ"))
        red, green, blue = _COLORS.get(anchor.finding.severity, _COLORS[Severity.WARNING])
        pdfium_c.FPDFAnnot_SetColor(
            annot, pdfium_c.FPDFANNOT_COLORTYPE_Color, red, green, blue, 255
        )
        pdfium_c.FPDFAnnot_SetFlags(
            annot,
            pdfium_c.FPDF_ANNOT_FLAG_PRINT
            | pdfium_c.FPDF_ANNOT_FLAG_NOZOOM
            | pdfium_c.FPDF_ANNOT_FLAG_NOROTATE,
        )
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)


def _remove_own_notes(pdfium_c: Any, page: Any) -> int:
    """Remove jamlint's notes from a page, with the pop-ups that belong to them."""
    own: set[int] = set()
    popups: list[tuple[int, int]] = []  # (index, index of the annotation it belongs to)
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_POPUP:
                parent = pdfium_c.FPDFAnnot_GetLinkedAnnot(annot, b"Parent")
                if parent:
                    popups.append((i, pdfium_c.FPDFPage_GetAnnotIndex(page.raw, parent)))
                    pdfium_c.FPDFPage_CloseAnnot(parent)
            elif get_string(pdfium_c, annot, "T") == AUTHOR:
                own.add(i)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    doomed = own | {i for i, parent in popups if parent in own}
    for i in sorted(doomed, reverse=True):
        pdfium_c.FPDFPage_RemoveAnnot(page.raw, i)
    return len(own)
