"""Writing findings into a copy of a .docx as Word review comments on the flagged text.

The copy is made at the level of the zip archive and its XML, not through python-docx's save,
which would re-serialise every XML part it knows (styles, headers, numbering …). Only these
members change: the main document part (comment anchors; runs split where an anchor starts or
ends inside one), the comments part, and — when the file had no comments before — the content
types and the main part's relationships; on re-annotation also Word's commentsExtended,
commentsIds and commentsExtensible parts when they list jamlint's earlier comments. Every other
member is copied byte for byte, in the same order.

Text is found the way the .docx parser reads it (`jamlint.parsers.docx`): runs in reading order,
into tracked insertions, hyperlinks, fields and content controls, never into deleted text,
hidden runs or text boxes (those are blocks of their own). A comment is anchored with
w:commentRangeStart/End around the exact runs, splitting a run (its formatting copied) where the
excerpt starts or ends inside it, and a w:commentReference run after the range, moved out of
tracked changes, hyperlinks and fields so that rejecting a change or updating a field cannot
drop it.
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from jamlint.annotate.locate import Anchor, excerpt_pattern
from jamlint.annotate.messages import AUTHOR, INITIALS

if TYPE_CHECKING:
    from lxml.etree import _Element

# --- names --------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_W16CID = "{http://schemas.microsoft.com/office/word/2016/wordml/cid}"
_W16CEX = "{http://schemas.microsoft.com/office/word/2018/wordml/cex}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

W_NS = _W[1:-1]
BODY, P, R, T, RPR, PPR = (_W + n for n in ("body", "p", "r", "t", "rPr", "pPr"))
TBL, TR, TC, SDT, SDT_CONTENT = (_W + n for n in ("tbl", "tr", "tc", "sdt", "sdtContent"))
CUSTOM_XML, VANISH = _W + "customXml", _W + "vanish"
TAB, PTAB, BR, CR, NO_BREAK_HYPHEN = (_W + n for n in ("tab", "ptab", "br", "cr", "noBreakHyphen"))
FLD_CHAR, FLD_CHAR_TYPE = _W + "fldChar", _W + "fldCharType"
RANGE_START, RANGE_END = _W + "commentRangeStart", _W + "commentRangeEnd"
REFERENCE, ANNOTATION_REF = _W + "commentReference", _W + "annotationRef"
COMMENTS, COMMENT = _W + "comments", _W + "comment"
PSTYLE, RSTYLE, STYLE, BOLD = _W + "pStyle", _W + "rStyle", _W + "style", _W + "b"
ID, AUTHOR_ATTR, DATE, INITIALS_ATTR = _W + "id", _W + "author", _W + "date", _W + "initials"
VAL, STYLE_ID = _W + "val", _W + "styleId"
PARA_ID = _W14 + "paraId"
COMMENT_EX, EX_PARA_ID, EX_PARENT = _W15 + "commentEx", _W15 + "paraId", _W15 + "paraIdParent"
CID_COMMENT, CID_PARA_ID, CID_DURABLE = (
    _W16CID + "commentId",
    _W16CID + "paraId",
    _W16CID + "durableId",
)
CEX_COMMENT, CEX_DURABLE = _W16CEX + "commentExtensible", _W16CEX + "durableId"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
M_OMATH, M_OMATH_PARA, M_T = _M + "oMath", _M + "oMathPara", _M + "t"

# inline containers the parser reads through (w:del and w:moveFrom are deleted text: not read)
_INLINE_CONTAINERS = frozenset(
    _W + name
    for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
# containers of block content a table cell's text is read from
_BLOCK_CONTAINERS = frozenset((TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML))

RT_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
RT_COMMENTS_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
RT_COMMENTS_EXTENSIBLE = (
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"
)
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

# Word's built-in styles for comment text; referenced only when the file defines them
COMMENT_TEXT_STYLE, COMMENT_REFERENCE_STYLE = "CommentText", "CommentReference"
DEFAULT_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")


@dataclass(frozen=True)
class DocxOutcome:
    """The annotated file and what happened on the way."""

    data: bytes
    placed: tuple[Anchor, ...]  # anchored on the excerpt itself
    approximate: tuple[Anchor, ...]  # excerpt not found: anchored on the whole block
    removed: int  # jamlint comments from an earlier run that were replaced


def annotate_docx(data: bytes, anchors: Sequence[Anchor], now: datetime) -> DocxOutcome:
    """A copy of `data` with one comment per anchor and jamlint's earlier comments removed."""
    package = _Package(data)
    comments = package.comments_root()
    removed = _remove_own_comments(package, comments)
    writer = _CommentWriter(package, comments, now)
    placed: list[Anchor] = []
    approximate: list[Anchor] = []
    for anchor in anchors:
        exact = writer.add(anchor)
        (placed if exact else approximate).append(anchor)
    if writer.added or removed:
        if package.comments_name not in package.members:
            package.register_comments_part()
        package.set_xml(package.comments_name, comments)
        package.set_xml(package.main_name, package.main)
    return DocxOutcome(
        # nothing to say and nothing to take back: the copy is the original, byte for byte
        data=package.to_bytes() if package.changed else data,
        placed=tuple(placed),
        approximate=tuple(approximate),
        removed=removed,
    )


