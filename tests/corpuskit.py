"""A small synthetic corpus for the summary outputs (summary-csv, the HTML report, extract csv).

Four inputs of the shapes a collecting office receives: a clean 2021-format report, a
2019-format report whose section-三 table does not balance (GOV301 and GOV303 errors, GOV501
warning), a file that cannot be read (a UTF-16 byte-order mark and no UTF-16 text), and
(where the file system allows it) a clean report whose *name* holds HTML and CSV
metacharacters. Every sentence comes from :mod:`govlint.synthetic`; none from a real report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import reportkit

from govlint.synthetic import render

CONTACT = "联系地址：云溪县示范路1号，邮政编码：410000，联系电话：0731-5551234，电子邮箱：gk@example.org。"

#: A file name with HTML, attribute and CSV metacharacters (untrusted input of the page).
ODD_NAME = '<b>&"odd",=1.txt'


@dataclass
class Corpus:
    """The corpus directory and its files."""

    root: Path
    clean: Path
    defective: Path
    unreadable: Path
    odd: Path | None

    @property
    def files(self) -> list[Path]:
        """Every input, in the order directory search returns them (sorted by name)."""
        return sorted(p for p in (self.clean, self.defective, self.unreadable, self.odd) if p is not None)


def clean_text(issuer: str = "云溪县示范局", year: int = 2023) -> str:
    """A 2021-format report without any finding."""
    spec = reportkit.spec(issuer=issuer, year=year)
    spec.contact = CONTACT
    return render(spec, "rows")


def defective_text() -> str:
    """A 2019-format report whose 结转下年度 row does not add up (errors) and has no contact (warning)."""
    spec = reportkit.spec(template="2019", issuer="白沙镇人民政府", year=2020)
    spec.applications["carried_out"][0] = 99
    return render(spec, "rows")


def write_corpus(root: Path) -> Corpus:
    """Write the corpus under ``root`` and describe it."""
    root.mkdir(parents=True, exist_ok=True)
    clean = root / "a-clean.txt"
    clean.write_text(clean_text(), encoding="utf-8")
    defective = root / "b-defective.txt"
    defective.write_text(defective_text(), encoding="utf-8")
    unreadable = root / "c-unreadable.txt"
    unreadable.write_bytes(b"\xff\xfe\x00\x00garbage")
    odd: Path | None = None
    if os.name != "nt":
        odd = root / ODD_NAME
        odd.write_text(clean_text(issuer="青石乡人民政府", year=2022), encoding="utf-8")
    return Corpus(root, clean, defective, unreadable, odd)
