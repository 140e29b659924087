"""The bad-input fixtures in corpus/bad/: each one is reported as the right document problem.

The files are made by corpus/make_bad_inputs.py; the `<stem>.expected.yaml` beside each is
written by hand. The PDF and .docx cases run only when those parsers exist.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from jamlint.model import DocFormat, Document
from jamlint.parsers.detect import detect
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits
from jamlint.parsers.metadata import extract_metadata
from jamlint.parsers.text import parse_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
BAD = CORPUS / "bad"
MAX_FIXTURE_BYTES = 300 * 1024

EXPECTED_PROBLEM = {
    "zero-byte.docx": ProblemKind.EMPTY,
    "truncated.docx": ProblemKind.UNREADABLE,
    "corrupt.pdf": ProblemKind.UNREADABLE,
    "zip-bomb.docx": ProblemKind.UNREADABLE,
    "password.docx": ProblemKind.ENCRYPTED,
    "encrypted.pdf": ProblemKind.ENCRYPTED,
    "scanned.pdf": ProblemKind.NO_TEXT_LAYER,
    "many-pages.pdf": ProblemKind.TOO_LARGE,
    "unknown-encoding.txt": ProblemKind.ENCODING,
    "old-word.doc": ProblemKind.UNSUPPORTED,
    "document.odt": ProblemKind.UNSUPPORTED,
}
# the rule catalogue in docs/design.md
CODE_OF = {
    ProblemKind.UNREADABLE: "JAM901",
    ProblemKind.UNSUPPORTED: "JAM902",
    ProblemKind.ENCRYPTED: "JAM903",
    ProblemKind.NO_TEXT_LAYER: "JAM904",
    ProblemKind.EMPTY: "JAM905",
    ProblemKind.TOO_LARGE: "JAM906",
    ProblemKind.ENCODING: "JAM907",
}


def _parser(fmt: DocFormat) -> Callable[[bytes, str, Limits], Document]:
    """The parser for `fmt`; skips the test while the PDF or .docx parser is not written."""
    if fmt is DocFormat.TEXT or fmt is DocFormat.MARKDOWN:
        markdown = fmt is DocFormat.MARKDOWN
        return lambda data, path, limits: parse_text(data, path, limits, markdown=markdown)
    module_name, function = {
        DocFormat.PDF: ("jamlint.parsers.pdf", "parse_pdf"),
        DocFormat.DOCX: ("jamlint.parsers.docx", "parse_docx"),
    }[fmt]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        pytest.skip(f"{module_name} is not there yet")
    if not hasattr(module, function):
        pytest.skip(f"{module_name}.{function} is not there yet")
    return getattr(module, function)


def outcome(data: bytes, name: str) -> ProblemKind | DocFormat:
    """What reading the file gives: the problem kind, or the format when detection passes."""
    try:
        return detect(data, name)
    except DocumentError as error:
        return error.kind


def problem_of(path: Path) -> tuple[ProblemKind | None, Document | None]:
    """Detect and parse `path`: the document problem it raises, or the parsed document."""
    data = path.read_bytes()
    try:
        fmt = detect(data, path.name)
        document = _parser(fmt)(data, path.name, Limits())
    except DocumentError as error:
        return error.kind, None
    if document.no_text_layer:
        return ProblemKind.NO_TEXT_LAYER, document
    return None, document


@pytest.mark.parametrize("name", sorted(EXPECTED_PROBLEM))
def test_bad_file_raises_the_right_problem(name: str) -> None:
    kind, _ = problem_of(BAD / name)
    assert kind is EXPECTED_PROBLEM[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_PROBLEM))
def test_expected_file_agrees(name: str) -> None:
    expected = yaml.safe_load((BAD / f"{Path(name).stem}.expected.yaml").read_text("utf-8"))
    assert expected["findings"] == [{"code": CODE_OF[EXPECTED_PROBLEM[name]], "excerpt": ""}]


def test_wrong_extension_is_linted_as_docx() -> None:
    path = BAD / "wrong-extension.pdf"
    assert detect(path.read_bytes(), path.name) is DocFormat.DOCX
    kind, document = problem_of(path)
    assert kind is None and document is not None
    assert document.format is DocFormat.DOCX
    assert "Jämställdhet" in [b.text for b in document.blocks]
    expected = yaml.safe_load((BAD / "wrong-extension.expected.yaml").read_text("utf-8"))
    # linted as a document: no JAM9xx problem is expected for it
    assert not [f for f in expected["findings"] if f["code"].startswith("JAM9")]


def test_wrong_extension_metadata() -> None:
    _, document = problem_of(BAD / "wrong-extension.pdf")
    assert document is not None
    meta = extract_metadata(document)
    assert meta.diarienummer == "KFN 2024/0042"
    assert meta.datum == "2024-03-12"
    assert meta.namnd == "Kultur- och fritidsnämnden"
    assert meta.handlaggare == "Maria Lindqvist"
    assert meta.title == "Utökade öppettider i simhallen"


def test_every_fixture_has_an_expected_file_and_is_small() -> None:
    fixtures = {p.name for p in BAD.iterdir() if not p.name.endswith(".expected.yaml")}
    expected = {p.name.removesuffix(".expected.yaml") for p in BAD.glob("*.expected.yaml")}
    assert {Path(n).stem for n in fixtures} == expected
    assert fixtures == set(EXPECTED_PROBLEM) | {"wrong-extension.pdf"}
    for name in fixtures:
        assert (BAD / name).stat().st_size < MAX_FIXTURE_BYTES, name


def test_zip_bomb_declares_more_than_the_limit() -> None:
    import zipfile

    with zipfile.ZipFile(BAD / "zip-bomb.docx") as zf:
        size = zf.getinfo("word/document.xml").file_size
    assert size > Limits().max_uncompressed_bytes


def test_empty_directory_is_not_a_document(tmp_path: Path) -> None:
    load = pytest.importorskip("jamlint.parsers.load")
    empty = tmp_path / "tom"
    empty.mkdir()
    with pytest.raises(DocumentError) as info:
        load.read_input(str(empty), Limits())
    assert info.value.kind is ProblemKind.UNSUPPORTED


# --- the generator -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    for needed in ("docx", "fpdf", "PIL", "msoffcrypto"):
        pytest.importorskip(needed)
    spec = importlib.util.spec_from_file_location("make_bad_inputs", CORPUS / "make_bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(generator: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("bad")
    generator.generate(outdir)
    return outdir


def test_regenerated_files_detect_the_same_way(regenerated: Path) -> None:
    committed = sorted(p.name for p in BAD.iterdir() if not p.name.endswith(".expected.yaml"))
    assert sorted(p.name for p in regenerated.iterdir()) == committed
    for name in committed:
        fresh = (regenerated / name).read_bytes()
        assert outcome(fresh, name) == outcome((BAD / name).read_bytes(), name), name
        assert len(fresh) < MAX_FIXTURE_BYTES, name


def test_generation_is_deterministic(generator: ModuleType, regenerated: Path) -> None:
    # the slow fixtures (zip bomb, encryption) are covered by the comparison above
    for name in ("truncated.docx", "password.docx", "encrypted.pdf", "scanned.pdf", "old-word.doc"):
        assert generator.FIXTURES[name]() == (regenerated / name).read_bytes(), name


def test_unknown_encoding_fixture_is_rejected_by_charset_normalizer() -> None:
    from charset_normalizer import from_bytes

    assert from_bytes((BAD / "unknown-encoding.txt").read_bytes()).best() is None


def test_old_word_fixture_is_a_valid_compound_file() -> None:
    olefile = pytest.importorskip("olefile")
    path = BAD / "old-word.doc"
    assert olefile.isOleFile(str(path))
    with olefile.OleFileIO(str(path)) as ole:
        assert ole.listdir() == [["WordDocument"]]
        assert ole.openstream("WordDocument").read(2) == b"\xec\xa5"  # the FIB's wIdent


def test_password_fixture_is_a_real_encrypted_docx() -> None:
    msoffcrypto = pytest.importorskip("msoffcrypto")
    import io
    import zipfile

    with (BAD / "password.docx").open("rb") as fh:
        office = msoffcrypto.OfficeFile(fh)
        assert office.is_encrypted()
        office.load_key(password="hemligt")
        plain = io.BytesIO()
        office.decrypt(plain)
    assert "word/document.xml" in zipfile.ZipFile(plain).namelist()
