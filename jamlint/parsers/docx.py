"""Reads a Word .docx file into a `Document` the rules can check.

The zip archive is checked before anything unpacks it (declared sizes and compression ratios
against `Limits`), so a zip bomb or a truncated file becomes a clear `DocumentError` instead of a
crash or an exhausted machine. python-docx then opens the package (parts, relationships, styles)
and one pass over the body XML with lxml yields the blocks in reading order:

- paragraphs and tables interleaved as they stand in the body, content controls unwrapped, text
  boxes emitted after the paragraph that anchors them, tracked changes read as accepted;
- headings from heading styles, outline levels and the ways templates fake them (a short bold
  line, a typed section number such as "3.2 Jämställdhet", a short line ending with ":");
- list items, tables with their cells, Word comments on the paragraphs they mark, and page
  numbers where Word recorded its page breaks.

Running headers, footers and footnotes go to their own fields, never into the body. Blocks are
returned unnumbered: `jamlint.model.layout.finalize` gives them their locations.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from jamlint.model.document import Block, BlockKind, Comment, DocFormat, Document, Table
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits

if TYPE_CHECKING:
    from lxml.etree import _Element

# --- Swedish messages (what the case officer reads) -------------------------------------------

MSG_CORRUPT = (
    "Filen kunde inte läsas: den är en skadad eller ofullständig Word-fil (.docx). Det händer "
    "till exempel när en nedladdning eller kopiering har avbrutits. Öppna filen i Word och spara "
    "den på nytt, eller hämta en ny kopia av dokumentet, och kör jamlint igen."
)
MSG_NO_MAIN_PART = (
    "Filen kunde inte läsas som ett Word-dokument: den är ett zip-arkiv, men själva "
    "dokumenttexten (word/document.xml) saknas i den. Filen är skadad eller är ingen riktig "
    ".docx-fil. Spara dokumentet på nytt från Word och kör jamlint igen."
)
MSG_TOO_BIG_UNPACKED = (
    "Filen har inte granskats: uppackad blir den större än gränsen på {limit}. Den "
    "behandlas därför som en möjlig zip-bomb (en fil gjord för att fylla datorns minne när den "
    "packas upp). Är dokumentet äkta, minska storleken på bilderna i det (i Word: Komprimera "
    "bilder) och kör jamlint igen."
)
MSG_RATIO = (
    "Filen har inte granskats: en del av den ({member}) packas upp till mer än {ratio} gånger "
    "sin packade storlek, vilket är över gränsen. Den behandlas därför som en möjlig zip-bomb "
    "(en fil gjord för att fylla datorns minne när den packas upp). Är dokumentet äkta, spara "
    "det på nytt från Word och kör jamlint igen."
)
MSG_TOO_MANY_MEMBERS = (
    "Filen har inte granskats: den består av fler än {limit} delar, vilket ett vanligt "
    "Word-dokument aldrig gör. Den behandlas därför som en möjlig zip-bomb."
)
MSG_ENCRYPTED_ZIP = (
    "Filen är krypterad och kan inte läsas. Spara en kopia utan lösenord eller kryptering och "
    "kör jamlint på kopian."
)
MSG_NOT_WORD = (
    "Filen är ett Office-dokument men inte ett Word-dokument (den kan vara ett kalkylark eller "
    "en presentation). jamlint läser Word-dokument (.docx), PDF, text och Markdown."
)

# --- limits that are not user settings --------------------------------------------------------

# The compression-ratio test only applies to big members: small XML parts (styles, settings)
# often compress 100:1 or better and are harmless.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# A Word file has tens of parts, a few hundred with many images; far more means a crafted archive.
MAX_ZIP_MEMBERS = 10_000
# A faked heading is a short line.
MAX_HEADING_WORDS = 12
# A run this many half-points larger than body text reads as a top-level heading (2 pt).
LARGER_FONT_HALF_POINTS = 4
# Word's own default size (10 pt) when the file states none.
DEFAULT_FONT_HALF_POINTS = 20

# --- XML names ----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

BODY, P, TBL, TR, TC = _W + "body", _W + "p", _W + "tbl", _W + "tr", _W + "tc"
SDT, SDT_CONTENT, SDT_PR = _W + "sdt", _W + "sdtContent", _W + "sdtPr"
CUSTOM_XML, R, T = _W + "customXml", _W + "r", _W + "t"
PPR, RPR, PSTYLE, RSTYLE = _W + "pPr", _W + "rPr", _W + "pStyle", _W + "rStyle"
NUMPR, NUMID, OUTLINE_LVL = _W + "numPr", _W + "numId", _W + "outlineLvl"
PAGE_BREAK_BEFORE, SECT_PR, TYPE = _W + "pageBreakBefore", _W + "sectPr", _W + "type"
BOLD, SIZE, VANISH = _W + "b", _W + "sz", _W + "vanish"
TAB, PTAB, BR, CR = _W + "tab", _W + "ptab", _W + "br", _W + "cr"
LAST_RENDERED_PAGE_BREAK = _W + "lastRenderedPageBreak"
NO_BREAK_HYPHEN = _W + "noBreakHyphen"
DRAWING, PICT, OBJECT, TXBX_CONTENT = _W + "drawing", _W + "pict", _W + "object", _W + "txbxContent"
COMMENT_RANGE_START, COMMENT_RANGE_END = _W + "commentRangeStart", _W + "commentRangeEnd"
COMMENT_REFERENCE, COMMENT = _W + "commentReference", _W + "comment"
TC_PR, TR_PR, TBL_PR = _W + "tcPr", _W + "trPr", _W + "tblPr"
GRID_SPAN, V_MERGE, H_MERGE = _W + "gridSpan", _W + "vMerge", _W + "hMerge"
GRID_BEFORE, GRID_AFTER, TBL_HEADER = _W + "gridBefore", _W + "gridAfter", _W + "tblHeader"
SHD, TBL_STYLE, TBL_LOOK = _W + "shd", _W + "tblStyle", _W + "tblLook"
TBL_STYLE_PR = _W + "tblStylePr"
DEL = _W + "del"
DOC_PART_OBJ, DOC_PART_GALLERY = _W + "docPartObj", _W + "docPartGallery"
FOOTNOTE, ENDNOTE = _W + "footnote", _W + "endnote"
HEADER_REFERENCE, FOOTER_REFERENCE = _W + "headerReference", _W + "footerReference"
STYLE, NAME, BASED_ON = _W + "style", _W + "name", _W + "basedOn"
DOC_DEFAULTS, RPR_DEFAULT = _W + "docDefaults", _W + "rPrDefault"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (
    _MC + "AlternateContent",
    _MC + "Choice",
    _MC + "Fallback",
)
M_OMATH, M_OMATH_PARA, M_T = _M + "oMath", _M + "oMathPara", _M + "t"

VAL, ID, AUTHOR, STYLE_ID = _W + "val", _W + "id", _W + "author", _W + "styleId"
W_TYPE, DEFAULT, FILL, FIRST_ROW = _W + "type", _W + "default", _W + "fill", _W + "firstRow"
R_ID = _R + "id"

# inline elements whose children are read as if they stood in the paragraph itself; w:del and
# w:moveFrom are absent on purpose: tracked changes are read as accepted.
_INLINE_CONTAINERS = frozenset(
    _W + name
    for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_TEXTBOX_HOSTS = frozenset((DRAWING, PICT, OBJECT, MC_ALTERNATE))
_NOTE_SEPARATORS = frozenset(("separator", "continuationSeparator", "continuationNotice"))
_FALSE_VALUES = frozenset(("0", "false", "off", "none"))

_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_RT_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
# Templates and macro-enabled files have the same body as a .docx, only another content type.
_WORD_MAIN_CONTENT_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)

# --- text patterns ----------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"(?<![a-zåäö])(?:heading|rubrik|überschrift)\s*([1-9])(?!\d)", re.I)
_TITLE_STYLES = frozenset(("title", "rubrik", "titel"))
_TOC_STYLE = re.compile(r"^(?:toc|innehåll|innehll)\s*[1-9]$", re.I)
_LIST_STYLE_PREFIXES = (
    "list paragraph",
    "list bullet",
    "list number",
    "liststycke",
    "punktlista",
    "numrerad lista",
)
# "3.2 Jämställdhet", "3. Konsekvenser", "3 Konsekvenser": a section number, then a capital
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?=[^\W\d_])")
# a table-of-contents line: text, then a tab or dot leader, then a page number
_TOC_TAIL = re.compile(r"(?:\t|\.{3,}|…)\s*\d+\s*$")
_NUMERIC_CELL = re.compile(r"^[\d\s.,:%‰+\-–−/()]*\d[\d\s.,:%‰+\-–−/()]*$")


# --- entry point --------------------------------------------------------------------------------


def parse_docx(data: bytes, path: str, limits: Limits) -> Document:
    """Parse the bytes of a .docx file into unnumbered blocks plus headers, footers, footnotes."""
    check_archive(data, limits)
    part = _open_main_part(data)
    body = part.element.find(BODY)
    if body is None:
        raise DocumentError(ProblemKind.UNREADABLE, MSG_CORRUPT)
    styles = _Styles(_related_element(part, _RT_STYLES))
    comments = _read_comments(part, styles)
    sect_prs = _body_sect_prs(body)
    reader = _Reader(
        styles, comments, _page_mode(body), _section_breaks(sect_prs), _source_positions(body)
    )
    reader.read_container(body)
    drafts = reader.finish()
    counted = reader.breaks > 0
    headers, footers = _headers_footers(part, sect_prs, styles)
    return Document(
        path=path,
        format=DocFormat.DOCX,
        pages=reader.page if counted else None,
        blocks=tuple(d.to_block(counted) for d in drafts),
        headers=headers,
        footers=footers,
        footnotes=_notes(part, _RT_FOOTNOTES, FOOTNOTE, styles)
        + _notes(part, _RT_ENDNOTES, ENDNOTE, styles),
    )


def _source_positions(body: _Element) -> dict[_Element, str]:
    """Each w:p, w:tc and w:tbl of the body -> "p:N" / "tc:N" / "tbl:N", its index among the
    body's elements of that tag in document order: `Block.source`, which `jamlint annotate`
    resolves the same way to write comments back into the file."""
    prefixes = {P: "p", TC: "tc", TBL: "tbl"}
    counts = dict.fromkeys(prefixes, 0)
    out: dict[_Element, str] = {}
    for element in body.iter(P, TC, TBL):
        tag = element.tag
        out[element] = f"{prefixes[tag]}:{counts[tag]}"
        counts[tag] += 1
    return out


# --- zip safety ---------------------------------------------------------------------------------


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse a broken archive or a zip bomb before anything is unpacked.

    Only the central directory is read here. Python's zipfile never returns more bytes for a
    member than its declared size (and then fails its CRC check), so checking the declared
    sizes bounds what python-docx will unpack later.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_members(infos, limits)
            _check_main_part(zf, {info.filename for info in infos})
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise DocumentError(ProblemKind.UNREADABLE, MSG_CORRUPT) from exc


def _check_members(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > MAX_ZIP_MEMBERS:
        raise DocumentError(
            ProblemKind.UNREADABLE, MSG_TOO_MANY_MEMBERS.format(limit=MAX_ZIP_MEMBERS)
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise DocumentError(ProblemKind.ENCRYPTED, MSG_ENCRYPTED_ZIP)
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            limit = _size_text(limits.max_uncompressed_bytes)
            raise DocumentError(ProblemKind.UNREADABLE, MSG_TOO_BIG_UNPACKED.format(limit=limit))
        if (
            info.file_size > RATIO_CHECK_MIN_BYTES
            and info.file_size > info.compress_size * limits.max_compression_ratio
        ):
            raise DocumentError(
                ProblemKind.UNREADABLE,
                MSG_RATIO.format(member=info.filename, ratio=limits.max_compression_ratio),
            )


def _size_text(n_bytes: int) -> str:
    """A size the way a person writes it: "150 MB", or "64 kB" for small limits."""
    mib = 1024 * 1024
    if n_bytes >= mib:
        return f"{n_bytes // mib} MB"
    return f"{max(1, round(n_bytes / 1024))} kB"


def _check_main_part(zf: zipfile.ZipFile, names: set[str]) -> None:
    """The archive must hold the document body that its package relationships point at."""
    if "word/document.xml" in names:
        return
    target = _office_document_target(zf, names)
    if target is None or target not in names:
        raise DocumentError(ProblemKind.UNREADABLE, MSG_NO_MAIN_PART)


def _office_document_target(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """Where `_rels/.rels` says the main document is (Word Online may call it document2.xml)."""
    from lxml import etree

    if "_rels/.rels" not in names:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(zf.read("_rels/.rels"), parser)
    except etree.XMLSyntaxError:
        return None
    for rel in root.iter(_PKG_REL + "Relationship"):
        if rel.get("Type") == _RT_OFFICE_DOCUMENT:
            return (rel.get("Target") or "").lstrip("/")
    return None


def _open_main_part(data: bytes) -> Any:
    """The python-docx DocumentPart of the file; every failure to unpack it is UNREADABLE."""
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart
    from lxml import etree

    for content_type in _WORD_MAIN_CONTENT_TYPES:
        # python-docx maps only the plain .docx content type; the body of a template or a
        # macro-enabled file is the same XML, so read it the same way.
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        ValueError,
        OSError,
        NotImplementedError,
        etree.XMLSyntaxError,
        PackageNotFoundError,
    ) as exc:
        raise DocumentError(ProblemKind.UNREADABLE, MSG_CORRUPT) from exc
    if not isinstance(part, DocumentPart):
        raise DocumentError(ProblemKind.UNSUPPORTED, MSG_NOT_WORD)
    return part


# --- package parts ------------------------------------------------------------------------------


def _related_element(part: Any, reltype: str) -> _Element | None:
    """The XML root of the first part related to `part` by `reltype`, or None."""
    for rel in part.rels.values():
        if rel.is_external or rel.reltype != reltype:
            continue
        return _part_element(rel.target_part)
    return None


def _part_element(target: Any) -> _Element | None:
    element = getattr(target, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml
    from lxml import etree

    try:
        return parse_xml(target.blob)
    except etree.XMLSyntaxError:
        # a broken auxiliary part (footnotes, endnotes) costs only that part, not the document
        return None


def _read_comments(part: Any, styles: _Styles) -> dict[str, tuple[str, str]]:
    """Comment id -> (author, text) from word/comments.xml."""
    root = _related_element(part, _RT_COMMENTS)
    if root is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for comment in root.iter(COMMENT):
        out[comment.get(ID, "")] = (comment.get(AUTHOR, ""), _story_text(comment, styles))
    return out


def _notes(part: Any, reltype: str, tag: str, styles: _Styles) -> tuple[str, ...]:
    """Footnote or endnote texts, without Word's separator notes."""
    root = _related_element(part, reltype)
    if root is None:
        return ()
    texts = []
    for note in root.iter(tag):
        if note.get(W_TYPE) in _NOTE_SEPARATORS:
            continue
        text = _story_text(note, styles)
        if text:
            texts.append(text)
    return tuple(texts)


