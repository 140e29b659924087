"""The HTML report as text: self-contained, escaped, well-formed, with charts, table and details."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

from jamlint.audit import build_audit
from jamlint.model import FileResult
from jamlint.reporters import ReportOptions
from jamlint.reporters.html import page, render
from tests.audit.sample import BATCH, case, finding, run

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}
SVG_LEAVES = {"rect"}


class Tree(HTMLParser):
    """Collects elements and checks that every opened tag is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def parse(text: str) -> Tree:
    tree = Tree()
    tree.feed(text)
    tree.close()
    return tree


@pytest.fixture(scope="module")
def html() -> str:
    return page(build_audit(BATCH))


def test_is_one_well_formed_swedish_page(html):
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    tree = parse(html)
    assert tree.errors == [] and tree.stack == []
    assert tree.find("meta", charset="utf-8")


def test_loads_nothing_from_outside(html):
    # no network: every link is an anchor inside the page, nothing is fetched
    for attr, value in re.findall(r'\b(src|href|xlink:href|action)\s*=\s*"([^"]*)"', html):
        assert attr == "href" and value.startswith("#"), (attr, value)
    assert "http://" not in html and "https://" not in html
    assert "@import" not in html and "url(" not in html
    assert "<link" not in html and "<iframe" not in html and "<img" not in html
    csp = parse(html).find("meta", http_equiv="Content-Security-Policy")[0]["content"]
    assert "default-src 'none'" in csp


def test_escapes_everything_that_comes_from_documents():
    evil = '<script>alert("x")</script>'
    fr = case('a/"><img src=x onerror=alert(1)>.txt', namnd=evil, dnr="KS 1", title=evil)
    fr = fr.model_copy(
        update={
            "findings": (
                finding("JAM201", excerpt='120 <b>elever</b> & "fler"', message=evil, page=2),
            )
        }
    )
    html = page(build_audit(run(fr)))
    assert evil not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "120 &lt;b&gt;elever&lt;/b&gt; &amp; &quot;fler&quot;" in html
    assert parse(html).errors == []
    # exactly one script element: the report's own
    assert html.count("<script>") == 1


def test_summary_cards(html):
    cards = dict(re.findall(r'id="card-(\w+)"><div class="num">(\d+)</div>', html))
    assert cards == {"cases": "5", "described": "2", "statistics": "2", "unreadable": "1"}


def test_self_assessment_states_the_thresholds_and_that_it_is_a_suggestion(html):
    assert "minst 90 % ger 3 (genomfört)" in html
    assert "minst 50 % ger 2 (behöver utvecklas)" in html
    assert "lägre andel ger 1 (ej påbörjat)" in html
    assert "Detta är ett förslag." in html and "Analysgruppen" in html
    for item in (6, 7):
        row = re.search(rf'<tr id="skr-{item}">.*?</tr>', html).group(0)
        assert "2 av 4" in row and "50 %" in row and "behöver utvecklas" in row


def _chart_rects(tree: Tree, html: str, chart_id: str) -> list[dict]:
    svg = re.search(rf'<svg id="{chart_id}".*?</svg>', html, re.DOTALL).group(0)
    return parse(svg).find("rect")


def test_rule_chart_has_one_bar_per_rule_sized_by_cases(html):
    tree = parse(html)
    rects = _chart_rects(tree, html, "chart-rules")
    assert len(rects) == 7  # JAM101 102 107 201 202 203 901
    assert all(float(r["width"]) > 0 for r in rects)
    assert all(r["data-value"] == "1" for r in rects)  # every rule is in one case


def test_namnd_chart_stacks_findings_by_severity(html):
    rects = _chart_rects(parse(html), html, "chart-namnd")
    # Kommunstyrelsen: 3 errors + 1 info; BN: 2 errors; okänd: 1 error (JAM901) + 1 info
    assert [r["data-value"] for r in rects] == ["3", "1", "2", "1", "1"]
    widths = [float(r["width"]) for r in rects]
    assert widths[0] == max(widths) and all(w > 0 for w in widths)
    assert "Kommunstyrelsen" in re.search(r'<svg id="chart-namnd".*?</svg>', html, re.DOTALL)[0]


def test_empty_batch_has_charts_that_say_so():
    html = page(build_audit(run(case("a.txt"))))
    rules_svg = re.search(r'<svg id="chart-rules".*?</svg>', html, re.DOTALL).group(0)
    assert "Inga anmärkningar." in rules_svg and "<rect" not in rules_svg
    namnd_svg = re.search(r'<svg id="chart-namnd".*?</svg>', html, re.DOTALL).group(0)
    assert "0 anm. · 1 ärende<" in namnd_svg and "<rect" not in namnd_svg
    assert parse(html).errors == []


def test_case_table_is_sortable(html):
    tree = parse(html)
    heads = tree.find("th", scope="col", aria_sort="none")
    keys = [h["data-key"] for h in heads if h.get("data-key")]
    assert keys == [
        "case",
        "namnd",
        "dnr",
        "status",
        "worst",
        "findings",
        "description",
        "statistics",
    ]
    rows = re.findall(r'<tr data-index="(\d+)" data-path="([^"]*)"', html)
    assert [p for _, p in rows] == [fr.path for fr in BATCH.files]
    # the worst column sorts by rank: an unreadable file first, an info-only case last
    ranks = [int(v) for v in re.findall(r'<td data-sort="(\d+)"><span class="sev', html)]
    assert ranks == [10 + 2, 30 + 2, 30 + 2, 10 + 1, 30 + 3]
    assert "sortBy" in html and "location.hash" in html


def test_each_case_has_its_findings_with_page_and_excerpt():
    fr = case("a/x.txt", dnr="KS 2024/9", title="Skolmåltider")
    fr = fr.model_copy(
        update={"findings": (finding("JAM201", page=3, excerpt="1 240 elever"), finding("JAM101"))}
    )
    html = page(build_audit(run(fr, case("a/y.txt"))))
    details = re.search(r'<details id="arende-0".*?</details>', html, re.DOTALL).group(0)
    assert "Skolmåltider" in details and "Dnr: KS 2024/9" in details
    assert '<td class="n">3</td>' in details and "<q>1 240 elever</q>" in details
    assert details.index("JAM101") < details.index("JAM201")  # document order (line 1 first)
    empty = re.search(r'<details id="arende-1".*?</details>', html, re.DOTALL).group(0)
    assert "inga anmärkningar" in empty
    assert 'href="#arende-0"' in html


def test_unreadable_case_says_why_once():
    html = page(build_audit(BATCH))
    details = re.search(r'<details id="arende-4".*?</details>', html, re.DOTALL).group(0)
    assert details.count("Filen är skadad.") == 1 and "JAM901" in details
    # with its JAM9xx rule switched off, the file's error is still shown
    silent = BATCH.files[4].model_copy(update={"findings": ()})
    html = page(build_audit(run(silent)))
    assert "Filen kunde inte läsas: Filen är skadad." in html


def test_print_styles_and_opening_details_for_print(html):
    assert "@media print" in html and "beforeprint" in html


def test_reporter_signature_renders_a_run_result():
    out = io.StringIO()
    render(BATCH, out, ReportOptions())
    assert '<svg id="chart-rules"' in out.getvalue()
    assert getattr(render, "needs_rules", False)


def test_a_file_without_metadata_is_listed_by_name():
    html = page(build_audit(run(FileResult(path="mapp/ärende.md"))))
    assert '<a href="#arende-0">ärende.md</a>' in html
