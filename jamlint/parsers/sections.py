"""The sectioniser: assigns every block to its section and says what each section is about.

Headings define sections (a section runs to the next heading of the same or a higher level).
Section kinds come from heading variants kept as data in `rules/sections.yaml`, compiled once
per run (`HeadingClassifier.load`). A municipality's own variants are added from configuration.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files

import yaml

from jamlint.model import Block, BlockKind, Section, SectionKind

# libyaml's loader when PyYAML was built with it (rule files are read on every start-up)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def normalise_heading(text: str) -> str:
    """Lower case, without leading numbering ("3.2 ") or a trailing colon."""
    text = _SPACES.sub(" ", text).strip()
    text = _NUMBERING.sub("", text)
    return text.rstrip(" :.").lower()


def display_heading(text: str) -> str:
    """The heading as written, without numbering or a trailing colon (for excerpts)."""
    text = _SPACES.sub(" ", text).strip()
    return _NUMBERING.sub("", text).rstrip(" :")


def _sections_yaml() -> dict[str, list[str]]:
    text = files("jamlint._rules").joinpath("sections.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=SAFE_LOADER) or {}
    return {str(k): [str(p) for p in v] for k, v in data.items()}


def load_heading_variants() -> dict[str, list[str]]:
    """The built-in heading variants from rules/sections.yaml, by section kind."""
    return {k: v for k, v in _sections_yaml().items() if k != NOT_A_SECTION}


def load_not_section_patterns() -> list[str]:
    """Patterns of headings that name no part of the document (a nämnd's name)."""
    return _sections_yaml().get(NOT_A_SECTION, [])


NOT_A_SECTION = "not-a-section"


def _alternation(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class HeadingClassifier:
    """Compiled heading patterns: one alternation per section kind."""

    patterns: tuple[tuple[SectionKind, re.Pattern[str]], ...]
    # headings that name no part of the document whatever words they hold: the name of a
    # nämnd or förvaltning ("Barn- och utbildningsnämnden" is not a children section)
    not_sections: re.Pattern[str] | None = None

    @classmethod
    def load(cls, extra: Mapping[str, Sequence[str]] | None = None) -> HeadingClassifier:
        variants = load_heading_variants()
        for kind, pats in (extra or {}).items():
            variants.setdefault(kind, []).extend(pats)
        excluded = load_not_section_patterns() + list(variants.pop(NOT_A_SECTION, []))
        compiled = []
        for kind, pats in variants.items():
            if not pats:
                continue
            compiled.append((SectionKind(kind), _alternation(pats)))
        return cls(tuple(compiled), _alternation(excluded) if excluded else None)

    def classify(self, heading: str) -> tuple[SectionKind, ...]:
        norm = normalise_heading(heading)
        if self.not_sections is not None and self.not_sections.search(norm):
            return ()
        return tuple(kind for kind, pat in self.patterns if pat.search(norm))

    def is_known_heading(self, text: str) -> bool:
        return bool(self.classify(text))


def sectionise(
    blocks: Sequence[Block], classifier: HeadingClassifier
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Assign `Block.section` and build the section tree from finalized blocks.

    Section 0 is the untitled front matter (everything before the first heading). A section's
    `end` includes its subsections. A kind inherited from a parent is not copied to the child:
    rules that want "inside a consequences block" walk `parent`.
    """
    front = {"index": 0, "title": "", "level": 0, "heading_block": None, "parent": None,
             "kinds": (), "start": 0}
    open_sections: list[dict] = [front]
    all_sections: list[dict] = [front]
    assigned: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            level = block.level or 1
            while len(open_sections) > 1 and open_sections[-1]["level"] >= level:
                open_sections.pop()["end"] = block.index
            sec = {
                "index": len(all_sections),
                "title": display_heading(block.text),
                "level": level,
                "heading_block": block.index,
                "parent": open_sections[-1]["index"],
                "kinds": classifier.classify(block.text),
                "start": block.index,
            }
            all_sections.append(sec)
            open_sections.append(sec)
        assigned.append(block.model_copy(update={"section": open_sections[-1]["index"]}))
    total = len(blocks)
    for sec in open_sections:
        sec["end"] = total
    # the front matter spans everything (it is the root)
    all_sections[0]["end"] = total
    _clear_title_kinds(all_sections)
    return tuple(assigned), tuple(Section(**s) for s in all_sections)


# the usual parts of a case document; a heading above them is the document's title
PART_KINDS = frozenset({SectionKind.PROPOSAL, SectionKind.SUMMARY, SectionKind.BACKGROUND,
                        SectionKind.DECISION_BASIS, SectionKind.DISTRIBUTION})  # fmt: skip


def _clear_title_kinds(sections: list[dict]) -> None:
    """A title above the usual parts names the document's subject, not a part of it: "Ny
    organisation för orosanmälningar om barn och unga" does not make the whole document its
    children section, nor "Instiftande av jämställdhetspris" its gender section."""
    parts = [s for s in sections if PART_KINDS.intersection(s["kinds"])]
    if not parts:
        return
    first_part = min(s["start"] for s in parts)
    parents = {s["parent"] for s in parts}
    for sec in sections:
        # a title stands before the parts; a later heading whose subheadings a template's
        # font sizes nest wrongly ("Jämställdhet" over "Beslutsunderlag") keeps its kind
        if (
            sec["index"] in parents
            and sec["start"] < first_part
            and not PART_KINDS.intersection(sec["kinds"])
        ):
            sec["kinds"] = ()