def _headers_footers(
    part: Any, sect_prs: list[_Element], styles: _Styles
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Texts of every header and footer referenced by any section, deduplicated, in order."""
    found: dict[str, list[str]] = {HEADER_REFERENCE: [], FOOTER_REFERENCE: []}
    seen_ids: set[str] = set()
    for sect_pr in sect_prs:
        for ref in sect_pr:
            if ref.tag not in found:
                continue
            rid = ref.get(R_ID, "")
            if rid in seen_ids or rid not in part.rels:
                continue
            seen_ids.add(rid)
            element = _part_element(part.related_parts[rid])
            text = _story_text(element, styles) if element is not None else ""
            if text and text not in found[ref.tag]:
                found[ref.tag].append(text)
    return tuple(found[HEADER_REFERENCE]), tuple(found[FOOTER_REFERENCE])


def _story_text(element: _Element, styles: _Styles) -> str:
    """Plain text of a header, footer, note or comment: its paragraphs, one a line."""
    reader = _Reader(styles, {}, _PageMode.NONE, [])
    reader.read_container(element)
    lines = []
    for draft in reader.finish():
        if draft.kind is BlockKind.TABLE_CELL:
            continue
        if draft.table is not None:
            lines.extend(" | ".join(c for c in row if c) for row in draft.table.rows)
        else:
            lines.append(draft.text)
    return "\n".join(line for line in lines if line)


def _body_sect_prs(body: _Element) -> list[_Element]:
    """Section properties in document order: those ending a section in a paragraph, then the
    body's own (the last section). Old copies inside tracked property changes are skipped."""
    out = []
    for sect_pr in body.iter(SECT_PR):
        parent = sect_pr.getparent()
        if parent.tag == BODY:
            out.append(sect_pr)
        elif parent.tag == PPR and parent.getparent().tag == P:
            out.append(sect_pr)
    return out


def _section_breaks(sect_prs: list[_Element]) -> list[bool]:
    """For each section end, whether the next section starts on a new page.

    A section's w:type says how that section starts, so the break after section k is decided
    by section k+1; the default is a new page.
    """
    breaks = []
    for following in sect_prs[1:]:
        kind = following.find(TYPE)
        breaks.append(kind is None or kind.get(VAL) not in ("continuous", "nextColumn"))
    return breaks


# --- styles -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ParaStyle:
    """What a paragraph style (with everything it inherits through basedOn) contributes."""

    level: int | None = None  # heading level
    is_list: bool = False
    is_toc: bool = False
    bold: bool | None = None
    size: int | None = None  # half-points
    page_break_before: bool = False


@dataclass(frozen=True, slots=True)
class _CharStyle:
    bold: bool | None = None
    size: int | None = None


class _Styles:
    """Resolves paragraph, character and table styles from word/styles.xml, with inheritance."""

    def __init__(self, root: _Element | None) -> None:
        self._by_id: dict[str, _Element] = {}
        self.default_para_id: str | None = None
        self.default_bold: bool | None = None
        self.default_size: int | None = None
        self._para: dict[str, _ParaStyle] = {}
        self._char: dict[str, _CharStyle] = {}
        if root is not None:
            self._load(root)
        normal = self.para(self.default_para_id)
        self.normal_size = normal.size or self.default_size or DEFAULT_FONT_HALF_POINTS

    def _load(self, root: _Element) -> None:
        for style in root.iter(STYLE):
            sid = style.get(STYLE_ID)
            if sid is None:
                continue
            self._by_id.setdefault(sid, style)
            if style.get(W_TYPE) == "paragraph" and style.get(DEFAULT) in ("1", "true", "on"):
                self.default_para_id = self.default_para_id or sid
        defaults = root.find(DOC_DEFAULTS)
        rpr = defaults.find(RPR_DEFAULT + "/" + RPR) if defaults is not None else None
        if rpr is not None:
            self.default_bold = _toggle(rpr.find(BOLD))
            self.default_size = _half_points(rpr.find(SIZE))

    def para(self, sid: str | None, depth: int = 0) -> _ParaStyle:
        if sid is None:
            return _ParaStyle()
        cached = self._para.get(sid)
        if cached is not None:
            return cached
        style = self._by_id.get(sid)
        if style is None or depth > 20:  # unknown id, or a basedOn cycle
            return _ParaStyle()
        parent = self.para(_child_val(style, BASED_ON), depth + 1)
        resolved = _resolve_para_style(style, sid, parent)
        self._para[sid] = resolved
        return resolved

    def char(self, sid: str, depth: int = 0) -> _CharStyle:
        cached = self._char.get(sid)
        if cached is not None:
            return cached
        style = self._by_id.get(sid)
        if style is None or depth > 20:
            return _CharStyle()
        based_on = _child_val(style, BASED_ON)
        parent = self.char(based_on, depth + 1) if based_on else _CharStyle()
        rpr = style.find(RPR)
        bold = _toggle(rpr.find(BOLD)) if rpr is not None else None
        size = _half_points(rpr.find(SIZE)) if rpr is not None else None
        resolved = _CharStyle(
            bold=parent.bold if bold is None else bold,
            size=parent.size if size is None else size,
        )
        self._char[sid] = resolved
        return resolved

    def table_formats_first_row(self, sid: str | None) -> bool:
        """Whether a table style (or one it is based on) formats the header row differently."""
        for _ in range(20):
            style = self._by_id.get(sid) if sid else None
            if style is None:
                return False
            for cond in style.iter(TBL_STYLE_PR):
                if cond.get(W_TYPE) == "firstRow":
                    return True
            sid = _child_val(style, BASED_ON)
        return False


def _resolve_para_style(style: _Element, sid: str, parent: _ParaStyle) -> _ParaStyle:
    name = (_child_val(style, NAME) or "").strip()
    ppr = style.find(PPR)
    rpr = style.find(RPR)
    level = _style_name_level(name, sid)
    outline = ppr.find(OUTLINE_LVL) if ppr is not None else None
    if level is None and outline is not None:
        level = _outline_level(outline)
    elif level is None:
        level = parent.level
    numpr = ppr.find(NUMPR) if ppr is not None else None
    num_id = _child_val(numpr, NUMID) if numpr is not None else None
    if num_id is not None:
        is_list = num_id != "0"
    else:
        is_list = parent.is_list or name.lower().startswith(_LIST_STYLE_PREFIXES)
    bold = _toggle(rpr.find(BOLD)) if rpr is not None else None
    size = _half_points(rpr.find(SIZE)) if rpr is not None else None
    pbb = _toggle(ppr.find(PAGE_BREAK_BEFORE)) if ppr is not None else None
    return _ParaStyle(
        level=level,
        is_list=is_list,
        is_toc=parent.is_toc or bool(_TOC_STYLE.match(name) or _TOC_STYLE.match(sid)),
        bold=parent.bold if bold is None else bold,
        size=parent.size if size is None else size,
        page_break_before=parent.page_break_before if pbb is None else pbb,
    )


def _style_name_level(name: str, sid: str) -> int | None:
    """Heading level a style's own name or id states: "heading 2", "Rubrik2", "Title"."""
    if name.lower() in _TITLE_STYLES or sid.lower() in _TITLE_STYLES:
        return 1
    for candidate in (name, sid):
        m = _HEADING_STYLE.search(candidate)
        if m:
            return int(m.group(1))
    return None


def _outline_level(element: _Element) -> int | None:
    """w:outlineLvl 0-8 is heading level 1-9; 9 means body text."""
    try:
        value = int(element.get(VAL, "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None


def _child_val(element: _Element, tag: str) -> str | None:
    child = element.find(tag)
    return None if child is None else child.get(VAL)


def _on(value: str | None) -> bool:
    return value is None or value.lower() not in _FALSE_VALUES


def _toggle(element: _Element | None) -> bool | None:
    """An on/off property: absent -> None, `<w:b/>` -> True, `<w:b w:val="0"/>` -> False."""
    return None if element is None else _on(element.get(VAL))


def _half_points(element: _Element | None) -> int | None:
    if element is None:
        return None
    try:
        return int(element.get(VAL, ""))
    except ValueError:
        return None


# --- the body reader ----------------------------------------------------------------------------


class _HeadingSource(Enum):
    """Where a heading's level comes from."""

    STYLE = "style"  # a heading style or an outline level
    NUMBERED = "numbered"  # a typed section number: "3.2 Jämställdhet"
    LARGE = "large"  # a short line in a clearly larger font
    BOLD = "bold"  # a short line that is entirely bold
    COLON = "colon"  # a short line ending with ":"


class _PageMode(Enum):
    NONE = "none"  # do not count pages (headers, footers, notes, comments)
    RENDERED = "rendered"  # count Word's recorded layout breaks (w:lastRenderedPageBreak)
    EXPLICIT = "explicit"  # count hard page breaks, page-break-before and section breaks


def _page_mode(body: _Element) -> _PageMode:
    # Word writes a rendered break after each hard break too, so when rendered breaks exist
    # counting hard breaks as well would count those pages twice.
    for _ in body.iter(LAST_RENDERED_PAGE_BREAK):
        return _PageMode.RENDERED
    return _PageMode.EXPLICIT


@dataclass(slots=True)
class _Draft:
    """A block under construction (mutable while the reader still learns about it)."""

    kind: BlockKind
    text: str
    level: int | None = None
    page: int | None = None
    table: Table | None = None
    row: int | None = None
    col: int | None = None
    is_header: bool = False
    comments: list[Comment] = field(default_factory=list)
    bold: bool = False  # every visible run is bold (used for table header rows)
    source: str | None = None

    def to_block(self, with_page: bool) -> Block:
        return Block(
            kind=self.kind,
            text=self.text,
            level=self.level,
            page=self.page if with_page else None,
            table=self.table,
            row=self.row,
            col=self.col,
            is_header=self.is_header,
            comments=tuple(self.comments),
            source=self.source,
        )


@dataclass(slots=True)
class _Inline:
    """What one pass over a paragraph's inline content collects."""

    para_bold: bool
    para_size: int
    parts: list[str] = field(default_factory=list)
    length: int = 0
    start_page: int | None = None
    visible_runs: int = 0
    bold_runs: int = 0
    min_size: int | None = None
    comment_starts: dict[str, int] = field(default_factory=dict)
    comment_ends: dict[str, int] = field(default_factory=dict)
    comment_refs: list[str] = field(default_factory=list)
    textboxes: list[_Element] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)


class _Reader:
    """One pass over a story (the body, a header, a note) producing drafts in reading order."""

    def __init__(
        self,
        styles: _Styles,
        comments: dict[str, tuple[str, str]],
        mode: _PageMode,
        section_breaks: list[bool],
        positions: dict[_Element, str] | None = None,
    ) -> None:
        self.styles = styles
        self.positions = positions or {}
        self.comments = comments
        self.mode = mode
        self.section_breaks = section_breaks
        self.section_index = 0
        self.page = 1
        self.breaks = 0
        self.seen_text = False
        self.fixed_page: int | None = None  # set while reading text boxes, which float
        self.drafts: list[_Draft] = []
        self.pending: list[Comment] = []  # comments waiting for the next block
        self.attached: set[str] = set()
        # heading context for faked headings (see `_heading`); table cells do not count
        self.cell_depth = 0
        self.prev_heading_level: int | None = None
        self.last_level: int | None = None
        self.fake_levels: dict[_HeadingSource, int] = {}

    # -- pages --

    def _rendered_break(self) -> None:
        if self.mode is _PageMode.RENDERED and self.fixed_page is None:
            self.page += 1
            self.breaks += 1

    def _explicit_break(self) -> None:
        # a break before any text (a cover-page style at the top) does not make an empty page
        if self.mode is _PageMode.EXPLICIT and self.fixed_page is None and self.seen_text:
            self.page += 1
            self.breaks += 1

    def _current_page(self) -> int:
        return self.page if self.fixed_page is None else self.fixed_page

    # -- blocks --

    def finish(self) -> list[_Draft]:
        """The drafts; comments still waiting for a block go to the last one."""
        if self.pending and self.drafts:
            self.drafts[-1].comments.extend(self.pending)
            self.pending = []
        return self.drafts

    def _emit(self, draft: _Draft) -> None:
        if self.pending:
            draft.comments[:0] = self.pending
            self.pending = []
        if self.cell_depth == 0:
            self.prev_heading_level = draft.level if draft.kind is BlockKind.HEADING else None
        self.drafts.append(draft)

    def read_container(self, element: _Element, in_toc: bool = False) -> None:
        """Read block-level content: paragraphs, tables and the wrappers around them."""
        for child in element:
            tag = child.tag
            if tag == P:
                self._paragraph(child, in_toc)
            elif tag == TBL:
                self._table(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.read_container(content, in_toc or _is_toc_sdt(child))
            elif tag == CUSTOM_XML:
                self.read_container(child, in_toc)
            elif tag == MC_ALTERNATE:
                chosen = _choose_alternate(child)
                if chosen is not None:
                    self.read_container(chosen, in_toc)
            elif tag == COMMENT_RANGE_START:
                self._pend_comment(child.get(ID, ""))

    def _pend_comment(self, cid: str) -> None:
        if cid in self.comments and cid not in self.attached:
            self.attached.add(cid)
            author, text = self.comments[cid]
            self.pending.append(Comment(author=author, text=text))

    # -- paragraphs --

    def _paragraph(self, p: _Element, in_toc: bool) -> None:
        ppr = p.find(PPR)
        style_id = _child_val(ppr, PSTYLE) if ppr is not None else None
        style = self.styles.para(style_id or self.styles.default_para_id)
        direct_pbb = _toggle(ppr.find(PAGE_BREAK_BEFORE)) if ppr is not None else None
        if direct_pbb if direct_pbb is not None else style.page_break_before:
            self._explicit_break()
        acc = _Inline(
            para_bold=bool(style.bold if style.bold is not None else self.styles.default_bold),
            para_size=style.size or self.styles.normal_size,
        )
        self._inline(p, acc)
        raw = "".join(acc.parts)
        text = _clean(raw)
        comments = self._paragraph_comments(raw, acc)
        page = acc.start_page if acc.start_page is not None else self._current_page()
        if text:
            kind, level = self._classify(text, raw, ppr, style, acc, in_toc)
            bold = acc.visible_runs > 0 and acc.bold_runs == acc.visible_runs
            source = self.positions.get(p)
            self._emit(_Draft(kind, text, level, page, comments=comments, bold=bold, source=source))
        else:
            self.pending.extend(comments)
        self._textboxes(acc.textboxes, page)
        if ppr is not None and ppr.find(SECT_PR) is not None:
            self._section_end()

    def _textboxes(self, textboxes: list[_Element], page: int) -> None:
        """Text boxes float beside the text: their paragraphs follow the anchoring one."""
        outer = self.fixed_page
        self.fixed_page = page
        for content in textboxes:
            self.read_container(content)
        self.fixed_page = outer

    def _section_end(self) -> None:
        index = self.section_index
        self.section_index += 1
        if index < len(self.section_breaks) and self.section_breaks[index]:
            self._explicit_break()

    def _paragraph_comments(self, raw: str, acc: _Inline) -> list[Comment]:
        out: list[Comment] = []
        for cid, start in acc.comment_starts.items():
            if cid in self.attached or cid not in self.comments:
                continue
            self.attached.add(cid)
            end = acc.comment_ends.get(cid, len(raw))
            author, text = self.comments[cid]
            out.append(Comment(author=author, text=text, anchor=_clean(raw[start:end])))
        for cid in acc.comment_refs:
            if cid in self.attached or cid not in self.comments:
                continue
            self.attached.add(cid)
            author, text = self.comments[cid]
            out.append(Comment(author=author, text=text))
        return out

    def _classify(
        self,
        text: str,
        raw: str,
        ppr: _Element | None,
        style: _ParaStyle,
        acc: _Inline,
        in_toc: bool,
    ) -> tuple[BlockKind, int | None]:
        outline = ppr.find(OUTLINE_LVL) if ppr is not None else None
        level = _outline_level(outline) if outline is not None else style.level
        if level is not None:
            return self._heading(_HeadingSource.STYLE, level)
        numpr = ppr.find(NUMPR) if ppr is not None else None
        num_id = _child_val(numpr, NUMID) if numpr is not None else None
        is_list = num_id != "0" if num_id is not None else style.is_list
        if is_list:
            return BlockKind.LIST_ITEM, None
        if in_toc or style.is_toc:
            return BlockKind.PARAGRAPH, None
        fake = _fake_heading(text, raw, acc, self.styles.normal_size)
        if fake is not None:
            return self._heading(*fake)
        return BlockKind.PARAGRAPH, None

    def _heading(self, source: _HeadingSource, level: int) -> tuple[BlockKind, int]:
        """Settle a heading's level and remember it for the fakes that follow.

        A bold or colon fake right after a heading is its sub-heading (otherwise that heading
        would look empty); later fakes of the same kind are siblings of the first. A colon line
        with nothing to go by sits under the last other heading; a bold line defaults to 2.
        """
        if source in (_HeadingSource.BOLD, _HeadingSource.COLON):
            if self.prev_heading_level is not None:
                level = self.prev_heading_level + 1
            elif source in self.fake_levels:
                level = self.fake_levels[source]
            elif source is _HeadingSource.COLON and self.last_level is not None:
                level = self.last_level + 1
            else:
                level = 2
        level = max(1, min(9, level))
        if self.cell_depth == 0:
            if source in (_HeadingSource.BOLD, _HeadingSource.COLON):
                self.fake_levels[source] = level
            if source is not _HeadingSource.COLON:
                self.last_level = level
        return BlockKind.HEADING, level

    # -- inline content --

    def _inline(self, element: _Element, acc: _Inline) -> None:
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child, acc)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, acc)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, acc)
            elif tag == MC_ALTERNATE:
                chosen = _choose_alternate(child)
                if chosen is not None:
                    self._inline(chosen, acc)
            elif tag == COMMENT_RANGE_START:
                acc.comment_starts.setdefault(child.get(ID, ""), acc.length)
            elif tag == COMMENT_RANGE_END:
                acc.comment_ends[child.get(ID, "")] = acc.length
            elif tag == M_OMATH or tag == M_OMATH_PARA:
                self._text(acc, "".join(t.text or "" for t in child.iter(M_T)))

    def _text(self, acc: _Inline, text: str) -> bool:
        """Add text; True when it has a visible character."""
        if not text:
            return False
        acc.add(text)
        if text.isspace():
            return False
        if acc.start_page is None:
            acc.start_page = self._current_page()
        self.seen_text = True
        return True

    def _run(self, r: _Element, acc: _Inline) -> None:
        rpr = r.find(RPR)
        if rpr is not None and _toggle(rpr.find(VANISH)):
            return  # hidden text is not part of the document as printed
        visible = False
        for child in r:
            tag = child.tag
            if tag == T:
                visible = self._text(acc, child.text or "") or visible
            elif tag == TAB or tag == PTAB:
                acc.add("\t")
            elif tag == BR:
                if child.get(W_TYPE) == "page":
                    self._explicit_break()
                acc.add("\n")
            elif tag == CR:
                acc.add("\n")
            elif tag == LAST_RENDERED_PAGE_BREAK:
                self._rendered_break()
            elif tag == NO_BREAK_HYPHEN:
                acc.add("-")
            elif tag in _TEXTBOX_HOSTS:
                host = _choose_alternate(child) if tag == MC_ALTERNATE else child
                if host is not None:
                    _find_textboxes(host, acc.textboxes)
            elif tag == COMMENT_REFERENCE:
                acc.comment_refs.append(child.get(ID, ""))
        if visible:
            self._run_format(rpr, acc)

    def _run_format(self, rpr: _Element | None, acc: _Inline) -> None:
        bold: bool | None = None
        size: int | None = None
        if rpr is not None:
            bold = _toggle(rpr.find(BOLD))
            size = _half_points(rpr.find(SIZE))
            char_id = _child_val(rpr, RSTYLE)
            if char_id is not None and (bold is None or size is None):
                char = self.styles.char(char_id)
                bold = char.bold if bold is None else bold
                size = char.size if size is None else size
        acc.visible_runs += 1
        if acc.para_bold if bold is None else bold:
            acc.bold_runs += 1
        size = acc.para_size if size is None else size
        acc.min_size = size if acc.min_size is None else min(acc.min_size, size)

    # -- tables --

    def _table(self, tbl: _Element) -> None:
        start_page = self._current_page()
        pending, self.pending = self.pending, []
        rows_el = _table_rows(tbl)
        grid: list[list[str]] = []
        cells: list[_Draft] = []
        first_row_bold: list[bool] = []
        for r_index, tr in enumerate(rows_el):
            texts = self._table_row(tr, r_index, cells, first_row_bold if r_index == 0 else None)
            grid.append(texts)
        if not cells:
            self.pending = pending + self.pending
            return
        width = max(len(row) for row in grid)
        rows = tuple(tuple(row + [""] * (width - len(row))) for row in grid)
        header_rows = _header_rows(tbl, rows_el, rows, first_row_bold, self.styles)
        for cell in cells:
            cell.is_header = (cell.row or 0) < header_rows
        table = Table(rows=rows, header_rows=header_rows)
        page = cells[0].page if cells[0].page is not None else start_page
        self.pending = pending + self.pending  # comments on empty cells go to the table
        source = self.positions.get(tbl)
        self._emit(_Draft(BlockKind.TABLE, "", page=page, table=table, source=source))
        self.drafts.extend(cells)

    def _table_row(
        self, tr: _Element, r_index: int, cells: list[_Draft], bold_flags: list[bool] | None
    ) -> list[str]:
        """Cell texts of one row along the table grid; non-empty cells appended to `cells`.

        Every cell of a row starts on the row's page: Word records a rendered break in each cell
        of a row that moves to a new page, and those must count once.
        """
        trpr = tr.find(TR_PR)
        texts = [""] * _int_val(trpr, GRID_BEFORE, 0)
        row_start = self.page
        row_end = row_start
        for tc in _row_cells(tr):
            tcpr = tc.find(TC_PR)
            span = max(1, _int_val(tcpr, GRID_SPAN, 1))
            self.page = row_start
            text, page, comments, bold = self._cell(tc)
            row_end = max(row_end, self.page)
            if _is_merge_continuation(tcpr):
                text = ""  # the merged cell's text stands in the cell where the merge starts
            if text:
                draft = _Draft(BlockKind.TABLE_CELL, text, page=page, row=r_index, col=len(texts))
                draft.comments = comments
                draft.source = self.positions.get(tc)
                cells.append(draft)
                if bold_flags is not None:
                    bold_flags.append(bold)
            else:
                self.pending.extend(comments)
            texts.append(text)
            texts.extend([""] * (span - 1))
        self.page = row_end
        texts.extend([""] * _int_val(trpr, GRID_AFTER, 0))
        return texts

    def _cell(self, tc: _Element) -> tuple[str, int | None, list[Comment], bool]:
        """A cell's content flattened to one line (nested tables and text boxes included)."""
        outer, self.drafts = self.drafts, []
        outer_pending, self.pending = self.pending, []
        self.cell_depth += 1
        self.read_container(tc)
        self.cell_depth -= 1
        inner, self.drafts = self.drafts, outer
        comments, self.pending = self.pending, outer_pending  # from empty paragraphs
        pieces: list[str] = []
        for draft in inner:
            comments.extend(draft.comments)
            if draft.kind is BlockKind.TABLE_CELL:
                continue
            if draft.table is not None:
                pieces.extend(c for row in draft.table.rows for c in row if c)
            else:
                pieces.append(draft.text)
        # one line per cell: the rendering puts one table row on one line
        text = " ".join(" ".join(pieces).split("\n")).strip()
        page = inner[0].page if inner else None
        paragraphs = [d for d in inner if d.table is None and d.kind is not BlockKind.TABLE_CELL]
        bold = bool(paragraphs) and all(d.bold for d in paragraphs)
        return text, page, comments, bold


