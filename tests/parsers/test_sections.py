"""The sectioniser: section tree, paths and kinds from heading variants in rules/."""

import pytest

from jamlint.model import Block, BlockKind, SectionKind
from jamlint.model.layout import finalize
from jamlint.parsers.sections import HeadingClassifier, display_heading, sectionise


@pytest.fixture(scope="module")
def classifier():
    return HeadingClassifier.load()


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("Förslag till beslut", {SectionKind.PROPOSAL}),
        ("Förslag till beslut i Byggnadsnämnden", {SectionKind.PROPOSAL}),
        ("Sammanfattning av ärendet", {SectionKind.SUMMARY}),
        ("Beskrivning av ärendet", {SectionKind.BACKGROUND}),
        ("3. Konsekvenser", {SectionKind.CONSEQUENCES}),
        ("3.2 Jämställdhet", {SectionKind.GENDER}),
        ("Jämställdhetsanalys:", {SectionKind.GENDER}),
        ("Konsekvenser för jämställdhet", {SectionKind.CONSEQUENCES, SectionKind.GENDER}),
        ("Könskonsekvensbeskrivning", {SectionKind.CONSEQUENCES, SectionKind.GENDER}),
        ("Jämställdhets- och jämlikhetsperspektiv", {SectionKind.GENDER}),
        ("Konsekvenser för kvinnor och män, flickor och pojkar", {SectionKind.CONSEQUENCES, SectionKind.GENDER}),
        ("Barnperspektiv", {SectionKind.CHILDREN}),
        ("Barnkonsekvensanalys", {SectionKind.CHILDREN, SectionKind.CONSEQUENCES}),
        ("Ekonomiska konsekvenser", {SectionKind.ECONOMY, SectionKind.CONSEQUENCES}),
        ("Miljö", {SectionKind.ENVIRONMENT}),
        ("Folkhälsa", {SectionKind.PUBLIC_HEALTH}),
        ("Beslutsunderlag", {SectionKind.DECISION_BASIS}),
        ("Beslutet skickas till", {SectionKind.DISTRIBUTION}),
        ("Expediera till:", {SectionKind.DISTRIBUTION}),
        ("Förvaltningens bedömning", {SectionKind.ASSESSMENT}),
        ("Bedömning och förslag", {SectionKind.ASSESSMENT}),
        ("Bedömningen i årskurs 1 hösten 2048", set()),  # the pupils' assessment, a topic
        ("Förslaget", {SectionKind.OTHER}),  # a heading plain text must see (session 12)
        ("Skolskjuts i Norrby", set()),
        ("Barn- och utbildningsnämnden", set()),  # a nämnd's name, not a children section
        ("Barn- och utbildningsnämnden beslutar att", set()),
    ],
)
def test_heading_kinds(classifier, heading, kinds):
    assert set(classifier.classify(heading)) == kinds


def test_extra_headings_from_config():
    c = HeadingClassifier.load({"gender": ["^likvärdighet"]})
    assert SectionKind.GENDER in c.classify("Likvärdighet mellan könen")


def test_display_heading_strips_numbering_and_colon():
    assert display_heading("3.2 Jämställdhet:") == "Jämställdhet"


def test_section_tree(classifier):
    blocks = finalize(
        [
            Block(kind=BlockKind.PARAGRAPH, text="Socialnämnden"),
            Block(kind=BlockKind.HEADING, text="Utökad hemtjänst", level=1),
            Block(kind=BlockKind.HEADING, text="Konsekvenser", level=2),
            Block(kind=BlockKind.HEADING, text="Jämställdhet", level=3),
            Block(kind=BlockKind.PARAGRAPH, text="Kvinnor påverkas mest."),
            Block(kind=BlockKind.HEADING, text="Beslutsunderlag", level=2),
            Block(kind=BlockKind.PARAGRAPH, text="Tjänsteskrivelse."),
        ]
    )
    blocks, sections = sectionise(blocks, classifier)
    assert [b.section for b in blocks] == [0, 1, 2, 3, 3, 4, 4]
    gender = sections[3]
    assert gender.kinds == (SectionKind.GENDER,)
    assert (gender.start, gender.end, gender.parent) == (3, 5, 2)
    assert sections[2].end == 5 and sections[1].end == 7
    from jamlint.model import Document, DocFormat

    doc = Document(path="x", format=DocFormat.TEXT, blocks=blocks, sections=sections)
    assert doc.section_path(blocks[4]) == ("Utökad hemtjänst", "Konsekvenser", "Jämställdhet")


def test_a_title_above_the_usual_parts_has_no_kind(classifier):
    blocks = finalize(
        [
            Block(kind=BlockKind.HEADING, text="Barn och unga i familjehem", level=1),
            Block(kind=BlockKind.HEADING, text="Förslag till beslut", level=2),
            Block(kind=BlockKind.PARAGRAPH, text="Nämnden beslutar."),
            Block(kind=BlockKind.HEADING, text="Ärendet", level=2),
            Block(kind=BlockKind.HEADING, text="Bakgrund", level=3),
            Block(kind=BlockKind.HEADING, text="Barnperspektiv", level=2),
        ]
    )
    assert classifier.classify("Barn och unga i familjehem") == (SectionKind.CHILDREN,)
    _, sections = sectionise(blocks, classifier)
    assert sections[1].kinds == ()  # the title: the document's subject, not its children part
    assert sections[3].kinds == (SectionKind.BACKGROUND,)  # "Ärendet" keeps its kind above "Bakgrund"
    assert sections[5].kinds == (SectionKind.CHILDREN,)


def test_a_topic_that_names_young_people_is_no_children_section(classifier):
    # the children section is a perspective on the decision, not a part that counts or
    # describes young people
    assert classifier.classify("Aktivitet bland unga") == ()
    assert classifier.classify("Orosanmälningar om barn och unga") == ()
    assert SectionKind.CHILDREN in classifier.classify("Konsekvenser för unga")
    assert SectionKind.CHILDREN in classifier.classify("Konsekvenser för barn och unga")
