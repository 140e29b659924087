"""PDF files for the PDF parser tests, generated with fpdf2 to look like Word exports.

A `CaseDocument` lays out a tjänsteskrivelse the way Word's "Spara som PDF" does: a running
header with the municipality and the dnr, a "Sida N av M" footer, larger bold headings, 11 pt
body text and bordered tables. Paragraph lines are written one by one so a test controls exactly
where a line ends (and so which word is hyphenated across it).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence

from fpdf import FPDF

KOMMUN = "Sjöbo kommun"
DNR = "Dnr KS 2024/0123"
BODY_SIZE = 11
LINE_HEIGHT = 5.5


class CaseDocument(FPDF):
    """An A4 case document with a running header and footer, built section by section."""

    def __init__(self, kommun: str = KOMMUN, dnr: str = DNR, running: bool = True) -> None:
        super().__init__(format="A4")
        self.core_fonts_encoding = "windows-1252"  # bullets and dashes, like Word's WinAnsi
        self.kommun = kommun
        self.dnr = dnr
        self.running = running
        self.set_margins(25, 25, 25)
        self.set_auto_page_break(True, 25)
        self.alias_nb_pages()
        self.set_font("Helvetica", "", BODY_SIZE)

    def header(self) -> None:
        if not self.running:
            return
        self.set_font("Helvetica", "", 9)
        self.set_y(12)
        self.cell(0, 5, self.kommun, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, self.dnr, align="R")
        self.set_y(25)
        self.set_font("Helvetica", "", BODY_SIZE)

    def footer(self) -> None:
        if not self.running:
            return
        self.set_y(-15)
        self.set_font("Helvetica", "", 9)
        self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="C")

    def heading(self, text: str, size: float = 14, bold: bool = True) -> None:
        self.ln(3)
        self.set_font("Helvetica", "B" if bold else "", size)
        self.cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        self.set_font("Helvetica", "", BODY_SIZE)

    def paragraph(self, lines: Sequence[str], bold: bool = False, gap: float = 4) -> None:
        """Body lines exactly as given, then the spacing Word puts after a paragraph."""
        self.set_font("Helvetica", "B" if bold else "", BODY_SIZE)
        for line in lines:
            self.cell(0, LINE_HEIGHT, line, new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", BODY_SIZE)
        self.ln(gap)

    def flowing(self, text: str) -> None:
        """A paragraph wrapped by fpdf2 (for long documents where line ends do not matter)."""
        self.set_font("Helvetica", "", BODY_SIZE)
        self.multi_cell(0, LINE_HEIGHT, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def bullets(self, items: Sequence[Sequence[str]], marker: str = "\u2022") -> None:
        """A bullet list with a hanging indent: marker at the margin, text 6 mm in."""
        for lines in items:
            for i, line in enumerate(lines):
                self.set_x(self.l_margin)
                if i == 0:
                    self.cell(6, LINE_HEIGHT, marker)
                else:
                    self.set_x(self.l_margin + 6)
                self.cell(0, LINE_HEIGHT, line, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def ruled_table(self, rows: Sequence[Sequence[str]], repeat_header: bool = True) -> None:
        self.set_font("Helvetica", "", 10)
        with self.table(repeat_headings=1 if repeat_header else 0) as table:
            for row in rows:
                cells = table.row()
                for text in row:
                    cells.cell(text)
        self.set_font("Helvetica", "", BODY_SIZE)
        self.ln(4)

    def aligned_rows(self, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        """A table without borders: cells placed at tab stops, as a Word table without lines."""
        self.set_font("Helvetica", "", 10)
        for row in rows:
            self.set_x(self.l_margin)
            for text, width in zip(row, widths, strict=True):
                self.cell(width, LINE_HEIGHT, text)
            self.ln(LINE_HEIGHT)
        self.set_font("Helvetica", "", BODY_SIZE)
        self.ln(4)

    def to_bytes(self) -> bytes:
        return bytes(self.output())


PROPOSAL = [
    "Kommunstyrelsen föreslår kommunfullmäktige att godkänna förslaget om en ny simhall",
    "i Sjöbo och att ge barn- och utbildningsnämnden i uppdrag att ta fram en plan.",
]
BACKGROUND_1 = [
    "Simhallen används i dag av skolor, föreningar och allmänheten. Alla kommun-",
    "invånare ska ha tillgång till simundervisning och motion året runt, men den",
    "befintliga anläggningen är sliten och behöver ersättas inom de närmaste åren.",
]
BACKGROUND_2 = [
    "Under 2023 besökte ungefär 48 000 personer simhallen. Besöken fördelades jämnt",
    "över veckans dagar med en topp under skolloven.",
]
GENDER = [
    "Flickor och pojkar använder simhallen i olika utsträckning. Statistiken visar att",
    "pojkar oftare deltar i föreningsverksamheten medan flickor oftare simmar på egen",
    "hand. Förslaget bedöms öka flickors tillgång till organiserad verksamhet.",
]
LIST_ITEMS = [
    [
        "Fler tider för allmänhetens bad under kvällar och helger, så att även de som",
        "arbetar dagtid kan besöka simhallen.",
    ],
    ["Simskola för vuxna."],
    ["Tillgängliga omklädningsrum."],
]
TABLE_ROWS = [
    ["Grupp", "Kvinnor", "Män", "Totalt"],
    ["Elever", "120", "130", "250"],
    ["Föreningsmedlemmar", "85", "140", "225"],
]


def case_document() -> bytes:
    """Three pages: headings, paragraphs, a hyphenated word, a bullet list and a ruled table."""
    doc = CaseDocument()
    doc.add_page()
    doc.heading("Ny simhall i Sjöbo", size=18)
    doc.heading("Förslag till beslut", size=14)
    doc.paragraph(PROPOSAL)
    doc.heading("Bakgrund", size=14)
    doc.paragraph(BACKGROUND_1)
    doc.paragraph(BACKGROUND_2)
    doc.add_page()
    doc.heading("Konsekvenser", size=14)
    doc.heading("3.2 Jämställdhet", size=BODY_SIZE)
    doc.paragraph(GENDER)
    doc.paragraph(["Förvaltningen föreslår därför följande åtgärder:"])
    doc.bullets(LIST_ITEMS)
    doc.add_page()
    doc.heading("Statistik", size=14)
    doc.paragraph(["Tabellen visar antalet deltagare under 2023."])
    doc.ruled_table(TABLE_ROWS)
    doc.paragraph(["Underlaget har tagits fram av kultur- och fritidsförvaltningen."])
    return doc.to_bytes()


def one_page_document() -> bytes:
    """A single page with its page number "Sida 1 av 1" at the bottom and nothing else running."""
    doc = CaseDocument(running=False)
    doc.add_page()
    doc.heading("Tjänsteskrivelse", size=16)
    doc.paragraph(["Ärendet gäller en ändrad öppettid för biblioteket i Sjöbo."])
    doc.set_auto_page_break(False)
    doc.set_y(-15)
    doc.set_font("Helvetica", "", 9)
    doc.cell(0, 5, "Sida 1 av 1", align="C")
    return doc.to_bytes()


def long_document(pages: int, text: str) -> bytes:
    """`pages` pages of wrapped body text under the running header and footer."""
    doc = CaseDocument()
    for n in range(pages):
        doc.add_page()
        doc.heading(f"Avsnitt {n + 1}", size=14)
        for _ in range(4):
            doc.flowing(text)
    return doc.to_bytes()


def table_across_pages() -> bytes:
    """A ruled table that starts near the bottom of page 1 and runs onto page 2."""
    doc = CaseDocument()
    doc.add_page()
    doc.heading("Deltagare per verksamhet", size=14)
    for _ in range(6):
        doc.flowing("Text före tabellen. " * 20)
    rows = [["Verksamhet", "Kvinnor", "Män"]]
    rows += [[f"Verksamhet {i}", str(10 + i), str(20 + i)] for i in range(1, 16)]
    doc.ruled_table(rows)
    doc.paragraph(["Text efter tabellen."])
    return doc.to_bytes()


def borderless_table() -> bytes:
    doc = CaseDocument()
    doc.add_page()
    doc.heading("Personal", size=14)
    doc.paragraph(["Antalet anställda per förvaltning framgår nedan."])
    doc.aligned_rows(
        [
            ["Förvaltning", "Kvinnor", "Män"],
            ["Socialförvaltningen", "412", "58"],
            ["Tekniska förvaltningen", "35", "122"],
        ],
        widths=(70, 30, 30),
    )
    doc.paragraph(["Siffrorna avser december 2023."])
    return doc.to_bytes()


def numbered_document() -> bytes:
    """A bold numbered heading, a numbered list in regular type and a bold sentence in the text."""
    doc = CaseDocument(running=False)
    doc.add_page()
    doc.paragraph(["1. Inledning"], bold=True)
    doc.paragraph(["Nämnden föreslås besluta följande:"])
    doc.paragraph(["1. att godkänna planen,"], gap=0)
    doc.paragraph(["2. att avsätta medel för genomförandet."])
    doc.paragraph(["Observera att planen gäller från och med den 1 juli."], bold=True)
    doc.paragraph(["1.1 Syfte"], bold=True)
    doc.paragraph(["Syftet är att förbättra tillgängligheten."])
    return doc.to_bytes()


def number_wrapped_to_line_start() -> bytes:
    """A paragraph whose second line starts with a number that wrapped in mid-sentence ("… år" /
    "2. Undersökningen …"), and a real numbered list after a lead-in."""
    doc = CaseDocument(running=False)
    doc.add_page()
    doc.paragraph([
        "I kommunens fritidsvaneundersökning deltog 1 046 elever i årskurs 5, 8 och gymnasiets år",
        "2. Undersökningen innehöll för första gången frågor om spontanidrott. Bland eleverna 14",
        "procent av pojkarna och 4 procent av flickorna åker skateboard minst en gång i veckan.",
    ])
    doc.paragraph(["Nämnden föreslås besluta följande:"])
    doc.paragraph(["1. att godkänna planen,"], gap=0)
    doc.paragraph(["2. att avsätta medel för genomförandet."])
    return doc.to_bytes()


def paragraph_across_pages() -> bytes:
    """A paragraph whose last lines are pushed onto page 2 by the page break."""
    doc = CaseDocument()
    doc.add_page()
    doc.heading("Bakgrund", size=14)
    while doc.get_y() < 240:
        doc.paragraph(["Ett tidigare stycke som slutar med en punkt och fyller ut sidan."])
    lines = [
        f"rad {n} i ett långt stycke som fortsätter utan att meningen tar slut" for n in range(8)
    ]
    doc.paragraph(["Det långa stycket börjar här och", *lines[:-1], lines[-1] + "."])
    return doc.to_bytes()


def truetype_document(regular: str, bold: str) -> bytes:
    """Embedded, subset TrueType fonts (names like "ABCDEF+DejaVuSans-Bold"), as Word embeds them."""
    doc = FPDF(format="A4")
    doc.add_font("Sans", "", regular)
    doc.add_font("Sans", "B", bold)
    doc.add_page()
    doc.set_font("Sans", "B", 11)
    doc.cell(0, 6, "Barnperspektiv", new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    doc.set_font("Sans", "", 11)
    doc.multi_cell(0, 5.5, "Förslaget berör flickor och pojkar i åldern 6–15 år. " * 3)
    return bytes(doc.output())


def running_lines_only(pages: int = 3) -> bytes:
    """Pages that hold nothing but the running header and footer (a template never filled in)."""
    doc = CaseDocument()
    for _ in range(pages):
        doc.add_page()
    return doc.to_bytes()


def scanned_document(pages: int = 2) -> bytes:
    """Pages holding only an image (and a drawn frame), as a scanner's PDF does."""
    doc = FPDF(format="A4")
    for _ in range(pages):
        doc.add_page()
        doc.image(_grey_png(40, 40), x=20, y=20, w=170)
        doc.rect(15, 15, 180, 260)
    return bytes(doc.output())