# --- helpers for the reader ---------------------------------------------------------------------


def _clean(raw: str) -> str:
    # tabs become spaces: the NLP tokenizer would otherwise make a token of each tab
    return raw.replace("\t", " ").strip()


def _choose_alternate(element: _Element) -> _Element | None:
    """mc:AlternateContent holds the same content twice; read the first choice only."""
    choice = element.find(MC_CHOICE)
    return choice if choice is not None else element.find(MC_FALLBACK)


def _find_textboxes(element: _Element, out: list[_Element]) -> None:
    """Outermost w:txbxContent under a drawing; nested ones are reached when those are read."""
    for child in element:
        tag = child.tag
        if tag == TXBX_CONTENT:
            out.append(child)
        elif tag == MC_ALTERNATE:
            chosen = _choose_alternate(child)
            if chosen is not None:
                _find_textboxes(chosen, out)
        elif isinstance(tag, str):
            _find_textboxes(child, out)


def _is_toc_sdt(sdt: _Element) -> bool:
    sdt_pr = sdt.find(SDT_PR)
    if sdt_pr is None:
        return False
    gallery = sdt_pr.find(DOC_PART_OBJ + "/" + DOC_PART_GALLERY)
    return gallery is not None and "table of contents" in (gallery.get(VAL) or "").lower()


