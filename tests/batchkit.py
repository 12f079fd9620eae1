"""A directory of many small synthetic reports, for the batch tests and bench/batch.py.

Mixed on purpose: clean reports, reports with a warning (a prose figure that contradicts
the table, GOV601), reports with an error (a carry-over that does not match last year's,
GOV602, in a cross-year pair) and unreadable files (empty, binary). Every text is rendered by :mod:`govlint.synthetic` from
figures chosen here; none comes from a real report.
"""

from __future__ import annotations

from pathlib import Path

from reportkit import build


def _issuer(number: int) -> str:
    """A distinct issuing body per report (no accidental cross-year pairs)."""
    digits = "零一二三四五六七八九"
    name = "".join(digits[int(d)] for d in str(number))
    return f"云溪县第{name}示范局"


def write_reports(directory: Path, count: int) -> list[Path]:
    """Write ``count`` reports (at least 10) into ``directory``; return their paths.

    Includes one cross-year pair (2022 and 2023 of the same issuer, carry-over mismatch)
    and two unreadable files.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    base = {}
    for number in range(count - 4):
        kind = number % 3
        key = (kind, number % 7)
        if key not in base:
            intro = "本年度新收政府信息公开申请99件。" if kind == 1 else ""
            base[key] = build(issuer="@@", intro=intro, licensing=1200 + number % 7).text
        text = base[key].replace("@@", _issuer(number))
        path = directory / f"r{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    pair_before = build(issuer="云溪县衔接示范局", year=2022, carried_out=7).text
    pair_after = build(issuer="云溪县衔接示范局", year=2023, carried_in=5).text
    for name, text in (("pair-2022.txt", pair_before), ("pair-2023.txt", pair_after)):
        (directory / name).write_text(text, encoding="utf-8")
        written.append(directory / name)
    (directory / "empty.txt").write_bytes(b"")
    (directory / "binary.txt").write_bytes(bytes(range(256)) * 4)
    written += [directory / "empty.txt", directory / "binary.txt"]
    return written
