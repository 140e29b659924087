"""CSV for Swedish Excel: BOM first, `;`, CRLF, Swedish header, csv-module quoting."""

from __future__ import annotations

import csv
import io

from jamlint.model import FileResult, RunResult
from jamlint.reporters import ReportOptions, get_reporter
from jamlint.reporters.csv import HEADER
from tests.reporters import sample

SWEDISH_HEADER = (
    "fil;format;status;sida;stycke;rad;kolumn;avsnitt;kod;namn;kategori;grad;"
    "meddelande;utdrag;sammanhang"
)


def render(result) -> str:
    out = io.StringIO(newline="")  # keep \r\n as written, like the CLI's --output file
    get_reporter("csv")(result, out, ReportOptions())
    return out.getvalue()


def parse(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_starts_with_bom_and_swedish_header():
    text = render(sample.run_result())
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert text[1:].split("\r\n", 1)[0] == SWEDISH_HEADER
    assert ";".join(HEADER) == SWEDISH_HEADER


def test_rows_end_with_crlf():
    text = render(sample.run_result())
    assert text.endswith("\r\n")
    # the only bare \n is the one inside the quoted JAM103 excerpt and context
    assert text.replace("\r\n", "").count("\n") == 2


def test_round_trip_one_row_per_finding():
    rows = parse(render(sample.run_result()))
    assert rows[0] == list(HEADER)
    body = [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]
    assert [r["kod"] for r in body] == ["JAM101", "JAM201", "JAM201", "JAM107", "JAM103", "JAM901"]
    assert sample.CLEAN not in {r["fil"] for r in body}  # no findings, no rows
    stat = body[1]
    assert stat == {
        "fil": sample.DOCX,
        "format": "docx",
        "status": "ok",
        "sida": "2",
        "stycke": "5",
        "rad": "14",
        "kolumn": "17",
        "avsnitt": "Ärendet > Bakgrund",
        "kod": "JAM201",
        "namn": "people-statistic-without-sex",
        "kategori": "statistics",
        "grad": "error",
        "meddelande": "Statistiken gäller personer men redovisas inte uppdelad på kön.",
        "utdrag": "120 elever",
        "sammanhang": sample.STAT_CONTEXT,
    }
    assert body[2]["rad"] == "30"


def test_document_level_finding_has_empty_location_cells():
    rows = parse(render(sample.run_result()))
    missing = dict(zip(HEADER, rows[1], strict=True))
    assert [missing[k] for k in ("sida", "stycke", "rad", "kolumn", "avsnitt", "utdrag")] == [
        ""
    ] * 6


def test_quoting_survives_semicolons_quotes_and_newlines():
    rows = parse(render(sample.run_result()))
    blind = dict(zip(HEADER, rows[5], strict=True))
    assert blind["utdrag"] == sample.CLAIM and blind["sammanhang"] == sample.CLAIM
    semi = sample.stat(1).model_copy(update={"context": 'a; b "c"'})
    rows = parse(
        render(RunResult(version="0.1.0", files=(FileResult(path="x;y.md", findings=(semi,)),)))
    )
    assert rows[1][0] == "x;y.md" and rows[1][-1] == 'a; b "c"'


def test_unreadable_file_gets_the_row_of_its_finding():
    rows = parse(render(sample.run_result()))
    broken = dict(zip(HEADER, rows[-1], strict=True))
    assert (broken["fil"], broken["format"], broken["status"]) == (sample.BROKEN, "pdf", "error")
    assert (broken["kod"], broken["kategori"]) == ("JAM901", "document")
    assert broken["meddelande"] == "Filen är skadad och kan inte läsas."


def test_unreadable_file_without_finding_gets_a_row():
    broken = FileResult(path="x.docx", status="error", error="Filen är krypterad.")
    rows = parse(render(RunResult(version="0.1.0", files=(broken,))))
    row = dict(zip(HEADER, rows[1], strict=True))
    assert (row["fil"], row["status"], row["kod"]) == ("x.docx", "error", "")
    assert row["meddelande"] == "Filen är krypterad."


def test_clean_run_is_only_the_header():
    rows = parse(render(RunResult(version="0.1.0", files=(FileResult(path="a.md"),))))
    assert rows == [list(HEADER)]


def test_bytes_in_utf8_file(tmp_path):
    path = tmp_path / "ut.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:  # as the CLI opens --output
        get_reporter("csv")(sample.run_result(), fh, ReportOptions())
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffil;format;")
    assert "vårdnadshavarna".encode() in data
    assert data.count(b"\xef\xbb\xbf") == 1


def test_document_text_cannot_become_a_spreadsheet_formula():
    from jamlint.model.spreadsheet import text_cell

    assert text_cell('=HYPERLINK("http://x")') == "'=HYPERLINK(\"http://x\")"
    assert text_cell("-46,9 mnkr") == "'-46,9 mnkr"
    assert text_cell("120 elever") == "120 elever"