def _fake_heading(
    text: str, raw: str, acc: _Inline, normal_size: int
) -> tuple[_HeadingSource, int] | None:
    """How a short line fakes a heading (typed number, size, bold, colon) and the level it
    implies (0 when the reader decides from context), or None for an ordinary paragraph."""
    if "\n" in text or text[-1] in ".;," or text[0] in "[<{(\"'«“”":
        return None
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or not any(c.isalpha() for c in text):
        return None
    if _TOC_TAIL.search(raw):
        return None
    numbered = _NUMBERED_HEADING.match(text)
    if numbered and text[numbered.end()].isupper():
        return _HeadingSource.NUMBERED, numbered.group(1).count(".") + 1
    if acc.min_size is not None and acc.min_size >= normal_size + LARGER_FONT_HALF_POINTS:
        return _HeadingSource.LARGE, 1
    if acc.visible_runs and acc.bold_runs == acc.visible_runs:
        return _HeadingSource.BOLD, 0
    if text.endswith(":"):
        return _HeadingSource.COLON, 0
    return None


def _table_rows(tbl: _Element) -> list[_Element]:
    """Rows of a table, unwrapping content controls; rows deleted as a tracked change are gone."""
    rows: list[_Element] = []
    for child in tbl:
        tag = child.tag
        if tag == TR:
            trpr = child.find(TR_PR)
            if trpr is None or trpr.find(DEL) is None:
                rows.append(child)
        elif tag == SDT or tag == CUSTOM_XML:
            content = child.find(SDT_CONTENT) if tag == SDT else child
            if content is not None:
                rows.extend(_table_rows(content))
    return rows


