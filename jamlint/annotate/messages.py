"""The Swedish texts of `jamlint annotate`: the comments it writes and what it tells the user.

Kept in one place so that the wording can be reviewed (and changed) without reading the code
that places the comments.
"""

from __future__ import annotations

# Author and initials of every comment jamlint writes. The author is also how a later run
# recognises its own earlier comments (and replaces them) among people's comments.
AUTHOR = "jamlint"
INITIALS = "JL"

HINT_PREFIX = "Skriv i stället: "

ERR_SAME_AS_INPUT = (
    "Utfilen {output} är samma fil som originalet. jamlint skriver aldrig över dokumentet som "
    "granskas: ange ett annat filnamn med -o, till exempel -o {suggestion}."
)
ERR_OUTPUT_IS_DIR = "{output} är en katalog; ange ett filnamn med -o."
ERR_OUTPUT_DIR_MISSING = "Katalogen för utfilen {output} finns inte."
ERR_WRITE = (
    "Kunde inte skriva {output}: {reason}. Är filen öppen i Word? Stäng den och försök igen."
)
ERR_STDIN = "annotate läser en fil, inte standard in: ange sökvägen till dokumentet."
ERR_TEXT_FORMAT = (
    "{path} är en textfil: bara Word-dokument (.docx) och PDF-filer kan få kommentarer. Kör "
    "`jamlint check {path}` för en rapport med rad och kolumn för varje anmärkning."
)
ERR_PDF_SCAN = (
    "{path} är en PDF utan textlager (troligen inskannad) och kan inte granskas eller få "
    "kommentarer. Exportera dokumentet som PDF från Word eller kör OCR först."
)

SUMMARY = "{path}: skrev {output} med {notes}."
SUMMARY_REMOVED = "Ersatte {removed} tidigare kommentarer från jamlint."
SUMMARY_NOTHING = "{path}: inga anmärkningar. Skrev ändå {output} (utan kommentarer från jamlint)."
SUMMARY_APPROXIMATE = (
    "  {code} «{excerpt}» hittades inte ordagrant i dokumentet; kommentaren sitter på hela stycket."
)


def count_notes(n: int, kind: str) -> str:
    """'1 kommentar' / '3 kommentarer' (Word) or '1 anteckning' / '3 anteckningar' (PDF)."""
    if kind == "pdf":
        return f"{n} anteckning" if n == 1 else f"{n} anteckningar"
    return f"{n} kommentar" if n == 1 else f"{n} kommentarer"
