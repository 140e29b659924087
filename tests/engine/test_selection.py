"""select / extend-select / ignore / per-file-ignores, as a table."""

import pytest

from jamlint.selection import is_enabled, per_file_ignored


@pytest.mark.parametrize(
    ("code", "default", "select", "extend", "ignore", "expected"),
    [
        ("JAM201", True, None, (), (), True),
        ("JAM201", False, None, (), (), False),  # off by default
        ("JAM201", False, None, ("JAM201",), (), True),
        ("JAM201", True, ("JAM1",), (), (), False),
        ("JAM101", True, ("JAM1",), (), (), True),
        ("JAM201", True, ("JAM2",), (), ("JAM201",), False),
        ("JAM202", True, ("JAM2",), (), ("JAM201",), True),
        ("JAM203", True, None, ("JAM203",), ("JAM2",), True),  # more specific wins
        ("JAM201", True, None, ("JAM203",), ("JAM2",), False),
        ("JAM201", True, ("JAM",), (), ("JAM",), False),
        ("JAM201", True, None, (), ("JAM",), False),
        ("JAM201", True, ("JAM201",), (), ("JAM2",), True),
    ],
)
def test_is_enabled(code, default, select, extend, ignore, expected):
    assert is_enabled(code, default, select, extend, ignore) is expected


def test_per_file_ignores_match_path_and_name():
    pfi = {"arkiv/*": ("JAM201",), "*-mall.docx": ("JAM104", "JAM105")}
    assert per_file_ignored("arkiv/a.docx", pfi) == ("JAM201",)
    assert per_file_ignored("x/ks-mall.docx", pfi) == ("JAM104", "JAM105")
    assert per_file_ignored("annat/a.docx", pfi) == ()
