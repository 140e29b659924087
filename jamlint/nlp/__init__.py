"""The Swedish NLP stage: tokens, lemmas, sentences, people and sex terms, quantities, phrases.

`build_pipeline()` builds it (importing spaCy lazily); `Pipeline.annotate(document)` turns a
`Document` into an `AnnotatedDocument` (see `jamlint.nlp.types`).
"""

from jamlint.nlp.pipeline import Pipeline, build_pipeline

__all__ = ["Pipeline", "build_pipeline"]
