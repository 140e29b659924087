"""Read the header fields of a case document: diarienummer, datum, nämnd, handläggare, title.

Reports group findings by these (a year of one nämnd, one handläggare's drafts), so a wrong
value is worse than none: every field is None unless the document states it. The nämnd is
never guessed from the diarienummer prefix ("KS 2024/0123" does not say Kommunstyrelsen).

Only the header region is read: running headers, footers and the first blocks of the body.
The label words live in `rules/metadata.yaml`; the shapes of values (dates, diarienummer,
names) are recognised here. A label's value may follow on the same line, or on the next lines
or table cells (Word templates often put "Datum | Diarienummer" over a row of values).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import takewhile

from jamlint.model.document import Block, BlockKind, Document, Metadata

HEADER_BLOCKS = 25
# how many lines after a label are searched for its value
LOOKAHEAD = 6
MAX_TITLE_WORDS = 20


@dataclass(frozen=True, slots=True)
class _Segment:
    """One line of header text: from a running header, a block line, a table cell or a footer."""

    text: str
    source: str  # "header", "body" or "footer"
    kind: BlockKind | None = None


@dataclass(frozen=True)
class _Vocabulary:
    labels: dict[str, re.Pattern[str]]
    namnd: re.Pattern[str]
    namnd_intro: re.Pattern[str]
    document_types: frozenset[str]
    unit_endings: tuple[str, ...]
    textual_date: re.Pattern[str]
    months: tuple[str, ...]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    import yaml

    text = files("jamlint._rules").joinpath("metadata.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return _build_vocabulary(data)


def _words(items: Sequence[str]) -> str:
    # longest first, so "ansvarig handläggare" wins over "handläggare"
    ordered = sorted((str(i) for i in items), key=len, reverse=True)
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered)


def _build_vocabulary(data: dict) -> _Vocabulary:
    labels = {
        field: re.compile(rf"(?<![\w-])(?:{_words(words)})\.?(?![\w-])\s*:?\s*", re.IGNORECASE)
        for field, words in data["labels"].items()
    }
    endings = _words(data["namnd_endings"])
    months = tuple(str(m) for m in data["months"])
    namnd = re.compile(
        r"(?<![\w-])(?:"
        r"Nämnden\s+för\s+[A-ZÅÄÖa-zåäö][\wåäö-]*(?:\s*,?\s+(?:&|och)\s+[A-ZÅÄÖa-zåäö][\wåäö-]*)?"
        # "Tekniska nämnden": a definite adjective before the word
        rf"|[A-ZÅÄÖ][a-zåäö]+a\s+(?:{endings})"
        r"|(?:[A-ZÅÄÖ][a-zåäö]*-(?:,\s+[a-zåäö]+-)*\s+och\s+[a-zåäö]*"
        rf"|[A-ZÅÄÖ][a-zåäö]*)(?:{endings})"
        r")(?![\w-])"
    )
    return _Vocabulary(
        labels=labels,
        namnd=namnd,
        namnd_intro=re.compile(rf"(?:{_words(data['namnd_intros'])})\s+", re.IGNORECASE),
        document_types=frozenset(str(t).lower() for t in data["document_types"]),
        unit_endings=tuple(str(e).lower() for e in data["unit_endings"]),
        textual_date=re.compile(
            rf"(?<!\d)(\d{{1,2}})\s+({'|'.join(months)})\s+(\d{{4}})(?!\d)", re.IGNORECASE
        ),
        months=months,
    )


@dataclass(frozen=True)
class _Headings:
    """Section heading patterns (rules/sections.yaml) the header reader needs."""

    any: re.Pattern[str]
    proposal: re.Pattern[str]
    distribution: re.Pattern[str]

    def is_heading(self, segment: _Segment, pattern: re.Pattern[str]) -> bool:
        """A heading block whose normalised text the pattern matches at its start."""
        from jamlint.parsers.text import normalise_heading

        if segment.kind is not BlockKind.HEADING:
            return False
        return pattern.match(normalise_heading(segment.text)) is not None

    def is_label_line(self, segment: _Segment, pattern: re.Pattern[str]) -> bool:
        """Like `is_heading`, but also a short paragraph line: templates often set "Förslag till
        beslut" or "Beslutet skickas till" in bold body text rather than a heading style."""
        from jamlint.parsers.text import normalise_heading

        if segment.kind in (BlockKind.TABLE_CELL, BlockKind.LIST_ITEM):
            return False
        if segment.kind is not BlockKind.HEADING and len(segment.text.split()) > 8:
            return False
        return pattern.match(normalise_heading(segment.text)) is not None


