"""The HTML report in a real headless browser (Debian's chromium).

It renders, the SVG charts are drawn with bars of real width, the table sorts (from the URL
fragment on load, and by a real mouse click on a column header), a case's details open from its
link, nothing is fetched from the network, and a screenshot of the whole page is written (its
path is printed; set JAMLINT_ARTIFACTS=DIR to keep a copy).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jamlint.audit import build_audit
from jamlint.model import Severity
from jamlint.reporters.html import SEVERITY_COLORS, page
from tests.audit.cdp import CHROMIUM, FLAGS, Browser
from tests.audit.sample import broken, case, finding, run

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Chromium saknas (/usr/bin/chromium): installera Debian-paketen chromium och "
    "fonts-dejavu-core för att köra webbläsartesterna",
)


def with_findings(fr, *findings):
    return fr.model_copy(update={"findings": findings})


def batch():
    """A year of a few nämnder: compliant cases, missing analyses, statistics, unreadable."""
    return run(
        with_findings(
            case(
                "ärenden/ks-budget.pdf",
                namnd="Kommunstyrelsen",
                dnr="KS 2024/0410",
                title="Mål och budget 2025",
            ),
            finding("JAM201", line=3, page=2, excerpt="1 240 elever"),
            finding("JAM201", line=9, page=3, excerpt="ca 40 gymnasieelever"),
            finding(
                "JAM102", line=20, page=5, excerpt="Ärendet bedöms inte påverka jämställdheten."
            ),
        ),
        case(
            "ärenden/ks-ekonomisystem.docx",
            "JAM107",
            namnd="Kommunstyrelsen",
            dnr="KS 2024/0187",
            title="Upphandling av nytt ekonomisystem",
        ),
        with_findings(
            case("ärenden/ks-heltid.docx", dnr="KS 2024/0233", title="Heltid som norm"),
            finding("JAM203", line=4, page=1, excerpt="Kvinnor"),
        ),
        with_findings(
            case(
                "ärenden/sn-hemtjanst.docx",
                namnd="Socialnämnden",
                dnr="SN 2024/0203",
                title="Införande av ramtid i hemtjänsten",
            ),
            finding(
                "JAM105",
                line=30,
                page=4,
                excerpt="[Beskriv konsekvenser för kvinnor och män, flickor och pojkar]",
            ),
            finding("JAM201", line=8, page=2, excerpt="45 procent av brukarna"),
        ),
        case(
            "ärenden/sn-harbarge.txt",
            "JAM108",
            namnd="Socialnämnden",
            dnr="SN 2024/0177",
            title="Akutboende för personer i hemlöshet",
        ),
        with_findings(
            case(
                "ärenden/tn-belysning.pdf",
                namnd="Tekniska nämnden",
                dnr="TN 2024/118",
                title="Belysning i gångtunnlar",
            ),
            finding("JAM103", line=12, page=2, excerpt="Belysningen gäller alla oavsett kön."),
        ),
        with_findings(
            case(
                "ärenden/bun-forskola.pdf",
                namnd="Barn- och utbildningsnämnden",
                dnr="BUN 2024/0071",
                title="Behov av förskoleplatser",
            ),
            finding("JAM101", line=1, page=1),
            finding("JAM202", line=14, page=2, excerpt="Antal barn"),
            finding("JAM106", line=1, page=1),
        ),
        case(
            "ärenden/bun-elevhalsa.docx",
            "JAM203",
            namnd="Barn- och utbildningsnämnden",
            dnr="BUN 2024/0155",
            title="Förstärkt elevhälsa",
        ),
        broken("ärenden/inskannad.pdf", "JAM904"),
        broken("ärenden/trasig.docx"),
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rapport") / "rapport.html"
    path.write_text(page(build_audit(batch())), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def audit():
    return build_audit(batch())


def dump_dom(url: str, profile: Path) -> str:
    out = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out.stdout


def test_fragment_sorts_the_table_on_load(report, audit, tmp_path):
    dom = dump_dom(report.as_uri() + "#sort=worst-desc", tmp_path / "profil")
    paths = re.findall(r'<tr data-index="\d+" data-path="([^"]*)"', dom)
    expected = [
        c.path for _, c in sorted(enumerate(audit.cases), key=lambda ic: (-ic[1].worst_rank, ic[0]))
    ]
    assert paths == expected
    assert paths[:2] == ["ärenden/inskannad.pdf", "ärenden/trasig.docx"]
    th = re.search(r'<th[^>]*data-key="worst"[^>]*>', dom).group(0)
    assert 'aria-sort="descending"' in th


def test_charts_are_in_the_rendered_dom(report, tmp_path):
    dom = dump_dom(report.as_uri(), tmp_path / "profil")
    for chart in ("chart-rules", "chart-namnd"):
        svg = re.search(rf'<svg id="{chart}".*?</svg>', dom, re.DOTALL).group(0)
        widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
        assert widths and all(w > 0 for w in widths), chart


def rows(p) -> list[str]:
    return p.evaluate(
        "Array.from(document.querySelectorAll('#cases tbody tr')).map(r => r.dataset.path)"
    )


def count_pixels(png: Path, rgb: tuple[int, int, int], tolerance: int = 12) -> int:
    """How many pixels of the image have the colour `rgb` (per channel within `tolerance`)."""
    from PIL import Image, ImageChops

    with Image.open(png) as im:
        channels = im.convert("RGB").split()
    masks = [
        ch.point(lambda v, t=t: 255 if abs(v - t) <= tolerance else 0)
        for ch, t in zip(channels, rgb, strict=True)
    ]
    both = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return both.histogram()[255]


def hex_rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def test_in_the_browser_click_to_sort_open_a_case_and_screenshot(report, audit, tmp_path):
    with Browser(tmp_path / "profil") as browser:
        p = browser.open(report.as_uri(), width=1280, height=1000)

        # the charts are drawn: every bar has a rendered width
        bar_widths = p.evaluate(
            "Array.from(document.querySelectorAll('svg.chart rect'))"
            ".map(r => r.getBoundingClientRect().width)"
        )
        segments = sum(
            1
            for n in audit.namnder
            for v in (n.severities.error, n.severities.warning, n.severities.info)
            if v
        )
        assert len(bar_widths) == len(audit.rules) + segments and min(bar_widths) > 0
        assert (
            p.evaluate("document.getElementById('chart-rules').getBoundingClientRect().height")
            > 100
        )

        original = rows(p)
        assert original == [c.path for c in audit.cases]

        # a real click on "Antal": most findings first, then the other way
        p.click("#cases th[data-key=findings] button")
        counts = {c.path: c.severities.total for c in audit.cases}
        desc = rows(p)
        assert [counts[x] for x in desc] == sorted(counts.values(), reverse=True)
        assert (
            p.evaluate("document.querySelector('th[data-key=findings]').ariaSort") == "descending"
        )
        assert p.evaluate("location.hash") == "#sort=findings-desc"
        p.click("#cases th[data-key=findings] button")
        assert [counts[x] for x in rows(p)] == sorted(counts.values())
        assert p.evaluate("location.hash") == "#sort=findings-asc"

        # text columns sort with Swedish collation (å ä ö after z)
        p.click("#cases th[data-key=namnd] button")
        namnder = p.evaluate(
            "Array.from(document.querySelectorAll('#cases tbody tr td:nth-child(2)'))"
            ".map(td => td.textContent)"
        )
        assert namnder == sorted(namnder, key=lambda s: s.casefold().translate(SWEDISH))

        # a case's link opens its findings
        p.click('a[href="#arende-3"]')
        opened = p.evaluate(
            "new Promise(r => setTimeout(() => r(document.getElementById('arende-3').open), 50))"
        )
        assert opened
        assert "ramtid" in p.evaluate("document.getElementById('arende-3').innerText")

        shot = p.screenshot(tmp_path / "rapport.png")
        requests = [
            ev["params"]["request"]["url"]
            for ev in browser.events
            if ev.get("method") == "Network.requestWillBeSent"
        ]
    assert requests == [report.as_uri()]  # the report itself, nothing else

    print(f"\nSkärmbild av rapporten: {shot}")
    if os.environ.get("JAMLINT_ARTIFACTS"):
        target = Path(os.environ["JAMLINT_ARTIFACTS"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / "report-screenshot.png")

    from PIL import Image

    with Image.open(shot) as im:
        width, height = im.size
    assert width == 1280 and height > 2000  # the whole page, not only the viewport
    # the bars are painted in their colours (not only present in the DOM)
    assert count_pixels(shot, hex_rgb(SEVERITY_COLORS[Severity.ERROR])) > 2000
    assert count_pixels(shot, hex_rgb(SEVERITY_COLORS[Severity.WARNING])) > 300


# z < å < ä < ö in Swedish; map them past "z" for a plain-Python comparison
SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}"})