# --- the package --------------------------------------------------------------------------------


def _parse(data: bytes) -> _Element:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


def _serialize(root: _Element, original: bytes | None) -> bytes:
    """The XML of `root` behind the original's own XML declaration (Word's, byte for byte)."""
    from lxml import etree

    found = _DECLARATION.match(original) if original else None
    declaration = found.group(0) if found else DEFAULT_DECLARATION
    return declaration + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def _join(base_part: str, target: str) -> str:
    """A relationship target resolved against its source part, as a zip member name."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


class _Package:
    """The zip members of a .docx, with the XML parts jamlint may change parsed on demand."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.infos = zf.infolist()
            self.members = {info.filename: zf.read(info) for info in self.infos}
        self.changed: dict[str, bytes] = {}
        self.main_name = self._main_name()
        self.main = _parse(self.members[self.main_name])
        self.rels_name = _rels_name(self.main_name)
        self.rels = (
            _parse(self.members[self.rels_name])
            if self.rels_name in self.members
            else _parse(f'<Relationships xmlns="{_PKG_REL[1:-1]}"/>'.encode())
        )
        self.comments_name = self.related(RT_COMMENTS) or self._new_comments_name()

    def _main_name(self) -> str:
        if "_rels/.rels" in self.members:
            for rel in _parse(self.members["_rels/.rels"]).iter(_PKG_REL + "Relationship"):
                if rel.get("Type") == RT_OFFICE_DOCUMENT:
                    return _join("", rel.get("Target") or "")
        return "word/document.xml"

    def related(self, reltype: str) -> str | None:
        """The member the main part relates to by `reltype`, when it is in the archive."""
        for rel in self.rels.iter(_PKG_REL + "Relationship"):
            if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
                name = _join(self.main_name, rel.get("Target") or "")
                if name in self.members:
                    return name
        return None

    def _new_comments_name(self) -> str:
        name = posixpath.join(posixpath.dirname(self.main_name), "comments.xml")
        n = 1
        while name in self.members:
            n += 1
            name = posixpath.join(posixpath.dirname(self.main_name), f"comments{n}.xml")
        return name

    def xml(self, name: str | None) -> _Element | None:
        if name is None or name not in self.members:
            return None
        return _parse(self.members[name])

    def comments_root(self) -> _Element:
        root = self.xml(self.comments_name)
        if root is not None:
            return root
        return _parse(f'<w:comments xmlns:w="{W_NS}"/>'.encode())

    def register_comments_part(self) -> None:
        """A new comments part needs a content type and a relationship from the main part."""
        types = _parse(self.members["[Content_Types].xml"])
        override = types.makeelement(
            _CT + "Override", {"PartName": "/" + self.comments_name, "ContentType": CT_COMMENTS}
        )
        types.append(override)
        if not any(d.get("Extension", "").lower() == "rels" for d in types.iter(_CT + "Default")):
            types.insert(
                0, types.makeelement(_CT + "Default", {"Extension": "rels", "ContentType": CT_RELS})
            )
        self.set_xml("[Content_Types].xml", types)
        used = {rel.get("Id") for rel in self.rels.iter(_PKG_REL + "Relationship")}
        n = 1
        while f"rIdJamlint{n}" in used:
            n += 1
        target = posixpath.relpath(self.comments_name, posixpath.dirname(self.main_name))
        rel = self.rels.makeelement(
            _PKG_REL + "Relationship",
            {"Id": f"rIdJamlint{n}", "Type": RT_COMMENTS, "Target": target},
        )
        self.rels.append(rel)
        self.set_xml(self.rels_name, self.rels)

    def set_xml(self, name: str, root: _Element) -> None:
        self.changed[name] = _serialize(root, self.members.get(name))

    def to_bytes(self) -> bytes:
        """The archive with changed members replaced in place and new ones at the end."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for info in self.infos:
                payload = self.changed.get(info.filename, self.members[info.filename])
                zf.writestr(_copy_info(info), payload)
            for name, payload in self.changed.items():
                if name not in self.members:
                    zf.writestr(_new_info(name), payload)
        return out.getvalue()

    def style_ids(self) -> frozenset[str]:
        root = self.xml(self.related(RT_STYLES))
        if root is None:
            return frozenset()
        return frozenset(s.get(STYLE_ID, "") for s in root.iter(STYLE))


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = info.compress_type
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    new.comment = info.comment
    return new


def _new_info(name: str) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    new.compress_type = zipfile.ZIP_DEFLATED
    return new


# --- removing jamlint's earlier comments --------------------------------------------------------


def _remove_own_comments(package: _Package, comments: _Element) -> int:
    """Remove the comments jamlint wrote before, their anchors and Word's bookkeeping of them."""
    ids: set[str] = set()
    para_ids: set[str] = set()
    for comment in list(comments.iter(COMMENT)):
        if comment.get(AUTHOR_ATTR) != AUTHOR:
            continue
        ids.add(comment.get(ID, ""))
        para_ids.update(p.get(PARA_ID) for p in comment.iter(P) if p.get(PARA_ID))
        _detach(comment)
    if not ids:
        return 0
    for marker in list(package.main.iter(RANGE_START, RANGE_END, REFERENCE)):
        if marker.get(ID) in ids:
            parent = marker.getparent()
            if marker.tag == REFERENCE and parent.tag == R and _only_holds(parent, marker):
                _detach(parent)
            else:
                _detach(marker)
    if para_ids:
        _forget_in_word_parts(package, para_ids)
    return len(ids)


