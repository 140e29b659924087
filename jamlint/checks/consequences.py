"""Checks for SKR item 7: are the consequences for women and men, girls and boys described?

The gender description is judged on the whole document: a gender section (any heading of the
gender family, rules/sections.yaml) is read sentence by sentence, and a description written
elsewhere — a document with no gender heading whose background says how the decision affects
women and men — counts too. One shared analysis (`gender_analysis`) is computed per document and
read by every rule here, so the rules agree with each other:

- a section sentence is *substantive* when it names the sexes and says something about them
  (a difference, an effect, figures) without being a gender-blind formula ("oavsett kön");
- a section is *motivated not relevant* when a claim of no consequences comes with a reason
  that is not itself gender-blind;
- outside gender sections, a sentence counts when it names the sexes, refers to the decision or
  its target group, and says how they are affected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from pydantic import BaseModel, ConfigDict

from jamlint.checks.common import (
    clause_around,
    content_blocks,
    cues_only_in_goals,
    has_phrase,
    in_sections_of_kind,
    lemma_at,
    lexicon_lines,
    phrases,
    sex_terms_in,
    sexes_beyond_counts,
    within,
)
from jamlint.engine.kinds.sections import (
    NEGATION,
    boilerplate_sentence,
    has_reason,
    heading_hit,
    sentence_hit,
)
from jamlint.engine.rule import Check, Hit, RuleContext
from jamlint.model import Block, BlockKind, Section, SectionKind
from jamlint.nlp.types import AnnotatedBlock, Measure, Sentence, TextSpan

GENDER_BLIND = "gender_blind"
NOT_RELEVANT = "not_relevant"
MOTIVATION = "motivation"
MOTIVATION_BACK = "motivation_back"
MOTIVATION_SELF = "motivation_self"
ANALYSIS = "analysis_cues"
DECISION = "decision_refs"
EFFECT = "effect_verbs"
FORWARD = "forward_markers"
DEFINITION = "definitions"
GOALS = "equality_goals"
INTERSECTIONAL = "intersectional"
PROMPTS = "placeholder_prompts"
MIN_REASON_WORDS = 3
# a template prompt in brackets: "[Beskriv konsekvenser för kvinnor och män …]"
PLACEHOLDER = re.compile(r"[\[<](?:Beskriv|Ange|Skriv|Fyll|Redogör|Klicka|Infoga)[^\]>\n]*[\]>]")
_WORD = re.compile(r"\w+")


class Verdict(str, Enum):
    EMPTY = "empty"
    ANALYSIS = "analysis"
    MOTIVATED = "motivated"
    GENDER_BLIND = "gender_blind"
    NOT_RELEVANT = "not_relevant"
    SUPERFICIAL = "superficial"
    DEFINITION = "definition"  # only a definition of gender equality and the goals
    OFF_TOPIC = "off_topic"  # text about something else: no sex, no gender equality named


@dataclass(frozen=True)
class SentenceRef:
    block: int
    sentence: Sentence

    @property
    def text(self) -> str:
        return self.sentence.span.text


@dataclass(frozen=True)
class GenderSection:
    """A gender description's place: a section under a heading, a run-in label
    ("Jämställdhet: …") or a template table row ("Jämställdhet | Ej aktuellt")."""

    title: str
    heading_block: int | None
    sentences: tuple[SentenceRef, ...]
    verdict: Verdict
    evidence: SentenceRef | None  # the sentence a finding quotes


@dataclass
class GenderAnalysis:
    sections: list[GenderSection] = field(default_factory=list)
    body: list[SentenceRef] = field(default_factory=list)  # descriptions outside gender sections

    @property
    def has_description(self) -> bool:
        ok = (Verdict.ANALYSIS, Verdict.MOTIVATED)
        return bool(self.body) or any(s.verdict in ok for s in self.sections)

    @property
    def analysis_refs(self) -> list[SentenceRef]:
        """All sentences of a real analysis: good gender sections and body descriptions."""
        refs = list(self.body)
        for s in self.sections:
            if s.verdict is Verdict.ANALYSIS:
                refs.extend(s.sentences)
        return refs


def is_gender_blind(ab: AnnotatedBlock, sent: Sentence) -> bool:
    return has_phrase(ab, GENDER_BLIND, sent)


def is_substantive(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """Names the sexes and says something about them, without a gender-blind formula; a
    checklist's question ("Påverkas flickor och pojkar olika av förslaget?") says nothing."""
    if not sex_terms_in(ab, sent) or has_phrase(ab, NOT_RELEVANT, sent):
        return False
    if sent.span.text.rstrip().endswith("?"):
        return False
    if has_phrase(ab, DEFINITION, sent) and not has_phrase(ab, DECISION, sent):
        return False  # a general statement, unless tied to this decision
    said = (
        has_phrase(ab, ANALYSIS, sent)
        or has_phrase(ab, EFFECT, sent)
        or any(q.sex and within(q.span, sent) for q in ab.quantities)
    )
    if not said:
        return False
    if is_gender_blind(ab, sent):
        # evidence beats the formula: figures by sex ("150 flickor och 162 pojkar … påverkar
        # dem på samma sätt"), or a difference named beside it ("både kvinnor och män … men
        # kvinnor går oftare")
        if any(q.sex and within(q.span, sent) for q in ab.quantities):
            return True
        return has_phrase(ab, ANALYSIS, sent) and any(
            t.text.lower() not in _blind_words(ab, sent) for t in sex_terms_in(ab, sent)
        )
    return True