@lru_cache(maxsize=1)
def _headings() -> _Headings:
    from jamlint.parsers.sections import load_heading_variants
    from jamlint.parsers.text import compile_heading_patterns

    variants = load_heading_variants()
    return _Headings(
        any=compile_heading_patterns(variants),
        proposal=compile_heading_patterns({"p": variants.get("proposal", [])}),
        distribution=compile_heading_patterns({"d": variants.get("distribution", [])}),
    )


# --- value shapes ------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DNR = re.compile(
    r"(?<![\w/.-])(?:"
    # Tyresö style: 2018/KS 0001 001, 2022/KS 0247
    r"\d{4}/[A-ZÅÄÖ]{1,6}[ -]?\d{1,6}(?:[ ]\d{2,3}(?![\d\w]))?"
    # KS 2024/0123, BN-2024-00013, SN 18/0098, SN 2023.456, 0445/15, KS 247/17
    r"|(?:[A-ZÅÄÖ]{1,6}(?:[ -]|(?=\d)))?\d{1,4}[/.-]\d{1,6}(?:[/.-]\d{1,6})*"
    r")(?![\w/])"
)
_NAME_WORD = r"[A-ZÅÄÖ][a-zåäöéèüæø]+(?:-[A-ZÅÄÖ][a-zåäöéèüæø]+)?"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}(?![\w-])")
_PAGE_MARK = re.compile(r"^\s*(?:sida\s+)?\d+\s*(?:\(\d+\)|av\s+\d+|/\s*\d+)\s*$", re.IGNORECASE)


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _dates(text: str, vocab: _Vocabulary) -> Iterator[str]:
    """Valid dates in `text`, as ISO strings, in order of appearance."""
    found: list[tuple[int, str]] = []
    for m in _ISO_DATE.finditer(text):
        iso = _iso(*m.groups())
        if iso:
            found.append((m.start(), iso))
    for m in vocab.textual_date.finditer(text):
        month = vocab.months.index(m.group(2).lower()) + 1
        iso = _iso(m.group(3), str(month), m.group(1))
        if iso:
            found.append((m.start(), iso))
    for _, iso in sorted(found):
        yield iso


def _diarienummer(text: str) -> str | None:
    for m in _DNR.finditer(text):
        value = m.group(0)
        if not _ISO_DATE.fullmatch(value) and not _school_year(value):
            return value
    return None


def _school_year(value: str) -> bool:
    """ "2025/26", "2025/2026": a läsår or verksamhetsår, not a case number."""
    match = re.fullmatch(r"((?:19|20)\d{2})/(\d{2}|\d{4})", value)
    return match is not None and int(match.group(2)) % 100 == (int(match.group(1)) + 1) % 100


# --- segments ----------------------------------------------------------------------------------


def _segments(doc: Document) -> list[_Segment]:
    """Header lines, then the lines of the first body blocks, then footer lines."""
    segments = [_Segment(line, "header") for h in doc.headers for line in _lines(h)]
    body = [b for b in doc.blocks if b.kind is not BlockKind.TABLE_CELL][:HEADER_BLOCKS]
    for block in body:
        segments.extend(_block_segments(block))
    segments.extend(_Segment(line, "footer") for f in doc.footers for line in _lines(f))
    return segments


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _block_segments(block: Block) -> Iterator[_Segment]:
    if block.kind is BlockKind.TABLE and block.table is not None:
        for row in block.table.rows:
            for cell in row:
                for line in _lines(cell):
                    yield _Segment(line, "body", BlockKind.TABLE_CELL)
        return
    for line in _lines(block.text):
        yield _Segment(line, "body", block.kind)


# --- fields ------------------------------------------------------------------------------------