def _only_holds(run: _Element, child: _Element) -> bool:
    return all(c is child or c.tag == RPR for c in run)


def _detach(element: _Element) -> None:
    """Remove an element, keeping its tail text (if any) in the tree."""
    parent = element.getparent()
    tail = element.tail
    if tail:
        prev = element.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _forget_in_word_parts(package: _Package, para_ids: set[str]) -> None:
    """Word 2013+ keeps comment state and replies in parts keyed by the comment's paraId."""
    name = package.related(RT_COMMENTS_EXTENDED)
    root = package.xml(name)
    if name and root is not None:
        for entry in list(root.iter(COMMENT_EX)):
            if entry.get(EX_PARA_ID) in para_ids:
                _detach(entry)
            elif entry.get(EX_PARENT) in para_ids:
                del entry.attrib[EX_PARENT]  # a person's reply to jamlint stays, on its own
        package.set_xml(name, root)
    durable: set[str] = set()
    name = package.related(RT_COMMENTS_IDS)
    root = package.xml(name)
    if name and root is not None:
        for entry in list(root.iter(CID_COMMENT)):
            if entry.get(CID_PARA_ID) in para_ids:
                durable.add(entry.get(CID_DURABLE, ""))
                _detach(entry)
        package.set_xml(name, root)
    name = package.related(RT_COMMENTS_EXTENSIBLE)
    root = package.xml(name)
    if name and root is not None and durable:
        for entry in list(root.iter(CEX_COMMENT)):
            if entry.get(CEX_DURABLE) in durable:
                _detach(entry)
        package.set_xml(name, root)


