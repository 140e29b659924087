"""Where `jamlint annotate` writes, and writing it so that no half-written file is ever seen.

The annotated copy goes beside the original as `<name>.jamlint.<ext>` unless told otherwise,
never over the original itself, and is written to a temporary file in the target directory that
then replaces the target in one step (`os.replace`): a crash or a full disk leaves the old file,
not a truncated one that Word cannot open.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from jamlint.annotate.messages import (
    ERR_OUTPUT_DIR_MISSING,
    ERR_OUTPUT_IS_DIR,
    ERR_SAME_AS_INPUT,
    ERR_WRITE,
)
from jamlint.model import DocFormat

OUTPUT_MARK = ".jamlint"
_SUFFIXES = {
    DocFormat.DOCX: (".docx", ".docm", ".dotx", ".dotm"),
    DocFormat.PDF: (".pdf",),
}


class AnnotateError(Exception):
    """A document that cannot be annotated, with the Swedish message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def default_output(source: Path, fmt: DocFormat) -> Path:
    """`DRAFT.docx` -> `DRAFT.jamlint.docx`; the extension follows the content (a Word file
    named .pdf gets .docx), so that the copy opens in the right program."""
    known = _SUFFIXES.get(fmt, ())
    suffix = source.suffix if source.suffix.lower() in known else (known or (".txt",))[0]
    # an annotated copy annotated again would get the same name: `check_output` then asks for
    # -o rather than stacking ".jamlint.jamlint"
    stem = source.stem.removesuffix(OUTPUT_MARK)
    return source.with_name(stem + OUTPUT_MARK + suffix)


def check_output(source: Path, output: Path) -> None:
    """Refuse an output that is the input (under any name) or cannot be written at all."""
    if output.is_dir():
        raise AnnotateError(ERR_OUTPUT_IS_DIR.format(output=output))
    if not output.resolve().parent.is_dir():
        raise AnnotateError(ERR_OUTPUT_DIR_MISSING.format(output=output))
    same = output.resolve() == source.resolve()
    if not same and output.exists():
        with contextlib.suppress(OSError):
            same = os.path.samefile(source, output)
    if same:
        suggestion = output.with_name(output.stem + "-2" + output.suffix).name
        raise AnnotateError(ERR_SAME_AS_INPUT.format(output=output, suggestion=suggestion))


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same directory and a rename."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~jamlint-", suffix=".tmp", dir=path.resolve().parent)
    except OSError as exc:
        raise AnnotateError(ERR_WRITE.format(output=path, reason=exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); the copy gets the permissions of a new file
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise AnnotateError(ERR_WRITE.format(output=path, reason=exc.strerror or exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
