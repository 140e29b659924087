#!/usr/bin/env python
"""What the NLP stage costs: spaCy import, pipeline build, annotation per page, peak memory.

    python benchmarks/nlp.py               # 50 pages of ~500 words
    python benchmarks/nlp.py --pages 200

Run it in a fresh process (it is one): the build time is what every `jamlint check` pays once,
and what a pre-commit hook pays on every commit.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Sentences in the style of a tjänsteskrivelse, with the number shapes the stage handles.
SENTENCES = [
    "På förvaltningen arbetar 110 medarbetare med månadslön.",
    "Andelen kvinnor ligger på ca 60 % och män ca 40 % vilket innebär en jämn könsfördelning.",
    "Personalomsättningen på 10,4 % bedöms ligga på en låg och förväntad nivå för perioden.",
    "Den totala sjukfrånvaron i förvaltningen är för året 4,7 % vilket är lägre än tidigare.",
    "Under höstterminen 2023 har 21 anmälningar om kränkande behandling kommit in.",
    "Det är 8 av 15 skolenheter som har anmält kännedom om kränkande behandling.",
    "I kommunen finns 1 240 elever i årskurs 7–9, varav 610 flickor och 630 pojkar.",
    "Enligt 3 kap. 5 § SoL ska nämnden t.ex. erbjuda stöd till ca 40 ensamkommande barn.",
    "Kostnaden beräknas till 12 000 kronor per plats, totalt 5 mnkr för 2025–2027.",
    "Man kan konstatera att hälften av eleverna och var tredje vårdnadshavare har svarat.",
    "Förslaget bedöms inte påverka jämställdheten eftersom det gäller alla oavsett kön.",
    "Beslutet fattades den 3 mars 2024 i ärende KS 2024/0123 och expedieras till nämnden.",
    "Drygt 300 nyanlända elever och ett tjugotal deltagare i feriearbete berörs av förslaget.",
    "Biblioteket har köpt in 40 böcker och kommunen har 12 boenden med 120 platser.",
]


def page_text(words_per_page: int = 500) -> list[str]:
    """One page as paragraphs of about 60 words."""
    paragraphs: list[str] = []
    current: list[str] = []
    words = 0
    i = 0
    while words < words_per_page:
        sentence = SENTENCES[i % len(SENTENCES)]
        current.append(sentence)
        words += len(sentence.split())
        i += 1
        if sum(len(s.split()) for s in current) >= 60:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def stock_blank_ms() -> float:
    """`spacy.blank("sv")` alone, in a fresh process, for comparison with our build."""
    code = (
        "import time, spacy; t = time.perf_counter(); spacy.blank('sv'); "
        "print(1000 * (time.perf_counter() - t))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args(argv)

    base = peak_mb()
    t0 = time.perf_counter()
    from jamlint.nlp.pipeline import import_spacy

    import_spacy()  # as the CLI does it: without spaCy's command-line package
    from jamlint.model import Block, BlockKind, DocFormat, Document
    from jamlint.model.layout import finalize

    t1 = time.perf_counter()
    after_import = peak_mb()
    from jamlint.nlp import build_pipeline

    pipeline = build_pipeline()
    t2 = time.perf_counter()
    after_build = peak_mb()

    paragraphs = page_text()
    words = sum(len(p.split()) for p in paragraphs)
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=p) for p in paragraphs * args.pages]
    document = Document(path="bench.txt", format=DocFormat.TEXT, blocks=finalize(blocks))
    pipeline.annotate(document)  # warm the caches, as the first document of a run does
    t3 = time.perf_counter()
    annotated = pipeline.annotate(document)
    t4 = time.perf_counter()
    quantities = sum(len(b.quantities) for b in annotated.blocks)

    print(f"import spaCy + model  : {1000 * (t1 - t0):7.1f} ms")
    print(f"build pipeline       : {1000 * (t2 - t1):7.1f} ms "
          f"(spacy.blank('sv') alone, fresh process: {stock_blank_ms():.1f} ms)")  # fmt: skip
    print(f"annotate, per page   : {1000 * (t4 - t3) / args.pages:7.1f} ms "
          f"({words} words, {len(paragraphs)} paragraphs; {args.pages} pages, "
          f"{quantities} quantities)")  # fmt: skip
    print(f"first document warm-up: {1000 * (t3 - t2):6.1f} ms for {args.pages} pages")
    print(f"peak RSS             : {peak_mb():7.1f} MB (start {base:.1f}, after import "
          f"{after_import:.1f}, after build {after_build:.1f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