# --- reading text with its place in the XML -----------------------------------------------------


@dataclass(slots=True)
class _Char:
    """Where one character of a block's text comes from.

    `unit` is what the comment markers go around: the w:r, or a whole m:oMath or
    mc:AlternateContent, which are never split. `child` is the run's element holding the
    character (w:t, w:tab …) and `offset` its index in a w:t's text; None for other units.
    """

    unit: _Element
    child: _Element | None = None
    offset: int = 0


@dataclass
class _TextMap:
    """A block's text as the parser reads it, character by character, with where each is."""

    text: list[str] = field(default_factory=list)
    chars: list[_Char | None] = field(default_factory=list)  # None: a paragraph separator

    def add(self, text: str, char: _Char | None) -> None:
        for i, c in enumerate(text):
            self.text.append(c)
            if char is not None and char.child is not None and char.child.tag == T:
                self.chars.append(_Char(char.unit, char.child, i))
            else:
                self.chars.append(char)

    def search_text(self) -> str:
        # tabs and line breaks are spaces in the parsed text; a cell's paragraphs join with one
        return "".join(" " if c in "\t\n\r" else c for c in self.text)


def _toggle_on(element: _Element | None) -> bool:
    if element is None:
        return False
    return (element.get(VAL) or "true").lower() not in ("0", "false", "off", "none")


def _choose_alternate(element: _Element) -> _Element | None:
    choice = element.find(MC_CHOICE)
    return choice if choice is not None else element.find(MC_FALLBACK)


def _read_inline(element: _Element, out: _TextMap, unit: _Element | None = None) -> None:
    """The inline content of a paragraph, as `jamlint.parsers.docx` reads it."""
    for child in element:
        tag = child.tag
        if tag == R:
            _read_run(child, out, unit)
        elif tag in _INLINE_CONTAINERS:
            _read_inline(child, out, unit)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                _read_inline(content, out, unit)
        elif tag == MC_ALTERNATE:
            chosen = _choose_alternate(child)
            if chosen is not None:
                _read_inline(chosen, out, unit if unit is not None else child)
        elif tag in (M_OMATH, M_OMATH_PARA):
            math = "".join(t.text or "" for t in child.iter(M_T))
            out.add(math, _Char(unit if unit is not None else child))


def _read_run(run: _Element, out: _TextMap, unit: _Element | None) -> None:
    rpr = run.find(RPR)
    if rpr is not None and _toggle_on(rpr.find(VANISH)):
        return  # hidden text is not in the parsed text
    for child in run:
        tag = child.tag
        text = ""
        if tag == T:
            text = child.text or ""
        elif tag in (TAB, PTAB):
            text = "\t"
        elif tag in (BR, CR):
            text = "\n"
        elif tag == NO_BREAK_HYPHEN:
            text = "-"
        if text:
            out.add(text, _Char(unit) if unit is not None else _Char(run, child))


def _paragraphs(element: _Element) -> Iterator[_Element]:
    """The paragraphs a block's text comes from: itself, or those of a cell or table."""
    if element.tag == P:
        yield element
        return
    for child in element:
        if child.tag == P:
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _paragraphs(child)
        elif child.tag == MC_ALTERNATE:
            chosen = _choose_alternate(child)
            if chosen is not None:
                yield from _paragraphs(chosen)


def text_map(element: _Element) -> _TextMap:
    out = _TextMap()
    for p in _paragraphs(element):
        before = len(out.text)
        _read_inline(p, out)
        if len(out.text) > before:
            out.add(" ", None)
    return out