def extract_metadata(doc: Document) -> Metadata:
    """The header facts of `doc`; None for each one the document does not state."""
    vocab = _vocabulary()
    headings = _headings()
    segments = _segments(doc)
    handlaggare = _find_handlaggare(segments, vocab)
    return Metadata(
        title=_find_title(segments, vocab, headings, handlaggare),
        diarienummer=_find_labelled(segments, vocab.labels["diarienummer"], _diarienummer),
        datum=_find_datum(segments, vocab),
        namnd=_find_namnd(segments, vocab, headings),
        handlaggare=handlaggare,
    )


def _find_labelled(
    segments: list[_Segment],
    label: re.Pattern[str],
    value_in: Callable[[str], str | None],
    anchored: bool = False,
    lookahead: int = LOOKAHEAD,
) -> str | None:
    """The first value (as `value_in` reads it) after a label: same line first, then next lines.

    `anchored` labels count only at the start of a line (a title label such as "Ärende" also
    ends ordinary phrases: "beskrivning av ärende").
    """
    for i, segment in enumerate(segments):
        matches = [label.match(segment.text)] if anchored else label.finditer(segment.text)
        for m in matches:
            if m is None:
                continue
            value = value_in(segment.text[m.end() :])
            if value:
                return value
            for later in segments[i + 1 : i + 1 + lookahead]:
                value = value_in(later.text)
                if value:
                    return value
    return None


def _find_datum(segments: list[_Segment], vocab: _Vocabulary) -> str | None:
    def first_date(text: str) -> str | None:
        return next(_dates(text, vocab), None)

    labelled = _find_labelled(segments, vocab.labels["datum"], first_date)
    if labelled:
        return labelled
    # a date printed in the running header without a label is the document's date
    for segment in segments:
        if segment.source == "header":
            value = first_date(segment.text)
            if value:
                return value
    return None


def _find_handlaggare(segments: list[_Segment], vocab: _Vocabulary) -> str | None:
    def name_at_start(text: str) -> str | None:
        m = _NAME.match(text.strip(" :"))
        return _trim_name(m.group(0), vocab) if m else None

    return _find_labelled(segments, vocab.labels["handlaggare"], name_at_start)


def _trim_name(name: str, vocab: _Vocabulary) -> str | None:
    """Drop a unit name caught after the person's name ("Lena Bergström Socialkontoret")."""
    words = name.split()
    while words and words[-1].lower().endswith(vocab.unit_endings):
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def _find_namnd(segments: list[_Segment], vocab: _Vocabulary, headings: _Headings) -> str | None:
    body = [s for s in segments if s.source == "body"]
    # 1. "Förslag till beslut i Byggnadsnämnden"
    for segment in body:
        for intro in vocab.namnd_intro.finditer(segment.text):
            m = vocab.namnd.match(segment.text, intro.end())
            if m:
                return m.group(0)
    # 2. a line that is only the name of a nämnd (the addressee in the header), before the
    #    distribution list ("Beslutet skickas till\nKommunstyrelsen" names a recipient)
    header_region = _before_distribution(segments, headings)
    for segment in header_region:
        m = vocab.namnd.fullmatch(segment.text.strip(" .:"))
        if m:
            return m.group(0)
    # 3. the subject of the proposal: "Förslag till beslut\nSocialnämnden godkänner …"
    for segment in _proposal(body, headings):
        m = vocab.namnd.match(segment.text)
        if m and re.match(r"\s+[a-zåäö]", segment.text[m.end() :]):
            return m.group(0)
    # 4. a name inside a running header or the first lines before any heading ("Tjänsteskrivelse
    #    KFN Handläggare: Nina Simonen Kultur- och föreningsnämnden …", a PDF's header text)
    front = list(takewhile(lambda s: s.kind is not BlockKind.HEADING, body[:3]))
    for segment in [s for s in segments if s.source == "header"] + front:
        m = vocab.namnd.search(segment.text)
        if m:
            return m.group(0)
    return None


def _before_distribution(segments: list[_Segment], headings: _Headings) -> list[_Segment]:
    """The segments before the distribution list ("Beslutet skickas till")."""
    out: list[_Segment] = []
    for segment in segments:
        if headings.is_label_line(segment, headings.distribution):
            break
        out.append(segment)
    return out