def _row_cells(tr: _Element) -> list[_Element]:
    cells: list[_Element] = []
    for child in tr:
        tag = child.tag
        if tag == TC:
            cells.append(child)
        elif tag == SDT or tag == CUSTOM_XML:
            content = child.find(SDT_CONTENT) if tag == SDT else child
            if content is not None:
                cells.extend(_row_cells(content))
    return cells


def _int_val(parent: _Element | None, tag: str, default: int) -> int:
    if parent is None:
        return default
    value = _child_val(parent, tag)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _is_merge_continuation(tcpr: _Element | None) -> bool:
    if tcpr is None:
        return False
    for tag in (V_MERGE, H_MERGE):
        merge = tcpr.find(tag)
        if merge is not None and merge.get(VAL) != "restart":
            return True
    return False


def _header_rows(
    tbl: _Element,
    rows_el: list[_Element],
    rows: tuple[tuple[str, ...], ...],
    first_row_bold: list[bool],
    styles: _Styles,
) -> int:
    """How many rows at the top are column headers.

    Marked header rows (repeat as header row) count; otherwise the first row is a header when
    it looks like one: all bold, all shaded, formatted by the table style's header-row format,
    or words above numbers.
    """
    marked = 0
    for tr in rows_el:
        trpr = tr.find(TR_PR)
        if trpr is None or not _toggle(trpr.find(TBL_HEADER)):
            break
        marked += 1
    if marked:
        return min(marked, len(rows))
    if len(rows) < 2:
        return 0
    if first_row_bold and all(first_row_bold):
        return 1
    if _row_shaded(rows_el[0]) or _style_formats_first_row(tbl, styles):
        return 1
    first = [c for c in rows[0] if c]
    later_numeric = any(_NUMERIC_CELL.match(c) for row in rows[1:] for c in row if c)
    if first and later_numeric and not any(_NUMERIC_CELL.match(c) for c in first):
        return 1
    return 0


def _row_shaded(tr: _Element) -> bool:
    cells = _row_cells(tr)
    if not cells:
        return False
    for tc in cells:
        tcpr = tc.find(TC_PR)
        shd = tcpr.find(SHD) if tcpr is not None else None
        fill = (shd.get(FILL) or "auto").lower() if shd is not None else "auto"
        if fill in ("auto", "ffffff"):
            return False
    return True


def _style_formats_first_row(tbl: _Element, styles: _Styles) -> bool:
    tblpr = tbl.find(TBL_PR)
    if tblpr is None:
        return False
    look = tblpr.find(TBL_LOOK)
    if look is None:
        return False
    first_row = look.get(FIRST_ROW)
    if first_row is not None:
        on = _on(first_row)
    else:
        try:
            on = bool(int(look.get(VAL, "0"), 16) & 0x0020)
        except ValueError:
            on = False
    return on and styles.table_formats_first_row(_child_val(tblpr, TBL_STYLE))