# --- writing comments ---------------------------------------------------------------------------


class _CommentWriter:
    """Adds comments to the main part and the comments part."""

    def __init__(self, package: _Package, comments: _Element, now: datetime) -> None:
        self.package = package
        self.comments = comments
        self.date = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        styles = package.style_ids()
        self.text_style = COMMENT_TEXT_STYLE if COMMENT_TEXT_STYLE in styles else None
        self.ref_style = COMMENT_REFERENCE_STYLE if COMMENT_REFERENCE_STYLE in styles else None
        body = package.main.find(BODY)
        self.elements = {
            "p": list(body.iter(P)) if body is not None else [],
            "tc": list(body.iter(TC)) if body is not None else [],
            "tbl": list(body.iter(TBL)) if body is not None else [],
        }
        self.next_id = _max_id(package.main, comments) + 1
        self.added = 0

    def add(self, anchor: Anchor) -> bool:
        """Anchor one comment; True when it sits on the excerpt itself, False when on a whole
        block (the excerpt was not found, or the block has no text in the file)."""
        element = self._element(anchor.block.source)
        span, exact = self._span(element, anchor) if element is not None else (None, False)
        if span is None:
            element = self._title_element()
            if element is None:  # cannot happen for a parsed document: it has text
                raise ValueError("dokumentet har ingen text att kommentera")
            span, exact = self._span(element, replace(anchor, excerpt="")), False
            assert span is not None
        cid = str(self.next_id)
        self.next_id += 1
        _mark_range(element, span, cid, self.ref_style)
        self.comments.append(self._comment(cid, anchor.paragraphs))
        self.added += 1
        return exact

    def _element(self, source: str | None) -> _Element | None:
        if not source or ":" not in source:
            return None
        kind, _, index = source.partition(":")
        elements = self.elements.get(kind, [])
        try:
            return elements[int(index)]
        except (ValueError, IndexError):
            return None

    def _title_element(self) -> _Element | None:
        for p in self.elements["p"]:
            if "".join(text_map(p).text).strip():
                return p
        return None

    def _span(self, element: _Element, anchor: Anchor) -> tuple[tuple[int, int] | None, bool]:
        """The characters [start, end) of the element's text to anchor on, and whether they
        are the excerpt (else the whole text)."""
        tmap = text_map(element)
        text = tmap.search_text()
        if anchor.excerpt:
            lead = len(text) - len(text.lstrip())
            hint = lead + anchor.offset
            matches = list(excerpt_pattern(anchor.excerpt).finditer(text))
            if matches:
                best = min(matches, key=lambda m: abs(m.start() - hint))
                return (best.start(), best.end()), True
        if not text.strip():
            return None, False
        whole_wanted = not anchor.finding.excerpt.strip()
        return (len(text) - len(text.lstrip()), len(text.rstrip())), whole_wanted

    def _comment(self, cid: str, paragraphs: Sequence[str]) -> _Element:
        c = self.comments.makeelement(
            COMMENT, {ID: cid, AUTHOR_ATTR: AUTHOR, DATE: self.date, INITIALS_ATTR: INITIALS}
        )
        for n, text in enumerate(paragraphs):
            p = _sub(c, P)
            if self.text_style:
                _sub(_sub(p, PPR), PSTYLE, {VAL: self.text_style})
            if n == 0:
                ref = _sub(p, R)
                if self.ref_style:
                    _sub(_sub(ref, RPR), RSTYLE, {VAL: self.ref_style})
                _sub(ref, ANNOTATION_REF)
            code, _, rest = text.partition(" ")
            if n == 0 and rest:
                # the rule code in bold, so that a reader can look it up (`jamlint explain`)
                _text_run(p, code, bold=True)
                _text_run(p, " " + rest)
            else:
                _text_run(p, text)
        return c


def _sub(parent: _Element, tag: str, attrib: dict[str, str] | None = None) -> _Element:
    child = parent.makeelement(tag, attrib or {})
    parent.append(child)
    return child


