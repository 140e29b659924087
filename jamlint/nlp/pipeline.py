"""Build the Swedish NLP pipeline once per process and annotate documents with it.

The pipeline is a blank Swedish spaCy pipeline (tokenizer only, no statistical model; see
tokenizer.py for why it is not literally `spacy.blank("sv")`) plus rule-based components, in
this order:

    jam_merge_numbers  "1 240" -> one token                      (numbers.py)
    jam_lemmatizer     token.lemma_ from forms.tsv + compounds   (lemmatizer.py, words.py)
    jam_sentences      Swedish sentence boundaries               (sentences.py)
    jam_marker         token._.jam_people/_sex/_measure/_rate    (marking.py)
    jam_phrases        doc._.jam_phrases from phrase lexicons    (phrases.py)
    jam_quantities     doc._.jam_quantities                      (quantities.py)

Why so small: a pre-commit hook runs `jamlint check` on every commit, so start-up is paid again
and again. Building costs less than `spacy.blank("sv")` alone (see benchmarks/nlp.py). spaCy
is imported inside `build_pipeline`, never at module import, so `jamlint --version` does not
pay for it.

Offsets in the result are character offsets into each `Block.text`.
"""

from __future__ import annotations

import sys
import types

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jamlint.model import Block, BlockKind, Document
from jamlint.nlp.lexicons import Lexicons, load_lexicons
from jamlint.nlp.types import AnnotatedBlock, AnnotatedDocument, Sentence, TextSpan
from jamlint.nlp.words import WordClassifier

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIPE_NAMES = (
    "jam_merge_numbers",
    "jam_lemmatizer",
    "jam_sentences",
    "jam_marker",
    "jam_phrases",
    "jam_quantities",
)
SEX_BREAKDOWN = "sex_breakdown"
BATCH_SIZE = 256
MAX_BLOCK_CHARS = 20_000_000
CELL = "|"


@dataclass(frozen=True)
class Pipeline:
    """A built pipeline: reuse it for every document of a run."""

    nlp: Language
    lexicons: Lexicons
    classifier: WordClassifier

    @property
    def phrase_names(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.lexicons.phrases) | set(self.lexicons.patterns)))

    def annotate(self, document: Document) -> AnnotatedDocument:
        """Annotate every block (headings, paragraphs, list items, tables and table cells)."""
        blocks = document.blocks
        docs = self.nlp.pipe((b.text for b in blocks), batch_size=BATCH_SIZE)
        annotated = tuple(_annotated_block(b, d) for b, d in zip(blocks, docs, strict=True))
        return AnnotatedDocument(document=document, blocks=annotated)

    def annotate_text(self, text: str, kind: BlockKind = BlockKind.PARAGRAPH) -> AnnotatedBlock:
        """Annotate one piece of text as a block of its own (tests, rule examples)."""
        block = Block(kind=kind, text=text)
        return _annotated_block(block, self.nlp(text))


