"""The custom attributes the jamlint components set on spaCy tokens and docs.

Token attributes (read them as `token._.jam_people` etc.):
- `jam_people`: a gender-blind noun for people ("elever", "gymnasieeleverna", "Malmöborna").
- `jam_sex`: a sex term ("kvinnor", "männen", "pojklag", "man" as a noun — not the pronoun),
  or part of a breakdown phrase ("fördelat på kön"); never inside a gender-blind phrase
  ("lika för kvinnor och män").
- `jam_measure`: the `Measure` a number before this word measures (PEOPLE for people nouns and
  sex terms, MONEY for "kronor", OBJECT for "boenden" …), or None.
- `jam_rate`: a rate that is about people by nature ("sjukfrånvaron", "personalomsättningen").

Doc attributes: `jam_quantities` (tuple of `Quantity`), `jam_phrases` (lexicon name -> tuple of
(start, end) token index pairs), `jam_marked` (indices of the tokens whose marks were set, so
that collecting them does not read every token's attributes — which is slow in spaCy).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

TOKEN_EXTENSIONS = {"jam_people": False, "jam_sex": False, "jam_measure": None, "jam_rate": False}
DOC_EXTENSIONS = {"jam_quantities": None, "jam_phrases": None, "jam_marked": None}


def register_extensions() -> None:
    """Register the attributes once per process (spaCy extensions are global)."""
    for name, default in TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