def _figures_only(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sentence that only states figures by sex: no analysis cue but one that reports a
    source ("Trygghetsmätningen visar att …"), no effect named."""
    reporting = set(lexicon_lines("reporting_cues"))
    cues = [c for c in phrases(ab, ANALYSIS) if within(c, sent) and c.text.lower() not in reporting]
    return not cues and not has_phrase(ab, EFFECT, sent)


def _blind_words(ab: AnnotatedBlock, sent: Sentence) -> set[str]:
    out: set[str] = set()
    for span in phrases(ab, GENDER_BLIND):
        if within(span, sent):
            out.update(w.lower() for w in _WORD.findall(span.text))
    return out


def is_motivated(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A reason of a recognised kind, not itself gender-blind ("… eftersom det gäller alla
    oavsett kön" is no reason)."""
    if is_gender_blind(ab, sent):
        return False
    if has_reason(ab, sent, MOTIVATION, MIN_REASON_WORDS) or has_phrase(ab, MOTIVATION_SELF, sent):
        return True
    return _reason_then_claim(ab, sent)


def _reason_then_claim(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A reason and the claim it leads to in one sentence: "Kvinnor och män använder parken i
    lika stor utsträckning enligt besöksräkningen, och förslaget bedöms därför inte påverka dem
    olika." — the part before "därför" is neither a claim nor short."""
    claims = [c for c in phrases(ab, NOT_RELEVANT) if within(c, sent)]
    backs = [b for b in phrases(ab, MOTIVATION_BACK) if within(b, sent)]
    if not claims or not backs:
        return False
    end = min(backs[0].start, *(c.start for c in claims))
    before = sent.span.text[: end - sent.span.start]
    return len(_WORD.findall(before)) >= MIN_REASON_SENTENCE_WORDS


def describes_outside_section(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A consequence description written in the background or assessment: it names the sexes,
    ties the sentence to the decision or to an expected effect, and says how they are affected.
    ("Andelen kvinnor är 60 procent" describes the staff, not a consequence.)"""
    if not is_substantive(ab, sent) or _only_counted(ab, sent) or _analysed_elsewhere(ab, sent):
        return False  # "Hur … påverkar kvinnor och män analyserades när …": a pointer
    tied = _tied_to_decision(ab, sent) or _forward(ab, sent) or _refers_back(ab, sent)
    said = _has_effect(ab, sent) or has_phrase(ab, ANALYSIS, sent)
    return (tied and said) or acts_on_sex(ab, sent)


# "… inte påverka barn negativt": a bad effect denied, not any effect
_ONLY_NEGATIVE = re.compile(r"(?:\s+\w+){0,3}?\s+negativt\b", re.IGNORECASE)


def effect_follows(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sentence on the sexes whose next sentence says what the decision does for them
    ("För de äldre kvinnorna i byarna är närtrafiken ofta det enda sättet att … Utökningen ger
    dem större möjlighet att klara sig på egen hand.")."""
    if not sex_terms_in(ab, sent) or sent.span.text.rstrip().endswith("?"):
        return False
    if has_phrase(ab, NOT_RELEVANT, sent) or is_gender_blind(ab, sent):
        return False
    after = [s for s in ab.sentences if s.span.start >= sent.span.end]
    if not after or sex_terms_in(ab, after[0]):
        return False
    nxt = after[0]
    them = _THEM.search(nxt.span.text) is not None
    if them and _has_effect(ab, nxt) and _tied_to_decision(ab, nxt):
        return True
    # (or what it means for them, and then what the decision does about it: "För dem är
    # dagverksamheten ofta den huvudsakliga sociala kontakten …, och en lång och ensam resa kan
    # leda till att de avstår. Förvaltningen föreslår därför att resan görs med …")
    then = after[1] if len(after) > 1 else None
    return (
        them and _has_effect(ab, nxt) and then is not None and not sex_terms_in(ab, then)
        and _tied_to_decision(ab, then) and _THEREFORE.search(then.span.text) is not None
    )  # fmt: skip


# a pronoun for the people of the sentence before: "ger dem", "deras möjligheter"
_THEM = re.compile(r"\b(?:dem|deras)\b", re.IGNORECASE)


# taking part, not being affected: "vill vara med och påverka", "möjlighet att påverka"
_PARTICIPATION = re.compile(
    r"(?:\bvara\s+med\s+och|\bmöjlighet(?:en|er)?\s+att|\bhur\s+man\s+gör\s+för\s+att)\s+$", re.IGNORECASE
)


def _has_effect(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """An effect phrase in the sentence, not the verb of taking part ("vill vara med och
    påverka i kommunen")."""
    text = ab.block.text
    return any(
        within(p, sent) and not _PARTICIPATION.search(text[max(0, p.start - 25) : p.start])
        for p in phrases(ab, EFFECT)
    )


def _forward(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """An expected effect ("Belysningen väntas öka kvinnors trygghet"), not further study
    announced ("… vilket HR-avdelningen kommer att analysera vidare")."""
    study = set(lexicon_lines("study_verbs"))
    text = ab.block.text
    return any(
        within(p, sent) and (m := _NEXT_WORD.match(text, p.end)) is not None
        and m.group(1).lower() not in study
        and not _IN_RELATIVE_CLAUSE.search(text, max(sent.span.start, p.start - 25), p.start)
        for p in phrases(ab, FORWARD)
    )  # fmt: skip


_NEXT_WORD = re.compile(r"\W*(\w*)")
# what a thing named before does in general ("extratjänster, som oftare leder till en
# anställning"), not what the decision is expected to do
_IN_RELATIVE_CLAUSE = re.compile(r"\bsom\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _only_counted(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sexes appear only as counts ("26 medarbetare, varav 19 män och 7 kvinnor, och
    använder konsulter främst vid toppar …"), and no cue of effect or analysis shares a clause
    with them: a statistic, not a description."""
    figures = [q.excerpt for q in ab.quantities if q.sex and within(q.span, sent)]
    if not figures or sexes_beyond_counts(ab, sent):
        return False
    text = ab.block.text
    cues = [c for name in (EFFECT, ANALYSIS) for c in phrases(ab, name) if within(c, sent)]
    for cue in cues:
        left, right = clause_around(text, sent, cue)
        if any(left <= f.start < right for f in figures):
            return False
    return True


_BACK = re.compile(r"\s*(?:det|detta|det här|denna|dessa|åtgärden|förändringen)\b", re.IGNORECASE)


def _refers_back(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """ "Planen ersätter den med en upplyst passage. Det gör framför allt kvinnor tryggare
    …": a sentence that opens on what the sentence before it says the decision does."""
    if not _BACK.match(sent.span.text):
        return False
    before = [s for s in ab.sentences if s.span.end <= sent.span.start]
    return bool(before) and _tied_to_decision(ab, before[-1])


_PAST = re.compile(r"\b(?:efter|sedan)\s+$", re.IGNORECASE)


def _tied_to_decision(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence speaks of the decision, not of an earlier one whose results it reports
    ("… har förbättrats efter satsningen på lärarledd läxhjälp")."""
    text = ab.block.text
    return any(
        within(p, sent)
        and not _PAST.search(text[max(sent.span.start, p.start - 12) : p.start])
        and not _QUALIFIED.search(text[max(sent.span.start, p.start - 30) : p.start])
        for p in phrases(ab, DECISION)
    )


# "de studiemotiverande insatserna": services of a kind there are, not this decision's ("de nya
# insatserna" and "de föreslagna åtgärderna" are the decision's)
_QUALIFIED = re.compile(
    r"\b(?:de|den|det)\s+(?!nya\b|föreslagna\b|planerade\b|beslutade\b)\w+[ae]\s+$", re.IGNORECASE
)


IMPACT_WINDOW = 40  # characters between an impact verb and the sex term it acts on
_CLAUSE_BREAK = re.compile(r"[,;:]")


def acts_on_sex(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """An impact verb with a sex term close after it: "påverkar höjningen kvinnor mer"."""
    verbs = set(lexicon_lines("impact_verbs"))
    terms = sex_terms_in(ab, sent)
    if not terms or ab.doc is None:
        return False
    text = ab.block.text
    for token in ab.doc:
        if not (sent.span.start <= token.idx < sent.span.end) or token.lower_ not in verbs:
            continue
        end = token.idx + len(token.text)
        # in the verb's clause: not "vill vara med och påverka, jämfört med 51 procent bland killarna"
        if any(0 <= t.start - end <= IMPACT_WINDOW and not _CLAUSE_BREAK.search(text, end, t.start) for t in terms):
            return True
    return False


def _weak_heading(title: str) -> bool:
    norm = title.lower().strip()
    return any(re.search(p, norm) for p in lexicon_lines("gender_headings_weak"))


def _mentions_gender(ctx: RuleContext, blocks: list[Block]) -> bool:
    for block in blocks:
        ab = ctx.blocks[block.index]
        if sex_terms_in(ab) or re.search(r"jämställd|\bkön", block.text, re.IGNORECASE):
            return True
    return False


def _sentences(ctx: RuleContext, blocks: list[Block]) -> list[SentenceRef]:
    refs = []
    for block in blocks:
        if block.kind in (BlockKind.TABLE, BlockKind.HEADING):
            continue
        ab = ctx.blocks[block.index]
        holes = [m.span() for m in PLACEHOLDER.finditer(block.text)]
        holes.extend((p.start, p.end) for p in phrases(ab, PROMPTS))
        for s in ab.sentences:
            if not s.span.text.strip() or _covered(s, holes):
                continue
            refs.append(SentenceRef(block.index, s))
    return refs


def _covered(sent: Sentence, holes: list[tuple[int, int]]) -> bool:
    """A sentence that is (mostly) a template prompt is not content."""
    inside = sum(max(0, min(e, sent.span.end) - max(s, sent.span.start)) for s, e in holes)
    return inside >= 0.5 * len(sent.span.text.strip())


def _judge(ctx: RuleContext, refs: list[SentenceRef]) -> tuple[Verdict, SentenceRef | None]:
    if not refs:
        return Verdict.EMPTY, None
    first: dict[Verdict, SentenceRef] = {}
    for ref in refs:
        ab = ctx.blocks[ref.block]
        s = ref.sentence
        if _analysed_elsewhere(ab, s):
            # "Konsekvenserna för kvinnor och män redovisas i planbeskrivningen": a reason
            first.setdefault(Verdict.MOTIVATED, ref)
            continue
        if is_substantive(ab, s) and not _names_goals_only(ab, s):
            first.setdefault(Verdict.ANALYSIS, ref)
        if is_motivated(ab, s):
            first.setdefault(Verdict.MOTIVATED, ref)
        if is_gender_blind(ab, s):
            first.setdefault(Verdict.GENDER_BLIND, ref)
    if Verdict.ANALYSIS in first and Verdict.GENDER_BLIND in first and all(
        _figures_only(ctx.blocks[r.block], r.sentence)
        for r in refs
        if is_substantive(ctx.blocks[r.block], r.sentence)
    ):
        # "Av de 640 aktiva är 452 pojkar och 188 flickor. … Planen kan bokas av alla lag,
        # oavsett kön.": figures restated, then a formula — no analysis of them
        del first[Verdict.ANALYSIS]
    if Verdict.MOTIVATED not in first and Verdict.ANALYSIS not in first:
        reasoned = _reason_before_claim(ctx, refs)
        if reasoned is not None:
            first[Verdict.MOTIVATED] = reasoned
    for verdict in (Verdict.ANALYSIS, Verdict.MOTIVATED):
        if verdict in first:
            return verdict, first[verdict]
    # a definition and the list of national goals, whatever words they use ("en jämn
    # fördelning av makt och inflytande"), describe nothing about this decision
    general = [_general_statement(ctx.blocks[r.block], r.sentence) for r in refs]
    named = any(
        has_phrase(ctx.blocks[r.block], DEFINITION, r.sentence)
        or has_phrase(ctx.blocks[r.block], GOALS, r.sentence)
        for r in refs
    )
    if all(general) and named:
        return Verdict.DEFINITION, refs[0]
    if Verdict.GENDER_BLIND in first:
        return Verdict.GENDER_BLIND, first[Verdict.GENDER_BLIND]
    # a checklist's questions are the template's, not the officer's text
    pairs = [
        (ctx.blocks[r.block], r.sentence)
        for r in refs
        if not r.sentence.span.text.rstrip().endswith("?")
    ]
    claim = boilerplate_sentence(pairs, NOT_RELEVANT, MOTIVATION, 2, MIN_REASON_WORDS)
    if claim is None and len(pairs) < len(refs):
        # a checklist answered "Nej" with a claim in its comment column
        claim = next(((ab, s) for ab, s in pairs if has_phrase(ab, NOT_RELEVANT, s)), None)
    if claim is None and not any(_names_sexes(ab, s) for ab, s in pairs):
        # "En jämställdhetsanalys har genomförts. Förslaget bedöms inte påverka kvinnor och
        # män olika.": the other sentences give no reason and describe no one
        claim = next(((ab, s) for ab, s in pairs if has_phrase(ab, NOT_RELEVANT, s)), None)
    if claim is not None:
        ab, sent = claim
        return Verdict.NOT_RELEVANT, SentenceRef(ab.block.index, sent)
    if not any(_on_gender(ctx.blocks[r.block], r.sentence) for r in refs):
        # "Hallen byggs enligt Miljöbyggnad Silver …" under "Konsekvenser för jämställdhet":
        # the section describes something else, so the document has no description
        return Verdict.OFF_TOPIC, refs[0]
    # the sentence that names the sexes without saying how they are affected ("Insatsen
    # erbjuds både kvinnor och män."), else the first
    named_sexes = (r for r in refs if sex_terms_in(ctx.blocks[r.block], r.sentence))
    return Verdict.SUPERFICIAL, next(named_sexes, refs[0])


def _names_sexes(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sentence other than a claim that names women, men, girls or boys ("Insatsen erbjuds
    både kvinnor och män."), not sex as a category ("könsuppdelad statistik")."""
    if has_phrase(ab, NOT_RELEVANT, sent):
        return False
    return any("kön" not in t.text.lower() for t in sex_terms_in(ab, sent))


ANALYSED_ELSEWHERE = "analysed_elsewhere"


def _analysed_elsewhere(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence says the gender analysis is in another document."""
    return has_phrase(ab, ANALYSED_ELSEWHERE, sent) and _on_gender(ab, sent)


_GENDER_WORD = re.compile(r"jämställ|\bkön|genus", re.IGNORECASE)


def _on_gender(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence speaks of the sexes or of gender equality at all."""
    return bool(sex_terms_in(ab, sent)) or bool(_GENDER_WORD.search(sent.span.text))


def _general_statement(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A definition of gender equality, a goal, or a policy statement that neither names the
    sexes nor this decision ("I kommunens styrmodell ingår jämställdhet …")."""
    if has_phrase(ab, DECISION, sent) or has_phrase(ab, NOT_RELEVANT, sent):
        return False
    if is_gender_blind(ab, sent):
        return False
    general = has_phrase(ab, DEFINITION, sent) or has_phrase(ab, GOALS, sent)
    return general or not sex_terms_in(ab, sent)


def _names_goals_only(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The list of national delmål or a definition, which names the sexes ("… och att mäns
    våld mot kvinnor ska upphöra") without saying anything about this decision."""
    named = has_phrase(ab, DEFINITION, sent) or has_phrase(ab, GOALS, sent)
    if not named or not _general_statement(ab, sent) or has_phrase(ab, EFFECT, sent):
        return False  # "Rutinen väntas öka andelen kvinnor och bidrar till delmålet …"
    if has_phrase(ab, GOALS, sent):
        return cues_only_in_goals(ab, sent)  # the goals' own words are no analysis
    return not has_phrase(ab, ANALYSIS, sent)  # a definition, analysing nothing


MIN_REASON_SENTENCE_WORDS = 6


def _reason_before_claim(ctx: RuleContext, refs: list[SentenceRef]) -> SentenceRef | None:
    """A claim that refers back ("… och har därför inga konsekvenser") to a reason stated in
    an earlier sentence of the section that is neither a claim nor gender-blind."""
    for i, ref in enumerate(refs):
        ab = ctx.blocks[ref.block]
        s = ref.sentence
        if not (has_phrase(ab, NOT_RELEVANT, s) and has_phrase(ab, MOTIVATION_BACK, s)):
            continue
        if is_gender_blind(ab, s):
            continue
        for earlier in refs[:i]:
            eab = ctx.blocks[earlier.block]
            es = earlier.sentence
            if is_gender_blind(eab, es):
                continue
            if len(_WORD.findall(_before_claim(eab, es))) >= MIN_REASON_SENTENCE_WORDS:
                return ref
    return None


def _before_claim(ab: AnnotatedBlock, sent: Sentence) -> str:
    """The sentence's text before its first claim ("Planen reglerar endast hur handlingar
    arkiveras inom förvaltningen och [berör inte invånarna]"): a reason when long enough."""
    claims = [c.start for c in phrases(ab, NOT_RELEVANT) if within(c, sent)]
    end = min(claims) if claims else sent.span.end
    return sent.span.text[: end - sent.span.start]


def gender_analysis(ctx: RuleContext) -> GenderAnalysis:
    return ctx.memo("gender_analysis", lambda: _analyse(ctx))


NEGATED_EFFECT = re.compile(
    r"\b(berör|berörs|påverkar|påverkas|ändrar|ändras|riktar sig|gäller)\b(?:\s+\w+){0,2}?\s+"
    r"(inte|ej)\b(?!\s+(?:bara|enbart|endast|minst|heller))"
    # a subordinate clause puts the negation first: "bedömer att förslaget inte berör barn"
    r"|\b(?:inte|ej)\s+(?!bara\b|enbart\b|endast\b|minst\b)(?:\w+\s+)?"
    r"(?:berör|beröra|påverkar|påverka|riktar sig till|rikta sig till|gäller)\s+barn"
    # a relative clause's passive: "…, som inte berörs av förslaget"
    r"|\bsom\s+(?:inte|ej)\s+(?:berörs|påverkas|ändras)\b"
    # or after another predicate: "…, som är avgiftsfria och inte berörs av förslaget"
    r"|\boch\s+(?:inte|ej)\s+(?:berörs|påverkas|ändras)\s+av\s+(?:förslaget|beslutet)\b"
    # those concerned have no children: "Ingen av de personer som är aktuella … har barn"
    r"|\b(?:ingen|inga)\b[^.;]{0,80}?\bhar\s+barn\b|\bhar\s+inga\s+barn\b"
    # "Ärendet innehåller inga förslag som påverkar barn"
    r"|\b(?:inga|inget|ingen)\s+\w+\s+som\s+(?:påverkar|berör|rör)\s+barn"
    # "innebär (i sig) inga beslut om verksamhet för barn och unga", "ändrar ingen verksamhet för
    # barn", "påverkar inga verksamheter som riktar sig till barn", "innebär inget beslut om
    # förändrade insatser som berör barn"
    r"|\b(?:innebär|ändrar|medför|innehåller|påverkar|berör)\s+(?:i\s+sig\s+)?(?:inga|inget|ingen)\s+"
    r"(?:\w+\s+){0,6}?(?:om|för|av|till)\s+(?:\w+\s+){0,4}?barn\b"
    # "Korttidsboendet tar inte emot barn", "har inte funnit att barn påverkas av förslaget"
    r"|\btar\s+(?:inte|ej)\s+emot\s+barn\b"
    # "Barn och unga … betalar samma avgift som i dag, och förslaget ändrar därför inget för dem"
    r"|\b(?:ändrar|innebär)\s+(?:därför\s+|alltså\s+)?(?:inget|ingenting)\s+för\s+(?:dem|barn\w*)\b"
    # "Inga barn berörs av förslaget", "Barn är inte målgrupp för insatsen", "sakna betydelse
    # för barn" (session 6)
    r"|\binga\s+barn\s+(?:berörs|påverkas)\b|\brör\s+(?:inte|ej)\s+barn"
    # "bedömer därför att barnen i förskolan inte berörs av beslutet"
    r"|\bbarn\w*(?:\s+\w+){0,3}?\s+(?:inte|ej)\s+(?:berörs|påverkas)\b"
    r"|\bbarn\w*\s+är\s+(?:inte|ej)\s+(?:en\s+)?målgrupp"
    r"|\bsakna[rt]?\s+(?:\w+\s+)?betydelse\s+för\s+barn"
    r"|\b(?:inte|ej)\s+(?:\w+\s+){0,2}?att\s+barn\w*\s+(?:påverkas|berörs)\b",
    re.IGNORECASE,
)
# "… inte barn direkt, men kan påverka barn i …": a denial taken back
BUT_AFFECTED = re.compile(
    r"\bmen\b(?:\s+\w+){0,3}?\s+(?:påverka|påverkar|påverkas|beröra|berör|berörs|beröras)\b",
    re.IGNORECASE,
)
# a children part saying the decision is for adults: "Förslaget gäller insatser till vuxna."
FOR_ADULTS = re.compile(
    r"\b(?:gäller|avser|riktar sig till|vänder sig till|är till för|ges till|ges åt|erbjuds|beviljas)\b(?:\s+(?!inte\b|ej\b)\w+){0,3}?\s+(?:till|för)?\s*"
    # (or the elderly: "Förslaget gäller äldre personer i särskilt boende", not "äldre barn")
    r"(?:vuxna|äldre(?!\s+(?:barn|elever|ungdomar|unga|flickor|pojkar|tjejer|killar)\b))"
    r"\b(?!\s+och\s+barn|\s+utan)"
    # "Ärendet berör endast vuxna"
    r"|\b(?:berör|rör|omfattar)\s+(?:endast|enbart|bara|uteslutande)\s+vuxna\b"
    # "Sfi är en utbildning för vuxna"
    r"|\bär\s+(?:en|ett)\s+(?:\w+\s+){0,2}?för\s+vuxna\b(?!\s+och\s+barn)"
    # "Undersökningen omfattar invånare från 18 år"
    r"|\b(?:omfattar|gäller|avser|riktar sig till)\b[^.]{0,40}?\b(?:från|över|äldre än)\s+(?:1[89]|[2-9]\d)\s+år"
    # "Insatserna riktar sig till personer som är 20 år eller äldre" (session 20)
    r"|\b(?:omfattar|gäller|avser|riktar sig till)\b[^.]{0,40}?"
    r"\b(?:1[89]|[2-9]\d)\s+år\s+(?:eller|och)\s+äldre\b"
    # "Bostad först beviljas personer som har fyllt 18 år" (session 8)
    r"|\b(?:beviljas|ges|erbjuds)\s+(?:\w+\s+)?som\s+(?:har\s+)?fyllt\s+(?:1[89]|[2-9]\d)\s+år",
    re.IGNORECASE,
)
ELSEWHERE = "handled_elsewhere"
_SPACE_ARTICLE = re.compile(r"\s+(?:den\s+|det\s+)?")  # before the word after a phrase
_CHILD_WORD = re.compile(r"\bbarn\w*", re.IGNORECASE)  # "Barnperspektivet prövas i varje detaljplan"
_INDIRECT = re.compile(r"\bindirekt", re.IGNORECASE)
# a paragraph that is only a label ("Jämställdhet:", "Konsekvenser för jämställdhet")
LABEL_ONLY = re.compile(r"^\s*([^\n.:!?]{3,60}?)\s*:?\s*$")
MAX_LABEL_WORDS = 6
# a run-in label: a short label and a colon or dash at the start of a paragraph
RUN_IN = re.compile(r"^\s*([^\n.:!?]{3,60}?)\s*[:–]\s+(?=\S)")
# parts where an analysis of girls and boys describes the decision's consequences
# (and children sections that assess the decision, see children_perspectives)
DESCRIBING_KINDS = (SectionKind.GENDER, SectionKind.CONSEQUENCES, SectionKind.ASSESSMENT,
                    SectionKind.SUMMARY)  # fmt: skip
CONTAINER_KINDS = {
    SectionKind.PROPOSAL,
    SectionKind.SUMMARY,
    SectionKind.BACKGROUND,
    SectionKind.DECISION_BASIS,
    SectionKind.DISTRIBUTION,
}


def _is_children_label(text: str) -> bool:
    norm = " ".join(text.lower().split()).rstrip(" :–")
    return any(re.search(p, norm) for p in lexicon_lines("children_labels"))


def _is_label(text: str) -> bool:
    norm = " ".join(text.lower().split()).rstrip(" :–")
    return any(re.search(p, norm) for p in lexicon_lines("gender_labels"))


def _is_container(doc, section: Section) -> bool:
    """A heading above the usual parts (the title "Instiftande av jämställdhetspris") is
    the document's subject, not its gender section. It stands before them: an empty
    "Jämställdhet" that a template's font sizes put over "Beslutsunderlag" is no title."""
    parts = [s for s in doc.sections if CONTAINER_KINDS.intersection(s.kinds)]
    if not parts or section.start >= min(s.start for s in parts):
        return False
    return any(s.parent == section.index for s in parts)


_PERSPECTIVE = re.compile(
    r"perspektiv|konsekvens|barnets|barnrätt|prövning|påverkan", re.IGNORECASE
)


MAX_ASSESSMENT_SENTENCES = 4


def _sentence_count(ctx: RuleContext, section: Section) -> int:
    return sum(
        len(ctx.blocks[b.index].sentences)
        for b in content_blocks(ctx.document, section)
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    )


def children_perspectives(ctx: RuleContext) -> list[Section]:
    """Children sections that assess the decision for children ("Barnperspektiv",
    "Barnkonsekvensanalys", a "Barn och unga" part of its own) — not a report's part about its
    children's services, nested in the description of the ärende ("Barn och unga" beside
    "Ekonomiskt bistånd" and "Personal" under "Beskrivning av ärendet")."""
    doc = ctx.document
    out = []
    for section in ctx.sections_of_kind(SectionKind.CHILDREN):
        heading = doc.blocks[section.heading_block] if section.heading_block is not None else None
        if heading is None:
            continue
        assessing = _PERSPECTIVE.search(section.title) or in_sections_of_kind(
            doc, heading, (SectionKind.CONSEQUENCES,)
        )
        # a bare "Barn och unga": a template's short assessment, unless it sits in the
        # description of the ärende or runs long like a report's chapter
        if assessing or (
            not in_sections_of_kind(doc, heading, (SectionKind.BACKGROUND,))
            and _sentence_count(ctx, section) <= MAX_ASSESSMENT_SENTENCES
        ):
            out.append(section)
    return out


def _own_part(ctx: RuleContext, section: Section, block: Block) -> bool:
    """A block of the section itself, of a gender subsection, or of an untitled-kind
    subsection that speaks of the sexes ("Brukare: … 70 procent kvinnor"). "Barnperspektiv" or
    "Samverkan" nested under an empty "Jämställdhet:" by a template is not its content."""
    doc = ctx.document
    own = doc.sections[block.section]
    if own.index == section.index:
        return True
    if SectionKind.GENDER in own.kinds:
        # a weak heading nested under it ("Social hållbarhet" that a template put under an
        # empty "Jämställdhet:") is its own part only when it speaks of the sexes
        blocks = list(content_blocks(doc, own))
        return not _weak_heading(own.title) or _mentions_gender(ctx, blocks)
    return not own.kinds and _mentions_gender(ctx, list(content_blocks(doc, own)))


def _heading_sections(ctx: RuleContext, result: GenderAnalysis, in_gender: set[int]) -> None:
    doc = ctx.document
    gender = ctx.sections_of_kind(SectionKind.GENDER)
    # with no gender heading at all, a children section that analyses girls and boys is where
    # the gender description stands ("Barnperspektiv: flickor anmäler oftare …")
    weak = [] if gender else children_perspectives(ctx)
    for section in gender + weak:
        if section.heading_block is None or _is_container(doc, section):
            continue
        blocks = [b for b in content_blocks(doc, section) if _own_part(ctx, section, b)]
        is_weak = section in weak or _weak_heading(section.title)
        if is_weak and not _mentions_gender(ctx, blocks):
            continue
        in_gender.update(b.index for b in blocks)
        in_gender.add(section.heading_block)
        refs = _sentences(ctx, blocks)
        verdict, evidence = _judge(ctx, refs)
        result.sections.append(
            GenderSection(section.title, section.heading_block, tuple(refs), verdict, evidence)
        )


_FIGURE_CELL = re.compile(r"^\s*[\d\s,.%–-]+\s*$")


def _run_in_sections(ctx: RuleContext, result: GenderAnalysis, in_gender: set[int]) -> None:
    """ "Jämställdhet: Ej aktuellt." paragraphs and "Jämställdhet | …" table rows."""
    doc = ctx.document
    for ab in ctx.blocks:
        block = ab.block
        if block.index in in_gender:
            continue
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            bare = LABEL_ONLY.match(block.text)
            if bare and _is_label(bare.group(1)) and len(bare.group(1).split()) <= MAX_LABEL_WORDS:
                # a template's label left with nothing after it ("Jämställdhet:")
                in_gender.add(block.index)
                result.sections.append(
                    GenderSection(bare.group(1).strip(), block.index, (), Verdict.EMPTY, None)
                )
                continue
            m = RUN_IN.match(block.text)
            if not m or not _is_label(m.group(1)):
                continue
            refs = [
                SentenceRef(block.index, s)
                for s in ab.sentences
                if s.span.end > m.end() and s.span.text.strip()
            ]
            title = m.group(1).strip()
        elif (
            block.kind is BlockKind.TABLE_CELL
            and block.col == 0
            and not block.is_header  # "Kön | Antal ledare | Andel, %": a data table's header
            and _is_label(block.text)
        ):
            cells = [
                b
                for b in doc.blocks[block.index + 1 :]
                if b.kind is BlockKind.TABLE_CELL
                and b.table_index == block.table_index
                and b.row == block.row
            ]
            filled = [c for c in cells if c.text.strip()]
            if filled and all(_FIGURE_CELL.match(c.text) for c in filled):
                continue  # "Kön | 2024 | 2025": a data table's row, not a consequence table's
            refs = [SentenceRef(c.index, s) for c in cells for s in ctx.blocks[c.index].sentences]
            title = block.text.strip()
        else:
            continue
        in_gender.add(block.index)
        in_gender.update(r.block for r in refs)
        verdict, evidence = _judge(ctx, refs)
        result.sections.append(GenderSection(title, block.index, tuple(refs), verdict, evidence))


def _analyse(ctx: RuleContext) -> GenderAnalysis:
    result = GenderAnalysis()
    in_gender: set[int] = set()
    _heading_sections(ctx, result, in_gender)
    _run_in_sections(ctx, result, in_gender)
    analysed = False  # the sentence before analyses the sexes
    for ab in ctx.blocks:
        block = ab.block
        if block.index in in_gender or block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            analysed = False
            continue
        for s in ab.sentences:
            if describes_outside_section(ab, s) or effect_follows(ab, s) or (
                analysed and _answers_analysis(ab, s)
            ):
                result.body.append(SentenceRef(block.index, s))
            analysed = is_substantive(ab, s) and has_phrase(ab, ANALYSIS, s)
    if not result.sections and not result.body:
        _body_claims(ctx, result)
    return result


_THEREFORE = re.compile(r"\b(?:därför|mot den bakgrunden|med anledning av detta)\b", re.IGNORECASE)


def _answers_analysis(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """What the decision does about the sexes, right after an analysis of them: "… pojkarna
    får sällan erfarenhet av omsorgsarbete. Förvaltningen föreslår därför att … alla
    arbetsplatser om möjligt har både flickor och pojkar"."""
    return (
        bool(sex_terms_in(ab, sent))
        and _THEREFORE.search(sent.span.text) is not None
        and _tied_to_decision(ab, sent)
        and not is_gender_blind(ab, sent)
        and not has_phrase(ab, NOT_RELEVANT, sent)
    )


# a gender-blind formula that names the sexes or sex ("kvinnor och män påverkas lika")
_SEX_IN_FORMULA = re.compile(r"kvinn|\bmän|flick|pojk|tjej|kill|\bkön", re.IGNORECASE)


def _body_claims(ctx: RuleContext, result: GenderAnalysis) -> None:
    """With no gender section and no description, a paragraph that states the gender
    verdict in passing ("Förslaget bedöms inte påverka jämställdheten.", "Kvinnor och män
    påverkas lika av förslaget.") is the document's gender description, judged as a section."""
    refs: list[SentenceRef] = []
    for ab in ctx.blocks:
        if ab.block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        claims = [
            s
            for s in ab.sentences
            if (_on_gender(ab, s) or _SEX_IN_FORMULA.search(" ".join(_blind_words(ab, s))))
            and (is_gender_blind(ab, s) or has_phrase(ab, NOT_RELEVANT, s))
            and not has_phrase(ab, GOALS, s)
            and not s.span.text.rstrip().endswith("?")
        ]
        if not claims:
            continue
        # the paragraph's other sentences are about the decision, not the claim's section;
        # only a claim that refers back ("… bedöms därför inte …") takes them as its reason
        back = any(has_phrase(ab, MOTIVATION_BACK, s) for s in claims)
        refs.extend(
            SentenceRef(ab.block.index, s)
            for s in ab.sentences
            if s in claims or (back and s.span.end <= claims[-1].span.start and s.span.text.strip())
        )
    if refs:
        verdict, evidence = _judge(ctx, refs)
        result.sections.append(GenderSection("", None, tuple(refs), verdict, evidence))


def section_hit(gs: GenderSection) -> Hit:
    return Hit(block=gs.heading_block, start=0, end=0, excerpt=gs.title)


class _VerdictRule(Check):
    """Reports the gender sections that got one of `verdicts`."""

    verdicts: tuple[Verdict, ...] = ()
    requires = ("sentences", "sex_terms", "phrases")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        for gs in gender_analysis(ctx).sections:
            if gs.verdict not in self.verdicts:
                continue
            if gs.evidence is None:
                yield section_hit(gs)
            else:
                yield sentence_hit(ctx.blocks[gs.evidence.block], gs.evidence.sentence)


class GenderDescriptionMissing(Check):
    """JAM101: no description of consequences for women and men anywhere in the document (a
    gender section with only a definition and the goals, or about something else, is none)."""

    requires = ("sentences", "sex_terms", "phrases")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        analysis = gender_analysis(ctx)
        # a section with only a definition and the national goals describes nothing
        if not analysis.has_description and all(
            gs.verdict in (Verdict.DEFINITION, Verdict.OFF_TOPIC) for gs in analysis.sections
        ):
            yield Hit(block=None, excerpt="")


class UnmotivatedNotRelevant(_VerdictRule):
    """JAM102: the gender description only claims "no consequences", with no reason."""

    verdicts = (Verdict.NOT_RELEVANT,)


class EmptyGenderDescription(_VerdictRule):
    """JAM104: a gender heading or template label with nothing under it."""

    verdicts = (Verdict.EMPTY,)


class GenderBlindClaim(_VerdictRule):
    """JAM103: the gender section only repeats a gender-blind formula or says nothing concrete."""

    verdicts = (Verdict.GENDER_BLIND, Verdict.SUPERFICIAL)


class ChildrenWithoutGirlsBoys(Check):
    """JAM106: the decision concerns children, and girls and boys are never described.

    A decision concerns children when it has a children section that is not a motivated "not
    affected", when it counts children ("80 barn"), when its proposal names them, or when they
    are mentioned `min_mentions` times.
    """

    class Options(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
        min_mentions: int = 4  # "har barn som …", "Barnbarnen hälsar på": in passing
        girls_boys_prefixes: tuple[str, ...] = lexicon_lines("child_sex_prefixes")

    requires = ("lemmas", "sex_terms", "quantities")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        children_sections = [s for s in children_perspectives(ctx) if s.heading_block is not None]
        # any children section shows the decision concerns children, a report's part about its
        # children's services too; the finding sits on an assessing one
        evidence = [
            s for s in ctx.sections_of_kind(SectionKind.CHILDREN) if s.heading_block is not None
        ]
        if not self._concerns_children(ctx, evidence):
            return
        if self._girls_boys_named(ctx):
            return
        if children_sections:
            yield heading_hit(children_sections[0])
        else:
            yield Hit(block=None, excerpt="")

    def _concerns_children(self, ctx: RuleContext, sections: list[Section]) -> bool:
        """Children are concerned unless the document says, about children, that they are
        not ("Ärendet berör inte barn, eftersom …"); evidence is a children section, a count of
        children, children named in the proposal, an activity for children in the title or
        proposal, or `min_mentions` mentions. A bare denial ("Förslaget bedöms inte påverka
        barn.") stands against all but the strong evidence: children named in the proposal or
        counted with a word that always means a child."""
        doc = ctx.document
        mentions = 0
        # a children heading is evidence unless all it says is "not relevant" (a template's
        # "Barnperspektiv: Ej aktuellt." in a pay policy)
        evidence = any(not self._only_not_relevant(ctx, s) for s in sections)
        title_block = doc.title_block()
        title = title_block.index if title_block is not None else None
        # what the document itself shows, against which a bare denial is not taken at its word
        strong = bare = False
        adults = self._adult_education(ctx)
        for ab in ctx.blocks:
            block = ab.block
            found = self._child_spans(ab)
            if adults:  # "Komvux hade 1 420 elever": adults
                found = [sp for sp in found if not (lemma_at(ab, sp.start) or "").endswith(PUPIL)]
            evidence |= self._children_label_with_content(ab)
            for sent in ab.sentences:
                if self._says_not_affected(ctx, ab, sent, found) and not self._affirmed(ctx):
                    if not self._bare_denial(ctx, ab, sent):
                        return False
                    bare = True
            if block.index == title:
                evidence |= self._domain(block.text)
            if block.kind is BlockKind.HEADING:
                continue
            if not self._body(block):
                continue
            if block.kind is BlockKind.TABLE_CELL and (block.col == 0 or block.is_header):
                continue  # a template's row label ("Barn och unga | Nej") is no mention
            mentions += len(found)
            proposal = in_sections_of_kind(doc, block, (SectionKind.PROPOSAL,))
            evidence |= proposal and self._domain(block.text)
            strong |= proposal and bool(found)
            counts = [
                q for q in ab.quantities
                if q.measure is Measure.PEOPLE and q.unit is not None and q.unit in found
            ]  # fmt: skip
            evidence |= bool(counts)
            # (not a capacity: "en förskola med plats för ca 110 barn")
            strong |= any(not q.limit and self._certain_child(ab, q.unit) for q in counts)
        if bare:
            # "Förslaget bedöms inte påverka barn." and nothing more, in a decision that moves
            # the children's sagostund and counts the children who come to it
            return strong
        return strong or evidence or mentions >= self.options.min_mentions

    @staticmethod
    def _adult_education(ctx: RuleContext) -> bool:
        """The title or the proposal names education for adults ("Ny yrkesvuxutbildning till
        elektriker")."""
        doc = ctx.document
        stems = "|".join(re.escape(s) for s in lexicon_lines("context/adult_education"))
        # (not the name of the nämnd: "Gymnasie- och vuxenutbildningsnämnden beslutar att")
        # (inside compounds too: "yrkessfi", "sfi-undervisningen")
        pattern = re.compile(rf"(?:{stems})(?!\w*(?:nämnd|förvaltning))", re.IGNORECASE)
        title = doc.title_block()
        texts = [title.text] if title is not None else []
        texts += [
            b.text for b in doc.blocks if in_sections_of_kind(doc, b, (SectionKind.PROPOSAL,))
        ]
        # (nor education for the young beside it: "Nämnden för Gymnasium & Vuxenutbildning")
        return any(
            not _YOUTH_EDUCATION.search(t[max(0, m.start() - YOUTH_REACH) : m.start()])
            for t in texts
            for m in pattern.finditer(t)
        )

    def _bare_denial(self, ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence) -> bool:
        """A denial with no reason, alone in the children section ("Förslaget bedöms inte
        påverka barn.")."""
        if is_motivated(ab, sent) or len(sent.span.text.split()) > BARE_DENIAL_WORDS:
            return False  # (a longer one says what the decision does not touch)
        for section in ctx.sections_of_kind(SectionKind.CHILDREN):
            if section.start <= ab.block.index < section.end:
                blocks = [ctx.blocks[b.index] for b in content_blocks(ctx.document, section)]
                sentences = [(b, s) for b in blocks for s in b.sentences]
                return len(sentences) == 1 and not any(is_motivated(b, s) for b, s in sentences)
        return False

    @staticmethod
    def _children_label_with_content(ab: AnnotatedBlock) -> bool:
        """ "Barn: Lördagens sagostund flyttas till onsdagar." — a template's children item with
        something to say (not only "Ej aktuellt.")."""
        if ab.block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            return False
        m = RUN_IN.match(ab.block.text)
        if not m or not _is_children_label(m.group(1)):
            return False
        rest = [s for s in ab.sentences if s.span.end > m.end()]
        return bool(rest) and not all(has_phrase(ab, NOT_RELEVANT, s) for s in rest)

    @staticmethod
    def _only_not_relevant(ctx: RuleContext, section: Section) -> bool:
        sentences = [
            (ctx.blocks[b.index], sent)
            for b in content_blocks(ctx.document, section)
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            for sent in ctx.blocks[b.index].sentences
        ]
        # not "berör inte barn direkt men kan påverka barn i hushåll där …": affected after all
        return bool(sentences) and all(
            has_phrase(ab, NOT_RELEVANT, s) and not BUT_AFFECTED.search(s.span.text) for ab, s in sentences
        )

    @staticmethod
    def _handled_elsewhere(ab: AnnotatedBlock, sent: Sentence) -> bool:
        """ "Barns och ungas resor hanteras i kommunens trafikstrategi" (not "där barn ingår i
        hushållet": people are no other decision)."""
        people = {p.start for p in ab.people}
        text = ab.block.text
        for sp in phrases(ab, ELSEWHERE):
            if not within(sp, sent):
                continue
            nxt = _SPACE_ARTICLE.match(text, sp.end)
            if nxt is None or nxt.end() not in people:
                return True
        return False

    def _says_not_affected(
        self, ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, found: list
    ) -> bool:
        # "inga negativa konsekvenser för barn" does not say that children are unaffected
        # (nor "bedöms inte påverka barn negativt": only a bad effect denied)
        negated = [
            sp
            for sp in phrases(ab, NOT_RELEVANT)
            if within(sp, sent) and NEGATION.search(sp.text) and "negativ" not in sp.text.lower()
            and not _ONLY_NEGATIVE.match(ab.block.text, sp.end)
        ]
        # "Förslaget berör därför inte barnens tillgång …": an effect verb negated
        negated_effect = NEGATED_EFFECT.search(sent.span.text)
        if negated_effect and _ONLY_NEGATIVE.match(sent.span.text, negated_effect.end()):
            negated_effect = None
        in_part = self._children_part(ctx, ab)
        if in_part and FOR_ADULTS.search(sent.span.text):
            return True  # "Förslaget gäller insatser till vuxna."
        if not negated and not negated_effect:
            # "Barns resor … hanteras i kommunens trafikstrategi": handled in another decision
            names = any(within(sp, sent) for sp in found) or _CHILD_WORD.search(sent.span.text)
            return in_part and bool(names) and self._handled_elsewhere(ab, sent)
        if is_gender_blind(ab, sent):  # "… oavsett kön, ålder eller bakgrund" is no reason
            return False
        if negated_effect and BUT_AFFECTED.search(sent.span.text, negated_effect.end()):
            return False  # "berör inte barn direkt men kan påverka barn i hushåll där …"
        where = negated_effect.end() + sent.span.start if negated_effect else negated[0].end
        if not in_part and self._of_another(ab, sent, where, found):
            return False  # "Sju barn har plats i omsorgen på obekväm tid, som inte påverkas …"
        # outside the children part, the children themselves, not a possessor: "Elevernas rätt
        # till busskort … påverkas inte" says nothing about whether pupils are affected
        names_children = any(
            within(sp, sent) and (in_part or not _genitive(sp.text)) for sp in found
        )
        return names_children or (in_part and is_motivated(ab, sent))

    @staticmethod
    def _of_another(ab: AnnotatedBlock, sent: Sentence, where: int, found: list) -> bool:
        """The negation at `where` is in a relative clause about something else: "…, som inte
        påverkas av förslaget" with no child word in that clause."""
        clauses = list(_RELATIVE.finditer(ab.block.text, sent.span.start, where))
        if not clauses:
            return False
        return not any(clauses[-1].start() <= sp.start < sent.span.end for sp in found)

    def _affirmed(self, ctx: RuleContext) -> bool:
        """The children part also says the decision affects children ("Förslaget om kostnadsfri
        ledsagare gör det lättare för barnen …"), so a denial about one part of it ("Höjningen
        … påverkar inte barn och unga") is no denial of the whole. Once per document."""
        return ctx.memo("children_affirmed", lambda: self._find_affirmation(ctx))

    def _find_affirmation(self, ctx: RuleContext) -> bool:
        for ab in ctx.blocks:
            if not self._children_part(ctx, ab):
                continue
            found = self._child_spans(ab)
            for sent in ab.sentences:
                if not any(within(sp, sent) for sp in found) or not has_phrase(ab, EFFECT, sent):
                    continue
                if not _tied_to_decision(ab, sent) or _INDIRECT.search(sent.span.text):
                    continue  # "Barn … påverkas indirekt": no effect on the children themselves
                if not has_phrase(ab, NOT_RELEVANT, sent) and not NEGATED_EFFECT.search(sent.span.text):
                    return True
        return False

    @staticmethod
    def _children_part(ctx: RuleContext, ab: AnnotatedBlock) -> bool:
        """The children section, or the comment cell of a consequence table's children row
        ("Barn | Överenskommelsen gäller vuxna nyanlända …")."""
        block = ab.block
        if in_sections_of_kind(ctx.document, block, (SectionKind.CHILDREN,)):
            return True
        if block.kind is not BlockKind.TABLE_CELL or block.col == 0:
            return False
        return any(
            b.kind is BlockKind.TABLE_CELL and b.table_index == block.table_index
            and b.row == block.row and b.col == 0 and _is_children_label(b.text)
            for b in ctx.document.blocks[max(0, block.index - block.col) : block.index]
        )  # fmt: skip

    @staticmethod
    def _domain(text: str) -> bool:
        words = re.findall(r"\w+", text.lower())
        stems = lexicon_lines("children_domains")
        return any(w.startswith(stems) for w in words)

    @staticmethod
    def _body(block: Block) -> bool:
        return block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)

    @staticmethod
    def _certain_child(ab: AnnotatedBlock, span: TextSpan) -> bool:
        lemma = lemma_at(ab, span.start) or span.text.lower()
        return lemma.endswith(tuple(lexicon_lines("context/certain_children")))

    @staticmethod
    def _child_spans(ab: AnnotatedBlock) -> list:
        heads = lexicon_lines("children")
        out = []
        for span in ab.people:
            lemma = lemma_at(ab, span.start) or span.text.lower()
            if any(lemma.endswith(h) for h in heads):
                out.append(span)
        return out

    @staticmethod
    def _about_young_adults(ctx: RuleContext) -> bool:
        """The document speaks of "unga vuxna" (once per document)."""
        return ctx.memo(
            "about_young_adults", lambda: any(_YOUNG_ADULTS.search(ab.block.text) for ab in ctx.blocks)
        )

    def _girls_boys_named(self, ctx: RuleContext) -> bool:
        """Girls or boys named in the document's own text (not in a template prompt or a
        general definition of gender equality)."""
        prefixes = self.options.girls_boys_prefixes
        girls_boys = re.compile(rf"\b(?:{'|'.join(prefixes)})\w*", re.IGNORECASE)
        perspectives = children_perspectives(ctx)
        doc = ctx.document
        for ab in ctx.blocks:
            assessing = any(p.start <= ab.block.index < p.end for p in perspectives)
            describing = assessing or in_sections_of_kind(doc, ab.block, DESCRIBING_KINDS)
            holes = [m.span() for m in PLACEHOLDER.finditer(ab.block.text)]
            holes += [(p.start, p.end) for p in phrases(ab, PROMPTS)]
            for sent in ab.sentences:
                if has_phrase(ab, DEFINITION, sent) or has_phrase(ab, ANALYSED_ELSEWHERE, sent):
                    continue  # a definition, or a pointer to an analysis elsewhere
                if sent.span.text.rstrip().endswith("?") or has_phrase(ab, NOT_RELEVANT, sent):
                    continue  # a checklist's question, or "inte påverka flickor och pojkar olika"
                # a description, not just a count ("varav 71 flickor och 93 pojkar"); an
                # explanation of the figures in the background ("Att pojkarna är fler förklaras
                # av …") is no description of how the decision affects them
                # the children assessment's own sentences about girls or boys ("Flickorna har i
                # flera fall önskat en kvinnlig god man …") describe them unless they only
                # count them or say it makes no difference
                own = assessing and not is_gender_blind(ab, sent) and sexes_beyond_counts(ab, sent)
                # (an effect outside the describing sections is the decision's only when the
                # sentence says so: not "skillnaden ökar med åldern" in the survey results)
                effect = _has_effect(ab, sent) and (
                    describing or assessing or _tied_to_decision(ab, sent) or _forward(ab, sent)
                )
                if not (own or effect or has_phrase(ab, ANALYSIS, sent) and describing):
                    continue
                counted = [q.excerpt for q in ab.quantities if q.sex and within(q.span, sent)]
                if counted and _has_effect(ab, sent) and any(
                    not any(f.start <= m.start() + sent.span.start < f.end for f in counted)
                    for m in girls_boys.finditer(sent.span.text)
                ):
                    # "150 flickor och 162 pojkar, och förändringen påverkar flickor och pojkar
                    # på samma sätt eftersom …": named again beyond the count, with an effect
                    return True
                for term in sex_terms_in(ab, sent):
                    if any(a <= term.start < b for a, b in holes):
                        continue
                    if any(f.start <= term.start < f.end for f in counted):
                        continue  # "berör … 18 flickor och 23 pojkar": how many, not how
                    if term.text.lower().startswith(prefixes):
                        return True
                    # "unga kvinnor och unga män" in a decision about ungdomar, not one about
                    # "unga vuxna" (a rent guarantee's young women are adults)
                    if (
                        _YOUNG.search(ab.block.text, max(0, term.start - 8), term.start)
                        and not _ADULT_AGE.match(ab.block.text, term.end)
                        and not self._about_young_adults(ctx)
                    ):
                        return True
        return False


YOUTH_REACH = 25  # characters before an adult education word that may name the young's
_YOUTH_EDUCATION = re.compile(r"gymnasi", re.IGNORECASE)
PUPIL = "elev"  # children in school, adults in komvux
BARE_DENIAL_WORDS = 8  # "Ärendet bedöms inte ha någon påverkan på barn."
_YOUNG = re.compile(r"\bunga\s+$", re.IGNORECASE)
_RELATIVE = re.compile(r",\s*som\b", re.IGNORECASE)
_YOUNG_ADULTS = re.compile(r"\bunga\s+vuxna\b", re.IGNORECASE)
# "unga män mellan 18 och 25 år", "unga kvinnor 20–24 år": adults
_ADULT_AGE = re.compile(r"\s*(?:mellan\s+|i\s+åldern\s+|över\s+|från\s+)?(?:1[89]|[2-9]\d)\b", re.IGNORECASE)


def _genitive(word: str) -> bool:
    """ "elevernas", "barns", "ungdomarnas": a possessor (no Swedish plural ends in -s)."""
    return word.lower().endswith("s")


BODY_REACH = 2  # paragraphs on either side of a description outside a gender section
_ANNOUNCES_ANALYSIS = re.compile(r"\binnehåller\s+(?:också\s+)?en\s+analys\b", re.IGNORECASE)


def _innermost(good: list[GenderSection]) -> GenderSection:
    """The first gender section with no gender subsection of its own among them: "Jämställdhets-
    analys" under "Konsekvenser för jämställdhet och barn" is the one that holds the analysis."""
    for gs in good:
        own = {r.block for r in gs.sentences}
        nested = any(
            other is not gs and other.heading_block is not None and gs.heading_block is not None
            and other.heading_block > gs.heading_block
            and {r.block for r in other.sentences} <= own
            for other in good
        )  # fmt: skip
        if not nested:
            return gs
    return good[0]


# a gender section that builds on the analysis written before it
_REFERS_BACK = re.compile(
    r"\b(?:analysen|bedömningen|redovisningen|genomgången)\s+ovan\b|\bsom\s+framgår\s+ovan\b",
    re.IGNORECASE,
)


class AnalysisLacks(Check):
    """JAM107/JAM108: a real analysis exists but lacks something the guidance asks for.

    `options.lexicon` names the phrase lexicon whose absence is reported (intersectional
    factors, equality goals).
    """

    class Options(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
        lexicon: str

    requires = ("sentences", "phrases")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        analysis = gender_analysis(ctx)
        good = [gs for gs in analysis.sections if gs.verdict is Verdict.ANALYSIS]
        # the gender section's own text, not a checklist's questions ("Relation till
        # jämställdhetsmålen?")
        found = any(
            has_phrase(ctx.blocks[r.block], self.options.lexicon, r.sentence)
            and not r.text.rstrip().endswith("?")
            for gs in good
            for r in gs.sentences
        )
        children_only = all(_is_children_label(gs.title) for gs in good)
        # (or the gender section builds on it: "Analysen ovan visar att pojkarna …")
        back = any(_REFERS_BACK.search(r.text) for gs in good for r in gs.sentences)
        if good and (analysis.body and children_only or back):
            # the analysis of women and men is written elsewhere too, and the children section
            # adds girls and boys: the factors or goals may be in either
            found = found or self._in_body(ctx, analysis)
        if good:
            if not found:
                gs = _innermost(good)
                # the excerpt is a heading's text or a consequence table's row label (as for
                # JAM104); a run-in label ("Jämställdhet: …") or a claim in passing is none
                labelled = gs.heading_block is not None and ctx.document.blocks[
                    gs.heading_block
                ].kind in (BlockKind.HEADING, BlockKind.TABLE_CELL)
                yield section_hit(gs) if labelled else Hit(block=None, excerpt="")
            return
        if not analysis.body or self._in_body(ctx, analysis):
            return
        yield Hit(block=None, excerpt="")

    def _in_body(self, ctx: RuleContext, analysis: GenderAnalysis) -> bool:
        """A description written elsewhere has what the lexicon names: in the paragraphs that
        hold it, or the paragraphs of the same part around them, where such an analysis goes on
        ("Den grupp som har minst marginal … är de med låga inkomster …")."""
        doc = ctx.document
        blocks = set()
        for r in analysis.body:
            own = doc.blocks[r.block]
            for b in doc.blocks[max(0, r.block - BODY_REACH) : r.block + BODY_REACH + 1]:
                if b.section == own.section and b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                    blocks.add(b.index)
        # (and the paragraphs that analyse the sexes: anywhere, when the description only says
        # that an analysis follows ("Redovisningen innehåller en analys av skillnaderna mellan
        # kvinnor och män"), or else in the office's assessment ("Skillnaderna ökar med åldern.
        # Bland de yngsta barnen är flickor och pojkar ungefär lika många …"))
        announced = any(_ANNOUNCES_ANALYSIS.search(r.text) for r in analysis.body)
        for ab in ctx.blocks:
            if ab.block.kind is not BlockKind.PARAGRAPH or not (
                announced or in_sections_of_kind(doc, ab.block, (SectionKind.ASSESSMENT,))
            ):
                continue
            if any(
                sex_terms_in(ab, s) and is_substantive(ab, s) and has_phrase(ab, ANALYSIS, s)
                for s in ab.sentences
            ):
                blocks.add(ab.block.index)
        return any(has_phrase(ctx.blocks[b], self.options.lexicon) for b in blocks)