def import_spacy() -> None:
    """Import spaCy without its command-line package.

    `spacy/__init__.py` imports `spacy.cli.info`, which loads every spaCy CLI command (typer,
    the model downloader …): about 150 ms of the 0.5 s a pre-commit hook pays on every commit,
    for code jamlint never calls. A placeholder `spacy.cli` stands in while spaCy's own package
    initialises and is removed right after, so an explicit `import spacy.cli` still gets the
    real one. If a spaCy release stops accepting this, the plain import is used.
    """
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    info = types.ModuleType("spacy.cli.info")

    def _not_loaded(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("spacy.cli is not loaded by jamlint; import spacy.cli explicitly")

    info.info = _not_loaded  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        import spacy  # noqa: F401
    except Exception:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        for name in stubs:
            sys.modules.pop(name, None)
        import spacy  # noqa: F401,F811
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        spacy_mod = sys.modules.get("spacy")
        if spacy_mod is not None and getattr(spacy_mod, "cli", None) is cli:
            delattr(spacy_mod, "cli")


def build_pipeline(
    extra_lexicon_words: Mapping[str, Sequence[str]] | None = None,
    extra_phrase_dirs: Sequence[Path] = (),
) -> Pipeline:
    """Build the pipeline (once per process; pass it down to whoever annotates).

    `extra_lexicon_words` adds a municipality's own words: keys are word lexicons ("people",
    "sex_terms", "rate_nouns", "money", "object", …), list lexicons ("abbreviations",
    "sex_prefixes", "sex_exceptions"), context lists, or phrase lexicon names (an unknown name
    creates a phrase lexicon, e.g. "gender_headings"). `extra_phrase_dirs` are directories of
    further `<name>.txt` phrase files.
    """
    import_spacy()
    # Importing the component modules registers their factories with spaCy.
    from jamlint.nlp import lemmatizer, marking, numbers, phrases, quantities, sentences
    from jamlint.nlp.extensions import register_extensions
    from jamlint.nlp.tokenizer import swedish

    del numbers, lemmatizer, sentences, marking, phrases, quantities
    lexicons = load_lexicons(extra_lexicon_words, extra_phrase_dirs)
    classifier = WordClassifier(lexicons)
    register_extensions()
    nlp = swedish()
    # spaCy refuses texts over 1,000,000 characters by default (a guard for its parser's
    # memory); a one-paragraph text file can be larger, and our components are linear.
    nlp.max_length = MAX_BLOCK_CHARS
    _add_abbreviations(nlp, lexicons.abbreviations)
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    nlp.get_pipe("jam_lemmatizer").setup(classifier)
    nlp.get_pipe("jam_sentences").setup(lexicons)
    nlp.get_pipe("jam_marker").setup(lexicons, classifier)
    nlp.get_pipe("jam_phrases").setup(lexicons, nlp.get_pipe("jam_lemmatizer"))
    nlp.get_pipe("jam_quantities").setup(lexicons, classifier)
    return Pipeline(nlp=nlp, lexicons=lexicons, classifier=classifier)


def _add_abbreviations(nlp: Language, abbreviations: Iterable[str]) -> None:
    """Keep abbreviations whole ("ca.", "st.", "nr.") so the period is not a sentence end."""
    from spacy.attrs import ORTH

    tokenizer = nlp.tokenizer
    for abbreviation in abbreviations:
        if "." not in abbreviation and ":" not in abbreviation:
            continue
        for variant in {abbreviation, abbreviation.lower(), abbreviation.capitalize()}:
            if len(tokenizer(variant)) > 1:  # adding a case flushes caches: only when needed
                tokenizer.add_special_case(variant, [{ORTH: variant}])


# -- from a spaCy Doc to the stage's frozen types -------------------------------------------
def _annotated_block(block: Block, doc: Doc) -> AnnotatedBlock:
    text = block.text  # == doc.text, which spaCy would rebuild from the tokens on every read
    phrases = doc._.jam_phrases or {}
    marked = [doc[i] for i in sorted(doc._.jam_marked or ())]
    return AnnotatedBlock(
        block=block,
        sentences=_sentences(doc, text),
        quantities=tuple(doc._.jam_quantities or ()),
        sex_terms=_sex_terms(doc, text, marked, phrases.get(SEX_BREAKDOWN, ())),
        people=tuple(_token_span(t) for t in marked if t._.jam_people or t._.jam_rate),
        phrases={
            name: tuple(_text_span(doc, text, s, e) for s, e in spans)
            for name, spans in phrases.items()
        },
        doc=doc,
    )


def _sentences(doc: Doc, text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for sent in doc.sents:
        # cell borders of a rendered table row are not part of a cell's sentence
        words = [t for t in sent if not t.is_space]
        while words and words[0].text == CELL:
            words.pop(0)
        while words and words[-1].text == CELL:
            words.pop()
        if words:
            out.append(Sentence(_text_span(doc, text, words[0].i, words[-1].i + 1)))
    return tuple(out)


def _sex_terms(
    doc: Doc, text: str, marked: list[Any], breakdown: Iterable[tuple[int, int]]
) -> tuple[TextSpan, ...]:
    """Breakdown phrases as whole spans, plus sex-term tokens outside them."""
    spans = [_text_span(doc, text, s, e) for s, e in breakdown]
    covered = {i for s, e in breakdown for i in range(s, e)}
    spans += [_token_span(t) for t in marked if t._.jam_sex and t.i not in covered]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def _token_span(token: Any) -> TextSpan:
    return TextSpan(token.idx, token.idx + len(token.text), token.text)


def _text_span(doc: Doc, text: str, start: int, end: int) -> TextSpan:
    first, last = doc[start], doc[end - 1]
    begin, finish = first.idx, last.idx + len(last.text)
    return TextSpan(begin, finish, text[begin:finish])
