"""The audit report as one self-contained HTML file, for a nämndsekreterare and a browser.

Everything is inline: CSS, a few lines of JavaScript for sorting the table, and the charts as SVG
drawn here in Python (so they show without JavaScript and print). No network at all: a
Content-Security-Policy forbids every outside resource, so the file can be mailed, archived and
opened offline. All text that comes from documents (titles, paths, excerpts, messages) is escaped.

`render_audit(audit, out)` writes an `Audit` (`jamlint.audit`); `render` is the ordinary reporter
signature, for `--format html` once it is registered in the reporter table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TextIO

from jamlint.audit import (
    SCORE_LABELS,
    SEVERITY_LABELS,
    THRESHOLDS,
    Assessment,
    Audit,
    CaseSummary,
    NamndCount,
    RuleCount,
    build_audit,
    percent,
)
from jamlint.model import RunResult, Severity

# bar colours (light enough to tell warning from error at a glance); the pills in the tables
# use darker shades in the CSS so that their white text stays readable
SEVERITY_COLORS = {Severity.ERROR: "#c0362c", Severity.WARNING: "#e8a317", Severity.INFO: "#2f6fba"}
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_PLURAL = {Severity.ERROR: "fel", Severity.WARNING: "varningar", Severity.INFO: "tips"}

# what the browser may load: nothing from outside the file
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def render(result: RunResult, out: TextIO, options) -> None:
    render_audit(build_audit(result, rules=getattr(options, "rules", ())), out)


render.needs_rules = True  # type: ignore[attr-defined]


def render_audit(audit: Audit, out: TextIO) -> None:
    out.write(page(audit))


def page(audit: Audit) -> str:
    s = audit.summary
    body = "\n".join(
        (
            _header(audit),
            _summary_cards(audit),
            _assessment_section(audit.assessments),
            _charts(audit),
            _cases_table(audit.cases, audit.rules),
            _case_details(audit.cases),
            _footer(audit),
        )
    )
    title = f"Granskning av {cases_word(s.cases)} – jämställdhet"
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="jamlint {_e(audit.version)}">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _footer(audit: Audit) -> str:
    return (
        f"<footer><p>Skapad av jamlint {_e(audit.version)}. Rapporten är en enda fil utan "
        "externa resurser och kan öppnas utan nätverk.</p></footer>"
    )


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _header(audit: Audit) -> str:
    return (
        "<header><h1>Granskning av beslutsunderlag: jämställdhet</h1>"
        f'<p class="meta">Skapad {_e(audit.generated)} med jamlint {_e(audit.version)} · '
        f"{cases_word(audit.summary.cases)} · {findings_word(audit.summary.findings)}</p></header>"
    )


# --- summary ----------------------------------------------------------------------------------


def _summary_cards(audit: Audit) -> str:
    s = audit.summary
    base = s.readable
    cards = (
        ("cases", str(s.cases), "ärenden granskade", f"{s.readable} kunde läsas"),
        (
            "described",
            str(s.with_description),
            "med beskrivning av konsekvenser för kvinnor och män",
            f"{percent(s.with_description / base if base else None)} av de läsbara",
        ),
        (
            "statistics",
            str(s.statistics_problem),
            "med statistik om personer som inte är uppdelad på kön",
            f"{percent(s.statistics_problem / base if base else None)} av de läsbara",
        ),
        (
            "unreadable",
            str(s.unreadable),
            "kunde inte läsas",
            "räknas inte med i andelarna",
        ),
    )
    items = "".join(
        f'<div class="card" id="card-{key}"><div class="num">{num}</div>'
        f'<div class="what">{_e(what)}</div><div class="sub">{_e(sub)}</div></div>'
        for key, num, what, sub in cards
    )
    return (
        f'<section aria-labelledby="h-summary"><h2 id="h-summary">Sammanfattning</h2>'
        f'<div class="cards">{items}</div></section>'
    )


# --- self-assessment --------------------------------------------------------------------------


def thresholds_text() -> str:
    parts = [f"minst {p} % ger {sc} ({SCORE_LABELS[sc]})" for p, sc in THRESHOLDS]
    lowest = min(SCORE_LABELS)
    return (
        "Förslaget bygger på andelen läsbara ärenden som uppfyller kriteriet: "
        + ", ".join(parts)
        + f", lägre andel ger {lowest} ({SCORE_LABELS[lowest]})."
    )


def _assessment_section(items: Sequence[Assessment]) -> str:
    rows = "".join(_assessment_row(a) for a in items)
    return (
        '<section aria-labelledby="h-skr"><h2 id="h-skr">Förslag till självskattning '
        "(SKR:s checklista, punkt 6 och 7)</h2>"
        '<table class="skr"><thead><tr><th scope="col">Punkt</th><th scope="col">Kriterium</th>'
        '<th scope="col">Uppfyller</th><th scope="col">Andel</th>'
        '<th scope="col">Föreslagen skattning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<p class="note" id="thresholds">{_e(thresholds_text())} Skalan: 1 = ej påbörjat, '
        "2 = behöver utvecklas, 3 = genomfört. Filer som inte kunde läsas räknas inte med.</p>"
        '<p class="note"><strong>Detta är ett förslag.</strong> jamlint ser om en beskrivning '
        "och en könsuppdelning finns, inte hur god analysen är. Analysgruppen gör den "
        "slutliga bedömningen.</p></section>"
    )


def _assessment_row(a: Assessment) -> str:
    score = "–" if a.score is None else str(a.score)
    off = ""
    if a.rules_off:
        off = (
            '<div class="warn">Obs: reglerna '
            f"{_e(', '.join(a.rules_off))} kördes inte vid granskningen.</div>"
        )
    return (
        f'<tr id="skr-{a.item}"><th scope="row">{a.item}</th>'
        f'<td>{_e(a.criterion)}<div class="sub">{_e(a.measure)}</div>{off}</td>'
        f'<td class="n">{a.compliant} av {a.base}</td>'
        f'<td class="n">{_e(percent(a.share))}</td>'
        f'<td class="score score-{score}"><span class="big">{_e(score)}</span> '
        f"{_e(a.score_label)}</td></tr>"
    )


# --- charts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    value: int
    color: str
    label: str  # tooltip


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    note: str  # written after the bar

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


CHART_WIDTH = 760
ROW_HEIGHT = 26
BAR_HEIGHT = 18
CHAR_WIDTH = 7.2  # average width of a 13 px sans-serif character, for the label column
MAX_LABEL_CHARS = 34
NOTE_WIDTH = 170


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar]) -> str:
    """A horizontal (stacked) bar chart as inline SVG, scaled to the longest bar."""
    labels = [_shorten(b.label) for b in bars]
    label_w = int(max((len(t) for t in labels), default=4) * CHAR_WIDTH) + 16
    plot_w = max(CHART_WIDTH - label_w - NOTE_WIDTH, 120)
    top = max((b.total for b in bars), default=0) or 1
    height = ROW_HEIGHT * max(len(bars), 1) + 8
    parts = [
        (
            f'<svg id="{chart_id}" class="chart" role="img" aria-labelledby="{chart_id}-t" '
            f'width="{CHART_WIDTH}" height="{height}" viewBox="0 0 {CHART_WIDTH} {height}">'
        ),
        f'<title id="{chart_id}-t">{_e(title)}</title>',
    ]
    if not bars:
        parts.append('<text x="0" y="18" class="empty">Inga anmärkningar.</text>')
    for i, (bar, label) in enumerate(zip(bars, labels, strict=True)):
        parts.append(_bar_row(bar, label, i * ROW_HEIGHT + 4, label_w, plot_w, top))
    parts.append("</svg>")
    return "".join(parts)


def _bar_row(bar: Bar, label: str, y: int, label_w: int, plot_w: int, top: int) -> str:
    mid = y + BAR_HEIGHT / 2 + 4
    out = [
        f'<g class="bar"><title>{_e(bar.label)}: {_e(bar.note)}</title>',
        f'<text x="{label_w - 8}" y="{mid:.0f}" text-anchor="end" class="label">{_e(label)}</text>',
    ]
    x = float(label_w)
    for seg in bar.segments:
        if seg.value <= 0:
            continue
        w = max(seg.value / top * plot_w, 2.0)
        out.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{seg.color}" data-value="{seg.value}"><title>{_e(seg.label)}</title></rect>'
        )
        x += w
    out.append(f'<text x="{x + 6:.1f}" y="{mid:.0f}" class="value">{_e(bar.note)}</text></g>')
    return "".join(out)


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"


def cases_word(n: int) -> str:
    return f"{n} ärende" if n == 1 else f"{n} ärenden"


def findings_word(n: int) -> str:
    return f"{n} anmärkning" if n == 1 else f"{n} anmärkningar"


def rule_bars(rules: Iterable[RuleCount]) -> list[Bar]:
    return [
        Bar(
            label=r.code,
            segments=(
                Segment(r.cases, SEVERITY_COLORS[r.severity], f"{r.code}: {cases_word(r.cases)}"),
            ),
            note=f"{cases_word(r.cases)} · {r.findings} anm.",
        )
        for r in rules
    ]


def namnd_bars(namnder: Iterable[NamndCount]) -> list[Bar]:
    out = []
    for n in namnder:
        counts = {
            Severity.ERROR: n.severities.error,
            Severity.WARNING: n.severities.warning,
            Severity.INFO: n.severities.info,
        }
        segments = tuple(
            Segment(counts[s], SEVERITY_COLORS[s], f"{counts[s]} {SEVERITY_PLURAL[s]}")
            for s in SEVERITY_ORDER
        )
        out.append(Bar(n.namnd, segments, f"{n.severities.total} anm. · {cases_word(n.cases)}"))
    return out


def _legend() -> str:
    items = "".join(
        f'<span class="key"><span class="swatch" style="background:{SEVERITY_COLORS[s]}"></span>'
        f"{_e(SEVERITY_PLURAL[s])}</span>"
        for s in SEVERITY_ORDER
    )
    return f'<p class="legend">{items}</p>'


def _charts(audit: Audit) -> str:
    rule_rows = "".join(
        f'<tr><th scope="row">{_e(r.code)}</th><td>{_e(r.description)}</td>'
        f'<td>{_e(SEVERITY_LABELS[r.severity])}</td><td class="n">{r.cases}</td>'
        f'<td class="n">{r.findings}</td></tr>'
        for r in audit.rules
    )
    namnd_rows = "".join(_namnd_row(n) for n in audit.namnder)
    return (
        '<section aria-labelledby="h-rules"><h2 id="h-rules">Anmärkningar per regel</h2>'
        '<p class="note">Stapeln visar hur många ärenden som har minst en anmärkning av regeln.</p>'
        + bar_chart("chart-rules", "Antal ärenden per regel", rule_bars(audit.rules))
        + _legend()
        + '<table class="compact"><thead><tr><th scope="col">Kod</th><th scope="col">Regel</th>'
        '<th scope="col">Grad</th><th scope="col">Ärenden</th><th scope="col">Anmärkningar</th>'
        f"</tr></thead><tbody>{rule_rows}</tbody></table></section>"
        '<section aria-labelledby="h-namnd"><h2 id="h-namnd">Anmärkningar per nämnd</h2>'
        '<p class="note">Nämnden hämtas från dokumentets sidhuvud, annars från diarienumrets '
        "prefix (t.ex. KS i KS 2024/0123).</p>"
        + bar_chart("chart-namnd", "Antal anmärkningar per nämnd", namnd_bars(audit.namnder))
        + _legend()
        + '<table class="compact"><thead><tr><th scope="col">Nämnd</th>'
        '<th scope="col">Ärenden</th><th scope="col">Kunde inte läsas</th>'
        '<th scope="col">Med konsekvensbeskrivning</th>'
        '<th scope="col">Statistik ej uppdelad på kön</th><th scope="col">Anmärkningar</th>'
        f"</tr></thead><tbody>{namnd_rows}</tbody></table></section>"
    )


def _namnd_row(n: NamndCount) -> str:
    def share(k: int) -> str:
        return f"{k} ({percent(k / n.readable)})" if n.readable else "–"

    return (
        f'<tr><th scope="row">{_e(n.namnd)}</th><td class="n">{n.cases}</td>'
        f'<td class="n">{n.unreadable}</td><td class="n">{share(n.with_description)}</td>'
        f'<td class="n">{share(n.statistics_problem)}</td>'
        f'<td class="n">{n.severities.total}</td></tr>'
    )


# --- the sortable table of cases ---------------------------------------------------------------

# (key, heading, type, first direction)
COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("case", "Ärende", "text", "asc"),
    ("namnd", "Nämnd", "text", "asc"),
    ("dnr", "Dnr", "text", "asc"),
    ("status", "Status", "text", "asc"),
    ("worst", "Värsta anmärkning", "number", "desc"),
    ("findings", "Antal", "number", "desc"),
    ("description", "Konsekvens­beskrivning", "text", "asc"),
    ("statistics", "Statistik per kön", "text", "asc"),
)


def _cases_table(cases: Sequence[CaseSummary], rules: Sequence[RuleCount]) -> str:
    heads = "".join(
        f'<th scope="col" data-key="{key}" data-type="{kind}" data-first="{first}" '
        f'aria-sort="none"><button type="button">{label}<span class="arrow" '
        f'aria-hidden="true"></span></button></th>'
        for key, label, kind, first in COLUMNS
    )
    described = {r.code: r.description for r in rules}
    rows = "".join(_case_row(i, c, described) for i, c in enumerate(cases))
    return (
        '<section aria-labelledby="h-cases"><h2 id="h-cases">Ärenden</h2>'
        '<p class="note">Klicka på en kolumnrubrik för att sortera. Klicka på ett ärende för '
        "att se dess anmärkningar.</p>"
        f'<div class="scroll"><table id="cases" class="cases"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _case_row(i: int, c: CaseSummary, described: dict[str, str]) -> str:
    w = c.worst
    if w is None:
        worst = '<span class="ok">inga</span>'
    else:
        # the rule's general message here (short, the same for every case); the file's own
        # message is in the case's details
        what = described.get(w.code) or w.message
        worst = (
            f'<span class="sev sev-{w.severity.value}">{_e(SEVERITY_LABELS[w.severity])}</span> '
            f'<span class="code">{_e(w.code)}</span>'
            f'<div class="msg clamp" title="{_e(what)}">{_e(what)}</div>'
        )
    status = "läsbar" if c.readable else "ej läsbar"
    return (
        f'<tr data-index="{i}" data-path="{_e(c.path)}" class="{"" if c.readable else "unreadable"}">'
        f'<td data-sort="{_e(c.title)}"><a href="#arende-{i}">{_e(c.title)}</a>'
        f'<div class="path">{_e(c.path)}</div></td>'
        f"<td>{_e(c.namnd)}</td><td>{_e(c.diarienummer)}</td><td>{status}</td>"
        f'<td data-sort="{c.worst_rank}">{worst}</td>'
        f'<td data-sort="{c.severities.total}" class="n">{c.severities.total}</td>'
        f"<td>{_flag(c.has_description, good=True)}</td>"
        f"<td>{_flag(c.statistics_problem, good=False)}</td></tr>"
    )


def _flag(value: bool | None, good: bool) -> str:
    """ja/nej: does the case meet the criterion? `good` is the value of `value` that meets it.

    The statistics column asks "broken down by sex?", the inverse of `statistics_problem`.
    """
    if value is None:
        return '<span class="na">–</span>'
    meets = value is good
    return f'<span class="{"ok" if meets else "bad"}">{"ja" if meets else "nej"}</span>'


# --- per case ---------------------------------------------------------------------------------


def _case_details(cases: Sequence[CaseSummary]) -> str:
    return (
        '<section aria-labelledby="h-details"><h2 id="h-details">Anmärkningar per ärende</h2>'
        + "".join(_case_detail(i, c) for i, c in enumerate(cases))
        + "</section>"
    )


def _case_detail(i: int, c: CaseSummary) -> str:
    facts = [f"Nämnd: {c.namnd}", f"Format: {c.format}"]
    if c.diarienummer:
        facts.insert(1, f"Dnr: {c.diarienummer}")
    if c.pages is not None:
        facts.append(f"Sidor: {c.pages}")
    count = findings_word(c.severities.total) if c.findings else "inga anmärkningar"
    parts = [
        (
            f'<details id="arende-{i}" class="case"><summary><span class="title">'
            f'{_e(c.title)}</span> <span class="path">{_e(c.path)}</span> '
            f'<span class="count">{count}</span></summary>'
        ),
        f'<p class="facts">{_e(" · ".join(facts))}</p>',
    ]
    if not c.readable and not c.findings:  # otherwise its JAM9xx finding says why
        parts.append(f'<p class="warn">Filen kunde inte läsas: {_e(c.error or "")}</p>')
    if c.findings:
        parts.append(_findings_table(c))
    parts.append("</details>")
    return "".join(parts)


def _findings_table(c: CaseSummary) -> str:
    rows = []
    for f in c.findings:
        loc = f.location
        page = "" if loc.page is None else str(loc.page)
        excerpt = f"<q>{_e(f.excerpt)}</q>" if f.excerpt else ""
        rows.append(
            f'<tr><td class="code">{_e(f.code)}</td>'
            f'<td><span class="sev sev-{f.severity.value}">'
            f"{_e(SEVERITY_LABELS[f.severity])}</span></td>"
            f'<td class="n">{page}</td><td>{_e(loc.section or "")}</td>'
            f"<td>{excerpt}</td><td>{_e(f.message)}</td></tr>"
        )
    return (
        '<table class="findings"><thead><tr><th scope="col">Kod</th><th scope="col">Grad</th>'
        '<th scope="col">Sida</th><th scope="col">Avsnitt</th><th scope="col">Utdrag</th>'
        f'<th scope="col">Meddelande</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


# --- inline CSS and JavaScript ------------------------------------------------------------------

STYLE = """
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",
"Liberation Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1240px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;
border-bottom:1px solid var(--line);padding-bottom:4px}
.meta,.note,.sub,.path,.facts{color:var(--muted)}.note{font-size:14px;max-width:80ch}
.sub,.path{font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:var(--soft)}
.card .num{font-size:34px;font-weight:700;line-height:1.1}.card .what{font-weight:600}
.card .sub{margin-top:2px}#card-described .num{color:#1a7f37}
#card-statistics .num{color:#b42318}#card-unreadable .num{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-weight:600}td.n{text-align:right;white-space:nowrap}
table.compact{max-width:900px}
.skr .score .big{font-size:22px;font-weight:700;margin-right:4px}
.score-1 .big{color:#b42318}.score-2 .big{color:#8a5a00}.score-3 .big{color:#1a7f37}
.warn{color:#8a5a00;font-size:13px}
.chart{display:block;max-width:100%;height:auto;margin:8px 0}
.chart .label,.chart .value,.chart .empty{font:13px system-ui,"DejaVu Sans",sans-serif;
fill:var(--fg)}.chart .value{fill:var(--muted)}
.legend{font-size:13px;color:var(--muted);margin:0 0 8px}.key{margin-right:14px}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;
vertical-align:-1px}
.cases th button{all:unset;cursor:pointer;font-weight:600;display:inline-flex;gap:4px}
.cases th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.cases th[aria-sort=ascending] .arrow::after{content:"▲"}
.cases th[aria-sort=descending] .arrow::after{content:"▼"}
.cases th .arrow{font-size:10px;color:var(--accent);min-width:10px}
.cases tbody tr:hover{background:#f3f8ff}.cases tr.unreadable{color:var(--muted)}
.cases a{color:var(--accent);text-decoration:none;font-weight:600}.cases a:hover{text-decoration:underline}
.sev{display:inline-block;border-radius:10px;padding:0 7px;font-size:12px;font-weight:600;color:#fff}
.sev-error{background:#b42318}.sev-warning{background:#8a5a00}.sev-info{background:#1d5fa8}
.scroll{overflow-x:auto}.cases td:nth-child(1){min-width:220px}
.cases td:nth-child(5){min-width:200px;max-width:300px}.cases td:nth-child(3){white-space:nowrap}
.clamp{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;
font-size:13px}.path{overflow-wrap:anywhere}
.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
.msg{color:var(--muted)}.ok{color:#1a7f37;font-weight:600}.bad{color:#b42318;font-weight:600}
.na{color:var(--muted)}
details.case{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 10px}
details.case[open]{background:#fcfcfd}details.case summary{cursor:pointer;padding:4px 0}
details.case .title{font-weight:600}details.case .count{color:var(--muted);font-size:13px}
details.case:target{outline:2px solid var(--accent)}
q{quotes:"»" "«"}
footer{margin-top:40px;color:var(--muted);font-size:13px}
@media print{
 body{font-size:11pt}main{max-width:none;padding:0}
 .cases th button{cursor:default}.cases th .arrow{display:none}
 h2{break-after:avoid}tr,.card,.chart{break-inside:avoid}
 details.case{border:none;border-top:1px solid var(--line);border-radius:0;padding:6px 0}
 a{color:inherit!important;text-decoration:none}.scroll{overflow:visible}
 .clamp{display:block;overflow:visible}
}
"""

# Sorting: click a header (again to reverse), or open the report as report.html#sort=worst-desc.
# The fragment is kept up to date, so a sorted view can be shared as a link.
SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("cases");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator("sv", {numeric: true, sensitivity: "base"});
  function value(row, idx) {
    var cell = row.cells[idx];
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function sortBy(key, dir) {
    var th = heads.filter(function (h) { return h.dataset.key === key; })[0];
    if (!th || (dir !== "asc" && dir !== "desc")) { return false; }
    var idx = heads.indexOf(th);
    var numeric = th.dataset.type === "number";
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var va = value(a, idx), vb = value(b, idx);
      var c = numeric ? Number(va) - Number(vb) : collator.compare(va, vb);
      if (dir === "desc") { c = -c; }
      return c || Number(a.dataset.index) - Number(b.dataset.index);
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    heads.forEach(function (h) {
      h.setAttribute("aria-sort", h === th ? (dir === "asc" ? "ascending" : "descending") : "none");
    });
    return true;
  }
  function fromHash() {
    var m = /(?:^#|&)sort=([a-z]+)-(asc|desc)(?:&|$)/.exec(window.location.hash);
    if (m) { sortBy(m[1], m[2]); }
  }
  heads.forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var cur = th.getAttribute("aria-sort");
      var dir = cur === "ascending" ? "desc" : cur === "descending" ? "asc" : th.dataset.first;
      sortBy(th.dataset.key, dir);
      try { history.replaceState(null, "", "#sort=" + th.dataset.key + "-" + dir); } catch (e) {}
    });
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
  // print every case's findings, not only the opened ones
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details.case").forEach(function (d) {
      if (!d.open) { d.open = true; opened.push(d); }
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });
  // a link to a case opens its details
  function openTarget() {
    var id = window.location.hash.slice(1);
    var el = id && /^arende-\\d+$/.test(id) ? document.getElementById(id) : null;
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
"""
