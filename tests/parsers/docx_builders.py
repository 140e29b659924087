"""Builds small .docx files for the .docx parser tests.

python-docx writes the ordinary parts; raw WordprocessingML is injected for what it cannot write
(tracked changes, content controls, text boxes, rendered page breaks, …), and extra package parts
(footnotes) are added by rewriting the zip.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as DocxDocument
from docx.oxml.parser import parse_xml

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
DECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def new_document() -> DocxDocument:
    return docx.Document()


def to_bytes(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def element(xml: str):
    """Parse one WordprocessingML element written with the usual prefixes (w:, r:, mc:, …)."""
    head, rest = xml.split(">", 1) if not xml.lstrip().startswith("<?") else ("", xml)
    if head.endswith("/"):
        return parse_xml(f"{head[:-1]} {DECLS}/>{rest}")
    return parse_xml(f"{head} {DECLS}>{rest}")


def append_xml(document: DocxDocument, xml: str) -> None:
    """Append a raw body-level element (w:p, w:tbl, w:sdt …) before the final section properties."""
    body = document.element.body
    new = element(xml)
    sect_pr = body.find(f"{{{NAMESPACES['w']}}}sectPr")
    if sect_pr is not None:
        sect_pr.addprevious(new)
    else:
        body.append(new)


def paragraph_xml(inner: str, ppr: str = "") -> str:
    """A w:p with optional paragraph properties (the inside of w:pPr) and inline content."""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{props}{inner}</w:p>"


def run_xml(text: str, rpr: str = "") -> str:
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def rewrite_zip(
    data: bytes,
    *,
    replace: dict[str, bytes] | None = None,
    drop: set[str] | None = None,
) -> bytes:
    """A copy of a zip with some members replaced, added or left out."""
    replace = dict(replace or {})
    drop = drop or set()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            payload = replace.pop(info.filename, None)
            dst.writestr(info.filename, payload if payload is not None else src.read(info))
        for name, payload in replace.items():
            dst.writestr(name, payload)
    return out.getvalue()


def add_part(data: bytes, partname: str, xml: str, content_type: str, reltype: str) -> bytes:
    """Add a part related to the main document (e.g. word/footnotes.xml)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml").decode("utf-8")
        rels = zf.read("word/_rels/document.xml.rels").decode("utf-8")
    override = f'<Override PartName="/{partname}" ContentType="{content_type}"/>'
    types = types.replace("</Types>", override + "</Types>")
    target = partname.removeprefix("word/")
    rel = f'<Relationship Id="rIdTest1" Type="{reltype}" Target="{target}"/>'
    rels = rels.replace("</Relationships>", rel + "</Relationships>")
    return rewrite_zip(
        data,
        replace={
            "[Content_Types].xml": types.encode("utf-8"),
            "word/_rels/document.xml.rels": rels.encode("utf-8"),
            partname: xml.encode("utf-8"),
        },
    )


def footnotes_part(*notes: str) -> str:
    """word/footnotes.xml with Word's two separator notes and the given notes (ids 1, 2, …)."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for number, text in enumerate(notes, start=1):
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:footnotes {DECLS}>{''.join(body)}</w:footnotes>"
    )


def textbox_run_xml(text: str) -> str:
    """A run holding a text box the way Word 2010+ writes it: a DrawingML choice and a VML
    fallback that repeat the same text."""
    content = f"<w:txbxContent>{paragraph_xml(run_xml(text))}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    return out.getvalue()
