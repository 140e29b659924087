"""jamlint: a linter for Swedish municipal case documents (tjänsteskrivelser).

It checks that a decision document describes the consequences for women and men, girls and boys
(SKR checklist item 7) and that statistics about people are broken down by sex (SKR item 6).
"""

__version__ = "0.1.0"
