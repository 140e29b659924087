"""The lemmatizer component: `token.lemma_` from our forms table, compounds and sex prefixes.

See `jamlint.nlp.words` for the analysis and scripts/build_forms.py for why the forms come from
a small generated file instead of spaCy's lookup lemmatizer. Words our lexicons do not know get
their lower-case form as lemma.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jamlint.nlp.words import WordClassifier


class JamLemmatizer:
    def __init__(self) -> None:
        self.classifier: WordClassifier | None = None

    def setup(self, classifier: WordClassifier) -> None:
        self.classifier = classifier

    def __call__(self, doc: Doc) -> Doc:
        if self.classifier is None:
            raise RuntimeError("jam_lemmatizer is not set up: use jamlint.nlp.build_pipeline")
        info = self.classifier.info
        for token in doc:
            text = token.text
            if token.is_space:
                token.lemma_ = text
                continue
            found = info(token.lower_, text[:1].isupper())
            token.lemma_ = found.lemma if found is not None else token.lower_
        return doc


@Language.factory("jam_lemmatizer", assigns=["token.lemma"])
def make_lemmatizer(nlp: Language, name: str) -> JamLemmatizer:
    return JamLemmatizer()