def drawing_only_document() -> bytes:
    doc = FPDF(format="A4")
    doc.add_page()
    doc.rect(20, 20, 100, 50)
    doc.rect(30, 90, 100, 50, style="F")
    return bytes(doc.output())


def blank_document() -> bytes:
    doc = FPDF(format="A4")
    doc.add_page()
    return bytes(doc.output())


def encrypted_document(user_password: str = "hemligt") -> bytes:
    doc = CaseDocument()
    doc.add_page()
    doc.paragraph(["Hemlig text."])
    doc.set_encryption(owner_password="ägare", user_password=user_password)
    return doc.to_bytes()


def soft_hyphen_document() -> bytes:
    """fpdf2 breaks a word at its soft hyphen (U+00AD) and draws a hyphen there."""
    doc = CaseDocument(running=False)
    doc.add_page()
    word = "jämställdhets\u00adintegrering"
    doc.set_font("Helvetica", "", BODY_SIZE)
    width = doc.get_string_width("Arbetet med jämställdhets-") + 2
    doc.multi_cell(
        width, LINE_HEIGHT, f"Arbetet med {word} fortsätter.", new_x="LMARGIN", new_y="NEXT"
    )
    return doc.to_bytes()


def scaled_font_document() -> bytes:
    """Text sized by the text matrix (font size 1, matrix 16), as some producers write it."""
    content = (
        b"BT /F1 1 Tf 16 0 0 16 72 760 Tm (Rubrik i matrisstorlek) Tj ET\n"
        b"BT /F1 11 Tf 72 730 Td (Br\xf6dtext i vanlig storlek som fyller en rad och lite till.) Tj"
        b" 0 -14 Td (Andra raden av samma stycke.) Tj ET"
    )
    return raw_pdf([content])


def raw_pdf(contents: Sequence[bytes]) -> bytes:
    """A minimal PDF with one page per content stream and Helvetica (WinAnsi) as /F1."""
    n = len(contents)
    font_id = 3 + 2 * n
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n)), n),
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font_id)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % off for off in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _grey_png(width: int, height: int) -> io.BytesIO:
    """A small greyscale PNG made by hand (no imaging library needed)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    rows = b"".join(
        b"\x00" + bytes((x * 5 + y * 3) % 256 for x in range(width)) for y in range(height)
    )
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(
        b"IHDR", width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x00\x00\x00\x00"
    )
    png += chunk(b"IDAT", zlib.compress(rows))
    png += chunk(b"IEND", b"")
    return io.BytesIO(png)