def _text_run(p: _Element, text: str, bold: bool = False) -> None:
    run = _sub(p, R)
    if bold:
        _sub(_sub(run, RPR), BOLD)
    t = _sub(run, T)
    t.text = text
    t.set(_XML_SPACE, "preserve")


def _max_id(*roots: _Element) -> int:
    """The largest numeric w:id in use: comment ids must not clash with any annotation id."""
    best = -1
    for root in roots:
        for element in root.iter():
            value = element.get(ID) if isinstance(element.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                best = max(best, int(value))
    return best


def _mark_range(element: _Element, span: tuple[int, int], cid: str, ref_style: str | None) -> None:
    """Put commentRangeStart/End around the characters `span` and the reference after it."""
    start, end = span
    first = _split_before(text_map(element).chars[start])
    last = _split_after(text_map(element).chars[end - 1])
    range_start = first.makeelement(RANGE_START, {ID: cid})
    range_end = last.makeelement(RANGE_END, {ID: cid})
    first.addprevious(range_start)
    last.addnext(range_end)
    reference = range_end.makeelement(R, {})
    if ref_style:
        _sub(_sub(reference, RPR), RSTYLE, {VAL: ref_style})
    _sub(reference, REFERENCE, {ID: cid})
    _place_reference(range_end, reference)


def _split_before(char: _Char | None) -> _Element:
    """The unit that begins with `char`, splitting its run when `char` is inside it."""
    assert char is not None  # a span never starts on a paragraph separator
    if char.child is None:
        return char.unit
    content = [c for c in char.unit if c.tag != RPR]
    if char.offset == 0 and content and content[0] is char.child:
        return char.unit
    return _split_run(char.unit, char.child, char.offset)


def _split_after(char: _Char | None) -> _Element:
    """The unit that ends with `char`, splitting its run when more follows in it."""
    assert char is not None
    if char.child is None:
        return char.unit
    child = char.child
    if child.tag == T and char.offset + 1 < len(child.text or ""):
        _split_run(char.unit, child, char.offset + 1)
    else:
        following = child.getnext()
        if following is not None:
            _split_run(char.unit, following, 0)
    return char.unit


def _split_run(run: _Element, child: _Element, offset: int) -> _Element:
    """Move `child` (from character `offset` of its text on) and what follows it into a new
    run right after `run`, with a copy of the run's formatting; returns the new run."""
    new = run.makeelement(R, dict(run.attrib))
    rpr = run.find(RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    moving = list(child.itersiblings())
    if offset > 0:
        text = child.text or ""
        child.text = text[:offset]
        child.set(_XML_SPACE, "preserve")
        rest = child.makeelement(T, {_XML_SPACE: "preserve"})
        rest.text = text[offset:]
        moving.insert(0, rest)
    else:
        moving.insert(0, child)
    for element in moving:
        new.append(element)
    run.addnext(new)
    return new


def _place_reference(range_end: _Element, reference: _Element) -> None:
    """The reference run goes directly in the paragraph, after the range and outside any
    tracked change, hyperlink, content control or field result the range ends in."""
    p = next(range_end.iterancestors(P), None)
    if p is None:
        range_end.addnext(reference)
        return
    top = range_end
    while top.getparent() is not p:
        top = top.getparent()
    top.addnext(reference)
    _move_out_of_field(p, reference)


def _move_out_of_field(p: _Element, reference: _Element) -> None:
    """A reference inside a complex field's result would be lost when Word updates the field:
    move it after the run that ends the field (or to the paragraph's end)."""
    depth = 0
    after = False
    for child in list(p):
        if child is reference:
            if depth == 0:
                return
            after = True
            continue
        for fld in child.iter(FLD_CHAR):
            kind = fld.get(FLD_CHAR_TYPE)
            if kind == "begin":
                depth += 1
            elif kind == "end":
                depth = max(0, depth - 1)
        if after and depth == 0:
            child.addnext(reference)
            return
    if after:
        p.append(reference)
