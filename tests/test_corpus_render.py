"""The corpus is complete, up to date and self-consistent.

Every source in corpus/src has its rendered files and a hand-written expected file; the rendered
files open and look like what the README promises (headings by mode, header and footer, UTF-8
text with å ä ö, a hyphenated line end in some PDF); the expected files use only catalogue codes,
obey the one-of-JAM101–105 rule and name excerpts that actually occur in the document. The golden
comparison against jamlint's findings is tests/test_corpus.py.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SOURCES = sorted((CORPUS / "src").glob("*.md"))
RENDERED_EXT = ("docx", "pdf", "txt")
EXCLUSIVE = ("JAM101", "JAM102", "JAM103", "JAM104", "JAM105")
HEADING_EXCERPT_CODES = ("JAM104", "JAM106", "JAM107", "JAM108")
SEX_TERMS = {"kvinnor", "män", "flickor", "pojkar", "tjejer", "killar", "k", "m"}


@cache
def render() -> ModuleType:
    """corpus/render.py, imported by path (corpus/ is not a package)."""
    spec = importlib.util.spec_from_file_location("corpus_render", CORPUS / "render.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_render"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@cache
def source(stem: str):
    return render().load_source(CORPUS / "src" / f"{stem}.md")


@cache
def catalogue_codes() -> frozenset[str]:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    return frozenset(re.findall(r"^\| (JAM\d{3}) \|", text, flags=re.MULTILINE))


def expected(stem: str) -> dict:
    return yaml.safe_load((CORPUS / f"{stem}.expected.yaml").read_text(encoding="utf-8"))


def stems() -> list[str]:
    return [p.stem for p in SOURCES]


def stems_with(fmt: str) -> list[str]:
    return [s for s in stems() if fmt in source(s).meta.formats]


# --------------------------------------------------------------------------- completeness


def test_corpus_has_enough_documents_of_each_format():
    assert len(SOURCES) >= 22
    counts = Counter(f for s in stems() for f in source(s).meta.formats)
    assert counts["docx"] >= 8 and counts["pdf"] >= 8 and counts["txt"] >= 5, counts
    modes = {source(s).meta.docx_headings for s in stems_with("docx")}
    assert modes == set(render().HEADING_MODES)


@pytest.mark.parametrize("stem", stems())
def test_source_has_rendered_files_and_expected_file(stem):
    for fmt in source(stem).meta.formats:
        assert (CORPUS / f"{stem}.{fmt}").is_file(), f"{stem}.{fmt} saknas: kör corpus/render.py"
    assert (CORPUS / f"{stem}.expected.yaml").is_file()


def test_no_rendered_or_expected_file_without_source():
    known = set(stems())
    orphans = [
        p.name
        for p in CORPUS.iterdir()
        if p.is_file()
        and (p.suffix.lstrip(".") in RENDERED_EXT or p.name.endswith(".expected.yaml"))
        and p.name.split(".")[0] not in known
    ]
    assert orphans == []


def test_rendered_files_are_up_to_date():
    """Rendering is deterministic and the committed files match their sources."""
    assert render().stale_files() == [], "kör: .venv/bin/python corpus/render.py"


def test_rendering_twice_gives_identical_bytes():
    src = source(stems_with("docx")[0])
    assert render().render_docx(src) == render().render_docx(src)
    pdf_src = source(stems_with("pdf")[0])
    assert render().render_pdf(pdf_src) == render().render_pdf(pdf_src)


# --------------------------------------------------------------------------- rendered files


def body_headings(stem: str):
    src = source(stem)
    return [(h, n) for h, n in render().numbered_headings(src.blocks) if h.level > 1]


@pytest.mark.parametrize("stem", stems_with("docx"))
def test_docx_opens_and_has_title_header_footer_and_headings(stem):
    import docx

    src = source(stem)
    doc = docx.Document(str(CORPUS / f"{stem}.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert src.title in texts
    assert src.meta.dokumenttyp in texts and src.meta.namnd in texts
    header = " ".join(p.text for p in doc.sections[0].header.paragraphs)
    assert src.meta.kommun in header and f"Diarienummer {src.meta.dnr}" in header
    footer_xml = doc.sections[0].footer._element.xml
    assert "NUMPAGES" in footer_xml and " PAGE " in footer_xml
    assert doc.core_properties.title == src.title
    assert "\u00ad" not in "".join(texts)

    plain = render().plain
    by_text = {}
    for p in doc.paragraphs:  # the first of equal texts: a heading before an addressee list
        by_text.setdefault(p.text, p)  # that repeats it ("Enheten för ekonomiskt bistånd")
    mode = src.meta.docx_headings
    for heading, number in body_headings(stem):
        text = plain(heading.text)
        if mode == "styles":
            para = by_text[text]
            assert para.style.name == f"Heading {heading.level}"
        elif mode == "bold":
            para = by_text[text]
            assert para.style.name == "Normal" and all(r.bold for r in para.runs)
        elif mode == "numbered":
            para = by_text[f"{number} {text}"]
            assert all(r.bold for r in para.runs)
        else:
            para = by_text[f"{text}:"]
            assert all(bool(r.bold) == (heading.level == 2) for r in para.runs)


@pytest.mark.parametrize("stem", stems_with("docx"))
def test_docx_tables_and_lists_are_real(stem):
    import docx

    src = source(stem)
    doc = docx.Document(str(CORPUS / f"{stem}.docx"))
    tables = [b for b in src.blocks if isinstance(b, render().TableBlock)]
    assert len(doc.tables) == len(tables)
    for table, block in zip(doc.tables, tables, strict=True):
        assert [c.text for c in table.rows[0].cells] == [render().plain(c) for c in block.rows[0]]
    items = [b for b in src.blocks if isinstance(b, render().ListItem)]
    assert sum(p.style.name == "List Bullet" for p in doc.paragraphs) == len(items)


@pytest.mark.parametrize("stem", stems_with("txt"))
def test_txt_is_utf8_with_swedish_letters_and_headings_on_own_lines(stem):
    raw = (CORPUS / f"{stem}.txt").read_bytes()
    text = raw.decode("utf-8")  # strict: raises on anything else
    assert all(ch in text for ch in "åäö")
    assert "\r" not in text and "\u00ad" not in text
    lines = text.split("\n")
    src = source(stem)
    assert src.title in lines
    assert f"Diarienummer: {src.meta.dnr}" in lines
    for heading, _ in body_headings(stem):
        i = lines.index(render().plain(heading.text))
        assert lines[i + 1] == ""


@pytest.mark.parametrize("stem", stems_with("pdf"))
def test_pdf_has_running_header_and_page_footer_on_every_page(stem):
    import pdfplumber

    src = source(stem)
    with pdfplumber.open(CORPUS / f"{stem}.pdf") as pdf:
        n = len(pdf.pages)
        for i, page in enumerate(pdf.pages, start=1):
            text = page.extract_text()
            assert src.meta.kommun in text and src.meta.dnr in text
            assert f"Sida {i} av {n}" in text
        first = pdf.pages[0].extract_text()
    assert src.meta.dokumenttyp in first and "Datum" in first
    assert src.title.split()[0] in first


def test_some_pdfs_are_multipage_and_some_line_ends_are_hyphenated():
    import pdfplumber

    multipage = 0
    hyphenated: list[str] = []
    for stem in stems_with("pdf"):
        with pdfplumber.open(CORPUS / f"{stem}.pdf") as pdf:
            multipage += len(pdf.pages) > 1
            for page in pdf.pages:
                lines = page.extract_text().split("\n")
                for line, nxt in itertools.pairwise(lines):
                    if re.search(r"[a-zåäö]-$", line) and re.match(r"[a-zåäö]", nxt):
                        hyphenated.append(stem)
    assert multipage >= 3
    assert hyphenated, "ingen PDF har ett ord avstavat över radslut; lägg till [[shy]]"


# --------------------------------------------------------------------------- expected files


@pytest.mark.parametrize("stem", stems())
def test_expected_file_is_well_formed(stem):
    raw = (CORPUS / f"{stem}.expected.yaml").read_text(encoding="utf-8")
    assert raw.startswith("# ") and len(raw.split("\n", 1)[0]) > 10, "första raden: en kommentar"
    data = expected(stem)
    assert set(data) == {"findings"} and isinstance(data["findings"], list)
    for finding in data["findings"]:
        assert set(finding) <= {"code", "excerpt", "known-gap"}, finding
        assert {"code", "excerpt"} <= set(finding), finding
        assert "known-gap" not in finding or len(finding["known-gap"].split()) >= 5, finding
        assert finding["code"] in catalogue_codes(), finding
        assert isinstance(finding["excerpt"], str), finding
        assert finding["excerpt"] == finding["excerpt"].strip(), finding


@pytest.mark.parametrize("stem", stems())
def test_expected_findings_follow_the_catalogue_rules(stem):
    codes = Counter(f["code"] for f in expected(stem)["findings"])
    exclusive = [c for c in EXCLUSIVE if codes[c]]
    assert sum(codes[c] for c in EXCLUSIVE) <= 1, exclusive
    if exclusive:
        assert not codes["JAM107"] and not codes["JAM108"]
    for code in ("JAM106", "JAM107", "JAM108"):
        assert codes[code] <= 1, code
    assert not any(code.startswith("JAM9") for code in codes)


def occurrences(needle: str, haystack: str) -> int:
    """Occurrences of needle as a whole expression ("5 elever" is not inside "15 elever", nor
    "200 elever" inside "1 200 elever"; "omkring 150 barn" may follow "i mars 2048 ")."""
    pattern = r"(?<![\w])" + re.escape(needle) + r"(?![\w])"
    starts = [m.start() for m in re.finditer(pattern, haystack)]
    if needle[:1].isdigit():
        # not a digit group of a longer number, but a count after a date may follow its year
        # ("den 1 november 2025 1 932 medarbetare")
        starts = [
            i for i in starts
            if not re.search(r"\d $", haystack[max(0, i - 2) : i])
            or re.search(rf"\b(?:{_MONTHS}) (?:19|20)\d\d $", haystack[max(0, i - 20) : i])
        ]
    return len(starts)


_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"


def source_texts(stem: str) -> tuple[str, list[str], list[tuple[str, ...]]]:
    """(running text, heading texts, table rows) of a source, as a reader sees them."""
    r = render()
    text, headings, rows = [], [], []
    for block in source(stem).blocks:
        if isinstance(block, r.Heading):
            headings.append(r.plain(block.text))
        elif isinstance(block, (r.Paragraph, r.ListItem)):
            text.append(r.plain(block.text))
        elif isinstance(block, r.TableBlock):
            rows += [tuple(r.plain(c) for c in row) for row in block.rows]
    return "\n".join(text), headings, rows


@pytest.mark.parametrize("stem", stems())
def test_expected_excerpts_occur_in_the_document(stem):
    text, headings, rows = source_texts(stem)
    cells = "\n".join(c for row in rows for c in row)
    tables = [b.rows for b in source(stem).blocks if isinstance(b, render().TableBlock)]
    header_cells = {render().plain(c) for t in tables for c in t[0]}
    row_labels = {render().plain(row[0]) for t in tables for row in t[1:]}
    wanted = Counter((f["code"], f["excerpt"]) for f in expected(stem)["findings"])
    for (code, excerpt), count in wanted.items():
        if code == "JAM101":
            assert excerpt == ""
        elif code in HEADING_EXCERPT_CODES:
            # docs/design.md: "" when the finding has no heading to stand on (no children
            # section for JAM106; a description with no gender heading for JAM107/JAM108)
            no_heading = excerpt == "" and code in ("JAM106", "JAM107", "JAM108")
            assert no_heading or excerpt in headings + sorted(row_labels), excerpt
        elif code == "JAM202":
            assert excerpt in header_cells | row_labels, excerpt
        elif code == "JAM203" and excerpt.lower() in SEX_TERMS:
            assert excerpt in header_cells, excerpt
        else:
            found = occurrences(excerpt, text) + occurrences(excerpt, cells)
            assert found >= count, f"{code} «{excerpt}» finns {found} gång(er), väntat {count}"


# --------------------------------------------------------------------------- the source format

MINIMAL = """---
kommun: Provkommun
forvaltning: Provförvaltningen
namnd: Provnämnden
dnr: PN 2024/1
datum: 2024-01-02
handlaggare: Pia Prov, utredare
formats: [txt]
---
# Titel
## Förslag till beslut
Rad ett
rad två.
- punkt
| A | B |
|---|---|
| 1 | 2 |
[[pagebreak]]
### Jämställdhet
"""


def write_source(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "prov.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_source_format_parses_every_construct(tmp_path):
    r = render()
    src = r.load_source(write_source(tmp_path, MINIMAL))
    kinds = [type(b).__name__ for b in src.blocks]
    assert kinds == [
        "Heading", "Heading", "Paragraph", "ListItem", "TableBlock", "PageBreak", "Heading"
    ]  # fmt: skip
    assert src.blocks[2].text == "Rad ett rad två."
    assert src.blocks[4].rows == (("A", "B"), ("1", "2"))
    assert [n for _, n in r.numbered_headings(src.blocks)] == ["", "1", "1.1"]
    assert src.meta.datum == "2024-01-02" and src.meta.docx_headings == "styles"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("formats: [txt]", "formats: [odt]"), "formats"),
        (("formats: [txt]", "formats: [txt]\nfärg: blå"), "okända nycklar"),
        (("formats: [txt]", "formats: [docx]\ndocx_headings: kursiv"), "docx_headings"),
        (("| 1 | 2 |", "| 1 | 2 | 3 |"), "olika antal celler"),
        (("# Titel\n", ""), "rubriken"),
        (("Rad ett", "Rad\u00a0ett"), r"U\+00A0"),
    ],
)
def test_source_format_errors_name_the_problem(tmp_path, change, message):
    r = render()
    old, new = change
    with pytest.raises(r.SourceError, match=message):
        r.load_source(write_source(tmp_path, MINIMAL.replace(old, new)))


def test_pdf_refuses_characters_outside_cp1252(tmp_path):
    r = render()
    text = MINIMAL.replace("formats: [txt]", "formats: [pdf]").replace("Rad ett", "Rad ≥ ett")
    src = r.load_source(write_source(tmp_path, text))
    with pytest.raises(r.SourceError, match="cp1252"):
        r.render_source(src, tmp_path)