def _proposal(segments: list[_Segment], headings: _Headings) -> Iterator[_Segment]:
    """The lines under a "Förslag till beslut" heading, up to the next heading."""
    inside = False
    for segment in segments:
        if headings.is_label_line(segment, headings.proposal):
            inside = True
        elif headings.is_heading(segment, headings.any):
            inside = False
        elif inside:
            yield segment


MAX_SECTION_HEADING_WORDS = 5


def _find_title(
    segments: list[_Segment],
    vocab: _Vocabulary,
    headings: _Headings,
    handlaggare: str | None,
) -> str | None:
    def value_after_label(text: str) -> str | None:
        text = text.strip(" :")
        return text if text and not _is_field(text, vocab, handlaggare) else None

    labelled = _find_labelled(
        segments, vocab.labels["title"], value_after_label, anchored=True, lookahead=1
    )
    if labelled:
        return labelled
    body = [s for s in segments if s.source == "body"]
    front: list[_Segment] = []
    for segment in body:
        # (not the document type in the header, "BESLUTSUNDERLAG", which names a section too)
        if headings.is_heading(segment, headings.any) and (
            len(segment.text.split()) <= MAX_SECTION_HEADING_WORDS
            and not _is_field(segment.text, vocab, handlaggare)
        ):
            # the first section heading ends the front matter; a long heading that merely starts
            # like one ("Ekonomiskt bistånd till barns fritidsaktiviteter – ändring i
            # riktlinjerna", "Budgetramar 2027 och …") is the title
            break
        front.append(segment)
    for segment in front:
        if segment.kind is BlockKind.HEADING and not _is_field(segment.text, vocab, handlaggare):
            return segment.text
    for segment in front:
        if segment.kind in (BlockKind.TABLE_CELL, BlockKind.LIST_ITEM):
            continue
        text = segment.text
        if len(text.split()) <= MAX_TITLE_WORDS and not _is_field(text, vocab, handlaggare):
            return text
    return None


def _is_unit_name(words: list[str], vocab: _Vocabulary) -> bool:
    """ "Kungsbacka kommun", "Bygg- och miljöförvaltningen", "Socialkontoret" (a short name),
    "Förvaltningen för Förskola & Grundskola", "Nämnden för funktionsstöd"."""
    if len(words) >= 3 and words[0] in vocab.unit_endings and words[1] == "för":
        return True
    if len(words) > 3 or any(w in _PREPOSITIONS for w in words):
        return False
    return words[-1].endswith(vocab.unit_endings)


# a phrase with one of these is a title ("Budget 2025 för nämnden"), not a unit's name
_PREPOSITIONS = frozenset({"för", "från", "om", "av", "till", "med", "inom", "på", "i"})


def _is_field(text: str, vocab: _Vocabulary, handlaggare: str | None) -> bool:
    """True for header lines that are not a title: labels, values, page marks, names."""
    stripped = text.strip(" :")
    lower = stripped.lower()
    if _PAGE_MARK.match(stripped) or not any(ch.isalpha() for ch in stripped):
        return True
    if any(label.match(stripped) for label in vocab.labels.values()):
        return True
    words = lower.split()
    dnr = _diarienummer(stripped)
    if dnr and len(stripped.replace(dnr, " ").split()) <= 2:
        return True  # "Dnr KS 2024/0123", not a title that mentions "läsåret 2025/26"
    for date in (_ISO_DATE.search(stripped), vocab.textual_date.search(stripped)):
        if date and len((stripped[: date.start()] + " " + stripped[date.end() :]).split()) <= 2:
            return True  # "Datum 2025-10-14", not "Ändrade öppettider från den 1 januari 2026"
    if words[0] in vocab.document_types and not re.search(r"[a-zåäö]{3,}", " ".join(words[1:])):
        return True
    if vocab.namnd.fullmatch(stripped) or _is_unit_name(words, vocab):
        return True
    if handlaggare and handlaggare in stripped and len(words) <= 4:
        return True
    return bool(_NAME.fullmatch(stripped))
